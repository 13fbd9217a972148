//! Lines of links to the site's categories and tags at either end of a
//! Markdown body ("[Foundation], [From the archives], [Technology]"): the
//! post's filing, not its text.
//!
//! Owns what makes a line a filing line: nothing but links, each to a
//! category, tag, topic or section page of the site, and separators; or
//! one section's link left with the separator of a date that has gone.

use super::teasers::same_site;
use regex::Regex;
use std::sync::LazyLock;
use url::Url;

/// A Markdown link: its text and its address.
static LINK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"\[([^\]]*)\]\(([^)\s]+)(?:\s+"[^"]*")?\)"#).expect("valid link pattern")
});

/// A path segment naming a category, tag, topic or section page.
static TAXONOMY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)/(?:category|categories|c|tag|tags|topic|topics|section|kategorie|rubrik|thema|themen|schlagwort|categorie|categoria|etiqueta|tema)/")
        .expect("valid taxonomy pattern")
});

/// How many blocks at each end of the body are looked at.
const END_BLOCKS: usize = 2;

/// The body without filing lines among its first and last
/// [`END_BLOCKS`] blocks, of a page read at `base`. A body of fewer than
/// three blocks is left as it is.
pub fn drop_taxonomy_lines(markdown: &str, base: Option<&Url>) -> String {
    let blocks: Vec<&str> = markdown.split("\n\n").collect();
    let n = blocks.len();
    if n < 3 {
        return markdown.to_string();
    }
    let at_an_end = |i: usize| i < END_BLOCKS || i + END_BLOCKS >= n;
    let kept: Vec<&str> = blocks
        .iter()
        .enumerate()
        .filter(|&(i, b)| !(at_an_end(i) && is_filing_line(b, base)))
        .map(|(_, b)| *b)
        .collect();
    if kept.len() == n {
        return markdown.to_string();
    }
    kept.join("\n\n")
}

/// Whether a Markdown block holds only links to category, tag, topic or
/// section pages, with separators and emphasis marks between them.
fn is_filing_line(block: &str, base: Option<&Url>) -> bool {
    let mut links = LINK.captures_iter(block).peekable();
    if links.peek().is_none() {
        return false;
    }
    links.all(|c| TAXONOMY.is_match(&c[2]))
        && LINK.replace_all(block, "").chars().all(|c| {
            c.is_whitespace() || matches!(c, ',' | '|' | '·' | '•' | '/' | '*' | '_' | '-' | ';')
        })
        || is_section_label(block, base)
}

/// Whether a Markdown block is what a row of metadata leaves once its date
/// has gone: a link to a section of the site ("[Binnenland](/nieuws/binnenland/)
/// •", "• aus [Panorama](/panorama/)"), a few words, with the separator
/// that stood before or after the date and at most one short word in
/// lower case. The section is the site's own ([`same_site`]): a list of
/// links to other sites ("• [Direct Relief](https://…)") is the story's.
fn is_section_label(block: &str, base: Option<&Url>) -> bool {
    let mut links = LINK.captures_iter(block);
    let (Some(link), None) = (links.next(), links.next()) else {
        return false;
    };
    let href = &link[2];
    let path = Url::parse(href).map_or_else(|_| href.to_string(), |u| u.path().to_string());
    let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    let section = same_site(href, base)
        && !href.contains(['?', '#', '='])
        && (1..=2).contains(&segments.len())
        && segments
            .iter()
            .all(|s| !s.contains(|c: char| c.is_ascii_digit() || c == '.'));
    let label = &link[1];
    let rest = LINK.replace(block, "");
    let separators = |c: char| matches!(c, '|' | '·' | '•');
    let words: Vec<&str> = rest
        .split(|c: char| c.is_whitespace() || separators(c))
        .filter(|w| !w.is_empty())
        .collect();
    section
        && !label.is_empty()
        && label.split_whitespace().count() <= 3
        && !label.contains(|c: char| c.is_ascii_digit())
        && rest.contains(separators)
        && words.len() <= 1
        && words
            .iter()
            .all(|w| w.chars().count() <= 4 && w.chars().all(char::is_lowercase))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filing_lines_at_the_ends_go() {
        let story =
            "The harbour board met on Tuesday and agreed that the old pier would be repaired.";
        let filing = "[Harbour](https://courier.example/c/harbour/), [From the archives](https://courier.example/category/archives/)";
        let md = format!(
            "{filing}\n\n{story}\n\n{story}\n\n{story}\n\n*[Ferries](/tag/ferries) · [Pier](/tag/pier)*"
        );
        assert_eq!(
            drop_taxonomy_lines(&md, None),
            format!("{story}\n\n{story}\n\n{story}")
        );
        // In the middle of the story, or among other links, or with words
        // of its own, a line stays.
        for kept in [
            format!("{story}\n\n{story}\n\n{filing}\n\n{story}\n\n{story}\n\n{story}"),
            format!(
                "[Harbour](/c/harbour/), [the council's report](/report.pdf)\n\n{story}\n\n{story}"
            ),
            format!("Filed by the desk: [Harbour](/c/harbour/)\n\n{story}\n\n{story}"),
        ] {
            assert_eq!(drop_taxonomy_lines(&kept, None), kept);
        }
    }

    /// A section's link left with the separator that stood beside a date
    /// line is a filing line too; a link to a story, a sentence's words,
    /// or a section link without a separator stays.
    #[test]
    fn a_section_link_left_beside_a_date_goes() {
        let nos = || Url::parse("https://nos.example/artikel/2271658-ferry.html").ok();
        let story =
            "The harbour board met on Tuesday and agreed that the old pier would be repaired.";
        for label in [
            "[Binnenland](https://nos.example/nieuws/binnenland/) • ",
            "• aus [Panorama](/panorama/)",
            "[World](/world) | ",
        ] {
            let md = format!("{label}\n\n{story}\n\n{story}\n\n{story}");
            assert_eq!(
                drop_taxonomy_lines(&md, nos().as_ref()),
                format!("{story}\n\n{story}\n\n{story}"),
                "{label}"
            );
        }
        for kept in [
            "[Ferry strike ends](/2019/11/19/ferry-strike-ends/) • ",
            "[Ferry strike ends](/news/ferry-strike-ends.html) • ",
            "Read the whole series • [Harbour](/harbour/)",
            "more from the desk • [Harbour](/harbour/)",
            "[Binnenland](https://nos.example/nieuws/binnenland/)",
            "[Binnenland](/nieuws/binnenland/) • [Regio](/nieuws/regio/) •",
            "[A long label of many words](/harbour/) •",
            "[Harbour](/news/harbour/ferries/) •",
            // Another site's page: a list of places to give to.
            "• [Direct Relief](https://www.directrelief.example/)",
            "• [Rode Kruis](https://www.rodekruis.example/doneren)",
        ] {
            let md = format!("{kept}\n\n{story}\n\n{story}\n\n{story}");
            assert_eq!(drop_taxonomy_lines(&md, nos().as_ref()), md, "{kept}");
        }
    }
}
