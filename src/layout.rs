//! Where a site keeps its files: one struct for the folder layout, so no
//! other module writes a path literal.
//!
//! ```text
//! config.yaml   content/   themes/   templates/   static/   .paperboy/   public/
//! ```

use std::path::{Path, PathBuf};

/// The name of the settings file at a site's root.
pub const CONFIG_FILE: &str = "config.yaml";

/// The folders and files of one site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layout {
    /// The site folder (where config.yaml is).
    pub root: PathBuf,
    /// config.yaml.
    pub config: PathBuf,
    /// Articles: `content/<section>/<date>-<slug>.md`.
    pub content: PathBuf,
    /// Themes on disk: `themes/<name>/`.
    pub themes: PathBuf,
    /// Site-level template overrides.
    pub templates: PathBuf,
    /// Files copied into the output as they are.
    pub static_dir: PathBuf,
    /// Fetch state, caches and locks; safe to delete.
    pub state: PathBuf,
}

impl Layout {
    /// The layout of the site at `root`.
    pub fn new(root: &Path) -> Layout {
        Layout {
            root: root.to_path_buf(),
            config: root.join(CONFIG_FILE),
            content: root.join("content"),
            themes: root.join("themes"),
            templates: root.join("templates"),
            static_dir: root.join("static"),
            state: root.join(".paperboy"),
        }
    }

    /// The output folder: `dir` as given on the command line, else
    /// `output_dir` from config.yaml, relative to the root.
    pub fn output(&self, configured: &str, dir: Option<&Path>) -> PathBuf {
        match dir {
            Some(d) => d.to_path_buf(),
            None => self.root.join(configured),
        }
    }

    /// The content cache (see [`crate::content::cache`]).
    pub fn content_cache(&self) -> PathBuf {
        self.state.join("content-cache")
    }

    /// The image cache: originals as downloaded, and converted copies.
    pub fn image_cache(&self) -> PathBuf {
        self.state.join("images")
    }

    /// What fetch remembers between runs.
    pub fn fetch_state(&self) -> PathBuf {
        self.state.join("fetch.json")
    }

    /// The lock file that keeps two runs of `command` apart.
    pub fn lock_file(&self, command: &str) -> PathBuf {
        self.state.join(format!("{command}.lock"))
    }

    /// The folders whose changes call for a rebuild, with config.yaml.
    pub fn sources(&self) -> [&Path; 5] {
        [
            &self.config,
            &self.content,
            &self.templates,
            &self.themes,
            &self.static_dir,
        ]
    }

    /// Folders the output may never be inside, as (path, name).
    pub fn protected(&self) -> [(&Path, &'static str); 5] {
        [
            (&self.content, "content"),
            (&self.themes, "themes"),
            (&self.templates, "templates"),
            (&self.static_dir, "static"),
            (&self.state, ".paperboy"),
        ]
    }
}
