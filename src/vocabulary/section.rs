//! Section ids: the folder name in content/ and in the output, checked once
//! where they enter (config.yaml, front matter, a content folder, the
//! command line) so every later stage can trust them.

use super::names::MAX_SLUG;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// A valid section id: 1 to [`MAX_SLUG`] lowercase ASCII letters, digits,
/// `-` or `_`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SectionId(String);

impl SectionId {
    /// Checks `id`; the error says what a valid id looks like.
    pub fn parse(id: &str) -> Result<SectionId, String> {
        let valid = !id.is_empty()
            && id.len() <= MAX_SLUG
            && id
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_');
        if valid {
            Ok(SectionId(id.to_string()))
        } else {
            Err(format!(
                "section id `{id}` is not valid: use 1 to {MAX_SLUG} lowercase ASCII letters, digits, `-` or `_`"
            ))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for SectionId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl AsRef<str> for SectionId {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl Serialize for SectionId {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for SectionId {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<SectionId, D::Error> {
        let s = String::deserialize(d)?;
        SectionId::parse(s.trim()).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_folder_names_only() {
        for good in ["world", "a", "sci-tech", "x_1"] {
            assert!(SectionId::parse(good).is_ok(), "{good}");
        }
        for bad in ["World", "a/b", "", "x y", "../x", &"a".repeat(MAX_SLUG + 1)] {
            let err = SectionId::parse(bad).unwrap_err();
            assert!(err.contains("lowercase ASCII"), "{bad}: {err}");
        }
    }
}
