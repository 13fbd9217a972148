//! `paperboy serve`: the built site over HTTP on 127.0.0.1, rebuilt on change.

use crate::support::TempSite;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

struct Serving {
    child: Child,
    base: String,
}

impl Drop for Serving {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Runs `paperboy serve` as a user does, from the site's folder (so the
/// watcher sees paths relative to `.`).
fn start(site: &TempSite) -> Serving {
    let mut child = Command::new(env!("CARGO_BIN_EXE_paperboy"))
        .args(["-q", "serve", "--port", "0"])
        .current_dir(site.root())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let base = line
        .split(" at ")
        .nth(1)
        .unwrap()
        .split_whitespace()
        .next()
        .unwrap()
        .trim_end_matches('/')
        .to_string();
    Serving { child, base }
}

fn get(url: &str) -> (u16, String, String) {
    // reqwest needs a TLS provider even for http; the library installs one
    // only when it builds a client, which this test binary may not have done.
    let _ = rustls::crypto::ring::default_provider().install_default();
    let response = reqwest::blocking::get(url).unwrap();
    let status = response.status().as_u16();
    let ctype = response
        .headers()
        .get("content-type")
        .map(|v| v.to_str().unwrap().to_string())
        .unwrap_or_default();
    let body: String = response
        .bytes()
        .unwrap()
        .iter()
        .map(|&b| b as char)
        .collect();
    (status, ctype, body)
}

#[test]
fn serves_the_site_and_rebuilds_on_change() {
    let site = TempSite::fixture("site");
    let server = start(&site);
    let (status, ctype, body) = get(&format!("{}/", server.base));
    assert_eq!(
        (status, ctype.as_str()),
        (200, "text/html; charset=ISO-8859-1")
    );
    assert!(body.contains("Harbour Council Backs Night Ferry Plan"));
    let (status, _, body) = get(&format!("{}/world/harbour-ferry.html", server.base));
    assert!(status == 200 && body.contains("By Zoë Müller"));
    let (status, _, body) = get(&format!("{}/no/such/page.html", server.base));
    assert!(status == 404 && body.contains("Page not found"));
    let (status, _, _) = get(&format!("{}/%2e%2e/config.yaml", server.base));
    assert_eq!(status, 404, "nothing outside the output is served");

    site.write(
        "content/world/2026-11-28-fresh.md",
        "---\ntitle: Freshly Written Story\ndate: 2026-11-28T23:00:00Z\n---\nNew.\n",
    );
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let (_, _, body) = get(&format!("{}/index.html", server.base));
        if body.contains("Freshly Written Story") {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "no rebuild after a content change"
        );
        std::thread::sleep(Duration::from_millis(200));
    }

    // A templates/ folder made while serving is watched too.
    site.write(
        "templates/back_link.html",
        "<p><a href=\"{{ root }}index.html\">Home again</a></p>\n",
    );
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let (_, _, body) = get(&format!("{}/world/harbour-ferry.html", server.base));
        if body.contains("Home again") {
            break;
        }
        assert!(Instant::now() < deadline, "no rebuild after a new template");
        std::thread::sleep(Duration::from_millis(200));
    }

    // A broken edit keeps the last good site online.
    site.write(
        "content/world/2026-11-28-fresh.md",
        "---\ntitle: [broken\n---\n",
    );
    std::thread::sleep(Duration::from_millis(800));
    let (status, _, body) = get(&format!("{}/index.html", server.base));
    assert!(status == 200 && body.contains("Freshly Written Story"));
}

/// Sends `request` as raw bytes (the connection stays open for writing) and
/// returns the status code of the answer, read within 5 seconds.
fn raw_status(base: &str, request: &[u8]) -> u16 {
    let mut stream = TcpStream::connect(base.trim_start_matches("http://")).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(5)))
        .unwrap();
    stream.write_all(request).unwrap();
    let mut answer = Vec::new();
    let _ = stream.read_to_end(&mut answer);
    let head = String::from_utf8_lossy(&answer);
    head.strip_prefix("HTTP/1.1 ")
        .and_then(|rest| rest.get(..3))
        .and_then(|code| code.parse().ok())
        .unwrap_or_else(|| panic!("no HTTP answer, got {head:?}"))
}

#[test]
fn caps_the_request_line_and_headers() {
    let site = TempSite::fixture("site");
    let server = start(&site);
    assert_eq!(
        raw_status(&server.base, b"GET /index.html HTTP/1.1\r\nHost: x\r\n\r\n"),
        200
    );
    // A request line over 8 KiB, never finished: answered at the cap,
    // without waiting for the rest.
    let mut long = b"GET /".to_vec();
    long.extend(std::iter::repeat_n(b'a', 100_000));
    let start = Instant::now();
    assert_eq!(raw_status(&server.base, &long), 414);
    assert!(start.elapsed() < Duration::from_secs(4));
    let many: String = (0..500).map(|i| format!("X-Header-{i}: {i}\r\n")).collect();
    assert_eq!(
        raw_status(
            &server.base,
            format!("GET / HTTP/1.1\r\n{many}\r\n").as_bytes()
        ),
        431
    );
    let huge = "a".repeat(20_000);
    assert_eq!(
        raw_status(
            &server.base,
            format!("GET / HTTP/1.1\r\nX-Huge: {huge}\r\n\r\n").as_bytes()
        ),
        431
    );
    assert_eq!(raw_status(&server.base, b"NONSENSE\r\n\r\n"), 400);
    let (status, _, _) = get(&format!("{}/", server.base));
    assert_eq!(status, 200, "the server still answers");
}

#[cfg(unix)]
#[test]
fn symbolic_links_out_of_the_output_are_not_served() {
    let site = TempSite::fixture("site");
    let server = start(&site);
    let public = site.public();
    std::os::unix::fs::symlink(site.root().join("config.yaml"), public.join("leak.txt")).unwrap();
    std::os::unix::fs::symlink(site.root(), public.join("site")).unwrap();
    std::os::unix::fs::symlink(public.join("index.html"), public.join("front.html")).unwrap();
    let (status, _, body) = get(&format!("{}/leak.txt", server.base));
    assert!(
        status == 404 && !body.contains("sections:"),
        "{status} {body}"
    );
    let (status, _, body) = get(&format!("{}/site/config.yaml", server.base));
    assert!(
        status == 404 && !body.contains("sections:"),
        "{status} {body}"
    );
    let (status, _, body) = get(&format!("{}/front.html", server.base));
    assert!(
        status == 200 && body.contains("Harbour Council Backs Night Ferry Plan"),
        "a link inside the output is served"
    );
}
