//! The other outputs of one build: the Gemini capsule, the Gopher hole,
//! plain-text articles, the daily e-books and the offline bundle, each
//! read back with a resolver or parser of its own.

use crate::support::{TempSite, is_external, resolve, snapshot, stderr};
use std::collections::{BTreeMap, BTreeSet};
use std::io::Read;
use std::path::Path;

const ALL: &str = "outputs: [html, gemini, gopher, text, epub]\ngopher:\n  host: gopher.example.org\n  port: 7070\n  selector: /news\n";

/// The demo site with every output, built.
fn demo() -> TempSite {
    let site = TempSite::demo(ALL);
    site.build();
    site
}

/// The article pages of the HTML site: `<edition>/<section>/<slug>.html`.
fn articles(site: &TempSite) -> BTreeSet<String> {
    snapshot(&site.public())
        .into_keys()
        .filter(|p| {
            let parts: Vec<&str> = p.split('/').collect();
            parts.len() == 3
                && parts[1] != "archive"
                && p.ends_with(".html")
                && !p.ends_with("/index.html")
        })
        .collect()
}

fn content_files(site: &TempSite) -> usize {
    walkdir::WalkDir::new(site.root().join("content"))
        .into_iter()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .path()
                .extension()
                .is_some_and(|x| x == "md")
        })
        .count()
}

#[test]
fn every_output_holds_every_article() {
    let site = demo();
    let html = articles(&site);
    assert_eq!(html.len(), content_files(&site), "{html:?}");
    let gemini = snapshot(&site.root().join("public-gemini"));
    let gopher = snapshot(&site.root().join("public-gopher"));
    let public = snapshot(&site.public());
    for page in &html {
        let stem = page.trim_end_matches(".html");
        assert!(gemini.contains_key(&format!("{stem}.gmi")), "{stem}.gmi");
        assert!(
            gopher.contains_key(&format!("{stem}.txt")),
            "gopher {stem}.txt"
        );
        assert!(
            public.contains_key(&format!("{stem}.txt")),
            "public {stem}.txt"
        );
    }
    // Every list the HTML site has, the capsule and the hole have too.
    for page in public.keys().filter(|p| p.ends_with("index.html")) {
        if page
            .split('/')
            .nth(1)
            .is_some_and(|s| s.starts_with("page"))
        {
            continue;
        }
        let stem = page.trim_end_matches(".html");
        assert!(gemini.contains_key(&format!("{stem}.gmi")), "{stem}.gmi");
        let dir = stem.trim_end_matches("index");
        assert!(
            gopher.contains_key(&format!("{dir}gophermap")),
            "{dir}gophermap"
        );
    }
    let front = String::from_utf8(gemini["us/index.gmi"].clone()).unwrap();
    assert!(front.starts_with("# Paperboy News US\n"), "{front}");
    assert!(front.contains("\n## World\n=> ../us/world/"), "{front}");
}

/// The links of a gemtext page: the URL of every `=>` line.
fn gemtext_links(text: &str) -> Vec<String> {
    text.lines()
        .filter_map(|l| l.strip_prefix("=>"))
        .map(|l| l.split_whitespace().next().unwrap_or("").to_string())
        .collect()
}

#[test]
fn every_gemtext_link_resolves() {
    let site = demo();
    let capsule = snapshot(&site.root().join("public-gemini"));
    let mut checked = 0;
    for (page, bytes) in capsule.iter().filter(|(p, _)| p.ends_with(".gmi")) {
        let text = std::str::from_utf8(bytes).unwrap_or_else(|_| panic!("{page}: not UTF-8"));
        let mut pre = false;
        for line in text.lines() {
            if line.starts_with("```") {
                pre = !pre;
            }
            assert!(
                pre || !line.starts_with("=>") || line.len() > 3,
                "{page}: {line}"
            );
        }
        assert!(!pre, "{page}: preformatted text left open");
        for link in gemtext_links(text) {
            assert!(!link.is_empty(), "{page}: a link line with no URL");
            if is_external(&link) {
                continue;
            }
            assert!(!link.starts_with('/'), "{page}: {link} is not relative");
            let target = resolve(page, &link).unwrap_or_else(|| panic!("{page}: {link}"));
            assert!(capsule.contains_key(&target), "{page}: {link} -> {target}");
            checked += 1;
        }
    }
    assert!(checked > 200, "{checked}");
    // paperboy check reads the capsule and the hole too.
    let out = site.run(&["check"]);
    let report = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(out.status.success(), "{report}");
    assert!(
        report.contains("gemtext pages") && report.contains("gophermaps"),
        "{report}"
    );
    // Languages: Agate-style `.meta` files name each folder's.
    let meta = |p: &str| String::from_utf8(capsule[p].clone()).unwrap();
    assert_eq!(meta("us/world/.meta"), "*.gmi: ;lang=en\n");
    assert_eq!(meta("de/welt/.meta"), "*.gmi: ;lang=de\n");
}

/// A line wrapping may leave long: one word (a URL), a table row or code.
fn fixed(line: &str) -> bool {
    !line.trim().contains(' ')
        || line.starts_with("    ")
        || (line.starts_with("  ") && line.contains(" | "))
}

/// One menu line of a gophermap: (type, display, selector, host, port).
fn menu_line(line: &str) -> (char, String, String, String, String) {
    let fields: Vec<&str> = line.split('\t').collect();
    assert_eq!(fields.len(), 4, "{line:?}");
    let mut chars = fields[0].chars();
    let kind = chars.next().unwrap();
    (
        kind,
        chars.collect(),
        fields[1].to_string(),
        fields[2].to_string(),
        fields[3].to_string(),
    )
}

#[test]
fn every_gophermap_link_resolves_and_items_wrap_at_70() {
    let site = demo();
    let hole = snapshot(&site.root().join("public-gopher"));
    let mut checked = 0;
    for (path, bytes) in hole.iter().filter(|(p, _)| !p.starts_with(".paperboy")) {
        assert!(
            bytes.iter().all(|&b| !(0x80..0xA0).contains(&b)),
            "{path}: bytes outside ISO-8859-1"
        );
        let text: String = bytes.iter().map(|&b| b as char).collect();
        if path.ends_with(".txt") {
            for line in text.lines() {
                let long = line.chars().count() > 70;
                assert!(!long || fixed(line), "{path}: {line:?}");
            }
            continue;
        }
        assert!(path.ends_with("gophermap"), "{path}");
        assert!(text.ends_with("\r\n.\r\n"), "{path}: no closing line");
        let body = text.trim_end_matches(".\r\n");
        for line in body.split_terminator("\r\n") {
            assert!(!line.contains('\n'), "{path}: a bare LF");
            let (kind, _, selector, host, port) = menu_line(line);
            if kind == 'i' {
                continue;
            }
            assert_eq!(
                (host.as_str(), port.as_str()),
                ("gopher.example.org", "7070")
            );
            if kind == 'h' {
                assert!(selector.starts_with("URL:http"), "{path}: {selector}");
                continue;
            }
            let rel = selector
                .strip_prefix("/news/")
                .unwrap_or_else(|| panic!("{path}: {selector} outside the hole"));
            let file = match kind {
                '1' => format!("{rel}gophermap"),
                '0' => rel.to_string(),
                other => panic!("{path}: item type {other}"),
            };
            assert!(hole.contains_key(&file), "{path}: {selector} -> {file}");
            checked += 1;
        }
    }
    assert!(checked > 150, "{checked}");
    let front: String = hole["gophermap"].iter().map(|&b| b as char).collect();
    assert!(
        front.contains("1US (19 articles)\t/news/us/\tgopher.example.org\t7070\r\n"),
        "{front}"
    );
}

#[test]
fn text_versions_wrap_fold_and_are_linked() {
    let site = TempSite::demo("outputs: [html, text]\n");
    let config = std::fs::read_to_string(site.root().join("config.yaml")).unwrap();
    site.write(
        "config.yaml",
        &config.replace("charset: latin1", "charset: ascii"),
    );
    site.build();
    let ferry = site.page("us/world/harbour-night-ferry.txt");
    assert!(ferry.starts_with("Harbour Council Backs Night Ferry Plan\n\nExample Gazette | Friday, 27 November 2026, 09:00 UTC\nBy Zoe Muller\n"), "{ferry}");
    let flowing = ferry.replace('\n', " ");
    assert!(
        flowing.contains("estimated at EUR 310,000"),
        "folded: {ferry}"
    );
    assert!(ferry.contains("meeting papers[1]."), "{ferry}");
    assert!(
        ferry.contains("[1] https://news.example.org/documents/kestrel-bay-council-nov-2026.html\n[2] Original source\n    https://news.example.org/2026/11/27/harbour-ferry.html\n[3] Image 1: The night ferry leaving the harbour\n    https://news.example.org/images/ferry.jpg\n"),
        "{ferry}"
    );
    for (path, bytes) in snapshot(&site.public()) {
        if !path.ends_with(".txt") || path == "robots.txt" {
            continue;
        }
        assert!(bytes.is_ascii(), "{path}: not ASCII");
        let text = String::from_utf8(bytes).unwrap();
        for line in text.lines() {
            let long = line.chars().count() > 72;
            assert!(!long || fixed(line), "{path}: {line:?}");
        }
    }
    let page = site.page("us/world/harbour-night-ferry.html");
    assert!(
        page.contains("<a href=\"../../us/world/harbour-night-ferry.txt\">Text version</a>"),
        "{page}"
    );
    // Static hosts are told the pages' type, not the text files'.
    let headers = site.page("_headers");
    assert!(
        headers.contains("/us/*.html\n  Content-Type: text/html; charset=US-ASCII\n"),
        "{headers}"
    );
    assert!(!headers.contains("/us/*\n"), "{headers}");
    let german = site.page("de/welt/faehre-nachtbetrieb.html");
    assert!(german.contains(">Textversion</a>"), "{german}");
}

#[test]
fn text_links_keep_every_theme_and_profile_valid() {
    for theme in ["classic", "lite", "broadsheet"] {
        for profile in ["html2", "html32", "modern"] {
            let charset = if profile == "modern" {
                "utf-8"
            } else {
                "latin1"
            };
            let site = TempSite::demo("outputs: [html, text, epub]\n");
            let config = std::fs::read_to_string(site.root().join("config.yaml"))
                .unwrap()
                .replace("theme: classic", &format!("theme: {theme}"))
                .replace("profile: html32", &format!("profile: {profile}"))
                .replace("charset: latin1", &format!("charset: {charset}"));
            site.write("config.yaml", &config);
            site.build();
            let out = site.run(&["check"]);
            assert!(
                out.status.success(),
                "{theme} {profile}: {}{}",
                String::from_utf8_lossy(&out.stdout),
                stderr(&out)
            );
            let page = site.page("us/world/harbour-night-ferry.html");
            assert!(
                page.contains("harbour-night-ferry.txt\">Text version</a>"),
                "{theme} {profile}"
            );
            let day = site.page("us/archive/2026/11/27.html");
            assert!(
                day.contains("27.epub\">E-book of this day</a>"),
                "{theme} {profile}"
            );
        }
    }
}

#[test]
fn outputs_are_byte_identical_across_builds() {
    let (a, b) = (demo(), demo());
    for dir in ["public", "public-gemini", "public-gopher"] {
        let (x, y) = (snapshot(&a.root().join(dir)), snapshot(&b.root().join(dir)));
        assert!(!x.is_empty(), "{dir}");
        assert_eq!(
            x.keys().collect::<Vec<_>>(),
            y.keys().collect::<Vec<_>>(),
            "{dir}"
        );
        for (path, bytes) in &x {
            assert!(y[path] == *bytes, "{dir}/{path} differs between builds");
        }
    }
    // A second build finds nothing to do; a file removed by hand comes back.
    let out = a.run(&["build"]);
    let log = stderr(&out);
    assert_eq!(log.matches("nothing changed").count(), 3, "{log}");
    std::fs::remove_file(a.root().join("public-gopher/us/gophermap")).unwrap();
    a.build();
    assert!(a.root().join("public-gopher/us/gophermap").is_file());
}

#[test]
fn a_failed_build_leaves_the_capsule_whole() {
    let site = demo();
    let before = snapshot(&site.root().join("public-gemini"));
    site.write(
        "templates/gemini/article.gmi",
        "{{ article.nothing_here }}\n",
    );
    site.write(
        "content/us/world/2026-11-28-late.md",
        "---\ntitle: Late News\ndate: 2026-11-28\n---\nText.\n",
    );
    let out = site.run(&["build"]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("gemini/article.gmi"),
        "{}",
        stderr(&out)
    );
    assert_eq!(snapshot(&site.root().join("public-gemini")), before);
}

/// Every file of a zip archive.
fn unzip(bytes: &[u8]) -> BTreeMap<String, Vec<u8>> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    (0..zip.len())
        .map(|i| {
            let mut f = zip.by_index(i).unwrap();
            let mut b = Vec::new();
            f.read_to_end(&mut b).unwrap();
            (f.name().unwrap().to_string(), b)
        })
        .collect()
}

fn untar(bytes: &[u8]) -> BTreeMap<String, Vec<u8>> {
    let mut tar = tar::Archive::new(bytes);
    tar.entries()
        .unwrap()
        .map(|e| {
            let mut e = e.unwrap();
            let name = e.path().unwrap().to_string_lossy().into_owned();
            let mut b = Vec::new();
            e.read_to_end(&mut b).unwrap();
            (name, b)
        })
        .collect()
}

/// The built site as the bundle should hold it: every file but the manifest.
fn site_files(site: &TempSite) -> BTreeMap<String, Vec<u8>> {
    let mut files = snapshot(&site.public());
    files.remove(".paperboy-manifest");
    files
}

/// Validates an e-book with epubcheck, where it is installed (Debian's
/// `epubcheck` package; tests/run installs it).
fn epubcheck(book: &Path) {
    let jar = Path::new("/usr/share/java/epubcheck.jar");
    if !jar.is_file() {
        return;
    }
    let out = std::process::Command::new("java")
        .arg("-jar")
        .arg(jar)
        .arg(book)
        .output()
        .unwrap();
    let report = String::from_utf8_lossy(&out.stdout).into_owned() + &stderr(&out);
    assert!(
        out.status.success(),
        "epubcheck {}: {report}",
        book.display()
    );
}

#[test]
fn the_epub_opens_and_its_toc_matches_the_day() {
    use rbook::ebook::toc::TocEntryKind;
    use rbook::epub::metadata::EpubVersion;
    let site = demo();
    let bytes = std::fs::read(site.public().join("us/archive/2026/11/27.epub")).unwrap();
    // The day's articles, from its archive page.
    let day = site.page("us/archive/2026/11/27.html");
    let titles: Vec<String> = day
        .split("<li><a href=\"")
        .skip(1)
        .map(|li| {
            let text = li.split_once('>').unwrap().1;
            text.split("</a>").next().unwrap().replace("&amp;", "&")
        })
        .collect();
    assert_eq!(titles.len(), 3, "{day}");
    let epub = rbook::Epub::options()
        .strict(true)
        .retain_variants(true)
        .read(std::io::Cursor::new(bytes.clone()))
        .unwrap();
    let spine: Vec<String> = epub
        .spine()
        .iter()
        .map(|s| s.manifest_entry().unwrap().href().as_str().to_string())
        .collect();
    assert_eq!(spine.len(), 2 + titles.len(), "{spine:?}");
    for (version, name) in [(EpubVersion::EPUB3, "nav"), (EpubVersion::EPUB2, "ncx")] {
        let toc = epub
            .toc()
            .by_kind_version(TocEntryKind::Toc, version)
            .unwrap_or_else(|| panic!("no {name}"));
        let leaves: Vec<String> = toc
            .flatten()
            .filter(|e| e.is_empty() && e.depth() >= 2)
            .map(|e| e.label().to_string())
            .collect();
        let mut want = titles.clone();
        want.sort();
        let mut got = leaves.clone();
        got.sort();
        assert_eq!(got, want, "{name}");
        for entry in toc.flatten() {
            let href = entry.href().unwrap();
            assert!(
                spine.iter().any(|s| href.as_str().ends_with(s.as_str())),
                "{name}: {href} not in the spine"
            );
        }
    }
    // Every page is well-formed XML and its links stay inside the book.
    let files = unzip(&bytes);
    for (name, data) in files
        .iter()
        .filter(|(n, _)| n.ends_with(".xhtml") || n.ends_with(".opf") || n.ends_with(".ncx"))
    {
        let mut reader = quick_xml::Reader::from_reader(data.as_slice());
        let mut buf = Vec::new();
        loop {
            match reader.read_event_into(&mut buf) {
                Ok(quick_xml::events::Event::Eof) => break,
                Ok(_) => {}
                Err(e) => panic!("{name}: {e}"),
            }
            buf.clear();
        }
        let text = String::from_utf8(data.clone()).unwrap();
        for link in crate::support::links(&text) {
            if is_external(&link) {
                continue;
            }
            let target = resolve(name, &link).unwrap();
            assert!(files.contains_key(&target), "{name}: {link}");
        }
    }
    // The command writes the same book.
    let out_dir = tempfile::tempdir().unwrap();
    let out = site.run(&[
        "epub",
        "--date",
        "2026-11-27",
        "--edition",
        "us",
        "--output",
        out_dir.path().to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let written = std::fs::read(out_dir.path().join("paperboy-news-us-2026-11-27.epub")).unwrap();
    assert!(
        written == bytes,
        "paperboy epub differs from the build's book"
    );
    epubcheck(&site.public().join("us/archive/2026/11/27.epub"));
}

#[test]
fn the_bundle_unpacks_to_the_site() {
    let site = TempSite::demo("outputs: [html, text]\n");
    site.build();
    let want = site_files(&site);
    let out = site.run(&["bundle"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let zip = std::fs::read(site.root().join("public.zip")).unwrap();
    assert!(unzip(&zip) == want, "the zip differs from public/");
    let all = site.root().join("all.tar");
    let out = site.run(&[
        "bundle",
        "--format",
        "tar",
        "--output",
        all.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let tar = std::fs::read(site.root().join("all.tar")).unwrap();
    assert!(untar(&tar) == want, "the tar differs from public/");
    // Again, the same bytes.
    assert!(site.run(&["bundle"]).status.success());
    assert!(std::fs::read(site.root().join("public.zip")).unwrap() == zip);
    // Volumes: each at most the size asked, together the site.
    let out = site.run(&["bundle", "--split", "32"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let mut joined = BTreeMap::new();
    let mut n = 1;
    while let Ok(volume) = std::fs::read(site.root().join(format!("public-{n}.zip"))) {
        assert!(volume.len() <= 32 * 1024, "volume {n}: {}", volume.len());
        joined.extend(unzip(&volume));
        n += 1;
    }
    assert!(n > 3, "{n} volumes");
    assert!(joined == want, "the volumes differ from public/");
    // One edition: its folder and the root, not the other edition.
    let out = site.run(&["bundle", "--edition", "de"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let de = unzip(&std::fs::read(site.root().join("public-de.zip")).unwrap());
    assert!(de.contains_key("de/index.html") && de.contains_key("index.html"));
    assert!(!de.keys().any(|k| k.starts_with("us/")), "{:?}", de.keys());
    // Unpacked alone, it is a whole site: the chooser offers only its edition.
    let unpacked = site.root().join("de-bundle");
    for (name, bytes) in &de {
        let path = unpacked.join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
    }
    let out = site.run(&["check", "--output", unpacked.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        stderr(&out)
    );
    let chooser = String::from_utf8(de["index.html"].clone()).unwrap();
    assert!(chooser.contains("href=\"de/index.html\""), "{chooser}");
    let out = site.run(&["bundle", "--edition", "fr"]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("no edition `fr`"), "{}", stderr(&out));
}

#[test]
fn epubs_carry_images_only_when_they_are_local() {
    let server = crate::images::image_server();
    let site = crate::images::local_site(&server, "html32");
    let config = std::fs::read_to_string(site.root().join("config.yaml")).unwrap();
    site.write("config.yaml", &format!("{config}outputs: [html, epub]\n"));
    // Two of the three images cannot be had (one broken, one missing).
    site.run(&["images"]);
    site.build();
    let book = unzip(&std::fs::read(site.public().join("archive/2026/11/28.epub")).unwrap());
    let images: Vec<&String> = book
        .keys()
        .filter(|k| k.starts_with("OEBPS/img/"))
        .collect();
    assert_eq!(images.len(), 1, "{:?}", book.keys());
    let chapter = String::from_utf8(book["OEBPS/c001.xhtml"].clone()).unwrap();
    let src = images[0].trim_start_matches("OEBPS/");
    assert!(
        chapter.contains(&format!("<img src=\"{src}\"")),
        "{chapter}"
    );
    assert!(chapter.contains("Boats come home"), "{chapter}");
    epubcheck(&site.public().join("archive/2026/11/28.epub"));
    // With linked images, the book has none.
    let demo = demo();
    let linked = unzip(&std::fs::read(demo.public().join("us/archive/2026/11/27.epub")).unwrap());
    assert!(
        !linked.keys().any(|k| k.contains("/img/")),
        "{:?}",
        linked.keys()
    );
    assert!(!linked.values().any(|v| v.windows(5).any(|w| w == b"<img ")));
}

#[test]
fn a_site_without_editions_gets_them_too_and_hostile_links_stay_out() {
    let site = TempSite::fixture("site");
    let config = std::fs::read_to_string(site.root().join("config.yaml")).unwrap();
    site.write("config.yaml", &format!("{config}{ALL}"));
    site.build();
    let out = site.run(&["check"]);
    let report = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(out.status.success(), "{report}");
    let capsule = snapshot(&site.root().join("public-gemini"));
    let front = String::from_utf8(capsule["index.gmi"].clone()).unwrap();
    assert!(front.starts_with("# Fixture Times\n"), "{front}");
    assert!(front.contains("=> world/index.gmi "), "{front}");
    let hole = snapshot(&site.root().join("public-gopher"));
    let menu: String = hole["gophermap"].iter().map(|&b| b as char).collect();
    assert!(
        menu.contains("1World News\t/news/world/\tgopher.example.org\t7070\r\n"),
        "{menu}"
    );
    for (path, bytes) in capsule.iter().chain(&hole).chain(&snapshot(&site.public())) {
        if path.ends_with(".gmi") || path.ends_with(".txt") {
            let text = String::from_utf8_lossy(bytes).to_ascii_lowercase();
            assert!(!text.contains("javascript:"), "{path}: {text}");
            assert!(!text.contains("alert(3)"), "{path}: script text: {text}");
        }
    }
}

/// A summary given in front matter (the demo's Tromsø story has one) is
/// shown under the headline in every output: the page, its text version,
/// the capsule, the hole and the day's e-book.
#[test]
fn a_given_summary_stands_under_the_headline_in_every_output() {
    let site = demo();
    let stem = "us/world/tromso-aurora-permits";
    let html = site.page(&format!("{stem}.html"));
    assert!(
        html.contains("</h1>\n<p><b>Tromsø may cap night-time aurora tours"),
        "{html}"
    );
    let read = |path: std::path::PathBuf| String::from_utf8(std::fs::read(&path).unwrap()).unwrap();
    let gemini = read(site.root().join(format!("public-gemini/{stem}.gmi")));
    assert!(
        gemini.contains("# Tromsø Weighs Limits on Aurora Tour Permits\nTromsø may cap"),
        "{gemini}"
    );
    // The text versions are in the site's charset, Latin-1.
    let latin1 = |path: std::path::PathBuf| -> String {
        std::fs::read(&path)
            .unwrap()
            .iter()
            .map(|&b| b as char)
            .collect()
    };
    for text in [
        latin1(site.public().join(format!("{stem}.txt"))),
        latin1(site.root().join(format!("public-gopher/{stem}.txt"))),
    ] {
        assert!(text.contains("\n\nTromsø may cap night-time"), "{text}");
    }
    let path = site.public().join("us/archive/2026/11/20.epub");
    let book = unzip(&std::fs::read(&path).unwrap());
    let chapter = book
        .iter()
        .filter(|(n, _)| n.ends_with(".xhtml"))
        .map(|(_, b)| String::from_utf8(b.clone()).unwrap())
        .find(|c| c.contains("Aurora Tour Permits</h1>"))
        .expect("the story's chapter");
    assert!(
        chapter.contains("</h1>\n<p><b>Tromsø may cap night-time"),
        "{chapter}"
    );
    epubcheck(&path);
    // The other stories, without one, show no such line.
    let other = site.page("us/world/border-bakery-dispute.html");
    assert!(!other.contains("<p><b>"), "{other}");
}
