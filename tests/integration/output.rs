//! The output folder loses nothing: paperboy deletes only what it wrote,
//! keeps `.git` and other files it did not write, refuses a folder with no
//! trace of a build unless told, swaps builds in one step, and a build
//! killed at any step of the swap leaves a whole site that the next build
//! tidies up.

use crate::support::{TempSite, snapshot, stderr};
use std::collections::BTreeMap;
use std::path::Path;

/// A gh-pages style checkout: a `.git` folder, a CNAME and notes.
fn checkout(dir: &Path) {
    for (rel, text) in [
        (".git/HEAD", "ref: refs/heads/gh-pages\n"),
        (".git/objects/ab/cdef", "blob"),
        ("CNAME", "news.example.org\n"),
        ("thesis.txt", "four years of work"),
    ] {
        let path = dir.join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    std::fs::create_dir_all(dir.join(".git/refs/tags")).unwrap();
}

fn foreign(files: &BTreeMap<String, Vec<u8>>) -> BTreeMap<String, Vec<u8>> {
    files
        .iter()
        .filter(|(k, _)| k.starts_with(".git/") || *k == "CNAME" || *k == "thesis.txt")
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect()
}

/// Folders beside the output left by a build.
fn leftovers(site: &TempSite) -> Vec<String> {
    std::fs::read_dir(site.root())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".paperboy-build-") || n.starts_with(".paperboy-old-"))
        .collect()
}

#[test]
fn a_folder_with_no_build_is_refused_and_kept_whole() {
    let site = TempSite::fixture("site");
    checkout(&site.public());
    let before = snapshot(&site.public());
    let out = site.run(&["build"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains(&site.public().display().to_string()) && err.contains("--force"),
        "{err}"
    );
    assert_eq!(snapshot(&site.public()), before);
}

#[test]
fn only_what_paperboy_wrote_is_ever_replaced_or_deleted() {
    let site = TempSite::fixture("site");
    checkout(&site.public());
    let theirs = foreign(&snapshot(&site.public()));
    let out = site.run(&["build", "--force"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("kept 4 files paperboy did not write"),
        "{}",
        stderr(&out)
    );
    let built = snapshot(&site.public());
    assert_eq!(
        foreign(&built),
        theirs,
        "files paperboy did not write changed"
    );
    assert!(
        site.public().join(".git/refs/tags").is_dir(),
        "empty folders of .git kept"
    );
    assert!(built.contains_key("index.html") && built.contains_key(".paperboy-manifest"));
    let manifest = String::from_utf8(built[".paperboy-manifest"].clone()).unwrap();
    assert!(manifest.lines().any(|l| l == "index.html"));
    assert!(!manifest.contains("thesis.txt") && !manifest.contains(".git"));

    // A later build deletes a page whose article is gone, and nothing else.
    std::fs::remove_file(site.root().join("content/sports/2026-11-28-cup-final.md")).unwrap();
    site.write("public/notes-added-later.txt", "mine");
    let out = site.run(&["build"]);
    assert!(
        out.status.success(),
        "a build with a manifest needs no --force"
    );
    let after = snapshot(&site.public());
    assert!(
        !after.contains_key("sports/cup-final.html"),
        "stale page removed"
    );
    assert_eq!(foreign(&after), theirs);
    assert_eq!(after["notes-added-later.txt"], b"mine");
    assert!(leftovers(&site).is_empty(), "{:?}", leftovers(&site));
}

#[test]
fn a_file_paperboy_did_not_write_wins_over_its_own() {
    let site = TempSite::fixture("site");
    site.build();
    // The user replaces robots.txt with their own, after the build.
    site.write("public/robots.txt", "User-agent: *\nDisallow: /\n");
    let out = site.run(&["build"]);
    // robots.txt is in the manifest: it is paperboy's, rewritten.
    assert!(out.status.success());
    assert!(site.page("robots.txt").contains("Allow: /"));
    // A file it never wrote, at a name it now writes, is kept.
    std::fs::remove_dir_all(site.public()).unwrap();
    site.write("public/404.html", "my own 404");
    assert!(site.run(&["build", "--force"]).status.success());
    assert_eq!(site.page("404.html"), "my own 404");
}

#[test]
fn a_build_killed_at_any_step_of_the_swap_loses_nothing() {
    for step in ["staged", "carried", "exchanged", "set-aside", "in-place"] {
        let site = TempSite::fixture("site");
        // Enough articles that one more changes few of the site's pages.
        let filler = |site: &TempSite| {
            for n in 0..40 {
                site.write(
                    &format!("content/science/2026-10-{:02}-note-{n}.md", n % 28 + 1),
                    &format!(
                        "---\ntitle: Note {n}\ndate: 2026-10-{:02}\n---\nA note.\n",
                        n % 28 + 1
                    ),
                );
            }
        };
        filler(&site);
        checkout(&site.public());
        assert!(site.run(&["build", "--force"]).status.success());
        let old = snapshot(&site.public());
        site.write(
            "content/world/2026-11-29-late-news.md",
            "---\ntitle: Late News\ndate: 2026-11-29\n---\nJust in.\n",
        );
        if step != "in-place" {
            // A new title changes every page: the whole site is staged and swapped.
            let config = std::fs::read_to_string(site.root().join("config.yaml")).unwrap();
            site.write(
                "config.yaml",
                &config.replace("Fixture Times", "Fixture Tribune"),
            );
        }
        let killed = std::process::Command::new(env!("CARGO_BIN_EXE_paperboy"))
            .args(["-q", "build", "--root"])
            .arg(site.root())
            .env("PAPERBOY_ABORT_AT", step)
            .output()
            .unwrap();
        assert!(
            !killed.status.success(),
            "{step}: the build was not stopped"
        );
        if step == "set-aside" {
            // Between the two renames of platforms without an exchange, the
            // output is briefly gone; the old build waits beside it.
            assert!(!site.public().exists(), "{step}");
        } else if step == "in-place" {
            // Killed while replacing the changed files one by one: every
            // file is whole, old or new; the next build completes it.
            let now = snapshot(&site.public());
            assert!(now.contains_key("world/late-news.html"), "{step}");
            assert_eq!(foreign(&now), foreign(&old), "{step}");
        } else {
            let now = snapshot(&site.public());
            assert!(
                now == old || now.contains_key("world/late-news.html"),
                "{step}: output is neither the old build nor the new one"
            );
            assert_eq!(foreign(&now), foreign(&old), "{step}");
        }
        // The next build puts back or finishes whatever was cut short.
        let out = site.run(&["build"]);
        assert!(out.status.success(), "{step}: {}", stderr(&out));
        let after = snapshot(&site.public());
        assert!(after.contains_key("world/late-news.html"), "{step}");
        assert_eq!(
            foreign(&after),
            foreign(&old),
            "{step}: foreign files changed"
        );
        // The same bytes as a clean build.
        let clean = TempSite::fixture("site");
        filler(&clean);
        std::fs::copy(
            site.root().join("config.yaml"),
            clean.root().join("config.yaml"),
        )
        .unwrap();
        clean.write(
            "content/world/2026-11-29-late-news.md",
            "---\ntitle: Late News\ndate: 2026-11-29\n---\nJust in.\n",
        );
        clean.build();
        let ours: BTreeMap<_, _> = after
            .iter()
            .filter(|(k, _)| !foreign(&after).contains_key(*k))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        assert_eq!(
            ours,
            snapshot(&clean.public()),
            "{step}: differs from a clean build"
        );
        assert!(
            leftovers(&site).is_empty(),
            "{step}: {:?}",
            leftovers(&site)
        );
    }
}

#[test]
fn two_builds_of_one_site_never_run_at_once() {
    let site = TempSite::fixture("site");
    let lock = site.root().join(".paperboy/build.lock");
    std::fs::create_dir_all(lock.parent().unwrap()).unwrap();
    let file = std::fs::File::create(&lock).unwrap();
    file.lock().unwrap();
    let out = site.run(&["build"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("another build is running"),
        "{}",
        stderr(&out)
    );
    drop(file);
    site.build();
}
