//! Local images (`images.mode: local`): each article image that fetch,
//! ingest or `paperboy images` put in the image cache is scaled down to
//! fit the configured box and written as a dithered GIF (or 1-bit GIF, or
//! baseline JPEG) that old browsers can show.
//!
//! Owns conversion. Works offline from the cache: an image not in it is
//! counted and its article links to the original; a broken, huge or
//! hostile image is skipped with a warning; the build goes on. Converted
//! files are cached too, keyed by the original's bytes and the settings.

use crate::config::{Config, ImageFormat};
use crate::image_cache::ImageCache;
use crate::library::Library;
use anyhow::{Context, Result, bail};
use image::{DynamicImage, ImageReader, Limits, imageops::FilterType};
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet};
use std::io::Cursor;

/// Where local image files are published, from the output root.
pub const IMAGE_DIR: &str = "img";

/// An image ready to publish.
#[derive(Debug, Clone)]
pub struct LocalImage {
    /// Output path, e.g. `img/3f2a9c0d1e4b5a6f.gif`.
    pub path: String,
    pub width: u32,
    pub height: u32,
    pub bytes: Vec<u8>,
}

/// Converted images by source URL; URLs that are not cached or failed are absent.
pub type ImageSet = BTreeMap<String, LocalImage>;

/// Converts every cached image of the library's articles. Prints one
/// warning line for the images that are not in the cache and one for
/// those that would not convert.
pub fn prepare(cache: &ImageCache, config: &Config, library: &Library) -> ImageSet {
    let urls: BTreeSet<&str> = library
        .articles
        .iter()
        .flat_map(|a| a.images.iter().map(|i| i.url.as_str()))
        .collect();
    let results: Vec<(&str, Option<Result<LocalImage>>)> = urls
        .par_iter()
        .map(|&url| {
            (
                url,
                cache
                    .original(url)
                    .map(|bytes| one(cache, config, url, &bytes)),
            )
        })
        .collect();
    let mut set = ImageSet::new();
    let (mut missing, mut broken) = (0, Vec::new());
    for (url, result) in results {
        match result {
            Some(Ok(image)) => {
                set.insert(url.to_string(), image);
            }
            Some(Err(e)) => {
                log::debug!("skipping image {url}: {e:#}");
                broken.push(url);
            }
            None => missing += 1,
        }
    }
    if missing > 0 {
        log::warn!(
            "{missing} image{} not in the image cache: their articles link to the originals (`paperboy images` downloads them)",
            if missing == 1 { " is" } else { "s are" }
        );
    }
    if !broken.is_empty() {
        log::warn!(
            "{} cached image{} could not be converted and link to the originals (-v names them)",
            broken.len(),
            if broken.len() == 1 { "" } else { "s" }
        );
    }
    set
}

fn one(cache: &ImageCache, config: &Config, url: &str, original: &[u8]) -> Result<LocalImage> {
    let ext = match (config.images.format, config.images.mono) {
        (ImageFormat::Jpeg, false) => "jpg",
        _ => "gif",
    };
    // The converted file's name carries the settings, so changing them
    // converts again while an unchanged rebuild reads the cache.
    let recipe = format!(
        "{}x{} {ext} mono={} v{}",
        config.images.max_width,
        config.images.max_height,
        config.images.mono,
        env!("CARGO_PKG_VERSION")
    );
    let converted = cache.converted_path(original, &recipe, ext);
    let out = match std::fs::read(&converted) {
        Ok(out) => out,
        Err(_) => {
            let out = convert(original, config)?;
            cache.store_converted(&converted, &out)?;
            out
        }
    };
    let (width, height) = ImageReader::new(Cursor::new(&out))
        .with_guessed_format()?
        .into_dimensions()
        .context("cannot read the converted image")?;
    Ok(LocalImage {
        path: format!("{IMAGE_DIR}/{}.{ext}", ImageCache::key(url)),
        width,
        height,
        bytes: out,
    })
}

/// Decodes with limits (a decompression bomb fails here), scales down to
/// fit, and encodes for old browsers.
pub fn convert(bytes: &[u8], config: &Config) -> Result<Vec<u8>> {
    let mut reader = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .context("unreadable image")?;
    if reader.format().is_none() {
        bail!("not an image format paperboy reads (GIF, JPEG, PNG, WebP)");
    }
    let mut limits = Limits::default();
    limits.max_image_width = Some(12_000);
    limits.max_image_height = Some(12_000);
    limits.max_alloc = Some(256 * 1024 * 1024);
    reader.limits(limits);
    let img = reader.decode().context("cannot decode image")?;
    let (max_w, max_h) = (config.images.max_width, config.images.max_height);
    let img = if img.width() > max_w || img.height() > max_h {
        img.resize(max_w, max_h, FilterType::Triangle)
    } else {
        img
    };
    let mut out = Vec::new();
    match (config.images.format, config.images.mono) {
        (_, true) => write_mono_gif(&img, &mut out)?,
        (ImageFormat::Gif, false) => write_palette_gif(&img, &mut out)?,
        (ImageFormat::Jpeg, false) => {
            // The image crate's JPEG encoder writes baseline DCT only, which
            // every old browser decodes.
            let rgb = img.to_rgb8();
            image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 75).encode_image(&rgb)?;
        }
    }
    Ok(out)
}

/// A 256-colour GIF: NeuQuant palette, Floyd–Steinberg dithering.
fn write_palette_gif(img: &DynamicImage, out: &mut Vec<u8>) -> Result<()> {
    let mut rgba = img.to_rgba8();
    let quant = color_quant::NeuQuant::new(10, 256, rgba.as_raw());
    if rgba.width() > 1 && rgba.height() > 1 {
        image::imageops::dither(&mut rgba, &quant);
    }
    let indices = image::imageops::index_colors(&rgba, &quant);
    let palette: Vec<u8> = quant.color_map_rgb();
    write_gif(
        rgba.width(),
        rgba.height(),
        &palette,
        indices.into_raw(),
        out,
    )
}

/// A black-and-white GIF for 1-bit screens.
fn write_mono_gif(img: &DynamicImage, out: &mut Vec<u8>) -> Result<()> {
    let mut luma = img.to_luma8();
    if luma.width() > 1 && luma.height() > 1 {
        image::imageops::dither(&mut luma, &image::imageops::BiLevel);
    }
    let indices = image::imageops::index_colors(&luma, &image::imageops::BiLevel);
    write_gif(
        luma.width(),
        luma.height(),
        &[0, 0, 0, 255, 255, 255],
        indices.into_raw(),
        out,
    )
}

fn write_gif(
    width: u32,
    height: u32,
    palette: &[u8],
    indices: Vec<u8>,
    out: &mut Vec<u8>,
) -> Result<()> {
    let (w, h) = (u16::try_from(width)?, u16::try_from(height)?);
    let mut encoder = gif::Encoder::new(out, w, h, palette)?;
    encoder.write_frame(&gif::Frame::from_indexed_pixels(w, h, indices, None))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn png(width: u32, height: u32) -> Vec<u8> {
        let img = image::RgbImage::from_fn(width, height, |x, y| {
            image::Rgb([(x % 256) as u8, (y % 256) as u8, 128])
        });
        let mut out = Vec::new();
        img.write_to(&mut Cursor::new(&mut out), image::ImageFormat::Png)
            .unwrap();
        out
    }

    fn dims(bytes: &[u8]) -> (u32, u32, image::ImageFormat) {
        let r = ImageReader::new(Cursor::new(bytes))
            .with_guessed_format()
            .unwrap();
        let f = r.format().unwrap();
        let (w, h) = r.into_dimensions().unwrap();
        (w, h, f)
    }

    #[test]
    fn scales_down_to_fit_keeping_aspect() {
        let config = Config::default();
        assert_eq!(
            dims(&convert(&png(1024, 512), &config).unwrap()),
            (512, 256, image::ImageFormat::Gif)
        );
        assert_eq!(
            dims(&convert(&png(400, 800), &config).unwrap()),
            (171, 342, image::ImageFormat::Gif)
        );
        assert_eq!(
            dims(&convert(&png(40, 30), &config).unwrap()),
            (40, 30, image::ImageFormat::Gif),
            "never enlarged"
        );
    }

    #[test]
    fn jpeg_and_mono_outputs() {
        let mut config = Config::default();
        config.images.format = ImageFormat::Jpeg;
        let jpeg = convert(&png(100, 50), &config).unwrap();
        assert_eq!(dims(&jpeg).2, image::ImageFormat::Jpeg);
        assert!(
            jpeg.windows(2).any(|w| w == [0xFF, 0xC0]),
            "baseline DCT (SOF0) marker"
        );
        assert!(
            !jpeg.windows(2).any(|w| w == [0xFF, 0xC2]),
            "no progressive (SOF2) marker"
        );
        config.images.mono = true;
        let gif = convert(&png(100, 50), &config).unwrap();
        let decoded = image::load_from_memory(&gif).unwrap().to_luma8();
        assert!(
            decoded.pixels().all(|p| p.0[0] == 0 || p.0[0] == 255),
            "only black and white"
        );
    }

    #[test]
    fn refuses_broken_and_bomb_images() {
        let config = Config::default();
        assert!(convert(b"not an image at all", &config).is_err());
        let mut truncated = png(64, 64);
        truncated.truncate(60);
        assert!(convert(&truncated, &config).is_err());
        // A PNG header claiming 100000 x 100000 pixels: refused before any allocation.
        let mut bomb = png(1, 1);
        bomb[16..20].copy_from_slice(&100_000u32.to_be_bytes());
        bomb[20..24].copy_from_slice(&100_000u32.to_be_bytes());
        let err = format!("{:#}", convert(&bomb, &config).unwrap_err());
        assert!(
            err.contains("limit") || err.contains("Limit") || err.contains("decode"),
            "{err}"
        );
    }
}
