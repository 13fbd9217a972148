//! The one place that talks to serde_yaml: parsing config.yaml, theme.yaml
//! and front matter into typed structs, with errors that carry a line
//! number and, for misspelt keys or values, a "did you mean" suggestion;
//! and writing front matter back. No other module names the YAML crate, so
//! replacing it (see Cargo.toml) touches this file alone.
//!
//! Before the parser sees a text, a linear pre-check refuses nesting
//! deeper than [`MAX_DEPTH`] and more than [`MAX_ALIASES`] aliases: the
//! parser's work on those grows faster than the text, and no config or
//! front matter needs more than a few of either.

use serde::Serialize;
use serde::de::DeserializeOwned;
use std::fmt;

/// A YAML problem located in its file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YamlError {
    /// 1-based line in the file (not in the YAML snippet), when known.
    pub line: Option<usize>,
    /// A lowercase message, with a suggestion when one exists.
    pub message: String,
}

impl fmt::Display for YamlError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "line {line}: {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}

impl std::error::Error for YamlError {}

/// How deeply mappings and sequences may nest (block and flow together).
pub const MAX_DEPTH: usize = 32;

/// How many aliases (`*name`) one document may use.
pub const MAX_ALIASES: usize = 64;

/// Parses `text`, which starts at line `first_line` of its file.
pub fn parse<T: DeserializeOwned>(text: &str, first_line: usize) -> Result<T, YamlError> {
    precheck(text).map_err(|(line, message)| YamlError {
        line: Some(line + first_line - 1),
        message,
    })?;
    // An empty document is an empty mapping, so defaults apply.
    let text = if text.trim().is_empty() { "{}" } else { text };
    serde_yaml::from_str(text).map_err(|e| {
        let message = explain(&e.to_string());
        // A value rejected by its own type (a date, a section id) is
        // reported at the start of the mapping: find the line that holds it.
        let line = duplicate_key_line(text, &message)
            .or_else(|| e.location().map(|l| l.line()).filter(|&l| l > 1))
            .or_else(|| quoted_value_line(text, &message))
            .or(e.location().map(|l| l.line()))
            .map(|l| l + first_line - 1);
        YamlError { line, message }
    })
}

/// Refuses nesting deeper than [`MAX_DEPTH`] and more than [`MAX_ALIASES`]
/// aliases, naming the 1-based line. One pass; an approximation of YAML's
/// grammar that never counts less than the parser would build: block
/// nesting by indentation and `- ` markers, flow nesting by brackets
/// outside quotes, block scalars (`|`, `>`) skipped.
fn precheck(text: &str) -> Result<(), (usize, String)> {
    let too_deep = |line| {
        Err((
            line,
            format!(
                "nesting deeper than {MAX_DEPTH} levels, the limit: a config or front matter needs a few"
            ),
        ))
    };
    // Indentation of the open block collections.
    let mut indents: Vec<usize> = Vec::new();
    // Open flow brackets, and the block depth they started at.
    let mut flow = 0usize;
    let mut flow_base = 0usize;
    let mut quote: Option<u8> = None;
    // A block scalar: lines indented more than this are its text.
    let mut scalar_indent: Option<usize> = None;
    let mut aliases = 0usize;
    for (n, line) in text.lines().enumerate() {
        let n = n + 1;
        let b = line.as_bytes();
        let indent = b.iter().take_while(|&&c| c == b' ').count();
        if let Some(si) = scalar_indent {
            if indent > si || line.trim().is_empty() {
                continue;
            }
            scalar_indent = None;
        }
        let mut i = 0;
        if flow == 0 && quote.is_none() {
            let rest = line[indent..].trim_end();
            if rest.is_empty() || rest.starts_with('#') {
                continue;
            }
            while indents.last().is_some_and(|&top| top >= indent) {
                indents.pop();
            }
            indents.push(indent);
            i = indent;
        }
        // Block depth of this line: its indentation level, plus one per
        // `- ` or `? ` marker in front of its value.
        let mut depth = indents.len();
        let mut at_value = flow == 0 && quote.is_none();
        while i < b.len() {
            let c = b[i];
            if let Some(q) = quote {
                if c == q {
                    if q == b'\'' && b.get(i + 1) == Some(&b'\'') {
                        i += 1;
                    } else {
                        quote = None;
                    }
                } else if c == b'\\' && q == b'"' {
                    i += 1;
                }
                i += 1;
                continue;
            }
            let next_blank = b.get(i + 1).is_none_or(|c| *c == b' ' || *c == b'\t');
            match c {
                b' ' | b'\t' => {}
                b'#' if i == 0 || matches!(b[i - 1], b' ' | b'\t') => break,
                b'-' | b'?' if at_value && flow == 0 && next_blank => depth += 1,
                b':' if next_blank => at_value = true,
                b',' if flow > 0 => at_value = true,
                b'"' | b'\'' if at_value || flow > 0 => {
                    quote = Some(c);
                    at_value = false;
                }
                b'[' | b'{' if at_value || flow > 0 => {
                    if flow == 0 {
                        flow_base = depth;
                    }
                    flow += 1;
                    if flow_base + flow > MAX_DEPTH {
                        return too_deep(n);
                    }
                    at_value = true;
                }
                b']' | b'}' if flow > 0 => flow -= 1,
                b'*' if at_value => {
                    aliases += 1;
                    if aliases > MAX_ALIASES {
                        return Err((
                            n,
                            format!("more than {MAX_ALIASES} aliases (`*name`), the limit"),
                        ));
                    }
                    at_value = false;
                }
                b'&' | b'!' if at_value => {
                    // An anchor or a tag stands before the value it names.
                    while i + 1 < b.len() && !matches!(b[i + 1], b' ' | b'\t' | b',' | b'[' | b'{')
                    {
                        i += 1;
                    }
                }
                b'|' | b'>' if at_value && flow == 0 => {
                    scalar_indent = Some(indent);
                    break;
                }
                _ => {
                    // A plain scalar: brackets inside it are text, in block context.
                    if flow == 0 {
                        at_value = false;
                        while i + 1 < b.len() && !(b[i + 1] == b':' || b[i + 1] == b'#') {
                            i += 1;
                        }
                    } else {
                        at_value = false;
                    }
                }
            }
            if depth > MAX_DEPTH {
                return too_deep(n);
            }
            i += 1;
        }
    }
    Ok(())
}

/// Writes `value` as a YAML document (no leading `---`).
pub fn to_string<T: Serialize>(value: &T) -> anyhow::Result<String> {
    serde_yaml::to_string(value).map_err(|e| anyhow::anyhow!("cannot write YAML: {e}"))
}

/// For "duplicate field `x`", which serde reports at the mapping's start:
/// the 1-based line of the second `x:` key.
fn duplicate_key_line(text: &str, message: &str) -> Option<usize> {
    let key = message
        .strip_prefix("duplicate field `")?
        .split('`')
        .next()?;
    let is_key = |l: &str| {
        let l = l.trim_start().trim_start_matches("- ");
        l.strip_prefix(key)
            .is_some_and(|rest| rest.trim_start().starts_with(':'))
    };
    text.lines()
        .enumerate()
        .filter(|(_, l)| is_key(l))
        .nth(1)
        .map(|(i, _)| i + 1)
}

/// The 1-based line of `text` holding the first backquoted value named in
/// `message`, if any.
fn quoted_value_line(text: &str, message: &str) -> Option<usize> {
    let value = message.split('`').nth(1).filter(|v| !v.is_empty())?;
    text.lines()
        .position(|l| l.contains(':') && l.contains(value))
        .map(|i| i + 1)
}

/// Rewrites serde's messages for people: drops the position (we print our
/// own), says "key" instead of "field", and suggests the nearest known name.
fn explain(raw: &str) -> String {
    let msg = match raw.rfind(" at line ") {
        Some(i) => &raw[..i],
        None => raw,
    };
    for (kind, word) in [("unknown field `", "key"), ("unknown variant `", "value")] {
        let Some(start) = msg.find(kind) else {
            continue;
        };
        let prefix = &msg[..start];
        let rest = &msg[start + kind.len()..];
        let Some(end) = rest.find('`') else { continue };
        let unknown = &rest[..end];
        let known: Vec<&str> = rest[end + 1..].split('`').skip(1).step_by(2).collect();
        let mut out = format!("{prefix}unknown {word} `{unknown}`");
        match nearest(unknown, &known) {
            Some(best) => out.push_str(&format!(" (did you mean `{best}`?)")),
            None if !known.is_empty() => {
                out.push_str(&format!("; expected one of: {}", known.join(", ")))
            }
            None => {}
        }
        return out;
    }
    msg.to_string()
}

/// The known name closest to `unknown`, if it is close enough to be a typo.
pub fn nearest<'a>(unknown: &str, known: &[&'a str]) -> Option<&'a str> {
    known
        .iter()
        .map(|k| (strsim::jaro_winkler(unknown, k), *k))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, k)| k)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Sample {
        title: Option<String>,
        tagline: Option<String>,
        #[serde(default)]
        mode: Option<Mode>,
    }

    #[derive(Debug, Deserialize)]
    #[serde(rename_all = "lowercase")]
    enum Mode {
        Link,
        Local,
    }

    #[test]
    fn unknown_key_names_line_and_suggestion() {
        let err = parse::<Sample>("title: x\ntaglne: y\n", 2).unwrap_err();
        assert_eq!(err.line, Some(3));
        assert_eq!(
            err.message,
            "unknown key `taglne` (did you mean `tagline`?)"
        );
    }

    #[test]
    fn unknown_value_suggests_variant() {
        let err = parse::<Sample>("mode: lnk\n", 1).unwrap_err();
        assert_eq!(err.line, Some(1));
        assert!(
            err.message
                .contains("unknown value `lnk` (did you mean `link`?)"),
            "{}",
            err.message
        );
    }

    #[test]
    fn far_off_key_lists_known_ones() {
        let err = parse::<Sample>("zzz: 1\n", 1).unwrap_err();
        assert!(
            err.message
                .contains("expected one of: title, tagline, mode"),
            "{}",
            err.message
        );
    }

    #[test]
    fn duplicate_keys_name_the_second_line() {
        let err = parse::<Sample>("# note\ntitle: a\ntagline: b\ntitle: c\n", 1).unwrap_err();
        assert_eq!(err.line, Some(4), "{err}");
    }

    #[test]
    fn deep_nesting_and_many_aliases_are_refused_with_their_line() {
        let flow = format!(
            "title: x\nmode: {}1{}\n",
            "[".repeat(100_000),
            "]".repeat(100_000)
        );
        let block = format!("title: x\nmode:\n  {}1\n", "- ".repeat(100_000));
        let indent: String = (0..40)
            .map(|i| format!("{}k{i}:\n", " ".repeat(i)))
            .collect();
        let anchored = format!(
            "title: x\nmode: &a !!seq {}1{}\n",
            "[".repeat(40),
            "]".repeat(40)
        );
        for (yaml, line) in [(flow, 2), (block, 3), (indent, 33), (anchored, 2)] {
            let err = parse::<Sample>(&yaml, 1).unwrap_err();
            assert_eq!(err.line, Some(line), "{err}");
            assert!(
                err.message.starts_with("nesting deeper than 32 levels"),
                "{err}"
            );
        }
        let aliases = format!("title: &t x\ntagline: [{}]\n", vec!["*t"; 65].join(", "));
        let err = parse::<Sample>(&aliases, 5).unwrap_err();
        assert_eq!(err.line, Some(6));
        assert!(err.message.contains("more than 64 aliases"), "{err}");
    }

    #[test]
    fn brackets_in_text_are_not_nesting() {
        let brackets = "[".repeat(50);
        let texts = [
            format!("title: a {brackets} b\n"),
            format!("title: \"{brackets}\"\n"),
            format!("title: '{brackets} it''s'\n"),
            format!("title: |\n  {brackets}\n  - - - - -\ntagline: x # {brackets}\n"),
            format!("title: >-\n  {brackets}\n"),
            format!("title: \"multi\n  line {brackets}\"\n"),
        ];
        for text in texts {
            assert!(precheck(&text).is_ok(), "{text}");
        }
    }

    #[test]
    fn empty_document_is_empty_mapping() {
        let s: Sample = parse("\n", 1).unwrap();
        assert!(s.title.is_none());
    }
}
