//! Limits on hostile or oversized input: deep nesting in feeds, pages,
//! front matter and Markdown, feeds with too many items, content files
//! and pages that are too big or not text. Each ends in a clear line
//! naming the file or URL and the limit, and the run goes on.

use crate::server::{Reply, Server};
use crate::support::{TempSite, snapshot, stderr};
use std::time::{Duration, Instant};

fn stdout(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn nested(depth: usize, inner: &str) -> String {
    format!("{}{inner}{}", "<div>".repeat(depth), "</div>".repeat(depth))
}

/// Escapes text for an XML element.
fn xml(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn site_with_feed(feed: &str, extra: &str) -> TempSite {
    let site = TempSite::fixture("site");
    site.write(
        "config.yaml",
        &format!(
            "title: Loop Times\nsections:\n  - id: world\n    feeds: [\"{feed}\"]\nfetch:\n  timeout_secs: 5\n{extra}"
        ),
    );
    site
}

fn world_files(site: &TempSite) -> Vec<String> {
    snapshot(&site.root().join("content/world"))
        .into_iter()
        .map(|(path, bytes)| format!("{path}\n{}", String::from_utf8_lossy(&bytes)))
        .collect()
}

#[test]
fn a_deeply_nested_feed_item_does_not_stop_the_fetch() {
    let server = Server::start(|r| {
        let base = format!("http://{}", r.header("host").unwrap_or("127.0.0.1"));
        match r.path.as_str() {
            "/feed.xml" => {
                let deep = xml(&nested(5000, "Deep feed text."));
                let items = [
                    ("Plain Story", "/plain.html", "Plain feed text.".to_string()),
                    ("Deep Story", "/deep.html", deep),
                    ("Deep Page Story", "/deep-page.html", "Short.".to_string()),
                ];
                let items: String = items
                    .iter()
                    .map(|(title, path, text)| {
                        format!("<item><title>{title}</title><link>{base}{path}</link><description>{text}</description></item>")
                    })
                    .collect();
                Reply::ok(
                    "application/rss+xml",
                    format!(
                        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Deep Wire</title>{items}</channel></rss>"
                    ),
                )
            }
            "/deep-page.html" => {
                let para = "<p>Deep page text that goes on long enough to be trusted over the feed's own words, sentence after sentence.</p>".repeat(5);
                Reply::html(format!(
                    "<html><head><title>Deep Page Story</title></head><body><article><h1>Deep Page Story</h1>{}</article></body></html>",
                    nested(5000, &para)
                ))
            }
            _ => Reply::status(404),
        }
    });
    let site = site_with_feed(&server.url("/feed.xml"), "");
    let out = site.run(&["fetch"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("3 new (2 from the feed only), 0 already present, 0 failed"),
        "{}",
        stdout(&out)
    );
    let files = world_files(&site);
    let deep = files.iter().find(|f| f.contains("deep-story.md")).unwrap();
    assert!(deep.contains("Deep feed text."), "{deep}");
    let page = files
        .iter()
        .find(|f| f.contains("deep-page-story"))
        .unwrap();
    assert!(page.contains("extracted: page"), "{page}");
    assert!(page.contains("Deep page text"), "{page}");
    assert!(site.root().join(".paperboy/fetch.json").is_file());
    // And the articles build.
    site.build();
}

#[test]
fn feed_items_past_max_items_are_skipped_with_a_note() {
    let server = Server::start(|r| {
        let base = format!("http://{}", r.header("host").unwrap_or("127.0.0.1"));
        match r.path.as_str() {
            "/feed.xml" => {
                let items: String = (0..12)
                    .map(|i| format!("<item><title>Story {i}</title><link>{base}/s{i}.html</link><description>Text {i}.</description></item>"))
                    .collect();
                Reply::ok(
                    "application/rss+xml",
                    format!(
                        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Busy</title>{items}</channel></rss>"
                    ),
                )
            }
            _ => Reply::status(404),
        }
    });
    let site = site_with_feed(&server.url("/feed.xml"), "  max_items: 5\n");
    let out = site.run(&["fetch"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("5 new (5 from the feed only), 0 already present, 0 failed, 7 skipped over fetch.max_items"),
        "{}",
        stdout(&out)
    );
    let files = world_files(&site);
    let stored = files.iter().filter(|f| f.contains("story-")).count();
    assert_eq!(stored, 5, "{files:?}");
    // The first items of the feed are the ones kept.
    assert!(files.iter().any(|f| f.contains("story-0.md")));
    assert!(!files.iter().any(|f| f.contains("story-5.md")));
    assert!(server.count("/s5.html") == 0);
}

#[test]
fn deep_front_matter_is_an_error_with_file_and_line() {
    let cases = [
        (
            format!("summary: {}x{}\n", "[".repeat(100_000), "]".repeat(100_000)),
            3,
        ),
        (format!("summary:\n  {}x\n", "- ".repeat(100_000)), 4),
        (
            format!("summary: &a {}x{}\n", "{a: ".repeat(50), "}".repeat(50)),
            3,
        ),
    ];
    for (yaml, line) in cases {
        let site = TempSite::fixture("site");
        site.write(
            "content/world/2026-11-28-deep.md",
            &format!("---\ntitle: Deep\n{yaml}---\nBody.\n"),
        );
        let start = Instant::now();
        let out = site.run(&["build"]);
        assert!(start.elapsed() < Duration::from_secs(5));
        assert!(!out.status.success());
        let err = stderr(&out);
        let want =
            format!("content/world/2026-11-28-deep.md:{line}: nesting deeper than 32 levels");
        assert!(err.contains(&want), "{err}");
    }
}

#[test]
fn too_many_aliases_are_an_error_with_file_and_line() {
    let mut yaml = String::from("images:\n  - &i {url: \"https://e.org/a.jpg\"}\n");
    for _ in 0..100 {
        yaml.push_str("  - *i\n");
    }
    let site = TempSite::fixture("site");
    site.write(
        "content/world/2026-11-28-alias.md",
        &format!("---\ntitle: Alias\n{yaml}---\nBody.\n"),
    );
    let err = stderr(&site.run(&["build"]));
    assert!(
        err.contains("content/world/2026-11-28-alias.md:69: more than 64 aliases"),
        "{err}"
    );
}

#[test]
fn oversized_content_files_are_refused_by_build_and_ingest() {
    let site = TempSite::fixture("site");
    let config = std::fs::read_to_string(site.root().join("config.yaml")).unwrap();
    site.write(
        "config.yaml",
        &format!("{config}limits:\n  content_bytes: 2000\n"),
    );
    let big = format!("---\ntitle: Big\n---\n{}\n", "Long text. ".repeat(300));
    site.write("content/world/2026-11-28-big.md", &big);
    let out = site.run(&["build"]);
    assert!(!out.status.success());
    let want = format!(
        "content/world/2026-11-28-big.md: {} bytes, over the 2000-byte limit for a content file (limits.content_bytes)",
        big.len()
    );
    assert!(stderr(&out).contains(&want), "{}", stderr(&out));
    // Ingest skips the big file when looking for duplicates, and refuses
    // to write a new one over the limit.
    std::fs::remove_file(site.root().join("content/world/2026-11-28-big.md")).unwrap();
    site.write(
        "saved/long.md",
        &format!("# Long\n\n{}\n", "Long text. ".repeat(300)),
    );
    let out = site.run(&[
        "ingest",
        &site.root().join("saved/long.md").to_string_lossy(),
    ]);
    let text = stdout(&out);
    assert!(
        text.contains("long.md: the article is")
            && text.contains("over the 2000-byte limit (limits.content_bytes)"),
        "{text}"
    );
    site.build();
}

#[test]
fn deep_markdown_builds_flat() {
    let site = TempSite::fixture("site");
    let body = format!(
        "{}\n\n{}deep quote\n\n{}deep item\n",
        nested(20_000, "deep div"),
        "> ".repeat(20_000),
        "- ".repeat(20_000)
    );
    site.write(
        "content/world/2026-11-28-deep.md",
        &format!("---\ntitle: Deep Markdown\n---\n{body}"),
    );
    site.build();
    let page = site.page("world/deep.html");
    assert!(page.contains("deep div") && page.contains("deep quote") && page.contains("deep item"));
    assert!(page.matches("<blockquote>").count() <= 48);
    assert!(page.matches("<ul>").count() <= 48);
    let out = site.run(&["check"]);
    assert!(out.status.success(), "{}", stdout(&out));
}

#[test]
fn a_binary_file_named_html_is_refused() {
    let site = TempSite::fixture("site");
    let mut bytes = b"<html><body>".to_vec();
    bytes.extend((0..50_000u32).map(|i| (i * 7919 % 251) as u8));
    let path = site.root().join("saved/photo.html");
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, bytes).unwrap();
    let out = site.run(&["ingest", &path.to_string_lossy()]);
    assert!(
        stdout(&out).contains("photo.html: not an HTML page: it holds binary data"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn a_deeply_nested_page_extracts() {
    let site = TempSite::fixture("site");
    let para = "<p>Text deep inside a page that nests its article twenty thousand times, as no real page does.</p>";
    site.write(
        "saved/deep.html",
        &format!(
            "<html><head><title>Deep</title></head><body><article><h1>Deep</h1>{}</article></body></html>",
            nested(20_000, &para.repeat(4))
        ),
    );
    let out = site.run(&[
        "extract",
        &site.root().join("saved/deep.html").to_string_lossy(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("Text deep inside a page"));
}
