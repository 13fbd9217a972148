//! `paperboy extract`: print what ingest would store for one input, and
//! write nothing.

use super::ingest::{Input, read};
use crate::config::Config;
use crate::fetch::http::{Client, Settings};
use crate::layout::Layout;
use crate::vocabulary::SectionId;
use anyhow::Result;
use serde::Serialize;
use std::path::Path;

/// Output formats of `extract`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// The content file as ingest would write it.
    Markdown,
    /// The title, a blank line, then the paragraphs as plain text.
    Text,
    /// Every extracted field.
    Json,
}

#[derive(Serialize)]
struct Json<'a> {
    title: &'a str,
    byline: Option<&'a str>,
    published: Option<&'a str>,
    updated: Option<&'a str>,
    site_name: Option<&'a str>,
    canonical_url: Option<&'a str>,
    language: Option<&'a str>,
    excerpt: Option<&'a str>,
    standfirst: Option<&'a str>,
    images: &'a [crate::content::Image],
    markdown: &'a str,
    text: String,
    source_url: Option<&'a str>,
    source_name: Option<&'a str>,
    /// The date front matter gets: the page's, else the day of ingest.
    date: Option<crate::vocabulary::Date>,
    /// Where title, byline, dates and body were found.
    found_in: &'a crate::ingest::extract::Sources,
}

/// Extracts `input` and prints it in `format`. Works inside or outside a
/// site; inside one, it uses the site's fetch settings and first section.
pub fn run(root: &Path, input: &str, page_url: Option<&str>, format: Format) -> Result<()> {
    let config = if Layout::new(root).config.is_file() {
        Config::load(root)?
    } else {
        Config::default()
    };
    let section = match config.editions()[0].sections.first() {
        Some(s) => s.id.clone(),
        None => SectionId::parse("news").expect("a valid id"),
    };
    let input = Input::parse(input);
    let client = match input {
        Input::Url(_) => Some(Client::new(Settings::from_config(&config))?),
        Input::File(_) => None,
    };
    let article = read(
        &input,
        page_url,
        &section,
        client.as_ref(),
        config.fetch.max_page_bytes,
    )?;
    let out = match format {
        Format::Text => article.extracted.text() + "\n",
        Format::Markdown => crate::content::front_matter::render(&article.front, &article.body)?,
        Format::Json => {
            let ex = &article.extracted;
            let json = Json {
                title: &ex.title,
                byline: ex.byline.as_deref(),
                published: ex.published.as_deref(),
                updated: ex.updated.as_deref(),
                site_name: ex.site_name.as_deref(),
                canonical_url: ex.canonical_url.as_deref(),
                language: ex.language.as_deref(),
                excerpt: ex.excerpt.as_deref(),
                standfirst: ex.standfirst.as_deref(),
                images: &ex.images,
                markdown: &ex.markdown,
                text: ex.text(),
                source_url: article.front.source_url.as_deref(),
                source_name: article.front.source_name.as_deref(),
                date: article.front.date,
                found_in: &ex.sources,
            };
            serde_json::to_string_pretty(&json)? + "\n"
        }
    };
    use std::io::Write;
    std::io::stdout().write_all(out.as_bytes())?;
    Ok(())
}
