//! Output URLs of articles: `<section>/<slug>.html`.
//!
//! The slug comes from front matter or the file name without its date; it
//! is unique within the section and never a name the section's list pages
//! use (`index`, `pageN`). URLs are assigned in path order, so adding an
//! article never renames an older one.

use crate::content::Meta;
use crate::vocabulary::names;
use std::collections::HashSet;

/// One URL per source, in the order given.
pub fn assign(sources: &[Meta]) -> Vec<String> {
    let mut order: Vec<usize> = (0..sources.len()).collect();
    order.sort_by(|&a, &b| sources[a].rel_path.cmp(&sources[b].rel_path));
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
        let name = names::unique(&base, |c| {
            names::is_list_page_name(c) || taken.contains(&format!("{}/{c}", s.section))
        });
        taken.insert(format!("{}/{name}", s.section));
        urls[i] = format!("{}/{name}.html", s.section);
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
        assert_eq!(
            assign(&sources),
            [
                "world/ferry.html",
                "world/ferry-2.html",
                "world/index-2.html",
                "world/page2-2.html",
                "sports/ferry.html"
            ]
        );
    }
}
