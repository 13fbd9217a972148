//! What the last build of an output folder wrote, so the next one renders
//! and writes only what changed.
//!
//! The record (`.paperboy/builds/<output>.bin`, in postcard's binary
//! encoding) holds, for each page, the
//! fingerprint of what it was made from and the files it wrote with their
//! size and modification time. A page whose fingerprint is unchanged and
//! whose files are still as written is not rendered again; a file whose
//! new bytes equal the old ones is not rewritten, so its modification time
//! stays and syncs skip it.
//!
//! Owns the record and the in-place update: when few files change, each
//! is written to a temporary file beside it and renamed over it (every
//! file whole at every moment), stale files are removed, and the record is
//! saved last; a build killed in between is completed by the next one,
//! which finds the record out of date. Whole-site builds go through the
//! staging swap of `output` instead.

use super::output::{MANIFEST, OutputFile};
use crate::content::Stamps;
use crate::content::cache::{Stamp, stamp};
use crate::fs::{write_atomic, write_atomic_with};
use anyhow::{Context, Result};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};

/// A file as the last build left it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Written {
    pub path: String,
    pub size: u64,
    pub modified: (u64, u32),
}

/// A page of the last build.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PageRecord {
    pub fingerprint: String,
    pub files: Vec<Written>,
}

/// What the last build of one output folder wrote.
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct Record {
    build: String,
    /// The stamp of the sources it was built from (see `sources_stamp`).
    pub sources: String,
    pub pages: HashMap<String, PageRecord>,
}

/// Where the record of `output` is kept.
pub fn record_path(state: &Path, output: &Path) -> PathBuf {
    let abs = std::path::absolute(output).unwrap_or_else(|_| output.to_path_buf());
    let key = crate::image_cache::short_hash(abs.to_string_lossy().as_bytes());
    state.join("builds").join(format!("{key}.bin"))
}

impl Record {
    /// The record at `path`, if it was written by this paperboy for an
    /// output that still holds its manifest; otherwise none (a full build).
    pub fn load(path: &Path, output: &Path) -> Option<Record> {
        if !output.join(MANIFEST).is_file() {
            return None;
        }
        let record: Record = postcard::from_bytes(&std::fs::read(path).ok()?).ok()?;
        (record.build == crate::BUILD_ID).then_some(record)
    }

    /// The sources stamp of the record at `path`, from the small file
    /// saved beside it, without reading the record (a build whose sources
    /// changed needs no more of it). The stamp is only a first test: a
    /// stamp that matches is confirmed by the record itself.
    pub fn sources_of(path: &Path) -> Option<String> {
        std::fs::read_to_string(path.with_extension("stamp")).ok()
    }

    /// Whether `page` has the same fingerprint as in this record and its
    /// files are still as this record says.
    pub fn unchanged(&self, page: &str, fingerprint: &str, output: &Path) -> bool {
        self.pages.get(page).is_some_and(|rec| {
            rec.fingerprint == fingerprint
                && rec
                    .files
                    .iter()
                    .all(|w| stamp(&output.join(&w.path)) == Some((w.size, w.modified)))
        })
    }

    /// Every file the record says paperboy wrote.
    pub fn files(&self) -> impl Iterator<Item = &str> {
        self.pages
            .values()
            .flat_map(|p| p.files.iter().map(|w| w.path.as_str()))
    }

    /// A new record for this build.
    pub fn new(sources: String, pages: HashMap<String, PageRecord>) -> Record {
        Record {
            build: crate::BUILD_ID.to_string(),
            sources,
            pages,
        }
    }

    /// Whether every file this record lists is still as it was written.
    pub fn intact(&self, output: &Path) -> bool {
        use rayon::prelude::*;
        let files: Vec<&Written> = self.pages.values().flat_map(|p| &p.files).collect();
        files
            .par_iter()
            .all(|w| stamp(&output.join(&w.path)) == Some((w.size, w.modified)))
    }

    pub fn save(&self, path: &Path) -> Result<()> {
        // The JSON record that earlier builds of paperboy kept.
        let _ = std::fs::remove_file(path.with_extension("json"));
        write_atomic_with(path, true, |w| {
            postcard::to_io(self, w)?;
            Ok(())
        })?;
        // After the record: a stamp never names a record not yet saved.
        write_atomic(&path.with_extension("stamp"), self.sources.as_bytes(), true)
    }
}

/// A stamp of everything a build reads: this paperboy, config.yaml, the
/// theme, and the name, size and modification time of every content file
/// (and of every cached image, with local images). When it matches the
/// last build's and that build's files are intact, nothing can have
/// changed, and nothing is even loaded.
pub fn sources_stamp(
    content_dir: &Path,
    config_bytes: &[u8],
    theme: &str,
    images: Option<&Path>,
) -> Result<(String, Stamps)> {
    let stamps = crate::content::stamps(content_dir)?;
    Ok((stamp_of(&stamps, config_bytes, theme, images), stamps))
}

/// [`sources_stamp`] from content stamps already taken (a build takes them
/// as it loads the content).
pub fn stamp_of(
    stamps: &[(String, Option<Stamp>)],
    config_bytes: &[u8],
    theme: &str,
    images: Option<&Path>,
) -> String {
    let mut h = blake3::Hasher::new();
    h.update(crate::BUILD_ID.as_bytes());
    h.update(&(config_bytes.len() as u64).to_le_bytes());
    h.update(config_bytes);
    h.update(theme.as_bytes());
    for (rel, s) in stamps {
        h.update(&(rel.len() as u64).to_le_bytes());
        h.update(rel.as_bytes());
        match s {
            Some((size, (secs, nanos))) => {
                h.update(&[1]);
                h.update(&size.to_le_bytes());
                h.update(&secs.to_le_bytes());
                h.update(&nanos.to_le_bytes());
            }
            None => {
                h.update(&[0]);
            }
        }
    }
    if let Some(dir) = images {
        let mut entries: Vec<(String, Option<Stamp>)> = match std::fs::read_dir(dir) {
            Ok(read) => read
                .flatten()
                .map(|e| {
                    (
                        e.file_name().to_string_lossy().into_owned(),
                        stamp(&e.path()),
                    )
                })
                .collect(),
            Err(_) => Vec::new(),
        };
        entries.sort();
        h.update(format!("{entries:?}").as_bytes());
    }
    h.finalize().to_hex()[..32].to_string()
}

/// The size and time of a file just written into `dir`.
pub fn written(dir: &Path, rel: &str) -> Result<Written> {
    let (size, modified) =
        stamp(&dir.join(rel)).with_context(|| format!("cannot read back {rel}"))?;
    Ok(Written {
        path: rel.to_string(),
        size,
        modified,
    })
}

/// Writes `files` into `output` in place, each through a temporary file
/// and a rename, skipping files whose bytes are already there. Returns the
/// files actually written.
pub fn write_in_place(output: &Path, files: &[OutputFile]) -> Result<Vec<String>> {
    let mut changed = Vec::new();
    for file in files {
        let path = output.join(&file.path);
        let same = std::fs::metadata(&path).is_ok_and(|m| m.len() == file.bytes.len() as u64)
            && std::fs::read(&path).is_ok_and(|b| b == file.bytes);
        if !same {
            write_atomic(&path, &file.bytes, true)?;
            changed.push(file.path.clone());
        }
    }
    Ok(changed)
}

/// Removes `stale` files from `output`, and the folders they leave empty.
pub fn remove_stale(output: &Path, stale: &BTreeSet<String>) -> Result<()> {
    for rel in stale {
        let path = output.join(rel);
        match std::fs::remove_file(&path) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(e).with_context(|| format!("cannot remove {}", path.display())),
        }
        let mut dir = path.parent();
        while let Some(d) = dir.filter(|d| *d != output) {
            if std::fs::remove_dir(d).is_err() {
                break;
            }
            dir = d.parent();
        }
    }
    Ok(())
}

/// Writes the manifest of `files` into `output`.
pub fn write_manifest(output: &Path, files: &BTreeSet<String>) -> Result<()> {
    let text: String = files.iter().map(|f| format!("{f}\n")).collect();
    write_atomic(&output.join(MANIFEST), text.as_bytes(), true)
}
