//! `paperboy build`: load the site, render it, replace the output folder.

use crate::library::Site;
use anyhow::Result;
use std::path::Path;
use std::time::Instant;

/// Builds the site at `root` into `output` (or the configured folder).
pub fn run(root: &Path, output: Option<&Path>) -> Result<()> {
    let start = Instant::now();
    log::info!("building site in {}", root.display());
    let site = Site::load(root)?;
    let output = match output {
        Some(dir) => dir.to_path_buf(),
        None => root.join(&site.config.output_dir),
    };
    let report = site.build(&output)?;
    log::info!(
        "built {} articles in {} sections: {} files in {} ({} ms)",
        report.articles,
        report.sections,
        report.files,
        report.output.display(),
        start.elapsed().as_millis()
    );
    Ok(())
}
