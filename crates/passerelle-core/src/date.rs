//! Calendar dates (`YYYY-MM-DD`), enough for ages and validity periods.
//!
//! The core has no clock: callers pass the reference date ("today").

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A day of the proleptic Gregorian calendar, years 1 to 9999.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: u16,
    month: u8,
    day: u8,
}

/// A day of the week.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Weekday {
    Monday,
    Tuesday,
    Wednesday,
    Thursday,
    Friday,
    Saturday,
    Sunday,
}

impl Weekday {
    /// Monday to Sunday.
    pub const ALL: [Weekday; 7] = [
        Weekday::Monday,
        Weekday::Tuesday,
        Weekday::Wednesday,
        Weekday::Thursday,
        Weekday::Friday,
        Weekday::Saturday,
        Weekday::Sunday,
    ];
}

/// Why a text is not a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InvalidDate;

impl fmt::Display for InvalidDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("expected a date written YYYY-MM-DD, such as 2026-11-26")
    }
}

impl std::error::Error for InvalidDate {}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        _ => 0,
    }
}

impl Date {
    /// The date, if it exists.
    ///
    /// ```
    /// use passerelle_core::date::Date;
    /// assert!(Date::new(2024, 2, 29).is_some());
    /// assert!(Date::new(2025, 2, 29).is_none());
    /// ```
    pub fn new(year: u16, month: u8, day: u8) -> Option<Date> {
        ((1..=9999).contains(&year) && day >= 1 && day <= days_in_month(year, month))
            .then_some(Date { year, month, day })
    }

    /// Reads `YYYY-MM-DD`.
    ///
    /// ```
    /// use passerelle_core::date::Date;
    /// let date = Date::parse("2007-05-02").unwrap();
    /// assert_eq!(date.to_string(), "2007-05-02");
    /// assert!(Date::parse("2007-5-2").is_err());
    /// ```
    pub fn parse(text: &str) -> Result<Date, InvalidDate> {
        let bytes = text.as_bytes();
        if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
            return Err(InvalidDate);
        }
        let number = |range: std::ops::Range<usize>| -> Result<u16, InvalidDate> {
            let part = &bytes[range];
            if !part.iter().all(u8::is_ascii_digit) {
                return Err(InvalidDate);
            }
            Ok(part
                .iter()
                .fold(0u16, |n, digit| n * 10 + u16::from(digit - b'0')))
        };
        let (year, month, day) = (number(0..4)?, number(5..7)?, number(8..10)?);
        let month = u8::try_from(month).map_err(|_| InvalidDate)?;
        let day = u8::try_from(day).map_err(|_| InvalidDate)?;
        Date::new(year, month, day).ok_or(InvalidDate)
    }

    /// The date `days` days after 1970-01-01 (negative: before), if it is
    /// within years 1 to 9999. For callers that read a clock.
    ///
    /// ```
    /// use passerelle_core::date::Date;
    /// assert_eq!(Date::from_days_since_epoch(0).unwrap().to_string(), "1970-01-01");
    /// assert_eq!(Date::from_days_since_epoch(20_418).unwrap().to_string(), "2025-11-26");
    /// ```
    pub fn from_days_since_epoch(days: i64) -> Option<Date> {
        // Howard Hinnant's civil_from_days.
        let z = days.checked_add(719_468)?;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + i64::from(month <= 2);
        Date::new(
            u16::try_from(year).ok()?,
            u8::try_from(month).ok()?,
            u8::try_from(day).ok()?,
        )
    }

    /// Days since 1970-01-01 (negative before it).
    ///
    /// ```
    /// use passerelle_core::date::Date;
    /// assert_eq!(Date::parse("2025-11-26").unwrap().days_since_epoch(), 20_418);
    /// ```
    pub fn days_since_epoch(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let (month, day) = (i64::from(self.month), i64::from(self.day));
        let year = i64::from(self.year) - i64::from(month <= 2);
        let era = year.div_euclid(400);
        let yoe = year.rem_euclid(400);
        let mp = (month + 9) % 12;
        let doy = (153 * mp + 2) / 5 + day - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` days later (earlier when negative), if within years 1 to 9999.
    ///
    /// ```
    /// use passerelle_core::date::Date;
    /// let date = Date::parse("2026-02-27").unwrap();
    /// assert_eq!(date.plus_days(2).unwrap().to_string(), "2026-03-01");
    /// ```
    pub fn plus_days(self, days: i64) -> Option<Date> {
        Date::from_days_since_epoch(self.days_since_epoch().checked_add(days)?)
    }

    /// Days from `self` to `later` (negative when `later` is before).
    pub fn days_until(self, later: Date) -> i64 {
        later.days_since_epoch() - self.days_since_epoch()
    }

    /// The day of the week.
    ///
    /// ```
    /// use passerelle_core::date::{Date, Weekday};
    /// assert_eq!(Date::parse("2026-11-27").unwrap().weekday(), Weekday::Friday);
    /// ```
    pub fn weekday(self) -> Weekday {
        // 1970-01-01 was a Thursday.
        Weekday::ALL[(self.days_since_epoch() + 3).rem_euclid(7) as usize]
    }

    /// Year.
    pub fn year(self) -> u16 {
        self.year
    }

    /// Month, 1 to 12.
    pub fn month(self) -> u8 {
        self.month
    }

    /// Day of the month, 1 to 31.
    pub fn day(self) -> u8 {
        self.day
    }

    /// Age in whole years on `at` of a person born on `self`; `None` if
    /// `at` is before the birth. A person born on 29 February has their
    /// birthday on 1 March in other years.
    ///
    /// ```
    /// use passerelle_core::date::Date;
    /// let birth = Date::parse("2000-11-26").unwrap();
    /// assert_eq!(birth.age_on(Date::parse("2026-11-25").unwrap()), Some(25));
    /// assert_eq!(birth.age_on(Date::parse("2026-11-26").unwrap()), Some(26));
    /// ```
    pub fn age_on(self, at: Date) -> Option<u16> {
        if at < self {
            return None;
        }
        let had_birthday = (at.month, at.day) >= (self.month, self.day);
        Some(at.year - self.year - u16::from(!had_birthday))
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Date, D::Error> {
        let text = std::borrow::Cow::<str>::deserialize(deserializer)?;
        Date::parse(&text).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leap_day_birthdays() {
        let birth = Date::parse("2004-02-29").unwrap();
        assert_eq!(birth.age_on(Date::parse("2025-02-28").unwrap()), Some(20));
        assert_eq!(birth.age_on(Date::parse("2025-03-01").unwrap()), Some(21));
        assert_eq!(birth.age_on(Date::parse("2004-02-28").unwrap()), None);
    }

    #[test]
    fn malformed_dates_are_refused() {
        for text in [
            "",
            "2026-13-01",
            "2026-00-10",
            "2026-04-31",
            "0000-01-01",
            "2026/01/01",
            "2026-01-1é",
            "２０２６-01-01",
            "+026-01-01",
        ] {
            assert_eq!(Date::parse(text), Err(InvalidDate), "{text}");
        }
    }

    #[test]
    fn epoch_days_round_trip_over_centuries() {
        assert_eq!(
            Date::from_days_since_epoch(-719_162).unwrap().to_string(),
            "0001-01-01"
        );
        assert_eq!(
            Date::from_days_since_epoch(11_016).unwrap().to_string(),
            "2000-02-29"
        );
        assert!(Date::from_days_since_epoch(i64::MAX).is_none());
        assert!(Date::from_days_since_epoch(i64::MIN).is_none());
        for days in (-719_162..2_932_896).step_by(997) {
            let date = Date::from_days_since_epoch(days).unwrap();
            assert_eq!(date.days_since_epoch(), days, "{date}");
        }
        let last = Date::parse("9999-12-31").unwrap();
        assert_eq!(
            Date::from_days_since_epoch(last.days_since_epoch()),
            Some(last)
        );
        assert_eq!(last.plus_days(1), None);
    }
}
