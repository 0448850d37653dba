//! Verdict discipline and freshness (issue 17): "Vous y avez droit" only
//! for a right whose conditions are met by the person's facts, on figures
//! and criteria that still hold.

use passerelle_core::catalogue::Catalogue;
use passerelle_core::date::Date;
use passerelle_core::facts::Facts;
use passerelle_core::i18n::{Locale, Message};
use passerelle_core::orientation::{orient, Eligibility, Need, Priority, Request, Standing};

/// A catalogue of one entry, for adults, with `extra` fields (JSON, each
/// followed by a comma).
fn one_entry(extra: &str) -> String {
    format!(
        r#"{{"format_version": 1, "id": "t", "name": "t", "entries": [
      {{"id": "aide", "name": {{"fr": "Aide"}}, "description": {{"fr": "Une aide."}}, "kind": "scheme",
       "types": ["aide-financiere"], "themes": ["difficultes-financieres--prevenir-une-degradation-de-la-situation-financiere"],
       "publics": ["tous-publics"], "zone": {{"national": true}},
       "eligibility": {{"age": {{"min": 18}}}},
       "access": {{"through": ["usagers"], "modes": ["se-presenter"]}}, "cost": "gratuit",
       {extra}
       "source_url": "https://www.service-public.fr/", "last_verified": "2026-11-10"}}]}}"#
    )
}

fn problems(json: &str) -> Vec<(&'static str, String)> {
    Catalogue::from_json(json)
        .unwrap_err()
        .into_iter()
        .map(|problem| (problem.code, problem.path))
        .collect()
}

/// Where the only entry stands for a 30-year-old on `date`, and the
/// warning about its figures a person reads, if any.
fn adult_on(
    catalogue: &Catalogue,
    date: &str,
    locale: Locale,
) -> (Eligibility, Standing, Option<String>) {
    let facts = Facts::from_json(r#"{"age": 30}"#).unwrap();
    let needs = [Need::new("difficultes-financieres", Priority::Normal)];
    let orientation = orient(
        catalogue,
        &Request {
            facts: &facts,
            needs: &needs,
            reference_date: Date::parse(date).unwrap(),
            locale,
            explain: true,
        },
    )
    .unwrap();
    let detailed = orientation.detailed();
    let proposal = &detailed.needs[0].proposals[0];
    let warning = match (proposal.figures_outdated, proposal.figures_valid) {
        (true, Some(figures)) => Some(
            Message::FiguresOutdated {
                from: figures.from,
                until: figures.until,
            }
            .text(locale),
        ),
        _ => None,
    };
    (proposal.status, proposal.standing, warning)
}

#[test]
fn a_right_met_on_figures_past_their_date_is_to_check_with_the_dates_in_words() {
    let catalogue = Catalogue::from_json(&one_entry(
        r#""figures_valid": {"from": "2026-04-01", "until": "2027-03-31"},"#,
    ))
    .unwrap();
    // Within the figures' period: a right met.
    assert_eq!(
        adult_on(&catalogue, "2027-03-31", Locale::Fr),
        (Eligibility::Eligible, Standing::Entitled, None)
    );
    // The day after: the amounts may have changed (the RSA's every
    // 1 April); the rule is still met, but the person never reads
    // "Vous y avez droit" on figures that may be outdated.
    let (status, standing, warning) = adult_on(&catalogue, "2027-04-01", Locale::Fr);
    assert_eq!(
        (status, standing),
        (Eligibility::Eligible, Standing::ToCheck)
    );
    assert_eq!(Message::ToCheckWords.text(Locale::Fr), "À vérifier");
    let warning = warning.expect("the widget says why, with the dates");
    assert!(
        warning.contains("du 1er avril 2026 au 31 mars 2027"),
        "{warning}"
    );
    assert!(warning.contains("vérifiez-les"), "{warning}");
    let (_, _, english) = adult_on(&catalogue, "2027-04-01", Locale::En);
    assert!(
        english
            .unwrap()
            .contains("from 1 April 2026 to 31 March 2027"),
        "in English too"
    );
    // Before the figures hold: not yet those of the date either.
    let (_, standing, warning) = adult_on(&catalogue, "2026-03-31", Locale::Fr);
    assert_eq!(standing, Standing::ToCheck);
    assert!(warning.is_some());
}

#[test]
fn figures_known_only_until_a_date_are_said_with_that_date() {
    let catalogue =
        Catalogue::from_json(&one_entry(r#""figures_valid": {"until": "2026-12-31"},"#)).unwrap();
    assert_eq!(
        adult_on(&catalogue, "2026-01-01", Locale::Fr).1,
        Standing::Entitled
    );
    let (_, standing, warning) = adult_on(&catalogue, "2027-01-02", Locale::Fr);
    assert_eq!(standing, Standing::ToCheck);
    assert!(
        warning.unwrap().contains("jusqu’au 31 décembre 2026"),
        "the end date in words"
    );
}

#[test]
fn outdated_figures_do_not_turn_a_refusal_or_an_open_service_into_a_right() {
    let catalogue = Catalogue::from_json(&one_entry(
        r#""figures_valid": {"from": "2025-04-01", "until": "2026-03-31"},"#,
    ))
    .unwrap();
    let facts = Facts::from_json(r#"{"age": 16}"#).unwrap();
    let needs = [Need::new("difficultes-financieres", Priority::Normal)];
    let orientation = orient(
        &catalogue,
        &Request {
            facts: &facts,
            needs: &needs,
            reference_date: Date::parse("2026-12-03").unwrap(),
            locale: Locale::Fr,
            explain: false,
        },
    )
    .unwrap();
    let detailed = orientation.detailed();
    let proposal = &detailed.needs[0].proposals[0];
    assert_eq!(proposal.standing, Standing::RuledOut);
    // The warning is still there: a ceiling may have moved.
    assert!(proposal.figures_outdated);
}

#[test]
fn an_impossible_or_incomplete_figures_period_is_refused() {
    assert_eq!(
        problems(&one_entry(
            r#""figures_valid": {"from": "2027-04-01", "until": "2026-03-31"},"#
        )),
        [("impossible_period", "$.entries[0].figures_valid".to_owned())]
    );
    for wrong in [
        r#""figures_valid": {"from": "2026-04-01"},"#,
        r#""figures_valid": {"until": "2027-03-31", "to": "2027-03-31"},"#,
        r#""figures_valid": {"until": "2027-02-30"},"#,
        r#""figures_valid": "2027-03-31","#,
    ] {
        assert_eq!(
            problems(&one_entry(wrong)),
            [("invalid_entry", "$.entries[0]".to_owned())],
            "{wrong}"
        );
    }
    // Written out, it reads back the same.
    let catalogue = Catalogue::from_json(&one_entry(
        r#""figures_valid": {"from": "2026-04-01", "until": "2027-03-31"},"#,
    ))
    .unwrap();
    let json = serde_json::to_string(&catalogue).unwrap();
    assert!(json.contains(r#""figures_valid":{"from":"2026-04-01","until":"2027-03-31"}"#));
    assert_eq!(Catalogue::from_json(&json).unwrap(), catalogue);
}
