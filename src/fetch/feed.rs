//! Feeds: RSS 0.9x/1.0/2.0, Atom and JSON Feed (through feed-rs) to the
//! items fetch needs: link, title, date, author, summary or content, and
//! image enclosures and media tags. Pure: bytes in, items out.
//!
//! feed-rs resolves only the predefined XML entities and never expands a
//! DTD, so entity bombs and external entities do nothing; a bare `&` or
//! broken XML is an error naming the feed.

use crate::content::Image;
use crate::ingest::FeedItem as Item;
use crate::vocabulary::{Date, text};
use anyhow::{Context, Result};
use url::Url;

/// A parsed feed: its title and the items that have a usable link.
#[derive(Debug, Clone, PartialEq)]
pub struct Feed {
    pub title: Option<String>,
    pub items: Vec<Item>,
    /// Items left out because they had no http(s) link.
    pub without_link: usize,
}

/// Parses a feed fetched from `feed_url` (relative links resolve against it).
pub fn parse(bytes: &[u8], feed_url: &str) -> Result<Feed> {
    let base = Url::parse(feed_url).ok();
    let feed = feed_rs::parser::Builder::new()
        .base_uri(Some(feed_url))
        .build()
        .parse(bytes)
        .map_err(|e| anyhow::anyhow!("{e}"))
        .context("not a valid RSS, Atom or JSON feed")?;
    let mut items = Vec::new();
    let mut without_link = 0;
    for entry in feed.entries {
        let link = entry
            .links
            .iter()
            .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
            .map(|l| l.href.clone())
            .or_else(|| entry.id.starts_with("http").then(|| entry.id.clone()));
        let url = link
            .and_then(|l| absolute(&l, base.as_ref()))
            .filter(|u| u.starts_with("http"));
        let Some(url) = url else {
            without_link += 1;
            continue;
        };
        let title = entry
            .title
            .map(|t| plain(&t.content))
            .filter(|t| !t.is_empty())
            .unwrap_or_else(|| url.clone());
        let mut images: Vec<Image> = Vec::new();
        for media in &entry.media {
            let alt = media
                .title
                .as_ref()
                .or(media.description.as_ref())
                .map(|t| plain(&t.content))
                .unwrap_or_default();
            for c in &media.content {
                let is_image = c.content_type.as_ref().is_none_or(|t| t.ty() == "image");
                if let Some(u) = c.url.as_ref().filter(|_| is_image) {
                    images.push(Image {
                        url: u.to_string(),
                        alt: alt.clone(),
                        caption: None,
                    });
                }
            }
            for t in &media.thumbnails {
                images.push(Image {
                    url: t.image.uri.clone(),
                    alt: alt.clone(),
                    caption: None,
                });
            }
        }
        let mut seen = std::collections::HashSet::new();
        images.retain(|i| i.url.starts_with("http") && seen.insert(i.url.clone()));
        items.push(Item {
            url,
            title,
            published: entry
                .published
                .or(entry.updated)
                .map(|d| Date::from(d.fixed_offset())),
            author: entry
                .authors
                .iter()
                .find_map(|p| p.name.clone())
                .map(|n| plain(&n))
                .filter(|n| !n.is_empty()),
            content: entry
                .content
                .and_then(|c| c.body)
                .filter(|b| !b.trim().is_empty()),
            summary: entry
                .summary
                .map(|s| s.content)
                .filter(|s| !s.trim().is_empty()),
            images,
        });
    }
    let title = feed
        .title
        .map(|t| plain(&t.content))
        .filter(|t| !t.is_empty());
    Ok(Feed {
        title,
        items,
        without_link,
    })
}

fn absolute(link: &str, base: Option<&Url>) -> Option<String> {
    match base {
        Some(b) => b.join(link.trim()).ok().map(|u| u.to_string()),
        None => Url::parse(link.trim()).ok().map(|u| u.to_string()),
    }
}

/// Text with tags stripped and whitespace collapsed (feed titles sometimes
/// carry markup).
fn plain(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut in_tag = false;
    for c in s.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    text::one_line(&out)
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(super) const RSS: &str = r#"<?xml version="1.0"?>
<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>Wire</title>
<item><title>Ferry &amp; Port</title><link>/2026/ferry.html</link><pubDate>Fri, 27 Nov 2026 09:00:00 GMT</pubDate>
<description>&lt;p&gt;Short summary&lt;/p&gt;</description>
<enclosure url="https://e.org/f.jpg" type="image/jpeg" length="10"/></item>
<item><title>With media</title><link>https://e.org/m.html</link>
<media:content url="https://e.org/m.png" medium="image"><media:title>Map</media:title></media:content></item>
<item><title>No link</title><description>x</description></item>
</channel></rss>"#;

    #[test]
    fn reads_rss_items_with_images() {
        let feed = parse(RSS.as_bytes(), "https://e.org/feed.xml").unwrap();
        assert_eq!(feed.title.as_deref(), Some("Wire"));
        assert_eq!(feed.without_link, 1);
        let item = &feed.items[0];
        assert_eq!(item.url, "https://e.org/2026/ferry.html");
        assert_eq!(item.title, "Ferry & Port");
        assert_eq!(item.published, Date::parse("2026-11-27T09:00:00Z"));
        assert_eq!(item.summary.as_deref(), Some("<p>Short summary</p>"));
        assert_eq!(
            item.images,
            [Image {
                url: "https://e.org/f.jpg".into(),
                alt: String::new(),
                caption: None
            }]
        );
        assert_eq!(
            feed.items[1].images,
            [Image {
                url: "https://e.org/m.png".into(),
                alt: "Map".into(),
                caption: None
            }]
        );
    }

    #[test]
    fn reads_atom_and_json_feed() {
        let atom = r#"<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>A</title>
<entry><title>Atom item</title><id>urn:x</id><link href="https://e.org/a"/><updated>2026-11-27T10:00:00Z</updated>
<author><name>Zoë</name></author><content type="html">&lt;p&gt;Full &lt;b&gt;text&lt;/b&gt;&lt;/p&gt;</content></entry></feed>"#;
        let item = &parse(atom.as_bytes(), "https://e.org/atom").unwrap().items[0];
        assert_eq!(
            (item.url.as_str(), item.author.as_deref()),
            ("https://e.org/a", Some("Zoë"))
        );
        assert_eq!(item.content.as_deref(), Some("<p>Full <b>text</b></p>"));
        let json = r#"{"version":"https://jsonfeed.org/version/1.1","title":"J","items":[{"id":"1","url":"https://e.org/j","title":"Json item","content_html":"<p>Hi</p>","date_published":"2026-11-27T11:00:00Z"}]}"#;
        let item = &parse(json.as_bytes(), "https://e.org/feed.json")
            .unwrap()
            .items[0];
        assert_eq!(
            (item.url.as_str(), item.title.as_str()),
            ("https://e.org/j", "Json item")
        );
    }

    #[test]
    fn hostile_feeds_fail_cleanly() {
        let bomb = r#"<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>
<rss version="2.0"><channel><title>Bomb</title><item><title>&d;&d;&d;&d;</title><link>https://e.org/x</link></item></channel></rss>"#;
        // Either refused or parsed without expanding: never gigabytes of text.
        if let Ok(feed) = parse(bomb.as_bytes(), "https://e.org/bomb") {
            assert!(feed.items.iter().all(|i| i.title.len() < 1000));
        }
        assert!(
            parse(
                b"<rss><channel><item><title>x & y</title>",
                "https://e.org/b"
            )
            .is_err()
        );
        assert!(parse(b"not a feed at all", "https://e.org/c").is_err());
    }
}

#[cfg(test)]
mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(128))]

        #[test]
        fn any_bytes_parse_or_fail_cleanly(bytes in proptest::collection::vec(any::<u8>(), 0..2000)) {
            let _ = parse(&bytes, "https://e.org/feed.xml");
        }

        #[test]
        fn mangled_feeds_parse_or_fail_cleanly(cut in 0usize..1000, junk in "[<>&/a-z\\]\\[ ]{0,40}") {
            let feed = super::tests::RSS.replace("Short summary", &junk);
            let cut = cut.min(feed.len());
            let cut = (0..=cut).rev().find(|&i| feed.is_char_boundary(i)).unwrap_or(0);
            let _ = parse(&feed.as_bytes()[..cut], "https://e.org/feed.xml");
            let _ = parse(feed.as_bytes(), "https://e.org/feed.xml");
        }
    }
}
