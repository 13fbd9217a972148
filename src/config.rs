//! `config.yaml`: the site's settings, with defaults for everything but the
//! sections. Unknown keys are errors that name the key, the line and the
//! nearest known key. Reading only; nothing here touches content or output.

use crate::layout::Layout;
use crate::vocabulary::{Charset, Profile, SectionId, text};
use anyhow::{Context, Result, bail};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;

/// Site settings, as written in config.yaml.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Config {
    /// Site name, shown at the top of every page.
    pub title: String,
    /// A line under the title ("Headlines from the future").
    pub tagline: String,
    /// Language code, for feeds.
    pub language: String,
    /// Absolute URL the site is served from; only for feed.xml and sitemap.xml.
    pub base_url: String,
    /// Theme name: a built-in theme (`classic`, `lite`, `broadsheet`) or a folder in themes/.
    pub theme: String,
    /// Values for the options the theme declares in its theme.yaml.
    pub theme_options: BTreeMap<String, serde_json::Value>,
    /// Words of the pages' chrome that replace the language's own, by key.
    pub strings: BTreeMap<String, String>,
    /// Anything else templates should see, as `site.extra`.
    pub extra: serde_json::Map<String, serde_json::Value>,
    /// The markup the theme may emit.
    pub profile: Profile,
    /// The bytes on the wire; see [`Config::charset`] for the default.
    pub charset: Option<Charset>,
    /// Where build writes, relative to the site root.
    pub output_dir: String,
    /// The largest page, in KiB, for the period profiles: a longer article
    /// is split into parts, and `check` reports any page over it.
    pub page_budget_kb: u64,
    pub front_page: FrontPage,
    pub pagination: Pagination,
    pub images: Images,
    /// Sections in front-page order (a site without editions).
    pub sections: Vec<SectionConfig>,
    /// Editions, each with its own front page, sections and language; the
    /// root page then lets the reader choose one.
    pub editions: Vec<EditionConfig>,
    /// Feeds the site publishes.
    pub feeds: Feeds,
    pub fetch: Fetch,
    pub check: Check,
    pub limits: Limits,
    /// What the build writes besides the HTML site (`outputs: [html, gemini, gopher, text, epub]`).
    pub outputs: Vec<OutputKind>,
    /// The Gemini capsule, with `gemini` in `outputs`.
    pub gemini: Gemini,
    /// The Gopher hole, with `gopher` in `outputs`.
    pub gopher: Gopher,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            title: "Paperboy News".into(),
            tagline: String::new(),
            language: "en".into(),
            base_url: String::new(),
            theme: "classic".into(),
            theme_options: BTreeMap::new(),
            strings: BTreeMap::new(),
            extra: serde_json::Map::new(),
            profile: Profile::default(),
            charset: None,
            output_dir: "public".into(),
            page_budget_kb: 32,
            front_page: FrontPage::default(),
            pagination: Pagination::default(),
            images: Images::default(),
            sections: Vec::new(),
            editions: Vec::new(),
            feeds: Feeds::default(),
            fetch: Fetch::default(),
            check: Check::default(),
            limits: Limits::default(),
            outputs: vec![OutputKind::Html],
            gemini: Gemini::default(),
            gopher: Gopher::default(),
        }
    }
}

/// One way of reading the news the build writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum OutputKind {
    /// The HTML site in `output_dir`.
    Html,
    /// Gemtext pages in `gemini.dir`.
    Gemini,
    /// Gophermaps and text items in `gopher.dir`.
    Gopher,
    /// Every article also as `.txt` beside its HTML page.
    Text,
    /// One e-book per edition per day, beside the day's archive page.
    Epub,
}

/// Settings of the Gemini capsule.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Gemini {
    /// Where the capsule is written, relative to the site root.
    pub dir: String,
}

impl Default for Gemini {
    fn default() -> Self {
        Gemini {
            dir: "public-gemini".into(),
        }
    }
}

/// Settings of the Gopher hole: where it is written and where it is served.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Gopher {
    /// Where the hole is written, relative to the site root.
    pub dir: String,
    /// The server's host name, written into every menu line.
    pub host: String,
    pub port: u16,
    /// The selector the hole's folder is served under (`/news` when it is
    /// a folder of a larger hole); empty at the server's root.
    pub selector: String,
}

impl Default for Gopher {
    fn default() -> Self {
        Gopher {
            dir: "public-gopher".into(),
            host: "localhost".into(),
            port: 70,
            selector: String::new(),
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct FrontPage {
    /// Headlines per section on the front page.
    pub per_section: usize,
    /// Newest headlines across all sections (`latest` in the front page
    /// template), for themes that show one list.
    pub latest: usize,
    /// Only articles from the last this many days (before the newest
    /// article) appear on the front page; all of them when unset.
    pub days: Option<u32>,
    /// One story carried by several feeds appears once on the front page,
    /// with "Also:" links to the other versions.
    pub group_stories: bool,
}

impl Default for FrontPage {
    fn default() -> Self {
        FrontPage {
            per_section: 8,
            latest: 30,
            days: None,
            group_stories: true,
        }
    }
}

/// The feeds a site publishes (with a `base_url`): RSS 2.0 for every
/// edition and section, and an OPML list of the feeds it reads.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Feeds {
    /// Items carry the whole article, not just its summary.
    pub full_text: bool,
    /// Articles in each feed.
    pub items: usize,
}

impl Default for Feeds {
    fn default() -> Self {
        Feeds {
            full_text: false,
            items: 50,
        }
    }
}

/// One edition: a front page with its own sections, in its own language.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EditionConfig {
    /// Folder and URL name, like a section id (`us`, `uk`, `de`).
    pub id: SectionId,
    /// What the edition is called ("US", "Deutschland").
    pub name: String,
    /// Its language (chrome, dates, `lang`); the site's when not given.
    #[serde(default)]
    pub language: Option<String>,
    /// Its sections, in front-page order.
    #[serde(default)]
    pub sections: Vec<SectionConfig>,
}

/// An edition as the rest of paperboy sees it: a site without `editions:`
/// has one, with no id, that holds the top-level sections.
#[derive(Debug, Clone)]
pub struct Edition<'a> {
    pub id: Option<&'a SectionId>,
    pub name: &'a str,
    pub language: &'a str,
    pub sections: &'a [SectionConfig],
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Pagination {
    /// Articles per section page.
    pub section: usize,
    /// No longer used: the archive has one page per day. Accepted, with a
    /// warning, so older config files still load.
    pub archive: Option<usize>,
}

impl Default for Pagination {
    fn default() -> Self {
        Pagination {
            section: 50,
            archive: None,
        }
    }
}

/// How article images appear in the output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum ImageMode {
    /// Link to the original image.
    #[default]
    Link,
    /// Download, downscale and publish with a viewer page per image.
    Local,
    /// No images at all.
    None,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum ImageFormat {
    #[default]
    Gif,
    Jpeg,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Images {
    pub mode: ImageMode,
    /// Local images are scaled down to fit this box, aspect ratio kept.
    pub max_width: u32,
    pub max_height: u32,
    pub format: ImageFormat,
    /// 1-bit black-and-white GIFs (Floyd–Steinberg dithered), for compact Macs.
    pub mono: bool,
    /// Largest image download, in bytes.
    pub max_bytes: u64,
}

impl Default for Images {
    fn default() -> Self {
        Images {
            mode: ImageMode::Link,
            max_width: 512,
            max_height: 342,
            format: ImageFormat::Gif,
            mono: false,
            max_bytes: 10_000_000,
        }
    }
}

/// One section: a folder in content/ and a page in the output.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SectionConfig {
    /// Folder and URL name: lowercase ASCII letters, digits, `-` and `_`.
    pub id: SectionId,
    /// Display name; defaults to the id with a capital letter.
    #[serde(default)]
    pub name: Option<String>,
    /// Feed URLs that `fetch` reads for this section.
    #[serde(default)]
    pub feeds: Vec<String>,
    /// Only articles from the last this many days (before the newest
    /// article) appear on the section's pages; the archive keeps them all.
    #[serde(default)]
    pub days: Option<u32>,
}

/// Settings for `paperboy fetch`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Fetch {
    pub concurrency: usize,
    pub per_host: usize,
    pub timeout_secs: u64,
    pub max_page_bytes: u64,
    /// Items read from one feed; the rest are skipped with a note.
    pub max_items: usize,
    pub user_agent: Option<String>,
    pub keep_days: Option<u32>,
}

impl Default for Fetch {
    fn default() -> Self {
        Fetch {
            concurrency: 8,
            per_host: 2,
            timeout_secs: 20,
            max_page_bytes: 5_000_000,
            max_items: 300,
            user_agent: None,
            keep_days: None,
        }
    }
}

/// Settings for `paperboy check`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Check {
    /// Replaced by `page_budget_kb`; still read, with a warning.
    pub max_page_kb: Option<u64>,
}

/// Limits on what paperboy reads, so that hostile or broken input costs
/// little and ends in a clear error.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Limits {
    /// Content files larger than this (in bytes) are refused by build,
    /// fetch and ingest.
    pub content_bytes: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            content_bytes: 2_000_000,
        }
    }
}

/// Logs a warning about the config once per run, however often the
/// config is read (a build reads it twice; `serve` on every change).
fn warn_once(message: &str) {
    static SAID: std::sync::Mutex<Vec<String>> = std::sync::Mutex::new(Vec::new());
    let mut said = SAID
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    if !said.iter().any(|m| m == message) {
        said.push(message.to_string());
        log::warn!("{message}");
    }
}

impl Config {
    /// Reads and checks `<root>/config.yaml`.
    pub fn load(root: &Path) -> Result<Config> {
        let path = Layout::new(root).config;
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => bail!(
                "no {} in {}: is this a paperboy site? Run `paperboy new DIR` to make one",
                crate::layout::CONFIG_FILE,
                root.display()
            ),
            Err(e) => return Err(e).with_context(|| format!("cannot read {}", path.display())),
        };
        Config::from_yaml(&text).with_context(|| format!("invalid {}", path.display()))
    }

    /// Parses config text and checks values serde cannot.
    pub fn from_yaml(text: &str) -> Result<Config> {
        let config: Config = crate::yaml::parse(text, 1)?;
        config.validate()?;
        Ok(config)
    }

    fn validate(&self) -> Result<()> {
        if !self.editions.is_empty() && !self.sections.is_empty() {
            bail!(
                "with `editions:`, sections belong to each edition: move the top-level `sections:` into an edition"
            );
        }
        let mut editions = std::collections::BTreeSet::new();
        for e in &self.editions {
            if !editions.insert(e.id.as_str()) {
                bail!("edition `{}` is listed twice in editions", e.id);
            }
            if ["archive", "images", "img", "feeds"].contains(&e.id.as_str()) {
                bail!(
                    "edition id `{}` is a name paperboy uses for its own files; choose another",
                    e.id
                );
            }
        }
        for edition in self.editions() {
            let mut seen = std::collections::BTreeSet::new();
            for s in edition.sections {
                if !seen.insert(s.id.as_str()) {
                    bail!("section `{}` is listed twice in sections", s.id);
                }
                if s.id.as_str() == "archive" {
                    bail!(
                        "section id `archive` is the name of the archive's folder; choose another"
                    );
                }
            }
        }
        if self.feeds.items == 0 {
            bail!("feeds.items must be at least 1");
        }
        if self.check.max_page_kb.is_some() {
            warn_once(
                "check.max_page_kb is now page_budget_kb (a top-level key); please rename it",
            );
        }
        if self.page_budget_kb < 4 {
            bail!("page_budget_kb must be at least 4");
        }
        if self.images.max_width < 16 || self.images.max_height < 16 {
            bail!("images.max_width and images.max_height must be at least 16 pixels");
        }
        if self.front_page.per_section == 0 || self.pagination.section == 0 {
            bail!("front_page.per_section and pagination.section must be at least 1");
        }
        if self.pagination.archive.is_some() {
            warn_once(
                "pagination.archive is no longer used: the archive has one page per day (archive/YYYY/MM/DD.html); remove it",
            );
        }
        if self.fetch.max_items == 0 {
            bail!("fetch.max_items must be at least 1");
        }
        if !self.outputs.contains(&OutputKind::Html)
            && self
                .outputs
                .iter()
                .any(|o| matches!(o, OutputKind::Text | OutputKind::Epub))
        {
            bail!(
                "outputs `text` and `epub` are written into the HTML site: add `html` to outputs"
            );
        }
        let bad_host =
            |h: &str| h.is_empty() || h.contains(|c: char| c.is_whitespace() || c.is_control());
        if bad_host(&self.gopher.host) {
            bail!(
                "gopher.host `{}` must be a host name without spaces",
                self.gopher.host
            );
        }
        let sel = &self.gopher.selector;
        if !sel.is_empty()
            && (!sel.starts_with('/') || sel.contains(|c: char| c == '\t' || c.is_control()))
        {
            bail!("gopher.selector `{sel}` must start with `/` (or be empty)");
        }
        if self.profile == Profile::Modern && self.charset() != Charset::Utf8 {
            bail!("profile `modern` writes UTF-8: remove `charset` or set it to utf-8");
        }
        let scheme_ok = ["http://", "https://"]
            .iter()
            .any(|p| self.base_url.starts_with(p));
        if !self.base_url.is_empty() && !scheme_ok {
            bail!(
                "base_url `{}` must start with http:// or https://",
                self.base_url
            );
        }
        Ok(())
    }

    /// The output charset: as configured, else UTF-8 for `modern` and
    /// ISO-8859-1 for the period profiles.
    pub fn charset(&self) -> Charset {
        self.charset.unwrap_or(if self.profile == Profile::Modern {
            Charset::Utf8
        } else {
            Charset::Latin1
        })
    }

    /// The page budget in bytes (`page_budget_kb`, or the older
    /// `check.max_page_kb` when that is set).
    pub fn page_budget_bytes(&self) -> usize {
        let kb = self.check.max_page_kb.unwrap_or(self.page_budget_kb);
        usize::try_from(kb * 1024).unwrap_or(usize::MAX)
    }

    /// The editions of the site: those configured, or one implicit edition
    /// with the top-level sections and no id.
    pub fn editions(&self) -> Vec<Edition<'_>> {
        if self.editions.is_empty() {
            return vec![Edition {
                id: None,
                name: &self.title,
                language: &self.language,
                sections: &self.sections,
            }];
        }
        self.editions
            .iter()
            .map(|e| Edition {
                id: Some(&e.id),
                name: &e.name,
                language: e.language.as_deref().unwrap_or(&self.language),
                sections: &e.sections,
            })
            .collect()
    }

    /// Every section with its edition: (edition id, section).
    pub fn all_sections(&self) -> impl Iterator<Item = (Option<&SectionId>, &SectionConfig)> {
        self.sections.iter().map(|s| (None, s)).chain(
            self.editions
                .iter()
                .flat_map(|e| e.sections.iter().map(move |s| (Some(&e.id), s))),
        )
    }

    /// Whether the build writes `kind`.
    pub fn writes(&self, kind: OutputKind) -> bool {
        self.outputs.contains(&kind)
    }

    /// `base_url` with exactly one trailing slash, or empty.
    pub fn base_url_dir(&self) -> String {
        if self.base_url.is_empty() {
            String::new()
        } else {
            format!("{}/", self.base_url.trim_end_matches('/'))
        }
    }
}

impl SectionConfig {
    /// The name to show: `name`, or the id with its first letter capitalised.
    pub fn display_name(&self) -> String {
        self.name
            .clone()
            .unwrap_or_else(|| text::capitalise(self.id.as_str()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_fill_everything_but_sections() {
        let c = Config::from_yaml("title: X\n").unwrap();
        assert_eq!(c.profile, Profile::Html32);
        assert_eq!(c.charset(), Charset::Latin1);
        let modern = Config::from_yaml("profile: modern\n").unwrap();
        assert_eq!(modern.charset(), Charset::Utf8);
        assert!(Config::from_yaml("profile: modern\ncharset: latin1\n").is_err());
        assert_eq!(c.front_page.per_section, 8);
        assert!(c.sections.is_empty());
    }

    #[test]
    fn rejects_unknown_nested_key_with_line() {
        let err = Config::from_yaml("title: X\nfront_page:\n  per_sectoin: 3\n").unwrap_err();
        let msg = format!("{err:#}");
        assert!(msg.contains("line 3"), "{msg}");
        assert!(msg.contains("did you mean `per_section`?"), "{msg}");
    }

    #[test]
    fn rejects_bad_section_ids() {
        for id in ["World", "a/b", "", "x y"] {
            let yaml = format!("sections:\n  - id: \"{id}\"\n");
            assert!(Config::from_yaml(&yaml).is_err(), "{id:?} accepted");
        }
        assert!(Config::from_yaml("sections:\n  - id: a\n  - id: a\n").is_err());
    }
}
