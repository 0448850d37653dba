//! `Plan::from_json` on arbitrary text. A plan that reads writes back to
//! JSON that reads equal and writes the same text; its print view and the
//! referral sheet of each partner in it are made, with no markup of the
//! plan's texts left unescaped.
#![no_main]

use libfuzzer_sys::fuzz_target;
use passerelle_core::plan::Plan;
use passerelle_core::{print, referral};
use passerelle_fuzz::{national, today};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let plan = match Plan::from_json(text) {
        Ok(plan) => plan,
        Err(error) => {
            assert!(!error.code().is_empty());
            return;
        }
    };
    let written = plan.to_json();
    let again = Plan::from_json(&written)
        .unwrap_or_else(|error| panic!("own JSON refused ({}): {written}", error.code()));
    assert_eq!(again, plan, "plan changed through JSON");
    assert_eq!(again.to_json(), written);
    let catalogue = national();
    let html = print::print_view(&plan, catalogue, today());
    assert!(!html.contains("<script"), "script in the print view");
    let _ = plan.next_steps();
    let _ = plan.categories_to_add();
    let _ = plan.proposals(catalogue, &plan.facts, today());
    for action in plan
        .objectives
        .iter()
        .flat_map(|objective| &objective.actions)
    {
        let Some(entry) = &action.entry else { continue };
        match referral::referral_sheet(&plan, catalogue, entry, today()) {
            Ok(sheet) => {
                let html = sheet.to_html();
                assert!(!html.contains("<script"), "script in a referral sheet");
            }
            Err(error) => assert!(!error.code().is_empty()),
        }
    }
});
