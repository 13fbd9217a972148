//! `paperboy fetch` against a loopback server: feeds of every kind, pages
//! that fail in every way, robots.txt, hostile feeds, reruns and retention.

use crate::server::{Reply, Server};
use crate::support::{TempSite, snapshot, stderr};
use std::io::Write;
use std::time::Duration;

/// An article page with enough text to be trusted over the feed.
fn article(title: &str) -> String {
    let para = format!(
        "{title} was reported today by our correspondent, who spoke to residents, officials and visitors about what the change will mean for the town over the coming months and years."
    );
    format!(
        "<html><head><title>{title}</title><meta property=\"og:site_name\" content=\"Loop News\"></head><body><nav><a href=\"/\">Home</a></nav><article><h1>{title}</h1><p>{para}</p><p>{para}</p><p>{para}</p></article><footer>Copyright</footer></body></html>"
    )
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    enc.write_all(bytes).unwrap();
    enc.finish().unwrap()
}

fn rss(base: &str, items: &[(&str, &str)]) -> String {
    let items: String = items
        .iter()
        .map(|(title, path)| {
            format!("<item><title>{title}</title><link>{base}{path}</link><pubDate>Fri, 27 Nov 2026 09:00:00 GMT</pubDate><description>Feed summary of {title}: the short version that the feed itself carries.</description></item>")
        })
        .collect();
    format!(
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Loop Wire</title>{items}</channel></rss>"
    )
}

/// A news server: one RSS feed whose items fail in every way a page can.
fn news_server() -> Server {
    Server::start(|r| {
        let base = format!("http://{}", r.header("host").unwrap_or("127.0.0.1"));
        match r.path.as_str() {
            "/feed.xml" => {
                if r.header("if-none-match") == Some("\"v1\"") {
                    return Reply::Full {
                        status: 304,
                        headers: vec![],
                        body: vec![],
                    };
                }
                let items = [
                    ("Good Story", "/good.html"),
                    ("Missing Story", "/missing.html"),
                    ("Paywalled Story", "/paywall.html"),
                    ("Picture Story", "/picture.jpg"),
                    ("Gzip Story", "/gzip.html"),
                    ("Latin Story", "/latin1.html"),
                    ("Private Story", "/private/secret.html"),
                    ("Looping Story", "/loop-a.html"),
                ];
                Reply::ok("application/rss+xml", rss(&base, &items)).with("ETag", "\"v1\"")
            }
            "/robots.txt" => Reply::ok("text/plain", "User-agent: *\nDisallow: /private/\n"),
            "/good.html" => Reply::html(article("Good Story")),
            "/paywall.html" => Reply::html(
                "<html><head><title>Paywalled Story</title></head><body><article><h1>Paywalled Story</h1><p>Subscribe to read the full story.</p></article></body></html>",
            ),
            "/picture.jpg" => Reply::ok("image/jpeg", vec![0xFF, 0xD8, 0xFF]),
            "/gzip.html" => Reply::ok(
                "text/html; charset=utf-8",
                gzip(article("Gzip Story").as_bytes()),
            )
            .with("Content-Encoding", "gzip"),
            "/latin1.html" => {
                let page = article("Latin Story \u{e9}t\u{e9} \u{201c}quoted\u{201d}");
                let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(&page);
                Reply::ok("text/html; charset=windows-1252", bytes.into_owned())
            }
            "/loop-a.html" => Reply::redirect("/loop-b.html"),
            "/loop-b.html" => Reply::redirect("/loop-a.html"),
            _ => Reply::status(404),
        }
    })
}

fn site_with_feeds(feeds: &[String], extra: &str) -> TempSite {
    let site = TempSite::fixture("site");
    let list = feeds
        .iter()
        .map(|f| format!("\"{f}\""))
        .collect::<Vec<_>>()
        .join(", ");
    site.write(
        "config.yaml",
        &format!("title: Loop Times\nsections:\n  - id: world\n    feeds: [{list}]\n  - id: sports\n  - id: science\nfetch:\n  timeout_secs: 2\n{extra}"),
    );
    site
}

fn stdout(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn file_for(site: &TempSite, slug: &str) -> String {
    let files = snapshot(&site.root().join("content/world"));
    let (_, bytes) = files
        .iter()
        .find(|(p, _)| p.contains(slug))
        .unwrap_or_else(|| panic!("no file for {slug}: {:?}", files.keys()));
    String::from_utf8(bytes.clone()).unwrap()
}

#[test]
fn stores_every_item_and_falls_back_to_the_feed() {
    let server = news_server();
    let site = site_with_feeds(&[server.url("/feed.xml")], "");
    let out = site.run(&["fetch"]);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(0), "{text}{}", stderr(&out));
    assert!(
        text.contains("(world): 8 new (5 from the feed only), 0 already present, 0 failed"),
        "{text}"
    );

    let good = file_for(&site, "good-story");
    assert!(
        good.contains("extracted: page") && good.contains("source_name: Loop News"),
        "{good}"
    );
    assert!(good.contains("was reported today by our correspondent"));
    assert!(!good.contains("Copyright"));
    for slug in [
        "missing-story",
        "paywalled-story",
        "picture-story",
        "looping-story",
        "private-story",
    ] {
        let file = file_for(&site, slug);
        assert!(file.contains("extracted: feed"), "{slug}: {file}");
        assert!(
            file.contains("the short version that the feed itself carries"),
            "{slug}: {file}"
        );
        assert!(
            file.contains(&format!("source_url: {}", server.base)),
            "{slug} keeps its link"
        );
    }
    assert!(
        file_for(&site, "gzip-story").contains("extracted: page"),
        "gzip page decoded"
    );
    let latin = file_for(&site, "latin-story");
    assert!(
        latin.contains("extracted: page") && latin.contains("Latin Story été “quoted”"),
        "{latin}"
    );

    assert_eq!(
        server.count("/private/secret.html"),
        0,
        "robots.txt disallowed page was requested"
    );
    assert_eq!(
        server.count("/robots.txt"),
        1,
        "robots.txt fetched once per host"
    );
    // What fetch stored builds into a valid site.
    site.build();
}

#[test]
fn a_rerun_adds_nothing_and_uses_a_conditional_get() {
    let server = news_server();
    let site = site_with_feeds(&[server.url("/feed.xml")], "");
    site.run(&["fetch"]);
    let before = snapshot(&site.root().join("content"));
    let pages = server.count("/good.html");
    let out = site.run(&["fetch"]);
    assert!(
        stdout(&out).contains("not modified since the last fetch"),
        "{}",
        stdout(&out)
    );
    assert_eq!(before, snapshot(&site.root().join("content")));
    assert_eq!(server.count("/good.html"), pages);
    // Without the validators, the feed is read again and every item is known.
    std::fs::remove_file(site.root().join(".paperboy/fetch.json")).unwrap();
    let out = site.run(&["fetch"]);
    assert!(
        stdout(&out).contains("0 new (0 from the feed only), 8 already present"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn reads_atom_and_json_feeds_with_limit_and_dry_run() {
    let server = Server::start(|r| {
        let base = format!("http://{}", r.header("host").unwrap_or(""));
        match r.path.as_str() {
            "/atom" => Reply::ok(
                "application/atom+xml",
                format!(
                    "<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Atom Wire</title><entry><title>Atom One</title><id>a1</id><link href=\"{base}/a1.html\"/><updated>2026-11-27T10:00:00Z</updated><summary>One</summary></entry><entry><title>Atom Two</title><id>a2</id><link href=\"{base}/a2.html\"/><updated>2026-11-26T10:00:00Z</updated><summary>Two</summary></entry></feed>"
                ),
            ),
            "/json" => Reply::ok(
                "application/feed+json",
                format!(
                    "{{\"version\":\"https://jsonfeed.org/version/1.1\",\"title\":\"Json Wire\",\"items\":[{{\"id\":\"j1\",\"url\":\"{base}/j1.html\",\"title\":\"Json One\",\"content_html\":\"<p>Json body</p>\",\"date_published\":\"2026-11-25T10:00:00Z\"}}]}}"
                ),
            ),
            "/a1.html" => Reply::html(article("Atom One")),
            "/a2.html" => Reply::html(article("Atom Two")),
            "/j1.html" => Reply::html(article("Json One")),
            _ => Reply::status(404),
        }
    });
    let site = site_with_feeds(&[server.url("/atom"), server.url("/json")], "");
    let out = site.run(&["fetch", "--dry-run"]);
    let text = stdout(&out);
    assert!(
        text.contains("would add: Atom One") && text.contains("would add: Json One"),
        "{text}"
    );
    assert!(
        !site
            .root()
            .join("content/world")
            .read_dir()
            .unwrap()
            .any(|e| e.unwrap().file_name().to_string_lossy().contains("atom"))
    );
    assert_eq!(server.count("/a1.html"), 0, "dry run fetches no page");

    let out = site.run(&["fetch", "--limit", "1"]);
    assert!(
        stdout(&out).contains("/atom (world): 1 new"),
        "{}",
        stdout(&out)
    );
    assert!(file_for(&site, "atom-one").contains("date: 2026-11-27T10:00:00Z"));
    assert!(file_for(&site, "json-one").contains("Json One was reported today"));
}

#[test]
fn hostile_feeds_are_reported_and_skipped() {
    let bomb = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY a \"aaaaaaaaaaaaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\"><!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\">]><rss version=\"2.0\"><channel><title>&e;</title><item><title>&e;&e;&e;</title><link>http://127.0.0.1:9/x</link></item></channel></rss>";
    let server = Server::start(move |r| match r.path.as_str() {
        "/bomb.xml" => Reply::ok("application/rss+xml", bomb),
        "/broken.xml" => Reply::ok(
            "application/rss+xml",
            "<rss><channel><item><title>a & b</title></item>",
        ),
        "/endless.xml" => Reply::Endless {
            content_type: "application/rss+xml",
        },
        "/stall.xml" => Reply::Stall(Duration::from_secs(10)),
        "/image.xml" => Reply::ok("image/png", vec![1, 2, 3]),
        "/good.xml" => Reply::ok(
            "application/rss+xml",
            rss(
                &format!("http://{}", r.header("host").unwrap()),
                &[("Fine Story", "/fine.html")],
            ),
        ),
        "/fine.html" => Reply::html(article("Fine Story")),
        _ => Reply::status(404),
    });
    let feeds: Vec<String> = [
        "/bomb.xml",
        "/broken.xml",
        "/endless.xml",
        "/stall.xml",
        "/image.xml",
        "/good.xml",
    ]
    .iter()
    .map(|p| server.url(p))
    .collect();
    let site = site_with_feeds(&feeds, "  max_page_bytes: 200000\n");
    let out = site.run(&["fetch"]);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(0), "one feed worked:\n{text}");
    assert!(
        text.contains(&format!("{} (world): failed: ", server.url("/broken.xml"))),
        "{text}"
    );
    assert!(
        text.contains("/endless.xml (world): failed: ") && text.contains("200000-byte limit"),
        "{text}"
    );
    assert!(
        text.contains("/stall.xml (world): failed: ") && text.contains("timed out"),
        "{text}"
    );
    assert!(
        text.contains("/image.xml (world): failed: ") && text.contains("image/png"),
        "{text}"
    );
    assert!(text.contains("/good.xml (world): 1 new"), "{text}");
    // The bomb is either refused or read without expansion; nothing huge is written.
    for (path, bytes) in snapshot(&site.root().join("content")) {
        assert!(bytes.len() < 100_000, "{path} is {} bytes", bytes.len());
    }
}

#[test]
fn exit_status_is_1_only_when_every_feed_fails() {
    let server = Server::start(|_| Reply::status(404));
    let site = site_with_feeds(&[server.url("/a.xml"), server.url("/b.xml")], "");
    let out = site.run(&["fetch"]);
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    assert!(stdout(&out).contains("/a.xml (world): failed: ") && stdout(&out).contains("HTTP 404"));
}

#[test]
fn retention_removes_only_untouched_fetched_articles() {
    let old_feed = |base: &str| {
        format!(
            "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Old</title><item><title>Ancient One</title><link>{base}/old1.html</link><pubDate>Mon, 01 Jan 2024 09:00:00 GMT</pubDate><description>Old one.</description></item><item><title>Ancient Two</title><link>{base}/old2.html</link><pubDate>Mon, 01 Jan 2024 10:00:00 GMT</pubDate><description>Old two.</description></item></channel></rss>"
        )
    };
    let server = Server::start(move |r| match r.path.as_str() {
        "/old.xml" => Reply::ok(
            "application/rss+xml",
            old_feed(&format!("http://{}", r.header("host").unwrap())),
        ),
        _ => Reply::status(404),
    });
    let site = site_with_feeds(&[server.url("/old.xml")], "");
    site.run(&["fetch"]);
    let edited = snapshot(&site.root().join("content/world"))
        .into_keys()
        .find(|p| p.contains("ancient-two"))
        .unwrap();
    let path = site.root().join("content/world").join(&edited);
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        text.replace("Old two.", "Old two, with an editor's note."),
    )
    .unwrap();
    site.write(
        "content/world/2024-01-01-hand-made.md",
        "---\ntitle: Hand Made\ndate: 2024-01-01\n---\nMine.\n",
    );

    let config = std::fs::read_to_string(site.root().join("config.yaml")).unwrap();
    site.write("config.yaml", &format!("{config}  keep_days: 30\n"));
    let out = site.run(&["fetch"]);
    let text = stdout(&out);
    assert!(
        text.contains("removed 1 articles older than fetch.keep_days"),
        "{text}"
    );
    let left: Vec<String> = snapshot(&site.root().join("content/world"))
        .into_keys()
        .collect();
    assert!(!left.iter().any(|p| p.contains("ancient-one")), "{left:?}");
    assert!(
        left.iter().any(|p| p.contains("ancient-two")),
        "hand-edited file kept: {left:?}"
    );
    assert!(
        left.iter().any(|p| p.contains("hand-made")),
        "hand-made file kept: {left:?}"
    );
}

#[test]
fn two_fetches_never_run_at_once() {
    let server = news_server();
    let site = site_with_feeds(&[server.url("/feed.xml")], "");
    std::fs::create_dir_all(site.root().join(".paperboy")).unwrap();
    let lock = std::fs::File::create(site.root().join(".paperboy/fetch.lock")).unwrap();
    lock.try_lock().unwrap();
    let out = site.run(&["fetch"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("another fetch is running"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_killed_fetch_leaves_no_partial_file_and_writes_only_content_and_state() {
    let server = Server::start(|r| {
        let base = format!("http://{}", r.header("host").unwrap_or(""));
        if r.path == "/many.xml" {
            let items: Vec<(String, String)> = (0..400)
                .map(|i| (format!("Story {i}"), format!("/s{i}.html")))
                .collect();
            let refs: Vec<(&str, &str)> = items
                .iter()
                .map(|(t, p)| (t.as_str(), p.as_str()))
                .collect();
            return Reply::ok("application/rss+xml", rss(&base, &refs));
        }
        if r.path == "/robots.txt" {
            return Reply::status(404);
        }
        std::thread::sleep(Duration::from_millis(20));
        Reply::html(article(&format!("Story at {}", r.path)))
    });
    // More items than fetch.max_items allows by default.
    let site = site_with_feeds(&[server.url("/many.xml")], "  max_items: 400\n");
    let before: Vec<String> = snapshot(site.root())
        .into_keys()
        .filter(|p| !p.starts_with("content/"))
        .collect();
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_paperboy"))
        .args(["fetch", "--root"])
        .arg(site.root())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut reader = std::io::BufReader::new(child.stderr.take().unwrap());
    let mut line = String::new();
    while std::io::BufRead::read_line(&mut reader, &mut line).unwrap() > 0 && !line.contains("[5/")
    {
        line.clear();
    }
    child.kill().unwrap();
    child.wait().unwrap();

    let files = snapshot(site.root());
    let stories: Vec<&String> = files.keys().filter(|p| p.contains("story-")).collect();
    assert!(
        stories.len() >= 5 && stories.len() < 400,
        "killed mid-way: {} written",
        stories.len()
    );
    for (path, bytes) in files.iter().filter(|(p, _)| p.ends_with(".md")) {
        let text = String::from_utf8(bytes.clone()).unwrap();
        assert!(
            paperboy::content::parse(path, &text).is_ok(),
            "{path} is partial"
        );
    }
    let outside: Vec<&String> = files
        .keys()
        .filter(|p| {
            !p.starts_with("content/") && !p.starts_with(".paperboy/") && !before.contains(p)
        })
        .collect();
    assert!(
        outside.is_empty(),
        "fetch wrote outside content/ and .paperboy/: {outside:?}"
    );
    // The next run finishes the job without duplicates.
    let out = site.run(&["fetch"]);
    assert!(
        stdout(&out).contains(&format!("{} already present", stories.len())),
        "{}",
        stdout(&out)
    );
    let total = snapshot(&site.root().join("content/world"))
        .into_keys()
        .filter(|p| p.contains("story-"))
        .count();
    assert_eq!(total, 400);
}

#[test]
fn a_dripping_feed_fails_at_the_deadline_with_its_url() {
    let server = Server::start(|_| Reply::Drip {
        content_type: "application/rss+xml",
        bytes: 600,
        every: Duration::from_millis(100),
    });
    let site = site_with_feeds(&[server.url("/drip.xml")], "");
    let start = std::time::Instant::now();
    let out = site.run(&["fetch"]);
    let text = stdout(&out);
    assert!(
        start.elapsed() < Duration::from_secs(15),
        "fetch took {:?} with timeout_secs: 2",
        start.elapsed()
    );
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(
        text.contains(&format!("failed: {}: ", server.url("/drip.xml")))
            && text.contains("not complete after 2 s"),
        "{text}"
    );
}

fn rss_links(items: &[(&str, String)]) -> String {
    let items: String = items
        .iter()
        .map(|(title, link)| {
            format!("<item><title>{title}</title><link>{link}</link><description>Feed summary of {title}: the short version that the feed itself carries.</description></item>")
        })
        .collect();
    format!(
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Loop Wire</title>{items}</channel></rss>"
    )
}

#[test]
fn feed_links_to_another_port_are_refused_and_reported() {
    let other = Server::start(|_| Reply::html(article("Internal Service")));
    let sneaky = other.url("/admin.html");
    let server = Server::start(move |r| {
        let base = format!("http://{}", r.header("host").unwrap_or("127.0.0.1"));
        match r.path.as_str() {
            "/feed.xml" => Reply::ok(
                "application/rss+xml",
                rss_links(&[
                    ("Home Story", format!("{base}/home.html")),
                    ("Sneaky Story", sneaky.clone()),
                ]),
            ),
            "/home.html" => Reply::html(article("Home Story")),
            _ => Reply::status(404),
        }
    });
    let site = site_with_feeds(&[server.url("/feed.xml")], "");
    let out = site.run(&["fetch"]);
    let text = stdout(&out);
    assert!(
        text.contains("1 new (0 from the feed only), 0 already present, 1 failed"),
        "{text}"
    );
    assert!(
        text.contains(&format!(
            "failed: refused link {} in {}: another port of a host you named",
            other.url("/admin.html"),
            server.url("/feed.xml")
        )),
        "{text}"
    );
    assert!(other.hits().is_empty(), "{:?}", other.hits());
    assert!(file_for(&site, "home-story").contains("extracted: page"));
    let stored = snapshot(&site.root().join("content/world"));
    assert!(
        !stored.keys().any(|k| k.contains("sneaky")),
        "{:?}",
        stored.keys()
    );
}

#[test]
fn robots_txt_of_a_redirect_target_is_honoured() {
    // 127.0.0.1 and localhost: one server, two hosts to robots.txt.
    let server = Server::start(|r| {
        let host = r.header("host").unwrap_or("").to_string();
        let port = host.rsplit(':').next().unwrap_or("").to_string();
        match r.path.as_str() {
            "/feed.xml" => Reply::ok(
                "application/rss+xml",
                rss_links(&[("Moved Story", format!("http://{host}/moved.html"))]),
            ),
            "/robots.txt" if host.starts_with("localhost") => {
                Reply::ok("text/plain", "User-agent: *\nDisallow: /private/\n")
            }
            "/robots.txt" => Reply::ok("text/plain", "User-agent: *\nAllow: /\n"),
            "/moved.html" => {
                Reply::redirect(&format!("http://localhost:{port}/private/story.html"))
            }
            _ => Reply::html(article("Moved Story")),
        }
    });
    let site = site_with_feeds(&[server.url("/feed.xml")], "");
    let out = site.run(&["fetch"]);
    let text = stdout(&out);
    assert!(text.contains("1 new (1 from the feed only)"), "{text}");
    assert_eq!(
        server.count("/private/story.html"),
        0,
        "{:?}",
        server.hits()
    );
    assert_eq!(server.count("/moved.html"), 1);
    assert!(file_for(&site, "moved-story").contains("extracted: feed"));
}
