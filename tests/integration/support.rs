//! Helpers shared by the integration tests: fixture sites in temporary
//! folders, running the binary, and reading the built output.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A fixture site copied into a temporary folder (removed on drop).
pub struct TempSite {
    pub dir: tempfile::TempDir,
}

impl TempSite {
    /// Copies `tests/fixtures/<name>` into a fresh temporary folder.
    pub fn fixture(name: &str) -> TempSite {
        let dir = tempfile::tempdir().unwrap();
        let from = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(name);
        copy_dir(&from, dir.path());
        TempSite { dir }
    }

    /// The demo site at the repository's root (config.yaml and content/)
    /// in a fresh temporary folder, with `extra` added to its config.
    pub fn demo(extra: &str) -> TempSite {
        let dir = tempfile::tempdir().unwrap();
        let from = Path::new(env!("CARGO_MANIFEST_DIR"));
        copy_dir(&from.join("content"), &dir.path().join("content"));
        let config = std::fs::read_to_string(from.join("config.yaml")).unwrap();
        std::fs::write(dir.path().join("config.yaml"), format!("{config}{extra}")).unwrap();
        TempSite { dir }
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    pub fn public(&self) -> PathBuf {
        self.root().join("public")
    }

    /// Writes (or replaces) a file in the site.
    pub fn write(&self, rel: &str, text: &str) {
        let path = self.root().join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }

    /// Runs `paperboy <args> --root <site>`.
    pub fn run(&self, args: &[&str]) -> Output {
        paperboy(self.root(), args)
    }

    /// Builds the site with the binary and panics with its stderr on failure.
    pub fn build(&self) {
        let out = self.run(&["build"]);
        assert!(
            out.status.success(),
            "build failed:\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }

    /// Reads a built page, decoding Latin-1 bytes.
    pub fn page(&self, rel: &str) -> String {
        let bytes = std::fs::read(self.public().join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"));
        bytes.iter().map(|&b| b as char).collect()
    }
}

/// Runs the paperboy binary with `--root root`.
pub fn paperboy(root: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_paperboy"))
        .args(args)
        .arg("--root")
        .arg(root)
        .output()
        .unwrap()
}

pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let dest = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&dest).unwrap();
        } else {
            std::fs::copy(entry.path(), &dest).unwrap();
        }
    }
}

/// Every file under `dir`, by relative path, with its bytes.
pub fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e
                .path()
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            (rel, std::fs::read(e.path()).unwrap())
        })
        .collect()
}

/// The values of every `href="..."` and `src="..."` in a page, in order.
pub fn links(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    for attr in ["href=\"", "src=\""] {
        let mut rest = html;
        while let Some(i) = rest.find(attr) {
            rest = &rest[i + attr.len()..];
            let end = rest.find('"').unwrap();
            out.push(rest[..end].replace("&amp;", "&"));
            rest = &rest[end..];
        }
    }
    out
}

/// Resolves a relative link from the page at `page` (relative path) the way
/// a browser does from file://, returning the target's relative path. Kept
/// apart from `paperboy::fs::resolve` on purpose: the tests check the
/// site's links with their own resolver, not the one `check` uses.
pub fn resolve(page: &str, link: &str) -> Option<String> {
    let link = link.split(['#', '?']).next().unwrap();
    let mut parts: Vec<&str> = page.split('/').collect();
    parts.pop();
    for seg in link.split('/') {
        match seg {
            ".." => {
                parts.pop()?;
            }
            "." | "" => {}
            s => parts.push(s),
        }
    }
    Some(parts.join("/"))
}

/// Whether a link leaves the site (has a scheme).
pub fn is_external(link: &str) -> bool {
    link.split_once(':').is_some_and(|(scheme, _)| {
        scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '+')
    })
}
