//! Writing text and URLs into HTML that every browser since 1995 reads:
//! escaping with the references HTML 2.0 knows, which URL schemes may be
//! linked, and URLs reduced to ASCII so they survive any output charset.

use std::fmt::Write;

/// URL schemes a link may use; anything else loses its link.
pub const SAFE_SCHEMES: &[&str] = &[
    "http", "https", "ftp", "mailto", "gopher", "news", "nntp", "telnet",
];

/// Escapes text for HTML content or a double-quoted attribute. Uses only
/// entities every HTML version knows, and decimal references (HTML 2.0
/// and 3.2 have no hexadecimal ones, nor `&quot;`).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape_into(text, &mut out);
    out
}

/// [`escape`], appending to `out`.
pub fn escape_into(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&#34;"),
            _ => out.push(c),
        }
    }
}

/// A link is safe when it is relative or uses one of [`SAFE_SCHEMES`].
pub fn is_safe_url(url: &str) -> bool {
    let url = url.trim();
    // Browsers ignore control characters and whitespace inside a scheme.
    let compact: String = url
        .chars()
        .filter(|c| !c.is_ascii_control() && !c.is_whitespace())
        .collect();
    match compact.find(':') {
        Some(colon) => {
            let scheme = &compact[..colon];
            let before_path = compact.find(['/', '?', '#']).is_none_or(|i| colon < i);
            if !before_path {
                return true; // "a/b:c" is a relative path, not a scheme
            }
            SAFE_SCHEMES.iter().any(|s| scheme.eq_ignore_ascii_case(s))
        }
        None => true,
    }
}

/// Percent-encodes spaces and non-ASCII bytes so that a URL survives any
/// output charset unchanged.
pub fn url_to_ascii(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    for b in url.trim().bytes() {
        if b.is_ascii_graphic() {
            out.push(b as char);
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

/// `url` without a user name or password (`https://user:pass@host/x` →
/// `https://host/x`): credentials belong in config.yaml only, never in
/// content files or published pages. Anything that is not an absolute URL
/// is returned as it is.
pub fn without_credentials(url: &str) -> String {
    match url::Url::parse(url.trim()) {
        Ok(mut u) if !u.username().is_empty() || u.password().is_some() => {
            let _ = u.set_username("");
            let _ = u.set_password(None);
            u.to_string()
        }
        _ => url.trim().to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_with_period_references() {
        assert_eq!(escape("a & <b\" 'c'"), "a &amp; &lt;b&#34; 'c'");
    }

    #[test]
    fn urls_become_ascii() {
        assert_eq!(
            url_to_ascii("https://e.org/São Paulo"),
            "https://e.org/S%C3%A3o%20Paulo"
        );
        assert!(is_safe_url("world/a.html"));
        assert!(is_safe_url("a/b:c"));
        assert!(!is_safe_url("vbscript:x"));
        assert!(!is_safe_url(" JaVa\tScRiPt:alert(1)"));
    }

    #[test]
    fn credentials_are_stripped() {
        assert_eq!(
            without_credentials("https://u:p@e.org/feed"),
            "https://e.org/feed"
        );
        assert_eq!(
            without_credentials("https://u@e.org/a?b=1"),
            "https://e.org/a?b=1"
        );
        assert_eq!(without_credentials("https://e.org/a"), "https://e.org/a");
        assert_eq!(without_credentials("world/a.html"), "world/a.html");
    }
}
