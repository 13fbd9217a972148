//! Names of files: ASCII slugs that fit classic Mac volumes, the names of
//! list pages, and how a relative link resolves to a file.
//!
//! Owns the rules "every default file name fits in 31 bytes" (article
//! pages are `<slug>.html`, so a slug is at most [`MAX_SLUG`] bytes) and
//! "a section's list pages are `index.html`, `page2.html`, ..." (so no
//! article may take those names). Which slug each article gets is the
//! library's decision; it knows all the names.

/// HFS allows 31 bytes per file name; `.html` takes 5 of them.
pub const MAX_NAME: usize = 31;
/// The longest slug that still leaves room for `.html`.
pub const MAX_SLUG: usize = MAX_NAME - ".html".len();

/// Lowercase ASCII words joined by `-`, cut at a word boundary to `max` bytes.
/// Returns `"article"` for input with no letters or digits.
pub fn slugify(text: &str, max: usize) -> String {
    let ascii = deunicode::deunicode(text).to_ascii_lowercase();
    let mut slug = String::new();
    for word in ascii
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        let extra = if slug.is_empty() {
            word.len()
        } else {
            word.len() + 1
        };
        if slug.len() + extra > max {
            if slug.is_empty() {
                slug.push_str(&word[..max]);
            }
            break;
        }
        if !slug.is_empty() {
            slug.push('-');
        }
        slug.push_str(word);
    }
    if slug.is_empty() {
        "article".to_string()
    } else {
        slug
    }
}

/// Strips a leading `YYYY-MM-DD-` from a content file stem, so that
/// `2026-11-27-harbour-ferry` publishes as `harbour-ferry.html`.
pub fn strip_date_prefix(stem: &str) -> &str {
    let b = stem.as_bytes();
    let is_date = b.len() > 11
        && b[..10].iter().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        })
        && b[10] == b'-';
    if is_date { &stem[11..] } else { stem }
}

/// Makes `slug` unique against `taken` by appending `-2`, `-3`, ... while
/// keeping within [`MAX_SLUG`] bytes.
pub fn unique(slug: &str, taken: impl Fn(&str) -> bool) -> String {
    if !taken(slug) {
        return slug.to_string();
    }
    (2..)
        .map(|n| {
            let suffix = format!("-{n}");
            let keep = slug.len().min(MAX_SLUG - suffix.len());
            format!("{}{suffix}", slug[..keep].trim_end_matches('-'))
        })
        .find(|candidate| !taken(candidate))
        .expect("an unused suffix exists")
}

/// Page `n` (1-based) of a paginated list whose first page is `first`:
/// `world/index.html`, `world/page2.html`, ...; `archive.html`,
/// `archive2.html`, ...
pub fn paged_path(first: &str, n: usize) -> String {
    if n == 1 {
        return first.to_string();
    }
    match first.rsplit_once('/') {
        Some((dir, _)) => format!("{dir}/page{n}.html"),
        None => format!("{}{n}.html", first.trim_end_matches(".html")),
    }
}

/// Whether a page name (without `.html`) inside a section folder is one of
/// the section's list pages, which articles may not use.
pub fn is_list_page_name(stem: &str) -> bool {
    stem == "index"
        || stem
            .strip_prefix("page")
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
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

/// The relative prefix from a page to the site root: `""` or `"../"`, ...
pub fn root_for(page: &str) -> String {
    "../".repeat(page.matches('/').count())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_short_ascii_words() {
        let cases = [
            (
                "Harbour Council Backs Night Ferry Plan",
                "harbour-council-backs",
            ),
            ("Zoë’s “Café” in São Paulo", "zoe-s-cafe-in-sao-paulo"),
            ("東京 opens", "dong-jing-opens"),
            ("!!!", "article"),
            (
                "Supercalifragilisticexpialidocious-and-more",
                "supercalifragilisticexpi",
            ),
        ];
        for (title, want) in cases {
            let got = slugify(title, MAX_SLUG - 2);
            assert_eq!(got, want, "{title}");
            assert!(got.len() <= MAX_SLUG);
        }
    }

    #[test]
    fn strips_only_real_date_prefixes() {
        assert_eq!(
            strip_date_prefix("2026-11-27-harbour-ferry"),
            "harbour-ferry"
        );
        assert_eq!(strip_date_prefix("2026-11-27"), "2026-11-27");
        assert_eq!(strip_date_prefix("top-10-things"), "top-10-things");
    }

    #[test]
    fn unique_suffixes_stay_within_31_bytes() {
        let long = "a".repeat(MAX_SLUG);
        let got = unique(&long, |s| s == long);
        assert_eq!(got.len(), MAX_SLUG);
        assert!(got.ends_with("-2"));
        assert_eq!(
            unique("index", |s| s == "index" || s == "index-2"),
            "index-3"
        );
    }

    #[test]
    fn list_pages_and_links() {
        assert_eq!(paged_path("world/index.html", 1), "world/index.html");
        assert_eq!(paged_path("world/index.html", 3), "world/page3.html");
        assert_eq!(paged_path("archive.html", 2), "archive2.html");
        assert!(is_list_page_name("index") && is_list_page_name("page12"));
        assert!(!is_list_page_name("page") && !is_list_page_name("pages"));
        assert_eq!(root_for("world/a.html"), "../");
        assert_eq!(root_for("index.html"), "");
        assert_eq!(
            resolve("world/a.html", "../index.html#top").as_deref(),
            Some("index.html")
        );
        assert_eq!(
            resolve("world/a.html", "b.html?x").as_deref(),
            Some("world/b.html")
        );
        assert_eq!(resolve("a.html", "../x.html"), None);
    }
}

#[cfg(test)]
mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn slugs_are_short_lowercase_ascii(text in any::<String>(), max in 1usize..=MAX_SLUG) {
            let slug = slugify(&text, max);
            prop_assert!(!slug.is_empty());
            prop_assert!(slug.len() <= max.max("article".len()), "{:?}", slug);
            prop_assert!(slug.len() <= MAX_SLUG);
            prop_assert!(
                slug.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
                "{:?}",
                slug
            );
        }
    }
}
