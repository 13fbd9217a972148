//! Writing the built site: everything goes into a staging folder beside the
//! output, which then replaces the output in one rename. A build that fails
//! part-way leaves the previous output whole.
//!
//! Owns the safety rules for the output path too: it may not be the site
//! root, contain it, or live inside a source folder, and an existing folder
//! is only replaced if it looks like an earlier build.

use crate::layout::Layout;
use anyhow::{Context, Result, bail};
use std::fs;
use std::path::{Path, PathBuf};

/// One file of the built site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputFile {
    /// Path from the output root, with `/` separators.
    pub path: String,
    pub bytes: Vec<u8>,
}

/// A new build being written into a staging folder beside the output. It
/// replaces the output only on [`Staging::commit`]; dropped without a
/// commit (a failed build), it is removed and the old output stays.
pub struct Staging {
    dir: tempfile::TempDir,
    output: PathBuf,
}

impl Staging {
    /// Checks `output`, creates the staging folder, and copies the files of
    /// `static_dirs` (lowest layer first) into it.
    pub fn create(layout: &Layout, output: &Path, static_dirs: &[PathBuf]) -> Result<Staging> {
        check_output_path(layout, output)?;
        let parent = output
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        fs::create_dir_all(parent)
            .with_context(|| format!("cannot create {}", parent.display()))?;
        let dir = tempfile::Builder::new()
            .prefix(".paperboy-build-")
            .tempdir_in(parent)
            .with_context(|| format!("cannot create a staging folder in {}", parent.display()))?;
        let staging = Staging {
            dir,
            output: output.to_path_buf(),
        };
        for from in static_dirs {
            staging.copy_tree(from)?;
        }
        Ok(staging)
    }

    /// Writes one file of the new build; callable from many threads. A
    /// generated file replaces a static one of the same name.
    pub fn write(&self, file: &OutputFile) -> Result<()> {
        self.place(&file.path, &file.bytes)
    }

    /// Puts `bytes` at `rel` in the new build. A file identical to the one
    /// in the current output becomes a hard link to it, so unchanged files
    /// keep their modification time and a sync or upload skips them.
    fn place(&self, rel: &str, bytes: &[u8]) -> Result<()> {
        let path = self.dir.path().join(rel);
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
        }
        // Never write through an earlier link: that would change the old output.
        let _ = fs::remove_file(&path);
        let old = self.output.join(rel);
        let unchanged = fs::metadata(&old).is_ok_and(|m| m.len() == bytes.len() as u64)
            && fs::read(&old).is_ok_and(|b| b == bytes);
        if unchanged && fs::hard_link(&old, &path).is_ok() {
            return Ok(());
        }
        fs::write(&path, bytes).with_context(|| format!("cannot write {}", path.display()))
    }

    /// Copies the files under `from` into the new build, keeping relative
    /// paths. Hidden files are skipped; a missing `from` is not an error.
    fn copy_tree(&self, from: &Path) -> Result<()> {
        if !from.is_dir() {
            return Ok(());
        }
        let walker = walkdir::WalkDir::new(from)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
        for entry in walker {
            let entry = entry.with_context(|| format!("cannot walk {}", from.display()))?;
            if entry.file_type().is_file() {
                let bytes = fs::read(entry.path())
                    .with_context(|| format!("cannot read {}", entry.path().display()))?;
                self.place(&crate::fs::relative(from, entry.path()), &bytes)?;
            }
        }
        Ok(())
    }

    /// Makes the new build the output.
    pub fn commit(self) -> Result<()> {
        swap_into_place(self.dir, &self.output)
    }
}

/// Replaces `output` with the staged folder: old output aside, new in, old
/// removed. If the second rename fails, the old output is put back.
fn swap_into_place(staging: tempfile::TempDir, output: &Path) -> Result<()> {
    if !output.exists() {
        let staged = staging.keep();
        return fs::rename(&staged, output)
            .with_context(|| format!("cannot move the new build to {}", output.display()));
    }
    let parent = staging
        .path()
        .parent()
        .expect("staging has a parent")
        .to_path_buf();
    let trash = tempfile::Builder::new()
        .prefix(".paperboy-old-")
        .tempdir_in(&parent)?;
    let old = trash.path().join("old");
    fs::rename(output, &old)
        .with_context(|| format!("cannot move the previous {} aside", output.display()))?;
    let staged = staging.keep();
    if let Err(e) = fs::rename(&staged, output) {
        let _ = fs::rename(&old, output);
        let _ = fs::remove_dir_all(&staged);
        return Err(e)
            .with_context(|| format!("cannot move the new build to {}", output.display()));
    }
    drop(trash); // removes the previous build
    Ok(())
}

/// Refuses output paths whose replacement would destroy sources or files
/// that are not an earlier build.
fn check_output_path(layout: &Layout, output: &Path) -> Result<()> {
    let root = &layout.root;
    let canon_root =
        fs::canonicalize(root).with_context(|| format!("cannot find {}", root.display()))?;
    let canon_out = absolute(output)?;
    if canon_root.starts_with(&canon_out) {
        bail!(
            "output folder {} contains the site itself; choose a folder such as public/",
            output.display()
        );
    }
    for (dir, source) in layout.protected() {
        let dir = canon_root.join(dir.strip_prefix(root).unwrap_or(dir));
        if canon_out.starts_with(dir) {
            bail!(
                "output folder {} is inside {source}/; choose a folder such as public/",
                output.display()
            );
        }
    }
    if output.is_dir() {
        let empty = fs::read_dir(output)?.next().is_none();
        if !empty && !output.join("index.html").is_file() {
            bail!(
                "output folder {} exists and does not look like an earlier build (no index.html); \
                 remove it or choose another --output",
                output.display()
            );
        }
    } else if output.exists() {
        bail!(
            "output path {} exists and is not a folder",
            output.display()
        );
    }
    Ok(())
}

/// An absolute, symlink-free form of `path`, which may not exist yet.
fn absolute(path: &Path) -> Result<PathBuf> {
    let abs = std::path::absolute(path)?;
    let mut existing = abs.as_path();
    let mut rest = Vec::new();
    while !existing.exists() {
        rest.push(
            existing
                .file_name()
                .map(|n| n.to_os_string())
                .unwrap_or_default(),
        );
        existing = existing.parent().unwrap_or(Path::new("/"));
    }
    let mut out = fs::canonicalize(existing)?;
    out.extend(rest.iter().rev());
    Ok(out)
}
