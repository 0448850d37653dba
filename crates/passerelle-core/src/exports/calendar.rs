//! The advisor's agenda as an iCalendar file (RFC 5545), to import into
//! a calendar application.
//!
//! A calendar may be synchronised to a cloud: each event's summary holds
//! **only the kind of item and the person's label** (initials or a
//! pseudonym): "Point d’étape : A. B.", "Étape prévue : A. B.". Never a
//! step's title, a note, a theme or a partner. One all-day event per item
//! of the agenda (overdue ones included), with a `UID` made of the
//! person's id, the kind and the step's action id (or the review's date),
//! so that importing the agenda again updates the same events.
//!
//! The core has no clock: `stamp` (`DTSTAMP`) is the caller's UTC time,
//! written `YYYYMMDDTHHMMSSZ`; anything else is refused
//! ([`CaseloadError::StampInvalid`], code `stamp_invalid`).
//!
//! ```
//! use passerelle_core::caseload::{Agenda, AgendaItem, Due};
//! use passerelle_core::calendar::agenda_ics;
//! use passerelle_core::date::Date;
//! use passerelle_core::Locale;
//!
//! let agenda = Agenda {
//!     overdue: vec![AgendaItem {
//!         date: Date::parse("2026-11-20").unwrap(), person: "p1".into(),
//!         label: "A. B.".into(), due: Due::Review,
//!     }],
//!     weeks: vec![],
//! };
//! let ics = agenda_ics(&agenda, Locale::Fr, "20261127T093000Z").unwrap();
//! assert!(ics.contains("DTSTART;VALUE=DATE:20261120\r\nDTEND;VALUE=DATE:20261121\r\n"));
//! assert!(ics.contains("SUMMARY:Point d’étape\u{a0}: A. B.\r\n"));
//! assert_eq!(agenda_ics(&agenda, Locale::Fr, "2026-11-27").unwrap_err().code(), "stamp_invalid");
//! ```

use crate::base::date::Date;
use crate::caseload::{Agenda, AgendaItem, CaseloadError, Due};
use crate::exports::messages::Message;
use crate::text::Locale;

/// The agenda as an iCalendar file, CRLF line ends, lines folded at 75
/// octets (see the [module documentation](self)).
pub fn agenda_ics(agenda: &Agenda, locale: Locale, stamp: &str) -> Result<String, CaseloadError> {
    if !is_stamp(stamp) {
        return Err(CaseloadError::StampInvalid {
            stamp: stamp.to_owned(),
        });
    }
    let mut out = String::new();
    for line in [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Passerelle//Suivi//FR",
        "CALSCALE:GREGORIAN",
    ] {
        push_line(&mut out, line);
    }
    let items = agenda
        .overdue
        .iter()
        .chain(agenda.weeks.iter().flat_map(|week| &week.items));
    for item in items {
        event(&mut out, item, locale, stamp);
    }
    push_line(&mut out, "END:VCALENDAR");
    Ok(out)
}

fn event(out: &mut String, item: &AgendaItem, locale: Locale, stamp: &str) {
    let label = item.label.as_str();
    let (uid, summary) = match &item.due {
        Due::Review => (
            format!("{}-review-{}@passerelle", item.person, compact(item.date)),
            Message::CalendarReview { label }.text(locale),
        ),
        Due::Step { action, .. } => (
            format!("{}-step-{}@passerelle", item.person, action),
            Message::CalendarStep { label }.text(locale),
        ),
    };
    let next = item.date.plus_days(1).unwrap_or(item.date);
    push_line(out, "BEGIN:VEVENT");
    push_line(out, &format!("UID:{}", escape(&uid)));
    push_line(out, &format!("DTSTAMP:{stamp}"));
    push_line(out, &format!("DTSTART;VALUE=DATE:{}", compact(item.date)));
    push_line(out, &format!("DTEND;VALUE=DATE:{}", compact(next)));
    push_line(out, &format!("SUMMARY:{}", escape(&summary)));
    push_line(out, "TRANSP:TRANSPARENT");
    push_line(out, "END:VEVENT");
}

/// `YYYYMMDD`.
fn compact(date: Date) -> String {
    format!("{:04}{:02}{:02}", date.year(), date.month(), date.day())
}

/// Whether `stamp` is a UTC time `YYYYMMDDTHHMMSSZ` that exists.
fn is_stamp(stamp: &str) -> bool {
    let bytes = stamp.as_bytes();
    if bytes.len() != 16 || bytes[8] != b'T' || bytes[15] != b'Z' {
        return false;
    }
    let digits = |range: std::ops::Range<usize>| -> Option<u16> {
        let part = &bytes[range];
        part.iter()
            .all(u8::is_ascii_digit)
            .then(|| part.iter().fold(0, |n, d| n * 10 + u16::from(d - b'0')))
    };
    let parts = (
        digits(0..4),
        digits(4..6),
        digits(6..8),
        digits(9..11),
        digits(11..13),
        digits(13..15),
    );
    let (Some(year), Some(month), Some(day), Some(hour), Some(minute), Some(second)) = parts else {
        return false;
    };
    let (Ok(month), Ok(day)) = (u8::try_from(month), u8::try_from(day)) else {
        return false;
    };
    Date::new(year, month, day).is_some() && hour < 24 && minute < 60 && second < 61
}

/// A TEXT value escaped (RFC 5545, 3.3.11): `\` `;` `,` and line breaks.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Adds `line` folded at 75 octets (RFC 5545, 3.1: each continuation
/// starts with a space), never inside a UTF-8 character, and its CRLF.
pub fn push_line(out: &mut String, line: &str) {
    let mut room = 75;
    let mut used = 0;
    for c in line.chars() {
        if used + c.len_utf8() > room {
            out.push_str("\r\n ");
            used = 0;
            room = 74;
        }
        out.push(c);
        used += c.len_utf8();
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped() {
        assert_eq!(escape("a\\b;c,d\ne\r\nf"), "a\\\\b\\;c\\,d\\ne\\nf");
    }

    #[test]
    fn long_lines_fold_at_75_octets_between_characters() {
        let mut out = String::new();
        let line = format!("SUMMARY:{}", "é".repeat(100));
        push_line(&mut out, &line);
        let lines: Vec<&str> = out.split("\r\n").collect();
        assert_eq!(lines.last(), Some(&""));
        for (i, folded) in lines[..lines.len() - 1].iter().enumerate() {
            assert!(folded.len() <= 75, "{folded}");
            assert_eq!(i > 0, folded.starts_with(' '));
        }
        let unfolded = out.trim_end_matches("\r\n").replace("\r\n ", "");
        assert_eq!(unfolded, line);
        let mut short = String::new();
        push_line(&mut short, &"a".repeat(75));
        assert_eq!(short, format!("{}\r\n", "a".repeat(75)));
    }

    #[test]
    fn stamps_are_utc_times_that_exist() {
        assert!(is_stamp("20261127T093000Z"));
        for bad in [
            "20261127T093000",
            "2026-11-27T09:30:00Z",
            "20261327T093000Z",
            "20261127T243000Z",
            "20260230T093000Z",
            "20261127T09300éZ",
            "",
        ] {
            assert!(!is_stamp(bad), "{bad}");
        }
    }
}
