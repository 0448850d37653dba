//! `Facts::from_json` on arbitrary text, then `orient` on the national
//! catalogue with arbitrary needs, explained and not, in French and
//! English. The input's first line says what to orient for, in tokens:
//! a date `YYYY-MM-DD` (the reference date, else 2026-11-27), `#n` (the
//! n-th data·inclusion theme), or any other text (a theme as given), each
//! need followed by `!` (urgent) or `+` (high) for its priority. The rest
//! is the facts' JSON.
//!
//! Facts that read orient with and without explanations to the same
//! statuses, missing facts and proposals, each status as the rules'
//! reference semantics (`Condition::evaluate`) says; each entry proposed
//! once in the whole orientation and never one the person has, emergency
//! lines only under urgent needs, the ruled-out entries last and counted;
//! a request refused is refused alike with and without explanations.
#![no_main]

use libfuzzer_sys::fuzz_target;
use passerelle_core::date::Date;
use passerelle_core::facts::Facts;
use passerelle_core::orientation::{Need, Priority};
use passerelle_core::referentials::Referential;
use passerelle_fuzz::{assert_orientation, national, today};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let (header, facts) = text.split_once('\n').unwrap_or((text, "{}"));
    let mut date = today();
    let mut needs = Vec::new();
    let themes = Referential::Themes.terms();
    for token in header.split_whitespace().take(16) {
        if let Ok(parsed) = Date::parse(token) {
            date = parsed;
            continue;
        }
        let (token, priority) = match token.as_bytes().last() {
            Some(b'!') => (&token[..token.len() - 1], Priority::Urgent),
            Some(b'+') => (&token[..token.len() - 1], Priority::High),
            _ => (token, Priority::Normal),
        };
        let theme = match token.strip_prefix('#').map(str::parse::<usize>) {
            Some(Ok(n)) => themes[n % themes.len()].value.clone(),
            _ => token.to_owned(),
        };
        needs.push(Need {
            theme,
            priority,
            alerts: Vec::new(),
        });
    }
    let facts = match Facts::from_json(facts) {
        Ok(facts) => facts,
        Err(problems) => {
            assert!(!problems.is_empty(), "refused without a problem");
            assert!(problems.iter().all(|problem| !problem.code.is_empty()));
            return;
        }
    };
    assert_orientation(national(), &facts, &needs, date);
});
