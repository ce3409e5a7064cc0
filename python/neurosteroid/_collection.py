"""`Collection`: a read-only, lazy sequence of one kind of entity."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any, Generic, TypeVar, overload

from ._errors import NotFoundError

if TYPE_CHECKING:
    from ._kb import KnowledgeBase

E = TypeVar("E")


class Collection(Sequence[E], Generic[E]):
    """A read-only, lazy sequence of one kind of entity. The data stay in Rust; an object
    is created only when an item is accessed."""

    __slots__ = ("_kb", "_len", "_name")

    def __init__(self, kb: KnowledgeBase, name: str) -> None:
        self._kb = kb
        self._name = name
        self._len = kb._kb.count(name)

    def __len__(self) -> int:
        return self._len

    @overload
    def __getitem__(self, index: int) -> E: ...
    @overload
    def __getitem__(self, index: str) -> E: ...
    @overload
    def __getitem__(self, index: slice) -> list[E]: ...
    def __getitem__(self, index: int | str | slice) -> E | list[E]:
        """By position (`kb.compounds[0]`), slice, or id (`kb.compounds["allopregnanolone"]`,
        which raises `NotFoundError`, a `KeyError`, when this collection has no such id)."""
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(self._len))]
        if isinstance(index, str):
            i = self._index_of(index)
            if i is None:
                kind = self._name.replace("_", " ")
                raise NotFoundError(f"no entity among the {kind} has the id {index!r}", index, [])
            return self._kb._at(self._name, i)  # type: ignore[no-any-return]
        if isinstance(index, bool) or not isinstance(index, int):
            raise TypeError(
                f"{self._name} are indexed by position (int), id (str) or slice, not {type(index).__name__}"
            )
        if index < 0:
            index += self._len
        if not 0 <= index < self._len:
            raise IndexError(f"{self._name} index out of range")
        return self._kb._at(self._name, index)  # type: ignore[no-any-return]

    def __iter__(self) -> Iterator[E]:
        for i in range(self._len):
            yield self[i]

    def _index_of(self, id: str) -> int | None:
        found = self._kb._kb.locate(id)
        if found is None or found[0] != self._name:
            return None
        return found[1]

    def get(self, id: str, default: Any = None) -> Any:
        """The entity of this collection with this id, or `default`."""
        if not isinstance(id, str):
            raise TypeError(f"ids are str, got {type(id).__name__}")
        i = self._index_of(id)
        return default if i is None else self._kb._at(self._name, i)

    def __contains__(self, item: object) -> bool:
        """`"allopregnanolone" in kb.compounds`: an id (or an entity) of this collection."""
        if isinstance(item, str):
            return self._index_of(item) is not None
        item_id = getattr(item, "id", None)
        if isinstance(item_id, str) and (i := self._index_of(item_id)) is not None:
            return bool(self._kb._at(self._name, i) == item)
        return False

    def __repr__(self) -> str:
        return f"<Collection {self._name} ({self._len} items)>"
