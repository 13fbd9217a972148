//! Ingest: turns one input (a saved page, a text dump, a Markdown file, or a
//! URL) into the front matter and body of a content file.
//!
//! Owns choosing the reader by file type and filling in front matter from
//! what extraction found. Decoding is `decode`'s, extraction `extract`'s,
//! HTTP `fetch`'s, and writing the file `store`'s.

pub mod decode;
pub mod extract;

use crate::content::{self, FrontMatter};
use crate::fetch::http::{Client, Expect};
use crate::ingest::decode::decode_html;
use anyhow::{Context, Result, bail};
use extract::Extracted;
use std::path::{Path, PathBuf};

/// File types ingest reads, by extension.
pub const EXTENSIONS: &[&str] = &["html", "htm", "txt", "md"];

/// An article ready to store, with what extraction saw (for `extract`).
#[derive(Debug, Clone)]
pub struct Ingested {
    pub front: FrontMatter,
    pub body: String,
    pub extracted: Extracted,
}

/// One thing to ingest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    File(PathBuf),
    Url(String),
}

impl Input {
    /// An argument as given: a URL if it has an http(s) scheme, else a path.
    pub fn parse(arg: &str) -> Input {
        let lower = arg.to_ascii_lowercase();
        if lower.starts_with("http://") || lower.starts_with("https://") {
            Input::Url(arg.to_string())
        } else {
            Input::File(PathBuf::from(arg))
        }
    }

    /// How the input is named in messages.
    pub fn name(&self) -> String {
        match self {
            Input::File(p) => p.display().to_string(),
            Input::Url(u) => u.clone(),
        }
    }
}

/// Expands folders into the files below them that ingest reads, sorted;
/// files and URLs pass through.
pub fn expand(inputs: &[Input]) -> Result<Vec<Input>> {
    let mut out = Vec::new();
    for input in inputs {
        match input {
            Input::File(dir) if dir.is_dir() => {
                let mut files = Vec::new();
                for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
                    let entry = entry.with_context(|| format!("cannot walk {}", dir.display()))?;
                    let hidden = entry.file_name().to_string_lossy().starts_with('.');
                    if entry.file_type().is_file() && !hidden && has_known_extension(entry.path()) {
                        files.push(Input::File(entry.into_path()));
                    }
                }
                out.extend(files);
            }
            other => out.push(other.clone()),
        }
    }
    Ok(out)
}

fn has_known_extension(path: &Path) -> bool {
    extension(path).is_some_and(|e| EXTENSIONS.contains(&e.as_str()))
}

fn extension(path: &Path) -> Option<String> {
    path.extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
}

/// Reads and extracts one input. `page_url` is the page's original address
/// for saved files (to resolve links and name the source); `client` is
/// needed only for URLs.
pub fn read(
    input: &Input,
    page_url: Option<&str>,
    section: &str,
    client: Option<&Client>,
) -> Result<Ingested> {
    if let Some(u) = page_url
        && !matches!(Input::parse(u), Input::Url(_))
    {
        bail!("--url must be an http or https address, not `{u}`");
    }
    match input {
        Input::Url(url) => {
            let client = client.context("fetching URLs needs an HTTP client")?;
            let response = client.get(url, Expect::Html)?;
            let (html, _) = decode_html(&response.body, response.charset.as_deref());
            let ex = extract::extract_html(&html, Some(&response.url))?;
            Ok(from_extracted(ex, Some(&response.url), section, "page"))
        }
        Input::File(path) => {
            let bytes =
                std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
            match extension(path).as_deref() {
                Some("html" | "htm") => {
                    let (html, _) = decode_html(&bytes, None);
                    let ex = extract::extract_html(&html, page_url)?;
                    Ok(from_extracted(ex, page_url, section, "page"))
                }
                Some("txt") => {
                    let (text, _) = decode_html(&bytes, None);
                    let ex = extract::extract_text_dump(&text)?;
                    Ok(from_extracted(ex, page_url, section, "text"))
                }
                Some("md") => {
                    let text = String::from_utf8(bytes)
                        .map_err(|_| anyhow::anyhow!("{} is not UTF-8 text", path.display()))?;
                    from_markdown(path, &text, page_url, section)
                }
                _ => bail!(
                    "{}: not a page paperboy reads (use .html, .htm, .txt or .md)",
                    path.display()
                ),
            }
        }
    }
}

/// Front matter from an extraction: the page's canonical URL (else where it
/// came from) as `source_url`, its site name (else host) as `source_name`.
fn from_extracted(ex: Extracted, url: Option<&str>, section: &str, how: &str) -> Ingested {
    let source_url = ex.canonical_url.clone().or_else(|| url.map(str::to_string));
    let host = source_url
        .as_deref()
        .and_then(|u| url::Url::parse(u).ok())
        .and_then(|u| u.host_str().map(str::to_string));
    let fetched = now();
    // An article the page gives no date is dated the day it was ingested,
    // as its file name is, so the two never disagree.
    let date = ex
        .published
        .clone()
        .or_else(|| fetched.get(..10).map(str::to_string));
    let front = FrontMatter {
        title: Some(one_line(&ex.title)),
        section: Some(section.to_string()),
        date,
        updated: ex.updated.clone(),
        source_name: ex.site_name.as_deref().map(one_line).or(host),
        source_url,
        byline: ex.byline.as_deref().map(one_line),
        fetched: Some(fetched),
        images: ex.images.clone(),
        summary: None,
        slug: None,
        draft: false,
        extracted: Some(how.to_string()),
        language: ex.language.clone(),
    };
    Ingested {
        front,
        body: ex.markdown.clone(),
        extracted: ex,
    }
}

/// A Markdown file is kept as written: its front matter (if any) is read
/// and completed, and a missing title comes from the first `# ` heading
/// (which then leaves the body) or the file name.
fn from_markdown(
    path: &Path,
    text: &str,
    page_url: Option<&str>,
    section: &str,
) -> Result<Ingested> {
    let (mut front, body) = match content::split(text) {
        Ok((yaml, body, _)) => {
            let front: FrontMatter = crate::yaml::parse(yaml, 2)
                .with_context(|| format!("invalid front matter in {}", path.display()))?;
            (front, body.to_string())
        }
        Err(_) => (FrontMatter::default(), text.to_string()),
    };
    let mut body = body;
    if front.title.as_deref().is_none_or(|t| t.trim().is_empty()) {
        let heading = body
            .lines()
            .find(|l| !l.trim().is_empty())
            .and_then(|l| l.strip_prefix("# "))
            .map(str::to_string);
        let title = match heading {
            Some(h) => {
                body = body.replacen(&format!("# {h}"), "", 1);
                h.trim().to_string()
            }
            None => {
                let stem = path
                    .file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_default();
                crate::config::capitalise(
                    &crate::vocabulary::names::strip_date_prefix(&stem).replace(['-', '_'], " "),
                )
            }
        };
        front.title = Some(title);
    }
    front.section.get_or_insert_with(|| section.to_string());
    if front.date.is_none() {
        // A dated file name (2026-11-20-notes.md) dates the article.
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        front.date = name
            .get(..10)
            .filter(|d| content::parse_date(d).is_some())
            .map(str::to_string);
    }
    if front.source_url.is_none() {
        front.source_url = page_url.map(str::to_string);
    }
    front
        .extracted
        .get_or_insert_with(|| "markdown".to_string());
    let ex = Extracted {
        title: front.title.clone().unwrap_or_default(),
        markdown: body.trim().to_string(),
        ..Extracted::default()
    };
    Ok(Ingested {
        front,
        body: body.trim().to_string(),
        extracted: ex,
    })
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The current time as RFC 3339, to the second.
pub fn now() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inputs_are_urls_or_paths() {
        assert_eq!(
            Input::parse("https://e.org/a"),
            Input::Url("https://e.org/a".into())
        );
        assert_eq!(
            Input::parse("HTTP://e.org/a"),
            Input::Url("HTTP://e.org/a".into())
        );
        assert_eq!(
            Input::parse("saved/a.html"),
            Input::File("saved/a.html".into())
        );
    }

    #[test]
    fn page_url_must_be_http() {
        let input = Input::File("x.html".into());
        let err = read(&input, Some("javascript:alert(1)"), "world", None).unwrap_err();
        assert!(
            err.to_string()
                .contains("--url must be an http or https address"),
            "{err}"
        );
    }

    #[test]
    fn markdown_without_front_matter_gets_title_and_section() {
        let got = from_markdown(
            Path::new("2026-11-01-my-note.md"),
            "# A Note\n\nBody text.\n",
            None,
            "world",
        )
        .unwrap();
        assert_eq!(got.front.title.as_deref(), Some("A Note"));
        assert_eq!(got.front.section.as_deref(), Some("world"));
        assert_eq!(got.front.date.as_deref(), Some("2026-11-01"));
        assert_eq!(got.body, "Body text.");
        let got = from_markdown(
            Path::new("2026-11-01-my-note.md"),
            "Just text.\n",
            None,
            "world",
        )
        .unwrap();
        assert_eq!(got.front.title.as_deref(), Some("My note"));
    }

    #[test]
    fn markdown_front_matter_is_kept_and_completed() {
        let text = "---\ntitle: Kept\nbyline: Me\n---\nBody *as written*.\n";
        let got = from_markdown(Path::new("x.md"), text, Some("https://e.org/x"), "world").unwrap();
        assert_eq!(got.front.title.as_deref(), Some("Kept"));
        assert_eq!(got.front.byline.as_deref(), Some("Me"));
        assert_eq!(got.front.source_url.as_deref(), Some("https://e.org/x"));
        assert_eq!(got.body, "Body *as written*.");
        assert!(from_markdown(Path::new("x.md"), "---\ntitel: X\n---\n", None, "world").is_err());
    }
}
