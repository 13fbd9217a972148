//! Incremental builds: a rebuild writes only files whose bytes change, a
//! rebuild with nothing changed writes nothing, and after any sequence of
//! edits the output is byte for byte what a clean build writes.

use crate::support::{TempSite, snapshot, stderr};
use std::collections::BTreeMap;
use std::os::unix::fs::MetadataExt;
use std::path::Path;

/// Every file under `dir` with its inode and modification time.
fn stamps(dir: &Path) -> BTreeMap<String, (u64, i64, i64)> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let m = e.metadata().unwrap();
            let rel = e
                .path()
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .into_owned();
            (rel, (m.ino(), m.mtime(), m.mtime_nsec()))
        })
        .collect()
}

fn article(title: &str, date: &str, body: &str) -> String {
    format!("---\ntitle: {title}\ndate: {date}\nsource_name: Test Wire\n---\n{body}\n")
}

/// A fixture site grown to `n` extra articles across its sections.
fn grown(n: usize) -> TempSite {
    let site = TempSite::fixture("site");
    for i in 0..n {
        let section = ["world", "sports", "science"][i % 3];
        site.write(
            &format!("content/{section}/2026-10-{:02}-story-{i}.md", i % 28 + 1),
            &article(
                &format!("Story number {i}"),
                &format!("2026-10-{:02}T{:02}:00:00Z", i % 28 + 1, i % 24),
                &format!("First paragraph of story {i}.\n\nSecond paragraph."),
            ),
        );
    }
    site
}

/// Builds a copy of `site`'s sources from scratch and returns its output.
fn clean_build(site: &TempSite) -> BTreeMap<String, Vec<u8>> {
    let clean = TempSite {
        dir: tempfile::tempdir().unwrap(),
    };
    for entry in walkdir::WalkDir::new(site.root()) {
        let entry = entry.unwrap();
        let rel = entry.path().strip_prefix(site.root()).unwrap();
        let first = rel
            .components()
            .next()
            .map(|c| c.as_os_str().to_string_lossy().into_owned());
        if matches!(first.as_deref(), Some("public" | ".paperboy")) {
            continue;
        }
        let to = clean.root().join(rel);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&to).unwrap();
        } else {
            std::fs::copy(entry.path(), &to).unwrap();
        }
    }
    clean.build();
    snapshot(&clean.public())
}

#[test]
fn a_rebuild_with_nothing_changed_writes_nothing() {
    let site = grown(30);
    site.build();
    let before = stamps(&site.public());
    // Touching a file without changing it changes nothing either.
    let path = site
        .root()
        .join("content/world/2026-11-27-harbour-ferry.md");
    let text = std::fs::read(&path).unwrap();
    std::fs::write(&path, text).unwrap();
    let out = site.run(&["build"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("nothing written")
            || stderr(&out).contains("0 files written")
            || stderr(&out).contains("nothing changed"),
        "{}",
        stderr(&out)
    );
    assert_eq!(stamps(&site.public()), before, "a file was rewritten");
}

#[test]
fn one_edit_writes_only_what_changes() {
    let site = grown(60);
    site.build();
    let before = snapshot(&site.public());
    let before_stamps = stamps(&site.public());
    // A new sentence at the end of one article: its summary is unchanged,
    // so only its own page changes bytes.
    let path = site.root().join("content/sports/2026-10-02-story-1.md");
    let mut text = std::fs::read_to_string(&path).unwrap();
    text.push_str("\nA third paragraph, added later.\n");
    std::fs::write(&path, text).unwrap();
    site.build();
    let after = snapshot(&site.public());
    let after_stamps = stamps(&site.public());
    let changed: Vec<&String> = after
        .keys()
        .filter(|k| before.get(*k) != after.get(*k))
        .collect();
    let touched: Vec<&String> = after_stamps
        .keys()
        .filter(|k| before_stamps.get(*k) != after_stamps.get(*k))
        .collect();
    assert_eq!(changed, ["sports/story-1.html"], "bytes changed");
    assert_eq!(touched, changed, "files written whose bytes did not change");
    assert_eq!(after, clean_build(&site));

    // A new article in one section leaves the other sections' pages alone.
    site.write(
        "content/science/2026-11-30-new-find.md",
        &article("A New Find", "2026-11-30T08:00:00Z", "Found today."),
    );
    let before_stamps = after_stamps;
    site.build();
    let after_stamps = stamps(&site.public());
    let touched: Vec<&String> = after_stamps
        .keys()
        .filter(|k| before_stamps.get(*k) != after_stamps.get(*k))
        .collect();
    assert!(
        touched.iter().any(|t| t.starts_with("science/")),
        "{touched:?}"
    );
    assert!(
        !touched
            .iter()
            .any(|t| t.starts_with("world/") || t.starts_with("sports/")),
        "pages of other sections were written: {touched:?}"
    );
    assert_eq!(snapshot(&site.public()), clean_build(&site));
}

/// A small deterministic pseudo-random sequence (no dependency needed).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n
    }
}

#[test]
fn random_edits_always_match_a_clean_build() {
    let site = grown(24);
    site.build();
    let mut rng = Lcg(20261201);
    let mut added = 0;
    for step in 0..24 {
        let files: Vec<String> = walkdir::WalkDir::new(site.root().join("content"))
            .into_iter()
            .map(Result::unwrap)
            .filter(|e| e.file_type().is_file())
            .map(|e| e.path().to_string_lossy().into_owned())
            .collect();
        let pick = files[rng.next(files.len())].clone();
        let what = match rng.next(8) {
            0 | 1 => {
                added += 1;
                let section = ["world", "sports", "science", "extra"][rng.next(4)];
                site.write(
                    &format!(
                        "content/{section}/2026-11-{:02}-added-{added}.md",
                        rng.next(28) + 1
                    ),
                    &article(
                        &format!("Added {added}"),
                        &format!("2026-11-{:02}", rng.next(28) + 1),
                        "New.",
                    ),
                );
                "add"
            }
            2 => {
                let text = std::fs::read_to_string(&pick).unwrap();
                std::fs::write(&pick, text.replacen("title: ", "title: Changed ", 1)).unwrap();
                "retitle"
            }
            3 => {
                let mut text = std::fs::read_to_string(&pick).unwrap();
                text.push_str("\nMore words at the end.\n");
                std::fs::write(&pick, text).unwrap();
                "extend"
            }
            4 => {
                std::fs::remove_file(&pick).unwrap();
                "delete"
            }
            5 => {
                let to = pick.replace(".md", "-moved.md");
                std::fs::rename(&pick, to).unwrap();
                "rename"
            }
            6 => {
                let config = std::fs::read_to_string(site.root().join("config.yaml")).unwrap();
                let per = rng.next(3) + 1;
                let changed = match config.find("per_section: ") {
                    Some(i) => format!("{}per_section: {per}{}", &config[..i], &config[i + 14..]),
                    None => config,
                };
                site.write("config.yaml", &changed);
                "config"
            }
            _ => {
                site.write(
                    "templates/back_link.html",
                    &format!("<p><a href=\"{{{{ root }}}}index.html\">Home {step}</a></p>\n"),
                );
                "template"
            }
        };
        let out = site.run(&["build"]);
        assert!(
            out.status.success(),
            "step {step} ({what}): {}",
            stderr(&out)
        );
        assert_eq!(
            snapshot(&site.public()),
            clean_build(&site),
            "step {step} ({what}): the incremental build differs from a clean one"
        );
    }
}
