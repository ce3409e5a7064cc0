//! The crate's error type.

use crate::diagnostic::Diagnostic;

/// Everything that can go wrong in this crate. Bad *content* is never a panic: it is
/// [`Error::Invalid`] with every diagnostic found.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The document has errors; all of them are listed.
    #[error("invalid document: {} problem(s), first: {}", diagnostics.len(), diagnostics.first().map(ToString::to_string).unwrap_or_default())]
    Invalid {
        /// Every problem found, errors and warnings.
        diagnostics: Vec<Diagnostic>,
    },
    /// Nothing matches the query.
    #[error("no entity matches `{query}`{}", format_suggestions(suggestions))]
    NotFound {
        /// What was looked up.
        query: String,
        /// Close names, best first.
        suggestions: Vec<String>,
    },
    /// Several unrelated entities match the query equally well.
    #[error("`{query}` is ambiguous: it matches {}", candidates.join(", "))]
    Ambiguous {
        /// What was looked up.
        query: String,
        /// The ids of the matching entities.
        candidates: Vec<String>,
    },
    /// The entity exists but is not of the kind the query needs (a pathway of a condition).
    #[error("`{id}` is {}, but {} is needed", crate::diagnostic::with_article(.actual), crate::diagnostic::with_article(.expected))]
    WrongKind {
        /// The entity's id.
        id: String,
        /// What was needed.
        expected: &'static str,
        /// What it is.
        actual: &'static str,
    },
    /// A file could not be read or written.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file or folder (`<stdin>` for standard input).
        path: std::path::PathBuf,
        /// The operating system's error.
        #[source]
        source: std::io::Error,
    },
    /// A failure inside this library (a bug, never bad content); the message says where.
    #[error("internal error (please report): {message}")]
    Internal {
        /// What failed.
        message: String,
    },
}

/// Runs `f`, turning a panic (which no input should cause) into [`Error::Internal`], so that
/// a binding reports a bug as an error of its language instead of aborting its process.
///
/// # Errors
/// What `f` returns, or [`Error::Internal`] when it panics.
pub fn catch_panic<T>(f: impl FnOnce() -> Result<T>) -> Result<T> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).unwrap_or_else(|panic| {
        let message = panic
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_default();
        Err(Error::Internal { message })
    })
}

fn format_suggestions(suggestions: &[String]) -> String {
    if suggestions.is_empty() {
        String::new()
    } else {
        format!(
            "; did you mean {}?",
            suggestions
                .iter()
                .map(|s| format!("`{s}`"))
                .collect::<Vec<_>>()
                .join(", ")
        )
    }
}

impl Error {
    /// The diagnostics of an [`Error::Invalid`], empty otherwise.
    pub fn diagnostics(&self) -> &[Diagnostic] {
        match self {
            Error::Invalid { diagnostics } => diagnostics,
            _ => &[],
        }
    }
}

/// Result alias for this crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;
