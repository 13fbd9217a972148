//! Bytes of a fetched or saved HTML page to a Rust `String`.
//!
//! Owns the charset decision, in the order browsers use: a byte order mark,
//! then the HTTP `Content-Type` charset, then a `<meta>` prescan of the
//! first 1024 bytes, then chardetng's guess. Decoding itself is encoding_rs
//! (WHATWG labels, so `iso-8859-1` decodes as windows-1252). Knows nothing
//! about what the page says; output charsets are `charset`'s job.

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1252, X_USER_DEFINED};
use memchr::memmem;

/// How far into the page a `<meta charset>` is looked for (the HTML spec's prescan length).
const PRESCAN_BYTES: usize = 1024;

/// Decodes an HTML page. `header_charset` is the `charset` parameter of the
/// HTTP `Content-Type` header, when there was one. A `<meta>` declaration
/// loses to bytes that are valid non-ASCII UTF-8 (a page re-saved as UTF-8). Returns the text and the
/// encoding used; malformed bytes become U+FFFD.
pub fn decode_html(bytes: &[u8], header_charset: Option<&str>) -> (String, &'static Encoding) {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(&bytes[bom_len..]);
        return (text.into_owned(), encoding);
    }
    let encoding = header_charset
        .and_then(label_to_encoding)
        .or_else(|| {
            // Pages saved to disk are often re-encoded as UTF-8 while
            // keeping their old `<meta charset>`; valid non-ASCII UTF-8 is
            // almost never a legacy encoding, so it outranks the meta.
            let utf8 = !bytes.is_ascii() && std::str::from_utf8(bytes).is_ok();
            let meta = prescan_meta(&bytes[..bytes.len().min(PRESCAN_BYTES)]);
            if utf8 { Some(UTF_8) } else { meta }
        })
        .unwrap_or_else(|| detect(bytes));
    let (text, _) = encoding.decode_without_bom_handling(bytes);
    (text.into_owned(), encoding)
}

/// A charset label as found in a header or `<meta>`, folded the way the
/// HTML spec folds it: UTF-16 labels in an ASCII-compatible page mean UTF-8
/// and `x-user-defined` means windows-1252.
fn label_to_encoding(label: &str) -> Option<&'static Encoding> {
    let label = label.trim().trim_matches(|c| c == '"' || c == '\'');
    let encoding = Encoding::for_label(label.as_bytes())?;
    Some(if encoding == UTF_16LE || encoding == UTF_16BE {
        UTF_8
    } else if encoding == X_USER_DEFINED {
        WINDOWS_1252
    } else {
        encoding
    })
}

/// Finds `charset=` inside the first `<meta ...>` tag that declares one,
/// covering both `<meta charset="x">` and
/// `<meta http-equiv="Content-Type" content="text/html; charset=x">`.
fn prescan_meta(head: &[u8]) -> Option<&'static Encoding> {
    let lower = head.to_ascii_lowercase();
    let mut from = 0;
    while let Some(start) = memmem::find(&lower[from..], b"<meta").map(|i| from + i) {
        let end = memchr::memchr(b'>', &lower[start..]).map_or(lower.len(), |i| start + i);
        let tag = &lower[start..end];
        if let Some(encoding) = charset_in_tag(tag) {
            return Some(encoding);
        }
        from = end;
    }
    None
}

/// The encoding named by a `charset` attribute or a `charset=` inside a
/// `content` attribute of one lower-cased `<meta` tag.
fn charset_in_tag(tag: &[u8]) -> Option<&'static Encoding> {
    let at = memmem::find(tag, b"charset")?;
    let rest = &tag[at + b"charset".len()..];
    let rest = trim_start(rest).strip_prefix(b"=")?;
    let rest = trim_start(rest);
    let rest = rest
        .strip_prefix(b"\"")
        .or_else(|| rest.strip_prefix(b"'"))
        .unwrap_or(rest);
    let len = rest
        .iter()
        .position(|&b| matches!(b, b'"' | b'\'' | b';' | b'/' | b'>') || b.is_ascii_whitespace())
        .unwrap_or(rest.len());
    label_to_encoding(std::str::from_utf8(&rest[..len]).ok()?)
}

/// chardetng's guess over the whole page; UTF-8 is allowed because saved
/// pages often lost the header that declared it. Bytes that are valid
/// UTF-8 are taken as UTF-8 without asking chardetng, which would say the
/// same (or, for pure ASCII, name an encoding that decodes identically) at
/// the cost of a scan that is slower than parsing the page.
fn detect(bytes: &[u8]) -> &'static Encoding {
    if std::str::from_utf8(bytes).is_ok() {
        return UTF_8;
    }
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    detector.guess(None, Utf8Detection::Allow)
}

fn trim_start(bytes: &[u8]) -> &[u8] {
    let n = bytes.iter().take_while(|b| b.is_ascii_whitespace()).count();
    &bytes[n..]
}

#[cfg(test)]
mod tests {
    use super::*;
    use encoding_rs::{BIG5, EUC_JP, GBK, ISO_8859_2, ISO_8859_7, KOI8_R, SHIFT_JIS};

    /// A page whose body is `text` in `encoding`, with `meta` in its head.
    fn page(meta: &str, text: &str, encoding: &'static Encoding) -> Vec<u8> {
        let html = format!(
            "<!DOCTYPE html><html><head>{meta}<title>t</title></head><body><p>{text}</p></body></html>"
        );
        let (bytes, _, unmappable) = encoding.encode(&html);
        assert!(
            !unmappable,
            "test text not encodable in {}",
            encoding.name()
        );
        bytes.into_owned()
    }

    const JAPANESE: &str = "東京の天気は晴れです。明日は雨が降るでしょう。電車は遅れています。";
    const RUSSIAN: &str = "Привет, мир! Сегодня в Москве солнечно, завтра ожидается дождь и снег.";
    const FRENCH: &str = "Le café « Chez Zoë » a rouvert – l’été sera long, dit-on… 50 €";
    const CHINESE: &str = "北京今天天气晴朗，明天有雨。政府宣布了新的经济政策，市场反应积极。";
    const TAIWANESE: &str = "臺北今天天氣晴朗，明天有雨。政府宣佈了新的經濟政策，市場反應積極。";
    const POLISH: &str = "Zażółć gęślą jaźń. Łódź i Kraków są pięknymi miastami w Polsce.";
    const GREEK: &str = "Καλημέρα κόσμε. Η Αθήνα είναι η πρωτεύουσα της Ελλάδας.";

    #[test]
    fn meta_declarations_pick_the_encoding() {
        let cases: [(&str, &str, &'static Encoding); 9] = [
            (r#"<meta charset="shift_jis">"#, JAPANESE, SHIFT_JIS),
            (r#"<meta charset=euc-jp>"#, JAPANESE, EUC_JP),
            (
                r#"<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=koi8-r">"#,
                RUSSIAN,
                KOI8_R,
            ),
            (
                r#"<meta http-equiv="content-type" content="text/html;charset=windows-1252" />"#,
                FRENCH,
                WINDOWS_1252,
            ),
            (r#"<meta charset='iso-8859-2'>"#, POLISH, ISO_8859_2),
            (r#"<meta charset="ISO-8859-7">"#, GREEK, ISO_8859_7),
            (r#"<meta charset="gb2312">"#, CHINESE, GBK),
            (r#"<meta charset="big5">"#, TAIWANESE, BIG5),
            (r#"<meta charset="utf-8">"#, JAPANESE, UTF_8),
        ];
        for (meta, text, encoding) in cases {
            let bytes = page(meta, text, encoding);
            let (decoded, used) = decode_html(&bytes, None);
            assert_eq!(used, encoding, "{meta}");
            assert!(decoded.contains(text), "{meta}: {decoded}");
        }
    }

    #[test]
    fn latin1_label_decodes_as_windows_1252() {
        // 0x93/0x94 are curly quotes in windows-1252, control codes in true Latin-1.
        let bytes = b"<meta charset=\"iso-8859-1\"><p>\x93Caf\xe9\x94</p>";
        let (text, used) = decode_html(bytes, None);
        assert_eq!(used, WINDOWS_1252);
        assert!(text.contains("\u{201c}Café\u{201d}"), "{text}");
    }

    #[test]
    fn bom_beats_header_and_header_beats_meta() {
        let mut bytes = vec![0xEF, 0xBB, 0xBF];
        bytes.extend_from_slice("<meta charset=koi8-r><p>Zoë</p>".as_bytes());
        let (text, used) = decode_html(&bytes, Some("windows-1252"));
        assert_eq!(used, UTF_8);
        assert!(text.starts_with("<meta") && text.contains("Zoë"));

        let bytes = page(r#"<meta charset="utf-8">"#, RUSSIAN, KOI8_R);
        let (text, used) = decode_html(&bytes, Some("\"KOI8-R\""));
        assert_eq!(used, KOI8_R);
        assert!(text.contains(RUSSIAN));
    }

    #[test]
    fn undeclared_pages_are_detected() {
        let cases: [(&str, &'static Encoding); 4] = [
            (JAPANESE, SHIFT_JIS),
            (RUSSIAN, KOI8_R),
            (JAPANESE, UTF_8),
            (FRENCH, WINDOWS_1252),
        ];
        for (text, encoding) in cases {
            let long = text.repeat(4);
            let bytes = page("", &long, encoding);
            // chardetng may name a superset (KOI8-U for KOI8-R); the text is what counts.
            let (decoded, used) = decode_html(&bytes, None);
            assert!(
                decoded.contains(&long),
                "{} read as {}",
                encoding.name(),
                used.name()
            );
        }
    }

    #[test]
    fn meta_after_the_prescan_window_is_ignored() {
        let padding = " ".repeat(PRESCAN_BYTES);
        let html = format!("<html><head>{padding}<meta charset=koi8-r></head><p>plain</p>");
        let (_, used) = decode_html(html.as_bytes(), None);
        assert_ne!(used, KOI8_R);
    }

    #[test]
    fn utf16_and_unknown_labels_fall_through() {
        let (_, used) = decode_html(b"<meta charset=utf-16><p>hi</p>", None);
        assert_eq!(used, UTF_8);
        let (text, used) = decode_html("<meta charset=bogus><p>Zoë</p>".as_bytes(), Some("nope"));
        assert_eq!(used, UTF_8);
        assert!(text.contains("Zoë"));
    }
}
