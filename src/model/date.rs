//! Calendar dates: TOML's local dates in the input, today's date where the
//! user is, and the arithmetic a review date needs.

use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A calendar date (TOML local date), e.g. `2026-11-22`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// Year.
    pub year: u16,
    /// Month, 1..=12.
    pub month: u8,
    /// Day, 1..=31.
    pub day: u8,
}

impl Date {
    /// Today's date where the user is: in the system's time zone (`TZ` or
    /// `/etc/localtime`), so that just after midnight in Germany it is
    /// already the new day, though UTC still has the old one.
    pub fn today() -> Date {
        Date::local(&jiff::Zoned::now())
    }

    /// The calendar date of `time` in its own time zone.
    fn local(time: &jiff::Zoned) -> Date {
        let (year, month, day) = (time.year(), time.month(), time.day());
        // jiff's years are -9999..=9999 and its months and days valid
        Date { year: u16::try_from(year).unwrap_or(0), month: month.unsigned_abs(), day: day.unsigned_abs() }
    }

    /// The date, if the day exists in that month (29 February only in leap years).
    pub fn new(year: u16, month: u8, day: u8) -> Option<Date> {
        ((1..=12).contains(&month) && (1..=days_in_month(year, month)).contains(&day)).then_some(Date {
            year,
            month,
            day,
        })
    }

    /// The date `months` later (day clamped to the month's length).
    pub fn add_months(self, months: u32) -> Date {
        let total = u32::from(self.year) * 12 + u32::from(self.month) - 1 + months;
        let year = u16::try_from(total / 12).unwrap_or(u16::MAX);
        let month = (total % 12) as u8 + 1;
        let day = self.day.min(days_in_month(year, month));
        Date { year, month, day }
    }
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        use serde::de::Error;
        let dt = toml::value::Datetime::deserialize(d)?;
        match (dt.date, dt.time, dt.offset) {
            (Some(date), None, None) => Ok(Date { year: date.year, month: date.month, day: date.day }),
            _ => Err(D::Error::custom("expected a date without time, like 2026-11-22")),
        }
    }
}

impl JsonSchema for Date {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Date".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "format": "date",
            "description": "A TOML local date without quotes, e.g. 2026-11-22."
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn today_is_the_date_in_the_time_zone_not_in_utc() {
        let utc: jiff::Timestamp = "2026-11-30T23:30:00Z".parse().expect("a timestamp");
        let berlin = utc.in_tz("Europe/Berlin").expect("the tz database knows Berlin");
        assert_eq!(Date::local(&berlin), Date { year: 2026, month: 12, day: 1 });
        assert_eq!(Date::local(&utc.in_tz("UTC").expect("UTC")), Date { year: 2026, month: 11, day: 30 });
    }

    #[test]
    fn add_months_clamps_the_day() {
        let d = Date { year: 2026, month: 11, day: 30 };
        assert_eq!(d.add_months(3), Date { year: 2027, month: 2, day: 28 });
        assert_eq!(d.add_months(24).to_string(), "2028-11-30");
        assert_eq!(Date { year: 2024, month: 1, day: 31 }.add_months(1).to_string(), "2024-02-29");
    }

    #[test]
    fn new_dates_must_exist() {
        assert_eq!(Date::new(2024, 2, 29).map(|d| d.to_string()).as_deref(), Some("2024-02-29"));
        assert_eq!(Date::new(2026, 2, 29), None);
        assert_eq!(Date::new(2026, 13, 1), None);
        assert_eq!(Date::new(2026, 4, 0), None);
    }
}
