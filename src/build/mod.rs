//! The build: content/ → public/, offline, deterministic and incremental.
//!
//! [`Site::build`] reads as a recipe of timed steps: read the config, load
//! the theme, load the library (through the content cache), convert cached
//! images, plan the pages, fingerprint them, then render only the pages
//! whose fingerprint changed. With nothing changed, nothing is written.
//! With few changes, the changed files are replaced in place; otherwise
//! the whole site is staged and swapped in one step. Either way the result
//! is byte for byte what a clean build would write. The submodules own the
//! steps' details: `theme` (templates), `strings` (words and dates),
//! `markdown` and `sanitize` (article bodies for a profile), `images`
//! (converting from the image cache), `outputs` (the Gemini capsule, the
//! Gopher hole, text articles and e-books), `pages` (what each page is, its
//! fingerprint and its template variables), `parts` (long articles in
//! parts), `incremental` (what the last build wrote) and `output` (staging
//! and the swap). The build never touches the network: images it lacks
//! are reported and linked to their originals. [`dropped_links`] lists,
//! for `paperboy check`, the body links the pages leave out.

pub mod images;
pub mod incremental;
pub mod markdown;
pub mod output;
pub mod outputs;
pub mod pages;
pub mod parts;
pub mod sanitize;
pub mod strings;
pub mod theme;

use crate::config::{Config, ImageMode};
use crate::content::Stamps;
pub use crate::content::cache::Cache;
use crate::image_cache::ImageCache;
use crate::layout::Layout;
use crate::library::Library;
use anyhow::{Context, Result};
use incremental::{PageRecord, Record, Written};
pub use outputs::Target;
use rayon::prelude::*;
use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;
use strings::StringTables;
use theme::Theme;

/// A loaded site, ready to build.
pub struct Site {
    pub layout: Layout,
    pub config: Config,
    /// config.yaml as read: every page depends on it.
    pub config_bytes: Vec<u8>,
    pub strings: Arc<StringTables>,
    pub theme: Theme,
    pub library: Library,
    /// The stamp of the sources as they were loaded: what the record of
    /// this build says it was made from.
    sources: String,
}

/// What both ways of writing a build's changes work from: the planned
/// pages, each with its fingerprint and whether it is as the last build
/// left it, where the record goes, and the report so far.
struct Job<'a> {
    output: &'a Path,
    pages: &'a pages::Pages<'a>,
    plan: &'a [pages::Page],
    compared: Vec<(String, bool)>,
    record_path: &'a Path,
    sources: String,
    report: BuildReport,
}

/// What a build did, for the summary line.
#[derive(Debug, Clone, Default)]
pub struct BuildReport {
    pub articles: usize,
    pub sections: usize,
    /// Files of the site.
    pub files: usize,
    /// Pages rendered this time.
    pub rendered: usize,
    /// Files whose bytes were written this time.
    pub written: usize,
    /// Files of the last build removed.
    pub removed: usize,
    /// How the output was updated.
    pub mode: Mode,
    pub output: PathBuf,
    /// The folder's kind: the HTML site, the capsule or the hole.
    pub target: Option<Target>,
}

/// How a build updated its output.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Mode {
    /// Nothing had changed; nothing was written.
    #[default]
    Unchanged,
    /// The changed files were replaced one by one, each whole.
    InPlace,
    /// The whole site was staged and swapped in at once.
    Swapped,
}

/// An in-place update renders at most one page in this many; beyond that
/// the site is staged and swapped in one step.
const IN_PLACE_SHARE: usize = 4;

/// Logs how long a step took, at debug level.
fn timed<T>(step: &str, f: impl FnOnce() -> T) -> T {
    let start = Instant::now();
    let result = f();
    log::debug!("{step}: {:.1} ms", start.elapsed().as_secs_f64() * 1000.0);
    result
}

/// What [`Site::up_to_date`] found.
pub enum Freshness {
    /// Every output is as the last build left it: what each holds.
    Current(Vec<BuildReport>),
    /// Something changed: the content files as they were stamped, for
    /// [`Site::load_stamped`].
    Stale(Stamps),
}

impl Site {
    /// Loads config, theme and content from `root`.
    pub fn load(root: &Path) -> Result<Site> {
        Site::load_stamped(root, None)
    }

    /// [`Site::load`] with the content files already listed and stamped
    /// (by [`Site::up_to_date`]).
    pub fn load_stamped(root: &Path, stamps: Option<Stamps>) -> Result<Site> {
        let cache_path = Layout::new(root).content_cache();
        let mut cache = timed("read content cache", || Cache::load(&cache_path));
        Site::load_inner(root, &mut cache, false, stamps)
    }

    /// Loads the site with a content cache the caller keeps between builds
    /// (`serve` does, so a rebuild reads only the files that changed).
    pub fn load_with(root: &Path, cache: &mut Cache) -> Result<Site> {
        Site::load_inner(root, cache, true, None)
    }

    /// Loads the site. With `keep`, fills `cache` again for the next load;
    /// otherwise saves it when it changed, and the metadata is held once,
    /// in the library.
    fn load_inner(
        root: &Path,
        cache: &mut Cache,
        keep: bool,
        stamps: Option<Stamps>,
    ) -> Result<Site> {
        let layout = Layout::new(root);
        let config = timed("read config", || Config::load(root))?;
        let config_bytes = std::fs::read(&layout.config).unwrap_or_default();
        let strings = Arc::new(
            StringTables::load(&config, true)
                .with_context(|| format!("invalid {}", layout.config.display()))?,
        );
        let theme = timed("load theme", || {
            Theme::load(&layout, &config, strings.clone())
        })?;
        log::debug!(
            "theme {} ({}), words in `{}`",
            theme
                .chain
                .iter()
                .map(|l| l.info.name.as_str())
                .collect::<Vec<_>>()
                .join(" -> "),
            theme.info.description,
            strings.site.code
        );
        let (library, stamps) = timed("load content", || {
            let limit = config.limits.content_bytes;
            let (metas, stamps) = match stamps {
                Some(stamps) => {
                    crate::content::load_stamped(&layout.content, stamps, cache, limit)?
                }
                None => crate::content::load(&layout.content, cache, limit)?,
            };
            if keep {
                // Held in memory between rebuilds; not written on every save.
                cache.refill(&stamps, &metas);
            } else if let Err(e) = timed("save content cache", || {
                cache.save(&layout.content_cache(), &stamps, &metas)
            }) {
                log::warn!("cannot keep the content cache: {e:#}");
            }
            let library = timed("index articles", || Library::from_metas(metas, &config))?;
            anyhow::Ok((library, stamps))
        })?;
        let images = (config.images.mode == ImageMode::Local).then(|| layout.image_cache());
        let sources = incremental::stamp_of(
            &stamps,
            &config_bytes,
            &theme.fingerprint,
            images.as_deref(),
        );
        Ok(Site {
            layout,
            config,
            config_bytes,
            strings,
            theme,
            library,
            sources,
        })
    }

    /// The stamp of this site's sources (see [`incremental::sources_stamp`]).
    fn sources_stamp(
        layout: &Layout,
        config: &Config,
        config_bytes: &[u8],
        theme: &Theme,
    ) -> Result<(String, Stamps)> {
        let images = (config.images.mode == ImageMode::Local).then(|| layout.image_cache());
        incremental::sources_stamp(
            &layout.content,
            config_bytes,
            &theme.fingerprint,
            images.as_deref(),
        )
    }

    /// The folders a build of the site writes, by kind: the HTML site in
    /// `dir` (else `output_dir`), the capsule and the hole in theirs, as
    /// `outputs` asks.
    pub fn targets(&self, dir: Option<&Path>) -> Vec<(Target, PathBuf)> {
        targets(&self.layout, &self.config, dir)
    }

    /// Whether the last build of the site at `root` into `output` (or the
    /// configured folder), and of its other outputs, is still current:
    /// nothing they were built from has changed and every file they wrote
    /// is as they left it. Loads only the config and the theme, so an
    /// up-to-date site costs a few milliseconds per thousand articles to
    /// confirm.
    pub fn up_to_date(root: &Path, output: Option<&Path>) -> Result<Freshness> {
        let layout = Layout::new(root);
        let config = Config::load(root)?;
        let config_bytes = std::fs::read(&layout.config).unwrap_or_default();
        let strings = Arc::new(StringTables::load(&config, false)?);
        let theme = Theme::load(&layout, &config, strings)?;
        let (stamp, stamps) = timed("stamp sources", || {
            Site::sources_stamp(&layout, &config, &config_bytes, &theme)
        })?;
        let mut reports = Vec::new();
        for (target, output) in targets(&layout, &config, output) {
            let path = incremental::record_path(&layout.state, &output);
            // Most builds that have work to do learn it from the stamp alone.
            if Record::sources_of(&path).as_ref() != Some(&stamp) {
                return Ok(Freshness::Stale(stamps));
            }
            let Some(record) = Record::load(&path, &output) else {
                return Ok(Freshness::Stale(stamps));
            };
            if record.sources != stamp || !record.intact(&output) {
                return Ok(Freshness::Stale(stamps));
            }
            reports.push(BuildReport {
                files: record.files().count(),
                output,
                target: Some(target),
                ..BuildReport::default()
            });
        }
        Ok(Freshness::Current(reports))
    }

    /// Builds every output `outputs` asks for, the HTML site into `dir`
    /// (else `output_dir`), each as [`Site::build`] does.
    pub fn build_all(&self, dir: Option<&Path>, force: bool) -> Result<Vec<BuildReport>> {
        let _lock = crate::fs::lock(&self.layout.lock_file("build"), "build")?;
        self.targets(dir)
            .into_iter()
            .map(|(target, output)| {
                timed(&format!("build {}", target.name()), || {
                    self.build_target(target, &output, force)
                })
            })
            .collect()
    }

    /// Renders every page that changed since the last build of `output`
    /// and updates `output` to match. Stops at the first error; the previous
    /// output stays whole. Two builds of one site never run at once.
    /// `force` allows an output folder that is not empty and holds no
    /// earlier build (its files are kept).
    pub fn build(&self, output: &Path, force: bool) -> Result<BuildReport> {
        let _lock = crate::fs::lock(&self.layout.lock_file("build"), "build")?;
        self.build_target(Target::Html, output, force)
    }

    /// The pages of `target`, with what they need converted first, for
    /// `f` (images are converted for the HTML site only: the capsule and
    /// the hole link to the originals).
    pub fn with_pages<T>(&self, target: Target, f: impl FnOnce(&pages::Pages) -> T) -> T {
        let images = match self.config.images.mode {
            ImageMode::Local if target == Target::Html => {
                let start = Instant::now();
                let cache = ImageCache::new(&self.layout);
                let set = images::prepare(&cache, &self.config, &self.library);
                log::debug!(
                    "convert images: {:.1} ms",
                    start.elapsed().as_secs_f64() * 1000.0
                );
                Some(set)
            }
            _ => None,
        };
        let pages = timed("arrange pages", || {
            pages::Pages::new(
                &self.library,
                &self.config,
                &self.config_bytes,
                &self.theme,
                &self.strings,
                &self.layout.content,
                images.as_ref(),
                target,
            )
        });
        f(&pages)
    }

    /// [`Site::build`] for one of the folders the site writes.
    fn build_target(&self, target: Target, output: &Path, force: bool) -> Result<BuildReport> {
        self.with_pages(target, |pages| {
            self.build_pages(pages, target, output, force)
        })
    }

    fn build_pages(
        &self,
        pages: &pages::Pages,
        target: Target,
        output: &Path,
        force: bool,
    ) -> Result<BuildReport> {
        let plan = timed("plan pages", || pages.plan());
        let record_path = incremental::record_path(&self.layout.state, output);
        let previous = timed("read the build record", || {
            Record::load(&record_path, output)
        });
        // Each page's fingerprint, and whether it is still as the last
        // build left it.
        let compared: Vec<(String, bool)> = timed("compare with the last build", || {
            plan.par_iter()
                .map(|page| {
                    let fp = pages.fingerprint(page, &plan);
                    let same = previous
                        .as_ref()
                        .is_some_and(|r| r.unchanged(&page.path, &fp, output));
                    (fp, same)
                })
                .collect()
        });
        let to_render = compared.iter().filter(|(_, same)| !same).count();
        let mut job = Job {
            output,
            pages,
            plan: &plan,
            compared,
            record_path: &record_path,
            sources: self.sources.clone(),
            report: BuildReport {
                articles: self.library.articles.len(),
                sections: self.library.sections.len(),
                rendered: to_render,
                output: output.to_path_buf(),
                target: Some(target),
                ..BuildReport::default()
            },
        };
        match previous {
            // Every planned page is unchanged and none is gone.
            Some(previous) if to_render == 0 && previous.pages.len() == plan.len() => {
                job.report.files = previous.files().count();
                if previous.sources != job.sources {
                    // Sources touched but not changed: remember their new stamp.
                    Record::new(job.sources, previous.pages).save(&record_path)?;
                }
                Ok(job.report)
            }
            Some(previous) if to_render * IN_PLACE_SHARE <= plan.len() => {
                timed("update output in place", || {
                    self.update_in_place(job, previous)
                })
            }
            previous => timed("render, stage and swap", || {
                self.stage_and_swap(job, previous, force)
            }),
        }
    }

    /// Renders the changed pages straight into `output`, removes what is
    /// gone, and saves the record.
    fn update_in_place(&self, job: Job, previous: Record) -> Result<BuildReport> {
        let Job {
            output,
            pages,
            plan,
            compared,
            record_path,
            sources,
            mut report,
        } = job;
        // For each re-rendered page: the files it wrote and how many changed.
        type Rendered = Option<Result<(Vec<Written>, usize)>>;
        let rendered: Vec<Rendered> = plan
            .par_iter()
            .zip(&compared)
            .map(|(page, (_, same))| {
                (!same).then(|| {
                    let files = pages.render(page, plan)?;
                    let changed = incremental::write_in_place(output, &files)?;
                    let written = files
                        .iter()
                        .map(|f| incremental::written(output, &f.path))
                        .collect::<Result<Vec<_>>>()?;
                    Ok((written, changed.len()))
                })
            })
            .collect();
        // The record is the last one with the re-rendered pages replaced
        // and the pages that are gone taken out (unchanged pages have the
        // same fingerprint and files).
        let mut record = previous;
        let before_len = record.pages.len();
        // The files of re-rendered pages, as the last build and this one
        // wrote them; unchanged pages wrote the same files both times.
        let (mut before, mut now) = (Vec::new(), Vec::new());
        let mut kept = 0;
        for ((page, (fingerprint, _)), result) in plan.iter().zip(compared).zip(rendered) {
            let Some(result) = result else {
                kept += 1;
                continue;
            };
            let (files, changed) = result?;
            report.written += changed;
            now.extend(files.iter().map(|w| w.path.clone()));
            let new = PageRecord { fingerprint, files };
            if let Some(last) = record.pages.insert(page.path.clone(), new) {
                kept += 1;
                before.extend(last.files.into_iter().map(|w| w.path));
            }
        }
        if kept < before_len {
            // Pages that are gone.
            let planned: HashSet<&str> = plan.iter().map(|p| p.path.as_str()).collect();
            record.pages.retain(|path, r| {
                let keep = planned.contains(path.as_str());
                if !keep {
                    before.extend(r.files.iter().map(|w| w.path.clone()));
                }
                keep
            });
        }
        output::fault_point("in-place");
        record.sources = sources;
        let (before, now): (BTreeSet<String>, BTreeSet<String>) =
            (before.into_iter().collect(), now.into_iter().collect());
        // Usually every page wrote the same files as before (an edit changes
        // bytes, not names): then nothing is stale and the manifest stands.
        let stale: BTreeSet<String> = before.difference(&now).cloned().collect();
        if before != now {
            incremental::remove_stale(output, &stale)?;
            let all: BTreeSet<String> = record.files().map(str::to_string).collect();
            incremental::write_manifest(output, &all)?;
        }
        record.save(record_path)?;
        report.removed = stale.len();
        report.files = record.files().count();
        report.mode = Mode::InPlace;
        Ok(report)
    }

    /// Stages the whole site (unchanged files linked from the old output,
    /// changed ones rendered) and swaps it in; saves the record.
    fn stage_and_swap(
        &self,
        job: Job,
        previous: Option<Record>,
        force: bool,
    ) -> Result<BuildReport> {
        let Job {
            output,
            pages,
            plan,
            compared,
            record_path,
            sources,
            mut report,
        } = job;
        let staging = output::Staging::create(&self.layout, output, force)?;
        let last = |page: &pages::Page| {
            previous
                .as_ref()
                .and_then(|r| r.pages.get(&page.path))
                .expect("an unchanged page is in the record")
        };
        let results: Vec<Result<Option<Vec<Written>>>> = plan
            .par_iter()
            .zip(&compared)
            .map(|(page, (_, same))| {
                if *same {
                    for w in &last(page).files {
                        staging.keep(&w.path)?;
                    }
                    return Ok(None);
                }
                let files = pages
                    .render(page, plan)?
                    .iter()
                    .map(|f| {
                        staging.write(f)?;
                        incremental::written(staging.path(), &f.path)
                    })
                    .collect::<Result<Vec<_>>>()?;
                Ok(Some(files))
            })
            .collect();
        let mut old = previous.map(|r| r.pages).unwrap_or_default();
        let mut records = HashMap::with_capacity(plan.len());
        for ((page, (fingerprint, _)), result) in plan.iter().zip(compared).zip(results) {
            let files = match result? {
                Some(files) => files,
                None => {
                    old.remove(&page.path)
                        .expect("an unchanged page is in the record")
                        .files
                }
            };
            records.insert(page.path.clone(), PageRecord { fingerprint, files });
        }
        let record = Record::new(sources, records);
        report.files = record.files().count();
        report.written = staging.fresh();
        staging.commit()?;
        record.save(record_path)?;
        report.mode = Mode::Swapped;
        Ok(report)
    }
}

/// The folders a build of the site at `layout` writes (see [`Site::targets`]).
fn targets(layout: &Layout, config: &Config, dir: Option<&Path>) -> Vec<(Target, PathBuf)> {
    config
        .outputs
        .iter()
        .filter_map(|&kind| Target::of(kind))
        .collect::<BTreeSet<_>>()
        .into_iter()
        .map(|target| {
            let folder = match target {
                Target::Html => layout.output(&config.output_dir, dir),
                Target::Gemini => layout.root.join(&config.gemini.dir),
                Target::Gopher => layout.root.join(&config.gopher.dir),
            };
            (target, folder)
        })
        .collect()
}

/// The links in the content files' bodies that the HTML pages of
/// `config`'s profile leave out (a path on the source site, an address too
/// long for the period DTDs, a scheme no reader can follow): for each, the
/// file (from the site root), the line that holds the address, and what
/// the build says of it. Files are read one at a time, so a large site
/// costs no more memory than its list of files; a file that cannot be
/// read is the build's to report.
pub fn dropped_links(content: &Path, config: &Config) -> Result<Vec<(String, usize, String)>> {
    let limit = config.limits.content_bytes;
    let found: Vec<Vec<(String, usize, String)>> = crate::content::list(content)?
        .par_iter()
        .map(|rel| {
            // One read: the body to render, the whole text to find lines in.
            let Ok(text) = crate::content::read_text(content, rel, limit) else {
                return Vec::new();
            };
            let Ok((_, md, _)) = crate::content::split(&text) else {
                return Vec::new();
            };
            if !markdown::may_leave_out_links(md) {
                return Vec::new();
            }
            let rendered = markdown::render_reporting(md, config.profile, config.images.mode);
            rendered
                .dropped_messages("its page")
                .into_iter()
                .map(|(url, message)| {
                    let line = text
                        .find(url)
                        .map_or(1, |at| 1 + text[..at].matches('\n').count());
                    (format!("content/{rel}"), line, message)
                })
                .collect()
        })
        .collect();
    Ok(found.concat())
}
