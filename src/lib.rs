//! paperboy: a static site generator for text-only news mirrors.
//!
//! The library holds all the logic; `main.rs` only parses the command line,
//! dispatches to [`cmd`] and turns errors into exit codes. The folders show
//! the pipeline, dependencies pointing one way:
//!
//! ```text
//! cli → cmd → fetch ──→ ingest (decode, extract) ──→ content, vocabulary
//!           → build (theme, markdown, outputs, pages, output) → library → content, config, vocabulary
//!           → check → config, vocabulary          serve → build
//! ```
//!
//! `fs`, `layout`, `yaml`, `image_cache` and `vocabulary` are at the bottom.
//! Only `fetch` touches the network; the build is offline.

/// Names this build of paperboy: a hash of its sources and shipped themes.
/// Caches written by another build are not trusted.
pub const BUILD_ID: &str = env!("PAPERBOY_BUILD_ID");

pub mod cli;
pub mod cmd;

// Used by the integration tests and the extraction evaluation as well.
pub mod content;
pub mod fetch;
pub mod ingest;

mod build;
mod check;
mod config;
mod fs;
mod image_cache;
mod layout;
mod library;
mod scaffold;
mod serve;
mod vocabulary;
mod yaml;
