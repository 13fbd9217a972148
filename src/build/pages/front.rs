//! Front pages and the edition chooser.
//!
//! An edition's front page shows the newest articles of each of its
//! sections (`front_page.per_section`, from the last `front_page.days`
//! days) and the newest of the whole edition (`latest`). With
//! `front_page.group_stories`, a story several feeds carry appears once,
//! where its first version would, with "Also:" links to the others
//! (`library::stories` says which articles are one story).

use super::data::*;
use super::{EditionView, Pages};
use crate::library::stories::{Grouper, Story};
use serde::Serialize;

#[derive(Serialize)]
struct FrontSection<'a> {
    #[serde(flatten)]
    info: SectionInfo,
    articles: Vec<Summary<'a>>,
    /// Whether the section has more articles than the front page shows.
    more: bool,
}

/// What one edition's front page shows, by article index.
pub struct Front {
    /// Per section (index into the library's sections): its stories.
    sections: Vec<(usize, Vec<Story>)>,
    latest: Vec<Story>,
    /// The date of the newest article, written out.
    pub updated: Option<String>,
}

impl Front {
    pub fn of(pages: &Pages, edition: usize) -> Front {
        let lib = pages.lib;
        let config = pages.config;
        let view = &pages.editions[edition];
        let recent = |a: &usize| {
            view.front_from
                .is_none_or(|from| lib.articles[*a].date.is_some_and(|d| d >= from))
        };
        let take = |list: &mut dyn Iterator<Item = usize>, n: usize, grouper: &mut Grouper| {
            let mut stories = Vec::new();
            for a in list {
                if stories.len() == n {
                    break;
                }
                if config.front_page.group_stories {
                    if let Some(story) = grouper.story(a) {
                        stories.push(story);
                    }
                } else {
                    stories.push(Story {
                        lead: a,
                        also: Vec::new(),
                    });
                }
            }
            stories
        };
        let mut grouper = Grouper::new(lib, edition);
        let sections = lib.editions[edition]
            .sections
            .iter()
            .map(|&i| {
                // The section's own `days` first, then the front page's.
                let shown = view.visible.get(&i).map_or(&[][..], Vec::as_slice);
                let mut list = shown.iter().copied().filter(recent);
                (
                    i,
                    take(&mut list, config.front_page.per_section, &mut grouper),
                )
            })
            .collect();
        let mut grouper = Grouper::new(lib, edition);
        let in_section: std::collections::HashSet<usize> =
            view.visible.values().flatten().copied().collect();
        let mut all = lib.editions[edition]
            .articles
            .iter()
            .copied()
            .filter(|a| in_section.contains(a))
            .filter(recent);
        let latest = take(&mut all, config.front_page.latest, &mut grouper);
        let updated = lib.editions[edition]
            .articles
            .iter()
            .filter_map(|&a| lib.articles[a].date)
            .max()
            .map(|d| view.strings.date_long(d));
        Front {
            sections,
            latest,
            updated,
        }
    }

    /// Feeds everything the page shows into a fingerprint: each section's
    /// stories and count, and the latest stories.
    pub fn hash(
        &self,
        view: &EditionView,
        h: &mut blake3::Hasher,
        articles: &mut dyn FnMut(&mut blake3::Hasher, &[usize]),
    ) {
        for (i, stories) in &self.sections {
            h.update(&(*i as u64).to_le_bytes());
            h.update(&(view.visible.get(i).map_or(0, Vec::len) as u64).to_le_bytes());
            for s in stories {
                articles(h, &[s.lead]);
                articles(h, &s.also);
            }
        }
        h.update(b"latest");
        for s in &self.latest {
            articles(h, &[s.lead]);
            articles(h, &s.also);
        }
        h.update(self.updated.as_deref().unwrap_or("").as_bytes());
    }

    pub fn context(&self, pages: &Pages, view: &EditionView) -> tera::Context {
        let lib = pages.lib;
        let s = &*view.strings;
        let feeds = pages.feeds;
        let summarise = |story: &Story| {
            let mut sum = summary(lib, s, &lib.articles[story.lead], feeds);
            sum.also = story
                .also
                .iter()
                .map(|&j| {
                    let b = &lib.articles[j];
                    AlsoLink {
                        title: &b.title,
                        url: &b.url,
                        source_name: b.source_name.as_deref(),
                    }
                })
                .collect();
            sum
        };
        let sections: Vec<FrontSection> = self
            .sections
            .iter()
            .filter(|(_, stories)| !stories.is_empty())
            .map(|(i, stories)| {
                let count = view.visible.get(i).map_or(0, Vec::len);
                let shown: usize = stories.iter().map(|s| 1 + s.also.len()).sum();
                FrontSection {
                    info: section_info(lib, *i, feeds, count),
                    articles: stories.iter().map(summarise).collect(),
                    more: count > shown,
                }
            })
            .collect();
        let latest: Vec<Summary> = self.latest.iter().map(summarise).collect();
        let mut ctx = tera::Context::new();
        ctx.insert("sections", &sections);
        ctx.insert("latest", &latest);
        // Front pages say when their edition was last updated.
        let mut site = view.site.clone();
        site.updated = self.updated.clone();
        ctx.insert("site", &site);
        ctx
    }
}

#[derive(Serialize)]
struct ChooserEdition {
    #[serde(flatten)]
    link: EditionLink,
    count: usize,
}

/// The chooser's data: every edition (or only edition `only`) with its
/// number of articles.
pub fn chooser(pages: &Pages, only: Option<&str>) -> tera::Context {
    let editions: Vec<ChooserEdition> = pages
        .lib
        .editions
        .iter()
        .filter(|e| only.is_none() || e.id.as_ref().map(|id| id.as_str()) == only)
        .map(|e| ChooserEdition {
            link: EditionLink::of(e),
            count: e.articles.len(),
        })
        .collect();
    let mut ctx = tera::Context::new();
    ctx.insert("editions", &editions);
    ctx
}
