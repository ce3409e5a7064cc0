//! Files of a multi-file knowledge base (a folder with a root file, one entity per file):
//! which folder an open file belongs to, and the folder read once and kept, with the editor's
//! unsaved buffers laid over it.

use std::path::{Path, PathBuf};

use lsp_types::Uri;
use neurosteroid::layout::{Snapshot, Tree};
use neurosteroid::{Diagnostic, EntityKind, Limits};

/// Where an open file lies in a knowledge-base folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Member {
    /// The folder holding the root file (absolute).
    pub(crate) root: PathBuf,
    /// The file's path inside it, `/`-separated, as [`Tree`] names its files.
    pub(crate) relative: String,
    /// The collection of an entity file; `None` for the root file.
    pub(crate) kind: Option<EntityKind>,
}

impl Member {
    /// The folder an editor's file belongs to, found as `neurosteroid validate FILE` finds it:
    /// the root file itself, or a file under a collection folder of the nearest folder above
    /// holding a root file. `None` for anything else (a document of its own) and for files
    /// the folder reading skips (under a hidden folder).
    pub(crate) fn of(uri: &Uri) -> Option<Member> {
        let path = file_path(uri)?;
        let root = neurosteroid::layout::kb_root(&path)?;
        let inside = path.strip_prefix(&root).ok()?;
        let parts: Vec<String> = inside
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        if parts.iter().any(|p| p.starts_with('.')) {
            return None;
        }
        Some(Member {
            kind: neurosteroid::canonical::collection_of(inside),
            relative: parts.join("/"),
            root,
        })
    }
}

/// One knowledge-base folder: its files as on disk (read when first needed), and the last
/// snapshot of the files with the open buffers laid over them, for completion and navigation.
#[derive(Debug, Default)]
pub(crate) struct Folder {
    disk: Option<Tree>,
    current: Option<(Tree, Snapshot)>,
}

impl Folder {
    /// Forgets what was read from disk (a file was saved, closed, or changed outside the
    /// editor): the next use reads the folder again.
    pub(crate) fn reread(&mut self) {
        self.disk = None;
        self.current = None;
    }

    /// An open buffer changed: the snapshot is stale.
    pub(crate) fn changed(&mut self) {
        self.current = None;
    }

    /// The folder's files with the given buffers (relative path, text) in place of the
    /// files on disk.
    ///
    /// # Errors
    /// The problems that prevented reading the folder (a file too large, not UTF-8, an
    /// unreadable folder), as diagnostics naming their files.
    pub(crate) fn tree<'a>(
        &mut self,
        root: &Path,
        buffers: impl IntoIterator<Item = (&'a str, &'a str)>,
        limits: &Limits,
    ) -> Result<Tree, Vec<Diagnostic>> {
        if self.disk.is_none() {
            self.disk = Some(Tree::read(root, limits, None).map_err(|e| match e {
                neurosteroid::Error::Invalid { diagnostics } => diagnostics,
                other => vec![Diagnostic::error(
                    neurosteroid::Code::Syntax,
                    "",
                    format!(
                        "the knowledge-base folder `{}` could not be read: {other}",
                        root.display()
                    ),
                )],
            })?);
        }
        let mut tree = self.disk.clone().unwrap_or_else(|| Tree::from_files(root, []));
        for (relative, text) in buffers {
            tree.set_text(relative, text.to_owned());
        }
        Ok(tree)
    }

    /// The files with the open buffers, parsed and put together (kept until a buffer changes).
    pub(crate) fn snapshot<'a>(
        &mut self,
        root: &Path,
        buffers: impl IntoIterator<Item = (&'a str, &'a str)>,
        limits: &Limits,
    ) -> Option<&(Tree, Snapshot)> {
        if self.current.is_none() {
            let tree = self.tree(root, buffers, limits).ok()?;
            let snapshot = tree.snapshot(limits);
            self.current = Some((tree, snapshot));
        }
        self.current.as_ref()
    }
}

/// The local path of a `file:` URI (percent-escapes decoded).
pub(crate) fn file_path(uri: &Uri) -> Option<PathBuf> {
    if !uri.scheme().is_some_and(|s| s.as_str().eq_ignore_ascii_case("file")) {
        return None;
    }
    let encoded = uri.path().as_str();
    let bytes = encoded.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match (
            bytes[i],
            bytes.get(i + 1).copied().and_then(hex),
            bytes.get(i + 2).copied().and_then(hex),
        ) {
            (b'%', Some(h), Some(l)) => {
                out.push(u8::try_from(h * 16 + l).ok()?);
                i += 3;
            }
            (b, ..) => {
                out.push(b);
                i += 1;
            }
        }
    }
    let path = PathBuf::from(String::from_utf8(out).ok()?);
    path.is_absolute().then_some(path)
}

/// The `file:` URI of a local path (characters other than unreserved ones and `/`
/// percent-escaped).
pub(crate) fn file_uri(path: &Path) -> Option<Uri> {
    let mut s = String::from("file://");
    for b in path.to_str()?.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'/' | b'-' | b'.' | b'_' | b'~') {
            s.push(char::from(b));
        } else {
            s.push_str(&format!("%{b:02X}"));
        }
    }
    s.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_uris_round_trip() {
        let path = Path::new("/tmp/a kb/5α/x.yaml");
        let uri = file_uri(path);
        assert_eq!(
            uri.as_ref().map(|u| u.as_str().to_owned()).as_deref(),
            Some("file:///tmp/a%20kb/5%CE%B1/x.yaml")
        );
        assert_eq!(uri.as_ref().and_then(file_path).as_deref(), Some(path));
        let other: Option<Uri> = "untitled:Untitled-1".parse().ok();
        assert_eq!(other.as_ref().and_then(file_path), None);
    }
}
