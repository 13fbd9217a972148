//! Output URLs of articles: `<section>/<slug>.html` (`<edition>/<section>/
//! <slug>.html` in an edition).
//!
//! The slug comes from front matter or the file name without its date, so
//! editing a title never moves an article. It is unique within the section
//! and never a name the section's list pages use (`index`, `pageN`). When
//! two articles want one name, the older one keeps it: names are handed
//! out oldest first (by date, then path), so an article published later
//! can never take the URL of one published before.

use crate::content::Meta;
use crate::vocabulary::names;
use rayon::prelude::*;
use std::collections::{HashMap, HashSet};

/// One URL per source, in the order given; `dirs` holds each source's
/// section folder (`world`, `us/world`).
pub fn assign(sources: &[Meta], dirs: &[&str]) -> Vec<String> {
    let mut order: Vec<usize> = (0..sources.len()).collect();
    // Oldest first, undated last, then by path.
    order.sort_by(|&a, &b| {
        let (x, y) = (&sources[a], &sources[b]);
        (x.date.is_none(), x.date, &x.rel_path).cmp(&(y.date.is_none(), y.date, &y.rel_path))
    });
    // The wanted names, made in parallel; who gets which, in order.
    let bases: Vec<String> = sources
        .par_iter()
        .map(|s| {
            let stem = s
                .rel_path
                .rsplit('/')
                .next()
                .unwrap_or(&s.rel_path)
                .trim_end_matches(".md");
            let wanted = s
                .front
                .slug
                .as_deref()
                .unwrap_or_else(|| names::strip_date_prefix(stem));
            names::slugify(wanted, names::MAX_SLUG)
        })
        .collect();
    let mut taken: HashMap<&str, HashSet<String>> = HashMap::new();
    let mut urls = vec![String::new(); sources.len()];
    for i in order {
        let dir = dirs[i];
        let names_in_dir = taken.entry(dir).or_default();
        let name = names::unique(&bases[i], |c| {
            names::is_list_page_name(c) || names_in_dir.contains(c)
        });
        urls[i] = format!("{dir}/{name}.html");
        names_in_dir.insert(name);
    }
    urls
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::tests::source;

    #[test]
    fn urls_are_unique_and_short() {
        let sources = vec![
            source("world/2026-11-27-ferry.md", "A", "2026-11-27"),
            source("world/2026-11-28-ferry.md", "B", "2026-11-28"),
            source("world/index.md", "C", "2026-11-28"),
            source("world/page2.md", "C", "2026-11-28"),
            source("sports/2026-11-28-ferry.md", "D", "2026-11-28"),
        ];
        let dirs: Vec<&str> = sources.iter().map(|s| s.section.as_str()).collect();
        assert_eq!(
            assign(&sources, &dirs),
            [
                "world/ferry.html",
                "world/ferry-2.html",
                "world/index-2.html",
                "world/page2-2.html",
                "sports/ferry.html"
            ]
        );
    }

    #[test]
    fn an_older_article_keeps_its_name() {
        // A later file sorts first by path but was published later.
        let sources = vec![
            source("world/a-ferry.md", "New", "2026-11-28"),
            source("world/b-ferry.md", "Old", "2026-11-01"),
        ];
        let sources: Vec<Meta> = sources
            .into_iter()
            .map(|mut m| {
                m.front.slug = Some("ferry".into());
                m
            })
            .collect();
        let dirs = ["us/world", "us/world"];
        assert_eq!(
            assign(&sources, &dirs),
            ["us/world/ferry-2.html", "us/world/ferry.html"]
        );
    }
}
