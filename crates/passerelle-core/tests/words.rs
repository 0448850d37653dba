//! Words a person understands (issue 16, section 6): places named, never
//! coded; sentences rather than bare values; French typography in every
//! French text; the RSA called what it is in English.

use passerelle_core::catalogue::Catalogue;
use passerelle_core::date::Date;
use passerelle_core::facts::Facts;
use passerelle_core::orientation::{orient, Need, Priority, Request};
use passerelle_core::rules::Condition;
use passerelle_core::typography;
use passerelle_core::Locale;
use passerelle_core::{Message, Questionnaire};

#[path = "common/messages.rs"]
mod messages;
use messages::every_message;

fn today() -> Date {
    Date::parse("2026-11-27").unwrap()
}

/// Every text of a JSON value, with its path.
fn texts(value: &serde_json::Value, path: &str, into: &mut Vec<(String, String)>) {
    match value {
        serde_json::Value::String(text) => into.push((path.to_owned(), text.clone())),
        serde_json::Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                texts(item, &format!("{path}[{i}]"), into);
            }
        }
        serde_json::Value::Object(map) => {
            for (key, item) in map {
                texts(item, &format!("{path}.{key}"), into);
            }
        }
        _ => {}
    }
}

/// The explanation texts of an orientation of `facts` for every need the
/// demonstration town's catalogue addresses.
fn demo_explanations(facts: &Facts, locale: Locale) -> Vec<(String, String)> {
    let catalogue = Catalogue::national().merged_with(&Catalogue::demo_local());
    let mut themes: Vec<String> = Catalogue::demo_local()
        .entries()
        .iter()
        .flat_map(|entry| entry.themes.clone())
        .collect();
    themes.sort();
    themes.dedup();
    let needs: Vec<Need> = themes
        .into_iter()
        .map(|theme| Need {
            theme,
            priority: Priority::Normal,
            alerts: Vec::new(),
        })
        .collect();
    let orientation = orient(
        &catalogue,
        &Request {
            facts,
            needs: &needs,
            reference_date: today(),
            locale,
            explain: true,
        },
    )
    .unwrap();
    let json = serde_json::to_value(orientation.detailed()).unwrap();
    let mut found = Vec::new();
    texts(&json, "$", &mut found);
    found
        .into_iter()
        .filter(|(path, _)| path.contains(".explanation"))
        .collect()
}

#[test]
fn a_commune_zone_is_never_explained_with_its_code() {
    for locale in Locale::all() {
        for facts in [
            r#"{"postal_code": "93200"}"#,
            r#"{"commune": "93066"}"#,
            r#"{"postal_code": "75011"}"#,
            "{}",
        ] {
            let facts = Facts::from_json(facts).unwrap();
            let texts = demo_explanations(&facts, locale);
            assert!(!texts.is_empty());
            for (path, text) in &texts {
                assert!(
                    !text.contains("93066"),
                    "{locale:?} {path}: a raw commune code in {text:?}"
                );
            }
        }
    }
}

/// One condition on `fact` of each shape the rules allow, in JSON.
fn conditions_on(fact: &str) -> Vec<serde_json::Value> {
    use serde_json::json;
    match fact {
        "age" => vec![json!({"age": {"min": 16, "max": 25}})],
        "birth_date" | "postal_code" | "commune" | "department" | "region" => {
            vec![json!({"in_zone": {"departments": ["93"]}})]
        }
        "employment_status" => vec![json!({"in": {"fact": fact, "values": ["jobseeker"]}})],
        "benefits" => vec![json!({"has_any": {"fact": fact, "values": ["rsa", "ass"]}})],
        "support_in_progress" => {
            vec![json!({"has_any": {"fact": fact, "values": ["mission_locale", "cej"]}})]
        }
        "nationality" => vec![json!({"in": {"fact": fact, "values": ["french", "eu"]}})],
        "housing" => vec![json!({"in": {"fact": fact, "values": ["homeless"]}})],
        "french_level" => vec![json!({"in": {"fact": fact, "values": ["none"]}})],
        "digital_autonomy" => vec![json!({"in": {"fact": fact, "values": ["no_access"]}})],
        "disability" => vec![json!({"has_any": {"fact": fact, "values": ["health_limits_work"]}})],
        "residence_status" => {
            vec![json!({"in": {"fact": fact, "values": ["refugee", "subsidiary_protection"]}})]
        }
        "household_size" | "months_in_france" | "work_income" => vec![
            json!({"compare": {"fact": fact, "op": ">=", "value": 3}}),
            json!({"between": {"fact": fact, "min": 1, "max": 12}}),
            json!({"between": {"fact": fact, "min": 12, "max": 60}}),
        ],
        "unemployment_months"
        | "qualification_level"
        | "first_residence_permit_years"
        | "children_count"
        | "youngest_child_age"
        | "monthly_resources" => vec![
            json!({"compare": {"fact": fact, "op": ">=", "value": 1}}),
            json!({"between": {"fact": fact, "min": 0, "max": 3}}),
            json!({"equals": {"fact": fact, "value": 0}}),
        ],
        // A one-of fact (the national scale of a difficulty, an
        // aspiration…): one of its values.
        _ => match passerelle_core::facts::Fact::from_name(fact).map(|known| known.value_type()) {
            Some(passerelle_core::facts::FactType::OneOf(values)) => {
                vec![json!({"in": {"fact": fact, "values": [values[0]]}})]
            }
            _ => vec![json!({"equals": {"fact": fact, "value": true}})],
        },
    }
}

/// Values of `fact` at its boundaries: none, one, many; both booleans;
/// empty, one and several sets.
fn boundary_values(fact: &str) -> Vec<serde_json::Value> {
    use passerelle_core::facts::{Fact, FactType};
    use serde_json::json;
    // A one-of fact: each of its values, from the facts' vocabulary.
    if let Some(FactType::OneOf(values)) = Fact::from_name(fact).map(Fact::value_type) {
        return values.iter().map(|value| json!(value)).collect();
    }
    match fact {
        "birth_date" => vec![json!("2001-03-14"), json!("2026-11-27")],
        "age" => vec![json!(0), json!(1), json!(22), json!(130)],
        "postal_code" => vec![json!("93200"), json!("98000")],
        "commune" => vec![json!("93066"), json!("2A004")],
        "department" => vec![json!("93"), json!("976")],
        "region" => vec![json!("11")],
        "benefits" => vec![
            json!([]),
            json!(["rsa"]),
            json!(["ass", "aah"]),
            json!(["rsa", "ass", "aah", "are", "prime_activite"]),
            json!(["asf", "allocations_familiales", "paje", "apl", "ars"]),
            json!(["aspa", "pch", "ada", "c2s"]),
        ],
        "disability" => vec![
            json!([]),
            json!(["health_limits_work"]),
            json!(["cmi_invalidite", "invalidity_pension"]),
        ],
        "household_size" => vec![json!(1), json!(2), json!(20)],
        "months_in_france" => vec![
            json!(0),
            json!(1),
            json!(3),
            json!(24),
            json!(30),
            json!(1200),
        ],
        "work_income" => vec![json!(0), json!(1), json!(1200), json!(1_000_000)],
        "support_in_progress" => vec![
            json!([]),
            json!(["cej"]),
            json!(["mission_locale", "cap_emploi", "social_worker"]),
        ],
        "qualification_level" => (0..=8).map(|n| json!(n)).collect(),
        "monthly_resources" => vec![json!(0), json!(1), json!(1200), json!(1_000_000)],
        "unemployment_months"
        | "first_residence_permit_years"
        | "children_count"
        | "youngest_child_age" => vec![json!(0), json!(1), json!(2), json!(30)],
        _ => vec![json!(true), json!(false)],
    }
}

/// Every person-value sentence the explanations can make: each fact, at
/// each of its boundary values and unknown, in both languages.
fn person_sentences() -> Vec<(String, String)> {
    let mut sentences = Vec::new();
    for fact in passerelle_core::facts::Fact::ALL {
        let name = fact.name();
        for json in conditions_on(name) {
            let condition = Condition::parse(&json, "$", &mut Vec::new()).unwrap();
            let mut values: Vec<Option<serde_json::Value>> =
                boundary_values(name).into_iter().map(Some).collect();
            values.push(None);
            for value in values {
                let facts = match &value {
                    Some(value) => {
                        Facts::from_value(&serde_json::json!({ name: value }), "$").unwrap()
                    }
                    None => Facts::new(),
                };
                let facts = facts.resolve(today()).unwrap();
                for locale in Locale::all() {
                    let explanations = condition.explain(&facts, locale);
                    for explanation in explanations.all().iter() {
                        sentences
                            .push((format!("{name}={value:?} {locale:?}"), explanation.text()));
                    }
                }
            }
        }
    }
    sentences
}

#[test]
fn no_explanation_gives_a_bare_value_after_for_you() {
    let sentences = person_sentences();
    assert!(sentences.len() > 300, "{}", sentences.len());
    for (case, text) in &sentences {
        let lower = text.to_lowercase();
        assert!(
            !lower.contains("pour vous") && !lower.contains("for you"),
            "{case}: {text:?}"
        );
        // A date is written in words, never as 2001-03-14.
        assert!(!text.contains("2001-03-14"), "{case}: {text:?}");
        // An allowed value's id is never shown as it is.
        for id in [
            "self_employed",
            "in_training",
            "prime_activite",
            "non_eu",
            "needs_help",
            "no_access",
            "emergency_shelter",
            "social_worker",
            "mission_locale",
        ] {
            assert!(!text.contains(id), "{case}: {text:?}");
        }
    }
}

#[test]
fn counts_are_sentences_a_person_understands() {
    let sentence = |json: &str, condition: serde_json::Value, locale| {
        let facts = Facts::from_json(json).unwrap().resolve(today()).unwrap();
        let condition = Condition::parse(&condition, "$", &mut Vec::new()).unwrap();
        let explanations = condition.explain(&facts, locale);
        explanations.all().get(0).unwrap().text()
    };
    let children =
        serde_json::json!({"compare": {"fact": "children_count", "op": ">=", "value": 1}});
    assert!(
        sentence(r#"{"children_count": 0}"#, children.clone(), Locale::Fr)
            .ends_with("vous n’avez pas d’enfant à charge")
    );
    assert!(
        sentence(r#"{"children_count": 1}"#, children.clone(), Locale::Fr)
            .ends_with("vous avez 1\u{a0}enfant à charge")
    );
    assert!(
        sentence(r#"{"children_count": 3}"#, children.clone(), Locale::En)
            .ends_with("you have 3 dependent children")
    );
    let resources =
        serde_json::json!({"compare": {"fact": "monthly_resources", "op": "<=", "value": 700}});
    assert!(
        sentence(r#"{"monthly_resources": 0}"#, resources.clone(), Locale::Fr)
            .ends_with("vos ressources\u{a0}: 0\u{a0}€ par mois")
    );
    assert!(
        sentence(r#"{"monthly_resources": 1200}"#, resources, Locale::En)
            .ends_with("your resources: €1,200 a month")
    );
}

#[test]
fn the_typography_check_finds_what_it_should() {
    assert!(typography::faults("Pourquoi ?").len() == 1);
    assert!(typography::faults("Erreur :").len() == 1);
    assert!(typography::faults("Erreur : Cochez").len() == 1);
    assert!(typography::faults("« Oui »").len() == 2);
    assert!(typography::faults("Vraiment!").len() == 1);
    assert!(typography::faults("Pourquoi\u{202f}? Erreur\u{a0}: «\u{a0}Oui\u{a0}»").is_empty());
    assert!(typography::faults("https://www.service-public.fr/?a=b à 10:30").is_empty());
}

#[test]
fn french_messages_have_french_typography() {
    let messages = [
        Message::NeedPriority(Priority::Urgent),
        Message::ContactPartnerAction {
            name: "Mission locale",
        },
        Message::ExclusiveOption { label: "Aucune" },
    ];
    for message in messages {
        let text = message.text(Locale::Fr);
        let faults = typography::faults(&text);
        assert!(faults.is_empty(), "{text:?}: {faults:?}");
    }
}

#[test]
fn the_questionnaire_and_catalogue_texts_have_french_typography() {
    let questionnaire = Questionnaire::default_fr_en();
    let json = serde_json::to_value(&questionnaire).unwrap();
    let catalogue = serde_json::to_value(Catalogue::national()).unwrap();
    let mut found = Vec::new();
    texts(&json, "$", &mut found);
    texts(&catalogue, "$catalogue", &mut found);
    let mut faults = Vec::new();
    for (path, text) in found.iter().filter(|(path, _)| path.ends_with(".fr")) {
        for fault in typography::faults(text) {
            faults.push(format!("{path}: {fault}: {text:?}"));
        }
    }
    assert!(
        faults.is_empty(),
        "{} faults, first: {:#?}",
        faults.len(),
        &faults[..faults.len().min(5)]
    );
}

#[test]
fn english_calls_the_rsa_a_minimum_income() {
    let condition = Condition::parse(
        &serde_json::json!({"has_any": {"fact": "benefits", "values": ["rsa"]}}),
        "$",
        &mut Vec::new(),
    )
    .unwrap();
    let facts = Facts::from_json(r#"{"benefits": ["rsa"]}"#).unwrap();
    let text = condition
        .explain(&facts, Locale::En)
        .all()
        .get(0)
        .unwrap()
        .text();
    assert!(text.contains("minimum income"), "{text:?}");
    assert!(!text.to_lowercase().contains("earned income"), "{text:?}");
}

#[test]
fn every_french_message_and_fixed_text_has_french_typography() {
    use passerelle_core::diagnosis::Service;
    use passerelle_core::diagnosis::UrgentAlert;
    use passerelle_core::theme_labels::theme_label;
    let value = passerelle_core::facts::Value::Integer(19);
    let mut texts: Vec<(String, String)> = every_message(&value)
        .iter()
        .map(|message| (format!("{message:?}"), message.text(Locale::Fr)))
        .collect();
    assert!(texts.len() > 100, "{}", texts.len());
    for service in Service::ALL {
        texts.push((format!("{service:?}"), service.name(Locale::Fr).to_owned()));
    }
    for alert in UrgentAlert::ALL {
        texts.push((format!("{alert:?}"), alert.text(Locale::Fr).to_owned()));
        for contact in alert.contacts(Locale::Fr) {
            texts.push((format!("{alert:?} contact"), contact.name.to_owned()));
        }
    }
    let themes = passerelle_core::referentials::Referential::Themes;
    for theme in themes.terms().iter().map(|term| term.value.as_str()) {
        let label =
            theme_label(theme, Locale::Fr).unwrap_or_else(|| panic!("no label for {theme}"));
        assert!(
            theme_label(theme, Locale::En).is_some(),
            "no English label for {theme}"
        );
        texts.push((theme.to_owned(), label.to_owned()));
    }
    let mut faults = Vec::new();
    for (what, text) in &texts {
        for fault in typography::faults(text) {
            faults.push(format!("{what}: {fault}: {text:?}"));
        }
    }
    assert!(faults.is_empty(), "{} faults: {faults:#?}", faults.len());
}

/// The texts of an HTML page: its text between tags, references decoded.
fn html_texts(html: &str) -> Vec<String> {
    let body = html.split("<body").nth(1).unwrap_or(html);
    body.split('<')
        .filter_map(|chunk| chunk.split_once('>').map(|(_, text)| text))
        .map(|text| {
            text.replace("&#39;", "'")
                .replace("&quot;", "\"")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&")
        })
        .filter(|text| !text.trim().is_empty())
        .collect()
}

#[test]
fn the_print_view_and_the_referral_sheet_have_french_typography() {
    use passerelle_core::diagnosis::{Diagnosis, FoundNeed};
    use passerelle_core::plan::{Author, Choices, Consent, ContactDetails, Edit, Plan};
    use passerelle_core::print::print_view;
    use passerelle_core::referral::referral_sheet;
    let catalogue = Catalogue::national().merged_with(&Catalogue::demo_local());
    let job = "trouver-un-emploi";
    let diagnosis = Diagnosis {
        questionnaire_id: "passerelle-default".into(),
        reference_date: today(),
        facts: Facts::from_json(
            r#"{"birth_date": "2007-05-02", "postal_code": "93200", "employment_status": "inactive",
                "benefits": ["rsa"], "children_count": 0, "monthly_resources": 0}"#,
        )
        .unwrap(),
        urgent: vec![],
        needs: vec![FoundNeed {
            theme: job.into(),
            label: "Emploi".into(),
            priority: Priority::High,
            rank: None,
            raised_by: vec![],
        }],
        ranked_by_person: false,
    };
    let mut choices = passerelle_core::plan::Choices::new(today(), vec![job.into()]);
    choices.entries.insert(
        job.into(),
        vec!["contrat-engagement-jeune".into(), "demo-atelier-cv".into()],
    );
    let _: &Choices = &choices;
    let mut plan = Plan::build(&diagnosis, &catalogue, &choices).unwrap();
    let apply = |plan: &mut Plan, edit| plan.apply(edit, Author::Advisor, today()).unwrap();
    apply(
        &mut plan,
        Edit::SetAdvisor {
            advisor: Some(ContactDetails {
                name: "Inès Martin".into(),
                organisation: Some("Mission locale".into()),
                phone: Some("01 23 45 67 89".into()),
                email: Some("ines.martin@example.org".into()),
            }),
        },
    );
    for entry in ["contrat-engagement-jeune", "demo-atelier-cv"] {
        apply(
            &mut plan,
            Edit::GiveConsent {
                consent: Consent {
                    entry: entry.into(),
                    date: today(),
                },
            },
        );
    }
    let mut pages = vec![(
        "print view".to_owned(),
        print_view(&plan, &catalogue, today()),
    )];
    for entry in ["contrat-engagement-jeune", "demo-atelier-cv"] {
        let sheet = referral_sheet(&plan, &catalogue, entry, today()).unwrap();
        pages.push((format!("referral sheet {entry}"), sheet.to_html()));
    }
    let mut faults = Vec::new();
    for (page, html) in &pages {
        let texts = html_texts(html);
        assert!(texts.len() > 10, "{page}: {texts:?}");
        for text in texts {
            for fault in typography::faults(&text) {
                faults.push(format!("{page}: {fault}: {text:?}"));
            }
            assert!(
                !text.contains("93066"),
                "{page}: a commune's code in {text:?}"
            );
        }
    }
    assert!(faults.is_empty(), "{faults:#?}");
}

#[test]
fn numbers_at_the_edges_of_a_whole_number_are_written_without_panic() {
    for fact in [
        "monthly_resources",
        "unemployment_months",
        "children_count",
        "qualification_level",
    ] {
        for value in [i64::MIN, -1, 0, 1, 1_000, i64::MAX] {
            // Values outside the fact's range are refused when read.
            let Some(condition) = Condition::parse(
                &serde_json::json!({"compare": {"fact": fact, "op": ">=", "value": value}}),
                "$",
                &mut Vec::new(),
            ) else {
                continue;
            };
            for locale in Locale::all() {
                assert!(!condition.text(locale).is_empty());
            }
        }
    }
}
