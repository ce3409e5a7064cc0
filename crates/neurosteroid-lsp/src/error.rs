//! What can stop the server.

/// A failure of the connection with the editor (never of a document's content, which is
/// reported as diagnostics).
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The editor broke the protocol (no `initialize` first, a malformed message, ...).
    #[error("language server protocol error: {message} (is the editor speaking LSP over stdio?)")]
    Protocol {
        /// What went wrong.
        message: String,
    },
    /// Reading standard input or writing standard output failed.
    #[error("language server I/O error on stdio: {source}")]
    Io {
        /// The underlying error.
        #[from]
        source: std::io::Error,
    },
}

impl From<lsp_server::ProtocolError> for Error {
    fn from(e: lsp_server::ProtocolError) -> Self {
        Error::Protocol { message: e.to_string() }
    }
}

/// The result type of this crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;
