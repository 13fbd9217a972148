//! paperboy: a static site generator for text-only news mirrors.
//!
//! The library holds all the logic; `main.rs` only parses the command line,
//! dispatches to [`cmd`] and turns errors into exit codes. Dependencies point
//! one way: `cmd → site → {content, markdown, theme, pages} → {config, charset, yaml, output}`.

pub mod charset;
pub mod check;
pub mod cli;
pub mod cmd;
pub mod config;
pub mod content;
pub mod decode;
pub mod extract;
pub mod fetch;
pub mod images;
pub mod ingest;
pub mod markdown;
pub mod output;
pub mod pages;
pub mod paths;
pub mod scaffold;
pub mod serve;
pub mod site;
pub mod slug;
pub mod store;
pub mod theme;
pub mod yaml;
