//! Editions, the dated archive, one story from many sources and feeds out,
//! on `tests/fixtures/editions`: a UK edition in English and a French one,
//! with articles over four days and one story reported by two sources.

use crate::support::{TempSite, is_external, links, paperboy, resolve, snapshot, stderr};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// An article of the fixture as its content file says: where it is, its
/// edition, title and day.
#[derive(Debug, Clone)]
struct Source {
    file: String,
    edition: String,
    title: String,
    day: String,
}

/// Reads every content file's edition (its first folder), title and day,
/// from the files themselves.
fn sources(root: &Path) -> Vec<Source> {
    let content = root.join("content");
    let mut out = Vec::new();
    for entry in walkdir::WalkDir::new(&content) {
        let entry = entry.unwrap();
        if !entry.file_type().is_file() {
            continue;
        }
        let rel = entry
            .path()
            .strip_prefix(&content)
            .unwrap()
            .to_string_lossy()
            .into_owned();
        let text = std::fs::read_to_string(entry.path()).unwrap();
        let field = |key: &str| {
            text.lines()
                .find_map(|l| l.strip_prefix(key))
                .unwrap()
                .trim()
                .to_string()
        };
        out.push(Source {
            edition: rel.split('/').next().unwrap().to_string(),
            title: field("title:"),
            day: field("date:")[..10].to_string(),
            file: rel,
        });
    }
    out.sort_by(|a, b| a.file.cmp(&b.file));
    out
}

/// Article pages of the built site: `edition/section/slug.html` (three
/// parts, not an index, archive or feed), with their titles.
fn article_pages(public: &Path) -> BTreeMap<String, String> {
    snapshot(public)
        .into_iter()
        .filter(|(path, _)| {
            path.split('/').count() == 3
                && path.ends_with(".html")
                && !path.ends_with("index.html")
                && !path.contains("/archive/")
        })
        .map(|(path, bytes)| {
            // The fixture's pages are Latin-1.
            let html: String = bytes.iter().map(|&b| b as char).collect();
            let title = html
                .split("<h1>")
                .nth(1)
                .and_then(|t| t.split("</h1>").next())
                .unwrap_or_default()
                .to_string();
            (path, title)
        })
        .collect()
}

/// The internal links of a page, resolved to paths from the site root.
fn targets(page: &str, html: &str) -> Vec<String> {
    links(html)
        .into_iter()
        .filter(|l| !is_external(l))
        .filter_map(|l| resolve(page, &l))
        .collect()
}

fn check(site: &TempSite) -> String {
    let out = site.run(&["check"]);
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    assert_eq!(out.status.code(), Some(0), "{text}{}", stderr(&out));
    text
}

fn set_profile(site: &TempSite, profile: &str) {
    let config = std::fs::read_to_string(site.root().join("config.yaml")).unwrap();
    site.write("config.yaml", &format!("{config}profile: {profile}\n"));
}

#[test]
fn every_page_of_both_editions_checks_in_every_profile() {
    for profile in ["html2", "html32", "modern"] {
        let site = TempSite::fixture("editions");
        set_profile(&site, profile);
        site.build();
        let report = check(&site);
        assert!(report.contains(": 0 problems"), "{profile}: {report}");
        // The root is the chooser, linking to both front pages.
        let root = site.page("index.html");
        let to = targets("index.html", &root);
        assert!(
            to.contains(&"uk/index.html".to_string()) && to.contains(&"fr/index.html".to_string()),
            "{profile}: {root}"
        );
    }
}

#[test]
fn articles_link_back_to_their_own_edition_in_its_language() {
    let site = TempSite::fixture("editions");
    site.build();
    let pages = article_pages(&site.public());
    assert_eq!(pages.len(), sources(site.root()).len(), "{pages:?}");
    for path in pages.keys() {
        let edition = path.split('/').next().unwrap();
        let front = format!("{edition}/index.html");
        let html = site.page(path);
        let back = targets(path, &html)
            .into_iter()
            .filter(|t| t.ends_with("/index.html") && t.split('/').count() == 2)
            .collect::<Vec<_>>();
        assert_eq!(
            back,
            [front.clone(), front.clone()],
            "{path}: links to a front page at the top and the bottom, its own"
        );
        let words = match edition {
            "uk" => "&lt; Back to Twin Towns UK front page",
            _ => "&lt; Retour à la une de Twin Towns France",
        };
        assert!(html.contains(words), "{path}: {html}");
    }
    // Each front page says which edition it is and links to the chooser,
    // in its language.
    let uk = site.page("uk/index.html");
    assert!(
        uk.contains("UK edition (<a href=\"../index.html\">Change</a>)"),
        "{uk}"
    );
    let fr = site.page("fr/index.html");
    assert!(fr.contains("(<a href=\"../index.html\">"), "{fr}");
    assert!(
        fr.contains("vendredi 27 novembre 2026"),
        "dates in French: {fr}"
    );

    // In the modern profile, every page of an edition declares its language.
    let site = TempSite::fixture("editions");
    set_profile(&site, "modern");
    site.build();
    for (path, bytes) in snapshot(&site.public()) {
        if !path.ends_with(".html") || path == "index.html" || path == "404.html" {
            continue;
        }
        let html = String::from_utf8(bytes).unwrap();
        let lang = if path.starts_with("fr/") { "fr" } else { "en" };
        assert!(
            html.contains(&format!("<html lang=\"{lang}\">")),
            "{path}: {}",
            &html[..html.len().min(300)]
        );
    }
}

#[test]
fn day_pages_list_exactly_that_days_articles() {
    let site = TempSite::fixture("editions");
    site.build();
    let public = site.public();
    let pages = article_pages(&public);
    let mut expected: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for s in sources(site.root()) {
        let page = pages
            .iter()
            .find(|(p, t)| p.starts_with(&format!("{}/", s.edition)) && **t == s.title)
            .map(|(p, _)| p.clone())
            .unwrap_or_else(|| panic!("no page for {}", s.file));
        let day = format!("{}/archive/{}.html", s.edition, s.day.replace('-', "/"));
        expected.entry(day).or_default().insert(page);
    }
    let day_pages: Vec<String> = snapshot(&public)
        .into_keys()
        .filter(|p| p.contains("/archive/") && !p.ends_with("index.html"))
        .collect();
    assert_eq!(
        day_pages,
        expected.keys().cloned().collect::<Vec<_>>(),
        "one page per day that has articles, per edition"
    );
    for (day, articles) in &expected {
        let html = site.page(day);
        let listed: BTreeSet<String> = targets(day, &html)
            .into_iter()
            .filter(|t| pages.contains_key(t))
            .collect();
        assert_eq!(&listed, articles, "{day}");
    }
    // Previous and next day: the 25th sits between the 24th and the 26th.
    let html = site.page("uk/archive/2026/11/25.html");
    let to = targets("uk/archive/2026/11/25.html", &html);
    assert!(
        to.contains(&"uk/archive/2026/11/24.html".to_string()),
        "{html}"
    );
    assert!(
        to.contains(&"uk/archive/2026/11/26.html".to_string()),
        "{html}"
    );
    // The archive front lists the months, the month its days.
    let month = site.page("uk/archive/2026/11/index.html");
    let to = targets("uk/archive/2026/11/index.html", &month);
    for d in ["24", "25", "26", "27"] {
        let day = format!("uk/archive/2026/11/{d}.html");
        assert!(to.contains(&day), "{day}: {month}");
    }
    assert!(
        site.page("uk/archive/index.html")
            .contains("2026/11/index.html\">November 2026</a>")
    );
}

#[test]
fn retention_windows_keep_old_articles_in_the_archive_only() {
    let site = TempSite::fixture("editions");
    site.build();
    // Sport keeps two days (from the edition's newest article, the 27th):
    // the cup draw of the 24th is on neither the sport pages nor the
    // front page, but its archive day and its own page remain.
    let sport = site.page("uk/sport/index.html");
    assert!(sport.contains("Rowing Club"), "{sport}");
    assert!(!sport.contains("Cup Draw"), "{sport}");
    assert!(!site.page("uk/index.html").contains("Cup Draw"));
    assert!(
        site.page("uk/archive/2026/11/24.html")
            .contains("cup-draw.html")
    );
    assert!(site.public().join("uk/sport/cup-draw.html").is_file());
    // News keeps the front page's three days: the footbridge of the 25th
    // is still on it.
    assert!(site.page("uk/index.html").contains("Footbridge"));
}

#[test]
fn a_rebuild_a_day_later_keeps_every_url_and_every_link_valid() {
    let site = TempSite::fixture("editions");
    site.build();
    let before = article_pages(&site.public());

    // A day later: a new article whose slug an older one already has, a
    // title edited, and the oldest article removed (as fetch.keep_days
    // removes it).
    site.write(
        "content/uk/news/2026-11-28-bridge-opens.md",
        "---\ntitle: Second Footbridge Opens Downstream\ndate: 2026-11-28T08:00:00Z\n---\nAnother bridge.\n",
    );
    site.write(
        "content/uk/news/2026-11-28-harbour-lights.md",
        "---\ntitle: Harbour Lights Switched On\ndate: 2026-11-28T18:00:00Z\n---\nThe lights are on.\n",
    );
    let edited = site
        .root()
        .join("content/uk/news/2026-11-27-school-roof.md");
    let text = std::fs::read_to_string(&edited).unwrap().replace(
        "title: School Roof Repairs Finished Before Winter",
        "title: School Roof Finished Days Before First Storm",
    );
    std::fs::write(&edited, text).unwrap();
    std::fs::remove_file(site.root().join("content/uk/sport/2026-11-24-cup-draw.md")).unwrap();
    site.build();
    check(&site);

    let after = article_pages(&site.public());
    for (path, title) in &before {
        if title.contains("Cup Draw") {
            assert!(!after.contains_key(path), "{path} was removed");
            continue;
        }
        assert!(after.contains_key(path), "{path} ({title}) kept its URL");
    }
    assert_eq!(
        after["uk/news/school-roof.html"], "School Roof Finished Days Before First Storm",
        "a new title does not move the page"
    );
    assert_eq!(
        after["uk/news/bridge-opens.html"], "Footbridge Opens Over the Mill Stream",
        "the older article keeps its name"
    );
    assert_eq!(
        after["uk/news/bridge-opens-2.html"],
        "Second Footbridge Opens Downstream"
    );
    // The removed article's day had nothing else: it is gone, and no page
    // links to it (check above); the 25th now has no previous day.
    assert!(!site.public().join("uk/archive/2026/11/24.html").exists());
    let html = site.page("uk/archive/2026/11/25.html");
    assert!(!html.contains("Previous day"), "{html}");
    assert!(
        site.page("uk/archive/2026/11/28.html")
            .contains("Harbour Lights")
    );
    // The front page's window moved with the newest article: three days
    // from the 28th leave out the footbridge of the 25th.
    let front = site.page("uk/index.html");
    assert!(front.contains("Harbour Lights"), "{front}");
    assert!(!front.contains("Mill Stream"), "{front}");
}

#[test]
fn one_story_from_two_sources_is_listed_once_with_also() {
    let site = TempSite::fixture("editions");
    site.build();
    let front = site.page("uk/index.html");
    let count = |s: &str| front.matches(s).count();
    assert_eq!(count("night-ferry.html"), 1, "{front}");
    assert_eq!(count("ferry-coastal.html"), 1, "{front}");
    // The newest version leads; the other is an "Also" link by source.
    assert!(
        front.contains("ferry-coastal.html\">Harbour council backs night-ferry plan</a>"),
        "{front}"
    );
    assert!(
        front.contains("Also: <a href=\"../uk/news/night-ferry.html\">Strait Wire</a>"),
        "{front}"
    );
    // Each version keeps its own page, and the section page lists both.
    assert!(site.public().join("uk/news/night-ferry.html").is_file());
    let section = site.page("uk/news/index.html");
    assert!(
        section.contains("night-ferry.html") && section.contains("ferry-coastal.html"),
        "{section}"
    );

    // Switched off, the front page lists both as they are.
    let site = TempSite::fixture("editions");
    let config = std::fs::read_to_string(site.root().join("config.yaml")).unwrap();
    site.write(
        "config.yaml",
        &config.replace("  days: 3\n", "  days: 3\n  group_stories: false\n"),
    );
    site.build();
    let front = site.page("uk/index.html");
    assert!(!front.contains("Also:"), "{front}");
    assert!(
        front.contains("night-ferry.html\">Harbour Council Backs Night Ferry Plan</a>"),
        "{front}"
    );
}

#[test]
fn feeds_parse_back_with_every_item_intact() {
    let site = TempSite::fixture("editions");
    site.build();
    let all = sources(site.root());
    let pages = article_pages(&site.public());
    let feeds = [
        ("uk/feed.xml", "uk/"),
        ("uk/news/feed.xml", "uk/news/"),
        ("uk/sport/feed.xml", "uk/sport/"),
        ("fr/feed.xml", "fr/"),
        ("fr/actualites/feed.xml", "fr/actualites/"),
    ];
    for (file, prefix) in feeds {
        let bytes = std::fs::read(site.public().join(file)).unwrap();
        let feed = feed_rs::parser::parse(&bytes[..]).unwrap_or_else(|e| panic!("{file}: {e}"));
        let mut want: Vec<String> = pages
            .iter()
            .filter(|(p, _)| p.starts_with(prefix))
            .map(|(_, t)| t.clone())
            .collect();
        let mut got: Vec<String> = feed
            .entries
            .iter()
            .map(|e| e.title.as_ref().unwrap().content.clone())
            .collect();
        want.sort();
        got.sort();
        assert_eq!(got, want, "{file}: one item per article");
        for entry in &feed.entries {
            let link = &entry.links[0].href;
            let path = link
                .strip_prefix("https://twin.example.org/")
                .unwrap_or_else(|| panic!("{file}: {link}"));
            assert!(pages.contains_key(path), "{file}: {link}");
            assert!(entry.published.is_some(), "{file}: {link} has a date");
            // feeds.full_text: the whole body is in the item.
            let title = &entry.title.as_ref().unwrap().content;
            let source = all.iter().find(|s| &s.title == title).unwrap();
            let body =
                std::fs::read_to_string(site.root().join("content").join(&source.file)).unwrap();
            let last = body.trim_end().lines().last().unwrap().to_string();
            let content = entry
                .content
                .as_ref()
                .and_then(|c| c.body.clone())
                .or_else(|| entry.summary.as_ref().map(|s| s.content.clone()))
                .unwrap_or_default();
            assert!(
                content.contains(&last),
                "{file}: {title}: the item holds the last paragraph {last:?}: {content}"
            );
        }
    }
    // The French feed speaks French.
    let fr = feed_rs::parser::parse(&std::fs::read(site.public().join("fr/feed.xml")).unwrap()[..])
        .unwrap();
    assert_eq!(fr.language.as_deref(), Some("fr"));

    // The OPML lists every source feed the site follows, once.
    let opml = site.page("feeds.opml");
    for url in [
        "https://wire.example.org/news.rss",
        "https://coast.example.net/feed.xml",
        "https://fil.example.fr/rss.xml",
    ] {
        assert_eq!(
            opml.matches(&format!("xmlUrl=\"{url}\"")).count(),
            1,
            "{opml}"
        );
    }
    // Front pages link to the feeds in every profile; modern also with
    // <link rel="alternate">.
    assert!(
        site.page("uk/index.html")
            .contains("href=\"../uk/feed.xml\"")
    );
    let site = TempSite::fixture("editions");
    set_profile(&site, "modern");
    site.build();
    let front = site.page("uk/index.html");
    assert!(
        front.contains("rel=\"alternate\" type=\"application/rss+xml\""),
        "{front}"
    );
}

#[test]
fn new_editions_scaffolds_a_two_language_site_that_checks() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    let out = paperboy(dir.path(), &["new", "--editions", site.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let out = paperboy(&site, &["build"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let out = paperboy(&site, &["check"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let public = site.join("public");
    let editions: Vec<String> = std::fs::read_dir(&public)
        .unwrap()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().unwrap().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(editions.len(), 2, "{editions:?}");
    let root = std::fs::read(public.join("index.html")).unwrap();
    let root = String::from_utf8_lossy(&root);
    for e in &editions {
        assert!(root.contains(&format!("href=\"{e}/index.html\"")), "{root}");
    }
}

#[test]
fn ingest_and_fetch_file_articles_in_the_chosen_edition() {
    let site = TempSite::fixture("editions");
    site.write(
        "saved/quai.html",
        "<html lang=\"fr\"><head><title>Le quai est rénové</title></head><body><article><h1>Le quai est rénové</h1>\
         <p>Les travaux du quai se sont achevés jeudi, après huit mois de chantier et de fermetures.</p>\
         <p>Les pêcheurs retrouvent leurs places habituelles dès la semaine prochaine, selon la mairie.</p>\
         </article></body></html>",
    );
    let saved = site.root().join("saved/quai.html");
    let out = site.run(&[
        "ingest",
        "--edition",
        "fr",
        "--url",
        "https://fil.example.fr/2026/11/28/quai",
        saved.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let stored: Vec<_> = std::fs::read_dir(site.root().join("content/fr/actualites"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("quai"))
        .collect();
    assert_eq!(stored.len(), 1, "into the edition's first section");

    // The same page again, into the same edition: a duplicate. Into the
    // other edition: a new article there.
    let again = site.run(&[
        "ingest",
        "--edition",
        "fr",
        "--url",
        "https://fil.example.fr/2026/11/28/quai",
        saved.to_str().unwrap(),
    ]);
    assert!(
        String::from_utf8_lossy(&again.stdout).contains("skipped: duplicate"),
        "{}",
        String::from_utf8_lossy(&again.stdout)
    );
    let other = site.run(&[
        "ingest",
        "--edition",
        "uk",
        "--section",
        "news",
        "--url",
        "https://fil.example.fr/2026/11/28/quai",
        saved.to_str().unwrap(),
    ]);
    assert!(other.status.success(), "{}", stderr(&other));
    assert!(
        std::fs::read_dir(site.root().join("content/uk/news"))
            .unwrap()
            .any(|e| e.unwrap().file_name().to_string_lossy().contains("quai"))
    );

    // An edition that does not exist is an error naming it.
    let bad = site.run(&["ingest", "--edition", "de", saved.to_str().unwrap()]);
    assert_eq!(bad.status.code(), Some(2), "{}", stderr(&bad));
    assert!(stderr(&bad).contains("no edition `de`"), "{}", stderr(&bad));
    let bad = site.run(&["fetch", "--edition", "de"]);
    assert!(stderr(&bad).contains("`de`"), "{}", stderr(&bad));
    site.build();
    check(&site);
}

#[test]
fn fetch_reads_one_editions_feeds_into_its_folders() {
    use crate::server::{Reply, Server};
    let server = Server::start(|r| {
        let base = format!("http://{}", r.header("host").unwrap_or("127.0.0.1"));
        let item = |title: &str, path: &str| {
            format!(
                "<item><title>{title}</title><link>{base}{path}</link><pubDate>Sat, 28 Nov 2026 09:00:00 GMT</pubDate><description>{title}: the feed's own short text about it.</description></item>"
            )
        };
        let rss = |items: String| {
            format!(
                "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Loop</title>{items}</channel></rss>"
            )
        };
        match r.path.as_str() {
            "/uk.rss" => Reply::ok(
                "application/rss+xml",
                rss(item("Tide Tables Printed", "/tide.html")),
            ),
            "/fr.rss" => Reply::ok(
                "application/rss+xml",
                rss(item("Les marées imprimées", "/marees.html")),
            ),
            _ => Reply::status(404),
        }
    });
    let site = TempSite::fixture("editions");
    let config = std::fs::read_to_string(site.root().join("config.yaml"))
        .unwrap()
        .replace(
            "[\"https://wire.example.org/news.rss\", \"https://coast.example.net/feed.xml\"]",
            &format!("[\"{}\"]", server.url("/uk.rss")),
        )
        .replace(
            "[\"https://fil.example.fr/rss.xml\"]",
            &format!("[\"{}\"]", server.url("/fr.rss")),
        );
    site.write(
        "config.yaml",
        &format!("{config}fetch:\n  timeout_secs: 2\n"),
    );
    let out = site.run(&["fetch", "--edition", "fr"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(server.count("/fr.rss"), 1);
    assert_eq!(
        server.count("/uk.rss"),
        0,
        "only the chosen edition's feeds"
    );
    let stored: Vec<String> = snapshot(&site.root().join("content"))
        .into_keys()
        .filter(|p| p.contains("marees"))
        .collect();
    assert_eq!(stored.len(), 1, "{stored:?}");
    assert!(stored[0].starts_with("fr/actualites/"), "{stored:?}");
    site.build();
    check(&site);
    assert!(site.public().join("fr/archive/2026/11/28.html").is_file());

    // Retention removes the fetched article (dated 28 November, more than
    // a day ago); the next build leaves no link to its page.
    let config = std::fs::read_to_string(site.root().join("config.yaml")).unwrap();
    site.write(
        "config.yaml",
        &config.replace("  timeout_secs: 2\n", "  timeout_secs: 2\n  keep_days: 1\n"),
    );
    let out = site.run(&["fetch", "--edition", "fr"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        !snapshot(&site.root().join("content"))
            .keys()
            .any(|p| p.contains("marees")),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    // Nor does a later fetch bring it back: items older than keep_days are
    // not fetched.
    let out = site.run(&["fetch", "--edition", "fr"]);
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        text.contains("0 new (0 from the feed only), 0 already present, 0 failed, 1 older than fetch.keep_days"),
        "{text}"
    );
    site.build();
    check(&site);
    assert!(!site.public().join("fr/archive/2026/11/28.html").exists());
    // The articles written by hand stay.
    assert!(
        site.public()
            .join("fr/actualites/passerelle.html")
            .is_file()
    );
}
