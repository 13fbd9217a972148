//! The e-book container: one day of an edition as an EPUB 3 book that
//! older readers open through its EPUB 2 table of contents (`toc.ncx`).
//!
//! A title page with the date, a contents page by section (the EPUB 3
//! navigation document, also in the reading order), then one chapter per
//! article; with local images, the images. Written by hand into a zip
//! (the `mimetype` entry first and stored, as the standard asks), with
//! every timestamp fixed and every name stable, so the same day's
//! articles always make the same bytes. What goes into a book (which
//! articles, their bodies as XHTML) is `pages`'; this module only
//! writes one.

use crate::vocabulary::html::escape;
use anyhow::{Context, Result};
use std::io::Write;

/// One e-book.
#[derive(Debug, Clone)]
pub struct Book {
    /// A URN that names the book for readers' libraries.
    pub id: String,
    pub title: String,
    /// The publisher: the site's title.
    pub publisher: String,
    pub language: String,
    /// The day written out ("Friday, 27 November 2026"), for the title page.
    pub date_label: String,
    /// The day as `2026-11-27`.
    pub date: String,
    /// When the newest article was published, as `2026-11-27T09:00:00Z`.
    pub modified: String,
    /// The word for the table of contents.
    pub contents: String,
    pub sections: Vec<Part>,
    pub images: Vec<Image>,
}

/// A section of the book: a heading in the table of contents.
#[derive(Debug, Clone)]
pub struct Part {
    pub name: String,
    pub chapters: Vec<Chapter>,
}

/// One article.
#[derive(Debug, Clone)]
pub struct Chapter {
    pub title: String,
    /// The summary to show under the headline (a page's standfirst).
    pub standfirst: Option<String>,
    /// Source, date and byline, as one line.
    pub meta: String,
    /// The body as XHTML (well-formed; see [`to_xhtml`]).
    pub body: String,
    /// The "Original source" link: (words, URL).
    pub source: Option<(String, String)>,
}

/// An image file in the book.
#[derive(Debug, Clone)]
pub struct Image {
    /// Its path inside the book, from the chapters' folder (`img/ab12.gif`).
    pub href: String,
    pub bytes: Vec<u8>,
}

impl Image {
    fn media_type(&self) -> &'static str {
        if self.href.ends_with(".gif") {
            "image/gif"
        } else if self.href.ends_with(".png") {
            "image/png"
        } else {
            "image/jpeg"
        }
    }
}

/// The file name of chapter `n` (from 1).
pub fn chapter_file(n: usize) -> String {
    format!("c{n:03}.xhtml")
}

const CONTAINER: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
<rootfiles>
<rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/>
</rootfiles>
</container>
"#;

/// An XHTML page of the book.
fn page(lang: &str, title: &str, body: &str, nav: bool) -> String {
    let ns = if nav {
        r#" xmlns:epub="http://www.idpf.org/2007/ops""#
    } else {
        ""
    };
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\"{ns} lang=\"{l}\" xml:lang=\"{l}\">\n<head>\n<title>{t}</title>\n</head>\n<body>\n{body}</body>\n</html>\n",
        l = escape(lang),
        t = escape(title),
    )
}

impl Book {
    /// The chapters in reading order, numbered from 1.
    fn chapters(&self) -> impl Iterator<Item = (usize, &Chapter)> {
        self.sections
            .iter()
            .flat_map(|s| &s.chapters)
            .enumerate()
            .map(|(i, c)| (i + 1, c))
    }

    fn title_page(&self) -> String {
        let body = format!(
            "<h1>{}</h1>\n<p>{}</p>\n<p>{}</p>\n",
            escape(&self.publisher),
            escape(&self.date_label),
            escape(&self.title)
        );
        page(&self.language, &self.title, &body, false)
    }

    fn nav(&self) -> String {
        let mut body = format!(
            "<nav epub:type=\"toc\" id=\"toc\">\n<h1>{}</h1>\n<ol>\n",
            escape(&self.contents)
        );
        let mut n = 0;
        for s in &self.sections {
            let first = chapter_file(n + 1);
            body.push_str(&format!(
                "<li><a href=\"{first}\">{}</a>\n<ol>\n",
                escape(&s.name)
            ));
            for c in &s.chapters {
                n += 1;
                body.push_str(&format!(
                    "<li><a href=\"{}\">{}</a></li>\n",
                    chapter_file(n),
                    escape(&c.title)
                ));
            }
            body.push_str("</ol>\n</li>\n");
        }
        body.push_str("</ol>\n</nav>\n");
        page(&self.language, &self.contents, &body, true)
    }

    fn ncx(&self) -> String {
        // A section's point and its first article's share a target, so they
        // share a place in the play order too.
        let point = |id: &str, label: &str, src: &str, order: usize| {
            format!(
                "<navPoint id=\"{id}\" playOrder=\"{order}\">\n<navLabel><text>{}</text></navLabel>\n<content src=\"{src}\"/>\n",
                escape(label)
            )
        };
        let mut points = point("title", &self.title, "title.xhtml", 1);
        points.push_str("</navPoint>\n");
        let mut order = 1;
        let mut n = 0;
        for (k, s) in self.sections.iter().enumerate() {
            let id = format!("s{}", k + 1);
            points.push_str(&point(&id, &s.name, &chapter_file(n + 1), order + 1));
            for c in &s.chapters {
                n += 1;
                order += 1;
                let id = format!("c{n}");
                points.push_str(&point(&id, &c.title, &chapter_file(n), order));
                points.push_str("</navPoint>\n");
            }
            points.push_str("</navPoint>\n");
        }
        format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ncx xmlns=\"http://www.daisy.org/z3986/2005/ncx/\" version=\"2005-1\" xml:lang=\"{}\">\n<head>\n<meta name=\"dtb:uid\" content=\"{}\"/>\n<meta name=\"dtb:depth\" content=\"2\"/>\n<meta name=\"dtb:totalPageCount\" content=\"0\"/>\n<meta name=\"dtb:maxPageNumber\" content=\"0\"/>\n</head>\n<docTitle><text>{}</text></docTitle>\n<navMap>\n{points}</navMap>\n</ncx>\n",
            escape(&self.language),
            escape(&self.id),
            escape(&self.title)
        )
    }

    fn opf(&self) -> String {
        let mut manifest = String::from(
            "<item id=\"nav\" href=\"nav.xhtml\" media-type=\"application/xhtml+xml\" properties=\"nav\"/>\n<item id=\"ncx\" href=\"toc.ncx\" media-type=\"application/x-dtbncx+xml\"/>\n<item id=\"title\" href=\"title.xhtml\" media-type=\"application/xhtml+xml\"/>\n",
        );
        let mut spine = String::from("<itemref idref=\"title\"/>\n<itemref idref=\"nav\"/>\n");
        for (n, _) in self.chapters() {
            manifest.push_str(&format!(
                "<item id=\"c{n}\" href=\"{}\" media-type=\"application/xhtml+xml\"/>\n",
                chapter_file(n)
            ));
            spine.push_str(&format!("<itemref idref=\"c{n}\"/>\n"));
        }
        for (i, img) in self.images.iter().enumerate() {
            manifest.push_str(&format!(
                "<item id=\"i{}\" href=\"{}\" media-type=\"{}\"/>\n",
                i + 1,
                escape(&img.href),
                img.media_type()
            ));
        }
        format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<package xmlns=\"http://www.idpf.org/2007/opf\" version=\"3.0\" unique-identifier=\"uid\" xml:lang=\"{lang}\">\n<metadata xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n<dc:identifier id=\"uid\">{id}</dc:identifier>\n<dc:title>{title}</dc:title>\n<dc:language>{lang}</dc:language>\n<dc:publisher>{publisher}</dc:publisher>\n<dc:date>{date}</dc:date>\n<meta property=\"dcterms:modified\">{modified}</meta>\n</metadata>\n<manifest>\n{manifest}</manifest>\n<spine toc=\"ncx\">\n{spine}</spine>\n</package>\n",
            lang = escape(&self.language),
            id = escape(&self.id),
            title = escape(&self.title),
            publisher = escape(&self.publisher),
            date = escape(&self.date),
            modified = escape(&self.modified),
        )
    }

    fn chapter(&self, c: &Chapter) -> String {
        let mut body = format!("<h1>{}</h1>\n", escape(&c.title));
        if let Some(standfirst) = &c.standfirst {
            body.push_str(&format!("<p><b>{}</b></p>\n", escape(standfirst)));
        }
        if !c.meta.is_empty() {
            body.push_str(&format!("<p>{}</p>\n", escape(&c.meta)));
        }
        body.push_str(&c.body);
        if let Some((words, url)) = &c.source {
            body.push_str(&format!(
                "<p><a href=\"{}\">{}</a></p>\n",
                escape(url),
                escape(words)
            ));
        }
        page(&self.language, &c.title, &body, false)
    }

    /// The book as the bytes of an `.epub` file.
    pub fn write(&self) -> Result<Vec<u8>> {
        use zip::write::SimpleFileOptions;
        use zip::{CompressionMethod, DateTime};
        let stored = SimpleFileOptions::default()
            .compression_method(CompressionMethod::Stored)
            .last_modified_time(DateTime::default())
            .unix_permissions(0o644);
        let deflated = stored.compression_method(CompressionMethod::Deflated);
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let mut add = |name: &str, bytes: &[u8], options: SimpleFileOptions| -> Result<()> {
            zip.start_file(name, options)
                .with_context(|| format!("cannot add {name} to the e-book"))?;
            zip.write_all(bytes)
                .with_context(|| format!("cannot add {name} to the e-book"))
        };
        add("mimetype", b"application/epub+zip", stored)?;
        add("META-INF/container.xml", CONTAINER.as_bytes(), deflated)?;
        add("OEBPS/content.opf", self.opf().as_bytes(), deflated)?;
        add("OEBPS/toc.ncx", self.ncx().as_bytes(), deflated)?;
        add("OEBPS/nav.xhtml", self.nav().as_bytes(), deflated)?;
        add("OEBPS/title.xhtml", self.title_page().as_bytes(), deflated)?;
        for (n, c) in self.chapters() {
            add(
                &format!("OEBPS/{}", chapter_file(n)),
                self.chapter(c).as_bytes(),
                deflated,
            )?;
        }
        for img in &self.images {
            // Images are compressed already.
            add(&format!("OEBPS/{}", img.href), &img.bytes, stored)?;
        }
        let cursor = zip.finish().context("cannot finish the e-book")?;
        Ok(cursor.into_inner())
    }
}

/// An HTML fragment from the Markdown writer (modern profile) as XHTML:
/// empty elements closed (`<br/>`), and `&nbsp;`, which XML does not
/// know, as a character reference.
pub fn to_xhtml(html: &str) -> String {
    let mut out = String::with_capacity(html.len() + 16);
    let mut rest = html;
    while let Some(i) = rest.find('<') {
        out.push_str(&rest[..i]);
        let tag = &rest[i..];
        let end = tag.find('>').map_or(tag.len(), |e| e + 1);
        let inner = &tag[..end];
        let name: String = inner[1..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        if matches!(name.as_str(), "br" | "hr" | "img" | "wbr" | "col") && !inner.ends_with("/>") {
            out.push_str(inner.trim_end_matches('>'));
            out.push_str("/>");
        } else {
            out.push_str(inner);
        }
        rest = &tag[end..];
    }
    out.push_str(rest);
    out.replace("&nbsp;", "&#160;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fragments_become_well_formed() {
        assert_eq!(
            to_xhtml("<p>a<br>\nb&nbsp;c</p>\n<hr>\n<img src=\"x\" alt=\"y\">"),
            "<p>a<br/>\nb&#160;c</p>\n<hr/>\n<img src=\"x\" alt=\"y\"/>"
        );
    }

    #[test]
    fn the_same_book_makes_the_same_bytes() {
        let book = Book {
            id: "urn:x:1".into(),
            title: "T".into(),
            publisher: "P".into(),
            language: "en".into(),
            date_label: "Friday".into(),
            date: "2026-11-27".into(),
            modified: "2026-11-27T09:00:00Z".into(),
            contents: "Contents".into(),
            sections: vec![Part {
                name: "World".into(),
                chapters: vec![Chapter {
                    title: "A & B".into(),
                    standfirst: None,
                    meta: String::new(),
                    body: "<p>x</p>\n".into(),
                    source: None,
                }],
            }],
            images: Vec::new(),
        };
        let a = book.write().unwrap();
        assert_eq!(a, book.write().unwrap());
        assert_eq!(&a[30..38], b"mimetype", "mimetype comes first");
        assert!(a.windows(20).any(|w| w == b"application/epub+zip"));
    }
}
