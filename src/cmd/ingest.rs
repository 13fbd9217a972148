//! `paperboy ingest`: add saved pages, folders of them, or URLs to
//! content/, one line per input and a summary. One failure never stops the
//! batch.

use crate::config::Config;
use crate::fetch::http::Client;
use crate::ingest::{self, Input};
use crate::content::store::{Store, Stored};
use anyhow::{Result, bail};
use std::path::Path;

/// Options for one ingest run.
pub struct Options<'a> {
    pub inputs: &'a [String],
    pub section: Option<&'a str>,
    pub page_url: Option<&'a str>,
    pub force: bool,
}

/// Ingests every input; returns whether all succeeded.
pub fn run(root: &Path, opts: &Options) -> Result<bool> {
    let config = Config::load(root)?;
    let section = match opts.section {
        Some(s) => s.to_string(),
        None => match config.sections.first() {
            Some(s) => s.id.clone(),
            None => {
                bail!("no section to ingest into: pass --section or list sections in config.yaml")
            }
        },
    };
    if !crate::config::is_valid_id(&section) {
        bail!(
            "section `{section}` is not a valid id: use lowercase ASCII letters, digits, `-` or `_`"
        );
    }
    if !config.sections.iter().any(|s| s.id == section) {
        log::warn!(
            "section `{section}` is not listed in config.yaml; build will add it at the end"
        );
    }
    let inputs: Vec<Input> = opts.inputs.iter().map(|a| Input::parse(a)).collect();
    let inputs = ingest::expand(&inputs)?;
    if inputs.len() > 1 && opts.page_url.is_some() {
        bail!("--url names one page's address; give it with a single input");
    }
    let client = if inputs.iter().any(|i| matches!(i, Input::Url(_))) {
        Some(Client::new(crate::fetch::http::Settings::from_config(
            &config,
        ))?)
    } else {
        None
    };
    let mut store = Store::open(&root.join("content"))?;
    let (mut added, mut skipped, mut failed) = (0, 0, 0);
    for input in &inputs {
        let result = ingest::read(input, opts.page_url, &section, client.as_ref())
            .and_then(|article| store.add(&article.front, &article.body, opts.force));
        match result {
            Ok(Stored::Added(path)) => {
                added += 1;
                println!("added: {} ({})", path.display(), input.name());
            }
            Ok(Stored::Replaced(path)) => {
                added += 1;
                println!("replaced: {} ({})", path.display(), input.name());
            }
            Ok(Stored::Duplicate(path)) => {
                skipped += 1;
                println!(
                    "skipped: duplicate of {} ({})",
                    path.display(),
                    input.name()
                );
            }
            Err(e) => {
                failed += 1;
                println!("failed: {}: {e:#}", input.name());
            }
        }
    }
    println!("{added} added, {skipped} skipped, {failed} failed");
    Ok(failed == 0)
}
