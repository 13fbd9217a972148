//! `paperboy new`: the files of a fresh site. A new site builds as it is:
//! a commented config.yaml and two sample articles in two sections (or,
//! with `--editions`, two editions in two languages with an article
//! each). The theme is the built-in one, so no theme files are copied.

use anyhow::{Context, Result, bail};
use std::fs;
use std::path::Path;

const CONFIG: &str = r#"# paperboy site settings. Every key is optional except sections;
# a misspelt key is an error that names it. See the README for all keys.
title: My Paperboy
tagline: Headlines for every browser
language: en
# Absolute URL the site will be served from; set it to get feed.xml and sitemap.xml.
base_url: ""
theme: classic
profile: html32          # html32: HTML 3.2 Final
charset: latin1          # ascii | latin1 | macroman | utf-8
front_page:
  per_section: 8
sections:
  - id: news
    name: News
  - id: notes
    name: Notes
"#;

const WELCOME: &str = r#"---
title: Welcome to Your New News Mirror
section: news
date: 2026-01-02T09:00:00Z
source_name: Paperboy
byline: The Editors
---
This site was made by `paperboy new`. Every article is a Markdown file in
`content/<section>/`, with a few lines of YAML at the top.

Run `paperboy build` and open `public/index.html` in any browser: a 1995
one will do.
"#;

const SECOND: &str = r#"---
title: How Articles Are Laid Out
section: notes
date: 2026-01-01
source_url: https://example.org/
source_name: Example Source
---
An article page starts and ends with a link back to the front page, shows
the source and the date, and links to the **original source**.

- Lists, *emphasis* and [links](https://example.org/) work as in any Markdown.
- Curly “quotes” and dashes – like these – are folded for old browsers.
"#;

const EDITIONS_CONFIG: &str = r#"# paperboy site settings, for a site with editions: each edition has its
# own front page, sections and language, and the root page lets readers
# choose one. Every key is optional; see the README for all keys.
title: My Paperboy
tagline: Headlines for every browser
language: en
# Absolute URL the site will be served from; set it to get feeds and a sitemap.
base_url: ""
theme: classic
profile: html32          # html32: HTML 3.2 Final
charset: latin1          # ascii | latin1 | macroman | utf-8
editions:
  - id: en               # folder in content/ and in the output
    name: English
    language: en
    sections:
      - id: news
        name: News
  - id: fr
    name: Français
    language: fr
    sections:
      - id: actualites
        name: Actualités
"#;

const FRENCH: &str = r#"---
title: Bienvenue dans votre nouveau kiosque
date: 2026-01-02T09:00:00Z
source_name: Paperboy
byline: La rédaction
---
Ce site a été créé par `paperboy new --editions`. Chaque édition a sa
propre une, ses rubriques et sa langue : les articles de cette édition se
trouvent dans `content/fr/<rubrique>/`.
"#;

/// Creates a site in `dir`, which must not exist or be empty; with
/// `editions`, a site with an English and a French edition.
pub fn create(dir: &Path, editions: bool) -> Result<()> {
    if dir.exists() {
        let empty = dir.is_dir() && fs::read_dir(dir)?.next().is_none();
        if !empty {
            bail!(
                "{} already exists and is not empty; choose a new folder",
                dir.display()
            );
        }
    }
    let files: &[(&str, &str)] = if editions {
        &[
            ("config.yaml", EDITIONS_CONFIG),
            ("content/en/news/2026-01-02-welcome.md", WELCOME),
            ("content/fr/actualites/2026-01-02-bienvenue.md", FRENCH),
        ]
    } else {
        &[
            ("config.yaml", CONFIG),
            ("content/news/2026-01-02-welcome.md", WELCOME),
            ("content/notes/2026-01-01-article-layout.md", SECOND),
        ]
    };
    for &(rel, text) in files {
        let path = dir.join(rel);
        fs::create_dir_all(path.parent().expect("files live in a folder"))
            .with_context(|| format!("cannot create {}", path.display()))?;
        fs::write(&path, text).with_context(|| format!("cannot write {}", path.display()))?;
    }
    Ok(())
}
