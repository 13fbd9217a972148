//! `paperboy ingest` and `paperboy extract` on saved pages, text dumps,
//! Markdown files and URLs from a loopback server.

use crate::server::{Reply, Server};
use crate::support::{TempSite, snapshot, stderr};
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/ingest")
}

fn stdout(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The content file ingest wrote for `needle` (a word of its file name).
fn written(site: &TempSite, needle: &str) -> String {
    let files = snapshot(&site.root().join("content"));
    let (_, bytes) = files
        .iter()
        .find(|(p, _)| p.contains(needle))
        .unwrap_or_else(|| panic!("no file for {needle}"));
    String::from_utf8(bytes.clone()).unwrap()
}

#[test]
fn ingests_a_folder_reporting_each_input() {
    let site = TempSite::fixture("site");
    let out = site.run(&["ingest", fixtures().to_str().unwrap(), "--section", "world"]);
    let text = stdout(&out);
    assert_eq!(
        out.status.code(),
        Some(1),
        "one input failed:\n{text}{}",
        stderr(&out)
    );
    assert!(
        text.contains("added: content/world/2026-11-26-seilbahn-fur-bergdorf.md"),
        "{text}"
    );
    assert!(
        text.contains("added: content/world/2026-11-20-notes-from-the-allotment.md"),
        "{text}"
    );
    assert!(
        text.contains("failed: ")
            && text.contains("empty.html: found no title and no article text"),
        "{text}"
    );
    assert!(text.ends_with("5 added, 0 skipped, 1 failed\n"), "{text}");
    // What ingest wrote builds and passes the checker.
    site.build();
    let check = site.run(&["check"]);
    assert_eq!(check.status.code(), Some(0), "{}", stdout(&check));
}

#[test]
fn extraction_keeps_the_article_and_drops_the_furniture() {
    let site = TempSite::fixture("site");
    site.run(&[
        "ingest",
        fixtures().join("seilbahn-1252.html").to_str().unwrap(),
        "--section",
        "world",
    ]);
    let file = written(&site, "seilbahn");
    for want in [
        "title: Seilbahn für Bergdorf genehmigt",
        "date: 2026-11-26T07:45:00+01:00",
        "source_url: https://talbote.example.com/2026/11/seilbahn.html",
        "source_name: Talbote",
        "byline: Jörg Weiss",
        "„ein Ende der langen Busfahrten“",
        "Mit einem Entscheid wird im Frühling gerechnet.",
    ] {
        assert!(file.contains(want), "missing {want:?} in:\n{file}");
    }
    for furniture in [
        "Cookies",
        "Akzeptieren",
        "Teilen",
        "abonnieren",
        "Mehr zum Thema",
        "Kommentare",
        "Impressum",
        "Lokales",
    ] {
        assert!(
            !file.contains(furniture),
            "{furniture:?} leaked into:\n{file}"
        );
    }
}

#[test]
fn text_dumps_lose_mirror_chrome_and_paywall_notices() {
    let site = TempSite::fixture("site");
    site.run(&[
        "ingest",
        fixtures().join("lighthouse.txt").to_str().unwrap(),
        "--section",
        "world",
    ]);
    let file = written(&site, "lighthouse");
    assert!(file.contains("title: Lighthouse Keepers Return to Skerry Point"));
    assert!(file.contains("For the first time in forty years"));
    assert!(file.contains("A light with a person in it is a light you can trust"));
    for chrome in [
        "Back to",
        "Original source",
        "preview view",
        "verify access",
        "Log in",
        "Subscribe",
        "Credit...",
    ] {
        assert!(!file.contains(chrome), "{chrome:?} leaked into:\n{file}");
    }
}

#[test]
fn hostile_pages_stay_inside_content_and_lose_their_code() {
    let site = TempSite::fixture("site");
    let out = site.run(&[
        "ingest",
        fixtures().join("hostile.html").to_str().unwrap(),
        "--section",
        "world",
    ]);
    assert!(out.status.success(), "{}{}", stdout(&out), stderr(&out));
    let files = snapshot(site.root());
    let outside: Vec<_> = files
        .keys()
        .filter(|p| p.ends_with(".md") && !p.starts_with("content/"))
        .collect();
    assert!(outside.is_empty(), "{outside:?}");
    let file = written(&site, "passwd");
    let body = file.splitn(3, "---").nth(2).unwrap().to_ascii_lowercase();
    for bad in [
        "<script",
        "javascript:",
        "data:",
        "onclick",
        "onerror",
        "<iframe",
        "<object",
        "<embed",
        "<form",
        "style=",
    ] {
        assert!(!body.contains(bad), "{bad} in:\n{file}");
    }
    site.build();
    let page = site.page("world/etc-passwd-script-alert-1.html");
    assert!(!page.contains("<script"), "{page}");
}

#[test]
fn ingesting_twice_adds_nothing_unless_forced() {
    let site = TempSite::fixture("site");
    let dir = fixtures();
    site.run(&["ingest", dir.to_str().unwrap(), "--section", "world"]);
    let before = snapshot(&site.root().join("content"));
    let out = site.run(&["ingest", dir.to_str().unwrap(), "--section", "world"]);
    assert!(
        stdout(&out).ends_with("0 added, 5 skipped, 1 failed\n"),
        "{}",
        stdout(&out)
    );
    assert!(
        stdout(&out)
            .contains("skipped: duplicate of content/world/2026-11-26-seilbahn-fur-bergdorf.md")
    );
    assert_eq!(before, snapshot(&site.root().join("content")));
    let page = dir.join("seilbahn-1252.html");
    let out = site.run(&[
        "ingest",
        page.to_str().unwrap(),
        "--section",
        "world",
        "--force",
    ]);
    assert!(
        stdout(&out).contains("replaced: content/world/2026-11-26-seilbahn-fur-bergdorf.md"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn markdown_is_kept_as_written() {
    let site = TempSite::fixture("site");
    site.run(&[
        "ingest",
        fixtures()
            .join("2026-11-20-allotment-notes.md")
            .to_str()
            .unwrap(),
        "--section",
        "world",
    ]);
    let file = written(&site, "allotment");
    assert!(file.contains("title: Notes From the Allotment\n"));
    assert!(file.contains("date: 2026-11-20\n"));
    assert!(file.contains("The first frost came early this year, and the **kale** is better for it.\n\n- Garlic planted"));
}

#[test]
fn ingests_urls_decoding_by_http_header() {
    let page = "<html><head><title>東京の新しい駅</title></head><body><article><h1>東京の新しい駅</h1><p>新しい駅が今日開業しました。多くの人が朝から列を作り、最初の電車を待ちました。駅には図書館と小さな市場もあります。</p><p>市長は「町の新しい玄関だ」と話しました。</p></article></body></html>";
    let (sjis, _, _) = encoding_rs::SHIFT_JIS.encode(page);
    let sjis = sjis.into_owned();
    let server = Server::start(move |r| match r.path.as_str() {
        "/jp" => Reply::ok("text/html; charset=Shift_JIS", sjis.clone()),
        "/moved" => Reply::redirect("/jp"),
        _ => Reply::status(404),
    });
    let site = TempSite::fixture("site");
    let out = site.run(&[
        "ingest",
        &server.url("/moved"),
        &server.url("/gone"),
        "--section",
        "world",
    ]);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(
        text.contains("failed: ") && text.contains("/gone: HTTP 404"),
        "{text}"
    );
    let file = written(&site, "dong-jing");
    assert!(file.contains("title: 東京の新しい駅"), "{file}");
    assert!(
        file.contains(&format!("source_url: {}", server.url("/jp"))),
        "final URL after the redirect: {file}"
    );
    assert!(
        file.contains("市長は「町の新しい玄関だ」と話しました。"),
        "{file}"
    );
}

#[test]
fn extract_prints_and_writes_nothing() {
    let site = TempSite::fixture("site");
    let before = snapshot(site.root());
    let page = fixtures().join("seilbahn-1252.html");
    let text = stdout(&site.run(&["extract", page.to_str().unwrap(), "--format", "text"]));
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("Seilbahn für Bergdorf genehmigt"));
    assert_eq!(lines.next(), Some(""));
    assert!(
        lines
            .next()
            .unwrap()
            .starts_with("Der Gemeinderat hat am Mittwochabend")
    );
    assert!(!text.contains("**") && !text.contains("Cookies"));

    let json: serde_json::Value = serde_json::from_str(&stdout(&site.run(&[
        "extract",
        page.to_str().unwrap(),
        "--format",
        "json",
    ])))
    .unwrap();
    assert_eq!(json["byline"], "Jörg Weiss");
    assert_eq!(json["language"], "de");
    assert_eq!(json["published"], "2026-11-26T07:45:00+01:00");

    let markdown = stdout(&site.run(&["extract", page.to_str().unwrap()]));
    assert!(
        markdown.starts_with("---\ntitle: Seilbahn für Bergdorf genehmigt\n"),
        "{markdown}"
    );
    assert_eq!(before, snapshot(site.root()), "extract wrote something");
}

#[test]
fn a_killed_ingest_leaves_no_partial_file() {
    let site = TempSite::fixture("site");
    let inbox = site.root().join("inbox");
    std::fs::create_dir_all(&inbox).unwrap();
    let paragraph = "Words of a long story that goes on. ".repeat(400);
    for i in 0..1500 {
        std::fs::write(
            inbox.join(format!("story-{i:04}.txt")),
            format!("Story number {i}\n\n{paragraph}\n"),
        )
        .unwrap();
    }
    let mut child = Command::new(env!("CARGO_BIN_EXE_paperboy"))
        .args([
            "ingest",
            inbox.to_str().unwrap(),
            "--section",
            "world",
            "--root",
        ])
        .arg(site.root())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    assert!(first.starts_with("added: "), "{first}");
    child.kill().unwrap(); // SIGKILL: no chance to clean up
    child.wait().unwrap();

    let files = snapshot(&site.root().join("content"));
    let stories: Vec<_> = files
        .keys()
        .filter(|p| p.contains("story-number"))
        .collect();
    assert!(
        !stories.is_empty() && stories.len() < 1500,
        "killed mid-way: {} written",
        stories.len()
    );
    for (path, bytes) in files.iter().filter(|(p, _)| p.ends_with(".md")) {
        let text = String::from_utf8(bytes.clone()).unwrap();
        let parsed = paperboy::content::parse(path, &text);
        assert!(parsed.is_ok(), "{path} is partial: {parsed:?}");
        if path.contains("story-number") {
            assert!(text.trim_end().ends_with("goes on."), "{path} is cut short");
        }
    }
    // The build ignores leftovers, and the next ingest clears them.
    site.build();
    site.run(&[
        "ingest",
        inbox.join("story-0000.txt").to_str().unwrap(),
        "--section",
        "world",
    ]);
    let leftovers: Vec<_> = snapshot(&site.root().join("content"))
        .into_keys()
        .filter(|p| p.contains(".paperboy-"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

fn pages() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/pages")
}

#[test]
fn ingest_stores_names_dates_captions_and_followable_links() {
    let site = TempSite::fixture("site");
    let page = pages().join("storm-ferry.html");
    let out = site.run(&["ingest", page.to_str().unwrap(), "--section", "world"]);
    let text = stdout(&out);
    assert!(
        text.contains("added: content/world/2019-11-18-ferry-service-resumes"),
        "{text}{}",
        stderr(&out)
    );
    let file = written(&site, "ferry-service");
    for want in [
        "title: Ferry service resumes after three-day storm\n",
        "date: 2019-11-18T08:22:00-05:00\n",
        "updated: 2019-11-20T05:27:00-06:00\n",
        "byline: Mara Lindqvist and Owen Price\n",
        "source_url: https://courier.example/2019/11/18/ferry-resumes\n",
        "  caption: The first crossing leaves the east pier on Monday morning.\n",
        "(https://courier.example/people/ines-alder)",
        "write to tickets@ferry.example or read",
    ] {
        assert!(file.contains(want), "missing {want:?} in:\n{file}");
    }
    let body = file.split("\n---\n").nth(1).unwrap();
    for gone in [
        "Updated 5:27",
        "](/",
        "cdn-cgi",
        "protected]",
        "Navigate to",
        "More News from",
        "Report Error",
        "©2019",
        "deputy",
    ] {
        assert!(!body.contains(gone), "kept {gone:?} in:\n{body}");
    }
    site.build();
    let check = site.run(&["check"]);
    assert_eq!(check.status.code(), Some(0), "{}", stdout(&check));
}

#[test]
fn extract_json_says_where_each_field_was_found() {
    let site = TempSite::fixture("site");
    let page = pages().join("storm-ferry.html");
    let json: serde_json::Value = serde_json::from_str(&stdout(&site.run(&[
        "extract",
        page.to_str().unwrap(),
        "--format",
        "json",
    ])))
    .unwrap();
    assert_eq!(json["found_in"]["title"], "<h1>");
    assert_eq!(json["found_in"]["byline"], "meta author");
    assert_eq!(json["found_in"]["published"], "date line in article");
    assert_eq!(json["found_in"]["body"], "readability");
    assert_eq!(json["updated"], "2019-11-20T05:27:00-06:00");
    assert_eq!(
        json["images"][0]["caption"],
        "The first crossing leaves the east pier on Monday morning."
    );
}

#[test]
fn an_undated_page_is_named_and_dated_alike() {
    let site = TempSite::fixture("site");
    let story = "<p>The allotment society met in the church hall and agreed, after a long discussion about water butts, hosepipes and the price of manure, to open a waiting list.</p>".repeat(4);
    site.write(
        "inbox/allotment.html",
        &format!("<html><head><title>Allotment waiting list opens</title></head><body><article>{story}</article></body></html>"),
    );
    let out = site.run(&[
        "ingest",
        site.root().join("inbox/allotment.html").to_str().unwrap(),
        "--section",
        "world",
    ]);
    let text = stdout(&out);
    let name = text
        .split("content/world/")
        .nth(1)
        .and_then(|s| s.get(..10))
        .unwrap_or_else(|| panic!("{text}"));
    let file = written(&site, "allotment-waiting");
    assert!(
        file.contains(&format!("\ndate: {name}\n")),
        "{name}:\n{file}"
    );

    // A page that says only when it was last changed is dated by that,
    // file name and all: it ran on that day or before, not today.
    site.write(
        "inbox/hedges.html",
        &format!("<html><head><title>Hedge trimming rules change</title></head><body><article><p class=\"date\">Last modified: 20 November 2019</p>{story}</article></body></html>"),
    );
    let out = site.run(&[
        "ingest",
        site.root().join("inbox/hedges.html").to_str().unwrap(),
        "--section",
        "world",
    ]);
    assert!(
        stdout(&out).contains("content/world/2019-11-20-hedge-trimming"),
        "{}",
        stdout(&out)
    );
    let file = written(&site, "hedge-trimming");
    assert!(file.contains("\ndate: 2019-11-20T"), "{file}");
    assert!(file.contains("\nupdated: 2019-11-20"), "{file}");
}

/// A page's standfirst becomes the article's summary and is shown under
/// its headline on the article page and in its text version, unless the
/// theme's option turns it off.
#[test]
fn a_standfirst_is_stored_as_the_summary_and_shown_under_the_headline() {
    let site = TempSite::fixture("site");
    let dek = "Councillors agreed to repair the old pier before the winter storms, ending a year of doubt.";
    let story = "<p>The harbour board met on Tuesday and agreed, after a long and sometimes bitter debate about the cost, that the old pier would be repaired before the winter storms arrive.</p>".repeat(4);
    site.write(
        "inbox/pier.html",
        &format!(
            r#"<html><head><title>Pier to be repaired</title></head><body><article><header><h1>Pier to be repaired</h1><p class="standfirst">{dek}</p></header><div class="story-body">{story}</div></article></body></html>"#
        ),
    );
    let page = site.root().join("inbox/pier.html");
    let ingest = site.run(&["ingest", page.to_str().unwrap(), "--section", "world"]);
    assert!(ingest.status.success(), "{}", stderr(&ingest));
    let file = written(&site, "pier-to-be-repaired");
    assert!(file.contains(&format!("\nsummary: {dek}\n")), "{file}");
    let body = file.split("\n---\n").nth(1).unwrap();
    assert!(!body.contains("ending a year of doubt"), "{body}");

    site.write(
        "config.yaml",
        &(std::fs::read_to_string(site.root().join("config.yaml")).unwrap()
            + "outputs: [html, text]\n"),
    );
    site.build();
    let slug = "world/pier-to-be-repaired";
    let html = site.page(&format!("{slug}.html"));
    assert!(
        html.contains(&format!(
            "<h1>Pier to be repaired</h1>\n<p><b>{dek}</b></p>"
        )),
        "{html}"
    );
    let text = site.page(&format!("{slug}.txt"));
    let opening: String = dek.split_whitespace().take(5).collect::<Vec<_>>().join(" ");
    assert!(text.contains(&opening), "{text}");
    // The feed gives the standfirst as the article's summary.
    let feed = site.page("feed.xml");
    assert!(feed.contains("ending a year of doubt"), "{feed}");

    site.write(
        "config.yaml",
        &(std::fs::read_to_string(site.root().join("config.yaml")).unwrap()
            + "theme_options:\n  show_standfirst: false\n"),
    );
    site.build();
    let html = site.page(&format!("{slug}.html"));
    assert!(!html.contains("ending a year of doubt"), "{html}");
    let text = site.page(&format!("{slug}.txt"));
    assert!(!text.contains(&opening), "{text}");
}
