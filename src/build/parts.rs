//! Long articles in parts, for old machines: a body whose page would be
//! larger than the page budget is cut into parts at the boundaries between
//! its top-level blocks (paragraphs, lists, tables), never inside one.
//!
//! Owns where the cuts go and what the parts are called: the first part
//! keeps the article's URL (`world/ferry.html`), the others go in a folder
//! named after it (`world/ferry/2.html`, `world/ferry/3.html`), so no
//! part can take the name of another article and every name still fits
//! in 31 bytes. Rendering the parts is `pages`'.

use crate::vocabulary::Charset;
use crate::vocabulary::charset::encode_page;

/// The path of part `n` (1-based) of the article at `url`.
pub fn part_path(url: &str, n: usize) -> String {
    if n == 1 {
        url.to_string()
    } else {
        format!("{}/{n}.html", url.trim_end_matches(".html"))
    }
}

/// Cuts `body` (an HTML fragment) into parts of at most `budget` bytes once
/// encoded for `charset`, filling each part with whole top-level blocks. A
/// single block larger than the budget is a part of its own. Returns one
/// part when the body fits.
pub fn split(body: &str, budget: usize, charset: Charset) -> Vec<String> {
    let mut parts: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut size = 0;
    for block in blocks(body) {
        let bytes = encode_page(block, charset).len();
        if size > 0 && size + bytes > budget {
            parts.push(std::mem::take(&mut current));
            size = 0;
        }
        current.push_str(block);
        size += bytes;
    }
    if !current.trim().is_empty() || parts.is_empty() {
        parts.push(current);
    }
    parts
}

/// The top-level blocks of an HTML fragment, each with what follows it up
/// to the next block (a newline). Tags are counted, so a block ends where
/// the nesting returns to the top.
fn blocks(html: &str) -> Vec<&str> {
    const VOID: &[&str] = &[
        "br", "hr", "img", "meta", "link", "input", "area", "base", "col", "wbr",
    ];
    let mut out = Vec::new();
    let (mut depth, mut start, mut i) = (0usize, 0usize, 0usize);
    let bytes = html.as_bytes();
    while i < bytes.len() {
        if bytes[i] != b'<' {
            i += 1;
            continue;
        }
        let Some(end) = html[i..].find('>').map(|e| i + e + 1) else {
            break;
        };
        let tag = &html[i + 1..end - 1];
        let closing = tag.starts_with('/');
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        if closing {
            depth = depth.saturating_sub(1);
        } else if !VOID.contains(&name.as_str()) && !tag.ends_with('/') && !name.is_empty() {
            depth += 1;
        }
        i = end;
        if depth == 0 && !name.is_empty() {
            // Take the newline after the block with it.
            while i < bytes.len() && bytes[i] == b'\n' {
                i += 1;
            }
            out.push(&html[start..i]);
            start = i;
        }
    }
    if start < html.len() {
        out.push(&html[start..]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cuts_between_blocks_never_inside() {
        let body =
            "<p>one one one</p>\n<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n<hr>\n<p>two two</p>\n";
        assert_eq!(
            blocks(body),
            [
                "<p>one one one</p>\n",
                "<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n",
                "<hr>\n",
                "<p>two two</p>\n"
            ]
        );
        let parts = split(body, 25, Charset::Latin1);
        assert_eq!(parts.concat(), body, "nothing lost or repeated");
        assert!(parts.len() >= 3, "{parts:?}");
        assert!(parts.iter().all(|p| p.starts_with('<')));
        assert_eq!(split(body, 10_000, Charset::Latin1), [body]);
    }

    #[test]
    fn parts_live_beside_their_article() {
        assert_eq!(part_path("world/ferry.html", 1), "world/ferry.html");
        assert_eq!(part_path("world/ferry.html", 3), "world/ferry/3.html");
    }
}
