//! A gallery's own words: its count ("1 of 4 Photos", "8 Bilder"), its
//! link to the gallery's page ("Zur Bildergalerie", "Otvori galeriju")
//! and its arrows, set in the box around its pictures, and the label of
//! a link from a picture to its gallery ("Виж галерията (14 снимки)").
//! Known by shape, in any language: figures, their captions and a short
//! line; a picture's link and a count in brackets.

use super::clean::CAPTION_MARK;
use dom_query::{Document, NodeId, NodeRef};
use std::collections::HashMap;

/// The most text (in characters) a gallery's box holds outside its
/// pictures' captions: a count, a link, arrows.
const GALLERY_WORDS_CHARS: usize = 80;

/// Removes the words of every gallery on the page: from the smallest box
/// holding two figures (pictures alone may be a table's icons or a
/// list's flags), up through the boxes around it
/// while their text outside captions stays within
/// [`GALLERY_WORDS_CHARS`], the text outside captions of the largest such
/// box. Pictures and captions stay (they are read later with the
/// article's images). Runs once captions are marked.
pub fn remove_gallery_words(doc: &Document) {
    // How many figures each box holds, counted up from each.
    let mut held: HashMap<NodeId, usize> = HashMap::new();
    let mut firsts = Vec::new();
    let figures: Vec<NodeRef> = doc
        .root()
        .descendants_it()
        .filter(|n| n.has_name("figure"))
        .collect();
    for figure in figures {
        for a in figure.ancestors_it(None) {
            let count = held.entry(a.id).or_default();
            *count += 1;
            if *count == 2 {
                firsts.push(a);
                break;
            }
        }
    }
    for first in firsts {
        if first.parent().is_none() {
            continue;
        }
        let mut gallery = None;
        let mut node = Some(first);
        while let Some(n) = node.filter(|n| {
            !n.node_name()
                .is_some_and(|name| matches!(&*name, "body" | "html" | "article" | "main"))
                && only_gallery_words(n, GALLERY_WORDS_CHARS)
        }) {
            gallery = Some(n);
            node = n.parent();
        }
        if let Some(gallery) = gallery {
            remove_words(&gallery);
        }
    }
}

/// The longest label [`remove_count_labels`] takes.
const COUNT_LABEL_CHARS: usize = 60;

/// Removes the label of each link to a gallery that holds one picture
/// and, as its only words, a name and a count in brackets, in any
/// language ("Виж галерията (14 снимки)", "Nuotraukų galerija (18)"): the
/// picture stays, to be listed. A year in brackets is no count ("Read the
/// report (2019)").
pub fn remove_count_labels(doc: &Document) {
    for link in doc.select("a").nodes() {
        // One picture: a row of thumbnails is the gallery's teaser, with
        // its words.
        if link.descendants_it().filter(|d| d.has_name("img")).count() != 1
            || !names_a_gallery(link)
        {
            continue;
        }
        let text = link.text();
        let label = text.trim();
        if label.is_empty() || label.chars().count() > COUNT_LABEL_CHARS || !is_count_label(label) {
            continue;
        }
        let words: Vec<NodeRef> = link.descendants_it().filter(NodeRef::is_text).collect();
        for word in words {
            word.remove_from_parent();
        }
    }
}

/// Whether a link's address, its class or its box's class names a
/// gallery: "gal" opens the word in most languages (`/galerii/`,
/// `gallery-link`, `galeria`, `Bildergalerie`); a recipe's step or a
/// book's chapter is linked elsewhere.
fn names_a_gallery(link: &NodeRef) -> bool {
    let named = |n: &NodeRef, attr: &str| {
        n.attr(attr)
            .is_some_and(|v| v.to_ascii_lowercase().contains("gal"))
    };
    named(link, "href") || named(link, "class") || link.parent().is_some_and(|p| named(&p, "class"))
}

/// Whether `label` is words without a sentence's end, then a count of
/// one to three digits in brackets, a word after it or not ("(14
/// снимки)", "(18)").
fn is_count_label(label: &str) -> bool {
    let Some((name, count)) = label.strip_suffix(')').and_then(|l| l.rsplit_once('(')) else {
        return false;
    };
    let mut parts = count.split_whitespace();
    let number = parts.next().unwrap_or_default();
    let rest: Vec<&str> = parts.collect();
    (1..=3).contains(&number.len())
        && number.chars().all(|c| c.is_ascii_digit())
        && rest.len() <= 1
        && rest.iter().all(|w| w.chars().all(char::is_alphabetic))
        && !name.trim().is_empty()
        && !name.contains(['.', '!', '?', '(', ')'])
}

/// Whether the text of `node` outside captions has at most `most`
/// characters (whitespace aside) and holds no sentence (four words or
/// more ending in a full stop, a question or an exclamation mark): a
/// title, a count and a link, not the story's words.
fn only_gallery_words(node: &NodeRef, most: usize) -> bool {
    let mut chars = 0;
    for text in node
        .descendants_it()
        .filter(|d| d.is_text() && !in_caption(d))
    {
        let words = text.text();
        let words = words.trim();
        chars += words.chars().filter(|c| !c.is_whitespace()).count();
        let sentence =
            words.ends_with(['.', '!', '?']) && words.split_whitespace().count() >= SENTENCE_WORDS;
        if chars > most || sentence {
            return false;
        }
    }
    true
}

/// The fewest words of a sentence [`only_gallery_words`] keeps a box for.
const SENTENCE_WORDS: usize = 4;

/// Whether `node` stands in a picture's caption.
fn in_caption(node: &NodeRef) -> bool {
    node.ancestors_it(None)
        .any(|a| a.has_name("figcaption") || a.has_attr(CAPTION_MARK))
}

/// Removes the words outside captions in `gallery`: each element that
/// holds them and no picture goes, else the words alone.
fn remove_words(gallery: &NodeRef) {
    let texts: Vec<NodeRef> = gallery
        .descendants_it()
        .filter(|d| d.is_text() && !d.text().trim().is_empty() && !in_caption(d))
        .collect();
    for text in texts {
        match text.parent().filter(|p| {
            p.id != gallery.id
                && !p.descendants_it().any(|d| {
                    d.has_name("img") || d.has_name("figcaption") || d.has_attr(CAPTION_MARK)
                })
        }) {
            Some(element) => element.remove_from_parent(),
            None => text.remove_from_parent(),
        }
    }
}
