//! `images: local`: images downloaded once, scaled down, published with a
//! viewer page each; broken ones skipped with a warning.

use crate::server::{Reply, Server};
use crate::support::{TempSite, stderr};
use std::io::Cursor;

fn png(width: u32, height: u32) -> Vec<u8> {
    let img = image::RgbImage::from_fn(width, height, |x, y| {
        image::Rgb([(x % 200) as u8, (y % 200) as u8, 90])
    });
    let mut out = Vec::new();
    img.write_to(&mut Cursor::new(&mut out), image::ImageFormat::Png)
        .unwrap();
    out
}

fn image_server() -> Server {
    let big = png(1024, 768);
    Server::start(move |r| match r.path.as_str() {
        "/photo.png" => Reply::ok("image/png", big.clone()),
        "/broken.jpg" => Reply::ok("image/jpeg", b"this is not a jpeg".to_vec()),
        _ => Reply::status(404),
    })
}

fn local_site(server: &Server, profile: &str) -> TempSite {
    let site = TempSite::fixture("site");
    let config = std::fs::read_to_string(site.root().join("config.yaml")).unwrap();
    site.write(
        "config.yaml",
        &format!("{config}profile: {profile}\nimages:\n  mode: local\n"),
    );
    site.write(
        "content/world/2026-11-28-pictures.md",
        &format!(
            "---\ntitle: Pictures\ndate: 2026-11-28T12:00:00Z\nsource_url: https://e.org/p\nimages:\n  - url: {}\n    alt: A broken one\n  - url: {}\n    alt: The harbour at dusk\n  - url: {}\n    alt: Gone\n---\nWords.\n",
            server.url("/broken.jpg"),
            server.url("/photo.png"),
            server.url("/missing.png")
        ),
    );
    site
}

#[test]
fn local_images_are_scaled_published_and_viewable() {
    let server = image_server();
    let site = local_site(&server, "html32");
    let out = site.run(&["build"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("skipping image") && err.contains("/broken.jpg"),
        "{err}"
    );
    assert!(err.contains("/missing.png") && err.contains("404"), "{err}");

    let article = site.page("world/pictures.html");
    let line = article
        .lines()
        .find(|l| l.contains("Article images:"))
        .unwrap();
    assert_eq!(
        line.matches("<a href=\"../images/").count(),
        1,
        "only the good image is listed: {line}"
    );
    let kb = line
        .split("[1]</a> ")
        .nth(1)
        .unwrap()
        .split(" KB")
        .next()
        .unwrap();
    assert!(kb.parse::<u64>().unwrap() >= 1, "{line}");

    let viewer_rel = line
        .split("href=\"../")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap();
    let viewer = site.page(viewer_rel);
    assert!(
        viewer.contains("href=\"../world/pictures.html\">&lt; Back to the article"),
        "{viewer}"
    );
    assert!(
        viewer.contains("width=\"456\" height=\"342\""),
        "scaled to fit 512 x 342: {viewer}"
    );
    let src = viewer
        .split("<img src=\"../")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap();
    assert!(src.starts_with("img/") && src.ends_with(".gif"));
    let gif = image::load_from_memory(&std::fs::read(site.public().join(src)).unwrap()).unwrap();
    assert_eq!((gif.width(), gif.height()), (456, 342));

    let check = site.run(&["check"]);
    assert_eq!(
        check.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&check.stdout)
    );

    // A rebuild uses the cache: the image is never fetched twice.
    site.build();
    assert_eq!(server.count("/photo.png"), 1);
}

#[test]
fn viewer_pages_are_valid_in_period_profiles() {
    let server = image_server();
    for profile in ["html2", "html32"] {
        let site = local_site(&server, profile);
        site.build();
        let script = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(".ci/validate-html");
        let out = std::process::Command::new("bash")
            .arg(script)
            .arg(site.public())
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{profile}: {}",
            String::from_utf8_lossy(&out.stdout)
        );
    }
}

#[test]
fn no_images_at_all_with_mode_none() {
    let site = TempSite::fixture("site");
    let config = std::fs::read_to_string(site.root().join("config.yaml")).unwrap();
    site.write("config.yaml", &format!("{config}images:\n  mode: none\n"));
    site.build();
    assert!(
        !site
            .page("world/harbour-ferry.html")
            .contains("Article images")
    );
}
