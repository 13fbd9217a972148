//! Front matter: the YAML at the top of a content file, as a typed struct,
//! and the one function that writes it back as text.
//!
//! Values are checked as they are read (a section id, a date), so a typo
//! is an error naming the line. Deciding what goes into front matter for a
//! new article is ingest's job; reading the whole file is `content`'s.

use crate::vocabulary::{Date, SectionId};
use anyhow::Result;
use serde::{Deserialize, Serialize};

/// Front matter as written in a content file.
#[derive(Debug, Clone, Default, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct FrontMatter {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Section id; defaults to the folder the file is in.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub section: Option<SectionId>,
    /// RFC 3339 date-time, or a plain `YYYY-MM-DD`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    /// When the source last updated the article, if it says so.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub updated: Option<Date>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub byline: Option<String>,
    /// When ingest or fetch wrote the file.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fetched: Option<Date>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub images: Vec<Image>,
    /// A short summary for feeds and lists, shown under the headline
    /// (ingest writes a page's standfirst here); defaults to the first
    /// paragraph, which is not shown twice.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    /// Output file name without `.html`; defaults to the file name without its date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub slug: Option<String>,
    /// Drafts are not published.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub draft: bool,
    /// Where the body came from; set by ingest and fetch.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub extracted: Option<Extraction>,
    /// Language of the article, when it differs from the site's.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// Anything else templates should see, as `article.extra`.
    #[serde(default, skip_serializing_if = "serde_json::Map::is_empty")]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

/// How an article's body was obtained, as `extracted:` records it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Extraction {
    /// Extracted from the article's HTML page (a URL or a saved page).
    Page,
    /// Read from a saved text dump (`.txt`).
    Text,
    /// A Markdown file, kept as written.
    Markdown,
    /// From a feed item's own text, because the page could not be used.
    Feed,
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

/// The text of a content file: YAML front matter between `---` lines, a
/// blank line, then the Markdown body. Checked by parsing it back, so
/// nothing writes a file that `build` would reject.
pub fn render(front: &FrontMatter, body: &str) -> Result<String> {
    let yaml = crate::yaml::to_string(front)?;
    let text = format!("---\n{yaml}---\n\n{}\n", body.trim());
    let section = front.section.as_ref().map_or("news", SectionId::as_str);
    super::parse(&format!("{section}/check.md"), &text)
        .map_err(|e| anyhow::anyhow!("{}", e.message))?;
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rendered_files_parse_back() {
        let f = FrontMatter {
            title: Some("Title with: colon and \"quotes\"\nand a newline".into()),
            section: Some(SectionId::parse("world").unwrap()),
            date: Date::parse("2026-11-27T09:00:00Z"),
            source_url: Some("https://e.org/z".into()),
            byline: Some("- dash first".into()),
            extracted: Some(Extraction::Feed),
            ..FrontMatter::default()
        };
        let text = render(&f, "---\nBody starting with a rule").unwrap();
        assert!(text.contains("extracted: feed\n"), "{text}");
        let parsed = super::super::parse("world/a.md", &text).unwrap();
        assert_eq!(parsed.front, f);
    }
}

#[cfg(test)]
mod properties {
    use super::*;
    use proptest::prelude::*;

    fn text() -> impl Strategy<Value = String> {
        prop_oneof![
            any::<String>(),
            "[ -~]{0,40}",
            Just("- dash".to_string()),
            Just("key: value".to_string()),
            Just("'quoted' \"both\"".to_string()),
            Just("---".to_string()),
            Just("*alias &anchor !tag [x] {y}".to_string()),
            Just("line\nbreak\r\nand tab\t".to_string()),
        ]
    }

    fn front() -> impl Strategy<Value = FrontMatter> {
        (
            text(),
            proptest::option::of(text()),
            proptest::option::of(text()),
            proptest::collection::vec((text(), text(), proptest::option::of(text())), 0..3),
            any::<bool>(),
            proptest::option::of(prop_oneof![
                Just(Extraction::Page),
                Just(Extraction::Text),
                Just(Extraction::Markdown),
                Just(Extraction::Feed)
            ]),
        )
            .prop_map(
                |(title, byline, summary, images, draft, extracted)| FrontMatter {
                    // A title that trims to nothing is refused by design.
                    title: Some(format!("T {title}")),
                    section: Some(SectionId::parse("world").unwrap()),
                    date: Date::parse("2026-11-27T09:00:00Z"),
                    source_url: Some("https://e.org/a?b=1&c=2".into()),
                    byline,
                    summary,
                    images: images
                        .into_iter()
                        .map(|(url, alt, caption)| Image { url, alt, caption })
                        .collect(),
                    draft,
                    extracted,
                    ..FrontMatter::default()
                },
            )
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(128))]

        #[test]
        fn any_text_parses_or_fails_cleanly(text in any::<String>(), yaml in "[-:#&*!|>\\[\\]{}'\" a-z\n]{0,200}") {
            let _ = crate::content::parse("world/a.md", &text);
            let _ = crate::content::parse("world/a.md", &format!("---\n{yaml}\n---\nbody"));
        }

        #[test]
        fn rendered_front_matter_parses_back(f in front(), body in any::<String>()) {
            let text = render(&f, &body).unwrap();
            let parsed = crate::content::parse("world/a.md", &text).unwrap();
            prop_assert_eq!(parsed.front, f);
        }
    }
}
