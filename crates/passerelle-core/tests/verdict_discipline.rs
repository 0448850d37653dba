//! Verdict discipline and freshness (issue 17): "Vous y avez droit" only
//! for a right whose conditions are met by the person's facts, on figures
//! and criteria that still hold.

use passerelle_core::catalogue::Catalogue;
use passerelle_core::date::Date;
use passerelle_core::facts::Facts;
use passerelle_core::orientation::{
    orient, DetailedProposal, Eligibility, Need, Priority, Request, Standing,
};
use passerelle_core::Locale;
use passerelle_core::Message;
use proptest::prelude::*;

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

/// What `read` makes of the proposal of the only entry of `catalogue`,
/// under a money need, for the person `facts` (JSON) on `date`.
fn only_proposal<T>(
    catalogue: &Catalogue,
    facts: &str,
    date: &str,
    locale: Locale,
    read: impl FnOnce(&DetailedProposal) -> T,
) -> T {
    let facts = Facts::from_json(facts).unwrap();
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
    read(&orientation.detailed().needs[0].proposals[0])
}

/// Where the only entry stands for a 30-year-old on `date`, and the
/// warning about its figures a person reads, if any.
fn adult_on(
    catalogue: &Catalogue,
    date: &str,
    locale: Locale,
) -> (Eligibility, Standing, Option<String>) {
    only_proposal(catalogue, r#"{"age": 30}"#, date, locale, |proposal| {
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
    })
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
    // The widget writes the standing "À vérifier" (passerelle-wasm, tests/widget_words.rs).
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
    let (standing, figures_outdated) = only_proposal(
        &catalogue,
        r#"{"age": 16}"#,
        "2026-12-03",
        Locale::Fr,
        |proposal| (proposal.standing, proposal.figures_outdated),
    );
    assert_eq!(standing, Standing::RuledOut);
    // The warning is still there: a ceiling may have moved.
    assert!(figures_outdated);
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

/// Where the only entry of `catalogue` stands for a 30-year-old, with its
/// explanation as a person reads it.
fn standing_and_reasons(catalogue: &Catalogue) -> (Eligibility, Standing, Vec<String>) {
    let facts = r#"{"age": 30, "postal_code": "75011"}"#;
    only_proposal(catalogue, facts, "2026-12-03", Locale::Fr, |proposal| {
        assert!(proposal.missing.is_empty(), "nothing left to ask");
        let reasons = proposal
            .explanation
            .iter()
            .map(|reason| reason.text().to_string())
            .collect();
        (proposal.status, proposal.standing, reasons)
    })
}

#[test]
fn conditions_no_fact_can_say_make_a_right_possible_on_conditions_never_met() {
    // The law's condition as a to_check: every other condition met, the
    // person reads "Possible, sous conditions" and what to check.
    let catalogue = Catalogue::from_json(&one_entry("").replace(
        r#""eligibility": {"age": {"min": 18}},"#,
        r#""eligibility": {"all": [{"age": {"min": 18}}, {"to_check": {"fr": "Avoir un diagnostic d’un conseiller", "en": "Have an advisor's diagnosis"}}]},"#,
    ))
    .unwrap();
    let (status, standing, reasons) = standing_and_reasons(&catalogue);
    assert_eq!(
        (status, standing),
        (Eligibility::Undetermined, Standing::OnConditions)
    );
    // The widget writes the standing "Possible, sous conditions"
    // (passerelle-wasm, tests/widget_words.rs).
    assert!(
        reasons.contains(&"À vérifier\u{a0}: Avoir un diagnostic d’un conseiller".to_owned()),
        "{reasons:?}"
    );
}

#[test]
fn the_retired_conditions_in_notes_is_read_as_a_condition_to_check() {
    // An entry not yet moved to to_check: its rule is met, its notes state
    // conditions the site cannot check. It was "eligible" before issue 17.
    let catalogue = Catalogue::from_json(&one_entry(
        r#""eligibility_notes": {"fr": "Sur prescription d’un conseiller."}, "conditions_in_notes": true,"#,
    ))
    .unwrap();
    let (status, standing, reasons) = standing_and_reasons(&catalogue);
    assert_eq!(
        (status, standing),
        (Eligibility::Undetermined, Standing::OnConditions)
    );
    assert_eq!(
        reasons.last().map(String::as_str),
        Some("À vérifier\u{a0}: Les conditions écrites dans les précisions sur cette aide")
    );
    // Written out, the entry says it as it is now written: a to_check,
    // without the retired flag; it reads back the same.
    let json = serde_json::to_string(&catalogue).unwrap();
    assert!(!json.contains("conditions_in_notes"), "{json}");
    assert!(
        json.contains(r#"{"to_check":{"fr":"Les conditions écrites"#),
        "{json}"
    );
    assert_eq!(Catalogue::from_json(&json).unwrap(), catalogue);
    // Without a rule at all: not open to all, possible on conditions.
    let catalogue = Catalogue::from_json(
        &one_entry(
            r#""eligibility_notes": {"fr": "Selon le règlement local."}, "conditions_in_notes": true,"#,
        )
        .replace(r#""eligibility": {"age": {"min": 18}},"#, ""),
    )
    .unwrap();
    let (status, standing, _) = standing_and_reasons(&catalogue);
    assert_eq!(
        (status, standing),
        (Eligibility::Undetermined, Standing::OnConditions)
    );
}

// --- The verdict discipline on the national catalogue -----------------

/// The entries of the national catalogue open to everyone, reviewed one by
/// one with the reason: they may come out "eligible" (as "Ouvert à tous")
/// on no fact at all. Every other entry needs facts the person gave.
/// Reviewed 2026-12-03 against each entry's `source_url`. Add an entry
/// here only with its reason, never to make the test pass.
const OPEN_TO_ALL: &[(&str, &str)] = &[
    (
        "urgence-115",
        "emergency shelter line: anyone in distress, unconditional (CASF L345-2-2)",
    ),
    (
        "violences-femmes-info-3919",
        "national listening line for violence: anyone, free, anonymous",
    ),
    (
        "allo-enfance-119",
        "child in danger line: anyone may call (CASF L226-6)",
    ),
    ("samu-15", "medical emergency line: anyone"),
    ("urgences-112", "European emergency number: anyone"),
    (
        "prevention-suicide-3114",
        "suicide prevention line: anyone, free, 24/7",
    ),
    (
        "maltraitance-3977",
        "abuse of older and disabled people: anyone may call, victim or witness",
    ),
    ("drogues-info-service", "helpline: anyone, free, anonymous"),
    (
        "sexualites-contraception-ivg",
        "national helpline: anyone, free, anonymous",
    ),
    (
        "illettrisme-info-service",
        "ANLCI helpline: anyone, to find a place to learn",
    ),
    (
        "france-services",
        "public service counters: anyone, for any administrative step",
    ),
    (
        "point-conseil-budget",
        "free budget advice: anyone with money difficulties, no condition",
    ),
    ("point-justice", "free access to legal information: anyone"),
    (
        "defenseur-des-droits",
        "anyone may refer a matter, free (Loi organique 2011-333)",
    ),
    (
        "cidff",
        "legal and social information: open to all, women first, free",
    ),
    ("conseiller-numerique", "digital help sessions: anyone"),
    (
        "aidants-connect",
        "a trusted helper does steps online for a person: anyone who needs it",
    ),
    ("pix", "free online test of digital skills: anyone"),
    (
        "monenfant-relais-petite-enfance",
        "information on childcare: any parent or future parent",
    ),
    (
        "conseil-evolution-professionnelle",
        "career advice: any working-age person, free (C. trav. L6111-6)",
    ),
    ("jeveuxaider", "volunteering platform: anyone"),
    // Housing, food, emergencies, rights and debt (issue 17).
    (
        "ccas",
        "the town's social service: any resident; files any aid request (CASF L123-5)",
    ),
    ("adil", "free legal advice on housing: anyone (CCH L366-1)"),
    (
        "mediateur-energie",
        "energy ombudsman and Énergie-Info: any consumer, free (service-public F20820)",
    ),
    (
        "france-victimes-116006",
        "victim support line: any victim or relative, free, whatever the nationality",
    ),
    (
        "info-escroqueries",
        "the ministry's fraud line: anyone who thinks they were scammed, free",
    ),
    (
        "secours-catholique",
        "welcome and listening: anyone in difficulty, whatever their religion",
    ),
];

/// The entries open to everyone of an age, reviewed the same way: they
/// may come out "eligible" on the person's age (and place) alone.
const OPEN_TO_AN_AGE: &[(&str, &str)] = &[
    ("fil-sante-jeunes", "health helpline for anyone aged 12 to 25, free, anonymous"),
    ("mon-soutien-psy", "psychologist sessions for anyone from 3 covered by the Assurance maladie, no referral since 2024 (CSS L162-58)"),
    ("visale", "rent guarantee for anyone aged 18 to 30 inclusive, whatever their situation (visale.fr); after 30, conditions of work"),
];

fn open_to_all(id: &str) -> bool {
    OPEN_TO_ALL.iter().any(|(open, _)| *open == id)
}

fn open_to_an_age(id: &str) -> bool {
    OPEN_TO_AN_AGE.iter().any(|(open, _)| *open == id)
}

/// The ids of the national entries "eligible" for `facts` that are not
/// reviewed as open to all.
fn eligible_not_open_to_all(facts: &Facts) -> Vec<String> {
    let mut ids = eligible(facts);
    ids.retain(|id| !open_to_all(id));
    ids
}

#[test]
fn the_open_to_all_list_names_entries_with_no_condition() {
    let catalogue = Catalogue::national();
    for (id, reason) in OPEN_TO_ALL {
        let entry = catalogue
            .entry(id)
            .unwrap_or_else(|| panic!("{id} is not in the catalogue"));
        assert!(entry.eligibility.is_none(), "{id} has conditions: {reason}");
        assert!(!reason.is_empty());
    }
    for (id, reason) in OPEN_TO_AN_AGE {
        let entry = catalogue
            .entry(id)
            .unwrap_or_else(|| panic!("{id} is not in the catalogue"));
        let rule = entry.eligibility.as_ref().expect("an age condition");
        assert!(
            rule.facts().contains(passerelle_core::facts::Fact::Age),
            "{id}: {reason}"
        );
    }
}

#[test]
fn with_no_facts_only_what_is_open_to_all_is_eligible() {
    assert_eq!(
        eligible_not_open_to_all(&Facts::new()),
        Vec::<String>::new()
    );
}

/// Every age from 0 to 110, said or not, in places from mainland France
/// to Mayotte, said or not: the facts every orientation starts with.
fn ages_and_places() -> impl Iterator<Item = serde_json::Value> {
    let ages = std::iter::once(None).chain((0..=110).map(Some));
    ages.flat_map(|age| {
        [None, Some("75011"), Some("97411"), Some("97600")]
            .into_iter()
            .map(move |place| {
                let mut facts = serde_json::Map::new();
                if let Some(age) = age {
                    facts.insert("age".into(), age.into());
                }
                if let Some(place) = place {
                    facts.insert("postal_code".into(), place.into());
                }
                serde_json::Value::Object(facts)
            })
    })
}

/// Age and place alone make no right "eligible": every right asks
/// something of the person's situation (a disability, a rent, resources,
/// studies, a status…). AAH and RQTH were "eligible" on age alone.
#[test]
fn age_and_place_alone_make_nothing_eligible_but_what_is_open_to_all() {
    let mut wrong: std::collections::BTreeMap<String, String> = Default::default();
    for facts in ages_and_places() {
        let parsed = Facts::from_value(&facts, "$").unwrap();
        for id in eligible_not_open_to_all(&parsed) {
            if open_to_an_age(&id) {
                continue;
            }
            wrong.entry(id).or_insert_with(|| facts.to_string());
        }
    }
    assert!(
        wrong.is_empty(),
        "{} entries eligible on age and place alone (entry: first facts):\n{}",
        wrong.len(),
        wrong
            .iter()
            .map(|(id, facts)| format!("  {id}: {facts}"))
            .collect::<Vec<_>>()
            .join("\n")
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// "Eligible" only on facts the person gave: with random partial
    /// facts, an entry found eligible stays eligible whatever else the
    /// person says afterwards (every condition was met by what they said,
    /// none assumed of what they did not).
    #[test]
    fn an_eligible_verdict_rests_only_on_facts_the_person_gave(
        partial in partial_facts(),
        rest in partial_facts(),
    ) {
        let given = Facts::from_value(&partial, "$").unwrap();
        let mut more = rest.as_object().cloned().unwrap_or_default();
        more.extend(partial.as_object().cloned().unwrap_or_default());
        let more = Facts::from_value(&serde_json::Value::Object(more), "$").unwrap();
        let before = eligible(&given);
        let after = eligible(&more);
        let lost: Vec<_> = before.iter().filter(|id| !after.contains(id)).collect();
        prop_assert!(lost.is_empty(), "{:?} eligible on {} but not on {}", lost, partial, serde_json::to_string(&more.iter().map(|(f, _)| f.name()).collect::<Vec<_>>()).unwrap());
    }
}

/// The ids of the national entries "eligible" for `facts`.
fn eligible(facts: &Facts) -> Vec<String> {
    let catalogue = Catalogue::national();
    let orientation = orient(
        &catalogue,
        &Request {
            facts,
            needs: &[],
            reference_date: Date::parse("2026-12-03").unwrap(),
            locale: Locale::Fr,
            explain: false,
        },
    )
    .unwrap();
    orientation
        .matched()
        .eligible
        .into_iter()
        .map(str::to_owned)
        .collect()
}

/// Random partial facts over a wide part of the vocabulary, each present
/// or absent.
fn partial_facts() -> impl Strategy<Value = serde_json::Value> {
    use serde_json::json;
    (
        (
            prop::option::of(0i64..=100),
            prop::option::of(prop::sample::select(vec![
                "75011", "93200", "97411", "97600", "20000",
            ])),
            prop::option::of(prop::sample::select(vec!["french", "eu", "non_eu"])),
            prop::option::of(0i64..=5),
            prop::option::of(any::<bool>()),
            prop::option::of(any::<bool>()),
        ),
        (
            prop::option::of(prop::sample::select(vec![
                "jobseeker",
                "student",
                "inactive",
                "employed",
                "apprentice",
                "self_employed",
            ])),
            prop::option::of(prop::sample::subsequence(
                vec!["rsa", "ass", "aah", "prime_activite", "apl"],
                0..3,
            )),
            prop::option::of(0i64..=3000),
            prop::option::of(prop::sample::select(vec![
                "homeless",
                "emergency_shelter",
                "tenant",
                "owner",
                "hosted",
            ])),
            prop::option::of(any::<bool>()),
            prop::option::of(any::<bool>()),
        ),
    )
        .prop_map(
            |(
                (age, postal_code, nationality, children, couple, rqth),
                (status, benefits, resources, housing, in_education, jobseeker),
            )| {
                let mut map = serde_json::Map::new();
                let mut put = |key: &str, value: Option<serde_json::Value>| {
                    if let Some(value) = value {
                        map.insert(key.to_owned(), value);
                    }
                };
                put("age", age.map(Into::into));
                put("postal_code", postal_code.map(Into::into));
                put("nationality", nationality.map(Into::into));
                put("children_count", children.map(Into::into));
                put("couple", couple.map(Into::into));
                put("rqth", rqth.map(Into::into));
                put("employment_status", status.map(Into::into));
                put("benefits", benefits.map(|b| json!(b)));
                put("monthly_resources", resources.map(Into::into));
                put("housing", housing.map(Into::into));
                put("in_education", in_education.map(Into::into));
                put("registered_jobseeker", jobseeker.map(Into::into));
                serde_json::Value::Object(map)
            },
        )
}

// --- Freshness, shown ---------------------------------------------------

#[test]
fn a_right_not_verified_for_twelve_months_is_to_check_with_a_warning() {
    // Last verified on 10 November 2026.
    let catalogue = Catalogue::from_json(&one_entry("")).unwrap();
    let entry = &catalogue.entries()[0];
    assert_eq!(
        entry.stale_after_months,
        passerelle_core::catalogue::DEFAULT_STALE_AFTER_MONTHS
    );
    assert_eq!(passerelle_core::catalogue::DEFAULT_STALE_AFTER_MONTHS, 12);
    assert_eq!(entry.verified_until(), Date::parse("2027-11-10").unwrap());
    let detailed_on = |date: &str| {
        only_proposal(&catalogue, r#"{"age": 30}"#, date, Locale::Fr, |proposal| {
            (
                proposal.standing,
                proposal.stale,
                proposal.last_verified,
                proposal.stale_after_months,
            )
        })
    };
    // Twelve months to the day: still a right met, and the person reads
    // when it was checked.
    let (standing, stale, verified, _) = detailed_on("2027-11-10");
    assert_eq!((standing, stale), (Standing::Entitled, false));
    assert_eq!(
        Message::VerifiedOn(verified).text(Locale::Fr),
        "Vérifié le 10 novembre 2026"
    );
    // The day after: never a stale "Vous y avez droit".
    let (standing, stale, verified, months) = detailed_on("2027-11-11");
    assert_eq!((standing, stale), (Standing::ToCheck, true));
    let warning = Message::Stale {
        months,
        last_verified: verified,
    }
    .text(Locale::Fr);
    assert_eq!(
        warning,
        "Attention\u{a0}: ces informations n’ont pas été vérifiées depuis plus de 12\u{a0}mois (le 10 novembre 2026). Elles ont peut-être changé\u{a0}: vérifiez-les sur le site officiel avant de compter dessus."
    );
    // Open to all stays open to all (it is no right met), with the warning.
    let open =
        Catalogue::from_json(&one_entry("").replace(r#""eligibility": {"age": {"min": 18}},"#, ""))
            .unwrap();
    assert_eq!(
        only_proposal(&open, "{}", "2028-01-01", Locale::Fr, |proposal| {
            (proposal.standing, proposal.stale)
        }),
        (Standing::OpenToAll, true)
    );
}

#[test]
fn a_catalogue_may_set_its_own_period_and_its_entries_keep_it_when_merged() {
    let json = one_entry("").replace(
        r#""name": "t", "entries""#,
        r#""name": "t", "stale_after_months": 6, "entries""#,
    );
    let local = Catalogue::from_json(&json).unwrap();
    assert_eq!(local.stale_after_months, Some(6));
    let entry = &local.entries()[0];
    assert_eq!(entry.verified_until(), Date::parse("2027-05-10").unwrap());
    assert!(!entry.stale(Date::parse("2027-05-10").unwrap()));
    assert!(entry.stale(Date::parse("2027-05-11").unwrap()));
    // Merged into the national catalogue, a local entry keeps its period.
    let merged = Catalogue::national().merged_with(&local);
    assert_eq!(merged.entry("aide").unwrap().stale_after_months, 6);
    assert_eq!(merged.entry("rsa").unwrap().stale_after_months, 12);
    // Written out, it reads back the same.
    let written = serde_json::to_string(&local).unwrap();
    assert_eq!(Catalogue::from_json(&written).unwrap(), local);
    // A month shorter than the day: its last day.
    let end_of_august = one_entry("").replace("2026-11-10", "2026-08-31");
    let catalogue = Catalogue::from_json(&end_of_august.replace(
        r#""name": "t", "entries""#,
        r#""name": "t", "stale_after_months": 6, "entries""#,
    ))
    .unwrap();
    assert_eq!(
        catalogue.entries()[0].verified_until(),
        Date::parse("2027-02-28").unwrap()
    );
    for wrong in ["0", "121", "\"12\"", "-1", "1.5"] {
        let json = one_entry("").replace(
            r#""name": "t", "entries""#,
            &format!(r#""name": "t", "stale_after_months": {wrong}, "entries""#),
        );
        assert_eq!(
            problems(&json),
            [("out_of_range", "$.stale_after_months".to_owned())],
            "{wrong}"
        );
    }
}

#[test]
fn the_print_view_and_the_referral_sheet_say_when_the_partner_was_verified() {
    use passerelle_core::diagnosis::{Diagnosis, FoundNeed};
    use passerelle_core::plan::{Author, Choices, Consent, Edit, Plan};
    use passerelle_core::print::print_view;
    use passerelle_core::referral::referral_sheet;

    let today = Date::parse("2026-11-27").unwrap();
    let diagnosis = Diagnosis {
        questionnaire_id: "passerelle-default".into(),
        reference_date: today,
        facts: Facts::from_json(
            r#"{"birth_date": "2007-05-02", "postal_code": "93200",
            "employment_status": "inactive", "in_education": false}"#,
        )
        .unwrap(),
        urgent: vec![],
        needs: vec![FoundNeed {
            theme: "trouver-un-emploi".into(),
            label: "Trouver un emploi".into(),
            priority: Priority::High,
            rank: None,
            raised_by: vec![],
        }],
        ranked_by_person: false,
    };
    let catalogue = Catalogue::national();
    let choices = Choices::new(today, vec!["trouver-un-emploi".into()]);
    let mut plan = Plan::build(&diagnosis, &catalogue, &choices).unwrap();
    let cej = catalogue.entry("contrat-engagement-jeune").unwrap();
    let verified = Message::VerifiedOn(cej.last_verified).text(Locale::Fr);
    // The print view: each step of a catalogue entry says when it was
    // checked; a stale one warns.
    let html = print_view(&plan, &catalogue, today);
    assert!(html.contains(&verified), "{verified} not in the print view");
    assert!(!html.contains("n’ont pas été vérifiées"));
    let later = cej.verified_until().plus_days(1).unwrap();
    let html = print_view(&plan, &catalogue, later);
    assert!(html.contains("n’ont pas été vérifiées depuis plus de 12"));
    // The referral sheet: for its partner.
    let consent = Consent {
        entry: "contrat-engagement-jeune".into(),
        date: today,
    };
    plan.apply(Edit::GiveConsent { consent }, Author::Person, today)
        .unwrap();
    let sheet = referral_sheet(&plan, &catalogue, "contrat-engagement-jeune", today).unwrap();
    let expected = Message::PartnerVerifiedOn {
        partner: cej.name.get(Locale::Fr),
        date: cej.last_verified,
    }
    .text(Locale::Fr);
    let html = sheet.to_html();
    assert!(
        html.contains(&expected.replace('\'', "&#39;")),
        "{expected}"
    );
    assert!(!sheet.partner.stale);
    let json = serde_json::to_value(&sheet).unwrap();
    assert_eq!(
        json["partner"]["last_verified"],
        cej.last_verified.to_string()
    );
    let stale = referral_sheet(&plan, &catalogue, "contrat-engagement-jeune", later).unwrap();
    assert!(stale.partner.stale);
    assert!(stale
        .to_html()
        .contains("n’ont pas été vérifiées depuis longtemps"));
}

#[test]
fn check_catalogue_lists_the_entries_to_reverify_soonest_first() {
    use passerelle_core::catalogue::ReverifyReason;
    // Four entries: one fresh, one stale, one whose figures ended, one
    // whose figures end within three months.
    let base: serde_json::Value = serde_json::from_str(&one_entry("")).unwrap();
    let template = base["entries"][0].clone();
    let entry = |id: &str, verified: &str, until: Option<&str>| {
        let mut entry = template.clone();
        entry["id"] = id.into();
        entry["name"] = serde_json::json!({"fr": id});
        entry["last_verified"] = verified.into();
        if let Some(until) = until {
            entry["figures_valid"] = serde_json::json!({"until": until});
        }
        entry
    };
    let mut catalogue = base.clone();
    catalogue["entries"] = serde_json::json!([
        entry("fresh", "2026-11-10", Some("2027-03-31")),
        entry("figures-ending", "2026-11-10", Some("2026-12-31")),
        entry("stale", "2025-01-10", None),
        entry("figures-ended", "2026-10-01", Some("2026-06-30")),
    ]);
    let catalogue = Catalogue::from_value(&catalogue).unwrap();
    let listed: Vec<_> = catalogue
        .to_reverify(Date::parse("2026-12-03").unwrap())
        .iter()
        .map(|item| (item.entry.id.as_str(), item.reason, item.due.to_string()))
        .collect();
    assert_eq!(
        listed,
        [
            ("stale", ReverifyReason::Stale, "2026-01-10".to_owned()),
            (
                "figures-ended",
                ReverifyReason::FiguresEnded,
                "2026-06-30".to_owned()
            ),
            (
                "figures-ending",
                ReverifyReason::FiguresEnding,
                "2026-12-31".to_owned()
            ),
        ]
    );
    assert_eq!(passerelle_core::catalogue::REVERIFY_NOTICE_MONTHS, 3);
    // The national catalogue was verified within its period: nothing is
    // stale today. Figures whose period has ended (the official texts of
    // April 2026 were not found: data/SOURCES.md says which) are listed,
    // and their entries read "À vérifier", never "Vous y avez droit".
    let today = Date::parse("2026-12-03").unwrap();
    let national = Catalogue::national();
    let listed = national.to_reverify(today);
    assert!(listed
        .iter()
        .all(|item| item.reason != ReverifyReason::Stale));
    for item in listed
        .iter()
        .filter(|item| item.reason == ReverifyReason::FiguresEnded)
    {
        assert!(item.entry.figures_outdated(today), "{}", item.entry.id);
    }
}
