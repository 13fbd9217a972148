//! Embeds the shipped themes: every folder under themes/ with its
//! theme.yaml, templates/ and static/ files, so a binary installed alone
//! can build with, list and eject any of them; and names this build of
//! paperboy (`PAPERBOY_BUILD_ID`) for its caches.
//!
//! Paths are read from `CARGO_MANIFEST_DIR` when the script runs (not baked
//! in when it was compiled), so clones sharing one target folder each
//! embed their own themes.

use std::fmt::Write;
use std::path::{Path, PathBuf};

fn main() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets it"));
    let themes = manifest.join("themes");
    println!("cargo:rerun-if-changed={}", themes.display());
    let mut names: Vec<PathBuf> = std::fs::read_dir(&themes)
        .expect("themes/ exists")
        .map(|e| e.expect("readable themes/").path())
        .filter(|p| p.join("theme.yaml").is_file())
        .collect();
    names.sort();
    let mut out = String::from(
        "/// Shipped themes: (name, theme.yaml, templates as (path, text), static files as (path, bytes)).\n\
         const BUILTIN_THEMES: &[BuiltinTheme] = &[\n",
    );
    for dir in &names {
        let name = dir.file_name().unwrap().to_string_lossy().into_owned();
        let yaml = dir.join("theme.yaml");
        println!("cargo:rerun-if-changed={}", yaml.display());
        writeln!(
            out,
            "    BuiltinTheme {{ name: {name:?}, yaml: include_str!({:?}),",
            yaml.display().to_string()
        )
        .unwrap();
        out.push_str("        templates: &[\n");
        for (rel, path) in files(&dir.join("templates")) {
            writeln!(out, "            ({rel:?}, include_str!({path:?})),").unwrap();
        }
        out.push_str("        ],\n        statics: &[\n");
        for (rel, path) in files(&dir.join("static")) {
            writeln!(out, "            ({rel:?}, include_bytes!({path:?})),").unwrap();
        }
        out.push_str("        ],\n    },\n");
    }
    out.push_str("];\n");
    let dest = Path::new(&std::env::var("OUT_DIR").unwrap()).join("builtin_themes.rs");
    std::fs::write(dest, out).unwrap();
    build_id(&manifest);
}

/// `PAPERBOY_BUILD_ID`: a hash of everything that decides what a build
/// writes (the sources, the shipped themes, the dependency versions), so
/// caches and incremental builds made by another paperboy are not trusted.
fn build_id(manifest: &Path) {
    let mut files = Vec::new();
    for dir in ["src", "themes"] {
        collect(&manifest.join(dir), &manifest.join(dir), &mut files);
    }
    files.sort();
    files.push((
        "Cargo.lock".into(),
        manifest.join("Cargo.lock").display().to_string(),
    ));
    // FNV-1a, 64 bits: stable across toolchains, no dependency.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut feed = |bytes: &[u8]| {
        for b in bytes {
            hash ^= u64::from(*b);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    };
    feed(
        std::env::var("CARGO_PKG_VERSION")
            .unwrap_or_default()
            .as_bytes(),
    );
    for (rel, path) in &files {
        feed(rel.as_bytes());
        feed(&std::fs::read(path).unwrap_or_default());
    }
    println!(
        "cargo:rerun-if-changed={}",
        manifest.join("Cargo.lock").display()
    );
    println!("cargo:rustc-env=PAPERBOY_BUILD_ID={hash:016x}");
}

/// Every file under `dir` but hidden ones, as (relative path, absolute path), sorted.
fn files(dir: &Path) -> Vec<(String, String)> {
    let mut found = Vec::new();
    collect(dir, dir, &mut found);
    found.sort();
    found
}

fn collect(base: &Path, dir: &Path, files: &mut Vec<(String, String)>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    println!("cargo:rerun-if-changed={}", dir.display());
    for entry in entries {
        let path = entry.unwrap().path();
        if path.file_name().unwrap().to_string_lossy().starts_with('.') {
            continue;
        }
        if path.is_dir() {
            collect(base, &path, files);
        } else {
            println!("cargo:rerun-if-changed={}", path.display());
            let rel = path
                .strip_prefix(base)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            files.push((rel, path.display().to_string()));
        }
    }
}
