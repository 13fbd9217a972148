//! `paperboy epub`: the e-book of one day, for each edition, written to a
//! folder of the user's choosing. The build makes the same books (with
//! `epub` in `outputs`) beside the archive's day pages.

use crate::build::{Site, Target};
use anyhow::{Context, Result, bail};
use std::path::Path;

/// Writes the e-books of `date` (`YYYY-MM-DD`; the newest day with
/// articles when not given) of every edition, or of `edition`, into `dir`
/// (the current folder when not given).
pub fn run(
    root: &Path,
    date: Option<&str>,
    edition: Option<&str>,
    dir: Option<&Path>,
) -> Result<()> {
    let day = date
        .map(|d| {
            chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d")
                .with_context(|| format!("--date `{d}` is not a date: write it as 2026-11-27"))
        })
        .transpose()?;
    let site = Site::load(root)?;
    if let Some(id) = edition
        && !site.config.editions.iter().any(|e| e.id.as_str() == id)
    {
        bail!("there is no edition `{id}` in config.yaml");
    }
    let books = site.with_pages(Target::Html, |pages| pages.epubs(edition, day))?;
    if books.is_empty() {
        match day {
            Some(d) => bail!("no articles on {d}: no e-book to write"),
            None => bail!("no dated articles: no e-book to write"),
        }
    }
    let dir = dir.unwrap_or(Path::new("."));
    let stem = crate::vocabulary::names::slugify(&site.config.title, 40);
    for book in books {
        let (day, bytes) = (book.day, book.bytes);
        let name = match book.edition {
            Some(id) => format!("{stem}-{id}-{day}.epub"),
            None => format!("{stem}-{day}.epub"),
        };
        let path = dir.join(&name);
        crate::fs::write_shared(&path, &bytes)?;
        log::info!(
            "wrote {} ({} KB)",
            path.display(),
            (bytes.len() as u64).div_ceil(1024)
        );
    }
    Ok(())
}
