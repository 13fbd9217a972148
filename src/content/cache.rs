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

    /// The cached metadata of `rel`, if the file still has this stamp.
    pub fn get(&self, rel: &str, stamp: Stamp) -> Option<&Meta> {
        self.files
            .get(rel)
            .filter(|e| (e.size, e.modified) == stamp)
            .map(|e| &e.meta)
    }

    /// Remembers `meta` for `rel` with its stamp.
    pub fn put(&mut self, rel: &str, stamp: Stamp, meta: Meta) {
        self.files.insert(
            rel.to_string(),
            Entry {
                size: stamp.0,
                modified: stamp.1,
                meta,
            },
        );
        self.changed = true;
    }

    /// Forgets files that are gone.
    pub fn retain(&mut self, keep: impl Fn(&str) -> bool) {
        let before = self.files.len();
        self.files.retain(|k, _| keep(k));
        self.changed |= self.files.len() != before;
    }

    /// Writes the cache to `path` if anything changed.
    pub fn save(&self, path: &Path) -> Result<()> {
        if !self.changed {
            return Ok(());
        }
        write_atomic_with(path, true, |w| {
            serde_json::to_writer(w, self).map_err(Into::into)
        })
    }
}
