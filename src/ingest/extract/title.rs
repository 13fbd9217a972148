//! Choosing the article's title from what the page offers: JSON-LD,
//! OpenGraph, `<title>` and the visible headline.
//!
//! Owns the choice and the trimming of what pages add to `<title>` and
//! og:title: the site's name, a section ("… | Editorial"), an author, a
//! label before the headline ("Opinion | …"). The page's own `<h1>` wins
//! when one of the titles is that headline plus such additions, so a
//! prefix stays exactly when the visible headline has it. Reading the
//! candidates is `metadata`'s job.

use regex::Regex;
use std::sync::LazyLock;

/// Separators between a headline and what a site adds to it.
/// " -- " is a dash typed on a keyboard ("… -- Sott.net"); guillemets
/// set off a blog's name ("… « Hobbywerkstatt", "… ‹ Wara Project").
const SEPARATORS: &[&str] = &[
    " | ", " - ", " -- ", " – ", " — ", " :: ", " · ", " » ", " « ", " › ", " ‹ ", " // ",
];

/// Separators CJK sites write without spaces ("…-新华网", "…_网易新闻").
const CJK_SEPARATORS: &[&str] = &["-", "_", "|", "｜", "－", "—"];

/// The title and where it came from. `candidates` are the markup's titles
/// best first; `headlines` the page's visible headlines in order;
/// `subheads` its first `<h2>`s, for a page whose titles and `<h1>` name
/// only the site (a blog theme that makes its logo the `<h1>` and the
/// post's title an `<h2>`); `byline` the authors the markup names, whom
/// a title may end with.
pub fn choose(
    candidates: &[(&'static str, String)],
    headlines: &[String],
    subheads: &[String],
    site: Option<&str>,
    host: Option<&str>,
    byline: Option<&str>,
) -> Option<(String, &'static str)> {
    // Slugs are no titles; the authors after a headline are not part of it.
    let candidates: Vec<(&'static str, String)> = candidates
        .iter()
        .filter(|(_, t)| !is_slug(t))
        .map(|(source, t)| (*source, without_author(t, byline)))
        .collect();
    let chosen = choose_headline(&candidates, headlines, site, host);
    if chosen.as_ref().is_none_or(|(t, _)| is_site(t, site, host))
        && let Some(h) = subheads
            .iter()
            .find(|h| h.split_whitespace().count() >= 3 && !is_site(h, site, host))
    {
        return Some((h.clone(), "<h2>"));
    }
    chosen
}

/// The visible headline a candidate is, else the first candidate trimmed
/// of what the site adds. `candidates` hold no slugs and no authors.
fn choose_headline(
    candidates: &[(&'static str, String)],
    headlines: &[String],
    site: Option<&str>,
    host: Option<&str>,
) -> Option<(String, &'static str)> {
    for (_, candidate) in candidates {
        for headline in headlines {
            if is_site(headline, site, host) || headline.chars().count() < 4 {
                continue;
            }
            if same_headline(headline, candidate) {
                return Some((strip_site(headline, site, host), "<h1>"));
            }
        }
    }
    match candidates.first() {
        Some((source, title)) => Some((strip_affixes(title, site, host), source)),
        // No title in the markup: the first headline that is not the site's.
        None => headlines
            .iter()
            .find(|h| !is_site(h, site, host))
            .map(|h| (h.clone(), "<h1>")),
    }
}

/// `title` without the authors' names after its last separator ("2012
/// map takes unfamiliar shape - Jo Roe and Li Wei", "On Recent Events -
/// Jo Roe ( jroe )": the names, and notes in brackets), when what stands
/// before reads as a headline. The short parts [`strip_affixes`] drops
/// cover one author; several run longer than a section's name.
fn without_author(title: &str, byline: Option<&str>) -> String {
    static NOTES: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\([^()]*\)").expect("valid bracket pattern"));
    let names = |s: &str| squash(&s.replace(" and ", " ").replace('&', " "));
    if let Some(byline) = byline.map(names).filter(|b| b.chars().count() >= 4)
        && let Some((head, _, tail)) = split_last(title, has_cjk(title))
        && names(&NOTES.replace_all(tail.trim_start_matches("By "), "")) == byline
        && head.split_whitespace().count() >= 3
    {
        return head.to_string();
    }
    title.to_string()
}

/// Whether a title is an address's slug rather than a title
/// (`adac-kindersitztest-herbst-2018` as `og:title`): lower-case letters
/// and digits joined by two hyphens or underscores or more, no space.
fn is_slug(title: &str) -> bool {
    let title = title.trim();
    title.chars().filter(|c| matches!(c, '-' | '_')).count() >= 2
        && title
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '-' | '_'))
}

/// Whether `candidate` is `headline`, or `headline` with a shorter part
/// added before or after a separator.
fn same_headline(headline: &str, candidate: &str) -> bool {
    let (h, c) = (normalise(headline), normalise(candidate));
    if h == c {
        return true;
    }
    let separators = SEPARATORS
        .iter()
        .chain(if has_cjk(&c) { CJK_SEPARATORS } else { &[] });
    // A note in brackets beside the headline ("… (VIDEO)", "[PHOTOS] …").
    let note = |rest: &str| {
        let rest = rest.trim();
        rest.chars().count() <= 20
            && (rest.starts_with('(') && rest.ends_with(')')
                || rest.starts_with('[') && rest.ends_with(']'))
            && !rest[1..rest.len() - 1].contains(['(', ')', '[', ']'])
    };
    if c.strip_prefix(&h).is_some_and(note) || c.strip_suffix(&h).is_some_and(note) {
        return true;
    }
    for sep in separators {
        if let Some(rest) = c.strip_prefix(&h).and_then(|r| r.strip_prefix(sep))
            && rest.chars().count() <= h.chars().count()
        {
            return true;
        }
        if let Some(rest) = c.strip_suffix(&h).and_then(|r| r.strip_suffix(sep))
            && rest.trim().chars().count() <= h.chars().count()
        {
            return true;
        }
    }
    false
}

/// Lower case, one space between words, one kind of quote and dash.
fn normalise(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .map(|c| match c {
            '‘' | '’' | '‚' | '′' => '\'',
            '“' | '”' | '„' | '«' | '»' => '"',
            _ => c,
        })
        .flat_map(char::to_lowercase)
        .collect::<String>()
        .trim_end_matches(['.', ' '])
        .to_string()
}

fn has_cjk(s: &str) -> bool {
    s.chars().any(crate::vocabulary::text::is_cjk)
}

fn squash(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Whether `part` names the site: its name, or its domain's main label.
fn is_site(part: &str, site: Option<&str>, host: Option<&str>) -> bool {
    let p = squash(part);
    if p.is_empty() {
        return false;
    }
    // "Genossenschaftsverband Bayern (GVB)" for "Genossenschaftsverband Bayern".
    // And "日本経済新聞" for "日本経済新聞 電子版", "Harbour Courier" for
    // "Harbour Courier Online": the name without an edition's word or two
    // (not a headline that a site name made of the title begins with).
    if site.is_some_and(|s| {
        let s = squash(s);
        let (sn, pn) = (s.chars().count(), p.chars().count());
        s == p
            || (sn >= 5 && p.starts_with(&s) && p.len() <= s.len() + 8)
            || (pn >= 4
                && part.split_whitespace().count() <= 4
                && s.starts_with(&p)
                && sn - pn <= 10
                && pn * 3 >= sn * 2)
    }) {
        return true;
    }
    host.is_some_and(|h| {
        let h = h.trim_start_matches("www.");
        squash(h) == p || h.split('.').next().is_some_and(|l| squash(l) == p)
    })
}

/// `title` without a site name before or after a separator (some pages
/// write `<title>` into their `<h1>`).
fn strip_site(title: &str, site: Option<&str>, host: Option<&str>) -> String {
    if let Some((head, _, tail)) = split_last(title, has_cjk(title))
        && is_site(tail, site, host)
        && !head.trim().is_empty()
    {
        return head.trim().to_string();
    }
    if let Some((head, _, tail)) = split_first(title)
        && is_site(head, site, host)
        && !tail.trim().is_empty()
    {
        return tail.trim().to_string();
    }
    title.to_string()
}

/// `title` without the site's name and the short parts a site adds before
/// or after the headline.
pub fn strip_affixes(title: &str, site: Option<&str>, host: Option<&str>) -> String {
    let mut title = crate::vocabulary::text::one_line(title);
    let cjk = has_cjk(&title);
    let words = |s: &str| s.split_whitespace().count();
    // Long enough to stand alone as a headline.
    let headline_like = |s: &str| {
        if cjk {
            s.chars().count() >= 6
        } else {
            words(s) >= 3
        }
    };
    // "Headline: Site", "見出し：朝日新聞デジタル" (and "Headline :: Site"): a
    // colon sets off the site's name only, never a short part (that may be
    // the headline's).
    if let Some((head, tail)) = title.rsplit_once([':', '：'])
        && is_site(tail, site, host)
    {
        let head = head.trim_end_matches([':', '：']).trim();
        if headline_like(head) {
            title = head.to_string();
        }
    }
    // A photo credit Japanese sites add ("…（写真＝ロイター）").
    static PHOTO_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\s*[（(]\s*写真\s*[＝=:：][^（）()]+[）)]\s*$").expect("valid title credit")
    });
    title = PHOTO_CREDIT.replace(&title, "").into_owned();
    for _ in 0..3 {
        let Some((head, _, tail)) = split_last(&title, cjk) else {
            break;
        };
        let short_tail = words(tail) <= 4 && tail.chars().count() <= 30;
        if (is_site(tail, site, host) && !head.trim().is_empty())
            || (short_tail && headline_like(head))
        {
            title = head.trim().to_string();
            continue;
        }
        break;
    }
    // "Opinion | Headline", "Site - Headline".
    if let Some((head, sep, tail)) = split_first(&title) {
        // Dashes join a name to its subtitle ("Firefox — Customize it");
        // bars and the like set off a label.
        let label = words(head) <= 2
            && head.chars().count() <= 20
            && matches!(sep, " | " | " :: " | " » " | " › " | " · " | " // ");
        if (is_site(head, site, host) && !tail.trim().is_empty()) || (label && headline_like(tail))
        {
            title = tail.trim().to_string();
        }
    }
    title
}

/// The title split at its last separator.
fn split_last(title: &str, cjk: bool) -> Option<(&str, &'static str, &str)> {
    let spaced = SEPARATORS
        .iter()
        .filter_map(|sep| title.rfind(sep).map(|at| (at, *sep)))
        .max_by_key(|(at, _)| *at);
    // Unspaced separators count only before CJK text and never right
    // after a Latin letter or digit, so "Wi-Fi" is never split.
    let found = spaced.or_else(|| {
        cjk.then(|| {
            CJK_SEPARATORS
                .iter()
                .flat_map(|sep| title.rmatch_indices(sep).map(|(at, _)| (at, *sep)))
                .filter(|(at, sep)| {
                    let before = title[..*at].trim_end().chars().next_back();
                    let after = title[at + sep.len()..].trim_start().chars().next();
                    before.is_some_and(|c| !c.is_ascii_alphanumeric())
                        && after.is_some_and(|c| has_cjk(&c.to_string()))
                })
                .max_by_key(|(at, _)| *at)
        })
        .flatten()
    })?;
    let (at, sep) = found;
    Some((
        title[..at].trim_end(),
        sep,
        title[at + sep.len()..].trim_start(),
    ))
}

/// The title split at its first separator (spaced separators only).
fn split_first(title: &str) -> Option<(&str, &'static str, &str)> {
    let (at, sep) = SEPARATORS
        .iter()
        .filter_map(|sep| title.find(sep).map(|at| (at, *sep)))
        .min_by_key(|(at, _)| *at)?;
    Some((&title[..at], sep, &title[at + sep.len()..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn added_parts_are_stripped() {
        let site = Some("Harbour Courier");
        let host = Some("www.courier.example");
        let cases = [
            ("Ferry approved | Harbour Courier", "Ferry approved"),
            ("Ferry approved :: Harbour Courier", "Ferry approved"),
            ("Ferry approved - Harbour Courier", "Ferry approved"),
            ("Ferry approved -- Harbour Courier", "Ferry approved"),
            ("Harbour Courier | Ferry approved", "Ferry approved"),
            (
                "Ferry approved - and about time",
                "Ferry approved - and about time",
            ),
            (
                "Council backs the night ferry | Editorial",
                "Council backs the night ferry",
            ),
            (
                "Council backs the night ferry - Auto News - Courier",
                "Council backs the night ferry",
            ),
            (
                "Opinion | Council backs the night ferry",
                "Council backs the night ferry",
            ),
            ("港口夜间渡轮获批-新华网", "港口夜间渡轮获批"),
            // Section names after the headline, the site's address last.
            (
                "港口夜间渡轮获批：蓬勃发展_首页港口_新闻中心_港口网_courier.example",
                "港口夜间渡轮获批：蓬勃发展",
            ),
            (
                "宇航员在太空中喝酒会怎么样？ _探索者 _光明网",
                "宇航员在太空中喝酒会怎么样？",
            ),
            (
                "Ferry approved at last | Harbour Courier (HC)",
                "Ferry approved at last",
            ),
            (
                "無線LANアプリ「フリーWi-Fiプロテクション」 - Yahoo!ニュース",
                "無線LANアプリ「フリーWi-Fiプロテクション」",
            ),
            ("Ferry approved", "Ferry approved"),
            (
                "Pier reopens at last « Hobbywerkstatt",
                "Pier reopens at last",
            ),
            (
                "Pier reopens at last ‹ Harbour Courier",
                "Pier reopens at last",
            ),
            ("News › Pier reopens at last", "Pier reopens at last"),
            (
                "Council backs the night ferry: Harbour Courier",
                "Council backs the night ferry",
            ),
            ("港口夜间渡轮获批：Harbour Courier", "港口夜间渡轮获批"),
            (
                "Harbour Courier: the night ferry",
                "Harbour Courier: the night ferry",
            ),
            (
                "Ferry — Crossing the harbour at night in winter",
                "Ferry — Crossing the harbour at night in winter",
            ),
            (
                "Xbox One X review: A console that keeps up",
                "Xbox One X review: A console that keeps up",
            ),
        ];
        for (title, want) in cases {
            assert_eq!(strip_affixes(title, site, host), want, "{title}");
        }
    }

    #[test]
    fn a_short_form_of_the_site_name_is_the_site() {
        let cases = [
            (
                "米朝首脳直通電話　習氏に挑む戦術　（写真＝ロイター）　：日本経済新聞",
                Some("日本経済新聞 電子版"),
                "米朝首脳直通電話 習氏に挑む戦術",
            ),
            (
                "Ferry approved at last | Harbour Courier",
                Some("Harbour Courier Online"),
                "Ferry approved at last",
            ),
            // A third of the name is not the site.
            (
                "Ferry approved at last: Harbour",
                Some("Harbour Courier Online"),
                "Ferry approved at last: Harbour",
            ),
        ];
        for (title, site, want) in cases {
            assert_eq!(strip_affixes(title, site, None), want, "{title}");
        }
        // A headline that a site name made of the title begins with is
        // not the site.
        let site = Some("Ferries run again in the winter - ZDFmediathek");
        assert!(!is_site("Ferries run again in the winter", site, None));
        assert!(is_site(
            "Courier Mediathek",
            Some("Courier Mediathek Online"),
            None
        ));
        let site = Some("Land zahlte rund 1,4 Millionen Euro für die Fähre | MLUK");
        assert!(!is_site(
            "Land zahlte rund 1,4 Millionen Euro für die Fähre",
            site,
            None
        ));
    }

    #[test]
    fn visible_headline_wins_when_it_matches() {
        let t = |c: &[(&'static str, &str)], h: &[&str]| {
            let c: Vec<(&'static str, String)> =
                c.iter().map(|(s, t)| (*s, t.to_string())).collect();
            let h: Vec<String> = h.iter().map(|t| t.to_string()).collect();
            choose(&c, &h, &[], Some("Harbour Courier"), None, None)
        };
        assert_eq!(
            t(
                &[("og:title", "Opinion | Keep the ferry | Harbour Courier")],
                &["Harbour Courier", "Opinion | Keep the ferry"]
            ),
            Some(("Opinion | Keep the ferry".to_string(), "<h1>"))
        );
        assert_eq!(
            t(
                &[
                    (
                        "json-ld headline",
                        "matrix equal to its conjugate-transpose"
                    ),
                    ("json-ld name", "Hermitian matrix"),
                ],
                &["Hermitian matrix"]
            ),
            Some(("Hermitian matrix".to_string(), "<h1>"))
        );
        assert_eq!(
            t(
                &[("og:title", "Ferry approved | Harbour Courier")],
                &["Harbour Courier"]
            ),
            Some(("Ferry approved".to_string(), "og:title"))
        );
        assert_eq!(
            t(&[("<title>", "Ferry approved")], &["Weather"]),
            Some(("Ferry approved".to_string(), "<title>"))
        );
        assert_eq!(
            t(&[], &["Harbour Courier", "Ferry approved"]),
            Some(("Ferry approved".to_string(), "<h1>"))
        );
        // A note in brackets the title adds to the headline.
        assert_eq!(
            t(
                &[("og:title", "Ferry approved at last (VIDEO)")],
                &["Ferry approved at last"]
            ),
            Some(("Ferry approved at last".to_string(), "<h1>"))
        );
        assert_eq!(
            t(
                &[("og:title", "[PHOTOS] Ferry approved at last")],
                &["Ferry approved at last"]
            ),
            Some(("Ferry approved at last".to_string(), "<h1>"))
        );
        // Not a sentence in brackets.
        assert_eq!(
            t(
                &[(
                    "og:title",
                    "Ferry approved (after the board met for six hours on Tuesday)"
                )],
                &["Ferry approved"]
            ),
            Some((
                "Ferry approved (after the board met for six hours on Tuesday)".to_string(),
                "og:title"
            ))
        );
        // An `og:title` that is the address's slug is no title.
        assert_eq!(
            t(
                &[
                    ("og:title", "ferry-test-autumn-2018"),
                    ("<title>", "Ferry test 2018 | Harbour Courier")
                ],
                &["Harbour Courier"]
            ),
            Some(("Ferry test 2018".to_string(), "<title>"))
        );
        assert!(!is_slug("COVID-19-Test"));
        assert!(!is_slug("e-mail"));
    }

    /// Titles that end with the authors' names, several or with a note.
    #[test]
    fn the_authors_after_a_headline_go() {
        let (both, one) = (Some("Jo Roe and Li Wei"), Some("Jo Roe"));
        let headline = "Ferry approved at last";
        let choose_one = |title: &str, h1: Option<&str>, byline| {
            let c = vec![("og:title", title.to_string())];
            let h: Vec<String> = h1.into_iter().map(str::to_string).collect();
            choose(&c, &h, &[], None, None, byline)
        };
        // Longer than the headline: the visible `<h1>` still wins.
        for (title, byline) in [
            ("Ferry approved at last - Jo Roe and Li Wei", both),
            ("Ferry approved at last - Jo Roe ( Joey ) ( jroe )", one),
        ] {
            assert_eq!(
                choose_one(title, Some(headline), byline),
                Some((headline.to_string(), "<h1>")),
                "{title}"
            );
            assert_eq!(
                choose_one(title, None, byline),
                Some((headline.to_string(), "og:title")),
                "{title}"
            );
        }
        // Not a subtitle about the author, not a headline of a word or
        // two, not names that are not the byline's.
        for title in [
            "Ferry approved at last - Jo Roe on the night crossing",
            "Interview - Jo Roe and Li Wei",
            "Ferry approved at last - Ann Lee and Tom Poe",
        ] {
            assert_eq!(
                choose_one(title, None, both),
                Some((title.to_string(), "og:title")),
                "{title}"
            );
        }
    }

    /// A blog theme whose `<title>` and `<h1>` (its logo) name the site
    /// alone prints the post's title as an `<h2>`.
    #[test]
    fn a_title_naming_only_the_site_gives_way_to_the_first_subhead() {
        let c = vec![("<title>", "courier.example".to_string())];
        let subheads = ["Menu".to_string(), "Ferry approved at last".to_string()];
        assert_eq!(
            choose(&c, &[], &subheads, None, Some("courier.example"), None),
            Some(("Ferry approved at last".to_string(), "<h2>"))
        );
        // A real title keeps its place.
        let c = vec![("<title>", "Ferry approved".to_string())];
        assert_eq!(
            choose(&c, &[], &subheads, None, Some("courier.example"), None),
            Some(("Ferry approved".to_string(), "<title>"))
        );
    }
}
