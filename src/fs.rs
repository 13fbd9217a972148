//! The file system, at the bottom of everything: atomic writes (a reader
//! sees the old file or the new one, never a part), advisory locks that
//! keep two runs of one command apart, and paths relative to a folder
//! written with `/` whatever the platform.

use anyhow::{Context, Result, bail};
use std::io::Write;
use std::path::Path;

/// Writes `bytes` to `path` through a temporary file in the same folder
/// and a rename, so readers see the old file or the new one, never a part.
/// Without `replace`, fails if `path` exists.
pub fn write_atomic(path: &Path, bytes: &[u8], replace: bool) -> Result<()> {
    write_atomic_with(path, replace, |w| w.write_all(bytes).map_err(Into::into))
}

/// [`write_atomic`] for content made while it is written (a large JSON
/// file streamed by serde), so it is never held in memory whole.
pub fn write_atomic_with(
    path: &Path,
    replace: bool,
    write: impl FnOnce(&mut dyn Write) -> Result<()>,
) -> Result<()> {
    let dir = path.parent().context("a file to write lives in a folder")?;
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let mut tmp = tempfile::Builder::new()
        .prefix(TEMP_PREFIX)
        .suffix(".tmp")
        .tempfile_in(dir)
        .with_context(|| format!("cannot create a temporary file in {}", dir.display()))?;
    {
        let mut buffered = std::io::BufWriter::new(tmp.as_file_mut());
        write(&mut buffered)
            .and_then(|()| buffered.flush().map_err(Into::into))
            .with_context(|| format!("cannot write {}", path.display()))?;
    }
    tmp.as_file()
        .sync_all()
        .with_context(|| format!("cannot write {}", path.display()))?;
    let persisted = if replace {
        tmp.persist(path).map(drop)
    } else {
        tmp.persist_noclobber(path).map(drop)
    };
    persisted
        .map_err(|e| e.error)
        .with_context(|| format!("cannot write {}", path.display()))
}

/// [`write_atomic`] for a file meant for others (an e-book, an archive):
/// readable by everyone, as files written the ordinary way are.
pub fn write_shared(path: &Path, bytes: &[u8]) -> Result<()> {
    write_atomic(path, bytes, true)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o644))
            .with_context(|| format!("cannot set the permissions of {}", path.display()))?;
    }
    Ok(())
}

/// Names of temporary files [`write_atomic`] makes; hidden, so no walk of
/// content/ reads them, and removed by [`remove_stale_temporaries`].
pub const TEMP_PREFIX: &str = ".paperboy-";

/// Removes temporary files an interrupted write left under `dir`.
pub fn remove_stale_temporaries(dir: &Path) {
    let walker = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok);
    for entry in walker.filter(|e| e.file_type().is_file()) {
        let name = entry.file_name().to_string_lossy();
        if name.starts_with(TEMP_PREFIX) && name.ends_with(".tmp") {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// An exclusive advisory lock, held until dropped. The operating system
/// releases it when the process dies, so a killed run never leaves a
/// stale lock behind.
#[derive(Debug)]
pub struct Lock {
    _file: std::fs::File,
}

/// Takes the lock file at `path` for `what` (say, "fetch"), failing at once
/// with a clear message when another process holds it.
pub fn lock(path: &Path, what: &str) -> Result<Lock> {
    let dir = path.parent().context("a lock file lives in a folder")?;
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(path)
        .with_context(|| format!("cannot create {}", path.display()))?;
    match file.try_lock() {
        Ok(()) => Ok(Lock { _file: file }),
        Err(std::fs::TryLockError::WouldBlock) => bail!(
            "another {what} is running in this site ({} is locked); wait for it to finish",
            path.display()
        ),
        Err(std::fs::TryLockError::Error(e)) => {
            Err(e).with_context(|| format!("cannot lock {}", path.display()))
        }
    }
}

/// `path` relative to `root` (which must contain it), with `/` separators.
pub fn relative(root: &Path, path: &Path) -> String {
    let rel = path
        .strip_prefix(root)
        .expect("the path lies below its root");
    let parts: Vec<_> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    parts.join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins_with_slashes() {
        let root = Path::new("site");
        assert_eq!(
            relative(root, &root.join("world").join("a.md")),
            "world/a.md"
        );
    }

    #[test]
    fn atomic_writes_and_locks() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a/b.txt");
        write_atomic(&path, b"one", false).unwrap();
        assert!(write_atomic(&path, b"two", false).is_err(), "no clobber");
        write_atomic(&path, b"two", true).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"two");
        let lock_path = dir.path().join("x.lock");
        let held = lock(&lock_path, "build").unwrap();
        let err = lock(&lock_path, "build").unwrap_err().to_string();
        assert!(err.contains("another build is running"), "{err}");
        drop(held);
        assert!(lock(&lock_path, "build").is_ok());
    }
}
