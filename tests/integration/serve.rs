//! `paperboy serve`: the built site over HTTP on 127.0.0.1, rebuilt on change.

use crate::support::TempSite;
use std::io::{BufRead, BufReader};
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

fn start(site: &TempSite) -> Serving {
    let mut child = Command::new(env!("CARGO_BIN_EXE_paperboy"))
        .args(["-q", "serve", "--port", "0", "--root"])
        .arg(site.root())
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
}
