//! paperboy: a static site generator for text-only news mirrors.
//!
//! The library holds all the logic; `main.rs` only parses the command line,
//! dispatches to [`cmd`] and turns errors into exit codes.

pub mod build;
pub mod check;
pub mod cli;
pub mod cmd;
pub mod config;
pub mod content;
pub mod fetch;
pub mod fs;
pub mod ingest;
pub mod library;
pub mod scaffold;
pub mod serve;
pub mod vocabulary;
pub mod yaml;
