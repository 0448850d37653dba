//! The widgets' words (native test): their French and English files have
//! the same keys with the same placeables, every text of the widgets finds
//! its words there, and French texts have French typography.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::{BTreeMap, BTreeSet};

use passerelle_core::date::Date;
use passerelle_core::messages::Parts;
use passerelle_core::orientation::Eligibility;
use passerelle_core::plan::{ActionStatus, Actor, ObjectiveStatus};
use passerelle_core::text::placeables;
use passerelle_core::typography;
use passerelle_core::Locale;
use passerelle_wasm::words::{load, FILES};
use passerelle_wasm::{every_desk_text, every_editor_text, WidgetText, DESK_FILES, EDITOR_FILES};

fn today() -> Date {
    Date::parse("2026-11-27").unwrap()
}

/// A translation file: its keys and texts, without its `@metadata`.
fn keys(file: &str) -> BTreeMap<String, String> {
    let json: serde_json::Value = serde_json::from_str(file).expect("a JSON file");
    let object = json.as_object().expect("an object of key → text");
    assert!(object.contains_key("@metadata"), "no @metadata");
    object
        .iter()
        .filter(|(key, _)| key.as_str() != "@metadata")
        .map(|(key, text)| {
            let text = text.as_str().unwrap_or_else(|| panic!("{key}: not a text"));
            (key.clone(), text.to_owned())
        })
        .collect()
}

#[test]
fn french_and_english_widget_files_have_the_same_keys_and_placeables() {
    for files in [FILES, DESK_FILES, EDITOR_FILES] {
        same_keys_and_placeables(files);
    }
}

/// The French and English files of one domain have the same keys, with
/// the same placeables.
fn same_keys_and_placeables(files: [(&str, &str); 2]) {
    let [(_, fr), (_, en)] = files;
    let (fr, en) = (keys(fr), keys(en));
    let names = |text: &str| {
        placeables(text)
            .into_iter()
            .map(str::to_owned)
            .collect::<BTreeSet<_>>()
    };
    let mut faults = Vec::new();
    for (key, text) in &fr {
        match en.get(key) {
            None => faults.push(format!("{key}: in fr, not in en")),
            Some(other) if names(text) != names(other) => {
                faults.push(format!("{key}: placeables differ"))
            }
            Some(_) => {}
        }
    }
    for key in en.keys().filter(|key| !fr.contains_key(*key)) {
        faults.push(format!("{key}: in en, not in fr"));
    }
    assert!(faults.is_empty(), "{faults:#?}");
}

/// A text of the widgets, of the advisor's desk or of the catalogue editor, as it is written in
/// each language: its name, then per language its parts and its words.
struct Written {
    name: String,
    in_each: Vec<(Locale, Parts, String)>,
}

/// Every text of the widgets (`WidgetText`) and of the advisor's desk
/// (`DeskText`), in French and English.
fn every_text() -> Vec<Written> {
    load();
    let locales = [Locale::Fr, Locale::En];
    let widgets = every_widget_text().into_iter().map(|text| Written {
        name: format!("{text:?}"),
        in_each: locales.map(|l| (l, text.parts(l), text.text(l))).to_vec(),
    });
    let desk = every_desk_text().into_iter().map(|text| Written {
        name: format!("{text:?}"),
        in_each: locales.map(|l| (l, text.parts(l), text.text(l))).to_vec(),
    });
    let editor = every_editor_text().into_iter().map(|text| Written {
        name: format!("{text:?}"),
        in_each: locales.map(|l| (l, text.parts(l), text.text(l))).to_vec(),
    });
    widgets.chain(desk).chain(editor).collect()
}

#[test]
fn every_widget_text_has_its_key_in_french_and_english() {
    let mut used = BTreeSet::new();
    let mut faults = Vec::new();
    for text in every_text() {
        for (locale, parts, words) in &text.in_each {
            for key in parts.keys_in(*locale) {
                if locale.message(&key).is_none() {
                    faults.push(format!("{}: no {key} in {locale:?}", text.name));
                }
            }
            if words.contains("{{") || words.is_empty() {
                faults.push(format!("{} in {locale:?}: {words:?}", text.name));
            }
            used.extend(parts.keys_in(*locale));
        }
    }
    assert!(faults.is_empty(), "{faults:#?}");
    let unused: Vec<String> = keys(FILES[0].1)
        .into_keys()
        .chain(keys(DESK_FILES[0].1).into_keys())
        .chain(keys(EDITOR_FILES[0].1).into_keys())
        .filter(|key| !used.contains(key))
        .collect();
    assert!(unused.is_empty(), "keys no widget text uses: {unused:#?}");
}

#[test]
fn every_french_widget_text_has_french_typography() {
    let mut faults = Vec::new();
    for text in every_text() {
        for (_, _, words) in text.in_each.iter().filter(|(l, ..)| *l == Locale::Fr) {
            for fault in typography::faults(words) {
                faults.push(format!("{}: {fault}: {words:?}", text.name));
            }
        }
    }
    assert!(faults.is_empty(), "{} faults: {faults:#?}", faults.len());
    assert_eq!(WidgetText::ErrorPrefix.text(Locale::Fr), "Erreur\u{a0}:");
}

#[test]
fn the_standings_of_an_entry_read_as_a_person_says_them() {
    assert_eq!(WidgetText::ToCheckWords.text(Locale::Fr), "À vérifier");
    assert_eq!(
        WidgetText::OnConditions.text(Locale::Fr),
        "Possible, sous conditions"
    );
    assert_eq!(
        WidgetText::ProposalsShown(0).text(Locale::Fr),
        "Aucune proposition affichée."
    );
    assert_eq!(
        WidgetText::ProposalsShown(1).text(Locale::En),
        "1 proposal shown."
    );
    assert_eq!(
        WidgetText::ProposalsShown(74).text(Locale::Fr),
        "74 propositions affichées."
    );
    assert_eq!(
        WidgetText::ProgressLeft {
            current: 4,
            left: 0,
            last: false
        }
        .text(Locale::Fr),
        "Question 4 · environ 1 question restante"
    );
    assert_eq!(
        WidgetText::RuledOutCount(2).text(Locale::En),
        "2 others are not for you"
    );
}

/// Every text of the widgets, each variant with values at its
/// boundaries. `covered` below makes a variant added without being
/// listed here a compile error: list it.
fn every_widget_text() -> Vec<WidgetText<'static>> {
    let date = today();
    let mut all = vec![
        WidgetText::Continue,
        WidgetText::Back,
        WidgetText::ToCheckWords,
        WidgetText::ChangeNotSaved,
        WidgetText::AnswersChangedAfterPlan,
        WidgetText::Yes,
        WidgetText::No,
        WidgetText::Completed,
        WidgetText::CompletedDetail,
        WidgetText::ErrorPrefix,
        WidgetText::Skip,
        WidgetText::NeedsTitle,
        WidgetText::NotRanked,
        WidgetText::PaceHelp { default: 2 },
        WidgetText::FirstStepsSummary { per_week: 1 },
        WidgetText::FirstStepsSummary { per_week: 3 },
        WidgetText::PersonTitle,
        WidgetText::PersonHelp,
        WidgetText::PersonNameLabel,
        WidgetText::PersonPhoneLabel,
        WidgetText::PersonEmailLabel,
        WidgetText::SavePerson,
        WidgetText::PersonSaved,
        WidgetText::PersonErased,
        WidgetText::PersonNameRequired,
        WidgetText::OrientationTitle,
        WidgetText::OrientationIntro,
        WidgetText::OrientationWaiting,
        WidgetText::FilterByNeed,
        WidgetText::AllNeeds,
        WidgetText::OnlyEligible,
        WidgetText::ProposalsShown(0),
        WidgetText::ProposalsShown(1),
        WidgetText::ProposalsShown(74),
        WidgetText::NoProposal,
        WidgetText::WhyTitle,
        WidgetText::ToSettle,
        WidgetText::HowToGetIn,
        WidgetText::ThroughProfessionalOnly,
        WidgetText::PlanWaiting,
        WidgetText::ChooseNeeds,
        WidgetText::PaceQuestion,
        WidgetText::StepsPerWeek(1),
        WidgetText::StepsPerWeek(3),
        WidgetText::BuildPlan,
        WidgetText::ChooseAtLeastOneNeed,
        WidgetText::ActionStatusLabel,
        WidgetText::OpenPrintView,
        WidgetText::SavePlanFile,
        WidgetText::OpenPlanFile,
        WidgetText::PlanUnreadable,
        WidgetText::PlanTooNew,
        WidgetText::ReviewTitle,
        WidgetText::ReviewDone,
        WidgetText::ReviewStuck,
        WidgetText::ReviewChanged,
        WidgetText::SaveReview,
        WidgetText::ReviewSaved(date),
        WidgetText::RebuildPlan,
        WidgetText::TextTooLong,
        WidgetText::ParcoursSteps,
        WidgetText::LanguageMenu,
        WidgetText::ParcoursProgress {
            current: 1,
            total: 3,
        },
        WidgetText::GoToOrientation,
        WidgetText::GoToPlan,
        WidgetText::AnswersKeptInTab,
        WidgetText::AnswersKeptOnDevice,
        WidgetText::ForgetAnswers,
        WidgetText::AnswersForgotten,
        WidgetText::StorageUnavailable,
        WidgetText::ReferralPartnerLabel,
        WidgetText::ReferralConsentBox,
        WidgetText::PrepareReferral,
        WidgetText::ConsentRequired,
        WidgetText::OpenReferral {
            partner: "Cap emploi",
        },
        WidgetText::OpenReferralCopy {
            partner: "Cap emploi",
        },
        WidgetText::MoveNeed {
            up: true,
            need: Some("Emploi"),
        },
        WidgetText::MoveNeed {
            up: false,
            need: None,
        },
        WidgetText::MoveNeed {
            up: true,
            need: None,
        },
        WidgetText::MoveNeed {
            up: false,
            need: Some("Logement"),
        },
        WidgetText::ChangeActionTitle,
        WidgetText::ActionTitleLabel,
        WidgetText::ActionDueLabel,
        WidgetText::SaveAction,
        WidgetText::RebuildWarning,
        WidgetText::ConfirmRebuild,
        WidgetText::KeepPlan,
        WidgetText::ObjectiveStatusLabel,
        WidgetText::AddActionTitle,
        WidgetText::ActionActorLabel,
        WidgetText::SaveNewAction,
        WidgetText::AddObjectiveTitle,
        WidgetText::ObjectiveNeedLabel,
        WidgetText::StatementLabel,
        WidgetText::SaveNewObjective,
        WidgetText::FollowUpTitle,
        WidgetText::AdvisorNameLabel,
        WidgetText::AdvisorOrganisationLabel,
        WidgetText::AdvisorPhoneLabel,
        WidgetText::AdvisorEmailLabel,
        WidgetText::NextReviewLabel,
        WidgetText::SaveFollowUp,
        WidgetText::FollowUpSaved,
        WidgetText::TextRequired,
        WidgetText::AdvisorNameRequired,
        WidgetText::ConsentsTitle,
        WidgetText::ConsentSince {
            partner: "Cap emploi",
            date,
        },
        WidgetText::WithdrawConsent {
            partner: "Cap emploi",
        },
        WidgetText::ConsentWithdrawn {
            partner: "Cap emploi",
        },
        WidgetText::PlanKeptInTab,
        WidgetText::PlanKeptOnDevice,
        WidgetText::ForgetPlan,
        WidgetText::PlanForgotten,
        WidgetText::KeptPlanUnreadable,
        WidgetText::PlanStorageUnavailable,
        WidgetText::KeptAnswersTooNew,
        WidgetText::KeptAnswersUnreadable,
        WidgetText::AnswersChangedElsewhere,
        WidgetText::AnswersErasedElsewhere,
        WidgetText::KeptPlanTooNew,
        WidgetText::PlanChangedElsewhere,
        WidgetText::PlanErasedElsewhere,
        WidgetText::QuickExit,
        WidgetText::QuickExitHelp,
        WidgetText::ProgressLeft {
            current: 1,
            left: 1,
            last: false,
        },
        WidgetText::ProgressLeft {
            current: 2,
            left: 30,
            last: false,
        },
        WidgetText::ProgressLeft {
            current: 30,
            left: 1,
            last: true,
        },
        WidgetText::ForgetAnswersWhat,
        WidgetText::ForgetPlanWhat,
        WidgetText::ConfirmForget,
        WidgetText::CancelForget,
        WidgetText::HeldWords,
        WidgetText::OpenToAll { free: true },
        WidgetText::OpenToAll { free: false },
        WidgetText::OnConditions,
        WidgetText::KeyStepWords,
        WidgetText::SeeMore(1),
        WidgetText::SeeMore(12),
        WidgetText::RuledOutCount(1),
        WidgetText::RuledOutCount(40),
        WidgetText::ShowNext {
            shown: 20,
            total: 3778,
        },
        WidgetText::SeeAlsoTitle,
        WidgetText::ShownUnder { need: "Emploi" },
        WidgetText::HeldTitle,
        WidgetText::HeldIntro,
    ];
    for status in ObjectiveStatus::ALL {
        all.push(WidgetText::ObjectiveStatusName(status));
    }
    for status in ActionStatus::ALL {
        all.push(WidgetText::ActionStatusName(status));
    }
    for actor in [Actor::Person, Actor::Advisor, Actor::Partner] {
        all.push(WidgetText::ActorName(actor));
    }
    for status in [
        Eligibility::Eligible,
        Eligibility::Undetermined,
        Eligibility::Ineligible,
    ] {
        all.push(WidgetText::EligibilityWords(status));
    }
    for step in 0..3 {
        all.push(WidgetText::ParcoursStep(step));
    }
    all.iter().for_each(covered);
    all
}

/// Fails to compile when a variant of `WidgetText` is not named: add it
/// to `every_widget_text`.
fn covered(text: &WidgetText) {
    match text {
        WidgetText::Continue
        | WidgetText::Back
        | WidgetText::Yes
        | WidgetText::No
        | WidgetText::Completed
        | WidgetText::CompletedDetail
        | WidgetText::ErrorPrefix
        | WidgetText::Skip
        | WidgetText::NeedsTitle
        | WidgetText::NotRanked
        | WidgetText::PaceHelp { .. }
        | WidgetText::FirstStepsSummary { .. }
        | WidgetText::PersonTitle
        | WidgetText::PersonHelp
        | WidgetText::PersonNameLabel
        | WidgetText::PersonPhoneLabel
        | WidgetText::PersonEmailLabel
        | WidgetText::SavePerson
        | WidgetText::PersonSaved
        | WidgetText::PersonErased
        | WidgetText::PersonNameRequired
        | WidgetText::OrientationTitle
        | WidgetText::OrientationIntro
        | WidgetText::OrientationWaiting
        | WidgetText::FilterByNeed
        | WidgetText::AllNeeds
        | WidgetText::OnlyEligible
        | WidgetText::ProposalsShown(_)
        | WidgetText::NoProposal
        | WidgetText::EligibilityWords(_)
        | WidgetText::WhyTitle
        | WidgetText::ToSettle
        | WidgetText::HowToGetIn
        | WidgetText::ThroughProfessionalOnly
        | WidgetText::PlanWaiting
        | WidgetText::ChooseNeeds
        | WidgetText::PaceQuestion
        | WidgetText::StepsPerWeek(_)
        | WidgetText::BuildPlan
        | WidgetText::ChooseAtLeastOneNeed
        | WidgetText::ActionStatusLabel
        | WidgetText::ActionStatusName(_)
        | WidgetText::OpenPrintView
        | WidgetText::SavePlanFile
        | WidgetText::OpenPlanFile
        | WidgetText::PlanUnreadable
        | WidgetText::PlanTooNew
        | WidgetText::ReviewTitle
        | WidgetText::ReviewDone
        | WidgetText::ReviewStuck
        | WidgetText::ReviewChanged
        | WidgetText::SaveReview
        | WidgetText::ReviewSaved(_)
        | WidgetText::RebuildPlan
        | WidgetText::TextTooLong
        | WidgetText::ParcoursSteps
        | WidgetText::LanguageMenu
        | WidgetText::ParcoursStep(_)
        | WidgetText::ParcoursProgress { .. }
        | WidgetText::GoToOrientation
        | WidgetText::GoToPlan
        | WidgetText::AnswersKeptInTab
        | WidgetText::AnswersKeptOnDevice
        | WidgetText::ForgetAnswers
        | WidgetText::AnswersForgotten
        | WidgetText::StorageUnavailable
        | WidgetText::ReferralPartnerLabel
        | WidgetText::ReferralConsentBox
        | WidgetText::PrepareReferral
        | WidgetText::ConsentRequired
        | WidgetText::OpenReferral { .. }
        | WidgetText::OpenReferralCopy { .. }
        | WidgetText::MoveNeed { .. }
        | WidgetText::ChangeActionTitle
        | WidgetText::ActionTitleLabel
        | WidgetText::ActionDueLabel
        | WidgetText::SaveAction
        | WidgetText::RebuildWarning
        | WidgetText::ConfirmRebuild
        | WidgetText::KeepPlan
        | WidgetText::ObjectiveStatusLabel
        | WidgetText::ObjectiveStatusName(_)
        | WidgetText::AddActionTitle
        | WidgetText::ActionActorLabel
        | WidgetText::ActorName(_)
        | WidgetText::SaveNewAction
        | WidgetText::AddObjectiveTitle
        | WidgetText::ObjectiveNeedLabel
        | WidgetText::StatementLabel
        | WidgetText::SaveNewObjective
        | WidgetText::FollowUpTitle
        | WidgetText::AdvisorNameLabel
        | WidgetText::AdvisorOrganisationLabel
        | WidgetText::AdvisorPhoneLabel
        | WidgetText::AdvisorEmailLabel
        | WidgetText::NextReviewLabel
        | WidgetText::SaveFollowUp
        | WidgetText::FollowUpSaved
        | WidgetText::TextRequired
        | WidgetText::AdvisorNameRequired
        | WidgetText::ConsentsTitle
        | WidgetText::ConsentSince { .. }
        | WidgetText::WithdrawConsent { .. }
        | WidgetText::ConsentWithdrawn { .. }
        | WidgetText::PlanKeptInTab
        | WidgetText::PlanKeptOnDevice
        | WidgetText::ForgetPlan
        | WidgetText::PlanForgotten
        | WidgetText::KeptPlanUnreadable
        | WidgetText::PlanStorageUnavailable
        | WidgetText::HeldWords
        | WidgetText::OpenToAll { .. }
        | WidgetText::OnConditions
        | WidgetText::KeyStepWords
        | WidgetText::SeeMore(_)
        | WidgetText::RuledOutCount(_)
        | WidgetText::ShowNext { .. }
        | WidgetText::SeeAlsoTitle
        | WidgetText::ShownUnder { .. }
        | WidgetText::HeldTitle
        | WidgetText::HeldIntro
        | WidgetText::QuickExit
        | WidgetText::QuickExitHelp
        | WidgetText::ProgressLeft { .. }
        | WidgetText::ForgetAnswersWhat
        | WidgetText::ForgetPlanWhat
        | WidgetText::ConfirmForget
        | WidgetText::CancelForget
        | WidgetText::ToCheckWords
        | WidgetText::KeptAnswersTooNew
        | WidgetText::KeptAnswersUnreadable
        | WidgetText::AnswersChangedElsewhere
        | WidgetText::AnswersErasedElsewhere
        | WidgetText::KeptPlanTooNew
        | WidgetText::PlanChangedElsewhere
        | WidgetText::PlanErasedElsewhere
        | WidgetText::ChangeNotSaved
        | WidgetText::AnswersChangedAfterPlan => {}
    }
}
