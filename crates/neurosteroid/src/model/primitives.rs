//! Small validated value types shared by every entity: ids, dates, versions, text, numbers.
//!
//! Each type checks at deserialisation exactly what its JSON Schema says (the pattern or
//! range is one constant used by both), so `--level schema` and the exported schema agree.
//! Checks no JSON Schema can express (a calendar date that does not exist) are semantic
//! rules, run at `--level full`.

use std::fmt;
use std::sync::LazyLock;

use regex::Regex;
use serde::{Deserialize, Serialize};

use super::InvalidValue;
use super::refusal::{Refusal, checked_type};
use crate::diagnostic::Code;

/// Pattern of an entity id: a lowercase slug.
pub(crate) const ID_PATTERN: &str = "^[a-z0-9]+(-[a-z0-9]+)*$";
/// Longest id accepted.
pub(crate) const ID_MAX_LEN: usize = 80;
/// Pattern of a date (`YYYY-MM-DD`); the calendar check is a semantic rule.
pub(crate) const DATE_PATTERN: &str = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$";
/// Pattern of `schema_version`: semver with major version 1, the only one this library reads.
pub(crate) const SCHEMA_VERSION_PATTERN: &str = "^1\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)$";
/// Pattern of a molecular formula in Hill-like notation (`C21H34O2`).
pub(crate) const FORMULA_PATTERN: &str = "^([A-Z][a-z]?[0-9]*)+$";
/// Pattern of an `http(s)` URL.
pub(crate) const URL_PATTERN: &str = "^https?://[!-~]+$";
/// Pattern of a gene symbol (HGNC style).
pub(crate) const SYMBOL_PATTERN: &str = "^[A-Za-z0-9][A-Za-z0-9-]*$";
/// Pattern of a UCUM unit string (characters only; the grammar is a semantic rule).
pub(crate) const UNIT_PATTERN: &str = "^[A-Za-z0-9.\\/\\[\\]{}%'*^-]+$";

macro_rules! regex {
    ($name:ident, $pat:expr) => {
        static $name: LazyLock<Regex> =
            LazyLock::new(|| Regex::new($pat).unwrap_or_else(|_| unreachable!("constant pattern")));
    };
}
regex!(ID_RE, ID_PATTERN);
regex!(DATE_RE, DATE_PATTERN);
regex!(VERSION_RE, SCHEMA_VERSION_PATTERN);
regex!(FORMULA_RE, FORMULA_PATTERN);
regex!(URL_RE, URL_PATTERN);
regex!(SYMBOL_RE, SYMBOL_PATTERN);
regex!(UNIT_RE, UNIT_PATTERN);

/// Declares a string newtype checked against a pattern at deserialisation.
macro_rules! pattern_string {
    ($(#[$doc:meta])* $name:ident, $re:ident, $pattern:expr, $article:literal $what:literal, $form:literal, $max:expr) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
        #[serde(into = "String")]
        pub struct $name(String);

        impl $name {
            /// The string form.
            pub fn as_str(&self) -> &str {
                &self.0
            }

            fn check(s: String) -> Result<Self, Refusal> {
                let max: Option<usize> = $max;
                if let Some(max) = max {
                    if s.chars().count() > max {
                        return Err(Refusal::new(Code::Range, format!("{} is longer than {max} characters", $what)));
                    }
                }
                if $re.is_match(&s) {
                    Ok($name(s))
                } else {
                    // The form in words, not the regular expression: the message is for people.
                    Err(Refusal::new(
                        Code::Pattern,
                        format!("`{}` is not a valid {}: {}", crate::model::primitives::shown(&s), $what, $form),
                    ))
                }
            }
        }

        checked_type!($name, String);

        impl std::str::FromStr for $name {
            type Err = InvalidValue;
            fn from_str(s: &str) -> Result<Self, InvalidValue> {
                Self::try_from(s.to_owned())
            }
        }

        impl From<$name> for String {
            fn from(v: $name) -> String {
                v.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        #[cfg(feature = "schema")]
        impl schemars::JsonSchema for $name {
            fn schema_name() -> std::borrow::Cow<'static, str> {
                stringify!($name).into()
            }
            fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
                let max: Option<usize> = $max;
                let mut s = schemars::json_schema!({
                    "type": "string",
                    "pattern": $pattern,
                    "description": concat!($article, " ", $what, ".")
                });
                if let Some(max) = max {
                    s.insert("maxLength".into(), max.into());
                }
                s
            }
        }
    };
}

/// A user's value as a message quotes it: at most 60 characters, with line breaks, tabs,
/// other control or invisible characters and backslashes escaped as in JSON (`effect-e\\n`),
/// so that a stray line break shows instead of breaking the message across lines.
pub(crate) fn shown(s: &str) -> String {
    use std::fmt::Write as _;
    const MAX: usize = 60;
    let mut t = String::new();
    for (i, c) in s.chars().enumerate() {
        if i == MAX {
            t.push('…');
            break;
        }
        match c {
            '\n' => t.push_str("\\n"),
            '\r' => t.push_str("\\r"),
            '\t' => t.push_str("\\t"),
            '\\' => t.push_str("\\\\"),
            c if c.is_control() || matches!(c, '\u{2028}' | '\u{2029}' | '\u{feff}' | '\u{200b}') => {
                let _ = write!(t, "\\u{{{:04x}}}", u32::from(c));
            }
            c => t.push(c),
        }
    }
    t
}

pattern_string!(
    /// An entity id: a lowercase slug such as `allopregnanolone` or `srd5a1`, unique in a document.
    Id, ID_RE, ID_PATTERN, "An" "id (lowercase slug)",
    "lowercase letters and digits, in words joined by single hyphens, such as `srd5a1` or `allopregnanolone`",
    Some(ID_MAX_LEN)
);
pattern_string!(
    /// The format version of a document (semver, major 1).
    SchemaVersion, VERSION_RE, SCHEMA_VERSION_PATTERN, "A" "schema version (1.x.y)",
    "three whole numbers joined by dots, the first 1, such as `1.1.0`", None
);
pattern_string!(
    /// A molecular formula, e.g. `C21H34O2`.
    Formula, FORMULA_RE, FORMULA_PATTERN, "A" "molecular formula",
    "element symbols, each followed by its count when there is more than one atom, such as `C21H34O2`",
    Some(200)
);
pattern_string!(
    /// An `http` or `https` URL.
    Url, URL_RE, URL_PATTERN, "A" "URL", "`http://` or `https://` and the address, with no spaces", Some(2000)
);
pattern_string!(
    /// A gene symbol, e.g. `SRD5A1`.
    Symbol, SYMBOL_RE, SYMBOL_PATTERN, "A" "gene symbol",
    "letters, digits and hyphens, starting with a letter or digit, such as `SRD5A1`", Some(40)
);
pattern_string!(
    /// A unit of measure in UCUM case-sensitive syntax, e.g. `mg` or `ug/kg/h`.
    Unit, UNIT_RE, UNIT_PATTERN, "A" "UCUM unit",
    "letters, digits and the signs `. / [ ] { } % ' * ^ -` of UCUM's case-sensitive syntax, such as `mg` or `ug/kg/h`",
    Some(60)
);

impl Id {
    /// An id from a string known to be valid; `None` when it is not.
    pub fn new(s: &str) -> Option<Id> {
        Id::try_from(s.to_owned()).ok()
    }
}

impl std::borrow::Borrow<str> for Id {
    fn borrow(&self) -> &str {
        &self.0
    }
}

/// `id == "allopregnanolone"`: an id equals the string it is spelled as.
impl PartialEq<str> for Id {
    fn eq(&self, other: &str) -> bool {
        self.0 == other
    }
}

impl PartialEq<&str> for Id {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

impl PartialEq<Id> for str {
    fn eq(&self, other: &Id) -> bool {
        self == other.0
    }
}

impl PartialEq<Id> for &str {
    fn eq(&self, other: &Id) -> bool {
        *self == other.0
    }
}

/// A calendar date, `YYYY-MM-DD`. The shape is checked when parsed; whether the day exists
/// is the semantic rule `invalid-date`, so that the JSON Schema and the parser agree.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(into = "String")]
pub struct Date(String);

impl Date {
    /// Year, month and day.
    pub fn parts(&self) -> (u16, u8, u8) {
        let b = self.0.as_bytes();
        let num = |r: std::ops::Range<usize>| -> u32 { b[r].iter().fold(0, |acc, d| acc * 10 + u32::from(d - b'0')) };
        (num(0..4) as u16, num(5..7) as u8, num(8..10) as u8)
    }

    /// True when the date exists in the proleptic Gregorian calendar.
    pub fn is_valid(&self) -> bool {
        let (y, m, d) = self.parts();
        let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
        let days = match m {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return false,
        };
        (1..=days).contains(&d)
    }

    /// The `YYYY-MM-DD` form.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Today's date in UTC, from the system clock (1970-01-01 if the clock is before it).
    pub fn today_utc() -> Date {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        Date::from_days_since_epoch((secs / 86_400) as i64)
    }

    /// The date `days` days after 1970-01-01 (Howard Hinnant's civil-from-days algorithm).
    pub fn from_days_since_epoch(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = doy - (153 * mp + 2) / 5 + 1;
        let m = if mp < 10 { mp + 3 } else { mp - 9 };
        let y = yoe + era * 400 + i64::from(m <= 2);
        Date(format!("{:04}-{m:02}-{d:02}", y.clamp(0, 9999)))
    }
}

impl Date {
    fn check(s: String) -> Result<Self, Refusal> {
        if DATE_RE.is_match(&s) {
            Ok(Date(s))
        } else {
            Err(Refusal::new(
                Code::Pattern,
                format!("`{}` is not a date in the form YYYY-MM-DD", shown(&s)),
            ))
        }
    }
}

checked_type!(Date, String);

impl std::str::FromStr for Date {
    type Err = InvalidValue;
    fn from_str(s: &str) -> Result<Self, InvalidValue> {
        Date::try_from(s.to_owned())
    }
}

impl From<Date> for String {
    fn from(d: Date) -> String {
        d.0
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Date {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Date".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "pattern": DATE_PATTERN,
            "description": "A calendar date, YYYY-MM-DD (ISO 8601)."
        })
    }
}

/// Non-empty text: a name, title or statement. Whitespace-only text is rejected.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(into = "String")]
pub struct Text(String);

/// Pattern of [`Text`]: at least one character that is not ECMA-262 white space. The class is
/// spelled out so that every regex engine (ECMA, Rust, Python) reads it the same way.
pub(crate) const TEXT_PATTERN: &str =
    "[^\\t\\n\\u000b\\f\\r \\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff]";
regex!(TEXT_RE, TEXT_PATTERN);

impl Text {
    /// The text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Text {
    fn check(s: String) -> Result<Self, Refusal> {
        if TEXT_RE.is_match(&s) {
            Ok(Text(s))
        } else {
            Err(Refusal::new(
                Code::Pattern,
                "text must not be empty or only white space",
            ))
        }
    }
}

checked_type!(Text, String);

impl std::str::FromStr for Text {
    type Err = InvalidValue;
    fn from_str(s: &str) -> Result<Self, InvalidValue> {
        Text::try_from(s.to_owned())
    }
}

impl From<Text> for String {
    fn from(t: Text) -> String {
        t.0
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl AsRef<str> for Text {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Text {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Text".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "pattern": TEXT_PATTERN,
            "description": "Non-empty text (not only white space)."
        })
    }
}

/// A JSON number as `Positive` and `Year` read it. Its one purpose is the message on a value
/// of the wrong type: "invalid type: string \"2020\", expected a number", where reading an
/// `f64` said "expected f64".
#[derive(Clone, Copy)]
struct Number(f64);

impl From<Number> for f64 {
    fn from(n: Number) -> f64 {
        n.0
    }
}

impl<'de> Deserialize<'de> for Number {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = Number;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a number")
            }
            fn visit_f64<E>(self, v: f64) -> Result<Number, E> {
                Ok(Number(v))
            }
            // As serde reads an integer into an `f64`.
            #[allow(clippy::cast_precision_loss)]
            fn visit_i64<E>(self, v: i64) -> Result<Number, E> {
                Ok(Number(v as f64))
            }
            #[allow(clippy::cast_precision_loss)]
            fn visit_u64<E>(self, v: u64) -> Result<Number, E> {
                Ok(Number(v as f64))
            }
        }
        d.deserialize_f64(Visitor)
    }
}

/// A finite number greater than zero (molar masses, doses).
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd, Serialize)]
#[serde(into = "f64")]
pub struct Positive(f64);

impl Positive {
    /// The number.
    pub fn get(self) -> f64 {
        self.0
    }
}

impl Positive {
    fn check(v: f64) -> Result<Self, Refusal> {
        if v.is_finite() && v > 0.0 {
            Ok(Positive(v))
        } else {
            Err(Refusal::new(Code::Range, format!("{v} is not a number greater than 0")))
        }
    }
}

checked_type!(Positive, f64, read as Number);

impl From<Positive> for f64 {
    fn from(p: Positive) -> f64 {
        p.0
    }
}

impl Eq for Positive {}

impl std::hash::Hash for Positive {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.0.to_bits().hash(state);
    }
}

impl fmt::Display for Positive {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Positive {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Positive".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "number",
            "exclusiveMinimum": 0,
            "description": "A number greater than zero."
        })
    }
}

/// A publication year, 1500 to 2999.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(into = "u16")]
pub struct Year(u16);

/// Earliest year accepted.
pub(crate) const YEAR_MIN: u16 = 1500;
/// Latest year accepted.
pub(crate) const YEAR_MAX: u16 = 2999;

impl Year {
    /// The year.
    pub fn get(self) -> u16 {
        self.0
    }
}

impl Year {
    // JSON Schema's `integer` accepts `2019.0`, so the parser does too.
    fn check(v: f64) -> Result<Self, Refusal> {
        if v.fract() == 0.0 && (f64::from(YEAR_MIN)..=f64::from(YEAR_MAX)).contains(&v) {
            Ok(Year(v as u16))
        } else {
            Err(Refusal::new(
                Code::Range,
                format!("{v} is not a year between {YEAR_MIN} and {YEAR_MAX}"),
            ))
        }
    }
}

checked_type!(Year, f64, read as Number);

impl From<Year> for u16 {
    fn from(y: Year) -> u16 {
        y.0
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Year {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Year".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "integer",
            "minimum": YEAR_MIN,
            "maximum": YEAR_MAX,
            "description": "A publication year."
        })
    }
}

#[cfg(test)]
mod tests {
    use super::{Date, Formula, Id, InvalidValue, Number, Positive, SchemaVersion, Symbol, Text, Unit, Url, Year};

    #[test]
    fn a_number_is_read_from_any_json_number_and_nothing_else() {
        let read = |text: &str| serde_json::from_str::<Number>(text).map(|n| n.0);
        assert_eq!(read("3").unwrap(), 3.0);
        assert_eq!(read("-3").unwrap(), -3.0);
        assert_eq!(read("0.25").unwrap(), 0.25);
        let e = read("\"3\"").unwrap_err();
        assert_eq!(
            e.to_string(),
            "invalid type: string \"3\", expected a number at line 1 column 3"
        );
    }

    #[test]
    fn days_since_the_epoch_are_calendar_dates() {
        // Expected values from Python's `datetime.date(1970, 1, 1) + timedelta(days=n)`.
        for (days, date) in [
            (0, "1970-01-01"),
            (-1, "1969-12-31"),
            (59, "1970-03-01"),
            (10_956, "1999-12-31"),
            (11_016, "2000-02-29"),
            (11_017, "2000-03-01"),
            (20_422, "2025-11-30"),
            (-719_162, "0001-01-01"),
            (2_932_896, "9999-12-31"),
        ] {
            assert_eq!(Date::from_days_since_epoch(days).as_str(), date, "{days}");
        }
        // Every day from 1900 to 2099 is a valid date after the one before; as many days as
        // there are dates between the two ends, so none is skipped.
        let mut previous = Date::from_days_since_epoch(-25_567);
        assert_eq!(previous.as_str(), "1900-01-01");
        for days in -25_566..=47_481 {
            let d = Date::from_days_since_epoch(days);
            assert!(
                d.is_valid() && d > previous,
                "{days}: {} after {}",
                d.as_str(),
                previous.as_str()
            );
            previous = d;
        }
        assert_eq!(previous.as_str(), "2099-12-31");
    }

    /// Of every `YYYY-MM-DD` text from 1900 to 2099, with months 00 to 13 and days 00 to 32,
    /// exactly the days of the calendar exist: as many as there are days from 1900-01-01 to
    /// 2099-12-31 (1900 and 2100 are not leap years, 2000 is).
    #[test]
    fn only_the_days_of_the_calendar_exist() {
        let mut valid = 0;
        for y in 1900..=2099 {
            for m in 0..=13 {
                for d in 0..=32 {
                    let date: Date = format!("{y:04}-{m:02}-{d:02}").parse().unwrap();
                    valid += usize::from(date.is_valid());
                }
            }
        }
        assert_eq!(valid, 73_049);
        for (text, exists) in [
            ("1900-02-29", false),
            ("2000-02-29", true),
            ("2023-02-29", false),
            ("2024-02-29", true),
            ("2100-02-29", false),
            ("2026-04-31", false),
            ("2026-02-30", false),
        ] {
            assert_eq!(text.parse::<Date>().unwrap().is_valid(), exists, "{text}");
        }
    }

    /// Every value type fails with the typed [`InvalidValue`], a `std::error::Error` whose
    /// message is the one the document's diagnostic gives.
    #[test]
    fn every_value_type_fails_with_a_typed_error() {
        fn typed<T: std::fmt::Debug>(r: Result<T, InvalidValue>) -> String {
            let e: Box<dyn std::error::Error> = Box::new(r.unwrap_err());
            e.to_string()
        }
        assert!(typed("Bad Id".parse::<Id>()).starts_with("`Bad Id` is not a valid id"));
        assert!(typed("2.0.0".parse::<SchemaVersion>()).contains("is not a valid schema version"));
        assert!(typed("c21".parse::<Formula>()).contains("is not a valid molecular formula"));
        assert!(typed("ftp://x".parse::<Url>()).contains("is not a valid URL"));
        assert!(typed("-x".parse::<Symbol>()).contains("is not a valid gene symbol"));
        assert!(typed("m g".parse::<Unit>()).contains("is not a valid UCUM unit"));
        assert_eq!(
            typed("2026-1-1".parse::<Date>()),
            "`2026-1-1` is not a date in the form YYYY-MM-DD"
        );
        assert_eq!(typed(" ".parse::<Text>()), "text must not be empty or only white space");
        assert_eq!(typed(Positive::try_from(0.0)), "0 is not a number greater than 0");
        assert_eq!(
            typed(Year::try_from(1499.0)),
            "1499 is not a year between 1500 and 2999"
        );
        assert_eq!(
            typed(Id::try_from("x".repeat(81))),
            "id (lowercase slug) is longer than 80 characters"
        );
        assert!(typed("ECO:1".parse::<crate::model::EvidenceKind>()).contains("is not a valid ECO term"));
    }

    #[test]
    fn an_id_equals_its_spelling_both_ways() {
        let id = Id::new("allopregnanolone").unwrap();
        let same: &str = "allopregnanolone";
        let other = "progesterone";
        // Each direction and each of `str`, `&str` is its own impl.
        assert!(id == same);
        assert!(same == id);
        assert!(id == *same);
        assert!(*same == id);
        assert!(id != other);
        assert!(other != id);
        assert!(id != *other);
        assert!(*other != id);
        // A prefix or different case is another id.
        assert!(id != "allo" && id != "Allopregnanolone");
        assert_eq!(id, "allopregnanolone");
        assert_eq!("allopregnanolone", id);
    }
}
