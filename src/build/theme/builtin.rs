//! The shipped themes, compiled into the binary (see build.rs), and the
//! two things a user does with themes besides building: listing them and
//! ejecting one to disk to edit it.

use super::{File, FileBytes, Layer, Origin, resolve};
use crate::layout::Layout;
use anyhow::{Context, Result, bail};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// A theme compiled into the binary, as in themes/<name>/ of the source tree.
#[derive(Debug)]
pub struct BuiltinTheme {
    pub name: &'static str,
    pub yaml: &'static str,
    pub templates: &'static [(&'static str, &'static str)],
    pub statics: &'static [(&'static str, &'static [u8])],
}

include!(concat!(env!("OUT_DIR"), "/builtin_themes.rs"));

/// The built-in theme called `name`.
pub fn get(name: &str) -> Option<&'static BuiltinTheme> {
    BUILTIN_THEMES.iter().find(|t| t.name == name)
}

/// The names of the built-in themes.
pub fn names() -> impl Iterator<Item = &'static str> {
    BUILTIN_THEMES.iter().map(|t| t.name)
}

/// Files by their path inside `templates/` or `static/`.
pub(super) type Files = Vec<(String, File)>;

/// A theme's own templates and static files (not its ancestors').
pub(super) fn files(origin: &Origin) -> Result<(Files, Files)> {
    match origin {
        Origin::Builtin(theme) => {
            let file = |rel: &str, bytes: &'static [u8], kind: &str| File {
                bytes: FileBytes::Embedded(bytes),
                origin: format!("built-in theme {}: {kind}/{rel}", theme.name),
            };
            let templates = theme
                .templates
                .iter()
                .map(|(rel, text)| (rel.to_string(), file(rel, text.as_bytes(), "templates")))
                .collect();
            let statics = theme
                .statics
                .iter()
                .map(|(rel, bytes)| (rel.to_string(), file(rel, bytes, "static")))
                .collect();
            Ok((templates, statics))
        }
        Origin::Folder(dir) => Ok((
            super::disk_files(&dir.join("templates"))?,
            super::disk_files(&dir.join("static"))?,
        )),
    }
}

/// One line of `paperboy theme list`.
#[derive(Debug, Clone)]
pub struct Listed {
    pub name: String,
    /// `built-in`, or the folder.
    pub place: String,
    pub description: String,
    pub author: String,
    pub license: String,
    pub profiles: Vec<String>,
    /// The chain above it, nearest first (`classic` for most).
    pub extends: Vec<String>,
    /// A folder in themes/ hides the built-in theme of this name.
    pub hidden: bool,
}

/// The built-in themes and those in themes/, sorted by name. A theme whose
/// chain cannot be resolved is listed with the error as its description.
pub fn list(layout: &Layout) -> Result<Vec<Listed>> {
    let mut names: BTreeMap<String, ()> = names().map(|n| (n.to_string(), ())).collect();
    if let Ok(entries) = std::fs::read_dir(&layout.themes) {
        for entry in entries.flatten() {
            if entry.path().is_dir() && !entry.file_name().to_string_lossy().starts_with('.') {
                names.insert(entry.file_name().to_string_lossy().into_owned(), ());
            }
        }
    }
    let mut out = Vec::new();
    for name in names.into_keys() {
        let on_disk = layout.themes.join(&name).is_dir();
        if on_disk && get(&name).is_some() {
            let theme = get(&name).expect("checked");
            let info = super::parse_info(theme.yaml, "built-in theme")?;
            out.push(Listed {
                name: name.clone(),
                place: "built-in".into(),
                description: info.description,
                author: info.author,
                license: info.license,
                profiles: info.profiles.iter().map(|p| p.name().to_string()).collect(),
                extends: info.extends.into_iter().collect(),
                hidden: true,
            });
        }
        match resolve(layout, &name) {
            Ok(chain) => {
                let me = chain.last().expect("a chain has its theme");
                let profiles = super::effective_profiles(&chain);
                out.push(Listed {
                    name: name.clone(),
                    place: match &me.origin {
                        Origin::Builtin(_) => "built-in".into(),
                        Origin::Folder(dir) => dir.display().to_string(),
                    },
                    description: me.info.description.clone(),
                    author: me.info.author.clone(),
                    license: me.info.license.clone(),
                    profiles: profiles.iter().map(|p| p.name().to_string()).collect(),
                    extends: chain
                        .iter()
                        .rev()
                        .skip(1)
                        .map(|l| l.info.name.clone())
                        .collect(),
                    hidden: false,
                });
            }
            Err(e) => out.push(Listed {
                name: name.clone(),
                place: layout.themes.join(&name).display().to_string(),
                description: format!("cannot be used: {e:#}"),
                author: String::new(),
                license: String::new(),
                profiles: Vec::new(),
                extends: Vec::new(),
                hidden: false,
            }),
        }
    }
    Ok(out)
}

/// Writes the full source of theme `name` (its files merged with every
/// file it inherits, so nothing is left to look up) to `to`, by default
/// themes/<name>/. Building with the ejected copy gives the same output.
/// Refuses a folder that is not empty. Returns the folder and the number
/// of files written.
pub fn eject(layout: &Layout, name: &str, to: Option<&Path>) -> Result<(PathBuf, usize)> {
    let chain = resolve(layout, name)?;
    let me = chain.last().expect("a chain has its theme");
    let dest = to.map_or_else(|| layout.themes.join(name), Path::to_path_buf);
    if let Origin::Folder(dir) = &me.origin
        && to.is_none()
        && same(dir, &dest)
    {
        bail!(
            "theme `{name}` is already on disk in {}; pass --to DIR to copy it elsewhere",
            dir.display()
        );
    }
    if std::fs::read_dir(&dest).is_ok_and(|mut d| d.next().is_some()) {
        bail!(
            "{} is not empty; choose another folder with --to DIR",
            dest.display()
        );
    }
    // Every layer's files, in every profile folder, the nearest layer winning.
    let mut templates: BTreeMap<String, File> = BTreeMap::new();
    let mut statics: BTreeMap<String, File> = BTreeMap::new();
    for layer in &chain {
        let (t, s) = files(&layer.origin)?;
        templates.extend(t);
        statics.extend(s);
    }
    let yaml = theme_yaml(me, &chain)?;
    let mut count = 0;
    let mut write = |rel: &Path, bytes: &[u8]| -> Result<()> {
        let path = dest.join(rel);
        std::fs::create_dir_all(path.parent().expect("inside dest"))
            .with_context(|| format!("cannot create {}", path.display()))?;
        std::fs::write(&path, bytes).with_context(|| format!("cannot write {}", path.display()))?;
        count += 1;
        Ok(())
    };
    write(Path::new("theme.yaml"), yaml.as_bytes())?;
    for (rel, file) in &templates {
        write(&Path::new("templates").join(rel), file.bytes())?;
    }
    for (rel, file) in &statics {
        write(&Path::new("static").join(rel), file.bytes())?;
    }
    Ok((dest, count))
}

/// The ejected theme's theme.yaml: its own, with the profiles and options
/// it inherits written out so the copy stands alone.
fn theme_yaml(me: &Layer, chain: &[Layer]) -> Result<String> {
    let own = match &me.origin {
        Origin::Builtin(t) => t.yaml.to_string(),
        Origin::Folder(dir) => std::fs::read_to_string(dir.join("theme.yaml"))
            .unwrap_or_else(|_| format!("name: {}\n", me.info.name)),
    };
    if !me.info.profiles.is_empty() {
        return Ok(own);
    }
    let profiles: Vec<&str> = super::effective_profiles(chain)
        .iter()
        .map(|p| p.name())
        .collect();
    Ok(format!(
        "{}\nprofiles: [{}]\n",
        own.trim_end(),
        profiles.join(", ")
    ))
}

fn same(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(x), Ok(y)) => x == y,
        _ => a == b,
    }
}
