//! `paperboy serve`: a preview server on 127.0.0.1 that serves the built
//! site and rebuilds it when a source file changes.
//!
//! Owns the small static file server (GET and HEAD only, never outside the
//! output folder) and the change watcher (polling modification times of
//! config.yaml, content/, templates/, themes/ and static/). A failed rebuild
//! is reported and the last good site keeps being served.

use crate::build::Site;
use crate::layout::Layout;
use anyhow::{Context, Result};
use std::io::{BufRead, BufReader, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime};

/// How often the sources are checked for changes.
const POLL: Duration = Duration::from_millis(300);

/// Builds the site, then serves `output` on 127.0.0.1:`port` (0 picks a
/// free port) until the process ends. `ready` is told the address.
pub fn serve(root: &Path, output: &Path, port: u16, ready: impl FnOnce(SocketAddr)) -> Result<()> {
    let charset = build(root, output)?;
    let listener = TcpListener::bind(("127.0.0.1", port))
        .with_context(|| format!("cannot listen on port {port}"))?;
    ready(listener.local_addr()?);
    let charset = std::sync::Arc::new(std::sync::RwLock::new(charset));
    {
        let (root, output, charset) = (root.to_path_buf(), output.to_path_buf(), charset.clone());
        std::thread::spawn(move || watch(&root, &output, &charset));
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
fn build(root: &Path, output: &Path) -> Result<&'static str> {
    let start = Instant::now();
    let site = Site::load(root)?;
    let report = site.build(output)?;
    log::info!(
        "built {} articles in {} ms",
        report.articles,
        start.elapsed().as_millis()
    );
    Ok(site.config.charset().label())
}

/// Rebuilds whenever the newest modification time or the number of source
/// files changes.
fn watch(root: &Path, output: &Path, charset: &std::sync::RwLock<&'static str>) {
    let mut last = fingerprint(root);
    loop {
        std::thread::sleep(POLL);
        let now = fingerprint(root);
        if now == last {
            continue;
        }
        last = now;
        match build(root, output) {
            Ok(label) => {
                if let Ok(mut c) = charset.write() {
                    *c = label;
                }
            }
            Err(e) => log::error!("rebuild failed (still serving the last good build): {e:#}"),
        }
    }
}

fn fingerprint(root: &Path) -> (usize, Option<SystemTime>) {
    let mut count = 0;
    let mut newest = None;
    let layout = Layout::new(root);
    for entry in layout
        .sources()
        .iter()
        .flat_map(walkdir::WalkDir::new)
        .filter_map(Result::ok)
    {
        count += 1;
        let modified = entry.metadata().ok().and_then(|m| m.modified().ok());
        newest = newest.max(modified);
    }
    (count, newest)
}

fn respond(stream: TcpStream, output: &Path, charset: &str) -> Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut line = String::new();
    reader.read_line(&mut line)?;
    // Drain the headers; the server needs none of them.
    let mut header = String::new();
    while reader.read_line(&mut header)? > 2 {
        header.clear();
    }
    let mut parts = line.split_whitespace();
    let (method, target) = (parts.next().unwrap_or(""), parts.next().unwrap_or("/"));
    let mut stream = stream;
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
            let body =
                std::fs::read(output.join("404.html")).unwrap_or_else(|_| b"not found\n".to_vec());
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

/// The file a request path names, if it exists inside `output`: `/` and
/// folders serve their `index.html`; `..` and anything odd are refused.
fn file_for(output: &Path, target: &str) -> Option<PathBuf> {
    let path = target.split(['?', '#']).next().unwrap_or("/");
    let decoded = percent_decode(path)?;
    let mut file = output.to_path_buf();
    for seg in decoded.split('/').filter(|s| !s.is_empty()) {
        if seg == ".." || seg == "." || seg.contains('\\') || seg.contains('\0') {
            return None;
        }
        file.push(seg);
    }
    if file.is_dir() {
        file.push("index.html");
    }
    file.is_file().then_some(file)
}

fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
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
        404 => "Not Found",
        _ => "Method Not Allowed",
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
        std::fs::create_dir_all(dir.path().join("world")).unwrap();
        std::fs::write(dir.path().join("index.html"), "i").unwrap();
        std::fs::write(dir.path().join("world/index.html"), "w").unwrap();
        std::fs::write(dir.path().join("world/a b.html"), "a").unwrap();
        let found = |t: &str| file_for(dir.path(), t).map(|p| crate::fs::relative(dir.path(), &p));
        assert_eq!(found("/").as_deref(), Some("index.html"));
        assert_eq!(found("/world/").as_deref(), Some("world/index.html"));
        assert_eq!(
            found("/world/a%20b.html?x=1").as_deref(),
            Some("world/a b.html")
        );
        assert_eq!(found("/../etc/passwd"), None);
        assert_eq!(found("/world/%2e%2e/%2e%2e/etc/passwd"), None);
        assert_eq!(found("/missing.html"), None);
    }
}
