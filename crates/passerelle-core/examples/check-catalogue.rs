//! Checks a catalogue file and prints every problem, then the entries to
//! re-verify against their sources, soonest first, for catalogue authors:
//!
//! ```sh
//! cargo run -p passerelle-core --example check-catalogue -- my-catalogue.json [--today 2026-12-03]
//! ```
//!
//! To re-verify: the stale entries (last verified longer ago than the
//! catalogue's `stale_after_months`, 12 by default), those whose
//! `figures_valid` ended, and those whose figures end within 3 months
//! (`Catalogue::to_reverify`). `--today` sets the date to check on (by
//! default the computer's date, in UTC).
//!
//! Exits with 0 when the catalogue is valid (entries to re-verify are
//! listed, not refused), 1 when it has problems, 2 when the file cannot be
//! read or the arguments are wrong.

use std::process::ExitCode;

use passerelle_core::catalogue::{Catalogue, ReverifyReason};
use passerelle_core::date::Date;

/// The computer's date, in UTC.
fn system_today() -> Option<Date> {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .ok()?
        .as_secs();
    Date::from_days_since_epoch(i64::try_from(seconds / 86_400).ok()?)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (path, today) = match args.as_slice() {
        [path] => (path, system_today()),
        [path, flag, date] if flag == "--today" => (path, Date::parse(date).ok()),
        _ => {
            eprintln!("usage: check-catalogue FILE [--today YYYY-MM-DD]");
            return ExitCode::from(2);
        }
    };
    let Some(today) = today else {
        eprintln!("check-catalogue: give --today as a date that exists, YYYY-MM-DD");
        return ExitCode::from(2);
    };
    let json = match std::fs::read_to_string(path) {
        Ok(json) => json,
        Err(error) => {
            eprintln!("{path}: {error}");
            return ExitCode::from(2);
        }
    };
    match Catalogue::from_json(&json) {
        Ok(catalogue) => {
            println!("{path}: valid, {} entries", catalogue.entries().len());
            let to_reverify = catalogue.to_reverify(today);
            for item in &to_reverify {
                let entry = item.entry;
                let why = match item.reason {
                    ReverifyReason::Stale => format!(
                        "stale, verified until {} (last verified {}, every {} months)",
                        item.due, entry.last_verified, entry.stale_after_months
                    ),
                    ReverifyReason::FiguresEnded => {
                        format!("figures ended on {} (figures_valid.until)", item.due)
                    }
                    ReverifyReason::FiguresEnding => {
                        format!("figures end on {} (figures_valid.until)", item.due)
                    }
                };
                println!("{path}: re-verify {}: {why}", entry.id);
            }
            println!("{path}: {} to re-verify on {today}", to_reverify.len());
            ExitCode::SUCCESS
        }
        Err(problems) => {
            for problem in &problems {
                println!("{path}: {problem}");
            }
            println!("{path}: {} problem(s)", problems.len());
            ExitCode::FAILURE
        }
    }
}
