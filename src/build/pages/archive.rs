//! The dated archive of an edition: a page per day with articles
//! (`archive/2026/11/27.html`, that day's articles by section, with links
//! to the previous and next day), a page per month listing its days
//! (`archive/2026/11/index.html`), and the archive's front
//! (`archive/index.html`) listing the months, newest first. Undated
//! articles have a page of their own (`archive/undated.html`).
//!
//! Every address depends only on an article's date, so a day's page
//! stays where it is however many articles come later; and the archive
//! keeps every article in content/, whatever the front and section pages
//! show.

use super::data::*;
use super::{EditionView, Kind, Page, Pages};
use crate::library::Library;
use chrono::{Datelike, NaiveDate};
use serde::Serialize;

/// One edition's articles by day.
#[derive(Debug, Default)]
pub struct Archive {
    prefix: String,
    /// Days with articles, newest first, each with its articles newest first.
    days: Vec<(NaiveDate, Vec<usize>)>,
    undated: Vec<usize>,
}

fn day_path(prefix: &str, d: NaiveDate) -> String {
    format!(
        "{prefix}archive/{:04}/{:02}/{:02}.html",
        d.year(),
        d.month(),
        d.day()
    )
}

/// The e-book of a day, beside its archive page.
pub fn epub_path(prefix: &str, d: NaiveDate) -> String {
    format!(
        "{prefix}archive/{:04}/{:02}/{:02}.epub",
        d.year(),
        d.month(),
        d.day()
    )
}

fn month_path(prefix: &str, year: i32, month: u32) -> String {
    format!("{prefix}archive/{year:04}/{month:02}/index.html")
}

#[derive(Serialize)]
struct DaySection<'a> {
    #[serde(flatten)]
    info: SectionInfo,
    articles: Vec<Summary<'a>>,
}

impl Archive {
    /// The archive of edition `e`.
    pub fn of(lib: &Library, e: usize) -> Archive {
        let mut archive = Archive {
            prefix: lib.editions[e].prefix(),
            ..Archive::default()
        };
        for &a in &lib.editions[e].articles {
            match lib.articles[a].date {
                None => archive.undated.push(a),
                Some(d) => {
                    let day = d.time().date_naive();
                    match archive.days.last_mut() {
                        Some((last, list)) if *last == day => list.push(a),
                        _ => archive.days.push((day, vec![a])),
                    }
                }
            }
        }
        // Articles are newest first by moment; days in other offsets can
        // interleave, so sort and merge once.
        archive.days.sort_by_key(|d| std::cmp::Reverse(d.0));
        let mut merged: Vec<(NaiveDate, Vec<usize>)> = Vec::new();
        for (day, list) in std::mem::take(&mut archive.days) {
            match merged.last_mut() {
                Some((last, l)) if *last == day => {
                    l.extend(list);
                    l.sort_unstable();
                }
                _ => merged.push((day, list)),
            }
        }
        archive.days = merged;
        archive
    }

    /// The days with articles, newest first.
    pub fn days(&self) -> impl Iterator<Item = NaiveDate> + '_ {
        self.days.iter().map(|(d, _)| *d)
    }

    /// The articles of `day`, newest first (none for a day without any).
    pub fn day(&self, day: NaiveDate) -> &[usize] {
        self.days
            .iter()
            .find(|(d, _)| *d == day)
            .map_or(&[], |(_, list)| list.as_slice())
    }

    /// Months with articles, newest first: (year, month, indices into `days`).
    fn months(&self) -> Vec<(i32, u32, Vec<usize>)> {
        let mut months: Vec<(i32, u32, Vec<usize>)> = Vec::new();
        for (i, (d, _)) in self.days.iter().enumerate() {
            match months.last_mut() {
                Some((y, m, list)) if *y == d.year() && *m == d.month() => list.push(i),
                _ => months.push((d.year(), d.month(), vec![i])),
            }
        }
        months
    }

    /// The archive's pages.
    pub fn plan(&self, edition: usize, prefix: &str) -> Vec<Page> {
        let mut pages = vec![Page {
            path: format!("{prefix}archive/index.html"),
            kind: Kind::ArchiveIndex { edition },
        }];
        for (year, month, _) in self.months() {
            pages.push(Page {
                path: month_path(prefix, year, month),
                kind: Kind::ArchiveMonth {
                    edition,
                    year,
                    month,
                },
            });
        }
        for (day, _) in &self.days {
            pages.push(Page {
                path: day_path(prefix, *day),
                kind: Kind::ArchiveDay {
                    edition,
                    day: Some(*day),
                },
            });
        }
        if !self.undated.is_empty() {
            pages.push(Page {
                path: format!("{prefix}archive/undated.html"),
                kind: Kind::ArchiveDay { edition, day: None },
            });
        }
        pages
    }

    fn day_index(&self, day: NaiveDate) -> usize {
        self.days
            .iter()
            .position(|(d, _)| *d == day)
            .expect("a planned day has articles")
    }

    /// Feeds what an archive page shows into its fingerprint.
    pub fn fingerprint(
        &self,
        kind: &Kind,
        h: &mut blake3::Hasher,
        articles: &mut dyn FnMut(&mut blake3::Hasher, &[usize]),
    ) {
        match kind {
            Kind::ArchiveIndex { .. } => {
                h.update(b"archive-index");
                for (y, m, days) in self.months() {
                    h.update(
                        format!(
                            "{y}-{m}:{}",
                            days.iter().map(|&i| self.days[i].1.len()).sum::<usize>()
                        )
                        .as_bytes(),
                    );
                }
                h.update(&(self.undated.len() as u64).to_le_bytes());
            }
            Kind::ArchiveMonth { year, month, .. } => {
                h.update(b"archive-month");
                let months = self.months();
                let i = months
                    .iter()
                    .position(|(y, m, _)| y == year && m == month)
                    .expect("a planned month has days");
                for (y, m, _) in [months.get(i + 1), months.get(i.wrapping_sub(1))]
                    .into_iter()
                    .flatten()
                {
                    h.update(format!("{y}-{m}").as_bytes());
                }
                for &d in &months[i].2 {
                    h.update(format!("{}:{}", self.days[d].0, self.days[d].1.len()).as_bytes());
                }
            }
            Kind::ArchiveDay { day, .. } => {
                h.update(b"archive-day");
                match day {
                    Some(day) => {
                        let i = self.day_index(*day);
                        for (d, _) in [self.days.get(i + 1), self.days.get(i.wrapping_sub(1))]
                            .into_iter()
                            .flatten()
                        {
                            h.update(d.to_string().as_bytes());
                        }
                        articles(h, &self.days[i].1);
                    }
                    None => articles(h, &self.undated),
                }
            }
            _ => {}
        }
    }

    /// The template and variables of an archive page.
    pub fn context(
        &self,
        pages: &Pages,
        view: &EditionView,
        kind: &Kind,
    ) -> (&'static str, tera::Context) {
        let lib = pages.lib;
        let s = &*view.strings;
        let prefix = &self.prefix;
        let mut ctx = tera::Context::new();
        let day_link = |i: usize| {
            let (d, list) = &self.days[i];
            DateLink {
                label: s.date_long(crate::vocabulary::Date::day(*d)),
                url: day_path(prefix, *d),
                count: list.len(),
            }
        };
        let months = self.months();
        let month_link = |i: usize| {
            let (y, m, days) = &months[i];
            DateLink {
                label: s.month_year(*y, *m),
                url: month_path(prefix, *y, *m),
                count: days.iter().map(|&d| self.days[d].1.len()).sum(),
            }
        };
        match kind {
            Kind::ArchiveIndex { .. } => {
                let links: Vec<DateLink> = (0..months.len()).map(month_link).collect();
                ctx.insert("months", &links);
                ctx.insert(
                    "undated",
                    &(!self.undated.is_empty()).then(|| DateLink {
                        label: String::new(),
                        url: format!("{prefix}archive/undated.html"),
                        count: self.undated.len(),
                    }),
                );
                ("archive.html", ctx)
            }
            Kind::ArchiveMonth { year, month, .. } => {
                let i = months
                    .iter()
                    .position(|(y, m, _)| y == year && m == month)
                    .expect("a planned month has days");
                let days: Vec<DateLink> = months[i].2.iter().map(|&d| day_link(d)).collect();
                ctx.insert("month", &month_link(i));
                ctx.insert("days", &days);
                // Older months come later in the list.
                ctx.insert("prev", &(i + 1 < months.len()).then(|| month_link(i + 1)));
                ctx.insert("next", &(i > 0).then(|| month_link(i - 1)));
                ctx.insert("archive_url", &format!("{prefix}archive/index.html"));
                ("archive_month.html", ctx)
            }
            Kind::ArchiveDay { edition, day } => {
                let (list, link, prev, next, month): (&[usize], DateLink, _, _, _) = match day {
                    Some(day) => {
                        let i = self.day_index(*day);
                        let month = months
                            .iter()
                            .position(|(y, m, _)| *y == day.year() && *m == day.month())
                            .map(month_link);
                        (
                            &self.days[i].1,
                            day_link(i),
                            (i + 1 < self.days.len()).then(|| day_link(i + 1)),
                            (i > 0).then(|| day_link(i - 1)),
                            month,
                        )
                    }
                    None => (
                        &self.undated,
                        DateLink {
                            label: String::new(),
                            url: format!("{prefix}archive/undated.html"),
                            count: self.undated.len(),
                        },
                        None,
                        None,
                        None,
                    ),
                };
                let sections: Vec<DaySection> = lib.editions[*edition]
                    .sections
                    .iter()
                    .filter_map(|&i| {
                        let articles: Vec<Summary> = list
                            .iter()
                            .filter(|&&a| lib.articles[a].section == i)
                            .map(|&a| summary(lib, s, &lib.articles[a], pages.feeds))
                            .collect();
                        (!articles.is_empty()).then(|| DaySection {
                            info: section_info(lib, i, pages.feeds, articles.len()),
                            articles,
                        })
                    })
                    .collect();
                let epub = day
                    .filter(|_| {
                        pages.target == super::Target::Html
                            && pages.config.writes(crate::config::OutputKind::Epub)
                    })
                    .map(|d| epub_path(prefix, d));
                ctx.insert("epub_url", &epub);
                ctx.insert("day", &link);
                ctx.insert("sections", &sections);
                ctx.insert("prev", &prev);
                ctx.insert("next", &next);
                ctx.insert("month", &month);
                ctx.insert("archive_url", &format!("{prefix}archive/index.html"));
                ("archive_day.html", ctx)
            }
            _ => unreachable!("only archive pages"),
        }
    }
}
