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
use std::collections::HashSet;

/// One URL per source, in the order given; `dirs` holds each source's
/// section folder (`world`, `us/world`).
pub fn assign(sources: &[Meta], dirs: &[&str]) -> Vec<String> {
    let mut order: Vec<usize> = (0..sources.len()).collect();
    // Oldest first, undated last, then by path.
    order.sort_by(|&a, &b| {
        let (x, y) = (&sources[a], &sources[b]);
        (x.date.is_none(), x.date, &x.rel_path).cmp(&(y.date.is_none(), y.date, &y.rel_path))
    });
    let mut taken: HashSet<String> = HashSet::new();
    let mut urls = vec![String::new(); sources.len()];
    for i in order {
        let s = &sources[i];
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
        let base = names::slugify(wanted, names::MAX_SLUG);
        let dir = dirs[i];
        let name = names::unique(&base, |c| {
            names::is_list_page_name(c) || taken.contains(&format!("{dir}/{c}"))
        });
        taken.insert(format!("{dir}/{name}"));
        urls[i] = format!("{dir}/{name}.html");
    }
    urls
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source(path: &str, title: &str, date: &str) -> Meta {
        let text = format!("---\ntitle: {title}\ndate: {date}\n---\nBody of {title}.\n");
        crate::content::parse(path, &text)
            .unwrap()
            .meta(String::new())
    }

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
