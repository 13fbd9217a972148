//! Paths relative to a folder, written with `/` whatever the platform: the
//! form content files, templates and output files are named by everywhere.

use std::path::Path;

/// `path` relative to `root` (which must contain it), with `/` separators.
pub fn relative(root: &Path, path: &Path) -> String {
    let rel = path
        .strip_prefix(root)
        .expect("the path lies below its root");
    let parts: Vec<_> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    parts.join("/")
}

/// The file a relative `link` on the page at `page` (both relative to the
/// site root) points to, as a browser resolves it from file://; `None`
/// when it climbs out of the site.
pub fn resolve(page: &str, link: &str) -> Option<String> {
    let path = link.split(['#', '?']).next().unwrap_or("");
    let mut parts: Vec<&str> = page.split('/').collect();
    parts.pop();
    for seg in path.split('/') {
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

#[cfg(test)]
mod tests {
    #[test]
    fn joins_with_slashes() {
        let root = std::path::Path::new("site");
        assert_eq!(
            super::relative(root, &root.join("world").join("a.md")),
            "world/a.md"
        );
    }

    #[test]
    fn resolves_links_like_a_browser() {
        assert_eq!(
            super::resolve("world/a.html", "../index.html#top").as_deref(),
            Some("index.html")
        );
        assert_eq!(
            super::resolve("world/a.html", "b.html?x").as_deref(),
            Some("world/b.html")
        );
        assert_eq!(super::resolve("a.html", "../x.html"), None);
    }
}
