//! Themes: where templates and static files come from, and how Tera is set up.
//!
//! A theme is a `theme.yaml`, `templates/` and `static/`. Every theme
//! extends another (`extends:`, by default the built-in `classic`), so a
//! theme needs only the files it changes. For each file the lookup order is:
//! the site's `templates/` (or `static/`), the theme, what it extends, and
//! so on down to `classic`. Inside each layer a folder named after the
//! profile (`html2/`, `modern/`) replaces the shared file for that profile.
//! The shipped themes are compiled into the binary (`builtin`); a folder in
//! themes/ with the same name is used instead of the built-in one.
//!
//! Owns loading, inheritance, theme options, compiling templates with
//! errors that name the file on disk, line and column, and rendering one
//! template. What a page is and which variables it gets is `pages`'.

mod builtin;
mod syntax;

pub use builtin::{eject, list};

use super::strings::{StringTables, Strings};
use crate::config::Config;
use crate::layout::Layout;
use crate::vocabulary::Profile;
use anyhow::{Context, Result, bail};
use serde::Deserialize;
use serde_json::{Map, Value};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The theme every other theme extends in the end.
pub const ROOT_THEME: &str = "classic";

/// theme.yaml: what a theme says about itself.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ThemeInfo {
    pub name: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub author: String,
    #[serde(default)]
    pub license: String,
    /// Profiles whose DTD the theme's markup is valid for; by default its parent's.
    #[serde(default)]
    pub profiles: Vec<Profile>,
    /// The theme this one builds on; `classic` when not given.
    #[serde(default)]
    pub extends: Option<String>,
    /// Options a site may set under `theme_options:`, with their defaults.
    #[serde(default)]
    pub options: Map<String, Value>,
}

/// Where a theme's files are: compiled in, or a folder.
#[derive(Debug, Clone)]
pub enum Origin {
    Builtin(&'static builtin::BuiltinTheme),
    Folder(PathBuf),
}

/// One theme of an inheritance chain.
#[derive(Debug, Clone)]
pub struct Layer {
    pub info: ThemeInfo,
    pub origin: Origin,
}

/// A template or static file with where it came from, for error messages.
#[derive(Debug, Clone)]
struct File {
    bytes: FileBytes,
    /// The file on disk (`themes/mytheme/templates/index.html`) or the
    /// built-in one (`built-in classic: templates/index.html`).
    origin: String,
}

#[derive(Debug, Clone)]
enum FileBytes {
    Embedded(&'static [u8]),
    Owned(Vec<u8>),
}

impl File {
    fn bytes(&self) -> &[u8] {
        match &self.bytes {
            FileBytes::Embedded(b) => b,
            FileBytes::Owned(b) => b,
        }
    }
}

/// A loaded theme: its templates compiled, its static files found.
pub struct Theme {
    /// The chosen theme's own theme.yaml.
    pub info: ThemeInfo,
    /// The chain, from the root theme to the chosen one.
    pub chain: Vec<Layer>,
    /// The options templates see: defaults along the chain, then the site's.
    pub options: Map<String, Value>,
    /// A hash of every template and static file in use: what changes when
    /// any of them does.
    pub fingerprint: String,
    tera: tera::Tera,
    /// Template name → file, for errors.
    templates: BTreeMap<String, File>,
    /// Output path → file, lowest layer first already resolved.
    statics: BTreeMap<String, File>,
}

impl Theme {
    /// Loads the configured theme with its ancestors and the site's
    /// overrides, checks it supports the configured profile, and compiles
    /// the templates with `strings` behind the `t()` function (which picks
    /// the table named by the page's `lang`, else `strings.site`).
    pub fn load(layout: &Layout, config: &Config, strings: Arc<StringTables>) -> Result<Theme> {
        let chain = resolve(layout, &config.theme)?;
        let info = chain
            .last()
            .expect("a chain has the chosen theme")
            .info
            .clone();
        let profiles = effective_profiles(&chain);
        if !profiles.contains(&config.profile) {
            let names: Vec<_> = profiles.iter().map(|p| p.name()).collect();
            bail!(
                "theme `{}` supports profile {}, but config.yaml asks for `{}`",
                info.name,
                names.join(", "),
                config.profile.name()
            );
        }
        let options = merge_options(&chain, &config.theme_options, &info.name)?;
        let mut templates = BTreeMap::new();
        let mut statics = BTreeMap::new();
        for layer in &chain {
            let (t, s) = builtin::files(&layer.origin)?;
            apply(&mut templates, t, config.profile);
            apply(&mut statics, s, config.profile);
        }
        apply(
            &mut templates,
            disk_files(&layout.templates)?,
            config.profile,
        );
        for (rel, file) in disk_files(&layout.static_dir)? {
            statics.insert(rel, file);
        }
        let tera = compile(&templates, strings, config)?;
        let mut h = blake3::Hasher::new();
        for (name, file) in templates.iter().chain(&statics) {
            h.update(name.as_bytes());
            h.update(&(file.bytes().len() as u64).to_le_bytes());
            h.update(file.bytes());
        }
        h.update(&serde_json::to_vec(&options).unwrap_or_default());
        Ok(Theme {
            info,
            chain,
            options,
            fingerprint: h.finalize().to_hex().to_string(),
            tera,
            templates,
            statics,
        })
    }

    /// The static files to copy into the output: (path, bytes).
    pub fn static_files(&self) -> impl Iterator<Item = (&str, &[u8])> {
        self.statics.iter().map(|(k, f)| (k.as_str(), f.bytes()))
    }

    /// Renders one template with `context`. An error names the template's
    /// file, line and column.
    pub fn render(&self, template: &str, context: &tera::Context) -> Result<String> {
        self.tera
            .render(template, context)
            .map_err(|e| anyhow::anyhow!("{}", self.explain(&e, template)))
    }

    /// A Tera error as `file:line:column: message`, with the file on disk.
    fn explain(&self, e: &tera::Error, template: &str) -> String {
        explain(e, template, &self.templates)
    }
}

/// The chain of themes for `name`, root first: each theme's `extends`
/// followed to `classic`. A folder in themes/ wins over a built-in theme
/// of the same name; a theme that extends its own name extends the
/// built-in one. Unknown names and cycles are errors.
pub fn resolve(layout: &Layout, name: &str) -> Result<Vec<Layer>> {
    let mut chain: Vec<Layer> = Vec::new();
    let mut next = Some((name.to_string(), true));
    while let Some((wanted, disk_allowed)) = next.take() {
        let layer = find(layout, &wanted, disk_allowed)?;
        let key = (
            layer.info.name.clone(),
            matches!(layer.origin, Origin::Folder(_)),
        );
        if chain
            .iter()
            .any(|l| (l.info.name.clone(), matches!(l.origin, Origin::Folder(_))) == key)
        {
            let names: Vec<&str> = chain.iter().map(|l| l.info.name.as_str()).collect();
            bail!(
                "themes extend each other in a circle: {} -> {wanted}",
                names.join(" -> ")
            );
        }
        let parent = match &layer.info.extends {
            Some(p) => Some(p.clone()),
            None if layer.info.name == ROOT_THEME && matches!(layer.origin, Origin::Builtin(_)) => {
                None
            }
            None => Some(ROOT_THEME.to_string()),
        };
        // A theme on disk that extends its own name extends the built-in one.
        next = parent.map(|p| {
            let same = p == layer.info.name && matches!(layer.origin, Origin::Folder(_));
            (p, !same)
        });
        chain.push(layer);
    }
    chain.reverse();
    Ok(chain)
}

/// The theme called `name`: its folder in themes/ (unless `disk_allowed`
/// is false), else the built-in one.
fn find(layout: &Layout, name: &str, disk_allowed: bool) -> Result<Layer> {
    let dir = layout.themes.join(name);
    if disk_allowed && dir.is_dir() {
        let yaml = dir.join("theme.yaml");
        let info = match std::fs::read_to_string(&yaml) {
            Ok(text) => parse_info(&text, &yaml.display().to_string())?,
            Err(_) => ThemeInfo {
                name: name.to_string(),
                description: String::new(),
                author: String::new(),
                license: String::new(),
                profiles: Vec::new(),
                extends: None,
                options: Map::new(),
            },
        };
        return Ok(Layer {
            info,
            origin: Origin::Folder(dir),
        });
    }
    match builtin::get(name) {
        Some(theme) => Ok(Layer {
            info: parse_info(theme.yaml, &format!("built-in theme {name}"))?,
            origin: Origin::Builtin(theme),
        }),
        None => {
            let known: Vec<&str> = builtin::names().collect();
            bail!(
                "theme `{name}` not found: no folder {} and no built-in theme of that name (built in: {})",
                dir.display(),
                known.join(", ")
            )
        }
    }
}

pub(crate) fn parse_info(text: &str, origin: &str) -> Result<ThemeInfo> {
    crate::yaml::parse(text, 1).with_context(|| format!("invalid {origin}"))
}

/// The profiles of the chosen theme: its own list, or the nearest
/// ancestor's.
fn effective_profiles(chain: &[Layer]) -> Vec<Profile> {
    chain
        .iter()
        .rev()
        .find(|l| !l.info.profiles.is_empty())
        .map(|l| l.info.profiles.clone())
        .unwrap_or_default()
}

/// Option defaults along the chain (a child's replace its parent's), then
/// the site's `theme_options:`, each of which must be one the chain declares.
fn merge_options(
    chain: &[Layer],
    site: &BTreeMap<String, Value>,
    theme: &str,
) -> Result<Map<String, Value>> {
    let mut options = Map::new();
    for layer in chain {
        for (k, v) in &layer.info.options {
            options.insert(k.clone(), v.clone());
        }
    }
    for (k, v) in site {
        if !options.contains_key(k) {
            let known: Vec<&str> = options.keys().map(String::as_str).collect();
            let hint = match crate::yaml::nearest(k, &known) {
                Some(n) => format!(" (did you mean `{n}`?)"),
                None if known.is_empty() => " (it has none)".to_string(),
                None => format!("; it has: {}", known.join(", ")),
            };
            bail!("theme `{theme}` has no option `{k}` (in theme_options in config.yaml){hint}");
        }
        options.insert(k.clone(), v.clone());
    }
    Ok(options)
}

/// Adds one layer of files over `into`: its shared files, then those in
/// the folder named after `profile` (`html2/base.html` serves as
/// `base.html` for html2). Folders of other profiles are left out.
fn apply(into: &mut BTreeMap<String, File>, files: Vec<(String, File)>, profile: Profile) {
    let mut specific = Vec::new();
    for (name, file) in files {
        match name
            .split_once('/')
            .and_then(|(dir, rest)| Some((Profile::from_name(dir)?, rest)))
        {
            None => {
                into.insert(name, file);
            }
            Some((p, rest)) if p == profile => specific.push((rest.to_string(), file)),
            Some(_) => {}
        }
    }
    into.extend(specific);
}

/// Every file under `dir` (recursively, hidden ones aside), by relative path.
fn disk_files(dir: &Path) -> Result<Vec<(String, File)>> {
    let mut files = Vec::new();
    if !dir.is_dir() {
        return Ok(files);
    }
    let walker = walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    for entry in walker {
        let entry = entry.with_context(|| format!("cannot walk {}", dir.display()))?;
        if !entry.file_type().is_file() {
            continue;
        }
        let bytes = std::fs::read(entry.path())
            .with_context(|| format!("cannot read {}", entry.path().display()))?;
        files.push((
            crate::fs::relative(dir, entry.path()),
            File {
                bytes: FileBytes::Owned(bytes),
                origin: entry.path().display().to_string(),
            },
        ));
    }
    Ok(files)
}

/// Tera's default escaping writes `&quot;`, which HTML 2.0 lacks; ours
/// writes only references every period browser and DTD knows.
fn escape_for_tera(input: &str, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let mut s = String::with_capacity(input.len());
    crate::vocabulary::html::escape_into(input, &mut s);
    out.write_all(s.as_bytes())
}

/// Compiles all templates together (they may extend and include each
/// other), after checking each one's tags balance so an unclosed block is
/// reported where it opens.
fn compile(
    templates: &BTreeMap<String, File>,
    strings: Arc<StringTables>,
    config: &Config,
) -> Result<tera::Tera> {
    let mut sources = Vec::new();
    for (name, file) in templates {
        let text = std::str::from_utf8(file.bytes())
            .map_err(|_| anyhow::anyhow!("{}: not UTF-8 text", file.origin))?;
        syntax::check_balance(text).map_err(|e| anyhow::anyhow!("{}:{e}", file.origin))?;
        sources.push((name.as_str(), text));
    }
    let mut tera = tera::Tera::default();
    tera.autoescape_on(vec![".html", ".htm", ".xml"]);
    tera.set_escape_fn(escape_for_tera);
    tera.register_function("t", move |kwargs: tera::Kwargs, state: &tera::State| {
        let code: Option<String> = state.get("lang")?;
        let table = code
            .and_then(|c| strings.tables.get(&c))
            .unwrap_or(&strings.site);
        translate(table, &kwargs)
    });
    // The other outputs' names for the HTML site's pages (see `outputs`).
    tera.register_filter("gmi", |url: &str, _: tera::Kwargs, _: &tera::State| {
        super::outputs::gmi_filter(url)
    });
    tera.register_filter("gemtext", |text: &str, _: tera::Kwargs, _: &tera::State| {
        super::outputs::gemtext::text_line(text)
    });
    let prefix = config.gopher.selector.clone();
    tera.register_filter(
        "selector",
        move |url: &str, _: tera::Kwargs, _: &tera::State| {
            super::outputs::gopher_selector(&prefix, url)
        },
    );
    // Text is folded to the charset before it is measured, as bodies are.
    let charset = config.charset();
    tera.register_filter(
        "wrap",
        move |text: &str, kwargs: tera::Kwargs, _: &tera::State| -> tera::TeraResult<String> {
            let width: usize = kwargs.get::<usize>("width")?.unwrap_or(72);
            let indent: &str = kwargs.get::<&str>("indent")?.unwrap_or("");
            let text = crate::vocabulary::charset::fold_text(text, charset);
            Ok(super::outputs::plain::wrap(&text, width, indent, indent).join("\n"))
        },
    );
    tera.add_raw_templates(sources)
        .map_err(|e| anyhow::anyhow!("{}", explain(&e, "", templates)))?;
    Ok(tera)
}

/// `t(key="more_in_section", section=s.name, count=s.count)`: the words for
/// `key` in the site's language, placeholders filled from the arguments.
fn translate(strings: &Strings, kwargs: &tera::Kwargs) -> tera::TeraResult<String> {
    let key: String = kwargs.must_get::<&str>("key")?.to_string();
    let args: Vec<(String, String)> = kwargs
        .iter()
        .filter(|(k, _)| k.as_str() != Some("key"))
        .map(|(k, v)| {
            let value = match v.as_str() {
                Some(s) => s.to_string(),
                None => v.to_string(),
            };
            (k.as_str().unwrap_or_default().to_string(), value)
        })
        .collect();
    let args: Vec<(&str, String)> = args.iter().map(|(k, v)| (k.as_str(), v.clone())).collect();
    strings
        .format(&key, &args)
        .map_err(|e| tera::Error::message(e.to_string()))
}

/// A Tera error as `file:line:column: message`, naming the file on disk.
fn explain(e: &tera::Error, template: &str, templates: &BTreeMap<String, File>) -> String {
    let origin = |name: &str| {
        templates
            .get(name)
            .map_or_else(|| name.to_string(), |f| f.origin.clone())
    };
    match e.kind() {
        tera::ErrorKind::SyntaxError(report) | tera::ErrorKind::RenderingError(report) => {
            let span = report.span();
            let file = if report.filename().is_empty() {
                template
            } else {
                report.filename()
            };
            let mut message = format!(
                "{}:{}:{}: {}",
                origin(file),
                span.start_line,
                span.start_col + 1,
                report.message()
            );
            let mut source = std::error::Error::source(e);
            while let Some(cause) = source {
                message.push_str(&format!(": {cause}"));
                source = cause.source();
            }
            message
        }
        tera::ErrorKind::MissingParent { current, parent } => format!(
            "{}: extends \"{parent}\", which no theme in the chain has",
            origin(current)
        ),
        tera::ErrorKind::TemplateNotFound(name) => {
            format!("template `{name}` not found in the theme or anything it extends")
        }
        _ => {
            let mut message = e.to_string();
            if !template.is_empty() {
                message = format!("{}: {message}", origin(template));
            }
            message
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    type ThemeFiles<'a> = (&'a str, &'a str, &'a [(&'a str, &'a str)]);

    fn site_with_themes(themes: &[ThemeFiles]) -> (tempfile::TempDir, Layout) {
        let dir = tempfile::tempdir().unwrap();
        for (name, yaml, files) in themes {
            let root = dir.path().join("themes").join(name);
            std::fs::create_dir_all(root.join("templates")).unwrap();
            std::fs::write(root.join("theme.yaml"), yaml).unwrap();
            for (rel, text) in *files {
                let path = root.join("templates").join(rel);
                std::fs::create_dir_all(path.parent().unwrap()).unwrap();
                std::fs::write(path, text).unwrap();
            }
        }
        let layout = Layout::new(dir.path());
        (dir, layout)
    }

    fn names(chain: &[Layer]) -> Vec<String> {
        chain
            .iter()
            .map(|l| match &l.origin {
                Origin::Builtin(_) => format!("built-in {}", l.info.name),
                Origin::Folder(_) => l.info.name.clone(),
            })
            .collect()
    }

    #[test]
    fn chains_end_at_classic_and_circles_are_refused() {
        let (_dir, layout) = site_with_themes(&[
            ("a", "name: a\nextends: b\n", &[]),
            ("b", "name: b\n", &[]),
            ("x", "name: x\nextends: y\n", &[]),
            ("y", "name: y\nextends: x\n", &[]),
            ("classic", "name: classic\n", &[]),
            ("z", "name: z\nextends: nowhere\n", &[]),
        ]);
        assert_eq!(
            names(&resolve(&layout, "a").unwrap()),
            ["built-in classic", "classic", "b", "a"]
        );
        let err = resolve(&layout, "x").unwrap_err().to_string();
        assert!(
            err.contains("circle") && err.contains("x -> y -> x"),
            "{err}"
        );
        let err = resolve(&layout, "z").unwrap_err().to_string();
        assert!(err.contains("theme `nowhere` not found"), "{err}");
    }

    #[test]
    fn site_options_must_be_declared() {
        let (_dir, layout) =
            site_with_themes(&[("mine", "name: mine\noptions:\n  show_dates: false\n", &[])]);
        let chain = resolve(&layout, "mine").unwrap();
        let site = BTreeMap::from([("show_dates".to_string(), Value::Bool(true))]);
        let merged = merge_options(&chain, &site, "mine").unwrap();
        assert_eq!(merged["show_dates"], Value::Bool(true));
        let bad = BTreeMap::from([("show_date".to_string(), Value::Bool(true))]);
        let err = merge_options(&chain, &bad, "mine").unwrap_err().to_string();
        assert!(err.contains("did you mean `show_dates`"), "{err}");
    }
}
