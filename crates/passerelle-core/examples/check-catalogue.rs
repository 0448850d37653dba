//! Checks a catalogue file and prints every problem, for catalogue authors:
//!
//! ```sh
//! cargo run -p passerelle-core --example check-catalogue -- my-catalogue.json
//! ```
//!
//! Exits with 0 when the catalogue is valid, 1 when it has problems, 2 when
//! the file cannot be read.

use std::process::ExitCode;

use passerelle_core::catalogue::Catalogue;

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: check-catalogue FILE");
        return ExitCode::from(2);
    };
    let json = match std::fs::read_to_string(&path) {
        Ok(json) => json,
        Err(error) => {
            eprintln!("{path}: {error}");
            return ExitCode::from(2);
        }
    };
    match Catalogue::from_json(&json) {
        Ok(catalogue) => {
            println!("{path}: valid, {} entries", catalogue.entries().len());
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
