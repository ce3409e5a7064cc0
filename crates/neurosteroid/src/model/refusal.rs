//! How a value type of the model (an id, a date, a CURIE, a year, ...) tells the structure
//! check which diagnostic code its refusal has, without the check reading the message.
//!
//! serde hands a type's refusal to the deserialiser's error type as text only
//! (`serde::de::Error::custom`), whatever that error type is. [`checked`] sets the code aside,
//! on this thread, for the duration of that one call: the structure check's own error type
//! (`parse::de`) takes it there ([`take_code`]); any other deserialiser (serde_json's) sees the
//! same message and nothing else, and the code is cleared when the call returns.

use std::cell::Cell;

use serde::{Deserialize, Deserializer};

use crate::diagnostic::Code;

thread_local! {
    static CODE: Cell<Option<Code>> = const { Cell::new(None) };
}

/// Why a value type refused a value: the diagnostic code and the message.
#[derive(Debug)]
pub(crate) struct Refusal {
    code: Code,
    message: String,
}

impl Refusal {
    /// A refusal with its code and message.
    pub(crate) fn new(code: Code, message: impl Into<String>) -> Refusal {
        Refusal {
            code,
            message: message.into(),
        }
    }

    /// The public error of the type's `TryFrom`/`FromStr`: the message, as
    /// [`InvalidValue`](crate::model::InvalidValue).
    pub(crate) fn into_invalid(self) -> crate::model::InvalidValue {
        crate::model::InvalidValue::new(self.message)
    }

    /// The deserialiser's error for this refusal: its message, with the code set aside for
    /// the error type of the structure check.
    fn into_error<E: serde::de::Error>(self) -> E {
        CODE.with(|c| c.set(Some(self.code)));
        let e = E::custom(self.message);
        CODE.with(|c| c.set(None));
        e
    }
}

/// Deserialises a `T` from its wire form `W` (a string or a number), then `check`s it.
pub(crate) fn checked<'de, D, W, T>(d: D, check: impl FnOnce(W) -> Result<T, Refusal>) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    W: Deserialize<'de>,
{
    check(W::deserialize(d)?).map_err(Refusal::into_error)
}

/// The code of the refusal being turned into an error, if one is (called by an error type's
/// `custom`; takes it, so that it is read once).
pub(crate) fn take_code() -> Option<Code> {
    CODE.with(Cell::take)
}

/// For a type with `fn check(wire) -> Result<Self, Refusal>`: `TryFrom<wire>` (the refusal's
/// message as an [`InvalidValue`](crate::model::InvalidValue)) and `Deserialize` (through [`checked`], so the code goes along).
/// With `read as R`, the wire form is read as `R` (which converts into it) for its message
/// on a value of the wrong type.
macro_rules! checked_type {
    ($ty:ty, $wire:ty) => {
        checked_type!($ty, $wire, read as $wire);
    };
    ($ty:ty, $wire:ty, read as $read:ty) => {
        impl TryFrom<$wire> for $ty {
            type Error = $crate::model::InvalidValue;
            fn try_from(v: $wire) -> Result<Self, $crate::model::InvalidValue> {
                Self::check(v).map_err($crate::model::refusal::Refusal::into_invalid)
            }
        }

        impl<'de> serde::Deserialize<'de> for $ty {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                $crate::model::refusal::checked(d, |v: $read| Self::check(v.into()))
            }
        }
    };
}
pub(crate) use checked_type;
