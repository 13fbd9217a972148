//! Article extraction: a saved or fetched news page to a title, metadata,
//! images and a Markdown body.
//!
//! Owns the recipe; the steps live in submodules named for what they own:
//! `sanitize` (the markup allowlist) and `to_markdown` (htmd and plain
//! text). Decoding bytes is `decode`'s job and fetching is not done here:
//! everything in this module is a pure function of its input.

mod sanitize;
mod to_markdown;

use crate::content::Image;
use anyhow::{Context, Result};
use dom_smoothie::{Config, Readability};
use url::Url;

/// What extraction recovered from one page.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Extracted {
    pub title: String,
    pub byline: Option<String>,
    /// RFC 3339 when the page's date could be parsed, else `None`.
    pub published: Option<String>,
    pub site_name: Option<String>,
    /// Absolute URL.
    pub canonical_url: Option<String>,
    pub language: Option<String>,
    pub excerpt: Option<String>,
    /// Absolute URLs with alt text; the lead image first.
    pub images: Vec<Image>,
    /// The article body as Markdown, without the title heading or images.
    pub markdown: String,
}

impl Extracted {
    /// The title, a blank line, then the body's paragraphs as plain text
    /// separated by blank lines.
    pub fn text(&self) -> String {
        let body = to_markdown::plain_text(&self.markdown);
        let title = self.title.split_whitespace().collect::<Vec<_>>().join(" ");
        if body.is_empty() {
            title
        } else {
            format!("{title}\n\n{body}")
        }
    }
}

/// Extracts the article from an HTML page. `url` is where the page came
/// from; relative links and image URLs are resolved against it.
pub fn extract_html(html: &str, url: Option<&str>) -> Result<Extracted> {
    let base = url
        .map(|u| Url::parse(u).with_context(|| format!("page URL `{u}` is not absolute")))
        .transpose()?;
    let mut readability = Readability::new(
        html,
        base.as_ref().map(Url::as_str),
        Some(Config::default()),
    )
    .context("could not read the page as HTML")?;
    let article = readability
        .parse()
        .context("found no article text in the page")?;
    let clean = sanitize::sanitize(&article.content, base.as_ref());
    Ok(Extracted {
        title: article.title,
        byline: article.byline,
        published: None,
        site_name: article.site_name,
        canonical_url: None,
        language: article.lang,
        excerpt: article.excerpt,
        images: Vec::new(),
        markdown: to_markdown::to_markdown(&clean),
    })
}
