//! `paperboy new`: the files of a fresh site. A new site builds as it is:
//! a commented config.yaml and two sample articles in two sections. The
//! theme is the built-in one, so no theme files are copied.

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

/// Creates a site in `dir`, which must not exist or be empty.
pub fn create(dir: &Path) -> Result<()> {
    if dir.exists() {
        let empty = dir.is_dir() && fs::read_dir(dir)?.next().is_none();
        if !empty {
            bail!(
                "{} already exists and is not empty; choose a new folder",
                dir.display()
            );
        }
    }
    let files = [
        ("config.yaml", CONFIG),
        ("content/news/2026-01-02-welcome.md", WELCOME),
        ("content/notes/2026-01-01-article-layout.md", SECOND),
    ];
    for (rel, text) in files {
        let path = dir.join(rel);
        fs::create_dir_all(path.parent().expect("files live in a folder"))
            .with_context(|| format!("cannot create {}", path.display()))?;
        fs::write(&path, text).with_context(|| format!("cannot write {}", path.display()))?;
    }
    Ok(())
}
