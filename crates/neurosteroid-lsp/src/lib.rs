//! A language server for neurosteroid knowledge-base documents (YAML or JSON).
//!
//! It publishes exactly the diagnostics of `neurosteroid validate --level full` (dangling
//! references, disconnected pathways, future dates, check digits, ... as well as what the
//! JSON Schema checks) with ranges, refreshed as the document changes; completes entity ids
//! where a reference is expected, with their kind and name; shows the referenced entity on
//! hover (and a claim's grade); and jumps from a reference to the entity's `id`.
//!
//! A file of a knowledge base in many files (an entity file under a collection folder, or the
//! root file `knowledge-base.yaml`) is validated with its whole folder, read once and kept,
//! with the editor's open buffers in place of their files
//! ([`neurosteroid::layout::Tree::set_text`]); each open file of the folder gets its own
//! problems, and references complete and resolve across the folder's files.
//!
//! The `neurosteroid lsp` command starts it over standard input and output:
//!
//! ```no_run
//! neurosteroid_lsp::run_stdio(neurosteroid_lsp::Options::default())?;
//! # Ok::<(), neurosteroid_lsp::Error>(())
//! ```
//!
//! [`serve`] runs it on any [`lsp_server::Connection`] (for instance an in-memory one).

mod cursor;
mod document;
mod error;
mod features;
mod server;
mod text;
mod workspace;

pub use error::{Error, Result};
pub use server::{Options, serve};

/// Serves one editor over standard input and output until it sends `shutdown` and `exit`.
pub fn run_stdio(options: Options) -> Result<()> {
    let (connection, io_threads) = lsp_server::Connection::stdio();
    serve(&connection, options)?;
    // Dropping the connection closes the writer, so the I/O threads can finish.
    drop(connection);
    io_threads.join()?;
    Ok(())
}
