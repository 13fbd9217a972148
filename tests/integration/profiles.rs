//! Profiles and charsets: what each combination writes, checked by
//! paperboy's own `check` and by independent tools (onsgmls, lynx).

use crate::support::{TempSite, snapshot, stderr};
use std::process::Command;

const TABLE_ARTICLE: &str = "---\ntitle: Readings\ndate: 2026-11-22\n---\n| City | °C |\n|---|--:|\n| Tromsø | -15 |\n\n~~old~~ new\n";

/// The fixture site with `profile` and `charset` set, plus an article with a table.
fn site_with(profile: &str, charset: &str) -> TempSite {
    let site = TempSite::fixture("site");
    let config = std::fs::read_to_string(site.root().join("config.yaml")).unwrap();
    site.write(
        "config.yaml",
        &format!("{config}profile: {profile}\ncharset: {charset}\n"),
    );
    site.write("content/science/2026-11-22-readings.md", TABLE_ARTICLE);
    site.build();
    site
}

fn bytes(site: &TempSite, rel: &str) -> Vec<u8> {
    std::fs::read(site.public().join(rel)).unwrap()
}

#[test]
fn html2_writes_html2_only() {
    let site = site_with("html2", "latin1");
    let index = site.page("index.html");
    assert!(index.starts_with("<!DOCTYPE HTML PUBLIC \"-//IETF//DTD HTML 2.0//EN\">"));
    for page in snapshot(&site.public())
        .keys()
        .filter(|p| p.ends_with(".html"))
    {
        let html = site.page(page);
        for tag in ["<center", "<font", "<table", "<small", "<strike", "bgcolor"] {
            assert!(!html.contains(tag), "{page} has {tag}");
        }
    }
    let readings = site.page("science/readings.html");
    assert!(
        readings.contains("<pre>City   | °C\n-------+----\nTromsø | -15\n</pre>"),
        "{readings}"
    );
    assert!(
        readings.contains("<p>old new</p>"),
        "strikethrough becomes plain text"
    );
}

#[test]
fn html32_keeps_tables() {
    let site = site_with("html32", "latin1");
    let readings = site.page("science/readings.html");
    assert!(readings.contains("<table border=\"1\">") && readings.contains("<strike>old</strike>"));
}

#[test]
fn modern_is_utf8_html5_without_script() {
    let site = TempSite::fixture("site");
    let config = std::fs::read_to_string(site.root().join("config.yaml")).unwrap();
    site.write("config.yaml", &format!("{config}profile: modern\n"));
    site.build();
    let html = String::from_utf8(bytes(&site, "world/harbour-ferry.html")).expect("UTF-8");
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    assert!(html.contains("<meta charset=\"UTF-8\">"));
    assert!(
        html.contains("“night ferry”") && html.contains("São Paulo’s"),
        "typography kept in UTF-8"
    );
    assert!(!html.contains("<script") && !html.contains("style="));
    let css = html
        .split("<style>")
        .nth(1)
        .unwrap()
        .split("</style>")
        .next()
        .unwrap();
    assert!(css.lines().count() <= 4, "a few lines of CSS at most");
}

#[test]
fn ascii_and_macroman_bytes_match_their_declaration() {
    let site = site_with("html32", "ascii");
    let page = bytes(&site, "world/harbour-ferry.html");
    assert!(page.is_ascii());
    assert!(
        site.page("world/harbour-ferry.html")
            .contains("By Zoe Muller")
    );
    assert!(site.page("index.html").contains("charset=US-ASCII"));

    let site = site_with("html32", "macroman");
    let page = bytes(&site, "world/harbour-ferry.html");
    let by = page.windows(3).position(|w| w == b"By ").unwrap();
    assert_eq!(
        &page[by..by + 13],
        b"By Zo\x91 M\x9Fller",
        "ë and ü in Mac OS Roman"
    );
    assert!(site.page("index.html").contains("charset=x-mac-roman"));
}

#[test]
fn writes_charset_hints_for_web_servers() {
    let site = site_with("html32", "latin1");
    assert_eq!(
        site.page(".htaccess").lines().last(),
        Some("AddDefaultCharset ISO-8859-1")
    );
    let headers = site.page("_headers");
    assert!(headers.contains("/index.html\n  Content-Type: text/html; charset=ISO-8859-1\n"));
    assert!(headers.contains("/world/*\n  Content-Type: text/html; charset=ISO-8859-1\n"));
    assert!(!headers.contains("feed.xml"));
}

#[test]
fn check_passes_a_clean_build_in_every_profile() {
    for (profile, charset) in [
        ("html2", "ascii"),
        ("html32", "latin1"),
        ("html32", "macroman"),
        ("modern", "utf-8"),
    ] {
        let site = site_with(profile, charset);
        let out = site.run(&["check"]);
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{profile}/{charset}:\n{stdout}{}",
            stderr(&out)
        );
        assert!(stdout.contains(": 0 problems"), "{stdout}");
    }
}

#[test]
fn check_reports_each_problem_with_file_and_line() {
    let site = site_with("html32", "latin1");
    let page = site.public().join("world/harbour-ferry.html");
    let html = site.page("world/harbour-ferry.html");
    let tampered = html
        .replacen("<hr>", "<hr>\n<script>alert(1)</script>", 1)
        .replacen("../index.html", "../missing.html", 1)
        .replace("</body>", "<p>\u{93}smart\u{94} &#8217;</p></body>");
    std::fs::write(
        &page,
        tampered.chars().map(|c| c as u8).collect::<Vec<u8>>(),
    )
    .unwrap();
    std::fs::remove_file(site.public().join("world/old-news.html")).unwrap();
    let line_of = |needle: &str| tampered.lines().position(|l| l.contains(needle)).unwrap() + 1;
    let script = format!(
        "world/harbour-ferry.html:{}: forbidden element <script>",
        line_of("<script>")
    );
    let missing = format!(
        "world/harbour-ferry.html:{}: broken link ../missing.html: missing.html does not exist",
        line_of("../missing.html")
    );
    let out = site.run(&["check"]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    for want in [
        script.as_str(),
        missing.as_str(),
        "article page has 1 link(s) back to the front page",
        "byte 0x93 (a windows-1252 character, not ISO-8859-1)",
        "&#8217; is above 255",
        "index.html:",
    ] {
        assert!(stdout.contains(want), "missing {want:?} in:\n{stdout}");
    }
    assert!(
        stdout.contains("world/old-news.html does not exist"),
        "{stdout}"
    );
}

/// Runs the independent DTD validator over a built site.
fn validate(site: &TempSite, encoding: &str) -> (bool, String) {
    let script = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(".ci/validate-html");
    let out = Command::new("bash")
        .arg(script)
        .arg(site.public())
        .arg(encoding)
        .output()
        .unwrap();
    (
        out.status.success(),
        format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        ),
    )
}

#[test]
fn every_page_is_valid_against_its_dtd_in_every_period_profile_and_charset() {
    for profile in ["html2", "html32"] {
        for (charset, encoding) in [
            ("ascii", "US-ASCII"),
            ("latin1", "ISO-8859-1"),
            ("macroman", "MACINTOSH"),
        ] {
            let site = site_with(profile, charset);
            let (ok, out) = validate(&site, encoding);
            assert!(ok, "{profile}/{charset}:\n{out}");
            assert!(out.contains(" 0 invalid"), "{out}");
        }
    }
}

/// Markdown and raw HTML whose nesting the period DTDs forbid, as real
/// article pages bring them.
fn nesting_article() -> String {
    let long = format!(
        "https://e.org/player?config={}",
        "%7B%22a%22%3A1%7D".repeat(80)
    );
    format!(
        "---\ntitle: Nesting from real pages\ndate: 2026-11-21\n---\n\
- A list item\n\n  ## A heading inside a list item\n\n  ---\n\n  A paragraph after a rule.\n\n\
1. Numbered\n\n   ### Another heading\n\n\
<table><tr><td><pre>code in a cell</pre></td></tr></table>\n\n\
<ul><li><h3>Raw heading in a raw list</h3></li><li><h5>Small heading</h5> text</li></ul>\n\n\
<p>A <a href=\"https://e.org/a\">link <a href=\"https://e.org/b\">inside</a> a link</a>.</p>\n\n\
<pre><b>bold</b> in preformatted <sup>2</sup></pre>\n\n\
[A link with a very long URL]({long})\n\n\
> ## Heading in a quote\n> - list in a quote\n"
    )
}

#[test]
fn nesting_the_dtds_forbid_is_rewritten_and_text_kept() {
    for profile in ["html2", "html32"] {
        let site = site_with(profile, "latin1");
        site.write("content/science/2026-11-21-nesting.md", &nesting_article());
        site.build();
        let (ok, out) = validate(&site, "ISO-8859-1");
        assert!(ok, "{profile}:\n{out}");
        let page = site.page("science/nesting.html");
        for text in [
            "A heading inside a list item",
            "Raw heading in a raw list",
            "code in a cell",
            "A link with a very long URL",
            "Heading in a quote",
        ] {
            assert!(page.contains(text), "{profile}: lost {text:?}");
        }
        assert!(
            !page.contains("config=%7B"),
            "{profile}: a URL over 1024 bytes was written"
        );
    }
}

#[test]
fn lynx_shows_the_headline_and_back_link() {
    let site = site_with("html32", "latin1");
    let out = Command::new("lynx")
        .args([
            "-dump",
            "-nolist",
            "-assume_charset=iso-8859-1",
            "-display_charset=utf-8",
        ])
        .arg(site.public().join("world/harbour-ferry.html"))
        .output()
        .expect("lynx is installed (apt-get install lynx)");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("Harbour Council Backs Night Ferry Plan"),
        "{text}"
    );
    assert!(
        text.contains("< Back to Fixture Times front page"),
        "{text}"
    );
    assert!(text.contains("By Zoë Müller"), "{text}");
}

#[test]
fn check_reports_pages_over_the_size_budget() {
    let site = site_with("html32", "latin1");
    let config = std::fs::read_to_string(site.root().join("config.yaml")).unwrap();
    site.write("config.yaml", &format!("{config}page_budget_kb: 4\n"));
    // A page grown after the build, as a hand edit would.
    let page = site.public().join("world/harbour-ferry.html");
    let mut html = std::fs::read(&page).unwrap();
    html.extend(std::iter::repeat_n(b'x', 5000));
    std::fs::write(&page, html).unwrap();
    let out = site.run(&["check"]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("world/harbour-ferry.html:1: page is 6 KB, over page_budget_kb (4)"),
        "{stdout}"
    );
}

#[test]
fn long_articles_are_split_into_parts_in_the_period_profiles() {
    let paragraph = "The harbour board met again on Tuesday to go through the long list of repairs, clause by clause, while the public gallery filled up. ";
    let body: String = (1..=60)
        .map(|n| format!("Paragraph {n}. {}\n\n", paragraph.repeat(2)))
        .collect();
    let article = format!("---\ntitle: The Long Read\ndate: 2026-11-21\n---\n{body}");
    for profile in ["html2", "html32", "modern"] {
        let site = site_with(
            profile,
            if profile == "modern" {
                "utf-8"
            } else {
                "latin1"
            },
        );
        let config = std::fs::read_to_string(site.root().join("config.yaml")).unwrap();
        site.write("config.yaml", &format!("{config}page_budget_kb: 8\n"));
        site.write("content/science/2026-11-21-long-read.md", &article);
        site.build();
        let check = site.run(&["check"]);
        assert_eq!(
            check.status.code(),
            Some(0),
            "{profile}: {}",
            String::from_utf8_lossy(&check.stdout)
        );
        let first = site.page("science/long-read.html");
        if profile == "modern" {
            assert!(
                !site.public().join("science/long-read").exists(),
                "modern keeps one page"
            );
            assert!(first.contains("Paragraph 60."));
            continue;
        }
        let parts = std::fs::read_dir(site.public().join("science/long-read"))
            .unwrap()
            .count()
            + 1;
        assert!(parts >= 3, "{profile}: {parts} parts");
        let mut all = String::new();
        for n in 1..=parts {
            let rel = if n == 1 {
                "science/long-read.html".to_string()
            } else {
                format!("science/long-read/{n}.html")
            };
            let page = site.page(&rel);
            assert!(
                page.len() <= 8 * 1024,
                "{profile}: {rel} is {} bytes",
                page.len()
            );
            assert!(
                page.contains(&format!("Page {n} of {parts}")),
                "{profile}: {rel}"
            );
            assert_eq!(
                page.matches("Back to Fixture Times front page").count(),
                2,
                "{rel}"
            );
            all.push_str(&page);
        }
        // Every paragraph is on exactly one part, whole.
        for n in 1..=60 {
            assert_eq!(
                all.matches(&format!("<p>Paragraph {n}. ")).count(),
                1,
                "{profile}: paragraph {n}"
            );
        }
        let (ok, out) = validate(&site, "ISO-8859-1");
        assert!(ok, "{profile}: {out}");
    }
}
