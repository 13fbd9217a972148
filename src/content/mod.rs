//! Content files: `content/<section>/<date>-<slug>.md`, YAML front matter
//! between `---` lines, then a Markdown body.
//!
//! Owns splitting, front-matter parsing and per-file validation, and loading
//! the whole tree in parallel. Rendering the Markdown is `markdown`'s job;
//! assembling the `Library` and deciding URLs is `site`'s.

pub mod store;

use crate::yaml::YamlError;
use anyhow::Result;
use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::path::{Path, PathBuf};

/// Front matter as written in a content file.
#[derive(Debug, Clone, Default, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct FrontMatter {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Section id; defaults to the folder the file is in.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub section: Option<String>,
    /// RFC 3339 date-time, or a plain `YYYY-MM-DD`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// When the source last updated the article (RFC 3339), if it says so.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub updated: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub byline: Option<String>,
    /// When ingest or fetch wrote the file.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fetched: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub images: Vec<Image>,
    /// A short summary for feeds; defaults to the first paragraph.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    /// Output file name without `.html`; defaults to the file name without its date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub slug: Option<String>,
    /// Drafts are not published.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub draft: bool,
    /// How the body was obtained (`page`, `feed`, `manual`); set by ingest and fetch.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub extracted: Option<String>,
    /// Language of the article, when it differs from the site's.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
}

/// An image that belongs to an article, linked from its "Article images" line.
#[derive(Debug, Clone, Default, Deserialize, PartialEq, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Image {
    pub url: String,
    #[serde(default)]
    pub alt: String,
    /// The caption the page showed with the image, when it differs from `alt`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub caption: Option<String>,
}

/// A problem with one content file, located by path and line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContentError {
    pub path: PathBuf,
    pub line: Option<usize>,
    pub message: String,
}

impl fmt::Display for ContentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{line}: {}", self.path.display(), self.message),
            None => write!(f, "{}: {}", self.path.display(), self.message),
        }
    }
}

/// Every bad file of a load, so a build can report them all at once.
#[derive(Debug)]
pub struct ContentErrors(pub Vec<ContentError>);

impl fmt::Display for ContentErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.0.len();
        write!(
            f,
            "{n} content file{} could not be read:",
            if n == 1 { "" } else { "s" }
        )?;
        for e in &self.0 {
            write!(f, "\n  {e}")?;
        }
        Ok(())
    }
}

impl std::error::Error for ContentErrors {}

/// A parsed, checked content file. The body is still Markdown.
#[derive(Debug, Clone)]
pub struct Source {
    /// Path relative to the content folder, with `/` separators.
    pub rel_path: String,
    pub title: String,
    pub section: String,
    pub date: Option<DateTime<FixedOffset>>,
    /// True when `date` had no time of day.
    pub date_only: bool,
    pub front: FrontMatter,
    pub body: String,
    /// Line of the file on which the body starts.
    pub body_line: usize,
}

/// Splits a file into its front matter and body. Returns the YAML, the body
/// and the 1-based line on which the body starts.
pub fn split(text: &str) -> Result<(&str, &str, usize), (usize, String)> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let first = text.lines().next().unwrap_or("");
    if first.trim_end() != "---" {
        return Err((
            1,
            "missing front matter: a content file starts with a `---` line, then YAML (at least `title:`), then `---`"
                .into(),
        ));
    }
    let yaml_start = text.find('\n').map_or(text.len(), |i| i + 1);
    let mut offset = yaml_start;
    for (line, l) in (2..).zip(text[yaml_start..].split_inclusive('\n')) {
        let trimmed = l.trim_end();
        if trimmed == "---" || trimmed == "..." {
            let body = &text[offset + l.len()..];
            return Ok((&text[yaml_start..offset], body, line + 1));
        }
        offset += l.len();
    }
    Err((
        1,
        "front matter opened here is never closed: did you forget the closing `---`?".into(),
    ))
}

/// Parses a date as written in front matter.
pub fn parse_date(s: &str) -> Option<(DateTime<FixedOffset>, bool)> {
    let s = s.trim();
    if let Ok(d) = DateTime::parse_from_rfc3339(s) {
        return Some((d, false));
    }
    let utc = FixedOffset::east_opt(0)?;
    for fmt in [
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%d %H:%M",
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%dT%H:%M",
    ] {
        if let Ok(n) = NaiveDateTime::parse_from_str(s, fmt) {
            return Some((n.and_local_timezone(utc).single()?, false));
        }
    }
    let d = NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()?;
    Some((
        d.and_hms_opt(0, 0, 0)?.and_local_timezone(utc).single()?,
        true,
    ))
}

/// Parses one content file's text. `rel_path` names it in errors and gives
/// the default section (its first folder).
pub fn parse(rel_path: &str, text: &str) -> Result<Source, ContentError> {
    let err = |line: Option<usize>, message: String| ContentError {
        path: rel_path.into(),
        line,
        message,
    };
    let (yaml, body, body_line) = split(text).map_err(|(line, msg)| err(Some(line), msg))?;
    let front: FrontMatter =
        crate::yaml::parse(yaml, 2).map_err(|YamlError { line, message }| err(line, message))?;
    let line_of = |key: &str| {
        yaml.lines()
            .position(|l| l.starts_with(key) && l[key.len()..].trim_start().starts_with(':'))
            .map(|i| i + 2)
    };
    let title = match front.title.as_deref().map(str::trim) {
        Some(t) if !t.is_empty() => t.to_string(),
        _ => {
            return Err(err(
                line_of("title").or(Some(1)),
                "missing `title` in front matter".into(),
            ));
        }
    };
    let (date, date_only) = match &front.date {
        None => (None, false),
        Some(s) => match parse_date(s) {
            Some((d, only)) => (Some(d), only),
            None => {
                return Err(err(
                    line_of("date"),
                    format!(
                        "cannot read date `{s}`: use RFC 3339 (2026-11-27T09:00:00Z) or 2026-11-27"
                    ),
                ));
            }
        },
    };
    let folder = rel_path
        .rsplit_once('/')
        .map(|(dir, _)| dir.split('/').next().unwrap_or(dir));
    let section = match (front.section.as_deref(), folder) {
        (Some(s), _) => s.trim().to_string(),
        (None, Some(folder)) => folder.to_string(),
        (None, None) => {
            return Err(err(
                Some(1),
                "no section: put the file in a section folder or add `section:`".into(),
            ));
        }
    };
    Ok(Source {
        rel_path: rel_path.to_string(),
        title,
        section,
        date,
        date_only,
        front,
        body: body.to_string(),
        body_line,
    })
}

/// Reads one file, reporting unreadable bytes by line.
fn read(content_dir: &Path, rel_path: &str) -> Result<Source, ContentError> {
    let path = content_dir.join(rel_path);
    let bytes = std::fs::read(&path).map_err(|e| ContentError {
        path: rel_path.into(),
        line: None,
        message: format!("cannot read: {e}"),
    })?;
    let text = String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let line = e.as_bytes()[..valid]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
            + 1;
        ContentError {
            path: rel_path.into(),
            line: Some(line),
            message: format!("not valid UTF-8 (byte {valid}): save the file as UTF-8"),
        }
    })?;
    parse(rel_path, &text)
}

/// Lists the `.md` files under `content_dir`, sorted, skipping hidden files
/// and folders. Paths are relative, with `/` separators.
pub fn list(content_dir: &Path) -> Result<Vec<String>> {
    let mut files = Vec::new();
    if !content_dir.is_dir() {
        return Ok(files);
    }
    let walker = walkdir::WalkDir::new(content_dir)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    for entry in walker {
        let entry =
            entry.map_err(|e| anyhow::anyhow!("cannot walk {}: {e}", content_dir.display()))?;
        let is_md = entry.path().extension().is_some_and(|x| x == "md");
        if entry.file_type().is_file() && is_md {
            let rel = crate::fs::relative(content_dir, entry.path());
            files.push(rel);
        }
    }
    Ok(files)
}

/// Reads and parses every content file in parallel. Returns all sources, or
/// every error found (not only the first).
pub fn load(content_dir: &Path) -> Result<Vec<Source>> {
    let files = list(content_dir)?;
    let results: Vec<Result<Source, ContentError>> =
        files.par_iter().map(|rel| read(content_dir, rel)).collect();
    let mut sources = Vec::with_capacity(results.len());
    let mut errors = Vec::new();
    // Errors name files from the site root ("content/world/a.md"), as users see them.
    let shown = Path::new(content_dir.file_name().unwrap_or("content".as_ref()));
    for r in results {
        match r {
            Ok(s) => sources.push(s),
            Err(e) => errors.push(ContentError {
                path: shown.join(&e.path),
                ..e
            }),
        }
    }
    if !errors.is_empty() {
        return Err(ContentErrors(errors).into());
    }
    Ok(sources)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_front_matter_and_counts_lines() {
        let (yaml, body, line) = split("---\ntitle: A\n---\nBody\n").unwrap();
        assert_eq!((yaml, body, line), ("title: A\n", "Body\n", 4));
        let (yaml, body, _) = split("\u{FEFF}---\r\ntitle: A\r\n---\r\n").unwrap();
        assert_eq!((yaml, body), ("title: A\r\n", ""));
    }

    #[test]
    fn split_errors_name_the_problem() {
        assert_eq!(split("title: A\n").unwrap_err().0, 1);
        let (line, msg) = split("---\ntitle: A\nbody\n").unwrap_err();
        assert_eq!(line, 1);
        assert!(msg.contains("closing `---`"));
    }

    #[test]
    fn parse_reports_file_and_line() {
        let e = parse("world/a.md", "---\ntitle: A\ndate: 2026-13-45\n---\n").unwrap_err();
        assert_eq!((e.line, e.path.to_str().unwrap()), (Some(3), "world/a.md"));
        let e = parse("world/a.md", "---\ntitle: A\nsource: x\n---\n").unwrap_err();
        assert_eq!(e.line, Some(3));
        assert!(
            e.message
                .contains("unknown key `source` (did you mean `source_url`?)"),
            "{}",
            e.message
        );
        let e = parse("world/a.md", "---\ntitle: [unclosed\n---\n").unwrap_err();
        assert!(e.line.is_some_and(|l| l >= 2), "{e}");
        let e = parse("world/a.md", "---\nbyline: X\n---\n").unwrap_err();
        assert!(e.message.contains("missing `title`"));
    }

    #[test]
    fn section_defaults_to_folder() {
        let s = parse("world/sub/a.md", "---\ntitle: A\n---\n").unwrap();
        assert_eq!(s.section, "world");
        let s = parse("world/a.md", "---\ntitle: A\nsection: sports\n---\n").unwrap();
        assert_eq!(s.section, "sports");
        assert!(parse("a.md", "---\ntitle: A\n---\n").is_err());
    }

    #[test]
    fn dates_with_and_without_time() {
        assert!(!parse_date("2026-11-27T09:00:00Z").unwrap().1);
        assert_eq!(
            parse_date("2026-11-27T09:00:00+01:00")
                .unwrap()
                .0
                .to_rfc3339(),
            "2026-11-27T09:00:00+01:00"
        );
        assert!(parse_date("2026-11-27").unwrap().1);
        assert!(parse_date("27/11/2026").is_none());
    }
}
