//! `Catalogue::from_json` on arbitrary text. A catalogue that reads
//! writes back to JSON that reads equal, and orients (with explanations
//! and without, in agreement with the rules' reference semantics) a
//! person of whom nothing is known, for every need its entries address.
#![no_main]

use libfuzzer_sys::fuzz_target;
use passerelle_core::catalogue::Catalogue;
use passerelle_core::facts::Facts;
use passerelle_core::orientation::{Need, Priority};
use passerelle_fuzz::{assert_orientation, today};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let catalogue = match Catalogue::from_json(text) {
        Ok(catalogue) => catalogue,
        Err(problems) => {
            assert!(!problems.is_empty(), "refused without a problem");
            assert!(problems.iter().all(|problem| !problem.code.is_empty()));
            return;
        }
    };
    let written = passerelle_core::json::write(&catalogue);
    let again = Catalogue::from_json(&written)
        .unwrap_or_else(|problems| panic!("own JSON refused: {problems:?}\n{written}"));
    assert_eq!(again, catalogue, "catalogue changed through JSON");
    let mut needs: Vec<Need> = Vec::new();
    for entry in catalogue.entries().iter().take(8) {
        for theme in entry.themes.iter().take(2) {
            if needs.iter().all(|need| &need.theme != theme) {
                needs.push(Need {
                    theme: theme.clone(),
                    priority: Priority::Urgent,
                    alerts: Vec::new(),
                });
            }
        }
    }
    assert_orientation(&catalogue, &Facts::new(), &needs, today());
});
