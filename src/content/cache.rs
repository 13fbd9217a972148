//! What a build remembers of each content file between builds, in
//! `.paperboy/content-cache/`: its size and modification time, and its
//! metadata ([`Meta`]: front matter, first paragraph, hash). A file whose
//! size and time are unchanged is not read again, so loading a large
//! site that barely changed costs one `stat` per file.
//!
//! The cache is kept in [`SHARDS`] files (`00.json` ...), each holding the
//! content files whose path hashes to it: they are read in parallel, and a
//! build writes again only the shards in which a file changed, so one
//! edited article rewrites a sixteenth of the cache, not all of it.
//!
//! The cache is only an accelerator: a missing, damaged or older shard is
//! ignored (its files are read), and deleting the cache changes no output.

use super::Meta;
use crate::fs::write_atomic_with;
use anyhow::Result;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// How many files the cache is split into.
pub const SHARDS: usize = 16;

/// The cache of one site.
#[derive(Debug)]
pub struct Cache {
    files: HashMap<String, Entry>,
    /// The shards that no longer match the content (to be written).
    changed: [bool; SHARDS],
}

/// One shard as stored.
#[derive(Deserialize)]
struct Shard {
    /// The paperboy build that wrote it; another build's shard is ignored.
    build: String,
    files: HashMap<String, Entry>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct Entry {
    size: u64,
    modified: (u64, u32),
    meta: Meta,
}

/// Size and modification time (seconds, nanoseconds) of a file.
pub type Stamp = (u64, (u64, u32));

/// The [`Stamp`] of the file at `path`, if it can be read.
pub fn stamp(path: &Path) -> Option<Stamp> {
    let m = std::fs::metadata(path).ok()?;
    let t = m
        .modified()
        .ok()?
        .duration_since(SystemTime::UNIX_EPOCH)
        .ok()?;
    Some((m.len(), (t.as_secs(), t.subsec_nanos())))
}

/// The shard that holds the content file `rel`.
fn shard_of(rel: &str) -> usize {
    usize::from(blake3::hash(rel.as_bytes()).as_bytes()[0]) % SHARDS
}

/// The file of shard `n` in the cache folder `dir`.
fn shard_path(dir: &Path, n: usize) -> PathBuf {
    dir.join(format!("{n:02}.json"))
}

impl Cache {
    /// The cache in folder `dir`; shards that are missing, unreadable or
    /// from another build of paperboy are empty (and will be written).
    pub fn load(dir: &Path) -> Cache {
        let shards: Vec<Option<HashMap<String, Entry>>> = (0..SHARDS)
            .into_par_iter()
            .map(|n| {
                let bytes = std::fs::read(shard_path(dir, n)).ok()?;
                let shard: Shard = serde_json::from_slice(&bytes).ok()?;
                (shard.build == crate::BUILD_ID).then_some(shard.files)
            })
            .collect();
        let mut cache = Cache {
            files: HashMap::with_capacity(shards.iter().flatten().map(HashMap::len).sum()),
            changed: [false; SHARDS],
        };
        for (n, shard) in shards.into_iter().enumerate() {
            match shard {
                Some(files) => cache.files.extend(files),
                None => cache.changed[n] = true,
            }
        }
        cache
    }

    /// The cached metadata of `rel`, taken out of the cache, if the file's
    /// `stamp` is the one cached. Without a stamp, or with another, the
    /// file will be read and its shard written again.
    pub fn take(&mut self, rel: &str, stamp: Option<Stamp>) -> Option<Meta> {
        match (self.files.remove(rel), stamp) {
            (Some(e), Some(stamp)) if (e.size, e.modified) == stamp => Some(e.meta),
            _ => {
                self.changed[shard_of(rel)] = true;
                None
            }
        }
    }

    /// Forgets what was not taken (files that are gone; their shards are
    /// written again).
    pub fn settle(&mut self) {
        for rel in self.files.keys() {
            self.changed[shard_of(rel)] = true;
        }
        self.files.clear();
    }

    /// Puts the metadata of every file back into the cache, for a process
    /// that keeps it in memory between loads (`serve`).
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

    /// Writes the shards that changed into folder `dir`, from the files
    /// as loaded: `stamps` and `metas` side by side.
    pub fn save(
        &mut self,
        dir: &Path,
        stamps: &[(String, Option<Stamp>)],
        metas: &[Meta],
    ) -> Result<()> {
        if !self.changed.contains(&true) {
            return Ok(());
        }
        std::fs::create_dir_all(dir)?;
        // The one-file cache that earlier builds of paperboy kept.
        let _ = std::fs::remove_file(dir.with_extension("json"));
        let shards: Vec<u8> = stamps
            .par_iter()
            .map(|(rel, _)| shard_of(rel) as u8)
            .collect();
        (0..SHARDS)
            .into_par_iter()
            .filter(|&n| self.changed[n])
            .try_for_each(|n| {
                let view = View {
                    build: crate::BUILD_ID,
                    files: Files {
                        stamps,
                        metas,
                        shards: &shards,
                        shard: n as u8,
                    },
                };
                write_atomic_with(&shard_path(dir, n), true, |w| {
                    serde_json::to_writer(w, &view).map_err(Into::into)
                })
            })?;
        self.changed = [false; SHARDS];
        Ok(())
    }
}

/// One shard as written: borrowed from the loaded content, never copied.
#[derive(Serialize)]
struct View<'a> {
    build: &'a str,
    files: Files<'a>,
}

/// The files of one shard, serialized as a map from path to entry.
struct Files<'a> {
    stamps: &'a [(String, Option<Stamp>)],
    metas: &'a [Meta],
    shards: &'a [u8],
    shard: u8,
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
        let files = self.stamps.iter().zip(self.metas).zip(self.shards);
        for (((rel, stamp), meta), &shard) in files {
            if let (true, Some((size, modified))) = (shard == self.shard, stamp) {
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
        let (content, cache_path) = (tmp.path().join("content"), tmp.path().join("cache"));
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
        let saved: String = (0..SHARDS)
            .filter_map(|n| std::fs::read_to_string(shard_path(&cache_path, n)).ok())
            .collect();
        assert!(
            saved.contains("Omega") && !saved.contains("Bravo"),
            "{saved}"
        );
    }

    #[test]
    fn an_edit_rewrites_only_the_shard_of_the_file() {
        let tmp = tempfile::tempdir().unwrap();
        let (content, cache_path) = (tmp.path().join("content"), tmp.path().join("cache"));
        let names: Vec<String> = (0..64).map(|i| format!("world/a{i}.md")).collect();
        for name in &names {
            write(&content, name, "Alpha");
        }
        titles(&content, &cache_path);
        let times = || -> Vec<Option<SystemTime>> {
            (0..SHARDS)
                .map(|n| std::fs::metadata(shard_path(&cache_path, n)).ok())
                .map(|m| m.and_then(|m| m.modified().ok()))
                .collect()
        };
        let before = times();
        assert!(before.iter().filter(|t| t.is_some()).count() > 1);
        // Nothing changed: nothing written.
        titles(&content, &cache_path);
        assert_eq!(times(), before);
        std::thread::sleep(std::time::Duration::from_millis(20));
        write(&content, &names[7], "Alphabet");
        let got = titles(&content, &cache_path);
        assert!(got.contains(&"Alphabet".to_string()));
        let after = times();
        let rewritten: Vec<usize> = (0..SHARDS).filter(|&n| after[n] != before[n]).collect();
        assert_eq!(rewritten, [shard_of(&names[7])]);
        // A damaged shard is read as empty: its files are read again.
        std::fs::write(shard_path(&cache_path, shard_of(&names[7])), "{").unwrap();
        assert_eq!(titles(&content, &cache_path).len(), 64);
        assert!(Cache::load(&cache_path).files.len() == 64);
    }
}
