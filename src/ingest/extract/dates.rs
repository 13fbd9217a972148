//! Dates written for people rather than machines: "Updated 5:27 am CST,
//! Wednesday, November 20, 2019", "20. November 2019", "16 marca 2021",
//! "2018年6月19日", "28 آب/اغسطس 2013",
//! dates in URL paths (`/2019/11/19/`, `/2019/nov/19/`) and datelines
//! ("Nov. 19, 2019 -- The …").
//!
//! Owns reading such dates into RFC 3339 strings and telling a date line
//! (a block that is only a date, a time and a label such as "Published")
//! from article text. A time without a zone is UTC, but for an American
//! zone letter after it ("5:04 a.m. ET") or "Uhr" (central European), which
//! take the offset they had that day, summer time included; a caller that
//! knows the page's language gives a zone-less time the zone it implies
//! ([`language_zone`], [`in_zone`]), and reads numeric dates in the order
//! that language writes them ([`read_day_first`]: "05/06/2019" is 5 June on
//! a French page). Machine dates (`datetime`, JSON-LD,
//! `<meta>`) are
//! `metadata::normalise_date`'s; deciding which source wins is the
//! caller's.

use chrono::{Datelike, FixedOffset, NaiveDate, NaiveTime, SecondsFormat, TimeZone, Weekday};
use regex::Regex;
use std::sync::LazyLock;

/// Month names and abbreviations in the languages news pages use most,
/// lower-cased, with their month number.
const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("jan", 1),
    ("januar", 1),
    ("jänner", 1),
    ("janvier", 1),
    ("enero", 1),
    ("gennaio", 1),
    ("february", 2),
    ("feb", 2),
    ("februar", 2),
    ("février", 2),
    ("fevrier", 2),
    ("febrero", 2),
    ("febbraio", 2),
    ("march", 3),
    ("mar", 3),
    ("märz", 3),
    ("mars", 3),
    ("marzo", 3),
    ("april", 4),
    ("apr", 4),
    ("avril", 4),
    ("abril", 4),
    ("aprile", 4),
    ("may", 5),
    ("mai", 5),
    ("mayo", 5),
    ("maggio", 5),
    ("june", 6),
    ("jun", 6),
    ("juni", 6),
    ("juin", 6),
    ("junio", 6),
    ("giugno", 6),
    ("july", 7),
    ("jul", 7),
    ("juli", 7),
    ("juillet", 7),
    ("julio", 7),
    ("luglio", 7),
    ("august", 8),
    ("aug", 8),
    ("août", 8),
    ("aout", 8),
    ("agosto", 8),
    ("september", 9),
    ("sep", 9),
    ("sept", 9),
    ("septembre", 9),
    ("septiembre", 9),
    ("settembre", 9),
    ("october", 10),
    ("oct", 10),
    ("oktober", 10),
    ("octobre", 10),
    ("octubre", 10),
    ("ottobre", 10),
    ("november", 11),
    ("nov", 11),
    ("novembre", 11),
    ("noviembre", 11),
    ("december", 12),
    ("dec", 12),
    ("dezember", 12),
    ("décembre", 12),
    ("decembre", 12),
    ("diciembre", 12),
    ("dicembre", 12),
    // Short forms German, French, Spanish and Italian pages print
    // ("26 Okt 2018", "3 déc. 2019", "12 ago 2020").
    ("jän", 1),
    ("janv", 1),
    ("ene", 1),
    ("gen", 1),
    ("févr", 2),
    ("fevr", 2),
    ("mär", 3),
    ("mrz", 3),
    ("avr", 4),
    ("abr", 4),
    ("mag", 5),
    ("giu", 6),
    ("juil", 7),
    ("lug", 7),
    ("ago", 8),
    ("set", 9),
    ("okt", 10),
    ("ott", 10),
    ("dez", 12),
    ("déc", 12),
    ("dic", 12),
    // Polish (genitive and nominative), Dutch, Portuguese.
    ("stycznia", 1),
    ("styczeń", 1),
    ("januari", 1),
    ("janeiro", 1),
    ("lutego", 2),
    ("luty", 2),
    ("februari", 2),
    ("fevereiro", 2),
    ("marca", 3),
    ("marzec", 3),
    ("maart", 3),
    ("março", 3),
    ("marco", 3),
    ("kwietnia", 4),
    ("kwiecień", 4),
    ("maja", 5),
    ("maj", 5),
    ("mei", 5),
    ("maio", 5),
    ("czerwca", 6),
    ("czerwiec", 6),
    ("junho", 6),
    ("lipca", 7),
    ("lipiec", 7),
    ("julho", 7),
    ("sierpnia", 8),
    ("sierpień", 8),
    ("augustus", 8),
    ("września", 9),
    ("wrzesień", 9),
    ("setembro", 9),
    ("października", 10),
    ("październik", 10),
    ("outubro", 10),
    ("listopada", 11),
    ("listopad", 11),
    ("novembro", 11),
    ("grudnia", 12),
    ("grudzień", 12),
    ("dezembro", 12),
    // Scandinavian, Finnish (partitive), Czech (genitive), Hungarian,
    // Turkish and Greek (genitive) names not written alike above.
    ("marts", 3),
    ("augusti", 8),
    ("desember", 12),
    ("tammikuuta", 1),
    ("helmikuuta", 2),
    ("maaliskuuta", 3),
    ("huhtikuuta", 4),
    ("toukokuuta", 5),
    ("kesäkuuta", 6),
    ("heinäkuuta", 7),
    ("elokuuta", 8),
    ("syyskuuta", 9),
    ("lokakuuta", 10),
    ("marraskuuta", 11),
    ("joulukuuta", 12),
    ("ledna", 1),
    ("února", 2),
    ("března", 3),
    ("dubna", 4),
    ("května", 5),
    ("června", 6),
    ("července", 7),
    ("srpna", 8),
    ("září", 9),
    ("října", 10),
    ("listopadu", 11),
    ("prosince", 12),
    ("január", 1),
    ("február", 2),
    ("március", 3),
    ("április", 4),
    ("május", 5),
    ("június", 6),
    ("július", 7),
    ("augusztus", 8),
    ("szeptember", 9),
    ("október", 10),
    ("ocak", 1),
    ("şubat", 2),
    ("mart", 3),
    ("nisan", 4),
    ("mayıs", 5),
    ("haziran", 6),
    ("temmuz", 7),
    ("ağustos", 8),
    ("eylül", 9),
    ("ekim", 10),
    ("kasım", 11),
    ("aralık", 12),
    ("ιανουαρίου", 1),
    ("φεβρουαρίου", 2),
    ("μαρτίου", 3),
    ("απριλίου", 4),
    ("μαΐου", 5),
    ("ιουνίου", 6),
    ("ιουλίου", 7),
    ("αυγούστου", 8),
    ("σεπτεμβρίου", 9),
    ("οκτωβρίου", 10),
    ("νοεμβρίου", 11),
    ("δεκεμβρίου", 12),
    // The same as capitals lower-case: Greek without its accents, Turkish
    // with a plain or dotted i ("MAYIS", "NİSAN").
    ("ιανουαριου", 1),
    ("φεβρουαριου", 2),
    ("μαρτιου", 3),
    ("απριλιου", 4),
    ("μαιου", 5),
    ("ιουνιου", 6),
    ("ιουλιου", 7),
    ("αυγουστου", 8),
    ("σεπτεμβριου", 9),
    ("οκτωβριου", 10),
    ("νοεμβριου", 11),
    ("δεκεμβριου", 12),
    ("mayis", 5),
    ("kasim", 11),
    ("aralik", 12),
    ("ni\u{307}san", 4),
    ("hazi\u{307}ran", 6),
    // Russian (genitive, as dates write them).
    ("января", 1),
    ("февраля", 2),
    ("марта", 3),
    ("апреля", 4),
    ("мая", 5),
    ("июня", 6),
    ("июля", 7),
    ("августа", 8),
    ("сентября", 9),
    ("октября", 10),
    ("ноября", 11),
    ("декабря", 12),
    // Croatian (genitive; its "listopada", October, is Polish November
    // and stays Polish's).
    ("siječnja", 1),
    ("veljače", 2),
    ("ožujka", 3),
    ("travnja", 4),
    ("svibnja", 5),
    ("lipnja", 6),
    ("srpnja", 7),
    ("kolovoza", 8),
    ("rujna", 9),
    ("studenoga", 11),
    ("studenog", 11),
    ("prosinca", 12),
    // Serbian and Slovenian (Latin script), with Slovak: the genitives
    // and the names that differ from other languages'.
    ("januara", 1),
    ("januarja", 1),
    ("januára", 1),
    ("februara", 2),
    ("februarja", 2),
    ("februára", 2),
    ("marta", 3),
    ("marec", 3),
    ("aprila", 4),
    ("apríla", 4),
    ("mája", 5),
    ("juna", 6),
    ("junija", 6),
    ("junij", 6),
    ("júna", 6),
    ("jula", 7),
    ("julija", 7),
    ("julij", 7),
    ("júla", 7),
    ("avgust", 8),
    ("avgusta", 8),
    ("augusta", 8),
    ("septembar", 9),
    ("septembra", 9),
    ("oktobar", 10),
    ("oktobra", 10),
    ("októbra", 10),
    ("novembar", 11),
    ("novembra", 11),
    ("decembar", 12),
    ("decembra", 12),
    // Romanian.
    ("ianuarie", 1),
    ("februarie", 2),
    ("martie", 3),
    ("aprilie", 4),
    ("iunie", 6),
    ("iulie", 7),
    ("septembrie", 9),
    ("octombrie", 10),
    ("noiembrie", 11),
    ("decembrie", 12),
    // Estonian.
    ("jaanuar", 1),
    ("veebruar", 2),
    ("märts", 3),
    ("aprill", 4),
    ("juuni", 6),
    ("juuli", 7),
    ("oktoober", 10),
    ("detsember", 12),
    // Ukrainian and Bulgarian.
    ("січня", 1),
    ("лютого", 2),
    ("березня", 3),
    ("квітня", 4),
    ("травня", 5),
    ("червня", 6),
    ("липня", 7),
    ("серпня", 8),
    ("вересня", 9),
    ("жовтня", 10),
    ("листопада", 11),
    ("грудня", 12),
    ("януари", 1),
    ("февруари", 2),
    ("март", 3),
    ("април", 4),
    ("май", 5),
    ("юни", 6),
    ("юли", 7),
    ("август", 8),
    ("септември", 9),
    ("октомври", 10),
    ("ноември", 11),
    ("декември", 12),
    // Catalan.
    ("gener", 1),
    ("febrer", 2),
    ("març", 3),
    ("maig", 5),
    ("juny", 6),
    ("juliol", 7),
    ("agost", 8),
    ("setembre", 9),
    ("desembre", 12),
    // Arabic: the Egyptian and Gulf names, the Levantine ones, and both
    // together as CNN Arabic writes them ("28 آب/اغسطس 2013").
    ("يناير", 1),
    ("فبراير", 2),
    ("مارس", 3),
    ("أبريل", 4),
    ("ابريل", 4),
    ("إبريل", 4),
    ("مايو", 5),
    ("يونيو", 6),
    ("يوليو", 7),
    ("أغسطس", 8),
    ("اغسطس", 8),
    ("سبتمبر", 9),
    ("أكتوبر", 10),
    ("اكتوبر", 10),
    ("نوفمبر", 11),
    ("ديسمبر", 12),
    ("كانون الثاني", 1),
    ("شباط", 2),
    ("آذار", 3),
    ("نيسان", 4),
    ("أيار", 5),
    ("حزيران", 6),
    ("تموز", 7),
    ("آب", 8),
    ("أيلول", 9),
    ("تشرين الأول", 10),
    ("تشرين الثاني", 11),
    ("كانون الأول", 12),
    ("كانون الثاني/يناير", 1),
    ("شباط/فبراير", 2),
    ("آذار/مارس", 3),
    ("نيسان/أبريل", 4),
    ("نيسان/ابريل", 4),
    ("نيسان/إبريل", 4),
    ("أيار/مايو", 5),
    ("حزيران/يونيو", 6),
    ("تموز/يوليو", 7),
    ("آب/أغسطس", 8),
    ("آب/اغسطس", 8),
    ("أيلول/سبتمبر", 9),
    ("تشرين الأول/أكتوبر", 10),
    ("تشرين الأول/اكتوبر", 10),
    ("تشرين الثاني/نوفمبر", 11),
    ("كانون الأول/ديسمبر", 12),
];

fn month(name: &str) -> Option<u32> {
    let name = name.trim_end_matches('.');
    MONTHS.iter().find(|(m, _)| *m == name).map(|(_, n)| *n)
}

/// Alternation of every month name, longest first so "june" wins over "jun".
static MONTH_ALT: LazyLock<String> = LazyLock::new(|| {
    let mut names: Vec<&str> = MONTHS.iter().map(|(m, _)| *m).collect();
    names.sort_by_key(|m| std::cmp::Reverse(m.chars().count()));
    names.join("|")
});

/// Date patterns on lower-cased text; each names its `y`, `m` (number or
/// name) and `d` groups.
static DATE_PATTERNS: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    let m = &*MONTH_ALT;
    [
        r"(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日".to_string(),
        r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b".to_string(),
        r"\b(?P<y>\d{4})/(?P<m>\d{1,2})/(?P<d>\d{1,2})\b".to_string(),
        // Year first with dots, as Korean, Chinese and Japanese sites print
        // it ("2019.06.19 10:20", "2019. 6. 19.").
        r"\b(?P<y>\d{4})\.\s?(?P<m>\d{1,2})\.\s?(?P<d>\d{1,2})\b".to_string(),
        // A weekday may stand between the day and the year ("Dec 28 Sat
        // 2013", as some blog themes print the parts in boxes).
        format!(
            r"\b(?P<m>{m})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?(?P<y>\d{{4}})\b"
        ),
        format!(
            r"\b(?P<d>\d{{1,2}})(?:\.|st|nd|rd|th|er)?\s+(?:de\s+|d['’])?(?P<m>{m})\.?,?\s+(?:de\s+)?(?P<y>\d{{4}})\b"
        ),
        format!(r"\b(?P<d>\d{{1,2}})-(?P<m>{m})-(?P<y>\d{{4}})\b"),
        // Year first with the month's name, as Hungarian writes it
        // ("2019. március 5.").
        format!(r"\b(?P<y>\d{{4}})\.\s+(?P<m>{m})\s+(?P<d>\d{{1,2}})\b"),
        r"\b(?P<d>\d{1,2})\.\s?(?P<m>\d{1,2})\.\s?(?P<y>\d{4})\b".to_string(),
        r"\b(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{4})\b".to_string(),
        // Day first where the American order cannot be meant ("20/06/2019").
        r"\b(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})\b".to_string(),
        // Two-digit years, last: "11/20/19" (American), "18.11.19",
        // "18/09/19" (day first where the month cannot come first).
        r"\b(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{2})\b".to_string(),
        r"\b(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{2})\b".to_string(),
        r"\b(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{2})\b".to_string(),
    ]
    .iter()
    .map(|p| Regex::new(p).expect("valid date pattern"))
    .collect()
});

/// A time of day: "5:27 am", "8:22AM", "1:23 p.m.", "18:30", "10时20分", and
/// with a dot before a zone or am/pm: "09.15 GMT", "3.30pm".
static TIME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\b(?P<h>\d{1,2})(?::|时|時|h)(?P<min>\d{2})(?::(?P<s>\d{2}))?(?:分)?\s*(?P<ampm>a\.?\s?m\b\.?|p\.?\s?m\b\.?)?|\b(?P<hd>\d{1,2})\.(?P<mind>\d{2})\s*(?:(?P<ampmd>a\.?m\b\.?|p\.?m\b\.?)|(?:gmt|bst|utc|cet|cest|mez|mesz|est|edt|pst|pdt|uur|uhr)\b)|\b(?P<h2>\d{1,2})\s*(?P<ampm2>a\.?m\b\.?|p\.?m\b\.?)",
    )
    .expect("valid time pattern")
});

/// Time zones written after a time.
static ZONE: LazyLock<Regex> = LazyLock::new(|| {
    // The offset first: "GMT+0400" is four hours east, not GMT.
    Regex::new(r"(?:utc|gmt)?\s?(?P<sign>[+-])(?P<oh>\d{2}):?(?P<om>\d{2})\b|\b(?P<abbr>utc|gmt|z|est|edt|cst|cdt|mst|mdt|pst|pdt|bst|cet|cest|mez|mesz|ist|jst|kst|aest|aedt)\b")
        .expect("valid zone pattern")
});

/// The zone a page's language implies where the language is written in
/// one zone that keeps no summer time: Japanese and Korean on UTC+9,
/// Chinese (mainland, Taiwan, Hong Kong) on UTC+8, Thai and Vietnamese on
/// UTC+7. Other languages span zones or change with the season.
pub fn language_zone(lang: &str) -> Option<FixedOffset> {
    let primary = lang.split(['-', '_']).next()?.trim().to_ascii_lowercase();
    let hours = match primary.as_str() {
        "ja" | "ko" => 9,
        "zh" => 8,
        "th" | "vi" => 7,
        _ => return None,
    };
    FixedOffset::east_opt(hours * 3600)
}

/// A date that was read as UTC because it was written without a zone,
/// given `zone` instead: the same time of day, at the page's offset. A
/// date without a time (midnight) stays as it is, and so does any date
/// when `zone` is `None`.
pub fn in_zone(date: &str, zone: Option<FixedOffset>) -> String {
    let local = zone.zip(chrono::DateTime::parse_from_rfc3339(date).ok());
    match local {
        Some((zone, d)) if d.offset().local_minus_utc() == 0 && d.time() != NaiveTime::MIN => zone
            .from_local_datetime(&d.naive_local())
            .single()
            .map_or_else(
                || date.to_string(),
                |l| l.to_rfc3339_opts(SecondsFormat::Secs, true),
            ),
        _ => date.to_string(),
    }
}

/// A time and the American zone after it, written without its season
/// ("5:04 a.m. ET"); the zone is the first group.
static US_ZONE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:\d:\d{2}(?:\s*[ap]\.?\s?m\b\.?)?|\d\s*[ap]\.?\s?m\b\.?)\s+(et|ct|mt|pt)\b")
        .expect("valid US zone pattern")
});

/// An American zone written without its season ("5:04 a.m. ET", "2:14 PM
/// PT"), right after a time, as the offset it has on `date`: daylight time
/// from the second Sunday of March to the first Sunday of November.
fn us_zone(lower: &str, date: NaiveDate) -> Option<FixedOffset> {
    let standard = match &US_ZONE.captures(lower)?[1] {
        "et" => -5,
        "ct" => -6,
        "mt" => -7,
        _ => -8,
    };
    let sunday =
        |month, n| NaiveDate::from_weekday_of_month_opt(date.year(), month, Weekday::Sun, n);
    let summer = sunday(3, 2)? <= date && date < sunday(11, 1)?;
    FixedOffset::east_opt((standard + i32::from(summer)) * 3600)
}

/// A time followed by "Uhr", as German, Austrian and Swiss pages write
/// it ("14:32 Uhr"), is central European: summer time from the last Sunday
/// of March to the last Sunday of October.
fn central_european(lower: &str, date: NaiveDate) -> Option<FixedOffset> {
    static UHR: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\d[:.]\d{2}\s*uhr\b").expect("valid Uhr pattern"));
    if !UHR.is_match(lower) {
        return None;
    }
    let last_sunday = |month| {
        (1..=5)
            .rev()
            .find_map(|n| NaiveDate::from_weekday_of_month_opt(date.year(), month, Weekday::Sun, n))
    };
    let summer = last_sunday(3)? <= date && date < last_sunday(10)?;
    FixedOffset::east_opt((1 + i32::from(summer)) * 3600)
}

fn zone_offset(text: &str) -> Option<FixedOffset> {
    let caps = ZONE.captures(text)?;
    if let Some(sign) = caps.name("sign") {
        let h: i32 = caps["oh"].parse().ok()?;
        let m: i32 = caps["om"].parse().ok()?;
        let secs = (h * 60 + m) * 60;
        return FixedOffset::east_opt(if sign.as_str() == "-" { -secs } else { secs });
    }
    let hours = match &caps["abbr"] {
        "utc" | "gmt" | "z" => 0,
        "est" => -5,
        "edt" => -4,
        "cdt" => -5,
        "cst" => -6,
        "mst" => -7,
        "mdt" => -6,
        "pst" => -8,
        "pdt" => -7,
        "bst" | "cet" | "mez" => 1,
        "cest" | "mesz" => 2,
        "ist" => return FixedOffset::east_opt(5 * 3600 + 1800),
        "jst" | "kst" => 9,
        "aest" => 10,
        "aedt" => 11,
        _ => return None,
    };
    FixedOffset::east_opt(hours * 3600)
}

thread_local! {
    /// Whether the page being read writes numeric dates day first; see
    /// [`read_day_first`].
    static DAY_FIRST: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Whether a page in language `lang` (a language tag, the first of a
/// list) writes numeric dates day first ("05/06/2019" for 5 June): every
/// language but American English, and English with no region, which most
/// American sites give; not a language's name ("English"), which says
/// nothing of the order.
pub fn reads_day_first(lang: &str) -> bool {
    let lang = lang
        .split(',')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    let (primary, region) = lang.split_once(['-', '_']).unwrap_or((&lang, ""));
    match primary {
        "en" | "eng" => !matches!(region, "" | "us" | "ca" | "ph"),
        // A language tag's two or three letters; a language's name
        // ("English", "Deutsch") says nothing of the order.
        _ => (2..=3).contains(&primary.len()) && primary.bytes().all(|b| b.is_ascii_lowercase()),
    }
}

/// Reads numeric dates whose order is ambiguous day first when
/// `day_first` (a page's language, [`reads_day_first`]) until the guard
/// returned is dropped; the reading before it comes back then.
pub fn read_day_first(day_first: bool) -> Reading {
    Reading {
        before: DAY_FIRST.replace(day_first),
    }
}

/// The reading order set by [`read_day_first`], for as long as it lives.
#[must_use = "the reading order ends when this is dropped"]
pub struct Reading {
    before: bool,
}

impl Drop for Reading {
    fn drop(&mut self) {
        DAY_FIRST.set(self.before);
    }
}

/// Whether `re`, one of [`DATE_PATTERNS`], reads a numeric date month
/// first ("11/20/19"): on a page that writes day first, only when the
/// day-first reading is no date ("11/20/2019").
fn is_month_first(re: &Regex) -> bool {
    re.as_str().starts_with(r"\b(?P<m>\d{1,2})/")
}

/// The first calendar date in `text`, and where it ends.
fn find_date(lower: &str) -> Option<(NaiveDate, usize, usize)> {
    let day_first = DAY_FIRST.get();
    DATE_PATTERNS
        .iter()
        .filter_map(|re| {
            let caps = re.captures(lower)?;
            let y = full_year(caps["y"].parse().ok()?);
            let m = caps["m"].parse().ok().or_else(|| month(&caps["m"]))?;
            let d: u32 = caps["d"].parse().ok()?;
            let whole = caps.get(0)?;
            let date = NaiveDate::from_ymd_opt(y, m, d)?;
            // The earliest date in the text; of two readings of it, the
            // first pattern's, but for a page that writes day first,
            // where the month-first reading comes last.
            let later = day_first && is_month_first(re);
            (1990..=2100)
                .contains(&y)
                .then_some((date, whole.start(), whole.end(), later))
        })
        .min_by_key(|(_, start, _, later)| (*start, *later))
        .map(|(date, start, end, _)| (date, start, end))
}

/// A two-digit year in this century unless that is more than a year
/// ahead ("19" is 2019, "98" is 1998).
fn full_year(y: i32) -> i32 {
    if y >= 100 {
        return y;
    }
    let next = chrono::Utc::now().year() + 1;
    if 2000 + y <= next { 2000 + y } else { 1900 + y }
}

fn find_time(lower: &str) -> Option<NaiveTime> {
    for caps in TIME.captures_iter(lower) {
        let (h, min, s, ampm) = match (caps.name("h"), caps.name("hd")) {
            (Some(h), _) => (
                h.as_str(),
                caps.name("min").map_or("0", |m| m.as_str()),
                caps.name("s").map_or("0", |m| m.as_str()),
                caps.name("ampm"),
            ),
            // British style, the minutes after a dot ("09.15 GMT",
            // "3.30pm"): only with a zone or am/pm, as "20.11" is a day.
            (None, Some(h)) => (
                h.as_str(),
                caps.name("mind").map_or("0", |m| m.as_str()),
                "0",
                caps.name("ampmd"),
            ),
            (None, None) => (
                caps.name("h2").map_or("", |m| m.as_str()),
                "0",
                "0",
                caps.name("ampm2"),
            ),
        };
        let (Ok(mut h), Ok(min), Ok(s)) = (h.parse::<u32>(), min.parse(), s.parse()) else {
            continue;
        };
        if let Some(ampm) = ampm {
            if h == 0 || h > 12 {
                continue;
            }
            let pm = ampm.as_str().starts_with('p');
            h = match (pm, h) {
                (false, 12) => 0,
                (true, 12) => 12,
                (true, h) => h + 12,
                (false, h) => h,
            };
        }
        if let Some(t) = NaiveTime::from_hms_opt(h, min, s) {
            return Some(t);
        }
    }
    None
}

/// The date (with its time and zone when written) in a short piece of
/// text, as RFC 3339. A time without a zone is taken as UTC, as
/// `normalise_date` does.
pub fn parse_text_date(text: &str) -> Option<String> {
    let lower = spaced_iso(&text.to_lowercase()).into_owned();
    let (date, start, end) = find_date(&lower)?;
    // The time is looked for after the date, then before it ("8:22AM,
    // Monday, November 18").
    let time = find_time(&lower[end..]).or_else(|| find_time(&lower[..start]));
    let time = time.unwrap_or_default();
    let offset = zone_offset(&lower[end..])
        .or_else(|| zone_offset(&lower[..start]))
        .or_else(|| us_zone(&lower, date))
        .or_else(|| central_european(&lower, date))
        .unwrap_or_else(|| FixedOffset::east_opt(0).expect("zero offset"));
    let local = offset.from_local_datetime(&date.and_time(time)).single()?;
    Some(local.to_rfc3339_opts(SecondsFormat::Secs, true))
}

/// `text` with its ISO 8601 timestamps ("2019-11-20T09:01:00.000Z") as
/// date lines print them ("2019-11-20 09:01:00 Z"): the date, the time
/// to the second and the zone, apart.
fn spaced_iso(text: &str) -> std::borrow::Cow<'_, str> {
    static ISO: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\b(\d{4}-\d{2}-\d{2})t(\d{2}:\d{2}(?::\d{2})?)(?:[.,]\d{1,9})?(z\b)?")
            .expect("valid ISO 8601 pattern")
    });
    // Most texts have no digit, "T", digit run: a byte scan tells.
    let iso_like = text
        .as_bytes()
        .windows(3)
        .any(|w| w[0].is_ascii_digit() && matches!(w[1], b'T' | b't') && w[2].is_ascii_digit());
    if !iso_like {
        return std::borrow::Cow::Borrowed(text);
    }
    ISO.replace_all(text, "$1 $2 $3")
}

/// A date in a URL path: `/2019/11/19/`, `/2019/nov/19/`, `/2019-11-19/`.
pub fn date_from_url(url: &str) -> Option<String> {
    static URL_DATE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"/(?P<y>(?:19|20)\d{2})[/-](?P<m>0?[1-9]|1[0-2]|[a-z]{3,9})[/-](?P<d>0?[1-9]|[12]\d|3[01])(?:[/._-]|$)",
        )
        .expect("valid URL date pattern")
    });
    let path = url::Url::parse(url).ok()?.path().to_ascii_lowercase();
    let caps = URL_DATE.captures(&path)?;
    let y: i32 = caps["y"].parse().ok()?;
    let m = caps["m"].parse().ok().or_else(|| month(&caps["m"]))?;
    let d: u32 = caps["d"].parse().ok()?;
    let date = NaiveDate::from_ymd_opt(y, m, d)?.and_hms_opt(0, 0, 0)?;
    Some(date.and_utc().to_rfc3339_opts(SecondsFormat::Secs, true))
}

/// What a date line says.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DateLine {
    pub published: Option<String>,
    pub updated: Option<String>,
    /// An update that gives its time and no day ("Updated at 1:23
    /// p.m."), as written: it is the day the article is dated
    /// ([`update_on_day`]).
    pub update_time: Option<String>,
}

/// An editor's note that gives an update as a sentence ("Note: This
/// article was last updated on …", "Dieser Artikel wurde zuletzt am …
/// aktualisiert"): a label of [`LABEL`] and [`UPDATE_LABEL`].
const UPDATE_NOTE: &str = r"(?:(?:(?:editor[’']?s\s+)?note|hinweis)\s*:\s*)?(?:(?:this|the)\s+(?:story|article|post|report|piece|page)\s+(?:was|has\s+been)\s+(?:last\s+)?(?:updated|modified)|(?:dieser|der)\s+(?:artikel|beitrag|text)\s+wurde\s+zuletzt)\b";

/// Labels that open or sit inside a date line, [`UPDATE_NOTE`] among
/// them.
static LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?i)\b{UPDATE_NOTE}|\b(?:(?:this\s+(?:story|article|post|report|piece)\s+was\s+)?(?:originally|first)\s+)?(?:published|posted|updated|(?:laatste\s+)?update|last\s+updated|last\s+modified|modified|veröffentlicht|aktualisiert|zuletzt\s+aktualisiert|stand|erstellt|publié|mis\s+à\s+jour|publicado|actualizado|pubblicato|aggiornato|modificato|modifica|gepubliceerd|bijgewerkt|aangepast|gewijzigd|atualizad[oa]|publicad[oa]\s+em|opublikowano|zaktualizowano|aktualizacja|publisert|oppdatert|publicerad|uppdaterad|publiceret|opdateret|julkaistu|päivitetty|oluşturulma\s+tarihi|güncellenme\s+tarihi|güncelleme\s+tarihi|yayınlanma(?:\s+tarihi)?|giriş\s+tarihi|son\s+güncelleme|aktualizováno|publikováno|frissítve|publikálva|ενημερώθηκε|опубликовано|обновлено|آخر\s+تحديث|تحديث|نشر|تاريخ\s+النشر)\b|发布时间|更新时间|发布日期|更新日期|日期|时间|更新|发布|发表|發佈|時間|来源|來源|公開日|掲載日|投稿日|配信|最終更新|기사입력|입력|등록|최종수정|수정|업데이트"))
        .expect("valid date label pattern")
});

static UPDATE_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?i)\b{UPDATE_NOTE}|\b(?:updated|(?:laatste\s+)?update|last\s+updated|last\s+modified|modified|aktualisiert|stand|mis\s+à\s+jour|actualizado|aggiornato|modificato|modifica|bijgewerkt|aangepast|gewijzigd|atualizad[oa]|zaktualizowano|aktualizacja|oppdatert|uppdaterad|opdateret|päivitetty|güncellenme\s+tarihi|güncelleme\s+tarihi|son\s+güncelleme|aktualizováno|frissítve|ενημερώθηκε|обновлено|آخر\s+تحديث|تحديث)\b|更新|최종수정|수정|업데이트"))
        .expect("valid update label pattern")
});

/// Words that may sit in a date line besides the date and the label.
static FILLER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:on|at|in|am|um|uhr|kl|klo|le|à|el|de|der|den|the|of|et|and|und|il|alle|ore|op|om|em|às|dnia|godz|h|hrs|hours|ago|today|heute|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|miércoles|jueves|viernes|sábado|domingo|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|segunda|terça|quarta|quinta|sexta|feira|lunedì|martedì|mercoledì|giovedì|venerdì|sabato|domenica|poniedziałek|wtorek|środa|czwartek|piątek|sobota|niedziela|måndag|tisdag|onsdag|torsdag|fredag|lördag|söndag|mandag|tirsdag|lørdag|søndag|maanantai|tiistai|keskiviikko|torstai|perjantai|lauantai|sunnuntai|ponedjeljak|utorak|srijeda|četvrtak|petak|subota|nedjelja|ponedeljek|torek|sreda|četrtek|sobota|nedelja|pondělí|úterý|středa|čtvrtek|pátek|neděle|hétfő|kedd|szerda|csütörtök|péntek|szombat|vasárnap|uur|klo|kello|ob|godz|o|u|الأحد|الاثنين|الإثنين|الثلاثاء|الأربعاء|الخميس|الجمعة|السبت|a|m|p|am|pm|utc|gmt|est|edt|cst|cdt|mst|mdt|pst|pdt|bst|cet|cest|mez|mesz|ist|jst|aest|aedt|et|ct|pt)$",
    )
    .expect("valid filler pattern")
});

/// Whether `text` names what a date dates ("Published", "Updated",
/// "Veröffentlicht", "发布时间").
pub fn is_labelled(text: &str) -> bool {
    LABEL.is_match(text)
}

/// Whether `text` is a date line and what it says, else `None`. A date
/// line holds a date or a labelled time ("Updated at 1:23 p.m.") and
/// nothing else but labels, weekdays, time zones and separators.
pub fn date_line(text: &str) -> Option<DateLine> {
    // The text of elements side by side, as "…Nov. 20, 2019" and an
    // "Updated …" span, runs together: a word glued to a number or to a
    // zone in capitals ("…GMTUpdated") starts anew.
    static GLUED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(\d|\b\p{Lu}{2,})(\p{Lu}\p{Ll})").expect("valid glued word pattern")
    });
    let text = crate::vocabulary::text::one_line(&spaced_iso(&GLUED.replace_all(text, "$1 $2")));
    if text.is_empty() || text.chars().count() > 160 {
        return None;
    }
    // "Release: 14.11.2019" dates something else than the article.
    if !has_date_hint(&text) || other_date_label(&text) {
        return None;
    }
    let lower = text.to_lowercase();
    let has_date = find_date(&lower).is_some();
    let labelled = LABEL.is_match(&text);
    if !(has_date || (labelled && find_time(&lower).is_some())) {
        return None;
    }
    // What is left once dates, times, labels and filler are gone must be
    // at most one stray word (a city, "Reuters" would be two with a name).
    // Chinese date lines name the source, the author and the view count
    // beside the date ("2019-08-13 14:07 来源：澎湃新闻·政务", "发布时间:
    // 2018-05-17 | 浏览次数: 2168"), and others the category ("24.01.2022
    // 11:38 Kategorie: News"): each field's value is the line's too.
    static FIELD: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:来源|來源|作者|责任编辑|責任編輯|编辑|編輯|浏览次数|瀏覽次數|浏览|阅读|點擊|点击|字号|所属分类|分类|\b(?:kategorie|category|rubrik|ressort|categoría|catégorie|categoria)\b)\s*[:：]\s*[^\s|｜]*")
            .expect("valid field pattern")
    });
    let mut rest = FIELD.replace_all(&lower, " ").to_string();
    rest = LABEL.replace_all(&rest, " ").to_string();
    for re in DATE_PATTERNS.iter() {
        rest = re.replace_all(&rest, " ").to_string();
    }
    rest = US_ZONE.replace_all(&rest, " ").to_string();
    rest = TIME.replace_all(&rest, " ").to_string();
    rest = ZONE.replace_all(&rest, " ").to_string();
    let stray = rest
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !FILLER.is_match(w) && !w.chars().all(|c| c.is_ascii_digit()))
        .count();
    if stray > 1 {
        return names_and_date(&text);
    }
    // "Wed 20 Nov 2019 17.27 GMT First published on Wed 20 Nov 2019
    // 10.00 GMT", "Updated: Nov. 20 | Originally published: Nov. 19": the
    // date before the label is the update's.
    static FIRST_RAN: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\b(?:originally|first)\s+(?:published|posted)\b|\b(?:erstmals|ursprünglich)\s+veröffentlicht\b|\bpublié\s+(?:initialement|pour\s+la\s+première\s+fois)\b")
            .expect("valid first-published pattern")
    });
    if let Some(m) = FIRST_RAN.find(&text).filter(|m| m.start() > 0)
        && let Some(published) = parse_text_date(&text[m.start()..])
    {
        return Some(DateLine {
            published: Some(published),
            updated: parse_text_date(&text[..m.start()]),
            update_time: None,
        });
    }
    // "April 28, 2019 at 6:01 am Updated April 29, 2019 at 3:33 pm".
    let (first, second) = match UPDATE_LABEL.find(&text) {
        Some(m) if m.start() > 0 => (&text[..m.start()], Some(&text[m.start()..])),
        Some(_) => ("", Some(text.as_str())),
        None => (text.as_str(), None),
    };
    // An update that gives only its time is the publishing day's ("28
    // August 2013, last updated 14:00", "7. října 2020 14:22,
    // aktualizováno 15:10"), at the publishing time's offset unless it
    // names its own zone.
    let published = parse_text_date(first);
    let updated = second.and_then(|second| {
        parse_text_date(second).or_else(|| {
            find_date(&second.to_lowercase())
                .is_none()
                .then(|| update_on_day(second, published.as_deref()?))
                .flatten()
        })
    });
    // An update with a time and no day anywhere in the line.
    let update_time = second
        .filter(|_| updated.is_none() && !has_date)
        .filter(|second| find_time(&second.to_lowercase()).is_some())
        .map(str::to_string);
    Some(DateLine {
        published,
        updated,
        update_time,
    })
}

/// The instant of an update that gave only its time (`update`, as
/// written: "Updated at 1:23 p.m.") on the day of `published` (RFC 3339):
/// at the zone the update names, else at the publishing date's offset.
/// `None` unless that is after the publishing time.
pub fn update_on_day(update: &str, published: &str) -> Option<String> {
    let published = chrono::DateTime::parse_from_rfc3339(published).ok()?;
    let day = published.date_naive().format("%Y-%m-%d");
    let read = parse_text_date(&format!("{day} {update}"))?;
    // A zone the line names stands ("GMT" reads as offset zero, which
    // `in_zone` would take for no zone at all).
    let read = if ZONE.is_match(&update.to_lowercase()) {
        read
    } else {
        in_zone(&read, Some(*published.offset()))
    };
    let instant = chrono::DateTime::parse_from_rfc3339(&read).ok()?;
    (instant > published).then_some(read)
}

/// A date set off by bars among a few names, a place or a section
/// ("Patricio Candia | Palma de Mallorca | 08/01/2014"): a byline and
/// date line in one. Or a date and its time set off by slashes before the
/// newsroom that ran it ("November 19, 2019 / 8:22 AM / CBS News"); an
/// event's day, hour and hall ("Saturday, Dec. 7, 2019 / 7:30 p.m. /
/// Harbour Hall") is no date line.
fn names_and_date(text: &str) -> Option<DateLine> {
    if let Some((date, newsroom)) = text.rsplit_once(" / ")
        && is_newsroom(newsroom)
    {
        return date_line(&date.replace(" / ", " "));
    }
    let parts: Vec<&str> = text
        .split(['|', '·', '•'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    if !(2..=4).contains(&parts.len()) {
        return None;
    }
    let mut dated = None;
    for part in parts {
        if has_date_hint(part) {
            if dated.is_some() {
                return None;
            }
            dated = Some(date_line(part)?);
        } else if part.split_whitespace().count() > 4
            || part.contains(|c: char| c.is_numeric())
            || !super::byline::is_capitalised(part)
        {
            return None;
        }
    }
    dated
}

/// Whether `name` is a newsroom's ("CBS News", "Associated Press",
/// "Reuters"): a few capitalised words, the last a newsroom's word.
fn is_newsroom(name: &str) -> bool {
    const LAST_WORDS: &[&str] = &[
        "news", "press", "reuters", "ap", "afp", "wire", "times", "post", "herald", "tribune",
        "journal", "radio", "tv",
    ];
    let name = name.trim();
    name.split_whitespace().count() <= 4
        && super::byline::is_capitalised(name)
        && name
            .split_whitespace()
            .last()
            .is_some_and(|w| LAST_WORDS.contains(&w.to_lowercase().as_str()))
}

/// The date of a dateline that opens a story's first paragraph, before
/// the dash that sets it off: "April 17, 2015 -- Imagine …", "BERLIN,
/// 19. November 2019 – Die …", "NEW YORK, Nov. 19, 2019 /PRNewswire/ --
/// …". A date later in the sentence is the story's, not the article's.
pub fn dateline(paragraph: &str) -> Option<String> {
    static DASH: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\s(?:--|—|–|-)\s|—|/[A-Za-z]+wire/").expect("valid dateline dash")
    });
    let head: String = paragraph.chars().take(DATELINE_CHARS + 5).collect();
    let end = DASH.find(&head)?.start();
    let before = head[..end].trim();
    if before.chars().count() > DATELINE_CHARS || !has_date_hint(before) {
        return None;
    }
    // Only a place may come before the date, set off by a comma, and
    // only a time after it.
    let lower = before.to_lowercase();
    let (_, start, end) = find_date(&lower)?;
    let place = lower[..start].trim();
    let place_ok =
        place.is_empty() || (place.ends_with(',') && place.split_whitespace().count() <= 4);
    if !place_ok || lower[end..].trim().chars().count() > 16 {
        return None;
    }
    parse_text_date(before)
}

/// The longest dateline before its dash: a place, an agency and a date.
const DATELINE_CHARS: usize = 60;

/// A line that dates a post and names who posted it, as blog and CMS
/// themes print it: "11.05.2012, 10:22 von jovelstefan", "Gespeichert
/// von rasos am 24. Juli 2017 - 18:55", "Submitted by Jo Roe on Mon,
/// 07/24/2017 - 18:55". Its date and the name (up to three words). A
/// date or a posting label must come before "by": "Approved by the
/// council on 5 May 2019" is a sentence, "By Jo Roe, March 25, 2015" a
/// byline.
pub fn posted_line(text: &str) -> Option<(DateLine, String)> {
    static BY: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(?:^|[\s,;|])(?P<label>(?:posted|submitted|written|published|gespeichert|geschrieben|verfasst|erstellt|eingestellt|publié|écrit|publicado|escrito|pubblicato|scritto)\s+)?(?:by|von|par|por|di|door)\s+")
            .expect("valid posted-by pattern")
    });
    let text = crate::vocabulary::text::one_line(text);
    if text.chars().count() > POSTED_LINE_CHARS || !has_date_hint(&text) {
        return None;
    }
    let caps = BY.captures(&text)?;
    let by = caps.get(0)?;
    let before = text[..by.start()]
        .trim()
        .trim_end_matches([',', '|', '-', '–', '—']);
    // A line that opens with "By" and a name is a byline, the byline's
    // to handle: on a page of several stories each has its own.
    if before.is_empty() && caps.name("label").is_none() {
        return None;
    }
    if !before.is_empty() && date_line(before).is_none() {
        return None;
    }
    let words: Vec<&str> = text[by.end()..].split_whitespace().collect();
    (1..=words.len().min(3)).rev().find_map(|n| {
        let name = words[..n].join(" ");
        let name = name.trim_end_matches([',', '|', ';']);
        if name.is_empty()
            || name.contains(|c: char| c.is_numeric())
            || words[..n]
                .iter()
                .any(|w| FILLER.is_match(&w.to_lowercase()))
        {
            return None;
        }
        let rest = format!("{before} {}", words[n..].join(" "));
        let line = date_line(rest.trim()).filter(|l| l.published.is_some())?;
        Some((line, name.to_string()))
    })
}

/// The longest line read as a posted-by line.
const POSTED_LINE_CHARS: usize = 120;

/// Whether `text` opens with a label that names some other date than the
/// article's ("Release:", "Termin:", "Deadline:"), or opens with a
/// correction's word ("Correction, 8/22/19, 10:15 a.m. ET:",
/// "Clarification (Nov. 21):"): the note the story keeps: not a publishing or update
/// label, nor a plain "Date:".
pub fn other_date_label(text: &str) -> bool {
    static CORRECTION: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^\W*(?:correction|clarification|berichtigung|korrektur|rectificatif|rectification|corrección|fe de erratas|correção|rettifica)\b")
            .expect("valid correction label")
    });
    static LEADING: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\s*(\p{L}[\p{L}\s.]{0,30}?)\s*:").expect("valid leading label")
    });
    static PLAIN: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^(?:date|dated|datum|fecha|data|am|on|le|note|hinweis)$")
            .expect("valid plain label")
    });
    CORRECTION.is_match(text)
        || LEADING
            .captures(text)
            .is_some_and(|c| !LABEL.is_match(&c[1]) && !PLAIN.is_match(c[1].trim()))
}

/// Whether the bytes after a digit go on as a French time ("11h27") or
/// a date with a two-digit year ("18/09/19").
fn short_date_or_time(after: &[u8]) -> bool {
    let digit = |i: usize| after.get(i).is_some_and(u8::is_ascii_digit);
    match after.first() {
        Some(b'h') => digit(1) && digit(2),
        Some(b'/') => {
            let second = if digit(2) { 3 } else { 2 };
            digit(1) && after.get(second) == Some(&b'/') && digit(second + 1)
        }
        _ => false,
    }
}

/// Whether `text` could hold a date or a time: a four-digit year, a
/// colon, a CJK time mark, a digit before "am"/"pm", a French time or a
/// date with a two-digit year. Most blocks fail this byte scan and skip
/// the date patterns.
fn has_date_hint(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut run = 0;
    for (i, b) in bytes.iter().enumerate() {
        if b.is_ascii_digit() {
            run += 1;
            if run == 4 {
                return true;
            }
            let next = bytes.get(i + 1..i + 4).unwrap_or_default();
            let next: Vec<u8> = next
                .iter()
                .filter(|b| **b != b' ')
                .map(u8::to_ascii_lowercase)
                .collect();
            let raw = bytes.get(i + 1..).unwrap_or_default();
            if next.first() == Some(&b':')
                || short_date_or_time(raw)
                || next.starts_with(b"am")
                || next.starts_with(b"pm")
                || next.starts_with(b"a.")
                || next.starts_with(b"p.")
            {
                return true;
            }
        } else {
            run = 0;
        }
    }
    text.contains(['时', '時'])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn written_dates_become_rfc3339() {
        let cases = [
            (
                "Updated 5:27 am CST, Wednesday, November 20, 2019",
                Some("2019-11-20T05:27:00-06:00"),
            ),
            (
                "Published Monday, November 18, 2019 8:22AM EST",
                Some("2019-11-18T08:22:00-05:00"),
            ),
            ("Nov. 3, 2026", Some("2026-11-03T00:00:00Z")),
            (
                "20. November 2019, 18:30 Uhr",
                Some("2019-11-20T18:30:00+01:00"),
            ),
            (
                "Stand: 14.07.2021, 09:15 Uhr",
                Some("2021-07-14T09:15:00+02:00"),
            ),
            ("3 de marzo de 2021", Some("2021-03-03T00:00:00Z")),
            ("16 marca 2021", Some("2021-03-16T00:00:00Z")),
            ("3 de março de 2021", Some("2021-03-03T00:00:00Z")),
            ("10:30, 19 июня 2021", Some("2021-06-19T10:30:00Z")),
            ("14-May-2024", Some("2024-05-14T00:00:00Z")),
            ("2018年6月19日 10:20", Some("2018-06-19T10:20:00Z")),
            ("24.01.2022 11:38", Some("2022-01-24T11:38:00Z")),
            ("2026-11-27", Some("2026-11-27T00:00:00Z")),
            ("1:23 p.m. on 11/19/2019", Some("2019-11-19T13:23:00Z")),
            // Day first only where the month cannot come first.
            ("20/06/2019", Some("2019-06-20T00:00:00Z")),
            ("05/10/2018", Some("2018-05-10T00:00:00Z")),
            ("26 Okt 2018", Some("2018-10-26T00:00:00Z")),
            ("Dec 28 Sat 2013 00:28", Some("2013-12-28T00:28:00Z")),
            ("3 déc. 2019", Some("2019-12-03T00:00:00Z")),
            ("12 ago 2020", Some("2020-08-12T00:00:00Z")),
            // American zones named without their season.
            (
                "Published 5:04 a.m. ET March 12, 2019",
                Some("2019-03-12T05:04:00-04:00"),
            ),
            (
                "Updated 2:14 PM PT, Tue November 12, 2019",
                Some("2019-11-12T14:14:00-08:00"),
            ),
            (
                "19 novembre 2019 et 20 novembre",
                Some("2019-11-19T00:00:00Z"),
            ),
            // Two-digit years.
            ("11/20/19 06:00 AM EST", Some("2019-11-20T06:00:00-05:00")),
            ("23.09.22", Some("2022-09-23T00:00:00Z")),
            ("3/9/98", Some("1998-03-09T00:00:00Z")),
            // More languages' month names.
            ("5. března 2020", Some("2020-03-05T00:00:00Z")),
            ("12. lokakuuta 2019", Some("2019-10-12T00:00:00Z")),
            ("Mayıs 18, 2020 11:42", Some("2020-05-18T11:42:00Z")),
            ("12 Ιουλίου 2019", Some("2019-07-12T00:00:00Z")),
            ("3. desember 2019", Some("2019-12-03T00:00:00Z")),
            ("2019. március 5.", Some("2019-03-05T00:00:00Z")),
            ("18 MAYIS 2020", Some("2020-05-18T00:00:00Z")),
            ("18 NİSAN 2020", Some("2020-04-18T00:00:00Z")),
            ("12 ΙΟΥΛΙΟΥ 2019", Some("2019-07-12T00:00:00Z")),
            // Croatian, Serbian, Slovenian, Slovak, Romanian, Estonian,
            // Ukrainian, Bulgarian and Catalan months.
            ("14. srpnja 2019. u 18:30", Some("2019-07-14T18:30:00Z")),
            ("2. studenoga 2019.", Some("2019-11-02T00:00:00Z")),
            ("12. septembar 2019.", Some("2019-09-12T00:00:00Z")),
            ("3. avgusta 2020", Some("2020-08-03T00:00:00Z")),
            ("12. junija 2020 ob 10:15", Some("2020-06-12T10:15:00Z")),
            ("15. júna 2020", Some("2020-06-15T00:00:00Z")),
            ("7 octombrie 2019, 14:20", Some("2019-10-07T14:20:00Z")),
            ("5. detsember 2019", Some("2019-12-05T00:00:00Z")),
            ("3 грудня 2019", Some("2019-12-03T00:00:00Z")),
            ("5 декември 2019", Some("2019-12-05T00:00:00Z")),
            ("5 d'octubre de 2019", Some("2019-10-05T00:00:00Z")),
            ("21 de desembre de 2019", Some("2019-12-21T00:00:00Z")),
            // "listopada" is November in Polish (and October in Croatian).
            ("5 listopada 2019", Some("2019-11-05T00:00:00Z")),
            // Day first where the month cannot come first, as French
            // sites print it ("Publié le 18/09/19 à 11h27").
            ("Publié le 18/09/19 à 11h27", Some("2019-09-18T11:27:00Z")),
            ("version 1.2.19a", None),
            ("no date here", None),
            ("Room 2026", None),
        ];
        for (text, want) in cases {
            assert_eq!(parse_text_date(text).as_deref(), want, "{text}");
        }
    }

    /// "05/06/2019" is 6 May in American English and 5 June nearly
    /// everywhere else: the page's language decides.
    #[test]
    fn numeric_dates_are_read_in_the_pages_order() {
        for (lang, day_first) in [
            ("fr", true),
            ("es-ES", true),
            ("pt-BR", true),
            ("en-GB", true),
            ("en-AU", true),
            ("en", false),
            ("en-US", false),
            ("EN-us", false),
            // What `<meta>` tags hold besides language tags: a language's
            // name, a three-letter code, a list. Only a tag that names a
            // language other than American English reads day first.
            ("English", false),
            ("eng", false),
            ("en-US, en", false),
            ("fr-FR, en", true),
            ("fra", true),
            ("Deutsch", false),
            ("", false),
        ] {
            assert_eq!(reads_day_first(lang), day_first, "{lang}");
        }
        assert_eq!(
            parse_text_date("05/06/2019").as_deref(),
            Some("2019-05-06T00:00:00Z")
        );
        let day_first = |t: &str| {
            let _reading = read_day_first(true);
            parse_text_date(t)
        };
        assert_eq!(
            day_first("05/06/2019").as_deref(),
            Some("2019-06-05T00:00:00Z")
        );
        assert_eq!(
            day_first("Publié le 05/06/19 à 11h27").as_deref(),
            Some("2019-06-05T11:27:00Z")
        );
        // A date only one order can mean is read so either way.
        assert_eq!(
            day_first("11/20/2019").as_deref(),
            Some("2019-11-20T00:00:00Z")
        );
        // The reading ends with the page.
        assert_eq!(
            parse_text_date("05/06/2019").as_deref(),
            Some("2019-05-06T00:00:00Z")
        );
    }

    #[test]
    fn url_paths_date_articles() {
        let cases = [
            (
                "https://news.example/2019/11/19/ferry.html",
                Some("2019-11-19T00:00:00Z"),
            ),
            (
                "https://news.example/world/2019/nov/19/ferry",
                Some("2019-11-19T00:00:00Z"),
            ),
            (
                "https://news.example/2019-11-19/ferry",
                Some("2019-11-19T00:00:00Z"),
            ),
            ("https://news.example/2019/ferry-1119", None),
            ("https://news.example/ids/2019/13/40/", None),
        ];
        for (url, want) in cases {
            assert_eq!(date_from_url(url).as_deref(), want, "{url}");
        }
    }

    #[test]
    fn other_labels_name_other_dates() {
        for label in [
            "Release:",
            "Termin: 14.11.2019",
            "Deadline : 1 May 2020",
            "Correction, 8/22/19, 10:15 a.m. ET:",
            "Clarification (Nov. 21, 2019):",
        ] {
            assert!(other_date_label(label), "{label}");
        }
        for text in [
            "Erstellt am: 14.11.2019",
            "Updated: 1 May 2020",
            "Datum: 14.11.2019",
            "14.11.2019 11:38",
            "Harbour desk",
        ] {
            assert!(!other_date_label(text), "{text}");
        }
    }

    #[test]
    fn datelines_date_the_story() {
        let cases = [
            (
                "April 17, 2015 -- Imagine being sick in the hospital.",
                Some("2015-04-17T00:00:00Z"),
            ),
            (
                "BERLIN, 19. November 2019 – Die Fähre fährt wieder.",
                Some("2019-11-19T00:00:00Z"),
            ),
            (
                "NEW YORK, Nov. 19, 2019 /PRNewswire/ -- Harbour Ltd today said …",
                Some("2019-11-19T00:00:00Z"),
            ),
            ("WASHINGTON (AP) — The ferry left on Nov. 19, 2019.", None),
            ("The council met on November 20, 2019 - and voted.", None),
            ("The ferry left at dawn — as it has since 1990.", None),
        ];
        for (text, want) in cases {
            assert_eq!(dateline(text).as_deref(), want, "{text}");
        }
    }

    #[test]
    fn zone_less_times_take_the_zone_the_language_implies() {
        let zone = |lang: &str| language_zone(lang).map(|z| z.local_minus_utc() / 3600);
        assert_eq!(zone("ja"), Some(9));
        assert_eq!(zone("ko-KR"), Some(9));
        assert_eq!(zone("zh-Hans-CN"), Some(8));
        assert_eq!(zone("zh_TW"), Some(8));
        assert_eq!(zone("vi"), Some(7));
        // Languages written in several zones, or with summer time.
        for lang in ["en-US", "ru", "de", "es", "pt-BR", "ar"] {
            assert_eq!(zone(lang), None, "{lang}");
        }
        let tokyo = language_zone("ja");
        assert_eq!(
            in_zone("2018-06-19T10:30:00Z", tokyo),
            "2018-06-19T10:30:00+09:00"
        );
        // A date without a time keeps its day; no zone, no change.
        assert_eq!(
            in_zone("2018-06-19T00:00:00Z", tokyo),
            "2018-06-19T00:00:00Z"
        );
        assert_eq!(
            in_zone("2018-06-19T10:30:00Z", None),
            "2018-06-19T10:30:00Z"
        );
        assert_eq!(
            in_zone("2018-06-19T10:30:00-05:00", tokyo),
            "2018-06-19T10:30:00-05:00"
        );
    }

    #[test]
    fn posted_lines_give_the_date_and_the_name() {
        let cases = [
            (
                "11.05.2012, 10:22 von jovelstefan",
                "2012-05-11T10:22:00Z",
                "jovelstefan",
            ),
            (
                "Gespeichert von rasos am 24. Juli 2017 - 18:55",
                "2017-07-24T18:55:00Z",
                "rasos",
            ),
            (
                "Submitted by Jo Roe on Mon, 07/24/2017 - 18:55",
                "2017-07-24T18:55:00Z",
                "Jo Roe",
            ),
        ];
        for (text, date, name) in cases {
            let (line, who) = posted_line(text).unwrap_or_else(|| panic!("{text}"));
            assert_eq!(line.published.as_deref(), Some(date), "{text}");
            assert_eq!(who, name, "{text}");
        }
        for sentence in [
            "Approved by the council on 5 May 2019",
            "By the end of May 2019, the pier was open again to walkers",
            "Posted by Jo Roe",
            "By Jo Roe March 25, 2015",
        ] {
            assert_eq!(posted_line(sentence), None, "{sentence}");
        }
    }

    /// British pages write the minutes after a dot ("09.15 GMT"); a dot
    /// between two numbers with no zone or am/pm is a day and month.
    #[test]
    fn times_with_a_dot_before_a_zone_are_read() {
        for (text, want) in [
            ("Wednesday 3 March 2021 09.15 GMT", "2021-03-03T09:15:00Z"),
            ("Wed 3 Mar 2021 14.30 BST", "2021-03-03T14:30:00+01:00"),
            ("3 March 2021, 3.30pm", "2021-03-03T15:30:00Z"),
            ("3 March 2021 20.11", "2021-03-03T00:00:00Z"),
        ] {
            assert_eq!(parse_text_date(text).as_deref(), Some(want), "{text}");
        }
        let line = date_line("Last modified on Wed 3 Mar 2021 14.30 GMT").unwrap();
        assert_eq!(line.updated.as_deref(), Some("2021-03-03T14:30:00Z"));
    }

    /// "Updated at 1:23 p.m." names no day: it is the day the article is
    /// dated, at the publishing date's offset unless it names a zone.
    #[test]
    fn an_update_time_alone_is_on_the_publishing_day() {
        let line = date_line("Updated at 1:23 p.m.").unwrap();
        assert_eq!((line.published, line.updated), (None, None));
        assert_eq!(line.update_time.as_deref(), Some("Updated at 1:23 p.m."));
        // A line with a day has no time left to place.
        let line = date_line("November 14, 2023 11:27 AM GMT Updated 12:40").unwrap();
        assert_eq!(line.update_time, None);
        let published = "2021-01-12T07:30:00-08:00";
        assert_eq!(
            update_on_day("Updated at 1:23 p.m.", published).as_deref(),
            Some("2021-01-12T13:23:00-08:00")
        );
        assert_eq!(
            update_on_day("Updated 2:15 p.m. ET", published).as_deref(),
            Some("2021-01-12T14:15:00-05:00")
        );
        // Before the publishing time: no update.
        assert_eq!(update_on_day("Updated at 6:00 a.m.", published), None);
        assert_eq!(update_on_day("Updated at 1:23 p.m.", "yesterday"), None);
    }

    #[test]
    fn a_line_saying_when_the_story_first_ran_dates_it() {
        for text in [
            "This story was originally published January 12, 2021 7:30 AM.",
            "Originally published January 12, 2021 7:30 AM",
            "This article was first published on January 12, 2021 at 7:30 am",
        ] {
            let line = date_line(text).unwrap_or_else(|| panic!("{text}"));
            assert_eq!(
                line.published.as_deref(),
                Some("2021-01-12T07:30:00Z"),
                "{text}"
            );
        }
        // Where it ran first, with no date, is no date line.
        assert_eq!(
            date_line("This article was originally published on The Conversation."),
            None
        );
        // The date before "first published" is the last update's.
        for (text, published, updated) in [
            (
                "Wed 20 Nov 2019 17.27 GMT First published on Wed 20 Nov 2019 10.00 GMT",
                "2019-11-20T10:00:00Z",
                "2019-11-20T17:27:00Z",
            ),
            (
                "Updated: Nov. 20, 2019 | Originally published: Nov. 19, 2019",
                "2019-11-19T00:00:00Z",
                "2019-11-20T00:00:00Z",
            ),
        ] {
            let line = date_line(text).unwrap_or_else(|| panic!("{text}"));
            assert_eq!(line.published.as_deref(), Some(published), "{text}");
            assert_eq!(line.updated.as_deref(), Some(updated), "{text}");
        }
    }

    #[test]
    fn date_lines_are_told_from_text() {
        // Labels and words around the date in Italian, Dutch and Polish.
        for (text, published, updated) in [
            (
                "Pubblicato il 20 novembre 2019 alle 17:27",
                Some("2019-11-20T17:27:00Z"),
                None,
            ),
            (
                "Gepubliceerd op 20 november 2019 om 17:27",
                Some("2019-11-20T17:27:00Z"),
                None,
            ),
            (
                "Opublikowano: 20 listopada 2019",
                Some("2019-11-20T00:00:00Z"),
                None,
            ),
            (
                "Publié le 18/09/19 à 11h27, mis à jour le 19/09/19 à 08h05",
                Some("2019-09-18T11:27:00Z"),
                Some("2019-09-19T08:05:00Z"),
            ),
            // Scandinavian, Turkish and Czech labels.
            (
                "Publisert: 14.01.2020 11:47 Oppdatert: 14.01.2020 13:05",
                Some("2020-01-14T11:47:00Z"),
                Some("2020-01-14T13:05:00Z"),
            ),
            (
                "Publicerad 3 september 2019 Uppdaterad 4 september 2019",
                Some("2019-09-03T00:00:00Z"),
                Some("2019-09-04T00:00:00Z"),
            ),
            (
                "Oluşturulma Tarihi: Mayıs 18, 2020 11:42 Güncellenme Tarihi: Mayıs 18, 2020 13:05",
                Some("2020-05-18T11:42:00Z"),
                Some("2020-05-18T13:05:00Z"),
            ),
            (
                "Giriş Tarihi: 18.05.2020 11:42 Son Güncelleme: 18.05.2020 13:05",
                Some("2020-05-18T11:42:00Z"),
                Some("2020-05-18T13:05:00Z"),
            ),
            (
                "Publisert 14.01.2020 kl. 11:47 Oppdatert kl. 13:05",
                Some("2020-01-14T11:47:00Z"),
                Some("2020-01-14T13:05:00Z"),
            ),
            (
                "Published 5:27 a.m. ET Nov. 20, 2019 Updated 7:41 a.m.",
                Some("2019-11-20T05:27:00-05:00"),
                Some("2019-11-20T07:41:00-05:00"),
            ),
            (
                "7. října 2020 14:22, aktualizováno 15:10",
                Some("2020-10-07T14:22:00Z"),
                Some("2020-10-07T15:10:00Z"),
            ),
            (
                "Zaktualizowano: 21 listopada 2019",
                None,
                Some("2019-11-21T00:00:00Z"),
            ),
            // An editor's note that gives the update as a sentence.
            (
                "Note: This article was last updated on November 19, 2019.",
                None,
                Some("2019-11-19T00:00:00Z"),
            ),
            (
                "Editor’s note: This article was last updated on November 19, 2019.",
                None,
                Some("2019-11-19T00:00:00Z"),
            ),
            (
                "This story has been updated on Nov. 19, 2019 at 5:27 p.m.",
                None,
                Some("2019-11-19T17:27:00Z"),
            ),
            // Machine timestamps printed as text (ISO 8601).
            ("2019-11-20T09:01:00Z", Some("2019-11-20T09:01:00Z"), None),
            (
                "Published: 2019-11-20T09:01:00.000Z",
                Some("2019-11-20T09:01:00Z"),
                None,
            ),
            (
                "Posted 2019-11-20T09:01:00-05:00 | Updated 2019-11-20T10:15:00-05:00",
                Some("2019-11-20T09:01:00-05:00"),
                Some("2019-11-20T10:15:00-05:00"),
            ),
            (
                "Hinweis: Dieser Artikel wurde zuletzt am 19.11.2019 aktualisiert.",
                None,
                Some("2019-11-19T00:00:00Z"),
            ),
            // Weekdays and the hour's word in more languages.
            (
                "zondag 20 oktober 2019 om 11.42 uur laatste update: 15.08 uur",
                Some("2019-10-20T11:42:00Z"),
                Some("2019-10-20T15:08:00Z"),
            ),
            (
                "Mittwoch, 22. Januar 2020, 14.23 Uhr",
                Some("2020-01-22T14:23:00+01:00"),
                None,
            ),
            (
                "segunda-feira, 11 de novembro de 2019",
                Some("2019-11-11T00:00:00Z"),
                None,
            ),
            (
                "torstai 5.9.2019 klo 14:20",
                Some("2019-09-05T14:20:00Z"),
                None,
            ),
            (
                "tirsdag 11. februar 2020 kl. 05:00",
                Some("2020-02-11T05:00:00Z"),
                None,
            ),
            (
                "martedì 14 gennaio 2020",
                Some("2020-01-14T00:00:00Z"),
                None,
            ),
            (
                "wtorek, 12 listopada 2019 o godz. 10:15",
                Some("2019-11-12T10:15:00Z"),
                None,
            ),
            (
                "sreda, 22. januar 2020 ob 14:23",
                Some("2020-01-22T14:23:00Z"),
                None,
            ),
        ] {
            let line = date_line(text).unwrap_or_else(|| panic!("{text}"));
            assert_eq!(line.published.as_deref(), published, "{text}");
            assert_eq!(line.updated.as_deref(), updated, "{text}");
        }
        let line = date_line("Updated 5:27 am CST, Wednesday, November 20, 2019").unwrap();
        assert_eq!(line.published, None);
        assert_eq!(line.updated.as_deref(), Some("2019-11-20T05:27:00-06:00"));
        let line = date_line("Published Monday, November 18, 2019 8:22AM EST").unwrap();
        assert_eq!(line.published.as_deref(), Some("2019-11-18T08:22:00-05:00"));
        // An American zone without its season, as Gannett's pages write it.
        let line =
            date_line("Published 6:00 a.m. MT Aug. 20, 2019 | Updated 11:14 a.m. MT Aug. 20, 2019")
                .unwrap();
        assert_eq!(line.published.as_deref(), Some("2019-08-20T06:00:00-06:00"));
        assert_eq!(line.updated.as_deref(), Some("2019-08-20T11:14:00-06:00"));
        let line =
            date_line("April 28, 2019 at 6:01 am Updated April 29, 2019 at 3:33 pm").unwrap();
        assert_eq!(line.published.as_deref(), Some("2019-04-28T06:01:00Z"));
        assert_eq!(line.updated.as_deref(), Some("2019-04-29T15:33:00Z"));
        assert!(date_line("Updated at 1:23 p.m.").is_some());
        assert!(date_line("This story was updated at 5:27 p.m.").is_some());
        // A sentence about an update is not a date line.
        for text in [
            "This story was updated on Monday to include comment from the council.",
            "The article was last updated by the council on November 19, 2019, after the vote.",
        ] {
            assert!(date_line(text).is_none(), "{text}");
        }
        let line =
            date_line("Posted: Nov 19, 2019 / 11:23 AM EST / Updated: Nov 20, 2019 / 05:27 AM CST")
                .unwrap();
        assert_eq!(line.published.as_deref(), Some("2019-11-19T11:23:00-05:00"));
        assert_eq!(line.updated.as_deref(), Some("2019-11-20T05:27:00-06:00"));
        let line = date_line("Veröffentlicht am 20.11.2019 um 10:30 Uhr").unwrap();
        assert_eq!(line.published.as_deref(), Some("2019-11-20T10:30:00+01:00"));
        let line = date_line("Stand: 20.11.2019, 10:30 Uhr").unwrap();
        assert_eq!(line.updated.as_deref(), Some("2019-11-20T10:30:00+01:00"));
        let line = date_line("Aangepast: 19 november 2019, 16:05").unwrap();
        assert_eq!(line.updated.as_deref(), Some("2019-11-19T16:05:00Z"));
        assert!(date_line("2018年6月19日 10:20").is_some());
        // A category after the date, as the line is set under a headline.
        let line = date_line("24.01.2022 11:38 Kategorie: News").unwrap();
        assert_eq!(line.published.as_deref(), Some("2022-01-24T11:38:00Z"));
        // Korean and Japanese labels, and the year first with dots.
        let line = date_line("입력 2019.06.19 10:20 수정 2019.06.19 11:05").unwrap();
        assert_eq!(line.published.as_deref(), Some("2019-06-19T10:20:00Z"));
        assert_eq!(line.updated.as_deref(), Some("2019-06-19T11:05:00Z"));
        let line = date_line("公開日：2019年6月19日 最終更新：2019年6月20日").unwrap();
        assert_eq!(line.published.as_deref(), Some("2019-06-19T00:00:00Z"));
        assert_eq!(line.updated.as_deref(), Some("2019-06-20T00:00:00Z"));
        assert_eq!(
            parse_text_date("2019. 6. 19.").as_deref(),
            Some("2019-06-19T00:00:00Z")
        );
        // Gannett's line, the update in a span right after the date.
        let line =
            date_line("Published 5:27 a.m. ET Nov. 20, 2019Updated 7:41 a.m. ET Nov. 20, 2019")
                .unwrap();
        assert_eq!(line.published.as_deref(), Some("2019-11-20T05:27:00-05:00"));
        assert_eq!(line.updated.as_deref(), Some("2019-11-20T07:41:00-05:00"));
        let line = date_line("November 14, 2023 11:27 AM GMTUpdated 2 hours ago").unwrap();
        assert_eq!(line.published.as_deref(), Some("2023-11-14T11:27:00Z"));
        let line = date_line("Обновлено: 10:30, 19 июня 2021").unwrap();
        assert_eq!(line.updated.as_deref(), Some("2021-06-19T10:30:00Z"));
        let line = date_line("Atualizado em 19 de junho de 2020").unwrap();
        assert_eq!(line.updated.as_deref(), Some("2020-06-19T00:00:00Z"));
        // Arabic, the month in both its names (CNN Arabic).
        let line = date_line("الأربعاء، 28 آب/اغسطس 2013، آخر تحديث 14:00 (GMT+0400)").unwrap();
        assert_eq!(line.published.as_deref(), Some("2013-08-28T00:00:00Z"));
        assert_eq!(line.updated.as_deref(), Some("2013-08-28T14:00:00+04:00"));
        assert_eq!(
            parse_text_date("5 كانون الأول 2019").as_deref(),
            Some("2019-12-05T00:00:00Z")
        );
        // A post's date and its category ("January 29th, 2013 in Pop").
        let line = date_line("January 29th, 2013 in Pop").unwrap();
        assert_eq!(line.published.as_deref(), Some("2013-01-29T00:00:00Z"));
        let line = date_line("Jo Roe | Palma de Mallorca | Nov. 20, 2019").unwrap();
        assert_eq!(line.published.as_deref(), Some("2019-11-20T00:00:00Z"));
        // The date, its time and the newsroom, set apart by slashes.
        let line = date_line("November 19, 2019 / 8:22 AM / CBS News").unwrap();
        assert_eq!(line.published.as_deref(), Some("2019-11-19T08:22:00Z"));
        for text in [
            "The council met on November 20, 2019 to vote on the ferry.",
            "Jo Roe | the council met on Nov. 20, 2019",
            "Jo Roe | Nov. 20, 2019 | Nov. 21, 2019",
            "Nov. 20, 2019 / the council met / 8:22 AM",
            "November 19, 2019 / the night the ferry sank",
            // An event's listing.
            "Saturday, Dec. 7, 2019 / 7:30 p.m. / Harbour Hall",
            "Saturday, Dec. 7, 2019 | 7:30 p.m. | Harbour Hall",
            "Samstag, 7. Dezember 2019 / 19:30 Uhr / Stadthalle Brightsea",
            "At 5:27 am the ferry left.",
            "Room 2026",
            "November 20, 2019: the night the ferry sank, remembered by its crew",
            "Release: 14.11.2019",
        ] {
            assert_eq!(date_line(text), None, "{text}");
        }
    }
}
