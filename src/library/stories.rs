//! One story from many sources: articles of one edition that report the
//! same thing, so a front page can show it once with "Also: ..." links to
//! the other versions.
//!
//! Two articles are versions of one story when their source URLs are the
//! same page (compared as `content::store::canonical_url` does: no
//! tracking parameters, no fragment, http and https alike), or when their
//! titles are nearly the same (the same words, ignoring case, punctuation
//! and word order, with at least four of them, sharing at least four in
//! five) and they were published within a day of each other. Undated
//! articles are matched by URL only.

use super::Library;
use crate::content::store::canonical_url;
use std::collections::{HashMap, HashSet};

/// Titles share at least this share of their words (4 in 5) to match.
const TITLE_OVERLAP: f64 = 0.8;
/// Titles need at least this many words to be matched by words.
const TITLE_WORDS: usize = 4;
/// Versions of a story are published within this many seconds of each other.
const WINDOW_SECS: i64 = 24 * 3600;

/// A story: the version a page shows, and the others.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Story {
    /// The article shown (the newest version).
    pub lead: usize,
    /// The other versions, newest first.
    pub also: Vec<usize>,
}

/// The words of a title that decide whether two titles match.
fn words(title: &str) -> HashSet<String> {
    crate::vocabulary::text::words(title).collect()
}

fn titles_match(a: &HashSet<String>, b: &HashSet<String>) -> bool {
    if a.len() < TITLE_WORDS || b.len() < TITLE_WORDS {
        return a == b && !a.is_empty() && a.len() >= 2;
    }
    let shared = a.intersection(b).count() as f64;
    let union = (a.len() + b.len()) as f64 - shared;
    shared / union >= TITLE_OVERLAP
}

/// Finds stories one article at a time, never handing out an article
/// twice: a page asks for each article in the order it lists them, and
/// skips those that come back `None` (versions of a story it already has).
pub struct Grouper<'a> {
    lib: &'a Library,
    edition: usize,
    claimed: HashSet<usize>,
    /// The canonical source URL and title words of each article looked
    /// at so far, worked out once rather than at every comparison.
    keys: HashMap<usize, Key>,
}

/// What two articles are compared by.
struct Key {
    url: Option<String>,
    words: HashSet<String>,
}

impl<'a> Grouper<'a> {
    pub fn new(lib: &'a Library, edition: usize) -> Grouper<'a> {
        Grouper {
            lib,
            edition,
            claimed: HashSet::new(),
            keys: HashMap::new(),
        }
    }

    /// The story of article `first`, unless one already handed out holds it.
    pub fn story(&mut self, first: usize) -> Option<Story> {
        if self.claimed.contains(&first) {
            return None;
        }
        let lib = self.lib;
        let all = &lib.editions[self.edition].articles;
        let a = &lib.articles[first];
        // Only articles within a day of this one can be versions of it:
        // `all` is newest first, undated last.
        let window: &[usize] = match a.date {
            Some(d) => {
                let t = d.time();
                let newer = |j: &usize| {
                    lib.articles[*j]
                        .date
                        .is_some_and(|x| (x.time() - t).num_seconds() > WINDOW_SECS)
                };
                let within = |j: &usize| {
                    lib.articles[*j]
                        .date
                        .is_some_and(|x| (t - x.time()).num_seconds() <= WINDOW_SECS)
                };
                let from = all.partition_point(newer);
                let to = from + all[from..].partition_point(within);
                &all[from..to]
            }
            None => {
                let from = all.partition_point(|j| lib.articles[*j].date.is_some());
                &all[from..]
            }
        };
        for &j in window.iter().chain([&first]) {
            self.keys.entry(j).or_insert_with(|| {
                let b = &lib.articles[j];
                Key {
                    url: b.source_url.as_deref().and_then(canonical_url),
                    words: words(&b.title),
                }
            });
        }
        let (keys, claimed) = (&self.keys, &self.claimed);
        let key = &keys[&first];
        let mut versions: Vec<usize> = window
            .iter()
            .copied()
            .filter(|&j| j != first && !claimed.contains(&j))
            .filter(|&j| {
                let (b, other) = (&lib.articles[j], &keys[&j]);
                let same_url = key.url.is_some() && other.url == key.url;
                let both_dated = a.date.is_some() && b.date.is_some();
                same_url || (both_dated && titles_match(&key.words, &other.words))
            })
            .collect();
        versions.push(first);
        // Newest first, as the library orders articles.
        versions.sort_unstable();
        self.claimed.extend(&versions);
        Some(Story {
            lead: versions[0],
            also: versions[1..].to_vec(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_match_by_their_words() {
        let m = |a: &str, b: &str| titles_match(&words(a), &words(b));
        assert!(m(
            "Harbour Council Backs Night Ferry Plan",
            "Harbour council backs night-ferry plan"
        ));
        assert!(m(
            "Council backs night ferry plan for harbour",
            "Harbour council backs night ferry plan"
        ));
        assert!(!m(
            "Harbour Council Backs Night Ferry Plan",
            "Harbour Council Rejects Bridge Plan"
        ));
        assert!(!m("Weather", "Sport"));
        assert!(m("Election results", "Election Results!"));
    }
}
