//! Retention (`fetch.keep_days`): fetched articles older than the limit
//! are deleted, unless a person made or edited them (fetch remembers a hash
//! of every file it wrote; a file whose bytes differ is kept).

use super::state::State;
use crate::content;
use anyhow::{Context, Result};
use std::path::Path;

/// Deletes fetched articles under `content_dir` older than `days`.
/// Returns the removed files, as `content/<section>/<file>`.
pub fn retire(content_dir: &Path, state: &mut State, days: u32) -> Result<Vec<String>> {
    let cutoff = chrono::Utc::now() - chrono::Duration::days(i64::from(days));
    let mut removed = Vec::new();
    for rel in content::list(content_dir)? {
        let path = content_dir.join(&rel);
        let Ok(bytes) = std::fs::read(&path) else {
            continue;
        };
        if !state.is_untouched(&rel, &bytes) {
            continue;
        }
        let Ok(source) = content::parse(&rel, &String::from_utf8_lossy(&bytes)) else {
            continue;
        };
        let when = source.date.or(source.front.fetched).map(|d| d.time());
        if source.front.extracted.is_some() && when.is_some_and(|d| d < cutoff) {
            std::fs::remove_file(&path)
                .with_context(|| format!("cannot remove {}", path.display()))?;
            state.written.remove(&rel);
            removed.push(format!("content/{rel}"));
        }
    }
    Ok(removed)
}
