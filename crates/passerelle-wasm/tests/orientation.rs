//! Browser tests of `<passerelle-orientation>`'s Rust side, run by
//! wasm-bindgen-test in headless Chromium (`cargo xtask test`).
#![cfg(target_arch = "wasm32")]

use passerelle_core::orientation::Eligibility;
use passerelle_core::{Locale, Message};
use passerelle_wasm::OrientationWidget;
use passerelle_wasm::WidgetText;
use serde_json::{json, Value};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement, HtmlSelectElement};

wasm_bindgen_test_configure!(run_in_browser);

mod common;
use common::{code, find, find_all, js, root, send, text, to_json, Events};

const JOB: &str = "trouver-un-emploi";
const SHELTER: &str = "logement-hebergement--rechercher-une-solution-dhebergement-temporaire";

/// A diagnosis result as `Diagnosis.result()` gives it: a jobseeker of
/// 23 in Seine-Saint-Denis, with nowhere to sleep tonight.
fn diagnosis() -> Value {
    let need = |theme: &str, label: &str, priority: &str| {
        json!({"theme": theme, "label": label, "priority": priority, "rank": null,
               "raised_by": [{"question": "sleep_tonight", "answer": "street"}]})
    };
    json!({
        "questionnaire_id": "passerelle-default",
        "reference_date": "2026-11-27",
        "facts": {"age": 23, "postal_code": "93200", "employment_status": "jobseeker"},
        "urgent": [{"alert": "shelter",
                    "raised_by": [{"question": "sleep_tonight", "answer": "street"}]}],
        "needs": [need(SHELTER, "Hébergement", "urgent"), need(JOB, "Emploi", "high")],
        "ranked_by_person": false
    })
}

fn mount(lang: &str) -> (HtmlElement, OrientationWidget) {
    let host = common::host();
    let widget = OrientationWidget::new(host.clone(), Some(lang.into())).unwrap();
    (host, widget)
}

/// A town's catalogue of one job workshop in the 93, with `name` and
/// `description` (`{"fr": …, "en": …}`), and `access` (how to get in).
fn workshop(id: &str, name: Value, description: Value, access: Value) -> String {
    json!({
        "format_version": 1, "id": "ville", "name": "Ville", "fictional": true,
        "entries": [{
            "id": id, "name": name, "description": description,
            "kind": "service", "types": ["atelier"],
            "themes": ["trouver-un-emploi--repondre-a-des-offres-demploi"],
            "publics": ["tous-publics"], "zone": {"departments": ["93"]},
            "access": access,
            "cost": "gratuit", "source_url": "https://example.org/atelier",
            "last_verified": "2026-11-27"
        }]
    })
    .to_string()
}

#[wasm_bindgen_test]
fn each_need_shows_its_schemes_with_status_reasons_questions_and_access() {
    let (host, widget) = mount("fr");
    let events = Events::on(&host, "passerelle:orientation");
    let waiting = find_all(&host, ".help");
    assert_eq!(
        text(&waiting[0]),
        WidgetText::OrientationWaiting.text(Locale::Fr)
    );
    assert!(find_all(&host, "section.need").is_empty());
    assert!(events.details().is_empty(), "no orientation, no event");

    widget.set_diagnosis(js(&diagnosis())).unwrap();

    // The focus stays where the page had it; the needs come in the
    // diagnosis's order.
    assert!(root(&host).active_element().is_none());
    let needs: Vec<_> = find_all(&host, "section.need")
        .iter()
        .map(|section| section.get_attribute("data-theme").unwrap())
        .collect();
    assert_eq!(needs, [SHELTER, JOB]);

    // The urgent alert of the diagnosis first, open, in the panel every
    // widget shares: the 115 for a night outside, and no other.
    let urgent: Vec<String> = find_all(&host, ".urgent-panel[open] a.call")
        .iter()
        .map(|link| link.get_attribute("href").unwrap())
        .collect();
    assert_eq!(urgent, ["tel:115"]);

    let proposals = find_all(&host, "li.proposal");
    assert!(proposals.len() >= 4, "{} proposals", proposals.len());
    let mut statuses = Vec::new();
    for proposal in &proposals {
        let status = proposal.get_attribute("data-status").unwrap();
        let eligibility = match status.as_str() {
            "eligible" => Eligibility::Eligible,
            "ineligible" => Eligibility::Ineligible,
            "undetermined" => Eligibility::Undetermined,
            other => panic!("status {other}"),
        };
        let line = proposal.query_selector(".status").unwrap().unwrap();
        // The words carry the status ("Ouvert à tous" for an entry with no
        // condition, "Possible, sous conditions" for conditions the site
        // cannot check); the icon is hidden from screen readers.
        let words = match line.get_attribute("data-standing").as_deref() {
            Some("open_to_all") => WidgetText::OpenToAll {
                free: text(&line).contains("gratuit"),
            },
            Some("on_conditions") => WidgetText::OnConditions,
            Some("to_check") => WidgetText::ToCheckWords,
            _ => WidgetText::EligibilityWords(eligibility),
        };
        assert!(
            text(&line).ends_with(&words.text(Locale::Fr)),
            "{}",
            text(&line)
        );
        let icon = line.query_selector(".icon").unwrap().unwrap();
        assert_eq!(icon.get_attribute("aria-hidden").as_deref(), Some("true"));
        // The reasons, one per condition, each with its status.
        let reasons = proposal
            .query_selector_all("details[part=why] li[data-status]")
            .unwrap();
        assert!(reasons.length() > 0, "{} has no reasons", text(proposal));
        // When its criteria were last checked, in words.
        let verified = proposal.query_selector(".verified").unwrap().unwrap();
        assert!(
            text(&verified).starts_with("Vérifié le "),
            "{}",
            text(&verified)
        );
        statuses.push(status);
    }
    assert!(statuses.iter().any(|s| s == "eligible"), "{statuses:?}");
    let undetermined = proposals
        .iter()
        .find(|p| p.get_attribute("data-entry").as_deref() == Some("cap-emploi"))
        .expect("Cap emploi is proposed for a job");
    assert_eq!(
        undetermined.get_attribute("data-status").as_deref(),
        Some("undetermined")
    );
    let questions: Vec<_> = {
        let list = undetermined.query_selector_all(".settle li").unwrap();
        (0..list.length())
            .filter_map(|i| list.item(i)?.dyn_into::<Element>().ok())
            .map(|li| li.get_attribute("data-question").unwrap())
            .collect()
    };
    assert!(questions.contains(&"rqth".to_owned()), "{questions:?}");

    // Every link is a call, an e-mail or an https page.
    let links = find_all(&host, "a[href]");
    assert!(!links.is_empty());
    for link in links {
        let href = link.get_attribute("href").unwrap();
        assert!(
            ["tel:", "mailto:", "https://"]
                .iter()
                .any(|scheme| href.starts_with(scheme)),
            "{href}"
        );
    }
    assert_eq!(
        text(&find_all(&host, ".summary")[0]),
        WidgetText::ProposalsShown(proposals.len()).text(Locale::Fr)
    );

    // The event carries the orientation, as Engine.orient gives it.
    let details = events.details();
    assert_eq!(details.len(), 1);
    let shown = &details[0]["orientation"];
    assert_eq!(shown["needs"][0]["need"]["theme"], SHELTER);
    assert_eq!(
        shown["needs"][1]["proposals"].as_array().unwrap().len()
            + shown["needs"][0]["proposals"].as_array().unwrap().len(),
        proposals.len()
    );

    // In English, the same orientation in other words.
    widget.set_locale(Some("en".into())).unwrap();
    let title = find_all(&host, "#passerelle-orientation-title");
    assert_eq!(
        text(&title[0]),
        WidgetText::OrientationTitle.text(Locale::En)
    );
    assert_eq!(events.details().len(), 2);
}

#[wasm_bindgen_test]
fn filters_show_one_need_and_only_what_the_person_is_entitled_to() {
    let (host, widget) = mount("fr");
    widget.set_diagnosis(js(&diagnosis())).unwrap();
    let all = find_all(&host, "li.proposal").len();

    let select: HtmlSelectElement = find_all(&host, "#passerelle-filter-need")[0]
        .clone()
        .unchecked_into();
    select.set_value(JOB);
    send(&select, "change");
    let sections = find_all(&host, "section.need");
    assert_eq!(sections.len(), 1);
    assert_eq!(
        sections[0].get_attribute("data-theme").as_deref(),
        Some(JOB)
    );
    let chosen: HtmlSelectElement = find_all(&host, "#passerelle-filter-need")[0]
        .clone()
        .unchecked_into();
    assert_eq!(chosen.value(), JOB, "the filter shows what is chosen");

    let only: HtmlInputElement = find_all(&host, "#passerelle-only-eligible")[0]
        .clone()
        .unchecked_into();
    only.set_checked(true);
    send(&only, "change");
    let shown = find_all(&host, "li.proposal");
    assert!(!shown.is_empty() && shown.len() < all);
    assert!(shown
        .iter()
        .all(|p| p.get_attribute("data-status").as_deref() == Some("eligible")));
    assert_eq!(
        text(&find_all(&host, ".summary")[0]),
        WidgetText::ProposalsShown(shown.len()).text(Locale::Fr)
    );

    let select: HtmlSelectElement = find_all(&host, "#passerelle-filter-need")[0]
        .clone()
        .unchecked_into();
    select.set_value("");
    send(&select, "change");
    assert_eq!(find_all(&host, "section.need").len(), 2);
}

#[wasm_bindgen_test]
fn a_local_catalogue_is_merged_and_its_texts_stay_text() {
    let (host, widget) = mount("fr");
    let payload = "<img src=x onerror=\"window.hacked=1\"> Atelier CV";
    let local = workshop(
        "atelier-cv",
        json!({"fr": payload}),
        json!({"fr": "<script>window.hacked=1</script>Un atelier."}),
        json!({"through": ["usagers"], "modes": ["se-presenter"],
               "url": "https://example.org/atelier"}),
    );
    widget.set_local_catalogue(local.clone().into()).unwrap();
    widget.set_diagnosis(js(&diagnosis())).unwrap();
    let entry = find_all(&host, "li.proposal[data-entry=atelier-cv]");
    assert_eq!(entry.len(), 1);
    let name = entry[0].query_selector("h4").unwrap().unwrap();
    assert_eq!(text(&name), payload);
    assert!(find_all(&host, "img, script").is_empty());
    assert!(
        js_sys::Reflect::get(&web_sys::window().unwrap(), &"hacked".into())
            .unwrap()
            .is_undefined()
    );

    let refused = widget
        .set_local_catalogue(r#"{"format_version": 1, "entries": [{}]}"#.into())
        .unwrap_err();
    assert_eq!(code(&refused), "invalid_catalogue");
}

#[wasm_bindgen_test]
fn a_value_that_is_not_a_diagnosis_is_refused_and_null_clears() {
    let (host, widget) = mount("en");
    for wrong in [
        JsValue::from_str("not json"),
        js(&json!({"needs": "everything"})),
        JsValue::from(12),
    ] {
        assert_eq!(
            code(&widget.set_diagnosis(wrong).unwrap_err()),
            "invalid_argument"
        );
    }
    widget.set_diagnosis(js(&diagnosis())).unwrap();
    assert_eq!(find_all(&host, "section.need").len(), 2);
    widget.set_diagnosis(JsValue::NULL).unwrap();
    assert!(find_all(&host, "section.need").is_empty());
    assert_eq!(
        text(&find_all(&host, ".help")[0]),
        WidgetText::OrientationWaiting.text(Locale::En)
    );
}

#[wasm_bindgen_test]
fn a_territory_places_a_person_whose_answers_do_not_say_where_they_live() {
    let (host, widget) = mount("fr");
    let local = workshop(
        "atelier-93",
        json!({"fr": "Atelier emploi du 93"}),
        json!({"fr": "Un atelier."}),
        json!({"through": ["usagers"], "modes": ["se-presenter"]}),
    );
    widget.set_local_catalogue(local.clone().into()).unwrap();
    let mut nowhere = diagnosis();
    nowhere["facts"] = json!({"age": 23, "employment_status": "jobseeker"});
    widget.set_diagnosis(js(&nowhere)).unwrap();
    let status = || {
        find_all(&host, "li.proposal[data-entry=atelier-93]")[0]
            .get_attribute("data-status")
            .unwrap()
    };
    assert_eq!(status(), "undetermined");
    widget.set_territory(Some("93".into())).unwrap();
    assert_eq!(status(), "eligible");
    widget.set_territory(Some("75056".into())).unwrap();
    assert_eq!(status(), "ineligible");
    // Answers that say where the person lives win over the territory.
    widget.set_diagnosis(js(&diagnosis())).unwrap();
    assert_eq!(status(), "eligible");
    let refused = widget.set_territory(Some("Paris".into())).unwrap_err();
    assert_eq!(code(&refused), "invalid_territory");
}

#[wasm_bindgen_test]
fn a_catalogue_text_without_translation_is_marked_with_its_language() {
    let (host, widget) = mount("en");
    let local = workshop(
        "atelier-cv",
        json!({"fr": "Atelier CV"}),
        json!({"fr": "Un atelier pour écrire son CV.", "en": "A workshop to write a CV."}),
        json!({"through": ["usagers"], "modes": ["se-presenter"]}),
    );
    widget.set_local_catalogue(local.clone().into()).unwrap();
    widget.set_diagnosis(js(&diagnosis())).unwrap();
    let entry = &find_all(&host, "li.proposal[data-entry=atelier-cv]")[0];
    let lang = |selector: &str| {
        entry
            .query_selector(selector)
            .unwrap()
            .unwrap()
            .get_attribute("lang")
    };
    assert_eq!(lang("h4").as_deref(), Some("fr"), "French only: marked");
    assert_eq!(
        lang(".description"),
        None,
        "translated: the page's language"
    );
    // The national catalogue speaks English: nothing marked.
    assert!(find_all(&host, "li.proposal:not([data-entry=atelier-cv]) [lang]").is_empty());
}

/// A registered jobseeker of 45 on the RSA, with two children, who needs
/// work and money.
fn jobseeker_on_rsa() -> Value {
    let need = |theme: &str, label: &str| {
        json!({"theme": theme, "label": label, "priority": "high", "rank": null,
               "raised_by": [{"question": "job_difficulty", "answer": "a_lot"}]})
    };
    json!({
        "questionnaire_id": "passerelle-default",
        "reference_date": "2026-11-27",
        "facts": {"age": 45, "postal_code": "57000", "employment_status": "jobseeker",
                  "registered_jobseeker": true, "benefits": ["rsa"], "children_count": 2,
                  "youngest_child_age": 8, "single_parent": false, "monthly_resources": 400,
                  "nationality": "french", "housing": "tenant", "rqth": false,
                  "qualification_level": 2},
        "urgent": [],
        "needs": [need(JOB, "Emploi"), need("difficultes-financieres", "Argent")],
        "ranked_by_person": false
    })
}

#[wasm_bindgen_test]
fn what_the_person_has_is_shown_as_theirs_and_never_proposed_again() {
    let (host, widget) = mount("fr");
    widget.set_diagnosis(js(&jobseeker_on_rsa())).unwrap();
    for id in ["rsa", "france-travail-inscription"] {
        assert!(
            find_all(&host, &format!("li.proposal[data-entry={id}]")).is_empty(),
            "{id} is proposed to a person who has it"
        );
        let held = find_all(
            &host,
            &format!("section.held li.held-entry[data-entry={id}]"),
        );
        assert_eq!(held.len(), 1, "{id} is not with what the person has");
        let status = held[0].query_selector(".status").unwrap().unwrap();
        assert!(text(&status).ends_with(&WidgetText::HeldWords.text(Locale::Fr)));
    }
    assert_eq!(
        text(&find_all(&host, "section.held h3")[0]),
        WidgetText::HeldTitle.text(Locale::Fr)
    );
    // The job need points to the registration the person has.
    let pointer = find_all(
        &host,
        &format!(
            "section.need[data-theme={JOB}] .see-also li[data-entry=france-travail-inscription]"
        ),
    );
    assert_eq!(pointer.len(), 1);
    assert!(text(&pointer[0]).ends_with(&WidgetText::HeldWords.text(Locale::Fr)));
}

#[wasm_bindgen_test]
fn an_entry_without_conditions_is_open_to_all_and_free_not_a_right() {
    let (host, widget) = mount("fr");
    widget.set_diagnosis(js(&jobseeker_on_rsa())).unwrap();
    let budget = find_all(
        &host,
        "li.proposal[data-entry=point-conseil-budget] .status",
    );
    assert_eq!(budget.len(), 1);
    assert_eq!(
        text(&budget[0]),
        format!("✓{}", WidgetText::OpenToAll { free: true }.text(Locale::Fr))
    );
    // A scheme whose conditions the site cannot check: possible, on conditions.
    let iae = find_all(&host, "li.proposal[data-entry=iae-pass-inclusion] .status");
    assert_eq!(
        text(&iae[0]),
        format!("?{}", WidgetText::OnConditions.text(Locale::Fr))
    );
    // "Vous y avez droit" only where a condition was met.
    let entitled = WidgetText::EligibilityWords(Eligibility::Eligible).text(Locale::Fr);
    for proposal in find_all(&host, "li.proposal") {
        let id = proposal.get_attribute("data-entry").unwrap();
        let status = text(&proposal.query_selector(".status").unwrap().unwrap());
        let catalogue = passerelle_core::catalogue::Catalogue::national();
        let entry = catalogue.entry(&id).unwrap();
        if entry.eligibility.is_none() {
            assert!(!status.contains(&entitled), "{id}: {status}");
        }
    }
}

#[wasm_bindgen_test]
fn a_few_proposals_first_then_see_more_and_the_ruled_out_folded_with_their_count() {
    let (host, widget) = mount("fr");
    widget.set_diagnosis(js(&jobseeker_on_rsa())).unwrap();
    let job = find(&host, &format!("section.need[data-theme={JOB}]"));
    let first = job
        .query_selector_all(":scope > ul.proposals > li.proposal")
        .unwrap();
    assert!(
        first.length() >= 1 && first.length() <= 3,
        "{} first",
        first.length()
    );
    let folded = job
        .query_selector(":scope > details.ruled-out")
        .unwrap()
        .unwrap();
    assert!(!folded.has_attribute("open"), "ruled out folded by default");
    let out = folded.query_selector_all("li.proposal").unwrap();
    assert!(out.length() > 0);
    let summary = folded.query_selector("summary").unwrap().unwrap();
    let words = WidgetText::RuledOutCount(out.length() as usize).text(Locale::Fr);
    assert!(text(&summary).starts_with(&words), "{}", text(&summary));
    // Nothing ruled out outside the fold.
    for item in find_all(&host, "li.proposal[data-status=ineligible]") {
        assert!(item.closest("details.ruled-out").unwrap().is_some());
    }
    let more = find_all(&host, "details.more");
    assert!(!more.is_empty(), "a need with more than three proposals");
    for fold in &more {
        assert!(!fold.has_attribute("open"));
        let count = fold.query_selector_all("li.proposal").unwrap().length() as usize;
        let summary = fold.query_selector("summary").unwrap().unwrap();
        // Visible "Voir plus (N)", and the need's name for a screen reader.
        let hidden = summary.query_selector(".visually-hidden").unwrap().unwrap();
        assert_eq!(
            text(&summary),
            format!(
                "{}{}",
                WidgetText::SeeMore(count).text(Locale::Fr),
                text(&hidden)
            )
        );
        let section = fold.closest("section.need").unwrap().unwrap();
        let need = text(&section.query_selector("h3").unwrap().unwrap());
        assert!(text(&hidden).contains(&need));
    }
}

#[wasm_bindgen_test]
fn every_why_names_its_scheme_for_screen_readers() {
    let (host, widget) = mount("fr");
    widget.set_diagnosis(js(&jobseeker_on_rsa())).unwrap();
    let mut names = Vec::new();
    for proposal in find_all(&host, "li.proposal") {
        let name = text(&proposal.query_selector("h4").unwrap().unwrap());
        let Some(summary) = proposal
            .query_selector("details[part=why] summary")
            .unwrap()
        else {
            continue;
        };
        let visible = WidgetText::WhyTitle.text(Locale::Fr);
        assert_eq!(text(&summary), format!("{visible} – {name}"));
        let hidden = summary.query_selector(".visually-hidden").unwrap().unwrap();
        assert_eq!(text(&hidden), format!(" – {name}"));
        names.push(text(&summary));
    }
    assert!(names.len() >= 5);
    let unique: std::collections::BTreeSet<_> = names.iter().collect();
    assert_eq!(
        unique.len(),
        names.len(),
        "two \"Pourquoi ?\" sound the same"
    );
}

/// A town's catalogue of one allowance for adults, last verified on
/// 27 November 2026, its amounts valid from 1 April 2026 to 31 March 2027.
fn allowance() -> String {
    json!({
        "format_version": 1, "id": "ville", "name": "Ville", "fictional": true,
        "entries": [{
            "id": "aide-ville", "name": {"fr": "Aide de la ville"},
            "description": {"fr": "Une aide pour les adultes."},
            "kind": "scheme", "types": ["aide-financiere"],
            "themes": ["trouver-un-emploi--repondre-a-des-offres-demploi"],
            "publics": ["tous-publics"], "zone": {"departments": ["93"]},
            "eligibility": {"age": {"min": 18}},
            "access": {"through": ["usagers"], "modes": ["se-presenter"]},
            "cost": "gratuit", "source_url": "https://example.org/aide",
            "figures_valid": {"from": "2026-04-01", "until": "2027-03-31"},
            "last_verified": "2026-11-27"
        }]
    })
    .to_string()
}

#[wasm_bindgen_test]
fn a_person_never_reads_a_stale_vous_y_avez_droit() {
    let (host, widget) = mount("fr");
    widget.set_local_catalogue(allowance().into()).unwrap();
    let on = |date: &str| {
        let mut diagnosis = diagnosis();
        diagnosis["reference_date"] = json!(date);
        widget.set_diagnosis(js(&diagnosis)).unwrap();
        let item = find(&host, "li.proposal[data-entry=aide-ville]");
        let line = |selector: &str| {
            item.query_selector(selector)
                .unwrap()
                .map(|line| text(&line))
        };
        (
            item.get_attribute("data-standing").unwrap(),
            line(".status").unwrap(),
            line(".figures-outdated"),
            line(".stale"),
            line(".verified").unwrap(),
        )
    };
    // Within its figures' dates, checked a week ago: a right met.
    let (standing, status, figures, stale, verified) = on("2026-12-03");
    assert_eq!(standing, "entitled");
    assert_eq!(
        status,
        format!(
            "✓{}",
            WidgetText::EligibilityWords(Eligibility::Eligible).text(Locale::Fr)
        )
    );
    assert_eq!((figures, stale), (None, None));
    assert_eq!(verified, "Vérifié le 27 novembre 2026");
    // Past its figures' dates: to check, and why, with the dates.
    let (standing, status, figures, stale, _) = on("2027-04-01");
    assert_eq!(standing, "to_check");
    assert_eq!(status, "?À vérifier");
    assert!(
        figures
            .unwrap()
            .contains("du 1er avril 2026 au 31 mars 2027"),
        "the figures' dates in words"
    );
    assert_eq!(stale, None);
    // More than twelve months after it was checked: a warning too.
    let (standing, status, _, stale, verified) = on("2027-11-28");
    assert_eq!(standing, "to_check");
    assert_eq!(status, "?À vérifier");
    assert_eq!(
        stale.unwrap(),
        Message::Stale {
            months: 12,
            last_verified: passerelle_core::date::Date::parse("2026-11-27").unwrap(),
        }
        .text(Locale::Fr)
    );
    assert_eq!(verified, "Vérifié le 27 novembre 2026");
}

/// A town's catalogue of `count` job workshops in the 93, open to all.
fn many_workshops(count: usize) -> String {
    let entries: Vec<Value> = (0..count)
        .map(|i| {
            json!({
                "id": format!("atelier-{i}"),
                "name": {"fr": format!("Atelier emploi n° {i}")},
                "description": {"fr": "Un atelier pour répondre aux offres d’emploi."},
                "kind": "service", "types": ["atelier"],
                "themes": ["trouver-un-emploi--repondre-a-des-offres-demploi"],
                "publics": ["tous-publics"], "zone": {"departments": ["93"]},
                "access": {"through": ["usagers"], "modes": ["se-presenter"], "phone": "0102030405"},
                "cost": "gratuit", "source_url": "https://example.org/atelier",
                "last_verified": "2026-11-27"
            })
        })
        .collect();
    json!({"format_version": 1, "id": "ville", "name": "Ville", "fictional": true,
           "entries": entries})
    .to_string()
}

/// The proposals drawn in the list `part` of the job need.
fn drawn(host: &HtmlElement, part: &str) -> Vec<Element> {
    find_all(
        host,
        &format!("ul[data-list=\"{JOB}/{part}\"] > li.proposal"),
    )
}

#[wasm_bindgen_test]
fn a_catalogue_of_hundreds_draws_twenty_at_a_time_and_the_focus_goes_on_from_there() {
    let (host, widget) = mount("fr");
    widget
        .set_local_catalogue(JsValue::from_str(&many_workshops(130)))
        .unwrap();
    widget.set_diagnosis(js(&diagnosis())).unwrap();
    let job = find(&host, &format!("section.need[data-theme={JOB}]"));
    let more = job
        .query_selector(":scope > details.more")
        .unwrap()
        .unwrap();
    let summary = text(&more.query_selector("summary").unwrap().unwrap());
    let total: usize = summary
        .trim_start_matches("Voir plus (")
        .split(')')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    assert!(total > 100, "{summary}");
    // The summary still counts them all; twenty are drawn, the rest a
    // button away, which says how far the list goes and for which need.
    assert_eq!(drawn(&host, "more").len(), 20);
    let next = || {
        more.query_selector(":scope > button.show-next")
            .unwrap()
            .map(|button| button.dyn_into::<HtmlElement>().unwrap())
    };
    let button = next().expect("a button for the next ones");
    let hidden = text(&button.query_selector(".visually-hidden").unwrap().unwrap());
    let need = text(&job.query_selector("h3").unwrap().unwrap());
    assert_eq!(
        text(&button),
        format!(
            "{}{hidden}",
            WidgetText::ShowNext { shown: 20, total }.text(Locale::Fr)
        )
    );
    assert!(hidden.contains(&need), "{hidden}");
    assert!(
        text(&button).starts_with("Voir la suite (20 sur "),
        "{}",
        text(&button)
    );

    button.click();
    // Twenty more, the fold still open, the focus on the first new one.
    let more = find(
        &host,
        &format!("section.need[data-theme={JOB}] > details.more"),
    );
    assert!(more.has_attribute("open"));
    let items = drawn(&host, "more");
    assert_eq!(items.len(), 40);
    assert_eq!(
        root(&host).active_element().as_ref(),
        Some(&items[20]),
        "the focus goes to the first proposal drawn"
    );
    // To the end: no button once all are drawn (each click draws the
    // lists again).
    let selector = format!("section.need[data-theme={JOB}] > details.more > button.show-next");
    for _ in 0..total {
        let Some(button) = find_all(&host, &selector).pop() else {
            break;
        };
        button.dyn_into::<HtmlElement>().unwrap().click();
    }
    assert!(find_all(&host, &selector).is_empty());
    assert_eq!(drawn(&host, "more").len(), total);

    // "Only what I am entitled to" draws one list, twenty at a time too,
    // from the start again.
    let only = find(&host, "#passerelle-only-eligible")
        .dyn_into::<HtmlInputElement>()
        .unwrap();
    only.click();
    assert_eq!(drawn(&host, "first").len(), 20);
    assert!(find_all(&host, "li.proposal")
        .iter()
        .all(|item| item.get_attribute("data-status").as_deref() == Some("eligible")));
    assert_eq!(find_all(&host, "button.show-next").len(), 1);
}

#[wasm_bindgen_test]
fn the_event_gives_the_orientation_shown_even_when_read_after_the_next() {
    let (host, widget) = mount("fr");
    let events = Events::on(&host, "passerelle:orientation");
    widget.set_diagnosis(js(&diagnosis())).unwrap();
    let first_name = text(&find(&host, "li.proposal h4"));
    widget.set_locale(Some("en".into())).unwrap();
    let english_name = text(&find(&host, "li.proposal h4"));
    assert_ne!(first_name, english_name);
    let received = events.received();
    assert_eq!(received.len(), 2);
    // Read only now, the first is still the French one shown then.
    let orientation =
        |detail: &JsValue| js_sys::Reflect::get(detail, &"orientation".into()).unwrap();
    let first = orientation(&received[0]);
    let name = |value: &JsValue| to_json(value)["needs"][0]["proposals"][0]["name"].clone();
    assert_eq!(name(&first), first_name.as_str());
    assert_eq!(name(&orientation(&received[1])), english_name.as_str());
    // The same object each time it is read.
    assert!(js_sys::Object::is(&first, &orientation(&received[0])));
    // A plain object whose own `orientation` a page can spread, clone or send.
    let keys = js_sys::Object::keys(received[1].unchecked_ref::<js_sys::Object>());
    assert_eq!(keys.to_vec(), vec![JsValue::from_str("orientation")]);
    let clone: js_sys::Function =
        js_sys::Reflect::get(&js_sys::global(), &"structuredClone".into())
            .unwrap()
            .unchecked_into();
    let cloned = clone.call1(&JsValue::NULL, &received[1]).unwrap();
    assert_eq!(name(&orientation(&cloned)), english_name.as_str());
}

#[wasm_bindgen_test]
fn every_reason_says_something_alone_or_shows_its_own_reasons() {
    let (host, widget) = mount("fr");
    widget.set_diagnosis(js(&diagnosis())).unwrap();
    // "Au moins une de ces conditions", "Toutes ces conditions", "Pas la
    // condition suivante": words that say nothing without what follows.
    let empty: Vec<String> = ["any-of", "all-of", "none-of"]
        .iter()
        .map(|key| passerelle_core::text::message(Locale::Fr, key))
        .collect();
    let mut expanded = 0;
    for line in find_all(&host, "details[part=why] ul.reasons > li") {
        let words = text(&line.query_selector(":scope > div > span").unwrap().unwrap());
        let mut own = empty
            .iter()
            .filter(|empty| words.starts_with(empty.as_str()));
        if own.next().is_none() {
            continue;
        }
        let inner = line
            .query_selector_all(":scope > div > ul.reasons > li[data-status]")
            .unwrap();
        assert!(inner.length() > 0, "{words:?} shown alone");
        expanded += 1;
    }
    assert!(
        expanded > 0,
        "the housing services' rules have an unlabelled any"
    );
    // Mission locale's "not a student" is put in words by the catalogue.
    let mission = find(&host, "li.proposal[data-entry=mission-locale]");
    let reasons = text(
        &mission
            .query_selector("details[part=why]")
            .unwrap()
            .unwrap(),
    );
    assert!(
        reasons.contains("Ne pas être élève ou étudiant"),
        "{reasons}"
    );
    assert!(!reasons.contains("Pas la condition suivante"), "{reasons}");
}
