//! A sample of every message of the core, shared by the tests of its
//! words (`words.rs`) and of its translation files (`translations.rs`).

use passerelle_core::date::Date;
use passerelle_core::orientation::Priority;
use passerelle_core::Message;

fn today() -> Date {
    Date::parse("2026-11-27").unwrap()
}

/// Every message of the core, each variant with values at its
/// boundaries. `covered` below makes a variant added without being
/// listed here a compile error: list it.
pub fn every_message<'a>(value: &'a passerelle_core::facts::Value) -> Vec<Message<'a>> {
    use passerelle_core::diagnosis::Hours;
    use passerelle_core::facts::Fact;
    use passerelle_core::plan::{ActionStatus, Actor, ObjectiveStatus};
    use passerelle_core::referral::Part;
    let date = today();
    let first = Date::parse("2026-12-01").unwrap();
    let actors = [Actor::Person, Actor::Advisor, Actor::Partner];
    let mut all = vec![
        Message::ToCheckItem {
            what: "Avoir travaillé 2 ans sur les 3 dernières années",
        },
        Message::NotesConditions,
        Message::VerifiedOn(first),
        Message::PartnerVerifiedOn {
            partner: "Mission locale",
            date: first,
        },
        Message::StalePartner {
            partner: "Mission locale",
        },
        Message::Stale {
            months: 12,
            last_verified: first,
        },
        Message::FiguresOutdated {
            from: Some(first),
            until: date,
        },
        Message::FiguresOutdated {
            from: None,
            until: first,
        },
        Message::AnswerRequired,
        Message::NotANumber,
        Message::OutOfRange {
            min: 14,
            max: 120,
            unit: "ans",
        },
        Message::OutOfRange {
            min: 0,
            max: 9,
            unit: "",
        },
        Message::UnknownOption,
        Message::NotCurrentQuestion,
        Message::SessionComplete,
        Message::NotSkippable,
        Message::RepeatedOption,
        Message::ExclusiveOption {
            label: "Aucune de ces aides",
        },
        Message::NotADate,
        Message::DateInFuture,
        Message::DateTooEarly,
        Message::NotAPostalCode,
        Message::TooLong { max: 200 },
        Message::RepeatedRank,
        Message::ContactPartnerAction {
            name: "Mission locale",
        },
        Message::PrepareDocuments {
            name: "Mission locale",
            documents: "une pièce d’identité",
        },
        Message::SnapshotUnreadable,
        Message::SnapshotTooNew,
        Message::LongDate(first),
        Message::DocumentDate(date),
        Message::PlanTitle,
        Message::ObjectivesTitle,
        Message::InYourWords,
        Message::NextStepsTitle,
        Message::NoNextStep,
        Message::Due(Some(date)),
        Message::Due(None),
        Message::ForObjective { label: "Emploi" },
        Message::NoteLabel,
        Message::ContactOf {
            name: "Mission locale",
        },
        Message::PhoneLabel,
        Message::EmailLabel,
        Message::WebLabel,
        Message::DetailsLabel,
        Message::AddressLabel,
        Message::HoursLabel,
        Message::EntrySheetTitle,
        Message::EntrySheetForWhom,
        Message::EntrySheetOpenToAll,
        Message::EntrySheetWhere,
        Message::EntrySheetHow,
        Message::EntrySheetThroughPerson,
        Message::EntrySheetThroughProfessionalToo,
        Message::EntrySheetThroughProfessionalOnly,
        Message::EntrySheetCostTitle,
        Message::EntrySheetCost { free: true },
        Message::EntrySheetCost { free: false },
        Message::EntrySheetDocuments,
        Message::EntrySheetSource,
        Message::AdvisorTitle,
        Message::OrganisationLabel,
        Message::NoAdvisor,
        Message::NextReviewTitle,
        Message::NoNextReview,
        Message::DoneTitle,
        Message::PrintPrivacy,
        Message::ReferralTitle,
        Message::ReferralFor {
            partner: "Cap emploi",
        },
        Message::ConsentTitle,
        Message::ReferralConsent {
            partner: "Cap emploi",
            date,
        },
        Message::ReferralNeedsTitle,
        Message::ReferralActionsTitle {
            partner: "Cap emploi",
        },
        Message::ReferralFactsTitle,
        Message::ReferralFactsIntro {
            partner: "Cap emploi",
        },
        Message::NoFactNeeded,
        Message::ReferralAdvisorTitle,
        Message::ReferralPersonTitle,
        Message::IncludedTitle,
        Message::LeftOutTitle,
        Message::ReferralNoConsent {
            partner: "Cap emploi",
        },
        Message::ReferralUnknownEntry,
        Message::ReferralEmergencyLine { line: "115" },
        Message::DueToday(date),
        Message::CommuneChosenBefore,
        Message::ReachNumber {
            phone: "115",
            by_text: false,
        },
        Message::ReachNumber {
            phone: "114",
            by_text: true,
        },
        Message::UrgentNumbers {
            numbers: "115, 3919",
        },
        Message::UrgentNumbersTitle,
        Message::CalendarReview { label: "A. B." },
        Message::CalendarStep {
            label: "Dossier 12",
        },
        Message::ReportPlans,
        Message::ReportOther,
        Message::ReportReviews { reviews: "6+" },
    ];
    for mode in passerelle_core::catalogue::Reception::ALL {
        all.push(Message::Reception(mode));
    }
    for status in ActionStatus::ALL {
        all.push(Message::ReportActionStatus(status));
    }
    for status in ObjectiveStatus::ALL {
        all.push(Message::ReportObjectiveStatus(status));
    }
    for kind in passerelle_core::plan::ActionKind::ALL {
        all.push(Message::ReportActionKind(kind));
    }
    for figure in passerelle_core::report::IntervalFigure::ALL {
        all.push(Message::ReportIntervals(figure));
    }
    for priority in [Priority::Urgent, Priority::High, Priority::Normal] {
        all.push(Message::NeedPriority(priority));
    }
    for status in ObjectiveStatus::ALL {
        all.push(Message::ObjectiveState(status));
    }
    for status in ActionStatus::ALL {
        all.push(Message::ActionState(status));
    }
    for actor in actors {
        all.extend([
            Message::PrintWho {
                actor,
                partner: Some("Cap emploi"),
            },
            Message::PrintWho {
                actor,
                partner: None,
            },
            Message::ReferralWho {
                actor,
                partner: "Cap emploi",
            },
        ]);
    }
    for free in [true, false] {
        for hours in [Hours::DayAndNight, Hours::OpeningHours] {
            all.push(Message::ContactAvailability { free, hours });
        }
    }
    for fact in Fact::ALL {
        all.extend([
            Message::FactValue { fact, value: None },
            Message::SheetPart(Part::Fact(fact)),
        ]);
    }
    all.push(Message::FactValue {
        fact: Fact::Age,
        value: Some(value),
    });
    for part in [
        Part::Consent,
        Part::Needs,
        Part::Actions,
        Part::Advisor,
        Part::Person,
        Part::OtherObjectives,
        Part::OtherActions,
        Part::Statements,
        Part::Notes,
        Part::Reviews,
        Part::NextReview,
        Part::Schedule,
        Part::OtherConsents,
        Part::History,
    ] {
        all.push(Message::SheetPart(part));
    }
    national(&mut all);
    all.iter().for_each(covered);
    all
}

/// The national orientation's messages: each pathway, body, criterion
/// (met and not), hint, IAE count, criterion and proof.
fn national(all: &mut Vec<Message>) {
    use passerelle_core::orientation::messages::NationalMessage as N;
    use passerelle_core::orientation::national::{NationalRules, Organism, Pathway};
    let bodies = [
        Organism::FranceTravail,
        Organism::MissionLocale,
        Organism::CapEmploi,
        Organism::Departement,
    ];
    let mut national = vec![
        N::Title,
        N::Unknown,
        N::Undecided,
        N::ToKnow,
        N::Why,
        N::Decision(None),
        N::Hint(Organism::MissionLocale),
        N::Hint(Organism::CapEmploi),
        N::IaeTitle,
        N::IaeIntro,
        N::IaeMetTitle,
        N::IaeToCheck,
        N::IaeProofWithin(3),
        N::IaeProofValid,
        N::IaeCriterionProof {
            criterion: "Moins de 26 ans".into(),
            proof: "Pièce d’identité".into(),
            validity: "valable le jour de l’embauche".into(),
        },
    ];
    for pathway in [
        Pathway::Employment,
        Pathway::SocioProfessional,
        Pathway::Social,
    ] {
        national.push(N::Pathway(pathway));
    }
    for body in bodies {
        national.extend([N::Organism(body), N::Decision(Some(body))]);
    }
    for criterion in NationalRules::said_criteria() {
        for met in [true, false] {
            national.push(N::Criterion { criterion, met });
        }
    }
    for kind in ["aci-ei", "ai-etti"] {
        for status in ["met", "not_met", "unknown"] {
            national.push(N::IaeKind { kind, status });
        }
    }
    let rules = NationalRules::shipped().expect("the shipped criteria read");
    for id in rules.iae_criteria() {
        national.extend([N::IaeCriterion(id), N::IaeProof(id)]);
    }
    all.extend(national.into_iter().map(Message::National));
}

/// Fails to compile when a variant of `Message` is not named: add it to
/// `every_message`.
fn covered(message: &Message) {
    match message {
        Message::AnswerRequired
        | Message::National(_)
        | Message::NotANumber
        | Message::OutOfRange { .. }
        | Message::UnknownOption
        | Message::NotCurrentQuestion
        | Message::SessionComplete
        | Message::NotSkippable
        | Message::RepeatedOption
        | Message::ExclusiveOption { .. }
        | Message::NotADate
        | Message::DateInFuture
        | Message::NotAPostalCode
        | Message::TooLong { .. }
        | Message::NeedPriority(_)
        | Message::RepeatedRank
        | Message::ContactPartnerAction { .. }
        | Message::PrepareDocuments { .. }
        | Message::SnapshotUnreadable
        | Message::SnapshotTooNew
        | Message::LongDate(_)
        | Message::DocumentDate(_)
        | Message::PlanTitle
        | Message::ObjectivesTitle
        | Message::InYourWords
        | Message::ObjectiveState(_)
        | Message::NextStepsTitle
        | Message::NoNextStep
        | Message::Due(_)
        | Message::PrintWho { .. }
        | Message::ForObjective { .. }
        | Message::ActionState(_)
        | Message::NoteLabel
        | Message::ContactOf { .. }
        | Message::PhoneLabel
        | Message::EmailLabel
        | Message::WebLabel
        | Message::DetailsLabel
        | Message::AddressLabel
        | Message::HoursLabel
        | Message::Reception(_)
        | Message::EntrySheetTitle
        | Message::EntrySheetForWhom
        | Message::EntrySheetOpenToAll
        | Message::EntrySheetWhere
        | Message::EntrySheetHow
        | Message::EntrySheetThroughPerson
        | Message::EntrySheetThroughProfessionalToo
        | Message::EntrySheetThroughProfessionalOnly
        | Message::EntrySheetCostTitle
        | Message::EntrySheetCost { .. }
        | Message::EntrySheetDocuments
        | Message::EntrySheetSource
        | Message::AdvisorTitle
        | Message::OrganisationLabel
        | Message::NoAdvisor
        | Message::NextReviewTitle
        | Message::NoNextReview
        | Message::DoneTitle
        | Message::PrintPrivacy
        | Message::ReferralTitle
        | Message::ReferralFor { .. }
        | Message::ConsentTitle
        | Message::ReferralConsent { .. }
        | Message::ReferralNeedsTitle
        | Message::ReferralActionsTitle { .. }
        | Message::ReferralWho { .. }
        | Message::ReferralFactsTitle
        | Message::ReferralFactsIntro { .. }
        | Message::NoFactNeeded
        | Message::FactValue { .. }
        | Message::ReferralAdvisorTitle
        | Message::ReferralPersonTitle
        | Message::IncludedTitle
        | Message::LeftOutTitle
        | Message::SheetPart(_)
        | Message::ReferralNoConsent { .. }
        | Message::ReferralUnknownEntry
        | Message::ReferralEmergencyLine { .. }
        | Message::DueToday(_)
        | Message::CommuneChosenBefore
        | Message::ContactAvailability { .. }
        | Message::ReachNumber { .. }
        | Message::UrgentNumbers { .. }
        | Message::UrgentNumbersTitle
        | Message::ToCheckItem { .. }
        | Message::FiguresOutdated { .. }
        | Message::NotesConditions
        | Message::VerifiedOn(_)
        | Message::Stale { .. }
        | Message::PartnerVerifiedOn { .. }
        | Message::StalePartner { .. }
        | Message::DateTooEarly
        | Message::CalendarReview { .. }
        | Message::CalendarStep { .. }
        | Message::ReportPlans
        | Message::ReportOther
        | Message::ReportActionStatus(_)
        | Message::ReportActionKind(_)
        | Message::ReportObjectiveStatus(_)
        | Message::ReportReviews { .. }
        | Message::ReportIntervals(_) => {}
    }
}
