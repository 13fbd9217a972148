//! Teaser lists after a story: "More from the Courier" as a run of boxes,
//! each the headline of another story on the same site (a link) and a
//! line or two of its teaser. Readability keeps such a list when its
//! teasers are long enough to score as prose, and a short story then
//! comes out with ten other stories' openings under it, or loses to the
//! list outright. So lists go from the page before Readability reads it.
//!
//! Found by their shape, not their class names: three or more sibling
//! boxes that each hold one headline linking to a page of the same site
//! and at most one paragraph of prose, after a story of its own or above
//! the page's headline (a "Top stories" box over the article). A list
//! article's items (a headline to a shop's page, then a paragraph), a
//! weekly edition's headlines with their articles under them and a page
//! of briefs with no story before them stay.
//!
//! Link lists go too: a labelled list of the site's other headlines,
//! linked alone, in the story's own box ("More must-read stories from
//! the Courier:"), which Readability would drop with the story's last
//! part around it ([`remove_link_lists`]).

use super::clean::{
    at_most_one_prose_paragraph, chars_before, holds_at_most, is_heading, like_title, text_chars,
};
use dom_query::{Document, NodeId, NodeRef};
use std::collections::HashSet;
use url::Url;

/// The fewest boxes that make a teaser list.
const FEWEST_TEASERS: usize = 3;

/// The most text (in characters) a teaser box holds.
pub(super) const TEASER_CHARS: usize = 500;

/// The fewest characters of text outside links a teaser box holds (its
/// teaser line).
const TEASER_LINE_CHARS: usize = 40;

/// The prose (in paragraphs' characters) that must stand before a list for
/// it to follow a story rather than be the page, or under the headline a
/// list stands above.
const STORY_CHARS: usize = 300;

/// Removes from `doc` (the page) each teaser list that follows
/// [`STORY_CHARS`] of paragraphs, or stands above the page's headline
/// (an `<h1>` that reads like `headline`) with that much after it. `base` is the
/// page's address: a teaser links to a page on its host (or by a
/// relative address).
pub fn remove_teaser_lists(doc: &Document, base: Option<&Url>, headline: Option<&str>) {
    let lists: Vec<NodeRef> = doc
        .root()
        .descendants_it()
        .filter(|n| is_teaser_list(n, base))
        .collect();
    if lists.is_empty() {
        return;
    }
    let ids: HashSet<NodeId> = lists.iter().map(|l| l.id).collect();
    let above = lists_above_headline(doc, &ids, headline);
    // Counted before any list goes: a list after a removed one has the
    // story that stood before that one before it too.
    let before = chars_before(doc, &lists);
    for list in lists {
        if above.contains(&list.id) || before.get(&list.id).is_some_and(|&n| n >= STORY_CHARS) {
            list.remove_from_parent();
        }
    }
}

/// Removes from `doc` each list of links to the site's other stories that
/// follows [`STORY_CHARS`] of the story's paragraphs in the same box,
/// with the label before it that calls them other stories ("More
/// must-read stories from the Courier:" and a headline to an item). Readability drops a box with
/// more list items than paragraphs, and where a story is split across
/// boxes, the last box's paragraphs went with such a list; after
/// Readability, the list and its label are furniture the tidying would
/// not know by their words.
pub fn remove_link_lists(doc: &Document, base: Option<&Url>) {
    let lists: Vec<(NodeRef, NodeRef)> = doc
        .select("ul, ol")
        .nodes()
        .iter()
        .filter(|l| is_link_list(l, base) && story_before(l) >= STORY_CHARS)
        .filter_map(|l| Some((l.prev_element_sibling().filter(is_list_label)?, *l)))
        .collect();
    for (label, list) in lists {
        label.remove_from_parent();
        list.remove_from_parent();
    }
}

/// The most characters a list's label holds.
const LABEL_CHARS: usize = 80;

/// Whether `node` labels the list after it as other stories: a short
/// block with no link that names related stories ("Related", "Read
/// more"), or a title set apart, in bold or as a heading, ending in a
/// colon ("**More must-read stories from the Courier:**"). A lead-in
/// sentence ("The following schools will close:") opens the story's own
/// list.
fn is_list_label(node: &NodeRef) -> bool {
    let text = node.text();
    let text = text.trim();
    let set_apart = || {
        is_heading(node)
            || node
                .descendants_it()
                .any(|d| (d.has_name("strong") || d.has_name("b")) && d.text().trim() == text)
    };
    !text.is_empty()
        && text.chars().count() <= LABEL_CHARS
        && !node.descendants_it().any(|d| d.has_name("a"))
        && (super::boilerplate::is_related_heading(text)
            || text.ends_with([':', '：']) && set_apart())
}

/// Whether `list`'s items are each a link alone to another page of the
/// site (bullets and dashes aside; not a document, not another site's
/// page), but for one among [`FEWEST_TEASERS`] or more.
fn is_link_list(list: &NodeRef, base: Option<&Url>) -> bool {
    let items: Vec<NodeRef> = list
        .children_it(false)
        .filter(|c| c.has_name("li"))
        .collect();
    let alone = items.iter().filter(|li| is_link_alone(li, base)).count();
    alone > 0 && alone >= items.len().min(FEWEST_TEASERS) && alone + 1 >= items.len()
}

/// The fewest words of a headline: a related list links to other
/// stories by their headlines, a story's own list to schools, people or
/// places by their names.
const HEADLINE_WORDS: usize = 4;

/// Whether `item`'s text is one link's, a headline's, to another page of
/// the site.
fn is_link_alone(item: &NodeRef, base: Option<&Url>) -> bool {
    let mut links = item.descendants_it().filter(|d| d.has_name("a"));
    let (Some(link), None) = (links.next(), links.next()) else {
        return false;
    };
    let bare = |s: &str| -> String {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .collect::<String>()
    };
    bare(&item.text()) == bare(&link.text()) && is_headline_link(&link, base)
}

/// Whether `link` gives another story's headline (of [`HEADLINE_WORDS`]
/// or more) and leads to another page of the site ([`is_site_page`]).
pub(super) fn is_headline_link(link: &NodeRef, base: Option<&Url>) -> bool {
    link.text().split_whitespace().count() >= HEADLINE_WORDS
        && link
            .attr("href")
            .is_some_and(|href| is_site_page(&href, base))
}

/// Whether `href` leads to another page of the site at `base`
/// ([`same_site`]) rather than to a document on it (a PDF the story
/// gives).
pub(super) fn is_site_page(href: &str, base: Option<&Url>) -> bool {
    let href = href.trim();
    same_site(href, base) && !super::clean::is_document(href)
}

/// The characters of the paragraphs before `node` among its siblings.
fn story_before(node: &NodeRef) -> usize {
    let mut chars = 0;
    let mut prev = node.prev_element_sibling();
    while let Some(p) = prev {
        if p.has_name("p") {
            chars += text_chars(&p);
        }
        prev = p.prev_element_sibling();
    }
    chars
}

/// Those of `lists` that stand above the page's headline (the first
/// `<h1>` that reads like `headline`, outside any list and any footer or
/// navigation, where a site sets its name), when at least
/// [`STORY_CHARS`] of paragraphs follow it: a "Top stories" box over the
/// article is the site's, as a list after the story is. One walk.
fn lists_above_headline(
    doc: &Document,
    lists: &HashSet<NodeId>,
    headline: Option<&str>,
) -> HashSet<NodeId> {
    let Some(headline) = headline else {
        return HashSet::new();
    };
    let (mut before, mut story, mut found) = (HashSet::new(), 0, false);
    for node in doc.root().descendants_it() {
        if found {
            if node.has_name("p") {
                story += text_chars(&node);
            }
        } else if lists.contains(&node.id) {
            before.insert(node.id);
        } else if node.has_name("h1")
            && like_title(headline, &node.text())
            && !node
                .ancestors_it(None)
                .any(|a| lists.contains(&a.id) || a.has_name("footer") || a.has_name("nav"))
        {
            found = true;
        }
    }
    if found && story >= STORY_CHARS {
        before
    } else {
        HashSet::new()
    }
}

/// Whether `node` holds only teaser boxes (at least [`FEWEST_TEASERS`]),
/// after at most a heading of its own, and no text between them.
fn is_teaser_list(node: &NodeRef, base: Option<&Url>) -> bool {
    // Most boxes hold fewer children than a list: they cost one look.
    let children = node.children_it(false).filter(NodeRef::is_element);
    if !node.is_element() || children.take(FEWEST_TEASERS).count() < FEWEST_TEASERS {
        return false;
    }
    let mut teasers = 0;
    for child in node.children_it(false) {
        if child.is_text() {
            if !child.text().trim().is_empty() {
                return false;
            }
        } else if child.is_element() {
            if is_teaser(&child, base) {
                teasers += 1;
            } else if !(teasers == 0 && is_heading(&child)) {
                return false;
            }
        }
    }
    teasers >= FEWEST_TEASERS
}

/// Whether `node` is a teaser box: one headline that links to a page of
/// the site (or stands in such a link), a teaser line outside links but
/// at most one paragraph of prose, and at most [`TEASER_CHARS`] of text.
fn is_teaser(node: &NodeRef, base: Option<&Url>) -> bool {
    let boxed = node.element_ref().is_some_and(|el| {
        matches!(
            &*el.name.local,
            "div" | "article" | "li" | "section" | "aside"
        )
    });
    if !boxed || !holds_at_most(node, TEASER_CHARS) {
        return false;
    }
    let mut headings = node.descendants_it().filter(is_heading);
    let (Some(heading), None) = (headings.next(), headings.next()) else {
        return false;
    };
    let link = heading
        .ancestors_it(None)
        .take_while(|a| a.id != node.id)
        .find(|a| a.has_name("a"))
        .or_else(|| heading.descendants_it().find(|d| d.has_name("a")));
    let on_this_site = link
        .and_then(|a| a.attr("href"))
        .is_some_and(|href| same_site(href.trim(), base));
    on_this_site && unlinked_chars(node) >= TEASER_LINE_CHARS && at_most_one_prose_paragraph(node)
}

/// The characters of `node`'s text outside links: a teaser's line, which
/// a menu's column of links under a linked heading lacks.
fn unlinked_chars(node: &NodeRef) -> usize {
    node.descendants_it()
        .filter(|d| {
            d.is_text()
                && !d
                    .ancestors_it(None)
                    .take_while(|a| a.id != node.id)
                    .any(|a| a.has_name("a"))
        })
        .map(|t| t.text().trim().chars().count())
        .sum()
}

/// Whether `href` leads to another page of the site at `base` (not an
/// anchor on this page): resolved against `base`, it is on `base`'s host
/// or on the page's canonical host ([`on_site_too`]), "www." set aside.
/// With no `base` (or one without a host, a `file:` address), a relative
/// address (`/news/1`, not `//other.example/`) stays on the site.
pub(super) fn same_site(href: &str, base: Option<&Url>) -> bool {
    if href.is_empty() || href.starts_with('#') {
        return false;
    }
    match base.filter(|b| b.host_str().is_some()) {
        Some(base) => base
            .join(href)
            .is_ok_and(|url| url.host_str().is_some_and(|host| is_site_host(host, base))),
        None => {
            matches!(
                Url::parse(href),
                Err(url::ParseError::RelativeUrlWithoutBase)
            ) && !href.starts_with("//")
        }
    }
}

/// Whether `host` is the site's: `base`'s or the page's canonical host
/// ([`on_site_too`]), "www." set aside.
pub(super) fn is_site_host(host: &str, base: &Url) -> bool {
    let host = site_host(host);
    base.host_str().map(site_host) == Some(host)
        || CANONICAL_HOST.with_borrow(|c| c.as_deref() == Some(host))
}

/// A host as the site's name: without a leading "www.".
pub(super) fn site_host(host: &str) -> &str {
    host.strip_prefix("www.").unwrap_or(host)
}

thread_local! {
    /// The host of the page's canonical address ([`on_site_too`]).
    static CANONICAL_HOST: std::cell::RefCell<Option<String>> =
        const { std::cell::RefCell::new(None) };
}

/// Counts links to `canonical_host` (the host of the page's canonical
/// address) as the site's own ([`same_site`]) until the guard returned
/// is dropped: a page read at another address (a mirror, an AMP or
/// mobile copy, a saved file) still knows its site's other pages.
pub(super) fn on_site_too(canonical_host: Option<&str>) -> OnSite {
    let host = canonical_host.map(|h| site_host(h).to_string());
    OnSite {
        before: CANONICAL_HOST.replace(host),
    }
}

/// The canonical host set by [`on_site_too`], for as long as it lives.
#[must_use = "the canonical host counts only while this lives"]
pub(super) struct OnSite {
    before: Option<String>,
}

impl Drop for OnSite {
    fn drop(&mut self) {
        CANONICAL_HOST.set(self.before.take());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const STORY: &str = "<p>The council voted on Tuesday to repair the old pier at Brightsea after a long campaign by residents.</p>\
        <p>Work will begin in the spring and is expected to take eighteen months, according to the council's estimates.</p>\
        <p>Residents had gathered more than four thousand signatures on a petition calling for the pier to be saved.</p>\
        <p>The pier, built in 1891, has been closed to the public since a section of its decking collapsed in a storm.</p>\
        <p>Engineers say the iron piles are sound, but much of the timber above them will have to be replaced.</p>";

    const TEASER: &str = "The harbour board said on Monday that the lighthouse would need a new lamp and a new roof before the summer season begins.";

    fn after(html: &str) -> String {
        let doc = Document::fragment(html);
        let base = Url::parse("https://courier.example/news/local/pier").unwrap();
        remove_teaser_lists(&doc, Some(&base), Some("Pier saved"));
        doc.root().text().to_string()
    }

    fn teasers(card: &str) -> String {
        (1..=4)
            .map(|i| card.replace("{i}", &i.to_string()))
            .collect()
    }

    #[test]
    fn a_list_of_the_sites_teasers_after_the_story_goes() {
        for (list, card) in [
            (
                "<div class=\"more\">{}</div>",
                "<div><h3><a href=\"/news/{i}\">Other story {i}</a></h3><p>TEASER</p></div>",
            ),
            (
                "<section><h2>More from the Courier</h2>{}</section>",
                "<article><a href=\"https://courier.example/n/{i}\"><h4>Other story {i}</h4></a><time>Monday</time><p>TEASER</p></article>",
            ),
            (
                "<ul>{}</ul>",
                "<li><h3><a href=\"/news/{i}\">Other story {i}</a></h3><span>The lighthouse needs a new lamp, the board says.</span></li>",
            ),
        ] {
            let list = list.replace("{}", &teasers(&card.replace("TEASER", TEASER)));
            let text = after(&format!("<div>{STORY}{list}</div>"));
            assert!(!text.contains("Other story"), "{list}");
            assert!(!text.contains("lighthouse"), "{list}");
            assert!(text.contains("replaced"), "{list}");
        }
    }

    #[test]
    fn a_list_of_teasers_above_the_headline_goes() {
        let list = format!(
            "<div class=\"top\">{}</div>",
            teasers(&format!(
                "<div><h3><a href=\"/news/{{i}}\">Other story {{i}}</a></h3><p>{TEASER}</p></div>"
            ))
        );
        let html = format!(
            "<div><h1>Courier</h1>{list}<article><h1>Pier saved</h1>{STORY}</article></div>"
        );
        let text = after(&html);
        assert!(!text.contains("lighthouse"), "{text}");
        assert!(
            text.contains("Pier saved") && text.contains("iron piles"),
            "{text}"
        );
        // Above a headline with no story under it, or with no headline
        // after it, the list stays.
        for html in [
            format!("<div>{list}<h1>Pier saved</h1><p>Short.</p></div>"),
            format!("<div><h1>Briefs</h1>{list}{STORY}</div>"),
            // Only the page's headline counts, and never a logo in the
            // footer, even when the page is titled by it.
            format!("<div>{list}<footer><h1>The Courier</h1>{STORY}</footer></div>"),
            format!("<div>{list}<footer><h1>Pier saved</h1>{STORY}</footer></div>"),
        ] {
            assert!(after(&html).contains("lighthouse"), "{html}");
        }
    }

    #[test]
    fn a_teaser_links_to_the_sites_host() {
        let base = Url::parse("https://courier.example/news/local/pier").unwrap();
        for (href, with_base, without_base) in [
            ("/news/1", true, true),
            ("other-story", true, true),
            ("https://courier.example/n/1", true, false),
            // The same site with or without "www.".
            ("https://www.courier.example/n/1", true, false),
            ("//courier.example/n/1", true, false),
            ("https://shop.example/1", false, false),
            ("//shop.example/1", false, false),
            ("#post-1", false, false),
            ("mailto:desk@courier.example", false, false),
        ] {
            assert_eq!(same_site(href, Some(&base)), with_base, "{href}");
            assert_eq!(same_site(href, None), without_base, "{href} without a base");
            let file = Url::parse("file:///home/jo/saved/pier.html").unwrap();
            assert_eq!(
                same_site(href, Some(&file)),
                without_base,
                "{href} on a file"
            );
        }
    }

    #[test]
    fn the_canonical_host_is_the_site_too() {
        // A page read at another address (a mirror, an AMP copy) whose
        // canonical address is on the site's host.
        let base = Url::parse("https://amp.mirror.example/pier").unwrap();
        let story = "https://courier.example/news/2";
        assert!(!same_site(story, Some(&base)));
        {
            let _site = on_site_too(Some("www.courier.example"));
            assert!(same_site(story, Some(&base)));
            assert!(same_site("/news/3", Some(&base)));
            assert!(!same_site("https://shop.example/1", Some(&base)));
        }
        // Only while the guard lives.
        assert!(!same_site(story, Some(&base)));
        let _none = on_site_too(None);
        assert!(!same_site(story, Some(&base)));
    }

    #[test]
    fn headlines_that_are_the_story_stay() {
        let teaser = |card: &str| teasers(&card.replace("TEASER", TEASER));
        for html in [
            // Briefs: no story before the list.
            format!(
                "<div>{}</div>",
                teaser(
                    "<div><h3><a href=\"/news/{i}\">Other story {i}</a></h3><p>TEASER</p></div>"
                )
            ),
            // A list article's items link to other sites.
            format!(
                "<div>{STORY}<div>{}</div></div>",
                teaser(
                    "<div><h3><a href=\"https://shop.example/{i}\">Game {i}</a></h3><p>TEASER</p></div>"
                )
            ),
            format!(
                "<div>{STORY}<div>{}</div></div>",
                teaser(
                    "<div><h3><a href=\"//shop.example/{i}\">Game {i}</a></h3><p>TEASER</p></div>"
                )
            ),
            // Each item holds an article of its own.
            format!(
                "<div>{STORY}<div>{}</div></div>",
                teaser(
                    "<div><h3><a href=\"/news/{i}\">Other story {i}</a></h3><p>TEASER</p><p>TEASER</p></div>"
                )
            ),
            // Anchors on this page (a live blog's posts).
            format!(
                "<div>{STORY}<div>{}</div></div>",
                teaser(
                    "<div><h3><a href=\"#post-{i}\">Other story {i}</a></h3><p>TEASER</p></div>"
                )
            ),
            // A menu's columns: a linked heading over links, no teaser.
            format!(
                "<div>{STORY}<div>{}</div></div>",
                teasers(
                    "<div><a href=\"/c/{i}\"><h4>Section {i}</h4></a><a href=\"/a/{i}\">The lighthouse needs a new lamp, the board says</a></div>"
                )
            ),
            // Prose between the boxes.
            format!(
                "<div>{STORY}<div>{}Text between.</div></div>",
                teaser(
                    "<div><h3><a href=\"/news/{i}\">Other story {i}</a></h3><p>TEASER</p></div>"
                )
            ),
        ] {
            assert!(after(&html).contains("lighthouse"), "{html}");
        }
        // Two boxes are not a list.
        let two = "<div><h3><a href=\"/news/1\">Other story</a></h3></div>".repeat(2);
        assert!(after(&format!("<div>{STORY}<div>{two}</div></div>")).contains("Other story"));
    }

    fn after_link_lists(html: &str) -> String {
        let doc = Document::fragment(html);
        let base = Url::parse("https://courier.example/news/local/pier").unwrap();
        remove_link_lists(&doc, Some(&base));
        doc.root().text().to_string()
    }

    #[test]
    fn a_list_of_links_to_the_sites_stories_after_a_story_goes_with_its_label() {
        let items = |href: &str| {
            (1..=4)
                .map(|i| {
                    format!("<li>\u{2014}<a href=\"{href}{i}\">Other story {i} from the harbour</a></li>")
                })
                .collect::<String>()
        };
        let list = format!("<ul>{}</ul>", items("/news/"));
        for label in [
            "<p><strong>More must-read stories from the Courier:</strong></p>",
            "<h3>Related</h3>",
            "<p><b>Also on the Courier:</b></p>",
        ] {
            let text = after_link_lists(&format!("<div>{STORY}{label}{list}</div>"));
            assert!(!text.contains("Other story"), "{label}");
            assert!(
                !text.contains("must-read") && !text.contains("Related"),
                "{label}"
            );
            assert!(text.contains("replaced"), "{label}");
        }
        // One item may say more than its link (a podcast's blurb).
        let mixed = format!(
            "<ul>{}<li>Listen to <a href=\"/podcast\">Harbour Talk</a>, our weekly podcast</li></ul>",
            items("/news/")
        );
        let text = after_link_lists(&format!("<div>{STORY}<h3>Related</h3>{mixed}</div>"));
        assert!(!text.contains("Other story"), "{text}");
        // Under a label set apart, one headline is a list.
        let one = "<p><strong>CITEŞTE ŞI:</strong></p><ul><li><a href=\"/news/9\">Another story from the harbour board</a></li></ul>";
        let text = after_link_lists(&format!("<div>{STORY}{one}</div>"));
        assert!(
            !text.contains("Another story") && !text.contains("CITE"),
            "{text}"
        );
        // Each of these stays, under a related heading as well: every
        // case fails one condition of its own.
        let related = |items: &dyn Fn(usize) -> String| {
            let items: String = (1..=4).map(items).collect();
            format!("<div>{STORY}<h3>Related</h3><ul>{items}</ul></div>")
        };
        for html in [
            // Links to other sites: the story's sources.
            related(&|i| {
                format!(
                    "<li><a href=\"https://shop.example/{i}\">Other story {i} from the harbour</a></li>"
                )
            }),
            // Items that say more than their links.
            related(&|i| {
                format!(
                    "<li>Read <a href=\"/news/{i}\">other story {i} from the harbour</a> on the pier's history.</li>"
                )
            }),
            // Names, not headlines: the schools, candidates or beaches
            // the story lists.
            related(&|i| format!("<li><a href=\"/people/{i}\">Other story {i}</a></li>")),
            // A story's own list of documents.
            related(&|i| {
                format!(
                    "<li><a href=\"/files/plan-{i}.pdf\">Other story {i} from the harbour</a></li>"
                )
            }),
            // No story before the list: a page of links.
            format!("<div><p>Short.</p><h3>Related</h3>{list}</div>"),
            // No label, or the story's own lead-in, or its sources'.
            format!("<div>{STORY}{list}</div>"),
            format!("<div>{STORY}<p>The following stories will close on June 30:</p>{list}</div>"),
            format!("<div>{STORY}<p>Sources:</p>{list}</div>"),
            // Two links under a label, one of them a sentence's.
            format!(
                "<div>{STORY}<h3>Related</h3><ul><li><a href=\"/a\">Other story 1 from the harbour</a></li><li>The <a href=\"/b\">Other story 2 from the harbour</a> is our readers' choice</li></ul></div>"
            ),
        ] {
            let text = after_link_lists(&html);
            assert!(
                text.contains("story 1 from") || text.contains("Other story 1"),
                "{html}"
            );
            assert!(
                !html.contains("Sources:") || text.contains("Sources:"),
                "{html}"
            );
        }
    }
}
