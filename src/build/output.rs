//! Writing the built site, losing nothing.
//!
//! Every file goes into a staging folder beside the output, which then
//! takes the output's place in one atomic step (an exchange rename on
//! Linux; elsewhere two renames, undone after a crash). A build that fails
//! or is killed at any point leaves either the old output or the new one
//! whole, and the next build clears what a killed one left behind.
//!
//! paperboy only ever deletes what it wrote: each build records its files
//! in a manifest ([`MANIFEST`]) in the output. Files it did not write (a
//! `.git` folder of a gh-pages checkout, a CNAME, notes) are carried into
//! the new output by hard link, untouched, with one warning line. A
//! non-empty folder with no trace of an earlier build is refused unless
//! the user says `--force`. The output may not be the site root, contain
//! it, or lie inside a source folder.

use crate::layout::Layout;
use anyhow::{Context, Result, bail};
use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

/// One file of the built site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputFile {
    /// Path from the output root, with `/` separators.
    pub path: String,
    pub bytes: Vec<u8>,
}

/// The list of files a build wrote, one path per line, in the output.
pub const MANIFEST: &str = ".paperboy-manifest";

/// Names of staging folders and of old outputs set aside: hidden siblings
/// of the output, named after it.
const STAGING_PREFIX: &str = ".paperboy-build-";
const OLD_PREFIX: &str = ".paperboy-old-";

/// A new build being written into a staging folder beside the output. It
/// replaces the output only on [`Staging::commit`]; dropped without a
/// commit (a failed build), it is removed and the old output stays.
pub struct Staging {
    dir: tempfile::TempDir,
    output: PathBuf,
    written: Mutex<BTreeSet<String>>,
    /// Folders already made in the staging folder: making each once saves
    /// a system call per file, which threads writing into one folder wait
    /// on each other for.
    made: Mutex<std::collections::HashSet<PathBuf>>,
    /// Files whose bytes were new (not carried over from the old output).
    fresh: AtomicUsize,
}

impl Staging {
    /// Checks `output`, clears leftovers of killed builds and creates the
    /// staging folder. `force` allows a non-empty output folder that holds
    /// no earlier build.
    pub fn create(layout: &Layout, output: &Path, force: bool) -> Result<Staging> {
        check_output_path(layout, output)?;
        let parent = parent_of(output);
        fs::create_dir_all(&parent)
            .with_context(|| format!("cannot create {}", parent.display()))?;
        recover(output)?;
        check_trace(output, force)?;
        let dir = tempfile::Builder::new()
            .prefix(&format!("{STAGING_PREFIX}{}-", name_of(output)))
            .tempdir_in(&parent)
            .with_context(|| format!("cannot create a staging folder in {}", parent.display()))?;
        Ok(Staging {
            dir,
            output: output.to_path_buf(),
            written: Mutex::new(BTreeSet::new()),
            made: Mutex::new(std::collections::HashSet::new()),
            fresh: AtomicUsize::new(0),
        })
    }

    /// Writes one file of the new build; callable from many threads.
    pub fn write(&self, file: &OutputFile) -> Result<()> {
        self.place(&file.path, &file.bytes)
    }

    /// Carries file `rel` of the current output into the new build as it
    /// is (a hard link; a copy where links are impossible).
    pub fn keep(&self, rel: &str) -> Result<()> {
        let path = self.dir.path().join(rel);
        self.make_parent(&path)?;
        let old = self.output.join(rel);
        if fs::hard_link(&old, &path).is_err() {
            fs::copy(&old, &path).with_context(|| format!("cannot copy {}", old.display()))?;
        }
        self.written
            .lock()
            .expect("manifest lock")
            .insert(rel.to_string());
        Ok(())
    }

    /// Makes the folder `path` goes in, unless this build made it before.
    fn make_parent(&self, path: &Path) -> Result<()> {
        let Some(dir) = path.parent() else {
            return Ok(());
        };
        if self.made.lock().expect("folder list lock").contains(dir) {
            return Ok(());
        }
        fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
        self.made
            .lock()
            .expect("folder list lock")
            .insert(dir.to_path_buf());
        Ok(())
    }

    /// The staging folder.
    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// How many files got new bytes (rather than being carried over).
    pub fn fresh(&self) -> usize {
        self.fresh.load(Ordering::Relaxed)
    }

    /// Puts `bytes` at `rel` in the new build. A file identical to the one
    /// in the current output becomes a hard link to it, so unchanged files
    /// keep their modification time and a sync or upload skips them.
    fn place(&self, rel: &str, bytes: &[u8]) -> Result<()> {
        if rel == MANIFEST {
            bail!("{MANIFEST} is paperboy's own list of the files it wrote; choose another name");
        }
        let path = self.dir.path().join(rel);
        self.make_parent(&path)?;
        // Never write through an earlier link: that would change the old output.
        if self.written.lock().expect("manifest lock").contains(rel) {
            let _ = fs::remove_file(&path);
        }
        let old = self.output.join(rel);
        let unchanged = fs::symlink_metadata(&old)
            .is_ok_and(|m| m.is_file() && m.len() == bytes.len() as u64)
            && fs::read(&old).is_ok_and(|b| b == bytes);
        if !(unchanged && fs::hard_link(&old, &path).is_ok()) {
            fs::write(&path, bytes).with_context(|| format!("cannot write {}", path.display()))?;
            self.fresh.fetch_add(1, Ordering::Relaxed);
        }
        self.written
            .lock()
            .expect("manifest lock")
            .insert(rel.to_string());
        Ok(())
    }

    /// Makes the new build the output: writes the manifest, carries over
    /// the files paperboy did not write, and swaps the folders.
    pub fn commit(self) -> Result<()> {
        fault_point("staged");
        let mut written = self.written.into_inner().expect("manifest lock");
        if self.output.is_dir() {
            carry_foreign(&self.output, self.dir.path(), &mut written)?;
        }
        let manifest: String = written.iter().map(|f| format!("{f}\n")).collect();
        fs::write(self.dir.path().join(MANIFEST), manifest)
            .with_context(|| format!("cannot write the manifest of {}", self.output.display()))?;
        fault_point("carried");
        swap_into_place(self.dir, &self.output)
    }
}

/// Stops the process at a named step of the swap when
/// `PAPERBOY_ABORT_AT` names it: the tests use it to kill a build at every
/// step and check that nothing is lost.
pub fn fault_point(step: &str) {
    if std::env::var("PAPERBOY_ABORT_AT").is_ok_and(|s| s == step) {
        std::process::abort();
    }
}

/// The folder the output lives in.
fn parent_of(output: &Path) -> PathBuf {
    output
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
        .to_path_buf()
}

/// The output folder's own name, for naming its siblings.
fn name_of(output: &Path) -> String {
    output
        .file_name()
        .map_or_else(|| "output".into(), |n| n.to_string_lossy().into_owned())
}

/// Leftovers of killed builds of `output`: staging folders and old outputs
/// set aside, as (path, is old output).
fn leftovers(output: &Path) -> Vec<(PathBuf, bool)> {
    let name = name_of(output);
    let (staging, old) = (
        format!("{STAGING_PREFIX}{name}-"),
        format!("{OLD_PREFIX}{name}-"),
    );
    let Ok(entries) = fs::read_dir(parent_of(output)) else {
        return Vec::new();
    };
    let mut found: Vec<(PathBuf, bool)> = entries
        .filter_map(Result::ok)
        .filter_map(|e| {
            let n = e.file_name().to_string_lossy().into_owned();
            if n.starts_with(&staging) {
                Some((e.path(), false))
            } else if n.starts_with(&old) {
                Some((e.path(), true))
            } else {
                None
            }
        })
        .collect();
    found.sort();
    found
}

/// Clears what a killed build left beside `output`. If the output itself
/// is gone (a kill between the two renames where there is no exchange),
/// the old output set aside is put back first.
fn recover(output: &Path) -> Result<()> {
    let found = leftovers(output);
    if !output.exists()
        && let Some((old, _)) = found.iter().find(|(_, is_old)| *is_old)
    {
        let inner = old.join("old");
        fs::rename(&inner, output).with_context(|| {
            format!(
                "cannot put the previous build back from {}",
                inner.display()
            )
        })?;
        log::warn!(
            "{}: put the previous build back after an interrupted build",
            output.display()
        );
    }
    for (dir, _) in leftovers(output) {
        log::info!("removing {} left by an interrupted build", dir.display());
        fs::remove_dir_all(&dir).with_context(|| format!("cannot remove {}", dir.display()))?;
    }
    Ok(())
}

/// Refuses to build into a non-empty folder that holds no trace of an
/// earlier paperboy build, unless `force`.
fn check_trace(output: &Path, force: bool) -> Result<()> {
    if output.exists() && !output.is_dir() {
        bail!(
            "output path {} exists and is not a folder",
            output.display()
        );
    }
    let Ok(mut entries) = fs::read_dir(output) else {
        return Ok(());
    };
    if entries.next().is_none() || force || is_earlier_build(output) {
        return Ok(());
    }
    bail!(
        "output folder {} is not empty and holds no earlier paperboy build (no {MANIFEST}); \
         paperboy only replaces what it wrote: choose an empty or new folder, or pass --force \
         to build into it (files paperboy did not write are kept as they are)",
        output.display()
    )
}

/// Whether `output` holds a build: a manifest, or (from versions before
/// manifests) the `.htaccess` every build writes.
fn is_earlier_build(output: &Path) -> bool {
    output.join(MANIFEST).is_file()
        || fs::read_to_string(output.join(".htaccess"))
            .is_ok_and(|t| t.starts_with("# Written by paperboy"))
}

/// What the old output says about who wrote its files.
enum Previous {
    /// A build with a manifest: exactly the files it lists are paperboy's.
    Manifest(BTreeSet<String>),
    /// A build from before manifests: the kinds of file paperboy writes are its.
    Legacy,
    /// A folder built into with `--force`: nothing in it is paperboy's.
    Foreign,
}

impl Previous {
    fn of(output: &Path) -> Previous {
        match fs::read_to_string(output.join(MANIFEST)) {
            Ok(t) => Previous::Manifest(t.lines().map(str::to_string).collect()),
            Err(_) if is_earlier_build(output) => Previous::Legacy,
            Err(_) => Previous::Foreign,
        }
    }

    /// Whether paperboy wrote the file (or, for a folder, something in it) at `rel`.
    fn wrote(&self, rel: &str, is_dir: bool) -> bool {
        match self {
            Previous::Manifest(files) if is_dir => {
                let prefix = format!("{rel}/");
                files
                    .range(prefix.clone()..)
                    .next()
                    .is_some_and(|f| f.starts_with(&prefix))
            }
            Previous::Manifest(files) => files.contains(rel),
            Previous::Legacy => {
                rel.ends_with(".html")
                    || rel.ends_with(".xml")
                    || rel.starts_with("img/")
                    || (is_dir && matches!(rel, "img" | "images"))
                    || matches!(rel, "robots.txt" | "_headers" | ".htaccess")
            }
            Previous::Foreign => false,
        }
    }
}

/// The files of the old `output` that paperboy did not write, linked into
/// `staging` as they are. Such a file at a path the new build also writes
/// wins: it is kept and paperboy's version left out (and off the manifest).
fn carry_foreign(output: &Path, staging: &Path, written: &mut BTreeSet<String>) -> Result<()> {
    let previous = Previous::of(output);
    let mut kept = Vec::new();
    let walker = walkdir::WalkDir::new(output)
        .min_depth(1)
        .sort_by_file_name();
    for entry in walker {
        let entry = entry.with_context(|| format!("cannot walk {}", output.display()))?;
        let rel = crate::fs::relative(output, entry.path());
        let kind = entry.file_type();
        if rel == MANIFEST || previous.wrote(&rel, kind.is_dir()) {
            continue;
        }
        let to = staging.join(&rel);
        if kind.is_dir() {
            fs::create_dir_all(&to).with_context(|| format!("cannot create {}", to.display()))?;
            continue;
        }
        if written.remove(&rel) {
            log::warn!(
                "{}: kept {rel}, which paperboy did not write, instead of its own",
                output.display()
            );
            let _ = fs::remove_file(&to);
        }
        if let Some(dir) = to.parent() {
            fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
        }
        link_or_copy(entry.path(), &to, kind)?;
        kept.push(rel);
    }
    if !kept.is_empty() {
        let shown: Vec<&str> = kept.iter().take(4).map(String::as_str).collect();
        log::warn!(
            "{}: kept {} file{} paperboy did not write ({}{})",
            output.display(),
            kept.len(),
            if kept.len() == 1 { "" } else { "s" },
            shown.join(", "),
            if kept.len() > shown.len() {
                ", ..."
            } else {
                ""
            }
        );
    }
    Ok(())
}

/// Makes `to` the same file as `from`: a hard link, a copy where links are
/// impossible, a new symbolic link for a symbolic link.
fn link_or_copy(from: &Path, to: &Path, kind: fs::FileType) -> Result<()> {
    if kind.is_symlink() {
        #[cfg(unix)]
        {
            let target =
                fs::read_link(from).with_context(|| format!("cannot read {}", from.display()))?;
            return std::os::unix::fs::symlink(target, to)
                .with_context(|| format!("cannot link {}", to.display()));
        }
    }
    if fs::hard_link(from, to).is_err() {
        fs::copy(from, to).with_context(|| format!("cannot copy {}", from.display()))?;
    }
    Ok(())
}

/// Replaces `output` with the staged folder in one step.
fn swap_into_place(staging: tempfile::TempDir, output: &Path) -> Result<()> {
    let staged = staging.keep();
    if !output.exists() {
        return fs::rename(&staged, output)
            .with_context(|| format!("cannot move the new build to {}", output.display()));
    }
    // The test of a kill between the two renames takes the path that
    // platforms without an exchange rename take.
    let simulate_no_exchange = std::env::var("PAPERBOY_ABORT_AT").is_ok_and(|s| s == "set-aside");
    if !simulate_no_exchange && exchange(&staged, output).is_ok() {
        // `staged` now holds the previous build.
        fault_point("exchanged");
        return fs::remove_dir_all(&staged)
            .with_context(|| format!("cannot remove the previous build {}", staged.display()));
    }
    // No exchange here: old aside, new in; a kill in between is undone by
    // the next build (see `recover`).
    let trash = tempfile::Builder::new()
        .prefix(&format!("{OLD_PREFIX}{}-", name_of(output)))
        .tempdir_in(parent_of(output))?;
    let old = trash.path().join("old");
    fs::rename(output, &old)
        .with_context(|| format!("cannot move the previous {} aside", output.display()))?;
    fault_point("set-aside");
    if let Err(e) = fs::rename(&staged, output) {
        let _ = fs::rename(&old, output);
        let _ = fs::remove_dir_all(&staged);
        return Err(e)
            .with_context(|| format!("cannot move the new build to {}", output.display()));
    }
    drop(trash); // removes the previous build
    Ok(())
}

/// Swaps two paths atomically.
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> std::io::Result<()> {
    use rustix::fs::{CWD, RenameFlags, renameat_with};
    renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE).map_err(std::io::Error::from)
}

#[cfg(not(target_os = "linux"))]
fn exchange(_: &Path, _: &Path) -> std::io::Result<()> {
    Err(std::io::ErrorKind::Unsupported.into())
}

/// Refuses output paths whose replacement would destroy the site itself.
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exchange_swaps_two_folders() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b) = (dir.path().join("a"), dir.path().join("b"));
        fs::create_dir_all(&a).unwrap();
        fs::create_dir_all(&b).unwrap();
        fs::write(a.join("x"), "from a").unwrap();
        fs::write(b.join("x"), "from b").unwrap();
        if exchange(&a, &b).is_ok() {
            assert_eq!(fs::read_to_string(b.join("x")).unwrap(), "from a");
            assert_eq!(fs::read_to_string(a.join("x")).unwrap(), "from b");
        }
    }
}
