//! The command line: arguments, help texts and subcommands (clap).
//! Parsing only; `cmd` does the work.

use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;

/// Builds text-only news mirrors: Markdown articles in, plain HTML out, for
/// static hosting, file:// and browsers from 1995.
#[derive(Debug, Parser)]
#[command(name = "paperboy", version, about, long_about = None, propagate_version = true)]
pub struct Cli {
    #[command(flatten)]
    pub global: Global,
    #[command(subcommand)]
    pub command: Command,
}

/// Options every command takes.
#[derive(Debug, Args)]
pub struct Global {
    /// The site folder (where config.yaml is)
    #[arg(long, global = true, value_name = "DIR", default_value = ".")]
    pub root: PathBuf,
    /// Only print errors
    #[arg(short, long, global = true, conflicts_with = "verbose")]
    pub quiet: bool,
    /// Print more detail, with the time of each build step (-vv for even more)
    #[arg(short, long, global = true, action = clap::ArgAction::Count)]
    pub verbose: u8,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build the site: content/ → public/ (or --output)
    ///
    /// Reads config.yaml, every Markdown file under content/ and the theme,
    /// and writes a complete site. The new output replaces the old one in
    /// one step, only when the whole build succeeded. paperboy deletes only
    /// files it wrote (it lists them in the output's .paperboy-manifest):
    /// anything else in the output folder, such as a .git folder, is kept.
    /// With `outputs:` in config.yaml, the same build writes the Gemini
    /// capsule and the Gopher hole to their folders, text versions of the
    /// articles and daily e-books into the site, each folder in the same way.
    Build {
        /// Where to write the site (default: `output_dir` from config.yaml, which defaults to public/)
        #[arg(long, short, value_name = "DIR")]
        output: Option<PathBuf>,
        /// Build into a folder that is not empty and holds no earlier build (its files are kept)
        #[arg(long)]
        force: bool,
    },
    /// Pull new articles from the feeds listed in config.yaml
    ///
    /// Reads each section's feeds (RSS, Atom, JSON Feed), fetches the page of
    /// every item not yet in content/, extracts it and writes a content file.
    /// When a page cannot be fetched or extracted, the item is stored from
    /// the feed's own text (`extracted: feed`): a headline is never lost.
    /// Exits with status 1 only if every feed failed.
    Fetch {
        /// Only this edition's feeds (a site with `editions:`)
        #[arg(long, short)]
        edition: Option<String>,
        /// Only this section's feeds
        #[arg(long, short)]
        section: Option<String>,
        /// At most N new articles per feed
        #[arg(long, value_name = "N")]
        limit: Option<usize>,
        /// List what is new; fetch no page and write nothing
        #[arg(long)]
        dry_run: bool,
    },
    /// Add saved pages, folders of them, or URLs to content/
    ///
    /// Reads .html/.htm pages (any charset), .txt text dumps and .md files,
    /// or fetches http(s) URLs; extracts the article; writes one content
    /// file each as `content/<section>/<date>-<slug>.md`. Prints a line per
    /// input (added, skipped: duplicate of FILE, failed: REASON) and a
    /// summary; exits with status 1 if any input failed.
    Ingest {
        /// Files, folders (read recursively) or URLs
        #[arg(required = true, value_name = "PATH|URL|DIR")]
        inputs: Vec<String>,
        /// Edition to file the articles in (a site with `editions:`; default: the first)
        #[arg(long, short)]
        edition: Option<String>,
        /// Section to file the articles in (default: the edition's first in config.yaml)
        #[arg(long, short)]
        section: Option<String>,
        /// The page's original address, for a single saved page
        #[arg(long, value_name = "URL")]
        url: Option<String>,
        /// Replace an article already stored from the same source URL
        #[arg(long)]
        force: bool,
    },
    /// Print what ingest would extract from a page, and write nothing
    Extract {
        /// A saved page (.html, .htm, .txt, .md) or an http(s) URL
        #[arg(value_name = "PATH|URL")]
        input: String,
        /// The page's original address, to resolve its links
        #[arg(long, value_name = "URL")]
        url: Option<String>,
        /// What to print
        #[arg(long, short, value_enum, default_value = "markdown")]
        format: crate::cmd::extract::Format,
    },
    /// Check the built site: links, markup profile, charset, page sizes
    ///
    /// Works offline on the output folder. Prints one line per problem (file
    /// and line) and a summary; exits with status 1 if there is any problem.
    /// Also names each body link the build left out of a page (at its line
    /// in content/), without counting it as a problem.
    Check {
        /// The folder to check (default: the configured output folder)
        #[arg(long, short, value_name = "DIR")]
        output: Option<PathBuf>,
    },
    /// Write the e-book of one day: a chapter per article, by section
    ///
    /// One EPUB 3 file per edition (with an EPUB 2 table of contents for
    /// older readers), named after the site, the edition and the day, in
    /// the current folder or --output. The build writes the same books
    /// beside the archive's day pages when `outputs` lists `epub`.
    Epub {
        /// The day, as 2026-11-27 (default: the newest day with articles)
        #[arg(long, value_name = "DATE")]
        date: Option<String>,
        /// Only this edition's book (a site with `editions:`)
        #[arg(long, short)]
        edition: Option<String>,
        /// The folder to write to (default: the current one)
        #[arg(long, short, value_name = "DIR")]
        output: Option<PathBuf>,
    },
    /// Pack the built HTML site into one archive, or floppy-sized volumes
    ///
    /// Reads the output folder as the last build left it (run `paperboy
    /// build` first) and writes its files into a zip or tar archive, by
    /// default beside the folder and named after it (public.zip). With
    /// --split, writes volumes public-1.zip, public-2.zip, ... of at most
    /// KB kilobytes each (1400 when no size is given: a 1.44 MB floppy);
    /// each volume is a whole archive, and unpacking them all into one
    /// folder gives the site.
    Bundle {
        /// Only this edition's folder and the files at the root
        #[arg(long, short)]
        edition: Option<String>,
        /// The archive format
        #[arg(long, short, value_enum, default_value = "zip")]
        format: crate::cmd::bundle::Format,
        /// Split into volumes of at most KB kilobytes
        #[arg(long, value_name = "KB", num_args = 0..=1, default_missing_value = "1400")]
        split: Option<u64>,
        /// The archive to write (with --split, the name volumes are numbered after)
        #[arg(long, short, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Build the site, serve it on 127.0.0.1 and rebuild when a source changes
    ///
    /// Watches config.yaml, content/, templates/, themes/ and static/. A
    /// failed rebuild is reported and the last good build stays online.
    Serve {
        /// Port to listen on (0 picks a free one)
        #[arg(long, short, default_value_t = 1111)]
        port: u16,
        /// Where to build (default: the configured output folder)
        #[arg(long, short, value_name = "DIR")]
        output: Option<PathBuf>,
    },
    /// Download article images into the image cache, for `images.mode: local`
    ///
    /// The build never goes online: it converts the images in
    /// .paperboy/images/. fetch and ingest download the images of the
    /// articles they add; this command downloads every image the cache
    /// still lacks (articles written by hand, or added before local images
    /// were switched on), with progress. Exits with status 1 if any failed.
    Images,
    /// List the themes, or copy one to disk to edit it
    #[command(subcommand)]
    Theme(ThemeCommand),
    /// Make a new site in DIR that builds as it is
    New {
        /// Folder to create (must not exist, or be empty)
        dir: PathBuf,
        /// Make a site with two editions in two languages
        #[arg(long)]
        editions: bool,
    },
}

/// `paperboy theme ...`
#[derive(Debug, Subcommand)]
pub enum ThemeCommand {
    /// List the built-in themes and those in themes/, with what each extends
    List,
    /// Write a theme's full source (its files and everything it inherits) to disk
    ///
    /// By default the configured theme goes to themes/NAME/, where it then
    /// takes the place of the built-in theme of that name: building gives
    /// the same pages until you edit it.
    Eject {
        /// The theme (default: `theme` in config.yaml)
        name: Option<String>,
        /// Where to write it (default: themes/NAME/)
        #[arg(long, value_name = "DIR")]
        to: Option<PathBuf>,
    },
}
