//! Calendar dates (`YYYY-MM-DD`), enough for ages, validity periods and
//! the working days a plan dates its steps on.
//!
//! The core has no clock: callers pass the reference date ("today").
//!
//! French public holidays ("jours fériés", [`Date::is_public_holiday`])
//! are the eleven of the Code du travail (art. L3133-1), as service-public.fr
//! lists them in "Jours fériés et ponts dans le secteur privé" (F2405,
//! <https://www.service-public.fr/particuliers/vosdroits/F2405>): 1 January,
//! Easter Monday, 1 May, 8 May, Ascension Day, Whit Monday, 14 July,
//! 15 August, 1 November, 11 November and 25 December; the three that
//! follow Easter are computed from it ([`easter_sunday`]). Where a person
//! lives adds the days of their [`HolidayZone`]: Good Friday and 26
//! December in Alsace-Moselle (Bas-Rhin, Haut-Rhin, Moselle: Code du
//! travail, art. L3134-13), and in each overseas department its day of
//! the abolition of slavery (loi n° 83-550 du 30 juin 1983, décret
//! n° 83-1003 du 23 novembre 1983 as amended in 2012). Days kept by local
//! custom only (Good Friday in the Antilles, for one) are not counted.

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

/// Where a person lives, as far as public holidays go: mainland France,
/// or a department with days of its own (see the module's documentation).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum HolidayZone {
    /// Every department without days of its own, and a place unknown.
    Mainland,
    /// Bas-Rhin (67), Haut-Rhin (68), Moselle (57): Good Friday and 26
    /// December too.
    AlsaceMoselle,
    /// Guadeloupe (971): 27 May too.
    Guadeloupe,
    /// Martinique (972): 22 May too.
    Martinique,
    /// Guyane (973): 10 June too.
    Guyane,
    /// La Réunion (974): 20 December too.
    Reunion,
    /// Mayotte (976): 27 April too.
    Mayotte,
}

impl HolidayZone {
    /// The zone of a department (INSEE code); [`HolidayZone::Mainland`] for
    /// any other, and for none.
    ///
    /// ```
    /// use passerelle_core::date::HolidayZone;
    /// assert_eq!(HolidayZone::of_department(Some("67")), HolidayZone::AlsaceMoselle);
    /// assert_eq!(HolidayZone::of_department(Some("974")), HolidayZone::Reunion);
    /// assert_eq!(HolidayZone::of_department(Some("93")), HolidayZone::Mainland);
    /// assert_eq!(HolidayZone::of_department(None), HolidayZone::Mainland);
    /// ```
    pub fn of_department(department: Option<&str>) -> HolidayZone {
        match department {
            Some("57" | "67" | "68") => HolidayZone::AlsaceMoselle,
            Some("971") => HolidayZone::Guadeloupe,
            Some("972") => HolidayZone::Martinique,
            Some("973") => HolidayZone::Guyane,
            Some("974") => HolidayZone::Reunion,
            Some("976") => HolidayZone::Mayotte,
            _ => HolidayZone::Mainland,
        }
    }

    /// The day of the abolition of slavery of an overseas department
    /// (month, day).
    fn abolition_day(self) -> Option<(u8, u8)> {
        match self {
            HolidayZone::Guadeloupe => Some((5, 27)),
            HolidayZone::Martinique => Some((5, 22)),
            HolidayZone::Guyane => Some((6, 10)),
            HolidayZone::Reunion => Some((12, 20)),
            HolidayZone::Mayotte => Some((4, 27)),
            HolidayZone::Mainland | HolidayZone::AlsaceMoselle => None,
        }
    }
}

/// Easter Sunday of `year` in the Gregorian calendar (the anonymous
/// algorithm, "Meeus/Jones/Butcher"); `None` outside years 1583 to 9999,
/// before the calendar.
///
/// ```
/// use passerelle_core::date::easter_sunday;
/// assert_eq!(easter_sunday(2027).unwrap().to_string(), "2027-03-28");
/// assert_eq!(easter_sunday(2026).unwrap().to_string(), "2026-04-05");
/// ```
pub fn easter_sunday(year: u16) -> Option<Date> {
    if !(1583..=9999).contains(&year) {
        return None;
    }
    let y = i32::from(year);
    let (a, b, c) = (y % 19, y / 100, y % 100);
    let (d, e) = (b / 4, b % 4);
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let (i, k) = (c / 4, c % 4);
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    Date::new(year, u8::try_from(month).ok()?, u8::try_from(day).ok()?)
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

const fn days_in_month(year: u16, month: u8) -> u8 {
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
    pub const fn new(year: u16, month: u8, day: u8) -> Option<Date> {
        if year >= 1 && year <= 9999 && day >= 1 && day <= days_in_month(year, month) {
            Some(Date { year, month, day })
        } else {
            None
        }
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

    /// Whether the day is a public holiday ("jour férié") in France, for a
    /// person living in `zone` (see the module's documentation for the
    /// list and its sources).
    ///
    /// ```
    /// use passerelle_core::date::{Date, HolidayZone};
    /// let day = |text| Date::parse(text).unwrap();
    /// // Easter Monday, Ascension Day and Whit Monday 2027.
    /// for holiday in ["2027-03-29", "2027-05-06", "2027-05-17"] {
    ///     assert!(day(holiday).is_public_holiday(HolidayZone::Mainland));
    /// }
    /// assert!(!day("2027-03-26").is_public_holiday(HolidayZone::Mainland));
    /// assert!(day("2027-03-26").is_public_holiday(HolidayZone::AlsaceMoselle));
    /// ```
    pub fn is_public_holiday(self, zone: HolidayZone) -> bool {
        const FIXED: [(u8, u8); 8] = [
            (1, 1),
            (5, 1),
            (5, 8),
            (7, 14),
            (8, 15),
            (11, 1),
            (11, 11),
            (12, 25),
        ];
        let day = (self.month, self.day);
        if FIXED.contains(&day) || zone.abolition_day() == Some(day) {
            return true;
        }
        if zone == HolidayZone::AlsaceMoselle && day == (12, 26) {
            return true;
        }
        let Some(easter) = easter_sunday(self.year) else {
            return false;
        };
        // Easter Monday, Ascension Day, Whit Monday; Good Friday in
        // Alsace-Moselle.
        let after_easter = easter.days_until(self);
        matches!(after_easter, 1 | 39 | 50)
            || (zone == HolidayZone::AlsaceMoselle && after_easter == -2)
    }

    /// Whether the day is a working day ("jour ouvré") in `zone`: Monday
    /// to Friday, and not a public holiday.
    ///
    /// ```
    /// use passerelle_core::date::{Date, HolidayZone};
    /// let day = |text| Date::parse(text).unwrap();
    /// assert!(day("2026-11-27").is_working_day(HolidayZone::Mainland)); // a Friday
    /// assert!(!day("2026-11-28").is_working_day(HolidayZone::Mainland)); // a Saturday
    /// assert!(!day("2026-12-25").is_working_day(HolidayZone::Mainland)); // Christmas
    /// ```
    pub fn is_working_day(self, zone: HolidayZone) -> bool {
        !matches!(self.weekday(), Weekday::Saturday | Weekday::Sunday)
            && !self.is_public_holiday(zone)
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
    fn easter_falls_on_its_known_sundays() {
        // Known dates of Easter Sunday, early, late and in between.
        for (year, easter) in [
            (1583, "1583-04-10"),
            (1818, "1818-03-22"),
            (1943, "1943-04-25"),
            (2000, "2000-04-23"),
            (2024, "2024-03-31"),
            (2025, "2025-04-20"),
            (2026, "2026-04-05"),
            (2027, "2027-03-28"),
            (2038, "2038-04-25"),
            (2285, "2285-03-22"),
        ] {
            let found = easter_sunday(year).unwrap();
            assert_eq!(found.to_string(), easter, "{year}");
            assert_eq!(found.weekday(), Weekday::Sunday, "{year}");
        }
        assert_eq!(easter_sunday(1582), None);
        for year in 1583..=9999 {
            let easter = easter_sunday(year).unwrap();
            assert_eq!(easter.weekday(), Weekday::Sunday, "{year}");
            assert!((3..=4).contains(&easter.month()), "{year}");
        }
    }

    #[test]
    fn the_eleven_public_holidays_of_2027_and_the_days_of_each_zone() {
        let day = |text: &str| Date::parse(text).unwrap();
        let holidays = |zone: HolidayZone| -> Vec<String> {
            let mut date = day("2027-01-01");
            let mut found = Vec::new();
            while date.year() == 2027 {
                if date.is_public_holiday(zone) {
                    found.push(date.to_string());
                }
                date = date.plus_days(1).unwrap();
            }
            found
        };
        let mainland = [
            "2027-01-01",
            "2027-03-29", // Easter Monday
            "2027-05-01",
            "2027-05-06", // Ascension Day
            "2027-05-08",
            "2027-05-17", // Whit Monday
            "2027-07-14",
            "2027-08-15",
            "2027-11-01",
            "2027-11-11",
            "2027-12-25",
        ];
        assert_eq!(holidays(HolidayZone::Mainland), mainland);
        let with = |more: &[&str]| {
            let mut all: Vec<String> = mainland.iter().map(|d| d.to_string()).collect();
            all.extend(more.iter().map(|d| d.to_string()));
            all.sort();
            all
        };
        // Good Friday, 26 December.
        assert_eq!(
            holidays(HolidayZone::AlsaceMoselle),
            with(&["2027-03-26", "2027-12-26"])
        );
        assert_eq!(holidays(HolidayZone::Guadeloupe), with(&["2027-05-27"]));
        assert_eq!(holidays(HolidayZone::Martinique), with(&["2027-05-22"]));
        assert_eq!(holidays(HolidayZone::Guyane), with(&["2027-06-10"]));
        assert_eq!(holidays(HolidayZone::Reunion), with(&["2027-12-20"]));
        assert_eq!(holidays(HolidayZone::Mayotte), with(&["2027-04-27"]));
        // 2026, from service-public.fr's calendar: Easter Monday 6 April,
        // Ascension 14 May, Whit Monday 25 May.
        for holiday in ["2026-04-06", "2026-05-14", "2026-05-25"] {
            assert!(day(holiday).is_public_holiday(HolidayZone::Mainland));
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
