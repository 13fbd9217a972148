//! `paperboy check`: verifies a built output folder with no network.
//!
//! Every internal link resolves to a file; every page uses only elements and
//! attributes its profile allows, with values no longer than the period
//! DTDs allow; no bytes or character references outside the declared
//! charset; no script, style or event handlers; page sizes within budget;
//! every article page links back to the front page at least twice. With
//! the other outputs on, the Gemini capsule's links and the Gopher hole's
//! menus are checked too. Reports problems with file and line; never
//! changes anything.

use crate::config::Config;
use crate::vocabulary::names::{is_list_page_name, resolve};
use crate::vocabulary::{Charset, Profile};
use anyhow::{Context, Result};
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{
    BufferQueue, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};
use std::cell::RefCell;
use std::collections::BTreeSet;
use std::fmt;
use std::path::Path;

/// One problem found in the output.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Problem {
    /// Path from the output root.
    pub file: String,
    pub line: usize,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.message)
    }
}

/// What a check found.
#[derive(Debug, Default)]
pub struct Report {
    pub pages: usize,
    pub links: usize,
    pub problems: Vec<Problem>,
    /// Sizes of the HTML pages in bytes, sorted.
    pub sizes: Vec<u64>,
}

impl Report {
    /// The median page size in bytes.
    pub fn median_size(&self) -> u64 {
        self.sizes.get(self.sizes.len() / 2).copied().unwrap_or(0)
    }
}

/// Checks the output folder `output` against `config`.
pub fn check(output: &Path, config: &Config) -> Result<Report> {
    let files = list_files(output)?;
    let mut report = Report::default();
    // Section folders and the front page their articles link back to.
    let sections: std::collections::BTreeMap<String, String> = config
        .all_sections()
        .map(|(edition, s)| match edition {
            Some(e) => (format!("{e}/{}", s.id), format!("{e}/index.html")),
            None => (s.id.to_string(), "index.html".to_string()),
        })
        .collect();
    for rel in files
        .iter()
        .filter(|f| f.ends_with(".html") || f.ends_with(".htm"))
    {
        let bytes =
            std::fs::read(output.join(rel)).with_context(|| format!("cannot read {rel}"))?;
        report.pages += 1;
        report.sizes.push(bytes.len() as u64);
        // The budget is for old machines; modern pages keep long articles whole.
        let budget = config.page_budget_bytes();
        if config.profile.is_period() && bytes.len() > budget {
            report.problems.push(Problem {
                file: rel.clone(),
                line: 1,
                message: format!(
                    "page is {} KB, over page_budget_kb ({})",
                    bytes.len().div_ceil(1024),
                    budget / 1024
                ),
            });
        }
        let page = Page::read(rel, &bytes, config.profile);
        report.links += page.links.len();
        report.problems.extend(page.problems.iter().cloned());
        for (line, link) in &page.links {
            if let Some(message) = check_link(rel, link, &files) {
                report.problems.push(Problem {
                    file: rel.clone(),
                    line: *line,
                    message,
                });
            }
        }
        if let Some(front) = article_front(rel, &sections) {
            let back = page
                .links
                .iter()
                .filter(|(_, l)| resolve(rel, l).as_deref() == Some(front))
                .count();
            if back < 2 {
                report.problems.push(Problem {
                    file: rel.clone(),
                    line: 1,
                    message: format!("article page has {back} link(s) back to the front page; it needs one at the top and one at the bottom"),
                });
            }
        }
    }
    report.sizes.sort_unstable();
    report.problems.sort();
    Ok(report)
}

/// Checks a Gemini capsule: every page is UTF-8 and every `=>` link
/// without a scheme is relative and resolves to a file of the capsule.
pub fn check_capsule(dir: &Path) -> Result<Report> {
    let files = list_files(dir)?;
    let mut report = Report::default();
    for rel in files.iter().filter(|f| f.ends_with(".gmi")) {
        let bytes = std::fs::read(dir.join(rel)).with_context(|| format!("cannot read {rel}"))?;
        report.pages += 1;
        report.sizes.push(bytes.len() as u64);
        let mut problem = |line: usize, message: String| {
            report.problems.push(Problem {
                file: rel.clone(),
                line,
                message,
            })
        };
        let Ok(text) = std::str::from_utf8(&bytes) else {
            problem(1, "not UTF-8".into());
            continue;
        };
        let mut pre = false;
        for (n, line) in text.lines().enumerate() {
            if line.starts_with("```") {
                pre = !pre;
            }
            let Some(rest) = line.strip_prefix("=>").filter(|_| !pre) else {
                continue;
            };
            let Some(link) = rest.split_whitespace().next() else {
                problem(n + 1, "a link line without a URL".into());
                continue;
            };
            report.links += 1;
            if has_scheme(link) {
                continue;
            }
            if let Some(why) = check_link(rel, link, &files) {
                problem(n + 1, why);
            }
        }
    }
    report.sizes.sort_unstable();
    report.problems.sort();
    Ok(report)
}

/// Checks a Gopher hole: every gophermap line is a whole menu line
/// ending in CRLF, the menu ends with `.`, every link to the hole's host
/// and port names a file of the hole (a folder with a `gophermap`, or a
/// text item), and every file's bytes fit the site's charset.
pub fn check_hole(dir: &Path, config: &Config) -> Result<Report> {
    let files = list_files(dir)?;
    let mut report = Report::default();
    let gopher = &config.gopher;
    let prefix = format!("{}/", gopher.selector.trim_end_matches('/'));
    let port = gopher.port.to_string();
    for rel in files.iter().filter(|f| !f.starts_with(".paperboy")) {
        let bytes = std::fs::read(dir.join(rel)).with_context(|| format!("cannot read {rel}"))?;
        let mut problem = |line: usize, message: String| {
            report.problems.push(Problem {
                file: rel.clone(),
                line,
                message,
            })
        };
        if !fits(&bytes, config.charset()) {
            problem(1, format!("bytes outside {}", config.charset().label()));
        }
        if !(rel == "gophermap" || rel.ends_with("/gophermap")) {
            continue;
        }
        report.pages += 1;
        report.sizes.push(bytes.len() as u64);
        let text: String = bytes.iter().map(|&b| char::from(b)).collect();
        if !text.ends_with("\r\n.\r\n") {
            problem(1, "the menu does not end with a `.` line".into());
        }
        let body = text.strip_suffix(".\r\n").unwrap_or(&text);
        for (n, line) in body.split_terminator("\r\n").enumerate() {
            let fields: Vec<&str> = line.split('\t').collect();
            if fields.len() != 4 || line.contains('\n') {
                problem(
                    n + 1,
                    "not a menu line (type and text, selector, host, port; CRLF)".into(),
                );
                continue;
            }
            let kind = fields[0].chars().next().unwrap_or('i');
            if kind == 'i' || fields[2] != gopher.host || fields[3] != port {
                continue;
            }
            report.links += 1;
            let selector = fields[1];
            if kind == 'h' && selector.starts_with("URL:") {
                continue;
            }
            let Some(path) = selector
                .strip_prefix(&prefix)
                .or_else(|| (selector == prefix.trim_end_matches('/')).then_some(""))
            else {
                problem(
                    n + 1,
                    format!("selector `{selector}` is outside the hole (gopher.selector)"),
                );
                continue;
            };
            let target = match kind {
                '1' if path.is_empty() => "gophermap".to_string(),
                '1' => format!("{}/gophermap", path.trim_end_matches('/')),
                _ => path.to_string(),
            };
            if !files.contains(&target) {
                problem(
                    n + 1,
                    format!("selector `{selector}` names nothing in the hole"),
                );
            }
        }
    }
    report.sizes.sort_unstable();
    report.problems.sort();
    Ok(report)
}

/// Whether a link names its scheme (leaves the site).
fn has_scheme(link: &str) -> bool {
    link.split_once(':').is_some_and(|(scheme, _)| {
        !scheme.is_empty()
            && scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
    })
}

/// Whether every byte of a text file is one `charset` may hold.
fn fits(bytes: &[u8], charset: Charset) -> bool {
    match charset {
        Charset::Ascii => bytes.is_ascii(),
        Charset::Latin1 => bytes.iter().all(|b| !(0x80..0xA0).contains(b)),
        Charset::Macroman => {
            let (text, _, bad) = encoding_rs::MACINTOSH.decode(bytes);
            !bad && text.chars().all(|c| charset.can_encode(c))
        }
        Charset::Utf8 => std::str::from_utf8(bytes).is_ok(),
    }
}

/// Every file under `dir`, relative, with `/` separators, sorted.
fn list_files(dir: &Path) -> Result<BTreeSet<String>> {
    let mut files = BTreeSet::new();
    for entry in walkdir::WalkDir::new(dir) {
        let entry = entry.with_context(|| format!("cannot walk {}", dir.display()))?;
        if entry.file_type().is_file() {
            let rel = crate::fs::relative(dir, entry.path());
            files.insert(rel);
        }
    }
    Ok(files)
}

/// The front page an article page must link back to, if `rel` is an
/// article page. Article pages live in a section folder (`world/`, or
/// `us/world/` in an edition) and are not its list pages; the later parts
/// of a long article live in a folder beside it (`world/ferry/2.html`).
fn article_front<'a>(
    rel: &str,
    sections: &'a std::collections::BTreeMap<String, String>,
) -> Option<&'a str> {
    let (dir, name) = sections.iter().find_map(|(dir, front)| {
        Some((
            (dir, front),
            rel.strip_prefix(dir.as_str())?.strip_prefix('/')?,
        ))
    })?;
    let is_article = match name.split_once('/') {
        None => !name.strip_suffix(".html").is_some_and(is_list_page_name) && name != "feed.xml",
        Some((_, part)) => part
            .strip_suffix(".html")
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit())),
    };
    is_article.then_some(dir.1.as_str())
}

/// Why a link fails offline, if it does.
fn check_link(page: &str, link: &str, files: &BTreeSet<String>) -> Option<String> {
    let lower = link.trim().to_ascii_lowercase();
    if ["javascript:", "vbscript:", "data:"]
        .iter()
        .any(|s| lower.starts_with(s))
    {
        return Some(format!("forbidden URL scheme in link {link}"));
    }
    if lower.starts_with("//") || lower.starts_with('/') {
        return Some(format!(
            "root-relative link {link} breaks offline and under a sub-path"
        ));
    }
    if lower
        .split_once(':')
        .is_some_and(|(scheme, _)| !scheme.contains('/'))
        || lower.starts_with('#')
    {
        return None; // external, or an anchor on this page
    }
    let path = link.split(['#', '?']).next().unwrap_or("");
    if path.ends_with('/') || path.is_empty() {
        return Some(format!("link {link} points at a folder, not a file"));
    }
    match resolve(page, link) {
        None => Some(format!("link {link} leaves the site")),
        Some(target) if !files.contains(&target) => {
            Some(format!("broken link {link}: {target} does not exist"))
        }
        Some(_) => None,
    }
}

/// A page's links and the problems found in it.
struct Page {
    links: Vec<(usize, String)>,
    problems: Vec<Problem>,
}

impl Page {
    fn read(rel: &str, bytes: &[u8], profile: Profile) -> Page {
        let mut problems = Vec::new();
        let mut problem = |line: usize, message: String| {
            problems.push(Problem {
                file: rel.to_string(),
                line,
                message,
            })
        };
        let declared = declared_charset(bytes);
        let text = match declared.as_deref() {
            None => {
                problem(1, "no charset declared in a <meta> tag".into());
                String::from_utf8_lossy(bytes).into_owned()
            }
            Some(label) => decode_checked(bytes, label, &mut problem),
        };
        if declared
            .as_deref()
            .is_some_and(|l| !l.eq_ignore_ascii_case("utf-8"))
        {
            check_references(&text, &mut problem);
        }
        if Profile::of_page(&text) != Some(profile) {
            problem(1, format!("DOCTYPE is not {}'s", profile.name()));
        }
        let sink = Sink {
            profile,
            state: RefCell::default(),
        };
        let tokenizer = Tokenizer::new(sink, TokenizerOpts::default());
        let queue = BufferQueue::default();
        queue.push_back(StrTendril::from_slice(&text));
        let _ = tokenizer.feed(&queue);
        tokenizer.end();
        let state = tokenizer.sink.state.into_inner();
        for (line, message) in state.problems {
            problem(line, message);
        }
        Page {
            links: state.links,
            problems,
        }
    }
}

/// The charset a page declares in `<meta>`, from its first 1024 bytes.
fn declared_charset(bytes: &[u8]) -> Option<String> {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(1024)]).to_ascii_lowercase();
    let at = head.find("charset=")? + "charset=".len();
    let value: String = head[at..]
        .trim_start_matches(['"', '\''])
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect();
    (!value.is_empty()).then_some(value)
}

/// Decodes `bytes` as `label`, reporting bytes that the charset (as paperboy
/// writes it) does not allow, with their line.
fn decode_checked(bytes: &[u8], label: &str, problem: &mut impl FnMut(usize, String)) -> String {
    let line_of = |i: usize| bytes[..i].iter().filter(|&&b| b == b'\n').count() + 1;
    let mut report = |i: usize, what: &str| {
        problem(
            line_of(i),
            format!("{what} (byte {i}) is outside the declared {label}"),
        )
    };
    match Charset::from_label(label).unwrap_or(Charset::Utf8) {
        Charset::Ascii => {
            if let Some(i) = bytes.iter().position(|b| !b.is_ascii()) {
                report(i, &format!("byte 0x{:02X}", bytes[i]));
            }
            bytes.iter().map(|&b| b as char).collect()
        }
        Charset::Latin1 => {
            if let Some(i) = bytes.iter().position(|b| (0x80..0xA0).contains(b)) {
                report(
                    i,
                    &format!(
                        "byte 0x{:02X} (a windows-1252 character, not ISO-8859-1)",
                        bytes[i]
                    ),
                );
            }
            bytes.iter().map(|&b| b as char).collect()
        }
        Charset::Macroman => {
            let (text, _) = encoding_rs::MACINTOSH.decode_without_bom_handling(bytes);
            if let Some(i) = text.chars().position(|c| c as u32 > 0xFF) {
                let byte = bytes.iter().filter(|b| !b.is_ascii()).count().min(i);
                report(byte, "a Mac OS Roman character that Latin-1 lacks");
            }
            text.into_owned()
        }
        Charset::Utf8 => match std::str::from_utf8(bytes) {
            Ok(text) => text.to_string(),
            Err(e) => {
                report(e.valid_up_to(), "invalid UTF-8");
                String::from_utf8_lossy(bytes).into_owned()
            }
        },
    }
}

/// Character references old browsers print raw: numeric ones above 255 and
/// hexadecimal ones (HTML 2.0 and 3.2 have none), and `&quot;`-style names
/// outside the Latin-1 set.
fn check_references(text: &str, problem: &mut impl FnMut(usize, String)) {
    const NAMED: &[&str] = &["amp", "lt", "gt"];
    let mut line = 1;
    let mut rest = text;
    while let Some(i) = rest.find(['&', '\n']) {
        if rest.as_bytes()[i] == b'\n' {
            line += 1;
            rest = &rest[i + 1..];
            continue;
        }
        rest = &rest[i + 1..];
        let name: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '#')
            .take(12)
            .collect();
        if !rest[name.len()..].starts_with(';') || name.is_empty() {
            continue;
        }
        if let Some(num) = name.strip_prefix('#') {
            match num.parse::<u32>() {
                Ok(n) if n <= 255 => {}
                Ok(n) => problem(
                    line,
                    format!("character reference &#{n}; is above 255: old browsers show it raw"),
                ),
                Err(_) => problem(
                    line,
                    format!("hexadecimal reference &{name}; is unknown to HTML 2.0 and 3.2"),
                ),
            }
        } else if !NAMED.contains(&name.as_str()) && !is_latin1_entity(&name) {
            problem(
                line,
                format!("entity &{name}; is not defined in HTML 2.0 and 3.2"),
            );
        }
    }
}

/// The ISO Latin-1 entity names of HTML 2.0 and 3.2.
fn is_latin1_entity(name: &str) -> bool {
    const NAMES: &str = "nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn \
        sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave Aacute Acirc Atilde \
        Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde \
        Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig agrave aacute acirc atilde auml aring aelig ccedil \
        egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave \
        uacute ucirc uuml yacute thorn yuml";
    NAMES.split_whitespace().any(|n| n == name)
}

#[derive(Default)]
struct SinkState {
    links: Vec<(usize, String)>,
    problems: Vec<(usize, String)>,
    in_head: bool,
}

struct Sink {
    profile: Profile,
    state: RefCell<SinkState>,
}

impl TokenSink for Sink {
    type Handle = ();

    fn process_token(&self, token: Token, line: u64) -> TokenSinkResult<()> {
        let line = line as usize;
        let Token::TagToken(tag) = token else {
            return TokenSinkResult::Continue;
        };
        let mut state = self.state.borrow_mut();
        let name = tag.name.to_string();
        match (tag.kind, name.as_str()) {
            (TagKind::StartTag, "head") => state.in_head = true,
            (TagKind::EndTag, "head") | (TagKind::StartTag, "body") => state.in_head = false,
            _ => {}
        }
        if tag.kind == TagKind::EndTag {
            return TokenSinkResult::Continue;
        }
        let style_in_head = name == "style" && state.in_head && self.profile == Profile::Modern;
        if matches!(
            name.as_str(),
            "script" | "style" | "iframe" | "frame" | "object" | "embed" | "applet" | "form"
        ) && !style_in_head
        {
            state
                .problems
                .push((line, format!("forbidden element <{name}>")));
        } else if !self.profile.allows_element(&name) {
            state.problems.push((
                line,
                format!(
                    "element <{name}> is not allowed in profile {}",
                    self.profile.name()
                ),
            ));
        }
        for attr in &tag.attrs {
            let attr_name = attr.name.local.to_string();
            if attr_name.starts_with("on") || attr_name == "style" {
                state.problems.push((
                    line,
                    format!("forbidden attribute {attr_name}= on <{name}>"),
                ));
            } else if !self.profile.allows_attribute(&attr_name) {
                state.problems.push((
                    line,
                    format!(
                        "attribute {attr_name}= on <{name}> is not allowed in profile {}",
                        self.profile.name()
                    ),
                ));
            }
            let len = attr.value.chars().count();
            let max = self.profile.max_attribute_len();
            if self.profile.is_period() && len > max {
                state.problems.push((
                    line,
                    format!(
                        "attribute {attr_name}= on <{name}> is {len} characters, over the {max} the period DTDs allow"
                    ),
                ));
            }
            if attr_name == "href" || attr_name == "src" {
                state.links.push((line, attr.value.to_string()));
            }
        }
        TokenSinkResult::Continue
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problems(html: &str, profile: Profile) -> Vec<String> {
        Page::read("a.html", html.as_bytes(), profile)
            .problems
            .into_iter()
            .map(|p| p.message)
            .collect()
    }

    const HEAD32: &str = "<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 3.2 Final//EN\">\n<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\"><title>t</title></head><body>\n";

    #[test]
    fn clean_page_has_no_problems() {
        assert_eq!(
            problems(
                &format!("{HEAD32}<center><font color=\"red\">x</font></center>"),
                Profile::Html32
            ),
            Vec::<String>::new()
        );
    }

    #[test]
    fn finds_forbidden_markup_with_lines() {
        let page = Page::read(
            "a.html",
            format!(
                "{HEAD32}<p>ok</p>\n<script>x</script><span style=\"a\" onclick=\"b\">s</span>"
            )
            .as_bytes(),
            Profile::Html32,
        );
        let got: Vec<String> = page.problems.iter().map(|p| p.to_string()).collect();
        assert_eq!(
            got,
            [
                "a.html:4: forbidden element <script>",
                "a.html:4: element <span> is not allowed in profile html32",
                "a.html:4: forbidden attribute style= on <span>",
                "a.html:4: forbidden attribute onclick= on <span>",
            ]
        );
    }

    #[test]
    fn finds_attribute_values_too_long_for_the_period_dtds() {
        let url = |len: usize| format!("https://e.org/{}", "a".repeat(len - 14));
        let page = |len: usize| format!("{HEAD32}<p><a href=\"{}\">x</a></p>", url(len));
        assert_eq!(problems(&page(1022), Profile::Html32), Vec::<String>::new());
        assert_eq!(
            problems(&page(1023), Profile::Html32),
            ["attribute href= on <a> is 1023 characters, over the 1022 the period DTDs allow"]
        );
    }

    #[test]
    fn html2_refuses_html32_elements() {
        let head2 = HEAD32.replace(
            "-//W3C//DTD HTML 3.2 Final//EN",
            "-//IETF//DTD HTML 2.0//EN",
        );
        let got = problems(
            &format!("{head2}<center>x</center><table></table>"),
            Profile::Html2,
        );
        assert!(
            got.iter().any(|p| p.contains("<center>")) && got.iter().any(|p| p.contains("<table>")),
            "{got:?}"
        );
    }

    #[test]
    fn finds_charset_problems() {
        let mut bytes = HEAD32.as_bytes().to_vec();
        bytes.extend_from_slice(b"<p>\x93smart\x94 &#8217; &#x27; &quot; &eacute;</p>");
        let got: Vec<String> = Page::read("a.html", &bytes, Profile::Html32)
            .problems
            .into_iter()
            .map(|p| p.message)
            .collect();
        assert!(got.iter().any(|p| p.contains("byte 0x93")), "{got:?}");
        assert!(
            got.iter().any(|p| p.contains("&#8217; is above 255")),
            "{got:?}"
        );
        assert!(
            got.iter()
                .any(|p| p.contains("hexadecimal reference &#x27;")),
            "{got:?}"
        );
        assert!(
            got.iter().any(|p| p.contains("&quot; is not defined")),
            "{got:?}"
        );
        assert!(!got.iter().any(|p| p.contains("eacute")), "{got:?}");
    }

    #[test]
    fn links_must_resolve_to_files() {
        let files: BTreeSet<String> = ["index.html", "world/a.html"]
            .into_iter()
            .map(String::from)
            .collect();
        assert_eq!(check_link("world/a.html", "../index.html", &files), None);
        assert_eq!(check_link("world/a.html", "https://e.org/", &files), None);
        assert!(
            check_link("world/a.html", "../world/", &files)
                .unwrap()
                .contains("folder")
        );
        assert!(
            check_link("world/a.html", "/index.html", &files)
                .unwrap()
                .contains("root-relative")
        );
        assert!(
            check_link("world/a.html", "b.html", &files)
                .unwrap()
                .contains("world/b.html does not exist")
        );
        assert!(
            check_link("world/a.html", "../../x.html", &files)
                .unwrap()
                .contains("leaves the site")
        );
        assert!(
            check_link("a.html", "javascript:x()", &files)
                .unwrap()
                .contains("forbidden")
        );
    }

    #[test]
    fn capsule_and_hole_links_must_resolve() {
        let dir = tempfile::tempdir().unwrap();
        let write = |rel: &str, text: &str| {
            let p = dir.path().join(rel);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, text).unwrap();
        };
        write(
            "index.gmi",
            "# T\n=> world/a.gmi A\n=> world/gone.gmi B\n=> https://e.org x\n```\n=> not a link\n```\n",
        );
        write("world/a.gmi", "=> ../index.gmi Back\n");
        let report = check_capsule(dir.path()).unwrap();
        let found: Vec<String> = report.problems.iter().map(ToString::to_string).collect();
        assert_eq!(report.links, 4, "{found:?}");
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].starts_with("index.gmi:3: "), "{found:?}");

        let hole = tempfile::tempdir().unwrap();
        let write = |rel: &str, text: &[u8]| {
            let p = hole.path().join(rel);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, text).unwrap();
        };
        write("gophermap", b"iHi\t\tlocalhost\t70\r\n1World\t/world/\tlocalhost\t70\r\n0Gone\t/world/gone.txt\tlocalhost\t70\r\n1Elsewhere\t/\tother.host\t70\r\nhSource\tURL:https://e.org\tlocalhost\t70\r\n.\r\n");
        write(
            "world/gophermap",
            b"1Home\t/\tlocalhost\t70\r\nbroken line\r\n",
        );
        write("world/a.txt", b"caf\x82\n");
        let config = Config::default();
        let report = check_hole(hole.path(), &config).unwrap();
        let found: Vec<String> = report.problems.iter().map(ToString::to_string).collect();
        assert_eq!(found.len(), 4, "{found:?}");
        assert!(
            found
                .iter()
                .any(|p| p.starts_with("gophermap:3: selector `/world/gone.txt`")),
            "{found:?}"
        );
        assert!(
            found
                .iter()
                .any(|p| p.starts_with("world/a.txt:1: bytes outside")),
            "{found:?}"
        );
        assert!(
            found
                .iter()
                .any(|p| p.starts_with("world/gophermap:2: not a menu line")),
            "{found:?}"
        );
        assert!(
            found
                .iter()
                .any(|p| p.starts_with("world/gophermap:1: the menu does not end")),
            "{found:?}"
        );
    }

    #[test]
    fn a_character_across_byte_300_does_not_panic() {
        // One non-ASCII character at bytes 299 and 300 of the decoded text,
        // in every charset paperboy writes.
        let cases: [(&str, &[u8]); 4] = [
            ("UTF-8", "é".as_bytes()),
            ("ISO-8859-1", b"\xE9"),
            ("x-mac-roman", b"\x8E"),
            ("US-ASCII", b"\xE9"),
        ];
        for (label, character) in cases {
            let mut bytes = HEAD32
                .replace("ISO-8859-1", label)
                .split("<title>")
                .next()
                .unwrap()
                .as_bytes()
                .to_vec();
            bytes.extend_from_slice(b"<title>");
            bytes.resize(299, b'x');
            bytes.extend_from_slice(character);
            bytes.extend_from_slice(b"</title></head><body>\n<p>ok</p>");
            let got = Page::read("a.html", &bytes, Profile::Html32).problems;
            assert!(
                !got.iter().any(|p| p.message.contains("DOCTYPE")),
                "{label}: {got:?}"
            );
        }
    }
}
