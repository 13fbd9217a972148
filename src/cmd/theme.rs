//! `paperboy theme list` and `paperboy theme eject`: the themes a site can
//! use (built into the binary, or in themes/), and a theme's full source
//! written to disk to start editing from.

use crate::build::theme;
use crate::layout::Layout;
use anyhow::Result;
use std::path::Path;

/// Prints every theme, one block each.
pub fn list(root: &Path) -> Result<()> {
    let layout = Layout::new(root);
    let configured = crate::config::Config::load(root).ok().map(|c| c.theme);
    for t in theme::list(&layout)? {
        let active = if t.hidden {
            " (hidden by the folder of the same name)"
        } else if configured.as_deref() == Some(t.name.as_str()) {
            " (in use)"
        } else {
            ""
        };
        println!("{} [{}]{active}", t.name, t.place);
        if !t.description.is_empty() {
            println!("  {}", t.description);
        }
        if !t.profiles.is_empty() {
            println!("  profiles: {}", t.profiles.join(", "));
        }
        if !t.author.is_empty() || !t.license.is_empty() {
            println!(
                "  by {} ({})",
                or_unknown(&t.author),
                or_unknown(&t.license)
            );
        }
        if !t.extends.is_empty() {
            println!("  extends: {}", t.extends.join(" -> "));
        }
    }
    Ok(())
}

/// Writes theme `name` (default: the configured one) to `to` (default
/// `themes/<name>/`).
pub fn eject(root: &Path, name: Option<&str>, to: Option<&Path>) -> Result<()> {
    let layout = Layout::new(root);
    let name = match name {
        Some(n) => n.to_string(),
        None => crate::config::Config::load(root)?.theme,
    };
    let (dir, count) = theme::eject(&layout, &name, to)?;
    println!(
        "wrote {count} files of theme `{name}` to {}; edit them there",
        dir.display()
    );
    if to.is_none() {
        println!("the folder now takes the place of the built-in `{name}` for this site");
    }
    Ok(())
}

fn or_unknown(s: &str) -> &str {
    if s.is_empty() { "unknown" } else { s }
}
