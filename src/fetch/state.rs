//! What fetch remembers between runs, in `.paperboy/fetch.json`: each
//! feed's ETag and Last-Modified (for conditional GETs), and a hash of each
//! file fetch wrote, so retention can tell a fetched file from one an
//! editor changed by hand (which it never deletes).

use crate::fs::write_atomic;
use anyhow::{Context, Result};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::Path;

/// Fetch state, sorted so the file diffs well.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct State {
    #[serde(default)]
    pub feeds: BTreeMap<String, FeedState>,
    /// Content file (relative to content/) → BLAKE3 of the bytes fetch wrote.
    #[serde(default)]
    pub written: BTreeMap<String, String>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct FeedState {
    pub etag: Option<String>,
    pub last_modified: Option<String>,
}

impl State {
    /// Reads the state from `path`; a missing or unreadable file starts
    /// afresh (with a warning for the latter: feeds are then fetched in
    /// full once).
    pub fn load(path: &Path) -> State {
        match std::fs::read(path) {
            Ok(bytes) => serde_json::from_slice(&bytes).unwrap_or_else(|e| {
                log::warn!("{}: unreadable ({e}); starting afresh", path.display());
                State::default()
            }),
            Err(_) => State::default(),
        }
    }

    /// Writes the state to `path`, atomically.
    pub fn save(&self, path: &Path) -> Result<()> {
        let bytes = serde_json::to_vec_pretty(self).context("cannot write fetch state")?;
        write_atomic(path, &bytes, true)
    }

    /// Remembers a file fetch wrote.
    pub fn record(&mut self, rel: &str, bytes: &[u8]) {
        self.written
            .insert(rel.to_string(), blake3::hash(bytes).to_hex().to_string());
    }

    /// Whether `bytes` are exactly what fetch wrote to `rel`.
    pub fn is_untouched(&self, rel: &str, bytes: &[u8]) -> bool {
        self.written
            .get(rel)
            .is_some_and(|h| *h == blake3::hash(bytes).to_hex().as_str())
    }
}
