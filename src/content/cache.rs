//! What a build remembers of each content file between builds, in
//! `.paperboy/content-cache.json`: its size and modification time, and its
//! metadata ([`Meta`]: front matter, first paragraph, hash). A file whose
//! size and time are unchanged is not read again, so loading a large
//! site that barely changed costs one `stat` per file.
//!
//! The cache is only an accelerator: a missing, damaged or older file is
//! ignored (everything is read), and deleting it changes no output.

use super::Meta;
use crate::fs::write_atomic_with;
use anyhow::Result;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::path::Path;
use std::time::SystemTime;

/// The cache of one site.
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct Cache {
    /// The paperboy build that wrote it; another build's cache is ignored.
    build: String,
    files: HashMap<String, Entry>,
    #[serde(skip)]
    changed: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct Entry {
    size: u64,
    modified: (u64, u32),
    meta: Meta,
}

/// A file's size and modification time (seconds and nanoseconds since 1970).
pub type Stamp = (u64, (u64, u32));

/// The [`Stamp`] of the file at `path`.
pub fn stamp(path: &Path) -> Option<Stamp> {
    let m = std::fs::metadata(path).ok()?;
    let t = m
        .modified()
        .ok()?
        .duration_since(SystemTime::UNIX_EPOCH)
        .ok()?;
    Some((m.len(), (t.as_secs(), t.subsec_nanos())))
}

impl Cache {
    /// Reads the cache at `path`; anything unreadable starts afresh.
    pub fn load(path: &Path) -> Cache {
        let fresh = Cache {
            build: crate::BUILD_ID.to_string(),
            ..Cache::default()
        };
        let Ok(bytes) = std::fs::read(path) else {
            return fresh;
        };
        match serde_json::from_slice::<Cache>(&bytes) {
            Ok(cache) if cache.build == crate::BUILD_ID => cache,
            _ => fresh,
        }
    }

    /// Takes the cached metadata of `rel` out of the cache, if the file
    /// still has this stamp (so it is never held twice).
    pub fn take(&mut self, rel: &str, stamp: Stamp) -> Option<Meta> {
        match self.files.remove(rel) {
            Some(e) if (e.size, e.modified) == stamp => Some(e.meta),
            Some(_) => {
                self.changed = true;
                None
            }
            None => None,
        }
    }

    /// After every file took its entry: notes whether anything was read
    /// afresh (`read`) or is gone, and forgets what is left.
    pub fn settle(&mut self, read: bool) {
        self.changed |= read || !self.files.is_empty();
        self.files.clear();
    }

    /// Holds `metas` again, for a caller that loads the site more than
    /// once (`serve`).
    pub fn refill(&mut self, stamps: &[(String, Option<Stamp>)], metas: &[Meta]) {
        for ((rel, stamp), meta) in stamps.iter().zip(metas) {
            if let Some((size, modified)) = stamp {
                let entry = Entry {
                    size: *size,
                    modified: *modified,
                    meta: meta.clone(),
                };
                self.files.insert(rel.clone(), entry);
            }
        }
    }

    /// Writes the cache of `metas` (with their `stamps`, in the same
    /// order) to `path`, if anything changed since it was loaded.
    pub fn save(
        &mut self,
        path: &Path,
        stamps: &[(String, Option<Stamp>)],
        metas: &[Meta],
    ) -> Result<()> {
        if !self.changed {
            return Ok(());
        }
        let view = View {
            build: &self.build,
            files: Files { stamps, metas },
        };
        write_atomic_with(path, true, |w| {
            serde_json::to_writer(w, &view).map_err(Into::into)
        })?;
        self.changed = false;
        Ok(())
    }
}

/// The cache as written, made from the loaded metadata rather than from
/// a copy of it.
#[derive(Serialize)]
struct View<'a> {
    build: &'a str,
    files: Files<'a>,
}

struct Files<'a> {
    stamps: &'a [(String, Option<Stamp>)],
    metas: &'a [Meta],
}

#[derive(Serialize)]
struct EntryRef<'a> {
    size: u64,
    modified: (u64, u32),
    meta: &'a Meta,
}

impl Serialize for Files<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = s.serialize_map(None)?;
        for ((rel, stamp), meta) in self.stamps.iter().zip(self.metas) {
            if let Some((size, modified)) = stamp {
                let entry = EntryRef {
                    size: *size,
                    modified: *modified,
                    meta,
                };
                map.serialize_entry(rel, &entry)?;
            }
        }
        map.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(dir: &Path, rel: &str, title: &str) {
        let path = dir.join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, format!("---\ntitle: {title}\n---\nBody.\n")).unwrap();
    }

    fn titles(dir: &Path, cache_path: &Path) -> Vec<String> {
        let mut cache = Cache::load(cache_path);
        let (metas, stamps) = crate::content::load(dir, &mut cache, 1 << 20).unwrap();
        cache.save(cache_path, &stamps, &metas).unwrap();
        metas.into_iter().map(|m| m.title).collect()
    }

    #[test]
    fn unchanged_files_come_from_the_cache_and_changes_are_seen() {
        let tmp = tempfile::tempdir().unwrap();
        let (content, cache_path) = (tmp.path().join("content"), tmp.path().join("cache.json"));
        write(&content, "world/a.md", "Alpha");
        write(&content, "world/b.md", "Bravo");
        assert_eq!(titles(&content, &cache_path), ["Alpha", "Bravo"]);
        // Same size and time, other bytes: the cache answers (proof that
        // the file was not read again).
        let a = content.join("world/a.md");
        let time = std::fs::metadata(&a).unwrap().modified().unwrap();
        write(&content, "world/a.md", "Omega");
        std::fs::File::options()
            .write(true)
            .open(&a)
            .unwrap()
            .set_modified(time)
            .unwrap();
        assert_eq!(titles(&content, &cache_path), ["Alpha", "Bravo"]);
        // A new time is a change; a removed file is forgotten.
        std::fs::File::options()
            .write(true)
            .open(&a)
            .unwrap()
            .set_modified(time + std::time::Duration::from_secs(5))
            .unwrap();
        std::fs::remove_file(content.join("world/b.md")).unwrap();
        assert_eq!(titles(&content, &cache_path), ["Omega"]);
        let saved = std::fs::read_to_string(&cache_path).unwrap();
        assert!(
            saved.contains("Omega") && !saved.contains("Bravo"),
            "{saved}"
        );
    }
}
