//! `paperboy check`: verify the built site and print one line per problem,
//! then name the body links the build left out of its pages.

use crate::check;
use crate::config::{Config, OutputKind};
use crate::layout::Layout;
use anyhow::{Result, bail};
use std::path::Path;

/// Checks the output of the site at `root`; returns whether it is clean.
pub fn run(root: &Path, output: Option<&Path>) -> Result<bool> {
    let config = Config::load(root)?;
    let output = Layout::new(root).output(&config.output_dir, output);
    if !output.join("index.html").is_file() {
        bail!(
            "no built site in {}: run `paperboy build` first",
            output.display()
        );
    }
    let report = check::check(&output, &config)?;
    for problem in &report.problems {
        println!("{problem}");
    }
    // Body links the build left out (keeping their text) are read from
    // the content files, as the output no longer holds them. They are
    // named, not counted as problems: the pages are whole without them.
    let left_out = crate::build::dropped_links(&Layout::new(root).content, &config)?;
    for (file, line, message) in &left_out {
        println!("{file}:{line}: {message}");
    }
    let left_out = match left_out.len() {
        0 => String::new(),
        1 => "; 1 body link left out".to_string(),
        n => format!("; {n} body links left out"),
    };
    println!(
        "checked {} pages and {} links in {}: {} problem{}{left_out}; median page {:.1} KB",
        report.pages,
        report.links,
        output.display(),
        report.problems.len(),
        if report.problems.len() == 1 { "" } else { "s" },
        report.median_size() as f64 / 1024.0
    );
    let mut clean = report.problems.is_empty();
    let layout = Layout::new(root);
    for (kind, dir) in [
        (OutputKind::Gemini, &config.gemini.dir),
        (OutputKind::Gopher, &config.gopher.dir),
    ] {
        let dir = layout.root.join(dir);
        if !config.writes(kind) || !dir.is_dir() {
            continue;
        }
        let (report, what, links) = match kind {
            OutputKind::Gemini => (check::check_capsule(&dir)?, "gemtext pages", "links"),
            _ => (
                check::check_hole(&dir, &config)?,
                "gophermaps",
                "menu links",
            ),
        };
        for problem in &report.problems {
            println!("{}/{problem}", dir.display());
        }
        println!(
            "checked {} {what} and {} {links} in {}: {} problem{}",
            report.pages,
            report.links,
            dir.display(),
            report.problems.len(),
            if report.problems.len() == 1 { "" } else { "s" },
        );
        clean &= report.problems.is_empty();
    }
    Ok(clean)
}
