//! The error of every validated value type of the model.

use std::fmt;

/// Why a text or number is not a valid value of a model type: an [`Id`](super::Id), a
/// [`Date`](super::Date), a [`Text`](super::Text), a [`Year`](super::Year), an
/// [`EvidenceKind`](super::EvidenceKind), ... What `TryFrom` and `FromStr` of these types
/// return; its message is the one a document's diagnostic gives for the same value.
///
/// ```
/// use neurosteroid::model::{Id, InvalidValue};
///
/// let err: InvalidValue = "Not An Id".parse::<Id>().unwrap_err();
/// assert!(err.message().contains("is not a valid id"));
/// let _: &dyn std::error::Error = &err;
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvalidValue {
    message: String,
}

impl InvalidValue {
    pub(crate) fn new(message: impl Into<String>) -> InvalidValue {
        InvalidValue {
            message: message.into(),
        }
    }

    /// What is wrong with the value, e.g. "`X` is not a valid id (lowercase slug) (pattern ...)".
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for InvalidValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for InvalidValue {}
