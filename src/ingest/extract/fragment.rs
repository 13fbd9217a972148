//! HTML fragments that are already the article, such as a feed item's
//! content: sanitised and converted like an extracted body, with no
//! Readability pass.

use super::{sanitize, to_markdown};
use url::Url;

/// Sanitises `html` (links made absolute against `base`) and converts it to
/// Markdown.
pub fn fragment_to_markdown(html: &str, base: Option<&Url>) -> String {
    to_markdown::to_markdown(&sanitize::sanitize(html, base))
}
