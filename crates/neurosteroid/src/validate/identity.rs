//! Uniqueness: ids, external identifiers, names; and check digits. Pointers are built only
//! for the diagnostics, not for every entity.

use rustc_hash::FxHashMap as HashMap;

use super::IdIndex;
use crate::diagnostic::{Code, Diagnostic};
use crate::model::{Curie, Document, EntityKind};

pub(crate) fn pointer(kind: EntityKind, index: usize) -> String {
    format!("/{}/{index}", kind.collection())
}

pub(super) fn index_ids<'a>(doc: &'a Document, diags: &mut Vec<Diagnostic>) -> IdIndex<'a> {
    let mut by_id: HashMap<&'a str, (EntityKind, usize)> =
        HashMap::with_capacity_and_hasher(doc.entities().count(), Default::default());
    for (kind, i, e) in doc.entities() {
        let id = e.id().as_str();
        if let Some(&(other_kind, other_i)) = by_id.get(id) {
            diags.push(
                Diagnostic::error(
                    Code::DuplicateId,
                    format!("{}/id", pointer(kind, i)),
                    format!(
                        "id `{id}` is already used by the {other_kind} at {}",
                        pointer(other_kind, other_i)
                    ),
                )
                .with_hint("ids are unique across every kind of entity; rename one of them"),
            );
        } else {
            by_id.insert(id, (kind, i));
        }
    }
    IdIndex { by_id }
}

pub(super) fn check_identifiers(doc: &Document, diags: &mut Vec<Diagnostic>) {
    // Keyed by canonical form, so `CHEBI:050169` and `CHEBI:50169` are one identifier.
    let mut seen: HashMap<Curie, (EntityKind, usize, &str)> = HashMap::default();
    for (kind, i, e) in doc.entities() {
        for (j, curie) in e.identifiers().iter().enumerate() {
            let at = || format!("{}/identifiers/{j}", pointer(kind, i));
            if curie.check_digit_ok() == Some(false) {
                diags.push(
                    Diagnostic::error(Code::CheckDigit, at(), format!("`{curie}` has a wrong check digit"))
                        .with_hint("re-copy the number from its registry; a digit is wrong or two are swapped"),
                );
            }
            let canonical = curie.canonical();
            match seen.get(&canonical) {
                Some(&(k, n, other_id)) if other_id != e.id().as_str() => diags.push(
                    Diagnostic::error(Code::DuplicateIdentifier, at(), format!("`{curie}` also identifies `{other_id}` ({})", pointer(k, n)))
                        .with_hint("one identifier names one thing: check which entity it really belongs to (stereoisomers are a common trap)"),
                ),
                Some(_) => {}
                None => {
                    seen.insert(canonical, (kind, i, e.id().as_str()));
                }
            }
        }
    }
}

pub(super) fn check_names(doc: &Document, diags: &mut Vec<Diagnostic>) {
    let mut seen: HashMap<String, (EntityKind, usize)> = HashMap::default();
    for (kind, i, e) in doc.entities().filter(|(k, ..)| k.carries_names()) {
        let names = std::iter::once((true, e.name())).chain(e.other_names().into_iter().map(|n| (false, n)));
        for (is_name, name) in names {
            let key = crate::names::lookalike_key(name);
            if key.is_empty() {
                continue;
            }
            match seen.get(&key) {
                Some(&(k, n)) => {
                    let Some(other) = doc.entity(k, n) else { continue };
                    if other.id() != e.id() && !other.related(&e) {
                        let at = if is_name {
                            format!("{}/name", pointer(kind, i))
                        } else {
                            pointer(kind, i)
                        };
                        diags.push(
                            Diagnostic::error(
                                Code::DuplicateName,
                                at,
                                format!("the name `{name}` also names `{}` ({})", other.id(), pointer(k, n)),
                            )
                            .with_hint("a name or synonym may name one entity only; remove it from one, or qualify it"),
                        );
                    }
                }
                None => {
                    seen.insert(key, (kind, i));
                }
            }
        }
    }
}
