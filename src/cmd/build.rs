//! `paperboy build`: load the site, render it, replace the output folder.

use crate::build::{Freshness, Mode, Site, Target};
use anyhow::Result;
use std::path::Path;
use std::time::Instant;

/// Builds the site at `root` into `output` (or the configured folder);
/// `force` allows a non-empty folder that holds no earlier build.
pub fn run(root: &Path, output: Option<&Path>, force: bool) -> Result<()> {
    let start = Instant::now();
    log::info!("building site in {}", root.display());
    let reports = match Site::up_to_date(root, output)? {
        Freshness::Current(reports) => reports,
        Freshness::Stale(stamps) => {
            let site = Site::load_stamped(root, Some(stamps))?;
            let reports = site.build_all(output, force)?;
            // The process ends here: freeing a large site one string at a
            // time would only delay the exit.
            std::mem::forget(site);
            reports
        }
    };
    for report in reports {
        let kind = match report.target {
            Some(Target::Gemini) => "Gemini capsule: ",
            Some(Target::Gopher) => "Gopher hole: ",
            _ => "",
        };
        if report.mode == Mode::Unchanged && report.articles == 0 {
            // Confirmed without loading the content: there is nothing to count.
            log::info!(
                "{kind}nothing changed since the last build: {} files in {} ({} ms)",
                report.files,
                report.output.display(),
                start.elapsed().as_millis()
            );
            continue;
        }
        let what = match report.mode {
            Mode::Unchanged => "nothing changed".to_string(),
            Mode::InPlace | Mode::Swapped => format!(
                "{} pages rendered, {} files written, {} removed",
                report.rendered, report.written, report.removed
            ),
        };
        log::info!(
            "built {kind}{} articles in {} sections: {} files in {}; {what} ({} ms)",
            report.articles,
            report.sections,
            report.files,
            report.output.display(),
            start.elapsed().as_millis()
        );
    }
    Ok(())
}
