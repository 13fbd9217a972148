//! Small text helpers every stage uses on titles, names and lines.

/// `s` in Unicode normalization form C: a letter and its combining marks
/// as one precomposed character where one exists ("e" + U+0301 → "é"),
/// so the text matches what readers type and fits legacy charsets.
pub fn nfc(s: &str) -> std::borrow::Cow<'_, str> {
    icu_normalizer::ComposingNormalizerBorrowed::new_nfc().normalize(s)
}

/// `s` on one line: runs of whitespace (newlines included) become one
/// space, and the ends are trimmed.
pub fn one_line(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// The lower-cased words of `s`, split at anything that is not a letter
/// or a digit: how titles and headings are compared.
pub fn words(s: &str) -> impl Iterator<Item = String> + '_ {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
}

/// Whether `c` is a Chinese, Japanese (kana) or Korean (Hangul) letter:
/// scripts written without spaces between words.
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30ff | 0x3400..=0x4dbf | 0x4e00..=0x9fff | 0xac00..=0xd7af)
}

/// `world` → `World`; names sections and titles that have none.
pub fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_composed() {
        assert_eq!(nfc("Cafe\u{301} on the quay"), "Café on the quay");
        assert_eq!(nfc("ক্ষ য\u{9bc}"), "ক্ষ য়");
        assert!(matches!(nfc("plain"), std::borrow::Cow::Borrowed(_)));
    }

    #[test]
    fn collapses_and_capitalises() {
        assert_eq!(one_line("  a\n\tb  c "), "a b c");
        assert_eq!(one_line(""), "");
        assert_eq!(capitalise("world"), "World");
        assert_eq!(capitalise("élan"), "Élan");
    }
}
