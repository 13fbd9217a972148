//! The words of the pages' chrome ("Back to ... front page", "Original
//! source", month names, how a date is written), one table per language,
//! chosen by `language:` in config.yaml and overridable key by key with
//! `strings:` there.
//!
//! Tables ship for English, French, German, Spanish, Italian, Portuguese
//! and Dutch (`strings/<code>.yaml`, compiled in); every table has exactly
//! the keys of the English one. A language without a table falls back to
//! English with one warning. Templates read the words through the `t()`
//! function; dates are formatted here, in the language's own way. Folding
//! to a legacy charset happens later, to the whole page, as for the articles.

use crate::vocabulary::Date;
use anyhow::{Result, bail};
use chrono::{Datelike, Timelike};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::sync::Arc;

/// The shipped tables: (language code, YAML).
const TABLES: &[(&str, &str)] = &[
    ("en", include_str!("strings/en.yaml")),
    ("fr", include_str!("strings/fr.yaml")),
    ("de", include_str!("strings/de.yaml")),
    ("es", include_str!("strings/es.yaml")),
    ("it", include_str!("strings/it.yaml")),
    ("pt", include_str!("strings/pt.yaml")),
    ("nl", include_str!("strings/nl.yaml")),
];

/// One language's table as written.
#[derive(Debug, Clone, Deserialize)]
struct Table {
    months: Vec<String>,
    months_short: Vec<String>,
    weekdays: Vec<String>,
    #[serde(flatten)]
    words: BTreeMap<String, String>,
}

/// The words of one site: a language's table with the site's overrides.
#[derive(Debug, Clone)]
pub struct Strings {
    /// The code of the table used (`en` when the language had none).
    pub code: String,
    words: BTreeMap<String, String>,
    months: Vec<String>,
    months_short: Vec<String>,
    weekdays: Vec<String>,
}

/// The tables a site's pages use: its own language's, and each edition's
/// by code.
#[derive(Debug, Clone)]
pub struct StringTables {
    pub site: Arc<Strings>,
    pub tables: BTreeMap<String, Arc<Strings>>,
}

impl StringTables {
    /// The site's table and one per edition language, with the site's
    /// `strings:` overrides on each. A missing table is warned about once
    /// per language when `warn`.
    pub fn load(config: &crate::config::Config, warn: bool) -> Result<StringTables> {
        let site = Arc::new(Strings::load_with(&config.language, &config.strings, warn)?);
        let mut tables = BTreeMap::new();
        tables.insert(site.code.clone(), site.clone());
        for edition in config.editions() {
            if edition.language == config.language {
                continue;
            }
            let table = Strings::load_with(edition.language, &config.strings, warn)?;
            tables
                .entry(table.code.clone())
                .or_insert_with(|| Arc::new(table));
        }
        Ok(StringTables { site, tables })
    }

    /// The table for `language`: its own, else the site's.
    pub fn of(&self, language: &str) -> Arc<Strings> {
        let code = language
            .split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        self.tables
            .get(&code)
            .cloned()
            .unwrap_or_else(|| self.site.clone())
    }
}

/// The language codes that have a table.
pub fn languages() -> impl Iterator<Item = &'static str> {
    TABLES.iter().map(|(code, _)| *code)
}

fn table(code: &str) -> Option<Table> {
    let (_, yaml) = TABLES.iter().find(|(c, _)| *c == code)?;
    Some(crate::yaml::parse(yaml, 1).expect("shipped strings tables parse"))
}

impl Strings {
    /// The table for `language` (`fr`, `fr-CA` and `fr_CA` all take the
    /// French one), with `overrides` on top. An override for a key no table
    /// has is an error naming it.
    #[cfg(test)]
    pub fn load(language: &str, overrides: &BTreeMap<String, String>) -> Result<Strings> {
        Strings::load_with(language, overrides, true)
    }

    /// [`Strings::load`], saying nothing about a missing table unless `warn`.
    pub fn load_with(
        language: &str,
        overrides: &BTreeMap<String, String>,
        warn: bool,
    ) -> Result<Strings> {
        let code = language
            .split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        let (code, table) = match table(&code) {
            Some(t) => (code, t),
            None => {
                if warn {
                    log::warn!(
                        "no strings table for language `{language}`: pages use English words (tables: {}; set single words with `strings:` in config.yaml)",
                        languages().collect::<Vec<_>>().join(", ")
                    );
                }
                ("en".to_string(), table("en").expect("English ships"))
            }
        };
        let mut strings = Strings {
            code,
            words: table.words,
            months: table.months,
            months_short: table.months_short,
            weekdays: table.weekdays,
        };
        for (key, value) in overrides {
            if !strings.words.contains_key(key) {
                let known: Vec<&str> = strings.words.keys().map(String::as_str).collect();
                let hint = crate::yaml::nearest(key, &known)
                    .map(|k| format!(" (did you mean `{k}`?)"))
                    .unwrap_or_default();
                bail!("unknown key `{key}` in `strings:`{hint}");
            }
            strings.words.insert(key.clone(), value.clone());
        }
        Ok(strings)
    }

    /// The words for `key` with its `{placeholders}` filled from `args`.
    /// When `count` is 1 and the table has `<key>_one`, those words are
    /// used instead ("1 article", not "1 articles").
    pub fn format(&self, key: &str, args: &[(&str, String)]) -> Result<String> {
        let singular = args.iter().any(|(k, v)| *k == "count" && v == "1");
        let one = singular
            .then(|| self.words.get(&format!("{key}_one")))
            .flatten();
        let Some(template) = one.or_else(|| self.words.get(key)) else {
            let known: Vec<&str> = self.words.keys().map(String::as_str).collect();
            let hint = crate::yaml::nearest(key, &known)
                .map(|k| format!(" (did you mean `{k}`?)"))
                .unwrap_or_default();
            bail!("no string `{key}` in the strings table{hint}");
        };
        fill(template, args).map_err(|name| {
            anyhow::anyhow!("string `{key}` (\"{template}\") needs a value for `{name}`")
        })
    }

    /// "Friday, 27 November 2026" in the table's words and order.
    pub fn date_long(&self, date: Date) -> String {
        let t = date.time();
        let weekday = &self.weekdays[t.weekday().num_days_from_monday() as usize];
        let month = &self.months[t.month0() as usize];
        fill(
            &self.words["date_long"],
            &[
                ("weekday", weekday.clone()),
                ("day", t.day().to_string()),
                ("month", month.clone()),
                ("year", t.year().to_string()),
            ],
        )
        .expect("date_long uses known placeholders")
    }

    /// "November 2026", as the table writes a month.
    pub fn month_year(&self, year: i32, month: u32) -> String {
        fill(
            &self.words["month_year"],
            &[
                (
                    "month",
                    self.months[(month as usize).saturating_sub(1) % 12].clone(),
                ),
                ("year", year.to_string()),
            ],
        )
        .expect("month_year uses known placeholders")
    }

    /// "27 Nov 2026".
    pub fn date_short(&self, date: Date) -> String {
        let t = date.time();
        fill(
            &self.words["date_short"],
            &[
                ("day", t.day().to_string()),
                ("mon", self.months_short[t.month0() as usize].clone()),
                ("month", self.months[t.month0() as usize].clone()),
                ("year", t.year().to_string()),
            ],
        )
        .expect("date_short uses known placeholders")
    }

    /// The long date, with the time of day and its zone unless the date is
    /// a whole day.
    pub fn date_display(&self, date: Date) -> String {
        let long = self.date_long(date);
        if date.is_day_only() {
            return long;
        }
        let t = date.time();
        let zone = match t.offset().local_minus_utc() {
            0 => "UTC".to_string(),
            _ => t.format("%z").to_string(),
        };
        fill(
            &self.words["date_time"],
            &[
                ("date", long),
                ("hour", format!("{:02}", t.hour())),
                ("minute", format!("{:02}", t.minute())),
                ("zone", zone),
            ],
        )
        .expect("date_time uses known placeholders")
    }
}

/// `template` with each `{name}` replaced by its value in `args`; the name
/// of a placeholder that has no value is the error.
fn fill(template: &str, args: &[(&str, String)]) -> std::result::Result<String, String> {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else {
            out.push_str(&rest[open..]);
            return Ok(out);
        };
        let name = &after[..close];
        match args.iter().find(|(k, _)| *k == name) {
            Some((_, value)) => out.push_str(value),
            None => return Err(name.to_string()),
        }
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_table_has_exactly_the_english_keys() {
        let english = table("en").unwrap();
        for code in languages() {
            let t = table(code).unwrap();
            let (a, b): (Vec<_>, Vec<_>) =
                (english.words.keys().collect(), t.words.keys().collect());
            assert_eq!(a, b, "{code}: keys differ from English");
            assert_eq!(t.months.len(), 12, "{code}");
            assert_eq!(t.months_short.len(), 12, "{code}");
            assert_eq!(t.weekdays.len(), 7, "{code}");
            // Every table's words use the placeholders its English key has.
            for (key, words) in &t.words {
                let names = |s: &str| -> Vec<String> {
                    s.split('{')
                        .skip(1)
                        .filter_map(|p| p.split_once('}'))
                        .map(|(n, _)| n.to_string())
                        .collect()
                };
                let mut theirs = names(words);
                let mut ours = names(&english.words[key]);
                theirs.sort();
                ours.sort();
                assert_eq!(theirs, ours, "{code}: {key} placeholders");
            }
            let strings = Strings::load(code, &BTreeMap::new()).unwrap();
            let d = Date::parse("2026-11-27T09:05:00+01:00").unwrap();
            assert!(strings.date_display(d).contains("2026"), "{code}");
        }
    }

    #[test]
    fn dates_read_as_each_language_writes_them() {
        let d = Date::parse("2026-11-27T09:05:00Z").unwrap();
        let day = Date::parse("2026-11-27").unwrap();
        let cases = [
            ("en", "Friday, 27 November 2026, 09:05 UTC", "27 Nov 2026"),
            (
                "fr",
                "vendredi 27 novembre 2026, 09 h 05 UTC",
                "27 nov. 2026",
            ),
            (
                "de",
                "Freitag, 27. November 2026, 09:05 Uhr UTC",
                "27. Nov. 2026",
            ),
            (
                "es",
                "viernes, 27 de noviembre de 2026, 09:05 UTC",
                "27 nov. 2026",
            ),
        ];
        for (code, display, short) in cases {
            let s = Strings::load(code, &BTreeMap::new()).unwrap();
            assert_eq!(s.date_display(d), display, "{code}");
            assert_eq!(s.date_short(day), short, "{code}");
            assert!(
                !s.date_display(day).contains(':'),
                "{code}: a day has no time"
            );
        }
    }

    #[test]
    fn regional_codes_fallback_and_overrides() {
        assert_eq!(Strings::load("fr-CA", &BTreeMap::new()).unwrap().code, "fr");
        assert_eq!(Strings::load("sv", &BTreeMap::new()).unwrap().code, "en");
        let overrides = BTreeMap::from([("original_source".to_string(), "Source".to_string())]);
        let s = Strings::load("en", &overrides).unwrap();
        assert_eq!(s.format("original_source", &[]).unwrap(), "Source");
        let bad = BTreeMap::from([("orignal_source".to_string(), "x".to_string())]);
        let err = Strings::load("en", &bad).unwrap_err().to_string();
        assert!(err.contains("did you mean `original_source`"), "{err}");
        let one = |n: &str| {
            s.format("articles_count", &[("count", n.to_string())])
                .unwrap()
        };
        assert_eq!(
            (one("1"), one("2"), one("0")),
            ("1 article".into(), "2 articles".into(), "0 articles".into())
        );
        let err = s
            .format("more_in_section", &[("section", "World".into())])
            .unwrap_err();
        assert!(
            err.to_string().contains("needs a value for `count`"),
            "{err}"
        );
    }
}
