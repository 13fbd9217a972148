//! The HTTP client against a loopback server: limits, retries, redirects.

use crate::server::{Reply, Server};
use paperboy::fetch::http::{Client, Expect, Settings};
use paperboy::fetch::robots::RobotsCache;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

fn client() -> Client {
    Client::new(Settings {
        timeout: Duration::from_secs(2),
        connect_timeout: Duration::from_secs(2),
        backoff: Duration::from_millis(50),
        max_retry_after: Duration::from_secs(1),
        max_bytes: 100_000,
        ..Settings::default()
    })
    .unwrap()
}

#[test]
fn sends_user_agent_and_reads_page() {
    let server =
        Server::start(|r| Reply::html(format!("<p>{}</p>", r.header("user-agent").unwrap_or(""))));
    let page = client().get(&server.url("/a.html"), Expect::Html).unwrap();
    let body = String::from_utf8(page.body).unwrap();
    assert!(body.starts_with("<p>paperboy/"), "{body}");
    assert_eq!(page.charset.as_deref(), Some("utf-8"));
}

#[test]
fn retries_a_500_then_succeeds() {
    let calls = AtomicUsize::new(0);
    let server = Server::start(move |_| {
        if calls.fetch_add(1, Ordering::SeqCst) == 0 {
            Reply::status(500)
        } else {
            Reply::html("ok")
        }
    });
    let page = client().get(&server.url("/flaky"), Expect::Html).unwrap();
    assert_eq!(page.body, b"ok");
    assert_eq!(server.count("/flaky"), 2);
}

#[test]
fn honours_retry_after_on_429() {
    let calls = AtomicUsize::new(0);
    let server = Server::start(move |_| {
        if calls.fetch_add(1, Ordering::SeqCst) == 0 {
            Reply::status(429).with("Retry-After", "1")
        } else {
            Reply::html("ok")
        }
    });
    let start = Instant::now();
    client().get(&server.url("/busy"), Expect::Html).unwrap();
    assert!(
        start.elapsed() >= Duration::from_millis(900),
        "did not wait for Retry-After"
    );
}

#[test]
fn gives_up_after_retries_with_the_reason() {
    let server = Server::start(|_| Reply::status(503));
    let err = client()
        .get(&server.url("/down"), Expect::Html)
        .unwrap_err()
        .to_string();
    assert!(err.contains("/down") && err.contains("503"), "{err}");
    assert_eq!(server.count("/down"), 3, "one attempt plus two retries");
    let server = Server::start(|_| Reply::status(404));
    let err = client()
        .get(&server.url("/gone"), Expect::Html)
        .unwrap_err()
        .to_string();
    assert!(err.contains("404"), "{err}");
    assert_eq!(server.count("/gone"), 1, "a 404 is not retried");
}

#[test]
fn stalled_server_times_out() {
    let server = Server::start(|_| Reply::Stall(Duration::from_secs(8)));
    let c = Client::new(Settings {
        timeout: Duration::from_millis(500),
        retries: 0,
        ..Settings::default()
    })
    .unwrap();
    let start = Instant::now();
    let err = c
        .get(&server.url("/stall"), Expect::Html)
        .unwrap_err()
        .to_string();
    assert!(err.contains("timed out"), "{err}");
    assert!(start.elapsed() < Duration::from_secs(3));
}

/// A page of 400 bytes sent one byte every 100 ms: 40 seconds in all.
fn dripping_server() -> Server {
    Server::start(|_| Reply::Drip {
        content_type: "text/html",
        bytes: 400,
        every: Duration::from_millis(100),
    })
}

#[test]
fn a_dripping_body_fails_at_the_deadline() {
    let server = dripping_server();
    let c = Client::new(Settings {
        timeout: Duration::from_secs(2),
        min_rate_bytes: 0,
        ..Settings::default()
    })
    .unwrap();
    let url = server.url("/drip");
    let start = Instant::now();
    let err = c.get(&url, Expect::Html).unwrap_err().to_string();
    assert!(
        start.elapsed() < Duration::from_secs(10),
        "took {:?}",
        start.elapsed()
    );
    assert!(
        err.starts_with(&url) && err.contains("not complete after 2 s"),
        "{err}"
    );
    assert_eq!(
        server.count("/drip"),
        1,
        "a slow body is not asked for again"
    );
}

#[test]
fn a_body_under_the_minimum_rate_fails_before_the_deadline() {
    let server = dripping_server();
    let c = Client::new(Settings {
        timeout: Duration::from_secs(60),
        min_rate_bytes: 100,
        rate_window: Duration::from_secs(1),
        ..Settings::default()
    })
    .unwrap();
    let url = server.url("/slow");
    let start = Instant::now();
    let err = c.get(&url, Expect::Html).unwrap_err().to_string();
    assert!(
        start.elapsed() < Duration::from_secs(10),
        "took {:?}",
        start.elapsed()
    );
    assert!(
        err.starts_with(&url) && err.contains("under the minimum of 100 bytes per 1 s"),
        "{err}"
    );
}

#[test]
fn follows_a_redirect_chain_but_not_a_loop() {
    let server = Server::start(|r| match r.path.as_str() {
        "/1" => Reply::redirect("/2"),
        "/2" => Reply::redirect("/3"),
        "/3" => Reply::html("end"),
        "/loop-a" => Reply::redirect("/loop-b"),
        "/loop-b" => Reply::redirect("/loop-a"),
        "/far" => Reply::redirect("/far-1"),
        p => Reply::redirect(&format!("{p}-1")),
    });
    let page = client().get(&server.url("/1"), Expect::Html).unwrap();
    assert_eq!(
        (page.body.as_slice(), page.url.ends_with("/3")),
        (b"end".as_slice(), true)
    );
    let err = client()
        .get(&server.url("/loop-a"), Expect::Html)
        .unwrap_err()
        .to_string();
    assert!(err.contains("redirect loop"), "{err}");
    let err = client()
        .get(&server.url("/far"), Expect::Html)
        .unwrap_err()
        .to_string();
    assert!(err.contains("more than 5 redirects"), "{err}");
}

#[test]
fn refuses_bodies_over_the_cap_while_streaming() {
    let server = Server::start(|r| match r.path.as_str() {
        "/big" => Reply::html(vec![b'x'; 200_000]),
        _ => Reply::Endless {
            content_type: "text/html",
        },
    });
    let err = client()
        .get(&server.url("/big"), Expect::Html)
        .unwrap_err()
        .to_string();
    assert!(err.contains("100000-byte limit"), "{err}");
    let start = Instant::now();
    let err = client()
        .get(&server.url("/endless"), Expect::Html)
        .unwrap_err()
        .to_string();
    assert!(err.contains("100000-byte limit"), "{err}");
    assert!(
        start.elapsed() < Duration::from_secs(2),
        "endless body read too long"
    );
}

#[test]
fn checks_content_type_and_scheme() {
    let server = Server::start(|_| Reply::ok("image/jpeg", vec![0xFF, 0xD8]));
    let err = client()
        .get(&server.url("/photo"), Expect::Html)
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("expected an HTML page but the server sent image/jpeg"),
        "{err}"
    );
    let err = client()
        .get("file:///etc/passwd", Expect::Html)
        .unwrap_err()
        .to_string();
    assert!(err.contains("only http and https"), "{err}");
    let server = Server::start(|_| Reply::redirect("file:///etc/passwd"));
    assert!(client().get(&server.url("/sneaky"), Expect::Html).is_err());
}

#[test]
fn refuses_a_redirect_to_a_port_not_named() {
    let other = Server::start(|_| Reply::html("another service"));
    let to = other.url("/b");
    let server = Server::start(move |r| match r.path.as_str() {
        "/a" => Reply::redirect(&to),
        _ => Reply::redirect("/end"),
    });
    let err = client()
        .get(&server.url("/a"), Expect::Html)
        .unwrap_err()
        .to_string();
    assert!(
        err.contains(&format!(
            "refused redirect from {} to {}: another port of a host you named",
            server.url("/a"),
            other.url("/b")
        )),
        "{err}"
    );
    assert!(other.hits().is_empty(), "{:?}", other.hits());
    assert_eq!(server.count("/a"), 1, "a refusal is not retried");
}

#[test]
fn asks_robots_txt_of_every_host_a_redirect_reaches() {
    // 127.0.0.1 and localhost are one server on one port, but two hosts to
    // robots.txt: only localhost disallows /private/.
    let server = Server::start(|r| {
        let port = r
            .header("host")
            .unwrap_or("")
            .rsplit(':')
            .next()
            .unwrap_or("")
            .to_string();
        let on_localhost = r.header("host").unwrap_or("").starts_with("localhost");
        match r.path.as_str() {
            "/robots.txt" if on_localhost => {
                Reply::ok("text/plain", "User-agent: *\nDisallow: /private/\n")
            }
            "/robots.txt" => Reply::ok("text/plain", "User-agent: *\nAllow: /\n"),
            "/moved" => Reply::redirect(&format!("http://localhost:{port}/private/page")),
            "/moved-ok" => Reply::redirect(&format!("http://localhost:{port}/public/page")),
            _ => Reply::html("the page"),
        }
    });
    let c = client();
    let robots = RobotsCache::default();
    let err = c
        .get_gated(&server.url("/moved"), Expect::Html, &robots)
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("/private/page: robots.txt disallows it"),
        "{err}"
    );
    assert_eq!(server.count("/private/page"), 0);
    let page = c
        .get_gated(&server.url("/moved-ok"), Expect::Html, &robots)
        .unwrap();
    assert!(page.url.starts_with("http://localhost:") && page.body == b"the page");
    assert_eq!(server.count("/robots.txt"), 2, "one per host");
}
