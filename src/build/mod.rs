//! The build: content/ → public/, offline and deterministic.
//!
//! [`Site::build`] reads as a recipe of timed steps: read the config, load
//! the theme, load the library, convert cached images, render every page
//! into a staging folder, swap it in. The submodules own the steps'
//! details: `theme` (templates), `markdown` (article bodies for a
//! profile), `images` (converting from the image cache), `pages` (what
//! each page is and its template variables) and `output` (staging and the
//! swap). The build never touches the network: images it lacks are
//! reported and linked to their originals.

pub mod images;
pub mod markdown;
pub mod output;
pub mod pages;
pub mod parts;
pub mod sanitize;
pub mod strings;
pub mod theme;

use crate::config::{Config, ImageMode};
use crate::image_cache::ImageCache;
use crate::layout::Layout;
use crate::library::Library;
use anyhow::{Context, Result};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;
use strings::Strings;
use theme::Theme;

/// A loaded site, ready to build.
pub struct Site {
    pub layout: Layout,
    pub config: Config,
    pub strings: Arc<Strings>,
    pub theme: Theme,
    pub library: Library,
}

/// What a build did, for the summary line.
#[derive(Debug, Clone, Default)]
pub struct BuildReport {
    pub articles: usize,
    pub sections: usize,
    pub files: usize,
    pub output: PathBuf,
}

/// Logs how long a step took, at debug level.
fn timed<T>(step: &str, f: impl FnOnce() -> Result<T>) -> Result<T> {
    let start = Instant::now();
    let result = f();
    log::debug!("{step}: {:.1} ms", start.elapsed().as_secs_f64() * 1000.0);
    result
}

impl Site {
    /// Loads config, theme and content from `root`.
    pub fn load(root: &Path) -> Result<Site> {
        let layout = Layout::new(root);
        let config = timed("read config", || Config::load(root))?;
        let strings = Arc::new(
            Strings::load(&config.language, &config.strings)
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
            strings.code
        );
        let library = timed("load content", || Library::load(&layout.content, &config))?;
        Ok(Site {
            layout,
            config,
            strings,
            theme,
            library,
        })
    }

    /// The output folder: `dir`, else the configured one.
    pub fn output(&self, dir: Option<&Path>) -> PathBuf {
        self.layout.output(&self.config.output_dir, dir)
    }

    /// Renders every page and replaces `output` with the result. Stops at
    /// the first error; the previous output stays whole. Two builds of one
    /// site never run at once. `force` allows an output folder that is not
    /// empty and holds no earlier build (its files are kept).
    pub fn build(&self, output: &Path, force: bool) -> Result<BuildReport> {
        let _lock = crate::fs::lock(&self.layout.lock_file("build"), "build")?;
        let images = match self.config.images.mode {
            ImageMode::Local => Some(timed("convert images", || {
                let cache = ImageCache::new(&self.layout);
                Ok(images::prepare(&cache, &self.config, &self.library))
            })?),
            _ => None,
        };
        let staging = timed("prepare output", || {
            output::Staging::create(&self.layout, output, self.theme.static_files(), force)
        })?;
        let count = timed("render and write pages", || {
            pages::render_all(
                &self.library,
                &self.config,
                &self.theme,
                &self.strings,
                images.as_ref(),
                &|file| staging.write(&file),
            )
        })?;
        timed("replace output", || staging.commit())?;
        Ok(BuildReport {
            articles: self.library.articles.len(),
            sections: self.library.sections.len(),
            files: count,
            output: output.to_path_buf(),
        })
    }
}
