//! `paperboy serve`: a preview server on 127.0.0.1 that serves the built
//! site and rebuilds it when a source file changes.
//!
//! Owns the small static file server (GET and HEAD only, never outside the
//! output folder) and the change watcher: file-system events for
//! config.yaml, content/, templates/, themes/ and static/ (through notify,
//! debounced so that one save is one rebuild), each followed by an
//! incremental build that keeps the content cache in memory. A failed
//! rebuild is reported and the last good site keeps being served.

use crate::build::{Cache, Site};
use crate::layout::Layout;
use anyhow::{Context, Result};
use notify_debouncer_full::notify::RecursiveMode;
use notify_debouncer_full::{DebounceEventResult, new_debouncer};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// How long the watcher waits for a burst of events (an editor's save) to end.
const DEBOUNCE: Duration = Duration::from_millis(40);

/// Builds the site, then serves `output` on 127.0.0.1:`port` (0 picks a
/// free port) until the process ends. `ready` is told the address.
pub fn serve(root: &Path, output: &Path, port: u16, ready: impl FnOnce(SocketAddr)) -> Result<()> {
    let layout = Layout::new(root);
    let mut cache = Cache::load(&layout.content_cache());
    let charset = build(root, output, &mut cache)?;
    let listener = TcpListener::bind(("127.0.0.1", port))
        .with_context(|| format!("cannot listen on port {port}"))?;
    ready(listener.local_addr()?);
    let charset = std::sync::Arc::new(std::sync::RwLock::new(charset));
    {
        let (root, output, charset) = (root.to_path_buf(), output.to_path_buf(), charset.clone());
        std::thread::spawn(move || {
            if let Err(e) = watch(&root, &output, &charset, cache) {
                log::error!("cannot watch the sources for changes: {e:#}");
            }
        });
    }
    for stream in listener.incoming() {
        let Ok(stream) = stream else { continue };
        let (output, charset) = (
            output.to_path_buf(),
            charset.read().map(|c| *c).unwrap_or("UTF-8"),
        );
        std::thread::spawn(move || {
            let _ = respond(stream, &output, charset);
        });
    }
    Ok(())
}

/// Builds once; returns the charset label pages are served with.
fn build(root: &Path, output: &Path, cache: &mut Cache) -> Result<&'static str> {
    let start = Instant::now();
    let site = Site::load_with(root, cache)?;
    let report = site.build(output, false)?;
    log::info!(
        "built {} articles: {} pages rendered, {} files written in {} ms",
        report.articles,
        report.rendered,
        report.written,
        start.elapsed().as_millis()
    );
    Ok(site.config.charset().label())
}

/// Rebuilds after every burst of changes to the sources.
fn watch(
    root: &Path,
    output: &Path,
    charset: &std::sync::RwLock<&'static str>,
    mut cache: Cache,
) -> Result<()> {
    // Events name absolute paths: compare them with absolute sources, or a
    // site served from `.` would never rebuild.
    let absolute = root
        .canonicalize()
        .with_context(|| format!("cannot find {}", root.display()))?;
    let layout = Layout::new(&absolute);
    let (tx, rx) = mpsc::channel::<DebounceEventResult>();
    let mut debouncer = new_debouncer(DEBOUNCE, None, tx).context("cannot start the watcher")?;
    // The root itself, so that a templates/ or static/ folder made later is seen.
    debouncer.watch(root, RecursiveMode::NonRecursive)?;
    let mut watched = std::collections::HashSet::new();
    for source in layout.sources() {
        if source.is_dir() {
            debouncer.watch(source, RecursiveMode::Recursive)?;
            watched.insert(source.to_path_buf());
        }
    }
    let relevant = |path: &Path| layout.sources().iter().any(|s| path.starts_with(s));
    for result in rx {
        let Ok(events) = result else { continue };
        if !events.iter().any(|e| e.paths.iter().any(|p| relevant(p))) {
            continue;
        }
        // A folder that appeared is watched from now on.
        for source in layout.sources() {
            if source.is_dir() && !watched.contains(source) {
                debouncer.watch(source, RecursiveMode::Recursive)?;
                watched.insert(source.to_path_buf());
            }
        }
        match build(root, output, &mut cache) {
            Ok(label) => {
                if let Ok(mut c) = charset.write() {
                    *c = label;
                }
            }
            Err(e) => log::error!("rebuild failed (still serving the last good build): {e:#}"),
        }
    }
    Ok(())
}

/// The longest request line read (the request target is in it): 414 beyond.
const MAX_REQUEST_LINE: usize = 8 * 1024;
/// The longest header line, and the most header lines: 431 beyond either.
const MAX_HEADER_LINE: usize = 8 * 1024;
const MAX_HEADERS: usize = 100;

fn respond(stream: TcpStream, output: &Path, charset: &str) -> Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut stream = stream;
    let line = match read_line(&mut reader, MAX_REQUEST_LINE)? {
        Line::End => return Ok(()),
        Line::TooLong => return refuse(&mut stream, 414, "request line too long\n"),
        Line::Text(line) => line,
    };
    // Read the headers only to find where they end; the server needs none.
    let mut count = 0;
    loop {
        match read_line(&mut reader, MAX_HEADER_LINE)? {
            Line::End => return Ok(()),
            Line::TooLong => return refuse(&mut stream, 431, "header line too long\n"),
            Line::Text(header) if header.trim().is_empty() => break,
            Line::Text(_) => {
                count += 1;
                if count > MAX_HEADERS {
                    return refuse(&mut stream, 431, "too many header lines\n");
                }
            }
        }
    }
    // METHOD TARGET HTTP/x.y, or without the version, as typed by hand.
    let parts: Vec<&str> = line.split_whitespace().collect();
    let (method, target) = match parts[..] {
        [method, target] => (method, target),
        [method, target, version] if version.starts_with("HTTP/") => (method, target),
        _ => return refuse(&mut stream, 400, "malformed request line\n"),
    };
    if method != "GET" && method != "HEAD" {
        return send(
            &mut stream,
            405,
            "text/plain",
            b"method not allowed\n",
            method == "HEAD",
        );
    }
    match file_for(output, target) {
        Some(path) => {
            let bytes = std::fs::read(&path)?;
            send(
                &mut stream,
                200,
                &content_type(&path, charset),
                &bytes,
                method == "HEAD",
            )
        }
        None => {
            let body = file_for(output, "/404.html")
                .and_then(|p| std::fs::read(p).ok())
                .unwrap_or_else(|| b"not found\n".to_vec());
            send(
                &mut stream,
                404,
                &format!("text/html; charset={charset}"),
                &body,
                method == "HEAD",
            )
        }
    }
}

/// One line of a request head.
enum Line {
    Text(String),
    /// Longer than the cap: what follows is not read.
    TooLong,
    /// The client closed the connection (or sent bytes that are not text).
    End,
}

/// Reads one line of at most `cap` bytes; never buffers more than that.
fn read_line(reader: &mut impl BufRead, cap: usize) -> std::io::Result<Line> {
    let mut bytes = Vec::new();
    reader.take(cap as u64 + 1).read_until(b'\n', &mut bytes)?;
    if bytes.len() > cap {
        return Ok(Line::TooLong);
    }
    if bytes.last() != Some(&b'\n') {
        return Ok(Line::End);
    }
    Ok(String::from_utf8(bytes).map_or(Line::End, Line::Text))
}

/// Answers a request that cannot be served with `status`, then closes
/// gracefully: the unread rest of the request is discarded (a bounded
/// amount, for a bounded time), so the client sees the answer instead of a
/// connection reset.
fn refuse(stream: &mut TcpStream, status: u16, message: &str) -> Result<()> {
    send(stream, status, "text/plain", message.as_bytes(), false)?;
    stream.shutdown(std::net::Shutdown::Write)?;
    stream.set_read_timeout(Some(Duration::from_millis(500)))?;
    let mut sink = [0u8; 8192];
    let mut discarded = 0;
    while discarded < 256 * 1024 {
        match stream.read(&mut sink) {
            Ok(0) | Err(_) => break,
            Ok(n) => discarded += n,
        }
    }
    Ok(())
}

/// The file a request path names, if it is a regular file inside `output`:
/// `/` and folders serve their `index.html`; `..` and anything odd are
/// refused, and so is a symbolic link that leads outside `output`.
fn file_for(output: &Path, target: &str) -> Option<PathBuf> {
    let path = target.split(['?', '#']).next().unwrap_or("/");
    let decoded = percent_encoding::percent_decode_str(path)
        .decode_utf8()
        .ok()?;
    let mut file = output.to_path_buf();
    for seg in decoded.split('/').filter(|s| !s.is_empty()) {
        if seg == ".." || seg == "." || seg.contains('\\') || seg.contains('\0') {
            return None;
        }
        file.push(seg);
    }
    let root = output.canonicalize().ok()?;
    let mut real = file.canonicalize().ok()?;
    if real.is_dir() {
        real = real.join("index.html").canonicalize().ok()?;
    }
    let inside = real.starts_with(&root);
    (inside && std::fs::metadata(&real).ok()?.is_file()).then_some(real)
}

fn content_type(path: &Path, charset: &str) -> String {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "html" | "htm" => format!("text/html; charset={charset}"),
        "xml" => "application/xml; charset=UTF-8".into(),
        "txt" => "text/plain; charset=UTF-8".into(),
        "gif" => "image/gif".into(),
        "jpg" | "jpeg" => "image/jpeg".into(),
        "png" => "image/png".into(),
        "css" => "text/css".into(),
        _ => "application/octet-stream".into(),
    }
}

fn send(
    stream: &mut TcpStream,
    status: u16,
    content_type: &str,
    body: &[u8],
    head_only: bool,
) -> Result<()> {
    let reason = match status {
        200 => "OK",
        400 => "Bad Request",
        404 => "Not Found",
        405 => "Method Not Allowed",
        414 => "URI Too Long",
        431 => "Request Header Fields Too Large",
        _ => "Error",
    };
    let head = format!(
        "HTTP/1.1 {status} {reason}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes())?;
    if !head_only {
        stream.write_all(body)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn request_paths_stay_inside_the_output() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().canonicalize().unwrap();
        std::fs::create_dir_all(root.join("world")).unwrap();
        std::fs::write(root.join("index.html"), "i").unwrap();
        std::fs::write(root.join("world/index.html"), "w").unwrap();
        std::fs::write(root.join("world/a b.html"), "a").unwrap();
        let found = |t: &str| file_for(&root, t).map(|p| crate::fs::relative(&root, &p));
        assert_eq!(found("/").as_deref(), Some("index.html"));
        assert_eq!(found("/world/").as_deref(), Some("world/index.html"));
        assert_eq!(
            found("/world/a%20b.html?x=1").as_deref(),
            Some("world/a b.html")
        );
        assert_eq!(found("/../etc/passwd"), None);
        assert_eq!(found("/world/%2e%2e/%2e%2e/etc/passwd"), None);
        assert_eq!(found("/missing.html"), None);
        #[cfg(unix)]
        {
            let outside = tempfile::tempdir().unwrap();
            std::fs::write(outside.path().join("secret.txt"), "s").unwrap();
            let link =
                |to: &Path, name: &str| std::os::unix::fs::symlink(to, root.join(name)).unwrap();
            link(&outside.path().join("secret.txt"), "leak.txt");
            link(outside.path(), "out");
            link(&root.join("world/a b.html"), "latest.html");
            assert_eq!(found("/leak.txt"), None);
            assert_eq!(found("/out/secret.txt"), None);
            assert_eq!(found("/latest.html").as_deref(), Some("world/a b.html"));
        }
    }
}
