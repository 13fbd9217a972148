//! Output charsets: folding typography, transliterating what a legacy
//! charset lacks, and encoding a finished page to bytes.
//!
//! This module owns the promise "zero characters outside the declared
//! charset": every HTML page goes through [`encode_page`] last, every
//! plain-text file through [`encode_text`]. It knows nothing about
//! templates or Markdown; it works on finished text.

use serde::Deserialize;

/// The bytes on the wire, chosen by `charset:` in config.yaml.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Charset {
    /// 7-bit US-ASCII: everything else is transliterated.
    Ascii,
    /// True ISO-8859-1 (not windows-1252: nothing lands in 0x80–0x9F).
    #[default]
    Latin1,
    /// Mac OS Roman, for classic Macintosh browsers (the characters it
    /// shares with Latin-1).
    Macroman,
    /// UTF-8, for the `modern` profile.
    #[serde(rename = "utf-8", alias = "utf8")]
    Utf8,
}

impl Charset {
    /// The label declared in the page's `<meta>` tag.
    pub fn label(self) -> &'static str {
        match self {
            Charset::Ascii => "US-ASCII",
            Charset::Latin1 => "ISO-8859-1",
            Charset::Macroman => "x-mac-roman",
            Charset::Utf8 => "UTF-8",
        }
    }

    /// The charset a label names: the names config.yaml uses (`latin1`) and
    /// the labels pages declare (`ISO-8859-1`, `x-mac-roman`), any case.
    /// The one parser of charset labels; decoding input pages uses the
    /// WHATWG labels instead (see `ingest::decode`).
    pub fn from_label(label: &str) -> Option<Charset> {
        match label.trim().to_ascii_lowercase().as_str() {
            "ascii" | "us-ascii" => Some(Charset::Ascii),
            "latin1" | "iso-8859-1" | "iso_8859-1" | "l1" => Some(Charset::Latin1),
            "macroman" | "x-mac-roman" | "macintosh" | "mac" => Some(Charset::Macroman),
            "utf-8" | "utf8" => Some(Charset::Utf8),
            _ => None,
        }
    }

    /// The name used in config.yaml.
    pub fn name(self) -> &'static str {
        match self {
            Charset::Ascii => "ascii",
            Charset::Latin1 => "latin1",
            Charset::Macroman => "macroman",
            Charset::Utf8 => "utf-8",
        }
    }

    /// Whether `c` can be written as-is in this charset.
    pub fn can_encode(self, c: char) -> bool {
        match self {
            Charset::Ascii => c.is_ascii(),
            Charset::Latin1 => (c as u32) < 0x80 || (0xA0..=0xFF).contains(&(c as u32)),
            // Only what Mac OS Roman shares with Latin-1: the period SGML
            // declarations (and so DTD validation) know no other characters.
            Charset::Macroman => {
                c.is_ascii()
                    || ((c as u32) >= 0xA0 && (c as u32) <= 0xFF && mac_roman_byte(c).is_some())
            }
            Charset::Utf8 => true,
        }
    }
}

/// Replacement for typographic characters that old browsers and legacy
/// charsets handle badly. Applied for every charset but UTF-8, before
/// transliteration, so `“` becomes `"` even where the charset has `“`.
fn fold_typography(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{2039}'
        | '\u{203A}' => "'",
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' => "\"",
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}'
        | '\u{2212}' => "-",
        '\u{2026}' => "...",
        '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => " ",
        '\u{00AD}' | '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' => "",
        '\u{2022}' | '\u{2023}' | '\u{2043}' | '\u{2605}' => "*",
        // A white star is an empty rating star: ★★★★☆ must not read as five.
        '\u{2606}' => "-",
        '\u{20AC}' => "EUR",
        '\u{2122}' => "(TM)",
        _ => return None,
    })
}

/// Characters no SGML declaration of the period accepts: C0 controls other
/// than tab and newlines, DEL and the C1 range.
fn is_forbidden_control(c: char) -> bool {
    let n = c as u32;
    (n < 0x20 && !matches!(c, '\t' | '\n' | '\r')) || (0x7F..0xA0).contains(&n)
}

/// Folds and transliterates `text` so that every character fits `charset`.
/// Plain text in, plain text out: for text that is not HTML (the plain
/// text, Gopher and e-book outputs), or not yet.
pub fn fold_text(text: &str, charset: Charset) -> String {
    let mut out = String::with_capacity(text.len());
    fold_into(text, charset, &mut out, |s, out| out.push_str(s));
    out
}

/// Folds, transliterates and encodes a finished HTML page. Replacement text
/// that would be markup (`<`, `&`, or `"` inside a tag) is escaped, so
/// transliteration can never break the page's structure.
pub fn encode_page(html: &str, charset: Charset) -> Vec<u8> {
    let mut folded = String::with_capacity(html.len() + html.len() / 16);
    let mut in_tag = false;
    let mut last = 0;
    // Split the page at tag boundaries so replacements know where they land.
    for (i, c) in html.char_indices() {
        if c == '<' || c == '>' {
            push_folded(&html[last..i], charset, in_tag, &mut folded);
            folded.push(c);
            in_tag = c == '<';
            last = i + 1;
        }
    }
    push_folded(&html[last..], charset, in_tag, &mut folded);
    to_bytes(&folded, charset)
}

fn push_folded(text: &str, charset: Charset, in_tag: bool, out: &mut String) {
    fold_into(text, charset, out, |s, out| {
        for c in s.chars() {
            match c {
                '&' => out.push_str("&amp;"),
                '<' => out.push_str("&lt;"),
                '>' => out.push_str("&gt;"),
                '"' if in_tag => out.push_str("&#34;"),
                _ => out.push(c),
            }
        }
    });
}

/// The shared folding loop: characters that fit are copied, the rest go
/// through `emit` (which may escape them) after folding or transliteration.
fn fold_into(text: &str, charset: Charset, out: &mut String, emit: impl Fn(&str, &mut String)) {
    let mut run = String::new();
    let flush = |run: &mut String, out: &mut String| {
        if !run.is_empty() {
            let ascii = deunicode::deunicode_with_tofu(run, "?");
            // deunicode spaces CJK syllables; no space belongs before punctuation.
            let ascii = ascii.replace(" ,", ",").replace(" .", ".");
            emit(ascii.trim_end_matches(' '), out);
            run.clear();
        }
    };
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if is_forbidden_control(c) {
            continue;
        }
        if let Some(s) = fold_typography(c).filter(|_| charset != Charset::Utf8) {
            flush(&mut run, out);
            // A symbol that becomes a word ("€5" → "EUR 5", "5€" → "5 EUR")
            // needs spaces to stay apart from the letters and digits around it.
            let word = s.starts_with(|w: char| w.is_ascii_alphabetic());
            if word && out.ends_with(|p: char| p.is_alphanumeric()) {
                out.push(' ');
            }
            emit(s, out);
            if word && chars.peek().is_some_and(|n| n.is_alphanumeric()) {
                out.push(' ');
            }
            continue;
        }
        if charset.can_encode(c) {
            flush(&mut run, out);
            out.push(c);
        } else {
            // Runs are transliterated together so that CJK words keep
            // their spacing ("Dong Jing", not "DongJing").
            run.push(c);
        }
    }
    flush(&mut run, out);
}

/// Folds, transliterates and encodes plain text (no markup to protect).
pub fn encode_text(text: &str, charset: Charset) -> Vec<u8> {
    to_bytes(&fold_text(text, charset), charset)
}

/// Encodes text whose characters all fit `charset` (as [`fold_text`] and
/// [`encode_page`] guarantee).
fn to_bytes(text: &str, charset: Charset) -> Vec<u8> {
    match charset {
        Charset::Utf8 => text.as_bytes().to_vec(),
        Charset::Ascii | Charset::Latin1 => text
            .chars()
            .filter_map(|c| u8::try_from(c as u32).ok())
            .collect(),
        Charset::Macroman => text
            .chars()
            .filter_map(|c| {
                if c.is_ascii() {
                    Some(c as u8)
                } else {
                    mac_roman_byte(c)
                }
            })
            .collect(),
    }
}

/// The Mac OS Roman byte for a non-ASCII character, if it has one.
fn mac_roman_byte(c: char) -> Option<u8> {
    use std::sync::OnceLock;
    static TABLE: OnceLock<Vec<(char, u8)>> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        // encoding_rs knows Mac Roman as "macintosh"; decoding the high half
        // gives the table without hand-copying 128 code points.
        let high: Vec<u8> = (0x80..=0xFF).collect();
        let (decoded, _) = encoding_rs::MACINTOSH.decode_without_bom_handling(&high);
        let mut pairs: Vec<(char, u8)> = decoded.chars().zip(0x80..=0xFFu8).collect();
        pairs.sort_unstable();
        pairs
    });
    table
        .binary_search_by_key(&c, |&(ch, _)| ch)
        .ok()
        .map(|i| table[i].1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_and_transliterates_per_charset() {
        let cases = [
            ("“Café” – naïve…", Charset::Latin1, "\"Café\" - naïve..."),
            ("“Café” – naïve…", Charset::Ascii, "\"Cafe\" - naive..."),
            ("“Café” – naïve…", Charset::Macroman, "\"Café\" - naïve..."),
            ("“Café” – naïve…", Charset::Utf8, "“Café” – naïve…"),
            (
                "Zoë Müller, São Paulo",
                Charset::Latin1,
                "Zoë Müller, São Paulo",
            ),
            (
                "Zoë Müller, São Paulo",
                Charset::Ascii,
                "Zoe Muller, Sao Paulo",
            ),
            (
                "Жанна в 東京 today",
                Charset::Latin1,
                "Zhanna v Dong Jing today",
            ),
            (
                "price € 5™ • a\u{00A0}b",
                Charset::Latin1,
                "price EUR 5(TM) * a b",
            ),
            ("Kraków Łódź", Charset::Latin1, "Kraków Lódz"),
            ("rated ★★★★☆", Charset::Ascii, "rated ****-"),
            ("½ × œ ü", Charset::Macroman, "1/2 x oe ü"),
            ("ctrl\u{0007}\u{0085}x", Charset::Latin1, "ctrlx"),
        ];
        for (input, charset, want) in cases {
            assert_eq!(fold_text(input, charset), want, "{input:?} as {charset:?}");
        }
    }

    /// Reviewed goldens: titles and text in eight languages, per legacy charset.
    #[test]
    fn golden_languages() {
        let cases = [
            (
                "« Ça coûte 5 € », dit l’élève à Noël — où ?",
                "<< Ca coute 5 EUR >>, dit l'eleve a Noel - ou ?",
                "« Ça coûte 5 EUR », dit l'élève à Noël - où ?",
            ),
            (
                "Größere Brücken über die Straße – „Grüße“",
                "Grossere Brucken uber die Strasse - \"Grusse\"",
                "Größere Brücken über die Straße - \"Grüße\"",
            ),
            (
                "Zażółć gęślą jaźń w Łodzi",
                "Zazolc gesla jazn w Lodzi",
                "Zazólc gesla jazn w Lodzi",
            ),
            (
                "İstanbul’da ılık hava, şöyle",
                "Istanbul'da ilik hava, soyle",
                "Istanbul'da ilik hava, söyle",
            ),
            (
                "Привет, мир! Съезд в Москве",
                "Privet, mir! S'ezd v Moskve",
                "Privet, mir! S'ezd v Moskve",
            ),
            (
                "Καλημέρα κόσμε, Αθήνα",
                "Kalemera kosme, Athena",
                "Kalemera kosme, Athena",
            ),
            (
                "東京で会議、ニュース",
                "Dong Jing deHui Yi, niyusu",
                "Dong Jing deHui Yi, niyusu",
            ),
            ("مرحبا بالعالم", "mrHb bl`lm", "mrHb bl`lm"),
        ];
        for (input, ascii, latin1) in cases {
            assert_eq!(fold_text(input, Charset::Ascii), ascii, "{input} as ascii");
            assert_eq!(
                fold_text(input, Charset::Latin1),
                latin1,
                "{input} as latin1"
            );
            assert_eq!(
                fold_text(input, Charset::Macroman),
                latin1,
                "{input} as macroman"
            );
            assert_eq!(fold_text(input, Charset::Utf8), input, "{input} as utf-8");
        }
    }

    #[test]
    fn labels_name_charsets() {
        for c in [
            Charset::Ascii,
            Charset::Latin1,
            Charset::Macroman,
            Charset::Utf8,
        ] {
            assert_eq!(Charset::from_label(c.name()), Some(c));
            assert_eq!(Charset::from_label(c.label()), Some(c));
        }
        assert_eq!(Charset::from_label("windows-1252"), None);
    }

    #[test]
    fn latin1_is_true_iso_8859_1() {
        let bytes = encode_page("é ’ ‚", Charset::Latin1);
        assert_eq!(bytes, b"\xE9 ' '");
        assert!(bytes.iter().all(|b| !(0x80..0xA0).contains(b)));
    }

    #[test]
    fn mac_roman_bytes() {
        assert_eq!(encode_page("é ü ß", Charset::Macroman), b"\x8E \x9F \xA7");
    }

    #[test]
    fn transliteration_never_breaks_markup() {
        // deunicode turns ‹ › into < >; inside text they must become entities,
        // and a folded quote inside an attribute must not close it.
        let page = "<a title=\"say “hi”\">‹x›</a>";
        let out = String::from_utf8(encode_page(page, Charset::Latin1)).unwrap();
        assert_eq!(out, "<a title=\"say &#34;hi&#34;\">'x'</a>");
        let page = "<p>≤ 5</p>";
        let out = String::from_utf8(encode_page(page, Charset::Ascii)).unwrap();
        assert!(
            !out.contains("< 5") && out.starts_with("<p>") && out.ends_with("</p>"),
            "{out}"
        );
    }
}

#[cfg(test)]
mod properties {
    use super::*;
    use proptest::prelude::*;

    /// Whether every byte of a page is one `charset` may hold.
    fn within(bytes: &[u8], charset: Charset) -> bool {
        let controls_ok = bytes
            .iter()
            .all(|&b| b >= 0x20 || matches!(b, b'\t' | b'\n' | b'\r'));
        controls_ok
            && match charset {
                Charset::Ascii => bytes.iter().all(|&b| b < 0x80),
                Charset::Latin1 => bytes
                    .iter()
                    .all(|&b| b != 0x7F && !(0x80..0xA0).contains(&b)),
                Charset::Macroman => {
                    let (text, bad) = encoding_rs::MACINTOSH.decode_without_bom_handling(bytes);
                    !bad && text.chars().all(|c| charset.can_encode(c) && c != '\u{7F}')
                }
                Charset::Utf8 => std::str::from_utf8(bytes).is_ok(),
            }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn encoded_pages_stay_within_their_charset(text in any::<String>(), tag in "[a-z ]{0,8}") {
            let html = format!("<p title=\"{text}\">{text}<{tag}>{text}</p>");
            for charset in [Charset::Ascii, Charset::Latin1, Charset::Macroman, Charset::Utf8] {
                let bytes = encode_page(&html, charset);
                prop_assert!(within(&bytes, charset), "{:?}: {:?}", charset, bytes);
            }
        }
    }
}
