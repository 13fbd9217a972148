//! `paperboy bundle`: the built HTML site as one archive (zip or tar), to
//! copy to a vintage machine by floppy image or serial line; or, with
//! `--split KB`, as numbered volumes of at most KB kilobytes each.
//!
//! Every volume is a whole archive of its own (a volume never holds part
//! of a file), so each unpacks alone, and unpacking all of them into one
//! folder gives the site. The archive holds exactly the files the last
//! build wrote (its manifest), with fixed timestamps and permissions, so
//! two bundles of one build are byte-identical. Reads the output folder;
//! builds nothing, except that a bundle of one edition gets a chooser page
//! that offers that edition alone.

use crate::config::Config;
use crate::layout::Layout;
use anyhow::{Context, Result, bail};
use rayon::prelude::*;
use std::io::Write;
use std::path::{Path, PathBuf};

/// The archive format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// A zip archive (deflated), which Stuffit Expander, Windows and Mac OS X open.
    Zip,
    /// A plain tar archive (uncompressed), for Unix machines.
    Tar,
}

impl Format {
    fn extension(self) -> &'static str {
        match self {
            Format::Zip => "zip",
            Format::Tar => "tar",
        }
    }

    /// Bytes an archive has besides its entries: what two one-file
    /// archives have twice and their union once.
    fn overhead(self) -> usize {
        match self {
            // The end of central directory record.
            Format::Zip => 22,
            // The two zero blocks that end a tar.
            Format::Tar => 1024,
        }
    }
}

/// What to bundle and where.
#[derive(Debug, Clone)]
pub struct Options<'a> {
    /// Only this edition's folder and the files at the root.
    pub edition: Option<&'a str>,
    pub format: Format,
    /// Volumes of at most this many KiB.
    pub split_kb: Option<u64>,
    /// The archive (with `--split`, the name the volumes are numbered
    /// after); by default beside the output folder, named after it.
    pub output: Option<&'a Path>,
}

/// Modification time of every entry: 1980-01-01, the earliest a zip can say.
const MTIME: u64 = 315_532_800;

/// Bundles the site at `root`; returns the archives written.
pub fn run(root: &Path, opts: &Options) -> Result<Vec<PathBuf>> {
    let config = Config::load(root)?;
    let layout = Layout::new(root);
    let site = layout.output(&config.output_dir, None);
    let manifest = site.join(crate::build::output::MANIFEST);
    let listed = std::fs::read_to_string(&manifest).with_context(|| {
        format!(
            "no built site in {} (no {}): run `paperboy build` first",
            site.display(),
            crate::build::output::MANIFEST
        )
    })?;
    let mut names: Vec<&str> = listed.lines().filter(|l| !l.is_empty()).collect();
    names.sort_unstable();
    if let Some(id) = opts.edition {
        let editions: Vec<&str> = config.editions.iter().map(|e| e.id.as_str()).collect();
        if !editions.contains(&id) {
            bail!("there is no edition `{id}` in config.yaml");
        }
        // The edition's folder and the shared files at the root; not the other editions.
        names.retain(|n| match n.split_once('/') {
            Some((first, _)) => first == id || !editions.contains(&first),
            None => true,
        });
    }
    let mut files: Vec<(String, Vec<u8>)> = names
        .par_iter()
        .map(|n| {
            let path = site.join(n);
            std::fs::read(&path)
                .map(|b| (n.to_string(), b))
                .with_context(|| format!("cannot read {}: rebuild the site", path.display()))
        })
        .collect::<Result<_>>()?;
    if let Some(id) = opts.edition {
        // The site's chooser links to every edition; the bundle's offers
        // only the one it holds.
        let site = crate::build::Site::load(root)?;
        let chooser = site.with_pages(crate::build::Target::Html, |p| p.chooser_of(id))?;
        if let Some(file) = files.iter_mut().find(|(n, _)| n == "index.html") {
            file.1 = chooser;
        }
    }
    let base = match opts.output {
        Some(p) => p.to_path_buf(),
        None => {
            let name = site
                .file_name()
                .map_or_else(|| "site".into(), |n| n.to_string_lossy().into_owned());
            let name = match opts.edition {
                Some(id) => format!("{name}-{id}.{}", opts.format.extension()),
                None => format!("{name}.{}", opts.format.extension()),
            };
            site.parent().unwrap_or(Path::new(".")).join(name)
        }
    };
    let volumes = match opts.split_kb {
        None => vec![archive(&files, opts.format)?],
        Some(kb) => {
            if kb < 8 {
                bail!("--split takes at least 8 (KB)");
            }
            split(&files, opts.format, usize::try_from(kb * 1024)?)?
        }
    };
    let paths: Vec<PathBuf> = if opts.split_kb.is_none() {
        vec![base.clone()]
    } else {
        (1..=volumes.len()).map(|n| volume_path(&base, n)).collect()
    };
    for (path, bytes) in paths.iter().zip(&volumes) {
        crate::fs::write_shared(path, bytes)?;
        log::info!(
            "wrote {} ({} KB)",
            path.display(),
            (bytes.len() as u64).div_ceil(1024)
        );
    }
    if opts.split_kb.is_some() {
        // Volumes a larger bundle left behind would be unpacked with these.
        let mut n = volumes.len() + 1;
        while std::fs::remove_file(volume_path(&base, n)).is_ok() {
            n += 1;
        }
    }
    log::info!(
        "bundled {} files of {} in {} archive{}",
        files.len(),
        site.display(),
        volumes.len(),
        if volumes.len() == 1 { "" } else { "s" }
    );
    Ok(paths)
}

/// `public.zip` → `public-1.zip`, `public-2.zip`, ...
fn volume_path(base: &Path, n: usize) -> PathBuf {
    let stem = base
        .file_stem()
        .map_or_else(|| "site".into(), |s| s.to_string_lossy().into_owned());
    let name = match base.extension() {
        Some(ext) => format!("{stem}-{n}.{}", ext.to_string_lossy()),
        None => format!("{stem}-{n}"),
    };
    base.with_file_name(name)
}

/// One archive of `files`, in order.
fn archive(files: &[(String, Vec<u8>)], format: Format) -> Result<Vec<u8>> {
    match format {
        Format::Zip => {
            use zip::write::SimpleFileOptions;
            use zip::{CompressionMethod, DateTime};
            let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
            for (name, bytes) in files {
                // Pictures and e-books are compressed already.
                let packed = [".gif", ".jpg", ".jpeg", ".png", ".epub"]
                    .iter()
                    .any(|e| name.ends_with(e));
                let options = SimpleFileOptions::default()
                    .compression_method(if packed {
                        CompressionMethod::Stored
                    } else {
                        CompressionMethod::Deflated
                    })
                    .last_modified_time(DateTime::default())
                    .unix_permissions(0o644);
                zip.start_file(name.as_str(), options)
                    .with_context(|| format!("cannot add {name}"))?;
                zip.write_all(bytes)
                    .with_context(|| format!("cannot add {name}"))?;
            }
            Ok(zip.finish()?.into_inner())
        }
        Format::Tar => {
            let mut tar = tar::Builder::new(Vec::new());
            for (name, bytes) in files {
                let mut header = tar::Header::new_gnu();
                header.set_size(bytes.len() as u64);
                header.set_mode(0o644);
                header.set_mtime(MTIME);
                header.set_uid(0);
                header.set_gid(0);
                header.set_entry_type(tar::EntryType::Regular);
                tar.append_data(&mut header, name, bytes.as_slice())
                    .with_context(|| format!("cannot add {name}"))?;
            }
            Ok(tar.into_inner()?)
        }
    }
}

/// `files` as volumes of at most `limit` bytes, in order, each a whole
/// archive. The size of a volume is known before it is written: an entry
/// costs what a one-file archive of it costs, less the archive's ending.
fn split(files: &[(String, Vec<u8>)], format: Format, limit: usize) -> Result<Vec<Vec<u8>>> {
    let costs: Vec<usize> = files
        .par_iter()
        .map(|f| archive(std::slice::from_ref(f), format).map(|a| a.len() - format.overhead()))
        .collect::<Result<_>>()?;
    let mut groups: Vec<std::ops::Range<usize>> = Vec::new();
    let mut start = 0;
    let mut size = format.overhead();
    for (i, &cost) in costs.iter().enumerate() {
        if cost + format.overhead() > limit {
            bail!(
                "{} takes {} KB in an archive, more than a volume of {} KB holds: choose a larger --split",
                files[i].0,
                cost.div_ceil(1024),
                limit / 1024
            );
        }
        if size + cost > limit {
            groups.push(start..i);
            start = i;
            size = format.overhead();
        }
        size += cost;
    }
    if start < files.len() || groups.is_empty() {
        groups.push(start..files.len());
    }
    groups
        .into_par_iter()
        .map(|range| {
            let bytes = archive(&files[range], format)?;
            if bytes.len() > limit {
                bail!(
                    "a volume came out at {} bytes, over the {limit} asked for",
                    bytes.len()
                );
            }
            Ok(bytes)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files(n: usize, size: usize) -> Vec<(String, Vec<u8>)> {
        (0..n)
            .map(|i| {
                // Bytes that do not compress, so sizes are predictable.
                let bytes = (0..size)
                    .map(|k| blake3::hash(&[i as u8, k as u8, (k >> 8) as u8]).as_bytes()[0])
                    .collect();
                (format!("dir/file{i}.html"), bytes)
            })
            .collect()
    }

    #[test]
    fn volumes_fit_their_limit_and_keep_every_file() {
        for format in [Format::Zip, Format::Tar] {
            let all = files(12, 3000);
            let volumes = split(&all, format, 10 * 1024).unwrap();
            assert!(volumes.len() >= 4, "{format:?}: {}", volumes.len());
            assert!(volumes.iter().all(|v| v.len() <= 10 * 1024));
            let one = archive(&all, format).unwrap();
            assert_eq!(one, archive(&all, format).unwrap(), "byte-identical");
        }
        let err = split(&files(1, 20_000), Format::Tar, 10 * 1024).unwrap_err();
        assert!(err.to_string().contains("choose a larger --split"), "{err}");
    }

    #[test]
    fn volumes_are_numbered_after_the_archive() {
        assert_eq!(
            volume_path(Path::new("out/public.zip"), 2),
            Path::new("out/public-2.zip")
        );
    }
}
