//! ASCII slugs and output file names that fit classic Mac volumes.
//!
//! Owns the rule "every default file name fits in 31 bytes": article pages
//! are `<slug>.html`, so a slug is at most [`MAX_SLUG`] bytes. Collision
//! handling across a section lives in `site`, which knows all the names.

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
}
