//! Dates, amounts and lists the way each language writes them, from its
//! `formats` file: "vendredi 1er mars 2026", "1 200 €", "A, B ou C".

use super::language::Locale;
use super::message::{format, message, number, Arg};
use crate::base::date::Date;

/// A date in words, with its weekday: "vendredi 27 novembre 2026" (with
/// "1er" for the first of the month), "Friday 27 November 2026".
pub fn long_date(date: Date, locale: Locale) -> String {
    let weekday = message(locale, &format!("weekday-{}", date.weekday() as usize + 1));
    let date = day_month_year(date, locale);
    format(
        locale,
        "long-date",
        &[("weekday", Arg::Text(&weekday)), ("date", Arg::Text(&date))],
    )
}

/// A date in words, without its weekday: "1er mars 2001", "14 March 2001".
pub fn day_month_year(date: Date, locale: Locale) -> String {
    // A date's month is 1 to 12.
    let month = message(locale, &format!("month-{}", date.month().clamp(1, 12)));
    let day = match date.day() {
        1 => message(locale, "first-of-month"),
        day => day.to_string(),
    };
    format(
        locale,
        "date",
        &[
            ("day", Arg::Text(&day)),
            ("month", Arg::Text(&month)),
            ("year", Arg::Text(&date.year().to_string())),
        ],
    )
}

/// An amount in euros: "1 200 €", "€1,200".
pub fn euros(amount: i64, locale: Locale) -> String {
    // Grouped the person's language's way, even when the pattern is read
    // in a language of its chain.
    let amount = number(amount, locale);
    format(locale, "euros", &[("amount", Arg::Text(&amount))])
}

/// "A, B ou C" / "A, B or C".
pub fn alternatives(items: &[String], locale: Locale) -> String {
    list(items, "list-or", locale)
}

/// "A, B et C" / "A, B and C".
pub fn together(items: &[String], locale: Locale) -> String {
    list(items, "list-and", locale)
}

/// Items joined by the language's list separator: "A, B".
pub fn joined(items: &[String], locale: Locale) -> String {
    items.join(&message(locale, "list-separator"))
}

fn list(items: &[String], key: &str, locale: Locale) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format(
            locale,
            key,
            &[
                ("items", Arg::Text(&joined(rest, locale))),
                ("last", Arg::Text(last)),
            ],
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_amounts_and_lists_in_french_and_english() {
        let first = Date::parse("2026-03-01").unwrap();
        assert_eq!(long_date(first, Locale::Fr), "dimanche 1er mars 2026");
        assert_eq!(long_date(first, Locale::En), "Sunday 1 March 2026");
        assert_eq!(euros(1200, Locale::Fr), "1\u{202f}200\u{a0}€");
        assert_eq!(euros(1200, Locale::En), "€1,200");
        let items = ["A".to_owned(), "B".to_owned(), "C".to_owned()];
        assert_eq!(alternatives(&items, Locale::Fr), "A, B ou C");
        assert_eq!(together(&items, Locale::En), "A, B and C");
    }
}
