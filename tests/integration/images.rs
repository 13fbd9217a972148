//! `images: local`: images downloaded once into the cache (by `paperboy
//! images`, fetch or ingest), converted offline by the build, published
//! with a viewer page each; broken or missing ones link to the original.

use crate::server::{Reply, Server};
use crate::support::{TempSite, snapshot, stderr};
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

pub fn image_server() -> Server {
    let big = png(1024, 768);
    Server::start(move |r| match r.path.as_str() {
        "/photo.png" => Reply::ok("image/png", big.clone()),
        "/broken.jpg" => Reply::ok("image/jpeg", b"this is not a jpeg".to_vec()),
        _ => Reply::status(404),
    })
}

pub fn local_site(server: &Server, profile: &str) -> TempSite {
    let site = TempSite::fixture("site");
    // Only loopback images: the fixture's other article links to images on
    // the internet, which tests never touch.
    std::fs::remove_file(
        site.root()
            .join("content/world/2026-11-27-harbour-ferry.md"),
    )
    .unwrap();
    let config = std::fs::read_to_string(site.root().join("config.yaml")).unwrap();
    site.write(
        "config.yaml",
        &format!("{config}profile: {profile}\nimages:\n  mode: local\n"),
    );
    site.write(
        "content/world/2026-11-28-pictures.md",
        &format!(
            "---\ntitle: Pictures\ndate: 2026-11-28T12:00:00Z\nsource_url: {}\nimages:\n  - url: {}\n    alt: A broken one\n  - url: {}\n    alt: The harbour at dusk\n    caption: Boats come home as the lights go on.\n  - url: {}\n    alt: Gone\n---\nWords.\n",
            server.url("/pictures.html"),
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
    let out = site.run(&["images"]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "the 404 fails: {}",
        stderr(&out)
    );
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        text.contains("/missing.png") && text.contains("404"),
        "{text}"
    );
    assert!(
        text.contains("2 downloaded, 0 already in the cache, 1 failed"),
        "{text}"
    );

    let out = site.run(&["build"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("1 image is not in the image cache"), "{err}");
    assert!(
        err.contains("1 cached image could not be converted"),
        "{err}"
    );

    let article = site.page("world/pictures.html");
    let line = article
        .lines()
        .find(|l| l.contains("Article images:"))
        .unwrap();
    assert_eq!(
        line.matches("<a href=\"../images/").count(),
        1,
        "only the good image has a viewer page: {line}"
    );
    assert!(
        line.contains(&format!(
            "<a href=\"{}\">[1]</a>",
            server.url("/broken.jpg")
        )) && line.contains(&format!(
            "<a href=\"{}\">[3]</a>",
            server.url("/missing.png")
        )),
        "the others link to their originals: {line}"
    );
    let kb = line
        .split("[2]</a> ")
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
    assert!(
        viewer.contains("<p>Boats come home as the lights go on.</p>"),
        "the caption is shown under the image: {viewer}"
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

    // The build never goes online: with the server gone, a rebuild from
    // the cache is byte-identical, and no image was ever fetched twice.
    let online = snapshot(&site.public());
    assert_eq!(server.count("/photo.png"), 1);
    drop(server);
    site.build();
    assert_eq!(snapshot(&site.public()), online);
}

#[test]
fn ingest_fills_the_image_cache_for_an_offline_build() {
    let server = image_server();
    let site = TempSite::fixture("site");
    std::fs::remove_file(
        site.root()
            .join("content/world/2026-11-27-harbour-ferry.md"),
    )
    .unwrap();
    let config = std::fs::read_to_string(site.root().join("config.yaml")).unwrap();
    site.write("config.yaml", &format!("{config}images:\n  mode: local\n"));
    let page = format!(
        "<html><head><title>Harbour lights</title></head><body><article><h1>Harbour lights</h1>\
         <img src=\"{}\" alt=\"The harbour at dusk\"><p>{}</p></article></body></html>",
        server.url("/photo.png"),
        "The harbour lights were switched on again on Friday evening after a long repair. "
            .repeat(8)
    );
    site.write("saved/lights.html", &page);
    let out = site.run(&[
        "ingest",
        &site.root().join("saved/lights.html").to_string_lossy(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(server.count("/photo.png"), 1, "ingest downloads the image");
    drop(server);
    site.build();
    let article = std::fs::read_dir(site.public().join("world"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.to_string_lossy().contains("harbour-lights"))
        .unwrap();
    let html = String::from_utf8_lossy(&std::fs::read(article).unwrap()).into_owned();
    assert!(html.contains("../images/") && html.contains("KB"), "{html}");
}

#[test]
fn viewer_pages_are_valid_in_period_profiles() {
    let server = image_server();
    for profile in ["html2", "html32"] {
        let site = local_site(&server, profile);
        site.run(&["images"]);
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
