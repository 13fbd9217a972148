//! `paperboy build` and `paperboy new`: the output contract of the built site.

use crate::support::{TempSite, is_external, links, paperboy, resolve, snapshot, stderr};

fn built() -> TempSite {
    let site = TempSite::fixture("site");
    site.build();
    site
}

/// Titles of the headlines in a page, in order.
fn headlines(html: &str) -> Vec<String> {
    html.split("<li><a href=\"")
        .skip(1)
        .map(|s| s[s.find('>').unwrap() + 1..s.find("</a>").unwrap()].to_string())
        .collect()
}

#[test]
fn front_page_lists_sections_in_config_order_newest_first() {
    let site = built();
    let index = site.page("index.html");
    let world = index.find("World News").unwrap();
    let sports = index.find(">Sports<").unwrap();
    let science = index.find(">Science<").unwrap();
    assert!(
        world < sports && sports < science,
        "sections out of config order"
    );
    // per_section is 2: the two newest world stories, newest first.
    let titles = headlines(&index);
    assert_eq!(
        titles[..2],
        [
            "Harbour Council Backs Night Ferry Plan",
            "Older World Story"
        ]
    );
    assert!(
        !index.contains("Oldest World Story"),
        "front page shows more than per_section"
    );
    assert!(
        index.contains("world/index.html"),
        "no link to the section page"
    );
    assert!(
        index.contains("archive/index.html"),
        "no link to the archive"
    );
}

#[test]
fn back_link_on_every_article() {
    let site = built();
    let articles: Vec<String> = snapshot(&site.public())
        .into_keys()
        .filter(|p| {
            p.ends_with(".html")
                && p.contains('/')
                && !p.contains("index")
                && !p.contains("/page")
                && !p.starts_with("archive/")
        })
        .collect();
    assert_eq!(articles.len(), 6, "{articles:?}");
    for page in &articles {
        let html = site.page(page);
        let back: Vec<_> = links(&html)
            .into_iter()
            .filter(|l| resolve(page, l).as_deref() == Some("index.html"))
            .collect();
        assert_eq!(
            back.len(),
            2,
            "{page}: want a back-link at top and bottom, got {back:?}"
        );
        assert!(
            html.contains("&lt; Back to Fixture Times front page"),
            "{page}"
        );
        let top = html.find("Back to").unwrap();
        let title = html.find("<h1>").unwrap();
        let bottom = html.rfind("Back to").unwrap();
        assert!(
            top < title && title < bottom,
            "{page}: back-links must frame the article"
        );
    }
}

#[test]
fn article_page_shows_source_metadata_and_image_links() {
    let site = built();
    let html = site.page("world/harbour-ferry.html");
    assert!(html.contains(
        "<a href=\"https://news.example.org/2026/11/27/harbour-ferry.html\">Original source</a>"
    ));
    assert!(html.contains("Example Gazette"));
    assert!(html.contains("By Zoë Müller"), "byline in Latin-1");
    assert!(html.contains("Friday, 27 November 2026"));
    assert!(html.contains("Article images: <a href=\"https://news.example.org/images/ferry.jpg\">[1]</a> <a href=\"https://news.example.org/images/map.png\">[2]</a>"));
    let plain = site.page("world/old-news.html");
    assert!(
        !plain.contains("Article images"),
        "no image line without images"
    );
}

#[test]
fn every_relative_link_resolves_to_a_file() {
    let site = built();
    let files = snapshot(&site.public());
    let mut checked = 0;
    for page in files
        .keys()
        .filter(|p| p.ends_with(".html") && *p != "404.html")
    {
        for link in links(&site.page(page)) {
            if is_external(&link) {
                continue;
            }
            assert!(!link.starts_with('/'), "{page}: root-relative link {link}");
            assert!(
                !link.ends_with('/') && !link.is_empty(),
                "{page}: link to a folder: {link:?}"
            );
            let target =
                resolve(page, &link).unwrap_or_else(|| panic!("{page}: {link} leaves the site"));
            assert!(
                files.contains_key(&target),
                "{page}: {link} -> {target} does not exist"
            );
            checked += 1;
        }
    }
    assert!(checked > 50, "only {checked} links checked");
}

#[test]
fn file_names_fit_classic_mac_volumes() {
    let site = built();
    for path in snapshot(&site.public()).keys() {
        for part in path.split('/') {
            assert!(part.len() <= 31, "{path}: `{part}` is {} bytes", part.len());
        }
    }
    assert!(
        site.public()
            .join("science/a-very-long-title-that.html")
            .is_file()
    );
}

#[test]
fn sections_paginate_and_archive_groups_by_day() {
    let site = built();
    let page1 = site.page("world/index.html");
    let page2 = site.page("world/page2.html");
    assert_eq!(
        headlines(&page1),
        [
            "Harbour Council Backs Night Ferry Plan",
            "Older World Story"
        ]
    );
    assert_eq!(headlines(&page2), ["Oldest World Story"]);
    assert!(
        page1.contains("href=\"../world/page2.html\""),
        "page 1 links to page 2"
    );
    assert!(
        page2.contains("href=\"../world/index.html\""),
        "page 2 links back to page 1"
    );
    // The archive: months, then days, then the day's articles by section.
    let archive = site.page("archive/index.html");
    assert!(
        archive.contains("href=\"../archive/2026/11/index.html\">November 2026</a>"),
        "{archive}"
    );
    let month = site.page("archive/2026/11/index.html");
    assert!(
        month.contains("href=\"../../../archive/2026/11/28.html\">Saturday, 28 November 2026</a>"),
        "{month}"
    );
    let day = site.page("archive/2026/11/28.html");
    assert!(day.contains("<h2>Saturday, 28 November 2026</h2>"), "{day}");
    assert!(day.contains("Cup Final"), "{day}");
    assert!(
        !day.contains("Harbour Council"),
        "only that day's articles: {day}"
    );
    assert!(day.contains("27.html\">&lt; Previous day</a>"), "{day}");
}

#[test]
fn output_is_html32_latin1_without_scripts() {
    let site = built();
    for (path, bytes) in snapshot(&site.public())
        .into_iter()
        .filter(|(p, _)| p.ends_with(".html"))
    {
        let html: String = bytes.iter().map(|&b| b as char).collect();
        assert!(
            html.starts_with("<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 3.2 Final//EN\">"),
            "{path}"
        );
        assert!(html.contains("charset=ISO-8859-1\">"), "{path}");
        assert!(
            bytes.iter().all(|b| !(0x80..0xA0).contains(b)),
            "{path}: C1 bytes are not ISO-8859-1"
        );
        assert!(
            !html.contains("&#x") && !html.contains("&#8"),
            "{path}: numeric references above 255"
        );
        let lower = html.to_ascii_lowercase();
        for bad in [
            "<script",
            "<style",
            "style=",
            "javascript:",
            "<iframe",
            "onclick",
            "onmouseover",
        ] {
            assert!(!lower.contains(bad), "{path}: contains {bad}");
        }
    }
    let ferry = site.page("world/harbour-ferry.html");
    assert!(
        ferry.contains("a \"night ferry\" from March - a first for São Paulo's twin town"),
        "typography folded"
    );
    assert!(ferry.contains("It is about time..."));
    let old = site.page("world/old-news.html");
    assert!(
        old.contains("Prices rose 5 EUR in Kraków and Dong Jing."),
        "transliterated: {old}"
    );
}

#[test]
fn hostile_content_is_neutralised_not_dropped() {
    let site = built();
    let html = site.page("sports/hostile.html");
    assert!(
        html.contains("<h1>Hostile &lt;script&gt;alert('t')&lt;/script&gt; Title</h1>"),
        "title escaped"
    );
    assert!(
        html.contains("styled"),
        "text of a sanitised element is kept"
    );
    assert!(
        !html.contains("Original source"),
        "an unsafe source_url gets no link"
    );
}

#[test]
fn drafts_are_not_published() {
    let site = built();
    assert!(!site.public().join("science/draft.html").exists());
    assert!(!site.page("index.html").contains("Unfinished Draft"));
}

#[test]
fn extras_404_robots_feed_and_sitemap() {
    let site = built();
    let robots = site.page("robots.txt");
    assert!(robots.contains("Sitemap: https://fixture.example.org/news/sitemap.xml"));
    let not_found = site.page("404.html");
    assert!(
        not_found.contains("href=\"https://fixture.example.org/news/index.html\""),
        "404 links absolutely"
    );
    let feed = site.page("feed.xml");
    assert!(feed.contains("<rss version=\"2.0\""));
    assert_eq!(feed.matches("<item>").count(), 6);
    let first = feed.find("<item>").unwrap();
    assert!(
        feed[first..].starts_with("<item>\n<title>Cup Final Goes to Penalties</title>"),
        "newest first"
    );
    assert!(feed.contains("<link>https://fixture.example.org/news/sports/cup-final.html</link>"));
    assert!(feed.contains("<pubDate>Sat, 28 Nov 2026 20:30:00 +0000</pubDate>"));
    let sitemap = site.page("sitemap.xml");
    assert!(sitemap.contains("<loc>https://fixture.example.org/news/world/harbour-ferry.html</loc><lastmod>2026-11-27</lastmod>"));
    assert!(!sitemap.contains("404.html"));
}

#[test]
fn no_feed_without_base_url() {
    let site = TempSite::fixture("site");
    let config = std::fs::read_to_string(site.root().join("config.yaml")).unwrap();
    site.write(
        "config.yaml",
        &config.replace("base_url: \"https://fixture.example.org/news\"\n", ""),
    );
    site.build();
    assert!(!site.public().join("feed.xml").exists());
    assert!(!site.public().join("sitemap.xml").exists());
    assert!(site.page("404.html").contains("href=\"index.html\""));
}

#[test]
fn two_builds_are_byte_identical() {
    let site = built();
    let first = snapshot(&site.public());
    site.build();
    assert_eq!(first, snapshot(&site.public()));
}

#[test]
fn a_rebuild_leaves_unchanged_files_untouched() {
    use std::os::unix::fs::MetadataExt;
    let site = built();
    let inode = |rel: &str| std::fs::metadata(site.public().join(rel)).unwrap().ino();
    let (story, other, index) = (
        inode("world/harbour-ferry.html"),
        inode("sports/cup-final.html"),
        inode("index.html"),
    );
    site.build();
    assert_eq!(
        inode("world/harbour-ferry.html"),
        story,
        "an unchanged page was rewritten"
    );
    assert_eq!(inode("index.html"), index);
    let path = site
        .root()
        .join("content/world/2026-11-27-harbour-ferry.md");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        text.replace("The council voted", "The town council voted"),
    )
    .unwrap();
    site.build();
    assert_ne!(
        inode("world/harbour-ferry.html"),
        story,
        "the changed page is new"
    );
    assert!(
        site.page("world/harbour-ferry.html")
            .contains("The town council voted")
    );
    assert_eq!(
        inode("sports/cup-final.html"),
        other,
        "other pages stay as they were"
    );
}

#[test]
fn site_template_overrides_theme_one_file_at_a_time() {
    let site = TempSite::fixture("site");
    site.write(
        "templates/back_link.html",
        "<p><a href=\"{{ root }}index.html\">HOME</a></p>\n",
    );
    site.build();
    let html = site.page("world/harbour-ferry.html");
    assert_eq!(html.matches(">HOME</a>").count(), 2, "override used");
    assert!(
        html.contains("Original source"),
        "other templates still come from the theme"
    );
}

#[test]
fn theme_folder_on_disk_replaces_builtin_classic() {
    let site = TempSite::fixture("site");
    let theme = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/classic");
    for file in ["theme.yaml", "templates/masthead.html"] {
        let text = std::fs::read_to_string(theme.join(file)).unwrap();
        let text = if file.ends_with(".html") {
            format!("<p>DISK THEME</p>\n{text}")
        } else {
            text
        };
        site.write(&format!("themes/classic/{file}"), &text);
    }
    site.build();
    assert!(site.page("index.html").contains("DISK THEME"));
}

#[test]
fn rejects_unknown_config_key_naming_file_and_line() {
    let site = TempSite::fixture("site");
    site.write("config.yaml", "title: X\nfront_page:\n  per_sectoin: 3\n");
    let out = site.run(&["build"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("config.yaml"), "{err}");
    assert!(err.contains("line 3"), "{err}");
    assert!(err.contains("did you mean `per_section`?"), "{err}");
}

#[test]
fn missing_config_suggests_paperboy_new() {
    let dir = tempfile::tempdir().unwrap();
    let out = paperboy(dir.path(), &["build"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("paperboy new"), "{}", stderr(&out));
}

#[test]
fn lists_every_broken_content_file_with_line() {
    let site = TempSite::fixture("site");
    site.write(
        "content/world/unclosed.md",
        "---\ntitle: Never closed\n\nBody\n",
    );
    site.write(
        "content/world/bad-yaml.md",
        "---\ntitle: ok\ndate: 2026-11-27\nimages: [unclosed\n---\nBody\n",
    );
    site.write(
        "content/world/no-title.md",
        "---\nsource_name: X\n---\nBody\n",
    );
    site.write(
        "content/world/typo.md",
        "---\ntitle: T\nbylne: X\n---\nBody\n",
    );
    std::fs::write(
        site.root().join("content/world/latin1.md"),
        b"---\ntitle: T\n---\nCaf\xe9\n",
    )
    .unwrap();
    let out = site.run(&["build"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("5 content files could not be read"), "{err}");
    for want in [
        "content/world/unclosed.md:1: front matter opened here is never closed",
        "content/world/bad-yaml.md:4:",
        "content/world/no-title.md:1: missing `title`",
        "content/world/typo.md:3: unknown key `bylne` (did you mean `byline`?)",
        "content/world/latin1.md:4: not valid UTF-8",
    ] {
        assert!(err.contains(want), "missing {want:?} in:\n{err}");
    }
}

#[test]
fn failed_build_leaves_previous_output_intact() {
    let site = built();
    let before = snapshot(&site.public());
    site.write("content/world/broken.md", "---\ntitle: [oops\n---\n");
    assert!(!site.run(&["build"]).status.success());
    assert_eq!(
        before,
        snapshot(&site.public()),
        "output changed after a failed build"
    );
    // A template error fails at render time, after content loaded fine.
    std::fs::remove_file(site.root().join("content/world/broken.md")).unwrap();
    site.write(
        "templates/article.html",
        "{% extends \"base.html\" %}{% block content %}{{ article.nope }}{% endblock content %}",
    );
    let out = site.run(&["build"]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("article.html"), "{}", stderr(&out));
    assert_eq!(
        before,
        snapshot(&site.public()),
        "output changed after a failed render"
    );
    let leftovers: Vec<_> = std::fs::read_dir(site.root())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".paperboy-"))
        .collect();
    assert!(
        leftovers.is_empty(),
        "staging folders left behind: {leftovers:?}"
    );
}

#[test]
fn template_syntax_error_names_the_file() {
    let site = TempSite::fixture("site");
    site.write("templates/index.html", "{% if %}\n");
    let out = site.run(&["build"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("templates/index.html"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn refuses_to_replace_a_folder_that_is_not_a_build() {
    let site = TempSite::fixture("site");
    site.write("public/notes.txt", "precious");
    let out = site.run(&["build"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("holds no earlier paperboy build")
            && stderr(&out).contains("--force"),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        std::fs::read_to_string(site.public().join("notes.txt")).unwrap(),
        "precious"
    );
    let inside = site.root().join("content/out");
    let out = site.run(&["build", "--output", inside.to_str().unwrap()]);
    assert!(stderr(&out).contains("inside content/"), "{}", stderr(&out));
}

#[test]
fn build_output_option_and_custom_theme_profile_check() {
    let site = TempSite::fixture("site");
    let elsewhere = site.root().join("elsewhere/site");
    let out = site.run(&["build", "--output", elsewhere.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(elsewhere.join("index.html").is_file());
    let config = std::fs::read_to_string(site.root().join("config.yaml")).unwrap();
    site.write("themes/mine/theme.yaml", "name: mine\nprofiles: [html32]\n");
    site.write(
        "config.yaml",
        &format!("{config}theme: mine\nprofile: html2\n"),
    );
    let err = stderr(&site.run(&["build"]));
    assert!(
        err.contains("theme `mine` supports profile html32, but config.yaml asks for `html2`"),
        "{err}"
    );
    site.write("config.yaml", &format!("{config}theme: missing\n"));
    assert!(stderr(&site.run(&["build"])).contains("theme `missing` not found"));
}

#[test]
fn new_site_builds_as_it_is() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("mysite");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_paperboy"))
        .arg("new")
        .arg(&target)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let out = paperboy(&target, &["build"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let index = std::fs::read(target.join("public/index.html")).unwrap();
    let index: String = index.iter().map(|&b| b as char).collect();
    assert!(index.contains("Welcome to Your New News Mirror"));
    let again = std::process::Command::new(env!("CARGO_BIN_EXE_paperboy"))
        .arg("new")
        .arg(&target)
        .output()
        .unwrap();
    assert_eq!(
        again.status.code(),
        Some(2),
        "new refuses a non-empty folder"
    );
}

#[test]
fn links_the_page_cannot_carry_are_named_with_their_file() {
    let site = TempSite::fixture("site");
    let long = format!("https://news.example.org/{}", "a".repeat(1100));
    site.write(
        "content/world/2026-11-29-links.md",
        &format!(
            "---\ntitle: Links\ndate: 2026-11-29\n---\nSee [the council](/council/minutes), [the long one]({long}) and [the good one](https://news.example.org/ok).\n"
        ),
    );
    let out = site.run(&["build"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("content/world/2026-11-29-links.md: link to /council/minutes left out of world/links.html: a path on the source site"),
        "{err}"
    );
    assert!(
        err.contains("left out of world/links.html: longer than the 1,024 bytes"),
        "{err}"
    );
    assert_eq!(err.matches("links.md: link to").count(), 2, "{err}");
    assert!(
        err.contains(&format!("{}... left out", &long[..100])),
        "a long address is shortened: {err}"
    );
    let page = site.page("world/links.html");
    assert!(page.contains("See the council, the long one and <a href=\"https://news.example.org/ok\">the good one</a>."), "{page}");
    // check names them too, at the line of the content file that holds
    // them; the pages themselves are sound.
    let check = site.run(&["check"]);
    let report = String::from_utf8_lossy(&check.stdout);
    assert!(check.status.success(), "{report}");
    assert!(
        report.contains("content/world/2026-11-29-links.md:5: link to /council/minutes left out of its page: a path on the source site"),
        "{report}"
    );
    assert!(
        report.contains(
            "content/sports/2026-11-26-hostile.md:4: link to javascript:alert(1) left out"
        ),
        "{report}"
    );
    assert!(
        report.contains(": 0 problems; 3 body links left out;"),
        "{report}"
    );
}
