//! Themes: where templates come from and how Tera is set up.
//!
//! Three layers, each overriding the one before file by file: the built-in
//! `classic` theme compiled into the binary, `themes/<name>/templates/` on
//! disk, and the site's own `templates/`. A theme's `theme.yaml` declares the
//! profiles its markup is valid for. Rendering pages is `pages`' job.

use crate::config::Config;
use crate::layout::Layout;
use crate::vocabulary::Profile;
use anyhow::{Context, Result, bail};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The name of the theme compiled into the binary.
pub const BUILTIN: &str = "classic";

/// A theme compiled into the binary, as in themes/<name>/ of the source tree.
struct BuiltinTheme {
    name: &'static str,
    yaml: &'static str,
    templates: &'static [(&'static str, &'static str)],
    #[allow(dead_code)]
    statics: &'static [(&'static str, &'static [u8])],
}

include!(concat!(env!("OUT_DIR"), "/builtin_themes.rs"));

/// theme.yaml: what a theme says about itself.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ThemeInfo {
    pub name: String,
    #[serde(default)]
    pub description: String,
    /// Profiles whose DTD the theme's markup is valid for.
    pub profiles: Vec<Profile>,
}

/// A loaded theme: its templates compiled, plus where its static files are.
pub struct Theme {
    pub info: ThemeInfo,
    pub tera: tera::Tera,
    /// Folders whose files are copied into the output, lowest layer first.
    pub static_dirs: Vec<PathBuf>,
}

/// One template source, kept with the file it came from for error messages.
struct Source {
    text: String,
    origin: String,
}

impl Theme {
    /// Loads the configured theme with the site's overrides, and checks it
    /// supports the configured profile.
    pub fn load(layout: &Layout, config: &Config) -> Result<Theme> {
        let mut sources: BTreeMap<String, Source> = BTreeMap::new();
        let theme_dir = layout.themes.join(&config.theme);
        let mut info = None;
        if config.theme == BUILTIN {
            let classic = BUILTIN_THEMES
                .iter()
                .find(|t| t.name == BUILTIN)
                .expect("classic is built in");
            info = Some(parse_info(classic.yaml, "built-in theme.yaml")?);
            let builtin = classic.templates.iter().map(|(name, text)| {
                (
                    name.to_string(),
                    Source {
                        text: text.to_string(),
                        origin: format!("built-in {name}"),
                    },
                )
            });
            layer(builtin.collect(), config.profile, &mut sources);
        }
        let mut static_dirs = Vec::new();
        if theme_dir.is_dir() {
            let yaml_path = theme_dir.join("theme.yaml");
            if yaml_path.is_file() {
                let text = std::fs::read_to_string(&yaml_path)
                    .with_context(|| format!("cannot read {}", yaml_path.display()))?;
                info = Some(parse_info(&text, &yaml_path.display().to_string())?);
            }
            layer(
                read_templates(&theme_dir.join("templates"))?,
                config.profile,
                &mut sources,
            );
            static_dirs.push(theme_dir.join("static"));
        } else if config.theme != BUILTIN {
            bail!(
                "theme `{}` not found: expected a folder {}",
                config.theme,
                theme_dir.display()
            );
        }
        let Some(info) = info else {
            bail!(
                "theme `{}` has no theme.yaml: add one that lists its `profiles`",
                config.theme
            );
        };
        if !info.profiles.contains(&config.profile) {
            let supported: Vec<_> = info.profiles.iter().map(|p| p.name()).collect();
            bail!(
                "theme `{}` supports profile {}, but config.yaml asks for `{}`",
                info.name,
                supported.join(", "),
                config.profile.name()
            );
        }
        layer(
            read_templates(&layout.templates)?,
            config.profile,
            &mut sources,
        );
        static_dirs.push(layout.static_dir.clone());
        let tera = compile(&sources)?;
        Ok(Theme {
            info,
            tera,
            static_dirs,
        })
    }

    /// Renders one template with `context`, naming the template on error.
    pub fn render(&self, template: &str, context: &tera::Context) -> Result<String> {
        self.tera
            .render(template, context)
            .map_err(|e| anyhow::anyhow!("cannot render {template}:\n{e}"))
    }
}

fn parse_info(text: &str, origin: &str) -> Result<ThemeInfo> {
    crate::yaml::parse(text, 1).with_context(|| format!("invalid {origin}"))
}

/// Every file under `dir` (recursively), named by its relative path.
fn read_templates(dir: &Path) -> Result<Vec<(String, Source)>> {
    let mut files = Vec::new();
    if !dir.is_dir() {
        return Ok(files);
    }
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let entry = entry.with_context(|| format!("cannot walk {}", dir.display()))?;
        let hidden = entry.file_name().to_string_lossy().starts_with('.');
        if !entry.file_type().is_file() || hidden {
            continue;
        }
        let name = crate::fs::relative(dir, entry.path());
        let text = std::fs::read_to_string(entry.path())
            .with_context(|| format!("cannot read template {}", entry.path().display()))?;
        files.push((
            name,
            Source {
                text,
                origin: entry.path().display().to_string(),
            },
        ));
    }
    Ok(files)
}

/// Adds one layer of templates over `sources`: first its shared files, then
/// those in the folder named after `profile` (`html2/base.html` serves as
/// `base.html` for html2), so a theme only writes what differs per profile.
/// Folders of other profiles are left out.
fn layer(files: Vec<(String, Source)>, profile: Profile, sources: &mut BTreeMap<String, Source>) {
    let profile_dir = |name: &str| {
        let (dir, rest) = name.split_once('/')?;
        let p = Profile::from_name(dir)?;
        Some((p, rest.to_string()))
    };
    let mut specific = Vec::new();
    for (name, source) in files {
        match profile_dir(&name) {
            None => {
                sources.insert(name, source);
            }
            Some((p, rest)) if p == profile => specific.push((rest, source)),
            Some(_) => {}
        }
    }
    sources.extend(specific);
}

/// Tera's default escaping writes `&quot;`, which HTML 2.0 lacks; ours
/// writes only references every period browser and DTD knows.
fn escape_for_tera(input: &str, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let mut s = String::with_capacity(input.len());
    crate::vocabulary::html::escape_into(input, &mut s);
    out.write_all(s.as_bytes())
}

/// Compiles all templates together (they may extend and include each other).
fn compile(sources: &BTreeMap<String, Source>) -> Result<tera::Tera> {
    let mut tera = tera::Tera::default();
    tera.autoescape_on(vec![".html", ".htm", ".xml"]);
    tera.set_escape_fn(escape_for_tera);
    // Compile one by one first, so a syntax error names its file.
    for (name, source) in sources {
        let mut probe = tera::Tera::default();
        if let Err(e) = probe.add_raw_template(name, &source.text)
            && matches!(e.kind(), tera::ErrorKind::SyntaxError(_))
        {
            bail!(
                "template error in {}:
{e}",
                source.origin
            );
        }
    }
    tera.add_raw_templates(
        sources
            .iter()
            .map(|(name, s)| (name.as_str(), s.text.as_str())),
    )
    .map_err(|e| anyhow::anyhow!("cannot load templates: {e}"))?;
    Ok(tera)
}
