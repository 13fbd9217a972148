//! What a build remembers of each content file between builds, in
//! `.paperboy/content-cache/`: its size and modification time, and its
//! metadata ([`Meta`]: front matter, first paragraph, hash). A file whose
//! size and time are unchanged is not read again, so loading a large
//! site that barely changed costs one `stat` per file.
//!
//! The cache is kept in [`SHARDS`] files (`00.bin` ...), in postcard's
//! binary encoding, each holding the content files whose path hashes to
//! it: they are read in parallel, and a build writes again only the shards
//! in which a file changed, so one edited article rewrites a sixteenth of
//! the cache, not all of it.
//!
//! The cache is only an accelerator: a missing, damaged or older shard is
//! ignored (its files are read), and deleting the cache changes no output.

use super::Meta;
use super::front_matter::{Extraction, FrontMatter, Image};
use crate::fs::write_atomic_with;
use crate::vocabulary::{Date, SectionId};
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

#[derive(Debug, Clone)]
struct Entry {
    size: u64,
    modified: (u64, u32),
    meta: Meta,
}

/// One shard as stored.
#[derive(Serialize, Deserialize)]
struct Shard {
    /// The paperboy build that wrote it; another build's shard is ignored.
    build: String,
    files: Vec<Stored>,
}

/// One content file as stored. Postcard writes every field, in order and
/// without its name, so the front matter (whose empty fields YAML leaves
/// out) is stored in a shape of its own.
#[derive(Serialize, Deserialize)]
struct Stored {
    rel_path: String,
    size: u64,
    modified: (u64, u32),
    title: String,
    section: SectionId,
    date: Option<Date>,
    lead: String,
    hash: String,
    front: StoredFront,
}

/// [`FrontMatter`] as stored: `extra` as JSON text, empty when there is none.
#[derive(Serialize, Deserialize)]
struct StoredFront {
    title: Option<String>,
    section: Option<SectionId>,
    date: Option<Date>,
    updated: Option<Date>,
    source_url: Option<String>,
    source_name: Option<String>,
    byline: Option<String>,
    fetched: Option<Date>,
    images: Vec<(String, String, Option<String>)>,
    summary: Option<String>,
    slug: Option<String>,
    draft: bool,
    extracted: Option<Extraction>,
    language: Option<String>,
    extra: String,
}

impl Stored {
    fn new(meta: &Meta, (size, modified): Stamp) -> Stored {
        // Every field named, so a new one cannot be forgotten here.
        let FrontMatter {
            title,
            section,
            date,
            updated,
            source_url,
            source_name,
            byline,
            fetched,
            images,
            summary,
            slug,
            draft,
            extracted,
            language,
            extra,
        } = meta.front.clone();
        let front = StoredFront {
            title,
            section,
            date,
            updated,
            source_url,
            source_name,
            byline,
            fetched,
            images: (images.into_iter())
                .map(|Image { url, alt, caption }| (url, alt, caption))
                .collect(),
            summary,
            slug,
            draft,
            extracted,
            language,
            extra: match extra.is_empty() {
                true => String::new(),
                false => serde_json::Value::Object(extra).to_string(),
            },
        };
        Stored {
            rel_path: meta.rel_path.clone(),
            size,
            modified,
            title: meta.title.clone(),
            section: meta.section.clone(),
            date: meta.date,
            lead: meta.lead.clone(),
            hash: meta.hash.clone(),
            front,
        }
    }

    /// The entry again; none if its `extra` cannot be read.
    fn entry(self) -> Option<(String, Entry)> {
        let f = self.front;
        let extra = match f.extra.is_empty() {
            true => serde_json::Map::new(),
            false => serde_json::from_str(&f.extra).ok()?,
        };
        let front = FrontMatter {
            title: f.title,
            section: f.section,
            date: f.date,
            updated: f.updated,
            source_url: f.source_url,
            source_name: f.source_name,
            byline: f.byline,
            fetched: f.fetched,
            images: (f.images.into_iter())
                .map(|(url, alt, caption)| Image { url, alt, caption })
                .collect(),
            summary: f.summary,
            slug: f.slug,
            draft: f.draft,
            extracted: f.extracted,
            language: f.language,
            extra,
        };
        let meta = Meta {
            rel_path: self.rel_path.clone(),
            title: self.title,
            section: self.section,
            date: self.date,
            front,
            lead: self.lead,
            hash: self.hash,
        };
        let entry = Entry {
            size: self.size,
            modified: self.modified,
            meta,
        };
        Some((self.rel_path, entry))
    }
}

/// Size and modification time (seconds, nanoseconds) of a file.
pub type Stamp = (u64, (u64, u32));

/// The [`Stamp`] of the file at `path`, if it can be read.
pub fn stamp(path: &Path) -> Option<Stamp> {
    stamp_of(&std::fs::metadata(path).ok()?)
}

/// The [`Stamp`] of a file whose metadata is `m`.
pub fn stamp_of(m: &std::fs::Metadata) -> Option<Stamp> {
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
    dir.join(format!("{n:02}.bin"))
}

impl Cache {
    /// The cache in folder `dir`; shards that are missing, unreadable or
    /// from another build of paperboy are empty (and will be written).
    pub fn load(dir: &Path) -> Cache {
        let load_shard = |n: usize| -> Option<Vec<(String, Entry)>> {
            let bytes = std::fs::read(shard_path(dir, n)).ok()?;
            let shard: Shard = postcard::from_bytes(&bytes).ok()?;
            (shard.build == crate::BUILD_ID).then_some(())?;
            shard.files.into_iter().map(Stored::entry).collect()
        };
        let mut cache = Cache {
            files: HashMap::new(),
            changed: [false; SHARDS],
        };
        // As many shards at a time as there are threads, each moved into
        // the map before the next are read, so the shards are never all
        // held beside the map.
        let shard_numbers: Vec<usize> = (0..SHARDS).collect();
        for chunk in shard_numbers.chunks(rayon::current_num_threads().max(1)) {
            let loaded: Vec<Option<Vec<(String, Entry)>>> =
                chunk.par_iter().map(|&n| load_shard(n)).collect();
            if cache.files.is_empty() {
                // The shards are about equal: room for all of them at once.
                let read: usize = loaded.iter().flatten().map(Vec::len).sum();
                cache.files.reserve(read * SHARDS / chunk.len() + read / 8);
            }
            for (&n, shard) in chunk.iter().zip(loaded) {
                match shard {
                    Some(files) => cache.files.extend(files),
                    None => cache.changed[n] = true,
                }
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
    /// written again), and gives back the memory the entries took.
    pub fn settle(&mut self) {
        for rel in self.files.keys() {
            self.changed[shard_of(rel)] = true;
        }
        self.files = HashMap::new();
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
        // The caches that earlier builds of paperboy kept: one file, or
        // shards in JSON.
        let _ = std::fs::remove_file(dir.with_extension("json"));
        for n in 0..SHARDS {
            let _ = std::fs::remove_file(shard_path(dir, n).with_extension("json"));
        }
        let shards: Vec<u8> = stamps
            .par_iter()
            .map(|(rel, _)| shard_of(rel) as u8)
            .collect();
        (0..SHARDS)
            .into_par_iter()
            .filter(|&n| self.changed[n])
            .try_for_each(|n| {
                let files = stamps.iter().zip(metas).zip(&shards);
                let shard = Shard {
                    build: crate::BUILD_ID.to_string(),
                    files: files
                        .filter(|(_, shard)| usize::from(**shard) == n)
                        .filter_map(|(((_, stamp), meta), _)| Some(Stored::new(meta, (*stamp)?)))
                        .collect(),
                };
                write_atomic_with(&shard_path(dir, n), true, |w| {
                    postcard::to_io(&shard, w)?;
                    Ok(())
                })
            })?;
        self.changed = [false; SHARDS];
        Ok(())
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
            .filter_map(|n| std::fs::read(shard_path(&cache_path, n)).ok())
            .map(|b| String::from_utf8_lossy(&b).into_owned())
            .collect();
        assert!(
            saved.contains("Omega") && !saved.contains("Bravo"),
            "{saved}"
        );
    }

    #[test]
    fn every_field_of_the_front_matter_comes_back_from_the_cache() {
        let tmp = tempfile::tempdir().unwrap();
        let (content, cache_path) = (tmp.path().join("content"), tmp.path().join("cache"));
        let text = "---\ntitle: Alpha\nsection: world\ndate: 2026-11-27T09:00:00+01:00\n\
            updated: 2026-11-28\nsource_url: https://example.test/a\nsource_name: Example\n\
            byline: Ann Lee\nfetched: 2026-11-28T10:00:00Z\n\
            images:\n- url: https://example.test/a.jpg\n  alt: A cat\n  caption: The cat\n\
            summary: In short.\nslug: alpha\nextracted: page\nlanguage: de\n\
            extra:\n  score: 3\n  tags: [a, b]\n---\nBody.\n";
        std::fs::create_dir_all(content.join("world")).unwrap();
        std::fs::write(content.join("world/a.md"), text).unwrap();
        let load = || {
            let mut cache = Cache::load(&cache_path);
            let (metas, stamps) = crate::content::load(&content, &mut cache, 1 << 20).unwrap();
            cache.save(&cache_path, &stamps, &metas).unwrap();
            metas
        };
        let read = load();
        // The cache answers now (the file itself is made unreadable as a
        // content file, with the same size and time).
        let a = content.join("world/a.md");
        let time = std::fs::metadata(&a).unwrap().modified().unwrap();
        std::fs::write(&a, "x".repeat(text.len())).unwrap();
        std::fs::File::options()
            .write(true)
            .open(&a)
            .unwrap()
            .set_modified(time)
            .unwrap();
        let cached = load();
        assert_eq!(format!("{cached:?}"), format!("{read:?}"));
        assert!(format!("{cached:?}").contains("The cat") && cached[0].front.extra.len() == 2);
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
