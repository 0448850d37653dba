//! `import::import_data_inclusion` on arbitrary text. An import that
//! succeeds gives a catalogue that writes back to JSON that reads equal,
//! and that orients (explained and not, agreeing with the rules'
//! reference semantics) a person of whom nothing is known; every problem
//! reported has a code and a path.
#![no_main]

use libfuzzer_sys::fuzz_target;
use passerelle_core::catalogue::Catalogue;
use passerelle_core::facts::Facts;
use passerelle_core::import::import_data_inclusion;
use passerelle_core::orientation::{Need, Priority};
use passerelle_fuzz::{assert_orientation, today};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let import = match import_data_inclusion(text) {
        Ok(import) => import,
        Err(problems) => {
            assert!(!problems.is_empty(), "refused without a problem");
            assert!(problems.iter().all(|problem| !problem.code.is_empty()));
            return;
        }
    };
    assert!(import.report.iter().all(|problem| !problem.code.is_empty()));
    let catalogue = &import.catalogue;
    let written = passerelle_core::json::write(catalogue);
    let again = Catalogue::from_json(&written)
        .unwrap_or_else(|problems| panic!("imported catalogue refused: {problems:?}\n{written}"));
    assert_eq!(&again, catalogue, "imported catalogue changed through JSON");
    let needs: Vec<Need> = catalogue
        .entries()
        .iter()
        .flat_map(|entry| entry.themes.first())
        .take(4)
        .map(|theme| Need {
            theme: theme.clone(),
            priority: Priority::High,
            alerts: Vec::new(),
        })
        .collect();
    assert_orientation(catalogue, &Facts::new(), &needs, today());
});
