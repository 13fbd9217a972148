//! The image cache in `.paperboy/images/`: each article image as it was
//! downloaded (`<key>.orig`, the key a hash of its URL), and its converted
//! copies (`<source hash>-<settings hash>.<ext>`), so an unchanged image
//! is never downloaded or decoded twice.
//!
//! Owns names and reading and writing files; downloading is fetch's job
//! and converting the build's. Knows no network and no image format.

use crate::fs::write_atomic;
use crate::layout::Layout;
use anyhow::Result;
use std::path::PathBuf;

/// A short, stable name for `text`: 16 hex digits of its BLAKE3 hash.
pub fn short_hash(bytes: &[u8]) -> String {
    blake3::hash(bytes).to_hex()[..16].to_string()
}

/// The cache folder of one site.
#[derive(Debug, Clone)]
pub struct ImageCache {
    dir: PathBuf,
}

impl ImageCache {
    pub fn new(layout: &Layout) -> ImageCache {
        ImageCache {
            dir: layout.image_cache(),
        }
    }

    /// The name an image is known by, in the cache and in the output.
    pub fn key(url: &str) -> String {
        short_hash(url.as_bytes())
    }

    fn original_path(&self, url: &str) -> PathBuf {
        self.dir.join(format!("{}.orig", ImageCache::key(url)))
    }

    /// Whether the image at `url` has been downloaded.
    pub fn has(&self, url: &str) -> bool {
        self.original_path(url).is_file()
    }

    /// The downloaded bytes of `url`, if any.
    pub fn original(&self, url: &str) -> Option<Vec<u8>> {
        std::fs::read(self.original_path(url)).ok()
    }

    /// Keeps the downloaded bytes of `url`.
    pub fn store(&self, url: &str, bytes: &[u8]) -> Result<()> {
        write_atomic(&self.original_path(url), bytes, true)
    }

    /// Where the conversion of `source` (the original's bytes) with the
    /// settings named by `recipe` is kept.
    pub fn converted_path(&self, source: &[u8], recipe: &str, ext: &str) -> PathBuf {
        self.dir.join(format!(
            "{}-{}.{ext}",
            short_hash(source),
            short_hash(recipe.as_bytes())
        ))
    }

    /// Keeps a converted image.
    pub fn store_converted(&self, path: &std::path::Path, bytes: &[u8]) -> Result<()> {
        write_atomic(path, bytes, true)
    }
}
