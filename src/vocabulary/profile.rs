//! Markup profiles: `html2` (HTML 2.0, RFC 1866), `html32` (HTML 3.2 Final)
//! and `modern` (small HTML5).
//!
//! The one place that knows what each profile allows: its name, how its
//! DOCTYPE reads, its elements and attributes (for `check` and templates),
//! the narrower set an article body may hold (for the sanitizer), the
//! element each inline style maps to (for the Markdown writer), what may
//! nest in what (the content models of the period DTDs), and the longest
//! attribute value old browsers and SGML parsers take. It renders nothing.

use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

/// Markup profiles: which HTML the output may contain.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Profile {
    /// HTML 2.0 (RFC 1866).
    Html2,
    /// HTML 3.2 Final.
    #[default]
    Html32,
    /// Small HTML5.
    Modern,
}

/// Inline styles of Markdown and the element each profile writes for them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Inline {
    Strong,
    Emphasis,
    Code,
    Strike,
    Sup,
    Sub,
}

impl Profile {
    /// Every profile, oldest first.
    pub const ALL: [Profile; 3] = [Profile::Html2, Profile::Html32, Profile::Modern];

    /// The name used in config.yaml, theme.yaml and theme folders.
    pub fn name(self) -> &'static str {
        match self {
            Profile::Html2 => "html2",
            Profile::Html32 => "html32",
            Profile::Modern => "modern",
        }
    }

    /// The profile called `name` in config.yaml or a theme folder.
    pub fn from_name(name: &str) -> Option<Profile> {
        Profile::ALL.into_iter().find(|p| p.name() == name)
    }

    /// Whether this is one of the period profiles, validated against a DTD.
    pub fn is_period(self) -> bool {
        self != Profile::Modern
    }

    /// The DOCTYPE a page of this profile starts with.
    pub fn doctype(self) -> &'static str {
        match self {
            Profile::Html2 => "<!DOCTYPE HTML PUBLIC \"-//IETF//DTD HTML 2.0//EN\">",
            Profile::Html32 => "<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 3.2 Final//EN\">",
            Profile::Modern => "<!DOCTYPE html>",
        }
    }

    /// The profile whose DOCTYPE opens `page`, if any.
    pub fn of_page(page: &str) -> Option<Profile> {
        let head: String = page
            .chars()
            .take(300)
            .collect::<String>()
            .to_ascii_uppercase();
        if head.contains("-//IETF//DTD HTML 2.0") || head.contains("-//IETF//DTD HTML//EN") {
            Some(Profile::Html2)
        } else if head.contains("-//W3C//DTD HTML 3.2") {
            Some(Profile::Html32)
        } else if head.trim_start().starts_with("<!DOCTYPE HTML>") {
            Some(Profile::Modern)
        } else {
            None
        }
    }

    /// The element written for an inline style; `None` writes the text alone.
    pub fn inline(self, inline: Inline) -> Option<&'static str> {
        use Inline::*;
        match (self, inline) {
            (Profile::Modern, Strong) => Some("strong"),
            (Profile::Modern, Emphasis) => Some("em"),
            (Profile::Modern, Code) => Some("code"),
            (Profile::Modern, Strike) => Some("del"),
            (_, Strong) => Some("b"),
            (_, Emphasis) => Some("i"),
            (_, Code) => Some("tt"),
            (Profile::Html2, Strike | Sup | Sub) => None,
            (_, Strike) => Some("strike"),
            (_, Sup) => Some("sup"),
            (_, Sub) => Some("sub"),
        }
    }

    /// Whether the profile has tables (HTML 2.0 has none).
    pub fn has_tables(self) -> bool {
        self != Profile::Html2
    }

    /// Whether any page may use element `name` (lowercase).
    pub fn allows_element(self, name: &str) -> bool {
        tables(self).elements.contains(name)
    }

    /// Whether any element may carry attribute `name` (lowercase).
    pub fn allows_attribute(self, name: &str) -> bool {
        tables(self).attributes.contains(name)
    }

    /// The elements an article body may hold (a subset of the page's).
    pub fn body_elements(self) -> &'static HashSet<&'static str> {
        &tables(self).body
    }

    /// The attributes an article body may keep, by element.
    pub fn body_attributes(self) -> HashMap<&'static str, HashSet<&'static str>> {
        let mut attributes: HashMap<&str, HashSet<&str>> = HashMap::new();
        attributes.insert("a", ["href", "title"].into_iter().collect());
        if self != Profile::Html2 {
            attributes.insert("ol", ["start"].into_iter().collect());
            attributes.insert("td", ["colspan", "rowspan", "align"].into_iter().collect());
            attributes.insert("th", ["colspan", "rowspan", "align"].into_iter().collect());
        }
        attributes
    }

    /// Whether `child` (an element name, or `#text`) may appear directly
    /// inside `parent` under this profile's DTD. The modern profile has no
    /// DTD; HTML5's own parser already nests what the body writers emit.
    pub fn allows_child(self, parent: &str, child: &str) -> bool {
        let models = match self {
            Profile::Html2 => &*HTML2_MODELS,
            Profile::Html32 => &*HTML32_MODELS,
            Profile::Modern => return true,
        };
        match models.get(parent) {
            Some(allowed) => allowed.contains(child),
            // Elements the models do not list (modern-only ones) take anything.
            None => true,
        }
    }

    /// Elements that may not appear anywhere inside `ancestor` (SGML
    /// exclusions): links in links, and in HTML 3.2 pictures and font
    /// changes in preformatted text.
    pub fn excludes(self, ancestor: &str, descendant: &str) -> bool {
        match (ancestor, descendant) {
            ("a", "a") => true,
            ("pre", "img" | "big" | "small" | "sub" | "sup" | "font") => self.is_period(),
            _ => false,
        }
    }

    /// The longest attribute value (in bytes) a page may carry: HTML 2.0's
    /// LITLEN (1024) less NORMSEP (2), the length its SGML declaration lets
    /// an attribute value reach, which old browsers and the period SGML
    /// parsers share. A longer URL is dropped and its link text kept.
    pub fn max_attribute_len(self) -> usize {
        match self {
            Profile::Html2 | Profile::Html32 => 1022,
            Profile::Modern => 8192,
        }
    }
}

/// Elements of HTML 2.0; HTML 3.2 adds [`HTML32_ELEMENTS`]. Forms,
/// scripts, frames and objects are in no profile: a news mirror has no use
/// for them.
const HTML2_ELEMENTS: &str = "html head title meta link base body h1 h2 h3 h4 h5 h6 p pre address blockquote \
    ul ol li dir menu dl dt dd cite code em kbd samp strong var b i tt a img br hr";
const HTML32_ELEMENTS: &str =
    "center div table caption tr th td font basefont big small sub sup strike u dfn map area";
const MODERN_ELEMENTS: &str = "html head title meta link base body style header nav main footer article section \
    aside h1 h2 h3 h4 h5 h6 p pre address blockquote ul ol li dl dt dd figure figcaption div span a b i em strong \
    code kbd samp var cite dfn abbr q sub sup del ins s small mark time br hr img table caption thead tbody tfoot \
    tr th td";

/// Attributes of HTML 2.0 (on any element; the DTD checks which); HTML 3.2
/// adds [`HTML32_ATTRIBUTES`].
const HTML2_ATTRIBUTES: &str =
    "href name rel rev title urn methods src alt align ismap http-equiv content compact version";
const HTML32_ATTRIBUTES: &str = "usemap bgcolor text link vlink alink background width height border hspace vspace \
    cellpadding cellspacing valign nowrap colspan rowspan size color face clear noshade start value type shape coords";
const MODERN_ATTRIBUTES: &str = "href rel title src alt width height content name charset lang class id datetime start colspan rowspan http-equiv hreflang type";

/// What an article body may hold: text structure, links and emphasis; no
/// pictures (images are links in a text mirror), no layout.
const BODY_COMMON: &str = "a b i em strong code kbd samp var cite p br hr h2 h3 h4 h5 h6 ul ol li dl dt dd pre \
    blockquote address";
const BODY_HTML2: &str = "tt";
const BODY_HTML32: &str = "tt u strike big small sub sup dfn center div table caption tr th td";
const BODY_MODERN: &str = "small sub sup dfn abbr q del ins s mark div table caption thead tbody tr th td \
    figure figcaption";

struct Tables {
    elements: HashSet<&'static str>,
    attributes: HashSet<&'static str>,
    body: HashSet<&'static str>,
}

fn words(lists: &[&'static str]) -> HashSet<&'static str> {
    lists.iter().flat_map(|l| l.split_whitespace()).collect()
}

fn tables(profile: Profile) -> &'static Tables {
    static TABLES: LazyLock<HashMap<Profile, Tables>> = LazyLock::new(|| {
        HashMap::from([
            (
                Profile::Html2,
                Tables {
                    elements: words(&[HTML2_ELEMENTS]),
                    attributes: words(&[HTML2_ATTRIBUTES]),
                    body: words(&[BODY_COMMON, BODY_HTML2]),
                },
            ),
            (
                Profile::Html32,
                Tables {
                    elements: words(&[HTML2_ELEMENTS, HTML32_ELEMENTS]),
                    attributes: words(&[HTML2_ATTRIBUTES, HTML32_ATTRIBUTES]),
                    body: words(&[BODY_COMMON, BODY_HTML32]),
                },
            ),
            (
                Profile::Modern,
                Tables {
                    elements: words(&[MODERN_ELEMENTS]),
                    attributes: words(&[MODERN_ATTRIBUTES]),
                    body: words(&[BODY_COMMON, BODY_MODERN]),
                },
            ),
        ])
    });
    &TABLES[&profile]
}

/// Content models: parent → what may appear directly inside it.
type Models = HashMap<&'static str, HashSet<String>>;

/// Builds content models from `(parents, children)` rows, where both are
/// space-separated names and `#text` stands for character data.
fn models(rows: &[(&'static str, String)]) -> Models {
    let mut out = Models::new();
    for (parents, children) in rows {
        let set: HashSet<String> = children.split_whitespace().map(str::to_string).collect();
        for p in parents.split_whitespace() {
            out.insert(p, set.clone());
        }
    }
    out
}

/// HTML 2.0's content models (RFC 1866's DTD, forms left out).
static HTML2_MODELS: LazyLock<Models> = LazyLock::new(|| {
    let text = "#text a img br em strong code samp kbd var cite tt b i";
    let heading = "h1 h2 h3 h4 h5 h6";
    let block = "p ul ol dir menu dl pre blockquote";
    let flow = format!("{text} {block}");
    let body = format!("{heading} {text} {block} hr address");
    models(&[
        (
            "p h1 h2 h3 h4 h5 h6 dt em strong code samp kbd var cite tt b i a",
            text.into(),
        ),
        ("li dd", flow),
        ("blockquote body", body),
        ("address", format!("{text} p")),
        ("pre", "#text a hr br".into()),
        ("ul ol dir menu", "li".into()),
        ("dl", "dt dd".into()),
    ])
});

/// HTML 3.2's content models (forms and applets left out).
static HTML32_MODELS: LazyLock<Models> = LazyLock::new(|| {
    let text = "#text tt i b u strike big small sub sup em strong dfn code samp kbd var cite a img font basefont br map";
    let heading = "h1 h2 h3 h4 h5 h6";
    let block = "p ul ol dir menu pre dl div center blockquote hr table";
    let flow = format!("{text} {block}");
    let body = format!("{heading} {text} {block} address");
    models(&[
        (
            "p h1 h2 h3 h4 h5 h6 dt tt i b u strike big small sub sup em strong dfn code samp kbd var cite a font caption",
            text.into(),
        ),
        ("li dd", flow),
        ("blockquote body div center th td", body),
        ("address", format!("{text} p")),
        ("pre", text.into()),
        ("ul ol dir menu", "li".into()),
        ("dl", "dt dd".into()),
        ("table", "caption tr".into()),
        ("tr", "th td".into()),
    ])
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for p in Profile::ALL {
            assert_eq!(Profile::from_name(p.name()), Some(p));
            assert_eq!(Profile::of_page(p.doctype()), Some(p));
        }
        assert_eq!(Profile::from_name("html4"), None);
    }

    #[test]
    fn body_elements_are_page_elements() {
        for p in Profile::ALL {
            for e in p.body_elements() {
                assert!(p.allows_element(e), "{e} in {}", p.name());
            }
        }
    }

    #[test]
    fn nesting_follows_the_period_dtds() {
        let cases = [
            (Profile::Html2, "li", "h3", false),
            (Profile::Html32, "li", "h3", false),
            (Profile::Html2, "li", "hr", false),
            (Profile::Html32, "li", "hr", true),
            (Profile::Html32, "td", "pre", true),
            (Profile::Html32, "td", "h2", true),
            (Profile::Html2, "pre", "b", false),
            (Profile::Html32, "pre", "b", true),
            (Profile::Html2, "blockquote", "h2", true),
            (Profile::Html32, "p", "table", false),
            (Profile::Html32, "li", "#text", true),
            (Profile::Html32, "ul", "#text", false),
        ];
        for (p, parent, child, want) in cases {
            assert_eq!(
                p.allows_child(parent, child),
                want,
                "{child} in {parent}, {}",
                p.name()
            );
        }
        assert!(Profile::Html32.excludes("pre", "img"));
        assert!(Profile::Html2.excludes("a", "a"));
    }

    #[test]
    fn doctype_is_read_from_any_text() {
        // A multi-byte character around byte 300 must not panic.
        let page = format!("{}{}", "é".repeat(149), "x");
        assert_eq!(Profile::of_page(&page), None);
    }
}
