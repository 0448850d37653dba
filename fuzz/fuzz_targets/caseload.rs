//! `Caseload::from_json` on arbitrary text: what the advisor's desk reads
//! back from its vault or from a backup file. A caseload that reads
//! writes back to JSON that reads equal; merged with itself nothing
//! changes; each person's standing, the agenda and its calendar file, and
//! the report over a period are made.
#![no_main]

use libfuzzer_sys::fuzz_target;
use passerelle_core::calendar::agenda_ics;
use passerelle_core::caseload::{agenda, standing, Caseload};
use passerelle_core::report::{report_for_period, Period};
use passerelle_core::Locale;
use passerelle_fuzz::today;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let caseload = match Caseload::from_json(text) {
        Ok(caseload) => caseload,
        Err(error) => {
            assert!(!error.code().is_empty());
            return;
        }
    };
    let written = caseload.to_json();
    let again = Caseload::from_json(&written)
        .unwrap_or_else(|error| panic!("own JSON refused ({}): {written}", error.code()));
    assert_eq!(again, caseload, "caseload changed through JSON");
    let mut merged = caseload.clone();
    let outcome = merged.merge(again);
    assert_eq!(merged, caseload, "merged with itself, it changed");
    assert!(outcome.conflicts.is_empty() && outcome.added.is_empty());
    for person in &caseload.people {
        let _ = standing(&person.plan, today());
    }
    let week = agenda(&caseload, today(), 4);
    let ics = agenda_ics(&week, Locale::Fr, "20261127T100000Z").expect("a stamp of the right form");
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\n"));
    let plans: Vec<_> = caseload.people.iter().map(|person| person.plan.clone()).collect();
    if let Some(period) = today().plus_days(-365).and_then(|from| Period::new(from, today())) {
        let report = report_for_period(&plans, period);
        let _ = report.to_csv(Locale::Fr);
    }
});
