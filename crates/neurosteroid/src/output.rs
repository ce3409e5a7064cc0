//! Writing output files safely: all or nothing, never through a planted link, never
//! replacing something that is not a regular file.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Writes `bytes` to `path` so that readers see the old file or the new one, never half of
/// either:
///
/// - a regular file (or a missing one) is replaced through a temporary file created in
///   the same directory with an unpredictable name, exclusively (`O_EXCL`, so a link
///   planted in advance is never followed), then renamed over the target; the target's
///   permissions are kept; the temporary file is removed on every failure path (a
///   `kill -9` between creation and rename can still leave one `.NAME.*.tmp` file);
/// - a symbolic link to a regular file has its target replaced the same way, and stays a
///   link;
/// - anything else that exists (`/dev/null`, a FIFO, a terminal) is opened and written
///   directly, never replaced by a regular file.
///
/// # Errors
/// Any I/O error, with nothing left behind.
pub fn write_file(path: &Path, bytes: &[u8]) -> io::Result<()> {
    // What exists is written where it really is (through any symbolic link; a dangling
    // link is an error); a missing file is created where it was named.
    let target = match fs::symlink_metadata(path) {
        Ok(_) => fs::canonicalize(path)?,
        Err(_) => path.to_path_buf(),
    };
    match fs::metadata(&target) {
        Ok(m) if !m.is_file() => {
            if m.is_dir() {
                return Err(io::Error::new(
                    io::ErrorKind::IsADirectory,
                    "is a directory; give a file name",
                ));
            }
            let mut f = OpenOptions::new().write(true).open(&target)?;
            f.write_all(bytes)?;
            f.flush()
        }
        existing => replace(&target, bytes, existing.ok().map(|m| m.permissions())),
    }
}

/// The folder a file is in, where its temporary file is made (so that the rename stays on
/// one file system): `.` for a bare file name.
fn folder_of(target: &Path) -> PathBuf {
    target
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf)
}

fn replace(target: &Path, bytes: &[u8], permissions: Option<fs::Permissions>) -> io::Result<()> {
    let dir = folder_of(target);
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let prefix = format!(".{name}.");
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".tmp");
    #[cfg(unix)]
    let mode = {
        use std::os::unix::fs::PermissionsExt;
        // A new file gets the usual 0666 less the umask, like `File::create`.
        permissions.clone().unwrap_or_else(|| fs::Permissions::from_mode(0o666))
    };
    #[cfg(unix)]
    builder.permissions(mode);
    let mut tmp = builder.tempfile_in(&dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    if let Some(p) = permissions {
        tmp.as_file().set_permissions(p)?;
    }
    // On failure the temporary file is dropped, which removes it.
    tmp.persist(target).map_err(|e| e.error)?;
    // Make the rename itself durable where the platform allows it.
    if let Ok(d) = File::open(&dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

/// Indented JSON (two spaces) with a trailing newline: how every JSON file and JSON output of
/// the project is written.
pub fn pretty_json(value: &impl serde::Serialize) -> String {
    let mut s = serde_json::to_string_pretty(value).unwrap_or_default();
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_temporary_file_goes_in_the_target_folder() {
        assert_eq!(folder_of(Path::new("out.json")), Path::new("."));
        assert_eq!(folder_of(Path::new("a/b/out.json")), Path::new("a/b"));
        assert_eq!(folder_of(Path::new("/out.json")), Path::new("/"));
    }

    #[test]
    fn replaces_a_file_and_keeps_its_mode() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("out.txt");
        fs::write(&p, "old").unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            fs::set_permissions(&p, fs::Permissions::from_mode(0o640)).unwrap();
        }
        write_file(&p, b"new").unwrap();
        assert_eq!(fs::read_to_string(&p).unwrap(), "new");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            assert_eq!(fs::metadata(&p).unwrap().permissions().mode() & 0o777, 0o640);
        }
        let left: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(left.len(), 1, "no temporary file is left behind");
    }

    /// A FIFO of its own, not `/dev/null`: a broken `write_file` (a mutant under test, run as
    /// root) replaces the file it is given with a regular file, which here is only a file in
    /// a temporary folder; on `/dev/null` it broke the machine's, and every later run failed.
    #[cfg(unix)]
    #[test]
    fn writes_through_a_fifo_and_keeps_links() {
        use std::io::Read;
        use std::os::unix::fs::FileTypeExt;
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("fifo");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status().unwrap();
        assert!(made.success(), "mkfifo failed");
        // Open for reading and writing (does not wait for a writer on Linux and macOS), so
        // that `write_file` can open it to write without waiting for a reader.
        let mut reader = OpenOptions::new().read(true).write(true).open(&fifo).unwrap();
        write_file(&fifo, b"x").unwrap();
        assert!(
            fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo(),
            "the FIFO was replaced"
        );
        let mut got = [0u8; 1];
        reader.read_exact(&mut got).unwrap();
        assert_eq!(&got, b"x");
        let real = dir.path().join("real.txt");
        fs::write(&real, "old").unwrap();
        let link = dir.path().join("link.txt");
        std::os::unix::fs::symlink(&real, &link).unwrap();
        write_file(&link, b"new").unwrap();
        assert!(fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
        assert_eq!(fs::read_to_string(&real).unwrap(), "new");
    }

    #[test]
    fn a_directory_is_refused_and_nothing_is_left() {
        let dir = tempfile::tempdir().unwrap();
        assert!(write_file(dir.path(), b"x").is_err());
        let missing = dir.path().join("no/such/dir/out.txt");
        assert!(write_file(&missing, b"x").is_err());
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 0);
    }
}
