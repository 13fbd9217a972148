//! Article dates: parsed once where they enter (front matter, feeds, pages)
//! and carried as a date from then on. A date may have a time of day and
//! an offset, or be a plain day.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, SecondsFormat};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// A point in time, or a whole day (at midnight UTC).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Date {
    time: DateTime<FixedOffset>,
    day_only: bool,
}

impl Date {
    /// Reads RFC 3339 (`2026-11-27T09:00:00Z`), `2026-11-27 09:00[:00]`
    /// (UTC), or a plain `2026-11-27`.
    pub fn parse(s: &str) -> Option<Date> {
        let s = s.trim();
        if let Ok(time) = DateTime::parse_from_rfc3339(s) {
            return Some(Date::from(time));
        }
        let utc = FixedOffset::east_opt(0)?;
        for fmt in [
            "%Y-%m-%d %H:%M:%S",
            "%Y-%m-%d %H:%M",
            "%Y-%m-%dT%H:%M:%S",
            "%Y-%m-%dT%H:%M",
        ] {
            if let Ok(n) = NaiveDateTime::parse_from_str(s, fmt) {
                return Some(Date::from(n.and_local_timezone(utc).single()?));
            }
        }
        let day = NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()?;
        Some(Date::day(day))
    }

    /// A whole day.
    pub fn day(day: NaiveDate) -> Date {
        let time = day
            .and_hms_opt(0, 0, 0)
            .expect("midnight exists")
            .and_utc()
            .fixed_offset();
        Date {
            time,
            day_only: true,
        }
    }

    /// Now, to the second, in UTC.
    pub fn now() -> Date {
        let now = chrono::Utc::now();
        Date::from(
            now.with_timezone(&FixedOffset::east_opt(0).expect("UTC"))
                .with_nanosecond0(),
        )
    }

    /// The moment (midnight UTC for a day).
    pub fn time(&self) -> DateTime<FixedOffset> {
        self.time
    }

    /// Whether the date has no time of day.
    pub fn is_day_only(&self) -> bool {
        self.day_only
    }

    /// `2026-11-27`, as file names and sitemaps write it.
    pub fn ymd(&self) -> String {
        self.time.format("%Y-%m-%d").to_string()
    }
}

trait WithoutNanos {
    fn with_nanosecond0(self) -> Self;
}

impl WithoutNanos for DateTime<FixedOffset> {
    fn with_nanosecond0(self) -> Self {
        use chrono::Timelike;
        self.with_nanosecond(0).unwrap_or(self)
    }
}

impl From<DateTime<FixedOffset>> for Date {
    fn from(time: DateTime<FixedOffset>) -> Date {
        Date {
            time,
            day_only: false,
        }
    }
}

impl PartialOrd for Date {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Date {
    /// By the moment, then days before times on the same moment.
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.time
            .cmp(&other.time)
            .then(other.day_only.cmp(&self.day_only))
    }
}

impl fmt::Display for Date {
    /// `2026-11-27` for a day, RFC 3339 to the second otherwise.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.day_only {
            f.write_str(&self.ymd())
        } else {
            f.write_str(&self.time.to_rfc3339_opts(SecondsFormat::AutoSi, true))
        }
    }
}

/// Binary formats (the build's caches) store a date as seconds,
/// nanoseconds, offset and whether it is a day, so it is not parsed again.
type Compact = (i64, u32, i32, bool);

impl Serialize for Date {
    /// As text (`2026-11-27T09:00:00Z`) in text formats.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if s.is_human_readable() {
            return s.collect_str(self);
        }
        let t = self.time;
        let compact: Compact = (
            t.timestamp(),
            t.timestamp_subsec_nanos(),
            t.offset().local_minus_utc(),
            self.day_only,
        );
        compact.serialize(s)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        if !d.is_human_readable() {
            let (secs, nanos, offset, day_only) = Compact::deserialize(d)?;
            let time = FixedOffset::east_opt(offset)
                .zip(DateTime::from_timestamp(secs, nanos))
                .map(|(offset, utc)| utc.with_timezone(&offset))
                .ok_or_else(|| serde::de::Error::custom("a stored date out of range"))?;
            return Ok(Date { time, day_only });
        }
        let s = String::deserialize(d)?;
        Date::parse(&s).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "cannot read date `{s}`: use RFC 3339 (2026-11-27T09:00:00Z) or 2026-11-27"
            ))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn binary_formats_keep_dates_whole() {
        for text in [
            "2026-11-27T09:00:00+01:00",
            "2026-11-27",
            "1969-07-20T20:17:40.5Z",
        ] {
            let date = Date::parse(text).unwrap();
            let bytes = postcard::to_allocvec(&date).unwrap();
            let back: Date = postcard::from_bytes(&bytes).unwrap();
            assert_eq!((back, back.to_string()), (date, date.to_string()), "{text}");
        }
    }

    #[test]
    fn reads_and_writes_dates() {
        let cases = [
            ("2026-11-27T09:00:00Z", "2026-11-27T09:00:00Z", false),
            (
                "2026-11-27T09:00:00+01:00",
                "2026-11-27T09:00:00+01:00",
                false,
            ),
            ("2026-11-27 09:30", "2026-11-27T09:30:00Z", false),
            ("2026-11-27", "2026-11-27", true),
        ];
        for (input, shown, day) in cases {
            let d = Date::parse(input).unwrap();
            assert_eq!(
                (d.to_string().as_str(), d.is_day_only()),
                (shown, day),
                "{input}"
            );
            assert_eq!(Date::parse(&d.to_string()), Some(d));
        }
        assert!(Date::parse("27/11/2026").is_none());
        assert!(Date::parse("2026-13-45").is_none());
    }

    #[test]
    fn orders_by_moment() {
        let a = Date::parse("2026-11-27T09:00:00+01:00").unwrap();
        let b = Date::parse("2026-11-27T08:30:00Z").unwrap();
        assert!(a < b);
    }
}
