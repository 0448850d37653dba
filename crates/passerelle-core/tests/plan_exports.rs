//! The plan's exports for people and partners: the print view and the
//! referral sheet ("fiche de liaison").

use passerelle_core::catalogue::Catalogue;
use passerelle_core::date::Date;
use passerelle_core::diagnosis::{Diagnosis, FoundNeed};
use passerelle_core::facts::Facts;
use passerelle_core::orientation::Priority;
use passerelle_core::plan::{
    ActionStatus, Author, Choices, Consent, ContactDetails, Edit, Plan, Review,
};
use passerelle_core::print::print_view;
use passerelle_core::referral::{referral_sheet, ReferralError};
use passerelle_core::Locale;
use serde_json::Value as Json;

const CEJ: &str = "contrat-engagement-jeune";
const JOB: &str = "trouver-un-emploi";
const LICENCE: &str = "mobilite--preparer-un-permis";
/// The CEJ case: a 19-year-old (born 2 May 2007) in Saint-Denis (93200),
/// not working.
const CEJ_FACTS: &str =
    r#"{"birth_date": "2007-05-02", "postal_code": "93200", "employment_status": "inactive"}"#;

const SCRIPT: &str = "<script>alert(1)</script>";
const IMG: &str = "\"><img src=x onerror=alert(1)>";
const HOSTILE: &str =
    "<script>alert(1)</script> \"><img src=x onerror=alert(1)> &amp; 'quoted' \"double\"";
const HOSTILE_ESCAPED: &str = "&lt;script&gt;alert(1)&lt;/script&gt; &quot;&gt;&lt;img src=x onerror=alert(1)&gt; &amp;amp; &#39;quoted&#39; &quot;double&quot;";

fn today() -> Date {
    Date::parse("2026-11-27").unwrap()
}

fn day(text: &str) -> Date {
    Date::parse(text).unwrap()
}

fn need(theme: &str) -> FoundNeed {
    FoundNeed {
        theme: theme.into(),
        label: theme.into(),
        priority: Priority::High,
        rank: None,
        raised_by: vec![],
    }
}

/// A plan for two needs (a job: the CEJ and `other`; a driving licence:
/// the "permis à 1 euro"), built with the advisor.
fn plan_with(facts: &str, catalogue: &Catalogue, locale: Locale) -> Plan {
    plan_with_entries(facts, catalogue, locale, "mission-locale")
}

fn plan_with_entries(facts: &str, catalogue: &Catalogue, locale: Locale, other: &str) -> Plan {
    let diagnosis = Diagnosis {
        questionnaire_id: "passerelle-default".into(),
        reference_date: today(),
        facts: Facts::from_json(facts).unwrap(),
        urgent: vec![],
        needs: vec![need(JOB), need(LICENCE)],
        ranked_by_person: false,
    };
    let mut choices = Choices::new(today(), vec![JOB.into(), LICENCE.into()]);
    choices.locale = locale;
    choices
        .entries
        .insert(JOB.into(), vec![CEJ.into(), other.into()]);
    choices
        .entries
        .insert(LICENCE.into(), vec!["permis-1-euro".into()]);
    Plan::build(&diagnosis, catalogue, &choices).unwrap()
}

fn objective_id(plan: &Plan, theme: &str) -> String {
    plan.objectives
        .iter()
        .find(|objective| objective.theme == theme)
        .unwrap()
        .id
        .clone()
}

fn action_of(plan: &Plan, entry: &str) -> passerelle_core::plan::Action {
    plan.objectives
        .iter()
        .flat_map(|objective| &objective.actions)
        .find(|action| action.entry.as_deref() == Some(entry))
        .unwrap()
        .clone()
}

fn apply(plan: &mut Plan, edit: Edit) {
    plan.apply(edit, Author::Advisor, today()).unwrap();
}

/// The CEJ plan, with statements, a note, a review, an advisor, a next
/// review and consents, written with `text` where a person writes.
fn full_plan(catalogue: &Catalogue, locale: Locale, text: &str) -> Plan {
    let mut plan = plan_with(CEJ_FACTS, catalogue, locale);
    let job = objective_id(&plan, JOB);
    let licence = objective_id(&plan, LICENCE);
    apply(
        &mut plan,
        Edit::SetStatement {
            objective: job,
            statement: Some(format!("Travailler dans la logistique {text}")),
        },
    );
    apply(
        &mut plan,
        Edit::SetStatement {
            objective: licence,
            statement: Some(format!("Passer le permis pour aller à Roissy {text}")),
        },
    );
    let mut cej = action_of(&plan, CEJ);
    cej.notes = Some(format!("Apporter la carte d'identité {text}"));
    apply(&mut plan, Edit::ChangeAction { action: cej });
    let mut licence_action = action_of(&plan, "permis-1-euro");
    licence_action.notes = Some(format!("Dettes chez l'auto-école {text}"));
    apply(
        &mut plan,
        Edit::ChangeAction {
            action: licence_action,
        },
    );
    apply(
        &mut plan,
        Edit::Review {
            review: Review {
                date: today(),
                done: "Premier rendez-vous".into(),
                stuck: format!("Difficultés familiales {text}"),
                changed: "Rien".into(),
                facts: None,
            }
            // Whether the edit holds the review or a box of it.
            .into(),
        },
    );
    apply(
        &mut plan,
        Edit::SetNextReview {
            date: Some(day("2026-12-11")),
        },
    );
    apply(
        &mut plan,
        Edit::SetAdvisor {
            advisor: Some(ContactDetails {
                name: format!("Samia Benali {text}"),
                organisation: Some(format!("Mission locale de Saint-Denis {text}")),
                phone: Some("01 23 45 67 89".into()),
                email: Some("s.benali@ml-saint-denis.fr".into()),
            }),
        },
    );
    apply(
        &mut plan,
        Edit::GiveConsent {
            consent: Consent {
                entry: CEJ.into(),
                date: day("2026-11-27"),
            },
        },
    );
    apply(
        &mut plan,
        Edit::GiveConsent {
            consent: Consent {
                entry: "permis-1-euro".into(),
                date: day("2026-11-27"),
            },
        },
    );
    plan
}

/// The national CEJ entry, with hostile text in its name, description and
/// details (the only fields a catalogue lets take any text: a web address
/// that could break out of HTML is refused when the catalogue loads).
fn hostile_catalogue() -> Catalogue {
    let national: Json = serde_json::from_str(include_str!("../data/catalogue.json")).unwrap();
    let mut entry = national["entries"]
        .as_array()
        .unwrap()
        .iter()
        .find(|entry| entry["id"] == CEJ)
        .unwrap()
        .clone();
    let both = serde_json::json!({"fr": HOSTILE, "en": HOSTILE});
    entry["name"] = both.clone();
    entry["description"] = both.clone();
    entry["access"]["details"] = both;
    let mut with_url = entry.clone();
    with_url["access"]["url"] = Json::from("https://example.org/\"><svg/onload=alert(1)>");
    let refused = serde_json::json!({
        "format_version": 1, "id": "hostile", "name": "Hostile", "entries": [with_url]
    });
    let problems = Catalogue::from_json(&refused.to_string()).unwrap_err();
    assert_eq!(problems[0].code, "not_https_url");
    let local = serde_json::json!({
        "format_version": 1, "id": "hostile", "name": "Hostile", "entries": [entry]
    });
    let local = Catalogue::from_json(&local.to_string()).unwrap();
    Catalogue::national().merged_with(&local)
}

/// Every tag of the page: its name, and its attributes' names. Every `<`
/// of a page opens a tag, since every text is escaped (the style holds
/// none); attribute values are double-quoted.
fn tags(html: &str) -> Vec<(String, Vec<String>)> {
    html.split('<')
        .skip(1)
        .map(|rest| {
            let tag = &rest[..rest.find('>').expect("a tag is closed")];
            let (name, mut rest) = tag.split_once(' ').unwrap_or((tag, ""));
            let mut attributes = Vec::new();
            loop {
                rest = rest.trim_start();
                if rest.is_empty() {
                    break;
                }
                let end = rest.find(['=', ' ']).unwrap_or(rest.len());
                attributes.push(rest[..end].to_lowercase());
                rest = &rest[end..];
                if let Some(value) = rest.strip_prefix("=\"") {
                    let close = value.find('"').expect("a value is quoted");
                    rest = &value[close + 1..];
                }
            }
            (name.to_lowercase(), attributes)
        })
        .collect()
}

/// The rules every exported page follows: one document, in its language,
/// only plain tags and attributes, nothing run or loaded, A4 print style,
/// headings in order.
fn assert_safe_page(html: &str, lang: &str) {
    const TAGS: &[&str] = &[
        "html", "/html", "head", "/head", "meta", "title", "/title", "style", "/style", "body",
        "/body", "header", "/header", "main", "/main", "footer", "/footer", "section", "/section",
        "h1", "/h1", "h2", "/h2", "h3", "/h3", "p", "/p", "ul", "/ul", "ol", "/ol", "li", "/li",
        "strong", "/strong", "a", "/a", "br", "div", "/div", "span", "/span",
    ];
    const ATTRIBUTES: &[&str] = &[
        "lang",
        "dir",
        "charset",
        "name",
        "content",
        "aria-labelledby",
        "id",
        "class",
        "href",
    ];
    assert!(html.starts_with("<!DOCTYPE html>\n"), "{html}");
    let html = &html["<!DOCTYPE html>\n".len()..];
    for (name, attributes) in tags(html) {
        assert!(TAGS.contains(&name.as_str()), "<{name}> in {html}");
        for attribute in attributes {
            assert!(
                ATTRIBUTES.contains(&attribute.as_str()),
                "{attribute}= in <{name}>"
            );
        }
    }
    assert_eq!(html.matches('<').count(), tags(html).len());
    assert!(!html.contains("url("));
    assert!(!html.contains("@import"));
    assert!(!html.contains("http://"));
    assert!(
        html.starts_with(&format!("<html lang=\"{lang}\" dir=\"ltr\">")),
        "{html}"
    );
    assert_eq!(html.matches("<html").count(), 1);
    assert!(html.contains("<meta charset=\"utf-8\">"));
    assert!(html.contains("<title>"));
    for forbidden in [
        "<script", "<link", "<img", "<iframe", "<object", "<embed", "<svg",
    ] {
        assert!(!html.contains(forbidden), "{forbidden} in {html}");
    }
    assert!(html.contains("@page { size: A4;"));
    assert_eq!(html.matches("<h1>").count(), 1);
    let h1 = html.find("<h1>").unwrap();
    let first_h2 = html.find("<h2").unwrap();
    assert!(h1 < first_h2);
    if let Some(first_h3) = html.find("<h3>") {
        assert!(first_h2 < first_h3);
    }
    // Every link goes to a safe scheme.
    for (i, _) in html.match_indices("href=\"") {
        let href = &html[i + 6..];
        assert!(
            ["https://", "tel:", "mailto:"]
                .iter()
                .any(|scheme| href.starts_with(scheme)),
            "{}",
            &href[..href.len().min(60)]
        );
    }
    // Lists are lists.
    assert_eq!(
        html.matches("<li").count(),
        html.matches("</li>").count(),
        "{html}"
    );
}

// ---------------------------------------------------------------------------
// Print view.
// ---------------------------------------------------------------------------

#[test]
fn print_view_shows_objectives_next_steps_contacts_advisor_and_review() {
    let catalogue = Catalogue::national();
    let plan = full_plan(&catalogue, Locale::Fr, "");
    let html = print_view(&plan, &catalogue, today());
    assert_safe_page(&html, "fr");
    for forbidden in ["<script", "src=", "http://", "javascript:"] {
        assert!(!html.contains(forbidden), "{forbidden}");
    }
    assert!(html.contains("@page") && html.contains("A4"));

    assert!(html.contains("<h1>Votre projet d’accompagnement</h1>"));
    assert!(html.contains("<p>Date\u{a0}: vendredi 27 novembre 2026</p>"));
    // The objectives: theme, the person's words, status.
    assert!(html.contains("<h3>Recherche d’emploi</h3>"), "{html}");
    assert!(html.contains("<h3>Préparer un permis</h3>"));
    assert!(html.contains("Travailler dans la logistique"));
    assert!(html.contains("<p>État\u{a0}: en cours</p>"));
    // The next steps in order of due date, with date, who and contact.
    let steps = &html[html.find("Vos prochaines étapes").unwrap()..];
    let cej = steps
        .find("<h3>Contacter\u{a0}: Contrat d&#39;engagement jeune (CEJ)</h3>")
        .unwrap();
    let licence = steps
        .find("<h3>Contacter\u{a0}: Permis à 1 euro par jour</h3>")
        .unwrap();
    assert!(cej < licence);
    // The CEJ is due the day the page is printed: "today".
    assert!(steps.contains("<p>Quand\u{a0}: aujourd’hui, vendredi 27 novembre 2026</p>"));
    assert!(steps.contains("<p>Qui\u{a0}: vous</p>"));
    assert!(steps.contains("<p>Pour\u{a0}: Recherche d’emploi</p>"));
    assert!(
        steps.contains("<strong>Pour joindre Contrat d&#39;engagement jeune (CEJ)\u{a0}:</strong>")
    );
    assert!(steps.contains("<li>Téléphone\u{a0}: <a dir=\"ltr\" href=\"tel:3949\">3949</a></li>"));
    assert!(steps.contains(
        "<a dir=\"ltr\" href=\"https://www.1jeune1solution.gouv.fr/contrat-engagement-jeune\">https://www.1jeune1solution.gouv.fr/contrat-engagement-jeune</a>"
    ));
    assert!(steps.contains("À savoir\u{a0}: Demandez-le à la Mission locale"));
    assert!(steps.contains("<strong>Note\u{a0}:</strong> Apporter la carte d&#39;identité"));
    // Every next step has a due date written plainly.
    for action in plan.next_steps() {
        let due = passerelle_core::print::due(action.due, today()).text(Locale::Fr);
        let date = passerelle_core::Message::LongDate(action.due.unwrap()).text(Locale::Fr);
        assert!(due.ends_with(&date), "{due}");
        assert!(html.contains(&format!("<p>{due}</p>")), "{due}");
    }
    // The next review and the advisor.
    assert!(html.contains("<h2 id=\"next-review\">Votre prochain rendez-vous de suivi</h2>\n<p>vendredi 11 décembre 2026</p>"));
    assert!(html.contains("<strong>Samia Benali </strong>"));
    assert!(html.contains("<li>Structure\u{a0}: Mission locale de Saint-Denis </li>"));
    assert!(html.contains("<a dir=\"ltr\" href=\"tel:0123456789\">01 23 45 67 89</a>"));
    assert!(html.contains(
        "<a dir=\"ltr\" href=\"mailto:s.benali@ml-saint-denis.fr\">s.benali@ml-saint-denis.fr</a>"
    ));
    // Nothing done yet: no such section.
    assert!(!html.contains("Déjà fait"));
    // The review's texts are for the advisor, not the print view.
    assert!(!html.contains("Difficultés familiales"));
}

#[test]
fn print_view_in_english() {
    let catalogue = Catalogue::national();
    let plan = full_plan(&catalogue, Locale::En, "");
    let html = print_view(&plan, &catalogue, today());
    assert_safe_page(&html, "en");
    assert!(html.contains("<h1>Your support plan</h1>"));
    assert!(html.contains("<p>Date: Friday 27 November 2026</p>"));
    assert!(html.contains("<h2 id=\"objectives\">Your goals</h2>"));
    assert!(html.contains("<h2 id=\"next-steps\">Your next steps</h2>"));
    assert!(html.contains("<h3>Contact: Youth Commitment Contract (CEJ)</h3>"));
    assert!(html.contains("<p>When: today, Friday 27 November 2026</p>"));
    assert!(html.contains("<p>Who: you</p>"));
    assert!(html.contains("<strong>How to reach Youth Commitment Contract (CEJ):</strong>"));
    assert!(html.contains("<li>Phone: <a dir=\"ltr\" href=\"tel:3949\">3949</a></li>"));
    assert!(html.contains("Good to know: Ask your Mission locale"));
    assert!(html.contains("<p>Friday 11 December 2026</p>"));
    assert!(html.contains("<h2 id=\"advisor\">Your advisor</h2>"));
    assert!(html.contains("This document is yours."));
    for french in ["Quand", "Qui :", "Votre", "Vos ", "Pour joindre"] {
        assert!(!html.contains(french), "{french}");
    }
}

#[test]
fn print_view_lists_done_steps_briefly_and_says_what_is_not_set() {
    let catalogue = Catalogue::national();
    let mut plan = plan_with(CEJ_FACTS, &catalogue, Locale::Fr);
    let cej = action_of(&plan, CEJ);
    apply(
        &mut plan,
        Edit::SetStatus {
            action: cej.id,
            status: ActionStatus::Done,
        },
    );
    let html = print_view(&plan, &catalogue, day("2026-12-01"));
    assert_safe_page(&html, "fr");
    assert!(html.contains("<p>Date\u{a0}: mardi 1er décembre 2026</p>"));
    let done = &html[html.find("<h2 id=\"done\">Déjà fait</h2>").unwrap()..];
    assert!(done.contains("<li>Contacter\u{a0}: Contrat d&#39;engagement jeune (CEJ)</li>"));
    let steps = &html[html.find("id=\"next-steps\"").unwrap()..html.find("id=\"done\"").unwrap()];
    assert!(!steps.contains("Contrat d&#39;engagement jeune"));
    // No advisor nor next review yet: said plainly.
    assert!(html.contains("<h2 id=\"advisor\">Votre conseiller</h2>\n<p>Pas encore indiqué.</p>"));
    assert!(html.contains("<p>Pas encore de date.</p>"));
}

#[test]
fn print_view_says_when_no_step_is_left() {
    let catalogue = Catalogue::national();
    let mut plan = plan_with(CEJ_FACTS, &catalogue, Locale::En);
    let ids: Vec<String> = plan
        .objectives
        .iter()
        .flat_map(|objective| &objective.actions)
        .map(|action| action.id.clone())
        .collect();
    for id in ids {
        apply(
            &mut plan,
            Edit::SetStatus {
                action: id,
                status: ActionStatus::Done,
            },
        );
    }
    let html = print_view(&plan, &catalogue, today());
    assert_safe_page(&html, "en");
    assert!(html.contains("<p>No step planned for now.</p>"));
    assert!(!html.contains("<ol"));
}

#[test]
fn hostile_text_is_escaped_in_the_print_view() {
    let catalogue = hostile_catalogue();
    let plan = full_plan(&catalogue, Locale::Fr, HOSTILE);
    let mut plan = plan;
    // Contacts that are not what they claim.
    apply(
        &mut plan,
        Edit::SetAdvisor {
            advisor: Some(ContactDetails {
                name: HOSTILE.into(),
                organisation: Some(HOSTILE.into()),
                phone: Some("javascript:alert(1)".into()),
                email: Some("x\"onmouseover=\"alert(1)@evil.fr".into()),
            }),
        },
    );
    // A web address typed into the plan by hand (a catalogue refuses it).
    let mut action = (plan.objectives.iter())
        .flat_map(|objective| &objective.actions)
        .find(|action| action.entry.as_deref() == Some(CEJ))
        .unwrap()
        .clone();
    if let Some(contact) = action.contact.as_mut() {
        contact.url = Some("https://example.org/\"><svg/onload=alert(1)>".into());
    }
    apply(&mut plan, Edit::ChangeAction { action });
    let html = print_view(&plan, &catalogue, today());
    assert_safe_page(&html, "fr");
    assert!(!html.contains(SCRIPT));
    assert!(!html.contains(IMG));
    assert!(!html.contains("onmouseover=\""));
    // In the statement, the note, the advisor's name and organisation, the
    // partner's name and details: each time, escaped.
    assert!(html.contains(&format!("Travailler dans la logistique {HOSTILE_ESCAPED}")));
    assert!(html.contains(&format!(
        "Apporter la carte d&#39;identité {HOSTILE_ESCAPED}"
    )));
    assert!(html.contains(&format!("<strong>{HOSTILE_ESCAPED}</strong>")));
    assert!(html.contains(&format!("<li>Structure\u{a0}: {HOSTILE_ESCAPED}</li>")));
    assert!(html.contains(&format!("<h3>Contacter\u{a0}: {HOSTILE_ESCAPED}</h3>")));
    assert!(html.contains(&format!("À savoir\u{a0}: {HOSTILE_ESCAPED}")));
    // An address that is not a safe link is shown, escaped, as text.
    assert!(html.contains(
        "Site internet\u{a0}: <span dir=\"ltr\">https://example.org/&quot;&gt;&lt;svg/onload=alert(1)&gt;</span></li>"
    ));
    assert!(html.contains("Téléphone\u{a0}: <span dir=\"ltr\">javascript:alert(1)</span></li>"));
    assert!(html.contains(
        "E-mail\u{a0}: <span dir=\"ltr\">x&quot;onmouseover=&quot;alert(1)@evil.fr</span></li>"
    ));
    // `&amp;` typed by someone stays as typed, not as `&`.
    assert!(html.contains("&amp;amp;"));
}

// ---------------------------------------------------------------------------
// Referral sheet.
// ---------------------------------------------------------------------------

#[test]
fn referral_is_refused_without_consent() {
    let catalogue = Catalogue::national();
    let mut plan = plan_with(CEJ_FACTS, &catalogue, Locale::Fr);
    let error = referral_sheet(&plan, &catalogue, CEJ, today()).unwrap_err();
    assert_eq!(error, ReferralError::NoConsent { entry: CEJ.into() });
    assert_eq!(error.code(), "no_consent");
    assert_eq!(
        error.message(&catalogue, Locale::Fr),
        "La personne n’a pas donné son accord pour partager avec Contrat d'engagement jeune (CEJ). Demandez-lui d’abord."
    );
    assert_eq!(
        error.message(&catalogue, Locale::En),
        "The person has not agreed to share with Youth Commitment Contract (CEJ). Ask them first."
    );
    assert!(error.to_string().starts_with("no_consent: "));

    // Consent to another partner does not count.
    apply(
        &mut plan,
        Edit::GiveConsent {
            consent: Consent {
                entry: "permis-1-euro".into(),
                date: today(),
            },
        },
    );
    assert_eq!(
        referral_sheet(&plan, &catalogue, CEJ, today())
            .unwrap_err()
            .code(),
        "no_consent"
    );

    apply(
        &mut plan,
        Edit::GiveConsent {
            consent: Consent {
                entry: CEJ.into(),
                date: today(),
            },
        },
    );
    assert!(referral_sheet(&plan, &catalogue, CEJ, today()).is_ok());

    // Withdrawn: refused again.
    apply(&mut plan, Edit::WithdrawConsent { entry: CEJ.into() });
    assert_eq!(
        referral_sheet(&plan, &catalogue, CEJ, today())
            .unwrap_err()
            .code(),
        "no_consent"
    );
}

#[test]
fn referral_is_refused_for_an_entry_the_plan_does_not_concern() {
    let catalogue = Catalogue::national();
    let mut plan = plan_with(CEJ_FACTS, &catalogue, Locale::Fr);
    for entry in [
        "pas-une-entree",
        "mission-locale-de-nulle-part",
        "cap-emploi",
    ] {
        apply(
            &mut plan,
            Edit::GiveConsent {
                consent: Consent {
                    entry: entry.into(),
                    date: today(),
                },
            },
        );
        let error = referral_sheet(&plan, &catalogue, entry, today()).unwrap_err();
        assert_eq!(error.code(), "unknown_entry", "{entry}");
        assert_eq!(
            error.message(&catalogue, Locale::En),
            "This partner has no step in this plan."
        );
    }
}

/// A plan for a person sleeping in the street tonight (the shelter
/// alert raised), who also looks for a home and a job: the 115 today,
/// the CAF's housing benefit and the Mission locale, with the person's
/// consent to share with each.
fn street_plan(catalogue: &Catalogue, locale: Locale) -> Plan {
    use passerelle_core::diagnosis::RaisedAlert;
    use passerelle_core::UrgentAlert;
    const SHELTER: &str = "logement-hebergement--rechercher-une-solution-dhebergement-temporaire";
    const HOME: &str = "logement-hebergement--louer-un-logement";
    let shelter = UrgentAlert::Shelter;
    let urgent = FoundNeed {
        priority: Priority::Urgent,
        ..need(SHELTER)
    };
    let diagnosis = Diagnosis {
        questionnaire_id: "passerelle-default".into(),
        reference_date: today(),
        facts: Facts::from_json(
            r#"{"age": 23, "postal_code": "93200", "employment_status": "jobseeker",
                "registered_jobseeker": false, "qualification_level": 3, "housing": "homeless",
                "children_count": 0, "monthly_resources": 0, "driving_licence": false}"#,
        )
        .unwrap(),
        urgent: vec![RaisedAlert {
            alert: shelter,
            text: shelter.text(Locale::Fr),
            contacts: shelter.contacts(Locale::Fr),
            raised_by: vec![],
        }],
        needs: vec![urgent, need(HOME), need(JOB)],
        ranked_by_person: false,
    };
    let mut choices = Choices::new(today(), vec![SHELTER.into(), HOME.into(), JOB.into()]);
    choices.locale = locale;
    choices
        .entries
        .insert(SHELTER.into(), vec!["urgence-115".into()]);
    choices.entries.insert(HOME.into(), vec!["apl".into()]);
    choices
        .entries
        .insert(JOB.into(), vec!["mission-locale".into()]);
    let mut plan = Plan::build(&diagnosis, catalogue, &choices).unwrap();
    for entry in ["urgence-115", "apl", "mission-locale"] {
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
    plan
}

#[test]
fn an_emergency_line_gets_no_referral_sheet_one_calls_it() {
    let catalogue = Catalogue::national();
    let plan = street_plan(&catalogue, Locale::Fr);
    // The 115 is a step of the plan, due today, and the person agreed…
    let line = action_of(&plan, "urgence-115");
    assert_eq!(line.due, Some(today()));
    // …but a sheet is for a partner who takes over: the 115 is called.
    let error = referral_sheet(&plan, &catalogue, "urgence-115", today()).unwrap_err();
    assert_eq!(
        error,
        ReferralError::EmergencyLine {
            entry: "urgence-115".into()
        }
    );
    assert_eq!(error.code(), "emergency_line");
    assert_eq!(
        error.message(&catalogue, Locale::Fr),
        "115 – Urgence sociale (Samu social) est une ligne d’urgence\u{a0}: on l’appelle directement. Il n’y a pas de fiche de liaison."
    );
    assert!(error.to_string().starts_with("emergency_line: "));
    // The real partners of the same plan get theirs.
    for partner in ["apl", "mission-locale"] {
        assert!(referral_sheet(&plan, &catalogue, partner, today()).is_ok());
    }
}

#[test]
fn a_housing_partner_learns_the_housing_situation_a_job_partner_does_not() {
    let catalogue = Catalogue::national();
    let plan = street_plan(&catalogue, Locale::Fr);
    let facts = |entry: &str| -> Vec<(String, String)> {
        let sheet = referral_sheet(&plan, &catalogue, entry, today()).unwrap();
        sheet
            .facts
            .iter()
            .map(|shared| (shared.fact.name().to_owned(), shared.text.clone()))
            .collect()
    };
    let named = |facts: &[(String, String)], name: &str| facts.iter().any(|(fact, _)| fact == name);

    // The CAF, for a home: the person has no home, no child, no income.
    let housing = facts("apl");
    assert!(
        housing.contains(&("housing".into(), "Logement\u{a0}: sans logement".into())),
        "{housing:?}"
    );
    assert!(named(&housing, "children_count"), "{housing:?}");
    assert!(named(&housing, "monthly_resources"), "{housing:?}");
    // …and nothing of their work.
    for private in [
        "employment_status",
        "registered_jobseeker",
        "qualification_level",
        "driving_licence",
    ] {
        assert!(
            !named(&housing, private),
            "{private} shared with the CAF: {housing:?}"
        );
    }

    // The Mission locale, for a job: the person's situation at work, not
    // their housing, household or income.
    let job = facts("mission-locale");
    assert!(named(&job, "employment_status"), "{job:?}");
    assert!(named(&job, "registered_jobseeker"), "{job:?}");
    assert!(named(&job, "qualification_level"), "{job:?}");
    for private in [
        "housing",
        "children_count",
        "monthly_resources",
        "driving_licence",
    ] {
        assert!(
            !named(&job, private),
            "{private} shared with the Mission locale: {job:?}"
        );
    }
    // What is not shared is said.
    let sheet = referral_sheet(&plan, &catalogue, "mission-locale", today()).unwrap();
    let left_out: Vec<String> = sheet.left_out.iter().map(|part| part.id()).collect();
    assert!(
        left_out.contains(&"facts:housing".to_owned()),
        "{left_out:?}"
    );
}

#[test]
fn the_sheet_names_the_person_and_how_to_reach_them_when_they_give_it() {
    let catalogue = Catalogue::national();
    let mut plan = street_plan(&catalogue, Locale::Fr);
    let without = referral_sheet(&plan, &catalogue, "apl", today()).unwrap();
    assert_eq!(without.person, None);
    assert!(!without.to_html().contains("id=\"person\""));
    apply(
        &mut plan,
        Edit::SetPerson {
            person: Some(ContactDetails {
                name: "Karim B.".into(),
                organisation: None,
                phone: Some("06 12 34 56 78".into()),
                email: Some("karim.b@example.org".into()),
            }),
        },
    );
    let sheet = referral_sheet(&plan, &catalogue, "apl", today()).unwrap();
    let json = serde_json::to_value(&sheet).unwrap();
    assert_eq!(json["person"]["name"], "Karim B.");
    assert_eq!(json["person"]["phone"], "06 12 34 56 78");
    assert!(json["included"]
        .as_array()
        .unwrap()
        .contains(&Json::from("person")));
    let html = sheet.to_html();
    assert_safe_page(&html, "fr");
    assert!(html.contains("<h2 id=\"person\">La personne</h2>"));
    assert!(html.contains("<strong>Karim B.</strong>"));
    assert!(html.contains("<a dir=\"ltr\" href=\"tel:0612345678\">06 12 34 56 78</a>"));
    assert!(
        html.contains("<a dir=\"ltr\" href=\"mailto:karim.b@example.org\">karim.b@example.org</a>")
    );
}

#[test]
fn the_sheet_speaks_to_the_partner_about_the_person_in_one_voice() {
    // A partner that asks for papers: the plan writes a step to get them
    // ready, which the sheet carries.
    let mut json: Json = serde_json::from_str(include_str!("../data/catalogue.json")).unwrap();
    for entry in json["entries"].as_array_mut().unwrap() {
        if entry["id"] == "mission-locale" {
            entry["documents"] = serde_json::json!([
                {"fr": "une pièce d’identité", "en": "an identity document"}
            ]);
        }
    }
    let catalogue = Catalogue::from_json(&json.to_string()).unwrap();
    for (locale, addressed, about) in [
        (Locale::Fr, ["vous", "votre", "vos"], "la personne"),
        (Locale::En, ["you", "your", "yours"], "the person"),
    ] {
        let mut plan = street_plan(&catalogue, locale);
        apply(
            &mut plan,
            Edit::SetAdvisor {
                advisor: Some(ContactDetails {
                    name: "Samia Benali".into(),
                    organisation: Some("CCAS".into()),
                    phone: None,
                    email: None,
                }),
            },
        );
        let sheet = referral_sheet(&plan, &catalogue, "mission-locale", today()).unwrap();
        assert_eq!(sheet.actions.len(), 2, "the papers, then the contact");
        let html = sheet.to_html().to_lowercase();
        let words: Vec<&str> = html
            .split(|c: char| !c.is_alphabetic())
            .filter(|word| !word.is_empty())
            .collect();
        for word in addressed {
            assert!(
                !words.contains(&word),
                "{locale:?}: \"{word}\" on the sheet:\n{html}"
            );
        }
        assert!(html.contains(about), "{locale:?}");
    }
}

#[test]
fn referral_sheet_carries_only_what_the_partner_needs() {
    let catalogue = Catalogue::national();
    let plan = full_plan(&catalogue, Locale::Fr, "");
    let sheet = referral_sheet(&plan, &catalogue, CEJ, day("2026-11-28")).unwrap();
    let json = serde_json::to_value(&sheet).unwrap();

    assert_eq!(json["format_version"], 1);
    assert_eq!(json["locale"], "fr");
    assert_eq!(json["date"], "2026-11-28");
    assert_eq!(json["partner"]["entry"], CEJ);
    assert_eq!(json["partner"]["name"], "Contrat d'engagement jeune (CEJ)");
    assert_eq!(json["consent"]["date"], "2026-11-27");
    // Only the CEJ's action, and its need.
    let actions = json["actions"].as_array().unwrap();
    assert_eq!(actions.len(), 1);
    assert_eq!(
        actions[0],
        serde_json::json!({
            "need": JOB, "kind": "contact_partner",
            "title": "Contacter\u{a0}: Contrat d'engagement jeune (CEJ)",
            "due": "2026-11-27", "status": "planned", "actor": "person"
        })
    );
    assert_eq!(
        json["needs"],
        serde_json::json!([{"theme": JOB, "label": "Recherche d’emploi", "priority": "high"}])
    );
    // The facts the CEJ's rules read: the age (not the birth date), the
    // situation, and where the person lives as a department (not the postal
    // code).
    assert_eq!(
        json["facts"],
        serde_json::json!([
            {"fact": "age", "value": 19, "text": "Âge\u{a0}: 19\u{a0}ans"},
            {"fact": "department", "value": "93", "text": "Département\u{a0}: Seine-Saint-Denis (93)"},
            {"fact": "employment_status", "value": "inactive", "text": "Situation\u{a0}: sans activité"},
        ])
    );
    assert_eq!(json["advisor"]["email"], "s.benali@ml-saint-denis.fr");
    assert_eq!(
        json["included"],
        serde_json::json!([
            "consent",
            "needs",
            "actions",
            "facts:age",
            "facts:department",
            "facts:employment_status",
            "advisor"
        ])
    );
    assert_eq!(
        json["left_out"],
        serde_json::json!([
            "other_objectives",
            "other_actions",
            "statements",
            "notes",
            "reviews",
            "next_review",
            "schedule",
            "other_consents",
            "history",
            "facts:birth_date",
            "facts:postal_code"
        ])
    );

    // Neither the JSON nor the page holds anything else of the plan.
    let html = sheet.to_html();
    assert_safe_page(&html, "fr");
    let json = json.to_string();
    for private in [
        "2007-05-02",
        "mai 2007",
        "93200",
        "Travailler dans la logistique",
        "Passer le permis",
        "Apporter la carte",
        "Dettes chez",
        "Difficultés familiales",
        "Premier rendez-vous",
        "Permis à 1 euro",
        "permis-1-euro",
        "Cap emploi",
        "Préparer un permis",
        LICENCE,
        "2026-12-11",
        "11 décembre",
        "steps_per_week",
    ] {
        assert!(!json.contains(private), "{private} in {json}");
        assert!(!html.contains(private), "{private} in {html}");
    }
}

#[test]
fn referral_sheet_page_lists_what_is_shared_and_what_is_not() {
    let catalogue = Catalogue::national();
    let plan = full_plan(&catalogue, Locale::Fr, "");
    let html = referral_sheet(&plan, &catalogue, CEJ, today())
        .unwrap()
        .to_html();
    assert_safe_page(&html, "fr");
    assert!(html.contains("<h1>Fiche de liaison</h1>"));
    assert!(html.contains("<p>Pour\u{a0}: Contrat d&#39;engagement jeune (CEJ)</p>"));
    assert!(html.contains("Le vendredi 27 novembre 2026, la personne a donné son accord pour partager ces informations avec Contrat d&#39;engagement jeune (CEJ)."));
    assert!(html.contains("<li>Recherche d’emploi<br>Priorité\u{a0}: haute</li>"));
    assert!(html.contains(
        "<h2 id=\"actions\">Démarches prévues avec Contrat d&#39;engagement jeune (CEJ)</h2>"
    ));
    assert!(html.contains(
        "<p>Quand\u{a0}: vendredi 27 novembre 2026</p>\n<p>Qui\u{a0}: la personne</p>\n<p>État\u{a0}: à faire</p>"
    ));
    assert!(html.contains("<li>Âge\u{a0}: 19\u{a0}ans</li>"));
    assert!(html.contains("<li>Département\u{a0}: Seine-Saint-Denis (93)</li>"));
    assert!(html.contains("<li>Situation\u{a0}: sans activité</li>"));
    assert!(html.contains("<h2 id=\"advisor\">Conseiller à contacter</h2>"));
    assert!(html.contains("<strong>Samia Benali </strong>"));
    let included =
        &html[html.find("id=\"included\"").unwrap()..html.find("id=\"left-out\"").unwrap()];
    assert!(included.contains("<li>Les démarches prévues avec ce partenaire</li>"));
    assert!(included.contains("<li>Âge</li>"));
    let left_out = &html[html.find("id=\"left-out\"").unwrap()..];
    for label in [
        "Les autres objectifs",
        "Les autres démarches",
        "Les objectifs écrits avec les mots de la personne",
        "Les notes",
        "Les points d’étape",
        "L’historique des changements",
        "Les accords donnés à d’autres partenaires",
        "Date de naissance",
        "Code postal",
    ] {
        assert!(left_out.contains(&format!("<li>{label}</li>")), "{label}");
    }
}

#[test]
fn referral_sheet_in_english() {
    let catalogue = Catalogue::national();
    let plan = full_plan(&catalogue, Locale::En, "");
    let sheet = referral_sheet(&plan, &catalogue, CEJ, today()).unwrap();
    let json = serde_json::to_value(&sheet).unwrap();
    assert_eq!(json["locale"], "en");
    assert_eq!(json["facts"][0]["text"], "Age: 19 years");
    assert_eq!(json["facts"][2]["text"], "Situation: not working");
    let html = sheet.to_html();
    assert_safe_page(&html, "en");
    assert!(html.contains("<h1>Referral sheet</h1>"));
    assert!(html.contains("<p>To: Youth Commitment Contract (CEJ)</p>"));
    assert!(html.contains("On Friday 27 November 2026, the person agreed to share this information with Youth Commitment Contract (CEJ)."));
    assert!(html.contains("<p>Who: the person</p>"));
    assert!(html.contains("<li>Department: Seine-Saint-Denis (93)</li>"));
    assert!(html.contains("<h2 id=\"left-out\">What this sheet leaves out</h2>"));
    assert!(html.contains("<li>Date of birth</li>"));
    assert!(html.contains("<li>The goals in the person’s own words</li>"));
    assert!(!html.contains("Fiche"));
    assert!(!html.contains("Quand"));
}

#[test]
fn referral_shares_the_age_not_the_disability_when_the_age_is_enough() {
    // With a disability recognition, the plan proposes both Cap emploi and
    // the CEJ. The CEJ's rule is met by the age alone: the RQTH is not
    // shared with it; Cap emploi's rule needs it.
    let catalogue = Catalogue::national();
    let facts = r#"{"birth_date": "2007-05-02", "postal_code": "93200",
        "employment_status": "inactive", "rqth": true}"#;
    let mut plan = plan_with_entries(facts, &catalogue, Locale::Fr, "cap-emploi");
    for entry in [CEJ, "cap-emploi"] {
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
    let cej =
        serde_json::to_value(referral_sheet(&plan, &catalogue, CEJ, today()).unwrap()).unwrap();
    let shared: Vec<&str> = cej["facts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|fact| fact["fact"].as_str().unwrap())
        .collect();
    assert!(!shared.contains(&"rqth"), "{shared:?}");
    assert!(cej["left_out"]
        .as_array()
        .unwrap()
        .contains(&Json::from("facts:rqth")));

    let cap_emploi = referral_sheet(&plan, &catalogue, "cap-emploi", today()).unwrap();
    let cap_emploi = serde_json::to_value(cap_emploi).unwrap();
    assert!(cap_emploi["facts"]
        .as_array()
        .unwrap()
        .iter()
        .any(|fact| fact["fact"] == "rqth" && fact["value"] == true));
    assert!(!cap_emploi["facts"]
        .as_array()
        .unwrap()
        .iter()
        .any(|fact| fact["fact"] == "birth_date"));
}

#[test]
fn hostile_text_is_escaped_in_the_referral_sheet() {
    let catalogue = hostile_catalogue();
    let plan = full_plan(&catalogue, Locale::En, HOSTILE);
    let sheet = referral_sheet(&plan, &catalogue, CEJ, today()).unwrap();
    // The JSON keeps the text as it is (JSON escapes it its own way)…
    assert_eq!(sheet.partner.name, HOSTILE);
    // …the page shows it escaped only.
    let html = sheet.to_html();
    assert_safe_page(&html, "en");
    assert!(!html.contains(SCRIPT));
    assert!(!html.contains(IMG));
    assert!(html.contains(&format!("<p>To: {HOSTILE_ESCAPED}</p>")));
    assert!(html.contains(&format!("<h3>Contact: {HOSTILE_ESCAPED}</h3>")));
    assert!(html.contains(&format!("<strong>Samia Benali {HOSTILE_ESCAPED}</strong>")));
    assert!(html.contains(&format!(
        "<title>Referral sheet – {HOSTILE_ESCAPED}</title>"
    )));
    // The person's words and notes are not on the sheet at all.
    assert!(!html.contains("logistique"));
    assert!(!html.contains("Apporter"));
}

#[test]
fn the_partners_copy_of_the_sheet_is_in_french_the_persons_in_their_language() {
    use passerelle_core::referral::partner_sheet;
    let catalogue = Catalogue::national();
    let mut plan = plan_with(CEJ_FACTS, &catalogue, Locale::En);
    apply(
        &mut plan,
        Edit::GiveConsent {
            consent: Consent {
                entry: CEJ.into(),
                date: today(),
            },
        },
    );
    let partner = partner_sheet(&plan, &catalogue, CEJ, today())
        .unwrap()
        .to_html();
    let own = referral_sheet(&plan, &catalogue, CEJ, today())
        .unwrap()
        .to_html();
    assert!(
        partner.contains("<html lang=\"fr\" dir=\"ltr\">"),
        "{partner}"
    );
    assert!(partner.contains("<h1>Fiche de liaison"), "{partner}");
    assert!(
        partner.contains("Contrat d&#39;engagement jeune (CEJ)"),
        "{partner}"
    );
    assert!(own.contains("<html lang=\"en\" dir=\"ltr\">"), "{own}");
    assert!(own.contains("Youth Commitment Contract (CEJ)"), "{own}");
    // The steps the plan wrote itself are said again in French for the
    // partner; the person's copy keeps them in English.
    assert!(
        partner.contains("Contacter\u{a0}: Contrat d&#39;engagement jeune (CEJ)"),
        "{partner}"
    );
    assert!(!partner.contains("Contact: "), "{partner}");
    assert!(
        own.contains("Contact: Youth Commitment Contract (CEJ)"),
        "{own}"
    );
    // A step the person wrote in their words stays as they wrote it.
    let own_words = "Call them on Monday morning";
    let mut renamed = plan.clone();
    let action = renamed.objectives[0].actions[0].clone();
    renamed.objectives[0].actions[0].title = own_words.into();
    assert_eq!(action.entry.as_deref(), Some(CEJ));
    let partner = partner_sheet(&renamed, &catalogue, CEJ, today())
        .unwrap()
        .to_html();
    assert!(partner.contains(own_words), "{partner}");
    // The same consent, the same partner: refused alike without it.
    apply(&mut plan, Edit::WithdrawConsent { entry: CEJ.into() });
    assert_eq!(
        partner_sheet(&plan, &catalogue, CEJ, today())
            .unwrap_err()
            .code(),
        "no_consent"
    );
}
