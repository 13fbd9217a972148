//! `paperboy serve`: build, serve on 127.0.0.1 and rebuild on change.

use crate::config::Config;
use crate::layout::Layout;
use anyhow::Result;
use std::path::Path;

/// Serves the site at `root` until interrupted.
pub fn run(root: &Path, output: Option<&Path>, port: u16) -> Result<()> {
    let config = Config::load(root)?;
    let output = Layout::new(root).output(&config.output_dir, output);
    crate::serve::serve(root, &output, port, |addr| {
        println!(
            "Serving {} at http://{addr}/ (rebuilds on change; Ctrl-C to stop)",
            output.display()
        );
    })
}
