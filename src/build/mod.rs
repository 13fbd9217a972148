//! The build.

pub mod images;
pub mod markdown;
pub mod output;
pub mod pages;
pub mod theme;
