//! Content files: `content/<section>/<date>-<slug>.md`, YAML front matter
//! between `---` lines, then a Markdown body.
//!
//! Owns splitting, per-file validation and loading the whole tree in
//! parallel; `front_matter` owns the YAML part and `store` writing new
//! files. Rendering the Markdown is the build's job; assembling the
//! library and deciding URLs is `library`'s.

pub mod cache;
pub mod front_matter;
pub mod store;

pub use front_matter::{Extraction, FrontMatter, Image};

use crate::vocabulary::{Date, SectionId};
use crate::yaml::YamlError;
use anyhow::{Context, Result};
use rayon::prelude::*;
use std::fmt;
use std::path::{Path, PathBuf};

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

/// What the library keeps of a content file: everything but the body.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Meta {
    /// Path relative to the content folder, with `/` separators.
    pub rel_path: String,
    pub title: String,
    pub section: SectionId,
    pub date: Option<Date>,
    pub front: FrontMatter,
    /// Plain text of the body's first paragraph, cut to
    /// [`SUMMARY_CHARS`] at a word boundary: the default summary.
    pub lead: String,
    /// 32 hex digits of the BLAKE3 hash of the file's bytes: what changes
    /// when anything in the file does.
    pub hash: String,
}

/// A parsed, checked content file. The body is still Markdown.
#[derive(Debug, Clone)]
pub struct Source {
    /// Path relative to the content folder, with `/` separators.
    pub rel_path: String,
    pub title: String,
    pub section: SectionId,
    pub date: Option<Date>,
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
    let folder = rel_path
        .rsplit_once('/')
        .map(|(dir, _)| dir.split('/').next().unwrap_or(dir));
    let section = match (&front.section, folder) {
        (Some(s), _) => s.clone(),
        (None, Some(folder)) => SectionId::parse(folder).map_err(|e| {
            err(
                None,
                format!("{e}; rename the folder or add `section:` to the front matter"),
            )
        })?,
        (None, None) => {
            return Err(err(
                Some(1),
                "no section: put the file in a section folder or add `section:`".into(),
            ));
        }
    };
    let date = front.date;
    Ok(Source {
        rel_path: rel_path.to_string(),
        title,
        section,
        date,
        front,
        body: body.to_string(),
        body_line,
    })
}

/// The longest default summary, in characters.
pub const SUMMARY_CHARS: usize = 300;

/// Cuts text to at most `max` characters at a word boundary, adding `...`.
pub fn shorten(text: &str, max: usize) -> String {
    let text = crate::vocabulary::text::one_line(text);
    if text.chars().count() <= max {
        return text;
    }
    let cut: String = text.chars().take(max).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{cut}...")
}

/// The plain text of a Markdown body's first paragraph, for summaries.
/// Reads only as far as that paragraph.
pub fn first_paragraph(markdown: &str) -> String {
    use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
    let mut out = String::new();
    let mut inside = false;
    for event in Parser::new_ext(
        markdown,
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH,
    ) {
        match event {
            Event::Start(Tag::Paragraph) => inside = true,
            Event::End(TagEnd::Paragraph) if inside => break,
            Event::Text(t) | Event::Code(t) if inside => out.push_str(&t),
            Event::SoftBreak | Event::HardBreak if inside => out.push(' '),
            _ => {}
        }
    }
    crate::vocabulary::text::one_line(&out)
}

/// Reads one file of at most `max_bytes`, reporting unreadable bytes by
/// line.
pub fn read(content_dir: &Path, rel_path: &str, max_bytes: u64) -> Result<Source, ContentError> {
    let text = read_text(content_dir, rel_path, max_bytes)?;
    parse(rel_path, &text)
}

/// The text of one file of at most `max_bytes` (`limits.content_bytes`);
/// a larger one is refused before it is read.
pub fn read_text(
    content_dir: &Path,
    rel_path: &str,
    max_bytes: u64,
) -> Result<String, ContentError> {
    let bytes = read_bytes(content_dir, rel_path, max_bytes)?;
    utf8(rel_path, bytes)
}

fn read_bytes(content_dir: &Path, rel_path: &str, max_bytes: u64) -> Result<Vec<u8>, ContentError> {
    let path = content_dir.join(rel_path);
    let cannot = |e: std::io::Error| ContentError {
        path: rel_path.into(),
        line: None,
        message: format!("cannot read: {e}"),
    };
    let len = std::fs::metadata(&path).map_err(cannot)?.len();
    if len > max_bytes {
        return Err(ContentError {
            path: rel_path.into(),
            line: None,
            message: format!(
                "{len} bytes, over the {max_bytes}-byte limit for a content file (limits.content_bytes)"
            ),
        });
    }
    std::fs::read(&path).map_err(cannot)
}

/// A file's bytes as text, reporting bytes that are not UTF-8 by line.
fn utf8(rel_path: &str, bytes: Vec<u8>) -> Result<String, ContentError> {
    String::from_utf8(bytes).map_err(|e| {
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
    })
}

/// Lists the `.md` files under `content_dir`, sorted, skipping hidden files
/// and folders. Paths are relative, with `/` separators.
pub fn list(content_dir: &Path) -> Result<Vec<String>> {
    Ok(stamps(content_dir)?
        .into_iter()
        .map(|(rel, _)| rel)
        .collect())
}

impl Source {
    /// The metadata of this source, whose file's bytes hash to `hash`.
    pub fn meta(&self, hash: String) -> Meta {
        Meta {
            rel_path: self.rel_path.clone(),
            title: self.title.clone(),
            section: self.section.clone(),
            date: self.date,
            front: self.front.clone(),
            lead: shorten(&first_paragraph(&self.body), SUMMARY_CHARS),
            hash,
        }
    }
}

/// 32 hex digits of the BLAKE3 hash of `bytes`.
pub fn hash(bytes: &[u8]) -> String {
    blake3::hash(bytes).to_hex()[..32].to_string()
}

/// Reads one file of at most `max_bytes` and returns its metadata.
fn read_meta(content_dir: &Path, rel_path: &str, max_bytes: u64) -> Result<Meta, ContentError> {
    let bytes = read_bytes(content_dir, rel_path, max_bytes)?;
    let hash = hash(&bytes);
    let source = parse(rel_path, &utf8(rel_path, bytes)?)?;
    Ok(source.meta(hash))
}

/// The Markdown body of a content file whose front matter was read before
/// (the build reads it for each article it renders, so bodies are never
/// all held at once).
pub fn read_body(content_dir: &Path, rel_path: &str, max_bytes: u64) -> Result<String> {
    let shown = |e: ContentError| {
        anyhow::anyhow!(
            "{}",
            ContentError {
                path: Path::new("content").join(&e.path),
                ..e
            }
        )
    };
    let text = read_text(content_dir, rel_path, max_bytes).map_err(shown)?;
    match split(&text) {
        Ok((_, body, _)) => Ok(body.to_string()),
        Err((line, message)) => Err(shown(ContentError {
            path: rel_path.into(),
            line: Some(line),
            message,
        })),
    }
}

/// Every content file's path and stamp, as loading found them.
pub type Stamps = Vec<(String, Option<cache::Stamp>)>;

/// The metadata of every content file, read in parallel and refused over
/// `max_bytes`; files whose size and modification time `cache` knows are
/// not read again. Returns every error found (not only the first); with
/// the metadata, every file's path and stamp, in the order of [`list`].
pub fn load(
    content_dir: &Path,
    cache: &mut cache::Cache,
    max_bytes: u64,
) -> Result<(Vec<Meta>, Stamps)> {
    let stamps = stamps(content_dir)?;
    load_stamped(content_dir, stamps, cache, max_bytes)
}

/// Every content file under `content_dir` (`*.md`, not hidden, not a
/// link) with its size and modification time, sorted by path.
///
/// Content is listed with `read_dir` rather than walkdir: each file is
/// stamped relative to its open folder as it is listed, which costs a
/// third less than stamping it by its full path afterwards, and a rebuild
/// that changed little spends much of its time here.
pub fn stamps(content_dir: &Path) -> Result<Stamps> {
    if !content_dir.is_dir() {
        return Ok(Vec::new());
    }
    // The top level in one pass, each folder below it walked in parallel.
    let mut files = Vec::new();
    let mut folders = Vec::new();
    read_folder(content_dir, "", &mut files, &mut folders)?;
    let nested: Vec<Stamps> = folders
        .par_iter()
        .map(|(dir, rel)| {
            let mut found = Vec::new();
            walk(dir, rel, &mut found)?;
            Ok(found)
        })
        .collect::<Result<_>>()?;
    files.extend(nested.into_iter().flatten());
    // Sorted as strings once, rather than folder by folder.
    files.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    Ok(files)
}

/// The content files in `dir` and every folder below it into `files`;
/// `rel` is `dir`'s path in the content folder.
fn walk(dir: &Path, rel: &str, files: &mut Stamps) -> Result<()> {
    let mut folders = Vec::new();
    read_folder(dir, rel, files, &mut folders)?;
    for (dir, rel) in folders {
        walk(&dir, &rel, files)?;
    }
    Ok(())
}

/// The content files of folder `dir` (at `rel` in the content folder),
/// stamped, into `files`, and its folders into `folders`.
fn read_folder(
    dir: &Path,
    rel: &str,
    files: &mut Stamps,
    folders: &mut Vec<(PathBuf, String)>,
) -> Result<()> {
    let cannot = || format!("cannot walk {}", dir.display());
    for entry in std::fs::read_dir(dir).with_context(cannot)? {
        let entry = entry.with_context(cannot)?;
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with('.') {
            continue;
        }
        let kind = entry.file_type().with_context(cannot)?;
        let path = match rel {
            "" => name.into_owned(),
            _ => format!("{rel}/{name}"),
        };
        if kind.is_dir() {
            folders.push((entry.path(), path));
        } else if kind.is_file() && path.ends_with(".md") {
            let stamp = entry.metadata().ok().and_then(|m| cache::stamp_of(&m));
            files.push((path, stamp));
        }
    }
    Ok(())
}

/// [`load`] with the files already listed and stamped by [`stamps`] (a
/// build that first checked whether anything changed has them).
pub fn load_stamped(
    content_dir: &Path,
    stamps: Stamps,
    cache: &mut cache::Cache,
    max_bytes: u64,
) -> Result<(Vec<Meta>, Stamps)> {
    // Cached metadata is taken out of the cache, not copied, and the files
    // it does not hold are read into their places: one vector of metadata
    // is alive at a time.
    let mut metas: Vec<Option<Meta>> = stamps
        .iter()
        .map(|(rel, stamp)| cache.take(rel, stamp.filter(|s| s.0 <= max_bytes)))
        .collect();
    cache.settle();
    let errors: Vec<ContentError> = stamps
        .par_iter()
        .zip(metas.par_iter_mut())
        .filter(|(_, meta)| meta.is_none())
        .filter_map(
            |((rel, _), meta)| match read_meta(content_dir, rel, max_bytes) {
                Ok(m) => {
                    *meta = Some(m);
                    None
                }
                Err(e) => Some(e),
            },
        )
        .collect();
    if !errors.is_empty() {
        // Errors name files from the site root ("content/world/a.md"), as users see them.
        let shown = Path::new(content_dir.file_name().unwrap_or("content".as_ref()));
        let errors = errors
            .into_iter()
            .map(|e| ContentError {
                path: shown.join(&e.path),
                ..e
            })
            .collect();
        return Err(ContentErrors(errors).into());
    }
    Ok((metas.into_iter().flatten().collect(), stamps))
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
    fn shorten_cuts_at_words() {
        assert_eq!(shorten("one two three", 9), "one two...");
        assert_eq!(shorten("short", 9), "short");
    }

    #[test]
    fn first_paragraph_is_plain_text() {
        assert_eq!(
            first_paragraph("# Head\n\nHello *big*\nworld `x`.\n\nSecond."),
            "Hello big world x."
        );
        assert_eq!(first_paragraph(""), "");
    }

    #[test]
    fn section_defaults_to_folder() {
        let s = parse("world/sub/a.md", "---\ntitle: A\n---\n").unwrap();
        assert_eq!(s.section.as_str(), "world");
        let s = parse("world/a.md", "---\ntitle: A\nsection: sports\n---\n").unwrap();
        assert_eq!(s.section.as_str(), "sports");
        assert!(parse("a.md", "---\ntitle: A\n---\n").is_err());
        let e = parse("World/a.md", "---\ntitle: A\n---\n").unwrap_err();
        assert!(e.message.contains("rename the folder"), "{e}");
        let e = parse("world/a.md", "---\ntitle: A\nsection: Bad Id\n---\n").unwrap_err();
        assert_eq!(e.line, Some(3), "{e}");
    }
}
