//! The one place that talks to serde_yaml: parsing config.yaml, theme.yaml
//! and front matter into typed structs, with errors that carry a line
//! number and, for misspelt keys or values, a "did you mean" suggestion;
//! and writing front matter back. No other module names the YAML crate, so
//! replacing it (see Cargo.toml) touches this file alone.

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

/// Parses `text`, which starts at line `first_line` of its file.
pub fn parse<T: DeserializeOwned>(text: &str, first_line: usize) -> Result<T, YamlError> {
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
    fn empty_document_is_empty_mapping() {
        let s: Sample = parse("\n", 1).unwrap();
        assert!(s.title.is_none());
    }
}
