//! `paperboy new DIR`: scaffold a site that builds as it is.

use anyhow::Result;
use std::path::Path;

/// Creates a new site in `dir`, with two editions when `editions`.
pub fn run(dir: &Path, editions: bool) -> Result<()> {
    crate::scaffold::create(dir, editions)?;
    log::info!("created a new site in {}", dir.display());
    println!(
        "Next: cd {} && paperboy build, then open public/index.html",
        dir.display()
    );
    Ok(())
}
