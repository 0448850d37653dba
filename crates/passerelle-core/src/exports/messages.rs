//! Every message the core writes itself, gathered under one name
//! ([`Message`]): the print view's and the referral sheet's, defined here,
//! and those of the layers below, each defined in its own layer (the
//! answers' and sessions' errors in `questionnaire`, the plan's generated
//! steps in `plan`, the alerts' contacts in `vocabulary/urgent.rs`, the
//! freshness of entries in `orientation`, what to check in `rules` and
//! `catalogue`). Each of those converts into a [`Message`] (`From`, an
//! exhaustive match: a message added below without its variant here does
//! not compile), so that the translation tests reach every key.
//!
//! No word is written here: each message names its key in the translation
//! files (`locales/<tag>/core.json`) and the values it shows; the texts
//! come from [`crate::text`]. The widgets' own words (buttons, notices)
//! live with the widgets, in the `passerelle-wasm` crate.

use super::part::Part;
use crate::catalogue::messages::CatalogueMessage;
use crate::orientation::messages::{NationalMessage, OrientationMessage};
use crate::plan::messages::PlanMessage;
use crate::plan::Actor;
use crate::questionnaire::messages::QuestionnaireMessage;
use crate::rules::messages::RuleMessage;
use crate::rules::sentences::{fact_label, fact_value_text};
use crate::text::{day_month_year, long_date, Locale};
use crate::vocabulary::communes::Communes;
use crate::vocabulary::facts::{Fact, Value};
use crate::vocabulary::urgent::UrgentMessage;

/// How a message becomes text, shared by every layer's messages (its
/// old path, kept).
pub use crate::text::Parts;

/// One message of the core, with the values it shows.
///
/// ```
/// use passerelle_core::{Locale, Message};
/// let message = Message::TooLong { max: 300 };
/// assert_eq!(message.text(Locale::Fr), "Écrivez 300 caractères au plus.");
/// assert_eq!(message.text(Locale::En), "Type 300 characters at most.");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Message<'a> {
    /// No answer was chosen or typed.
    AnswerRequired,
    /// A number was expected.
    NotANumber,
    /// A number outside the bounds of the question.
    OutOfRange { min: i64, max: i64, unit: &'a str },
    /// An option that the question does not offer.
    UnknownOption,
    /// An answer sent for a question that is not the one being asked.
    NotCurrentQuestion,
    /// An answer sent after the last question.
    SessionComplete,
    /// A skip asked for a question that must be answered.
    NotSkippable,
    /// The same option chosen twice.
    RepeatedOption,
    /// An option that cannot be chosen with others was.
    ExclusiveOption { label: &'a str },
    /// Not a date that exists.
    NotADate,
    /// A date after today.
    DateInFuture,
    /// Not a postal code.
    NotAPostalCode,
    /// A text too long.
    TooLong { max: usize },
    /// How pressing a need is, beside it.
    NeedPriority(crate::vocabulary::needs::Priority),
    /// Two needs given the same rank.
    RepeatedRank,
    /// The title of a plan's action to contact a partner.
    ContactPartnerAction { name: &'a str },
    /// The title of a plan's action to get documents ready for a partner.
    PrepareDocuments { name: &'a str, documents: &'a str },
    /// Saved answers that could not be read back.
    SnapshotUnreadable,
    /// Saved answers written by a newer version.
    SnapshotTooNew,
    /// A date in words: "vendredi 27 novembre 2026", "Friday 27 November 2026".
    LongDate(crate::base::date::Date),
    /// The date a document was made, at its top.
    DocumentDate(crate::base::date::Date),
    /// Title of the plan's print view.
    PlanTitle,
    /// Heading of the plan's objectives.
    ObjectivesTitle,
    /// Before the objective in the person's own words.
    InYourWords,
    /// Where an objective stands.
    ObjectiveState(crate::plan::ObjectiveStatus),
    /// Heading of the steps still to do.
    NextStepsTitle,
    /// No step left to do.
    NoNextStep,
    /// When a step is due; `None`: no date yet.
    Due(Option<crate::base::date::Date>),
    /// Who does a step, told to the person; `partner`: the partner's name.
    PrintWho {
        actor: crate::plan::Actor,
        partner: Option<&'a str>,
    },
    /// The objective a step is for.
    ForObjective { label: &'a str },
    /// Where an action stands.
    ActionState(crate::plan::ActionStatus),
    /// A note written on a step.
    NoteLabel,
    /// Heading of a partner's contact details.
    ContactOf { name: &'a str },
    /// Label of a phone number.
    PhoneLabel,
    /// Label of an e-mail address.
    EmailLabel,
    /// Label of a web address.
    WebLabel,
    /// Label of how to get in, in words.
    DetailsLabel,
    /// Label of a partner's address ("Adresse :").
    AddressLabel,
    /// Label of a partner's opening hours ("Horaires :").
    HoursLabel,
    /// How a partner receives people, in words ("Sans rendez-vous").
    Reception(crate::catalogue::Reception),
    /// Above an entry's information sheet ("Fiche pratique").
    EntrySheetTitle,
    /// Heading of who an entry is for, on its information sheet.
    EntrySheetForWhom,
    /// An entry without eligibility conditions: "Ouvert à tous".
    EntrySheetOpenToAll,
    /// Heading of where an entry is available.
    EntrySheetWhere,
    /// Heading of how to get in.
    EntrySheetHow,
    /// The person can start the request themself (data·inclusion
    /// `personnes-mobilisatrices`: `usagers`).
    EntrySheetThroughPerson,
    /// A professional can start it for them too (`professionnels` with
    /// `usagers`).
    EntrySheetThroughProfessionalToo,
    /// Only a professional can start it (`professionnels` alone).
    EntrySheetThroughProfessionalOnly,
    /// Heading of what an entry costs.
    EntrySheetCostTitle,
    /// What an entry costs: free or not (data·inclusion `frais`).
    EntrySheetCost { free: bool },
    /// Heading of the documents to bring.
    EntrySheetDocuments,
    /// Label of the official page an entry's information comes from.
    EntrySheetSource,
    /// Heading of the advisor's contact details.
    AdvisorTitle,
    /// Label of the advisor's organisation.
    OrganisationLabel,
    /// No advisor given yet.
    NoAdvisor,
    /// Heading of the next review date.
    NextReviewTitle,
    /// No next review date yet.
    NoNextReview,
    /// Heading of the steps already done.
    DoneTitle,
    /// At the bottom of the print view: the document is the person's.
    PrintPrivacy,
    /// Title of the referral sheet ("fiche de liaison").
    ReferralTitle,
    /// Who the referral sheet is for.
    ReferralFor { partner: &'a str },
    /// Heading of the person's consent.
    ConsentTitle,
    /// The person's consent, with its date.
    ReferralConsent {
        partner: &'a str,
        date: crate::base::date::Date,
    },
    /// Heading of the needs on a referral sheet.
    ReferralNeedsTitle,
    /// Heading of the steps with the partner on a referral sheet.
    ReferralActionsTitle { partner: &'a str },
    /// Who does a step, on a referral sheet; `partner`: the partner's name.
    ReferralWho {
        actor: crate::plan::Actor,
        partner: &'a str,
    },
    /// Heading of the facts shared on a referral sheet.
    ReferralFactsTitle,
    /// Why these facts, and only these, are shared.
    ReferralFactsIntro { partner: &'a str },
    /// No fact is needed by the partner.
    NoFactNeeded,
    /// A fact and the person's value: "Âge : 19 ans"; `None`: unknown.
    FactValue {
        fact: Fact,
        value: Option<&'a Value>,
    },
    /// Heading of the advisor's contact details on a referral sheet.
    ReferralAdvisorTitle,
    /// Heading of the person's contact on a referral sheet.
    ReferralPersonTitle,
    /// Heading of what a referral sheet contains.
    IncludedTitle,
    /// Heading of what a referral sheet leaves out.
    LeftOutTitle,
    /// A part of the plan that a referral sheet contains or leaves out.
    SheetPart(Part),
    /// A referral sheet asked for a partner the person did not agree to share with.
    ReferralNoConsent { partner: &'a str },
    /// A referral sheet asked for a partner the plan does not concern.
    ReferralUnknownEntry,
    /// A referral sheet asked for an emergency line: one calls it.
    ReferralEmergencyLine { line: &'a str },
    /// When a step is due, when it is today: "Quand : aujourd’hui, …".
    DueToday(crate::base::date::Date),
    /// The only choice of a commune question when the commune table cannot
    /// be read: the commune chosen before.
    CommuneChosenBefore,
    /// When and at what cost an urgent contact answers.
    ContactAvailability {
        free: bool,
        hours: crate::questionnaire::diagnosis::Hours,
    },
    /// The words of an urgent contact's button: call, or text by SMS.
    ReachNumber { phone: &'a str, by_text: bool },
    /// The summary of the urgent alerts' panel, naming its numbers.
    UrgentNumbers { numbers: &'a str },
    /// Heading of the urgent numbers in the print view (and a panel's
    /// summary without a number).
    UrgentNumbersTitle,
    /// A condition of the law no fact can express, as what to check:
    /// "À vérifier : avoir travaillé 2 ans sur les 3 dernières années".
    ToCheckItem { what: &'a str },
    /// Why a right is to check: its amounts and ceilings hold from `from` (if known) until
    /// `until`, and the orientation's date is outside that period.
    FiguresOutdated {
        from: Option<crate::base::date::Date>,
        until: crate::base::date::Date,
    },
    /// What to check of an entry still marked with the retired
    /// `conditions_in_notes`: the conditions its notes state.
    NotesConditions,
    /// When an entry's criteria were last checked against its source:
    /// "Vérifié le 3 décembre 2026".
    VerifiedOn(crate::base::date::Date),
    /// The warning of an entry not verified for more than `months` months
    /// (last on `last_verified`).
    Stale {
        months: u16,
        last_verified: crate::base::date::Date,
    },
    /// A message of the national orientation and the IAE pre-check.
    National(NationalMessage),
    /// On a referral sheet: when the information on the partner was last
    /// checked against its source.
    PartnerVerifiedOn {
        partner: &'a str,
        date: crate::base::date::Date,
    },
    /// On a referral sheet: the information on the partner was not
    /// verified for too long.
    StalePartner { partner: &'a str },
    /// A date before [`crate::vocabulary::facts::EARLIEST_DATE`]: a year mistyped
    /// ("0001" for "2001").
    DateTooEarly,
    /// An agenda's review point in a calendar: "Point d’étape : A. B.";
    /// `label` is the person's initials or pseudonym, nothing more.
    CalendarReview { label: &'a str },
    /// An agenda's step in a calendar: "Étape prévue : A. B."; never the
    /// step's title.
    CalendarStep { label: &'a str },
    /// The report's number of plans, in its CSV.
    ReportPlans,
    /// The report's key for what is outside its closed sets, in its CSV.
    ReportOther,
    /// An action status, in the report's CSV.
    ReportActionStatus(crate::plan::ActionStatus),
    /// An action kind, in the report's CSV.
    ReportActionKind(crate::plan::ActionKind),
    /// An objective status, in the report's CSV.
    ReportObjectiveStatus(crate::plan::ObjectiveStatus),
    /// Plans with this number of review points ("0" to "5", "6+"), in the
    /// report's CSV.
    ReportReviews { reviews: &'a str },
    /// A figure of the days between review points, in the report's CSV.
    ReportIntervals(IntervalFigure),
}

/// A figure of `review_intervals`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IntervalFigure {
    Count,
    MedianDays,
    MinDays,
    MaxDays,
}

impl IntervalFigure {
    /// In the report's order.
    pub const ALL: [IntervalFigure; 4] = [
        IntervalFigure::Count,
        IntervalFigure::MedianDays,
        IntervalFigure::MinDays,
        IntervalFigure::MaxDays,
    ];

    /// Its key in the report's JSON (`median_days`…).
    pub fn key(self) -> &'static str {
        match self {
            IntervalFigure::Count => "count",
            IntervalFigure::MedianDays => "median_days",
            IntervalFigure::MinDays => "min_days",
            IntervalFigure::MaxDays => "max_days",
        }
    }
}

impl Message<'_> {
    /// The message in the given language, with its typography (French:
    /// see [`crate::text::typography`], applied to every message and to the
    /// names and texts it quotes).
    pub fn text(&self, locale: Locale) -> String {
        self.parts(locale).text(locale)
    }

    /// The message in every language, as the data's texts are.
    pub fn localized(&self) -> crate::text::LocalizedText {
        crate::text::localized(|locale| self.parts(locale))
    }

    /// The message's key in the translation files and the values of its
    /// placeables (dates written in `locale`).
    pub fn parts(&self, locale: Locale) -> Parts {
        match self {
            Self::AnswerRequired => QuestionnaireMessage::AnswerRequired.parts(),
            Self::NotANumber => QuestionnaireMessage::NotANumber.parts(),
            Self::OutOfRange { min, max, unit } => QuestionnaireMessage::OutOfRange {
                min: *min,
                max: *max,
                unit,
            }
            .parts(),
            Self::UnknownOption => QuestionnaireMessage::UnknownOption.parts(),
            Self::NotCurrentQuestion => QuestionnaireMessage::NotCurrentQuestion.parts(),
            Self::SessionComplete => QuestionnaireMessage::SessionComplete.parts(),
            Self::NotSkippable => QuestionnaireMessage::NotSkippable.parts(),
            Self::RepeatedOption => QuestionnaireMessage::RepeatedOption.parts(),
            Self::ExclusiveOption { label } => {
                QuestionnaireMessage::ExclusiveOption { label }.parts()
            }
            Self::NotADate => QuestionnaireMessage::NotADate.parts(),
            Self::DateInFuture => QuestionnaireMessage::DateInFuture.parts(),
            Self::DateTooEarly => QuestionnaireMessage::DateTooEarly.parts(),
            Self::NotAPostalCode => QuestionnaireMessage::NotAPostalCode.parts(),
            Self::TooLong { max } => QuestionnaireMessage::TooLong { max: *max }.parts(),
            Self::RepeatedRank => QuestionnaireMessage::RepeatedRank.parts(),
            Self::SnapshotUnreadable => QuestionnaireMessage::SnapshotUnreadable.parts(),
            Self::SnapshotTooNew => QuestionnaireMessage::SnapshotTooNew.parts(),
            Self::CommuneChosenBefore => QuestionnaireMessage::CommuneChosenBefore.parts(),
            Self::ContactPartnerAction { name } => {
                PlanMessage::ContactPartnerAction { name }.parts()
            }
            Self::PrepareDocuments { name, documents } => {
                PlanMessage::PrepareDocuments { name, documents }.parts()
            }
            Self::ContactAvailability { free, hours } => UrgentMessage::ContactAvailability {
                free: *free,
                hours: *hours,
            }
            .parts(),
            Self::ReachNumber { phone, by_text } => UrgentMessage::ReachNumber {
                phone,
                by_text: *by_text,
            }
            .parts(),
            Self::UrgentNumbers { numbers } => UrgentMessage::UrgentNumbers { numbers }.parts(),
            Self::UrgentNumbersTitle => UrgentMessage::UrgentNumbersTitle.parts(),
            Self::FiguresOutdated { from, until } => OrientationMessage::FiguresOutdated {
                from: *from,
                until: *until,
            }
            .parts(locale),
            Self::VerifiedOn(date) => OrientationMessage::VerifiedOn(*date).parts(locale),
            Self::Stale {
                months,
                last_verified,
            } => OrientationMessage::Stale {
                months: *months,
                last_verified: *last_verified,
            }
            .parts(locale),
            Self::National(message) => message.parts(),
            Self::ToCheckItem { what } => RuleMessage::ToCheckItem { what }.parts(),
            Self::NotesConditions => CatalogueMessage::NotesConditions.parts(),
            Self::PlanTitle => Parts::key("plan-title"),
            Self::ObjectivesTitle => Parts::key("objectives-title"),
            Self::InYourWords => Parts::key("in-your-words"),
            Self::NextStepsTitle => Parts::key("next-steps-title"),
            Self::NoNextStep => Parts::key("no-next-step"),
            Self::NoteLabel => Parts::key("note-label"),
            Self::ContactOf { name } => Parts::with("contact-of", [("name", name.to_string())]),
            Self::PhoneLabel => Parts::key("phone-label"),
            Self::EmailLabel => Parts::key("email-label"),
            Self::WebLabel => Parts::key("web-label"),
            Self::DetailsLabel => Parts::key("details-label"),
            Self::AddressLabel => Parts::key("address-label"),
            Self::HoursLabel => Parts::key("hours-label"),
            Self::Reception(mode) => Parts::key(format!("reception-{}", mode.value())),
            Self::EntrySheetTitle => Parts::key("entry-sheet-title"),
            Self::EntrySheetForWhom => Parts::key("entry-sheet-for-whom"),
            Self::EntrySheetOpenToAll => Parts::key("entry-sheet-open-to-all"),
            Self::EntrySheetWhere => Parts::key("entry-sheet-where"),
            Self::EntrySheetHow => Parts::key("entry-sheet-how"),
            Self::EntrySheetThroughPerson => Parts::key("entry-sheet-through-person"),
            Self::EntrySheetThroughProfessionalToo => {
                Parts::key("entry-sheet-through-professional")
            }
            Self::EntrySheetThroughProfessionalOnly => {
                Parts::key("entry-sheet-through-professional-only")
            }
            Self::EntrySheetCostTitle => Parts::key("entry-sheet-cost"),
            Self::EntrySheetCost { free: true } => Parts::key("entry-sheet-cost-gratuit"),
            Self::EntrySheetCost { free: false } => Parts::key("entry-sheet-cost-payant"),
            Self::EntrySheetDocuments => Parts::key("entry-sheet-documents"),
            Self::EntrySheetSource => Parts::key("entry-sheet-source"),
            Self::AdvisorTitle => Parts::key("advisor-title"),
            Self::OrganisationLabel => Parts::key("organisation-label"),
            Self::NoAdvisor => Parts::key("no-advisor"),
            Self::NextReviewTitle => Parts::key("next-review-title"),
            Self::NoNextReview => Parts::key("no-next-review"),
            Self::DoneTitle => Parts::key("done-title"),
            Self::PrintPrivacy => Parts::key("print-privacy"),
            Self::ReferralTitle => Parts::key("referral-title"),
            Self::ConsentTitle => Parts::key("consent-title"),
            Self::ReferralNeedsTitle => Parts::key("referral-needs-title"),
            Self::ReferralActionsTitle { partner } => {
                Parts::with("referral-actions-title", [("partner", partner.to_string())])
            }
            Self::ReferralFactsTitle => Parts::key("referral-facts-title"),
            Self::ReferralFactsIntro { partner } => {
                Parts::with("referral-facts-intro", [("partner", partner.to_string())])
            }
            Self::NoFactNeeded => Parts::key("no-fact-needed"),
            Self::ReferralAdvisorTitle => Parts::key("referral-advisor-title"),
            Self::ReferralPersonTitle => Parts::key("referral-person-title"),
            Self::IncludedTitle => Parts::key("included-title"),
            Self::LeftOutTitle => Parts::key("left-out-title"),
            Self::ReferralNoConsent { partner } => {
                Parts::with("referral-no-consent", [("partner", partner.to_string())])
            }
            Self::ReferralUnknownEntry => Parts::key("referral-unknown-entry"),
            Self::ReferralEmergencyLine { line } => {
                Parts::with("referral-emergency-line", [("line", line.to_string())])
            }
            Self::StalePartner { partner } => {
                Parts::with("stale-partner", [("partner", partner.to_string())])
            }
            Self::NeedPriority(priority) => Parts::key(format!("need-priority-{}", priority.key())),
            Self::LongDate(date) => Parts::Written(long_date(*date, locale)),
            Self::DocumentDate(date) => {
                Parts::with("document-date", [("date", long_date(*date, locale))])
            }
            Self::ObjectiveState(status) => Parts::key(format!("objective-state-{}", status.key())),
            Self::Due(Some(date)) => Parts::with("due", [("date", long_date(*date, locale))]),
            Self::Due(None) => Parts::key("due-none"),
            Self::PrintWho { actor, partner } => match (actor, partner) {
                (Actor::Partner, Some(name)) => {
                    Parts::with("print-who-partner", [("partner", name.to_string())])
                }
                (Actor::Partner, None) => Parts::key("print-who-partner-unnamed"),
                (actor, _) => Parts::key(format!("print-who-{}", actor.key())),
            },
            Self::ForObjective { label } => {
                Parts::with("for-objective", [("label", label.to_string())])
            }
            Self::ActionState(status) => Parts::key(format!("action-state-{}", status.key())),
            Self::ReferralFor { partner } => {
                Parts::with("referral-for", [("partner", partner.to_string())])
            }
            Self::ReferralConsent { partner, date } => Parts::with(
                "referral-consent",
                [
                    ("partner", partner.to_string()),
                    ("date", long_date(*date, locale)),
                ],
            ),
            Self::ReferralWho {
                actor: Actor::Partner,
                partner,
            } => Parts::with("referral-who-partner", [("partner", partner.to_string())]),
            Self::ReferralWho { actor, .. } => Parts::key(format!("referral-who-{}", actor.key())),
            Self::FactValue { fact, value } => {
                Parts::Written(fact_value_text(*fact, *value, &Communes::default(), locale))
            }
            Self::SheetPart(Part::Fact(fact)) => Parts::Written(fact_label(*fact, locale)),
            Self::SheetPart(part) => Parts::key(format!("sheet-part-{}", part.key())),
            Self::DueToday(date) => Parts::with("due-today", [("date", long_date(*date, locale))]),
            Self::CalendarReview { label } => {
                Parts::with("calendar-review", [("label", label.to_string())])
            }
            Self::CalendarStep { label } => {
                Parts::with("calendar-step", [("label", label.to_string())])
            }
            Self::ReportPlans => Parts::key("report-plans"),
            Self::ReportOther => Parts::key("report-other"),
            Self::ReportActionStatus(status) => {
                Parts::key(format!("report-action-status-{}", status.key()))
            }
            Self::ReportActionKind(kind) => {
                Parts::key(format!("report-action-kind-{}", kind.key()))
            }
            Self::ReportObjectiveStatus(status) => {
                Parts::key(format!("report-objective-status-{}", status.key()))
            }
            Self::ReportReviews { reviews } => Parts::with(
                "report-reviews-per-plan",
                [("reviews", reviews.to_string())],
            ),
            Self::ReportIntervals(figure) => Parts::key(format!(
                "report-intervals-{}",
                figure.key().replace('_', "-")
            )),
            Self::PartnerVerifiedOn { partner, date } => Parts::with(
                "partner-verified-on",
                [
                    ("partner", partner.to_string()),
                    ("date", day_month_year(*date, locale)),
                ],
            ),
        }
    }
}

impl<'a> From<QuestionnaireMessage<'a>> for Message<'a> {
    fn from(message: QuestionnaireMessage<'a>) -> Self {
        use QuestionnaireMessage as Q;
        match message {
            Q::AnswerRequired => Self::AnswerRequired,
            Q::NotANumber => Self::NotANumber,
            Q::OutOfRange { min, max, unit } => Self::OutOfRange { min, max, unit },
            Q::UnknownOption => Self::UnknownOption,
            Q::NotCurrentQuestion => Self::NotCurrentQuestion,
            Q::SessionComplete => Self::SessionComplete,
            Q::NotSkippable => Self::NotSkippable,
            Q::RepeatedOption => Self::RepeatedOption,
            Q::ExclusiveOption { label } => Self::ExclusiveOption { label },
            Q::NotADate => Self::NotADate,
            Q::DateInFuture => Self::DateInFuture,
            Q::DateTooEarly => Self::DateTooEarly,
            Q::NotAPostalCode => Self::NotAPostalCode,
            Q::TooLong { max } => Self::TooLong { max },
            Q::RepeatedRank => Self::RepeatedRank,
            Q::SnapshotUnreadable => Self::SnapshotUnreadable,
            Q::SnapshotTooNew => Self::SnapshotTooNew,
            Q::CommuneChosenBefore => Self::CommuneChosenBefore,
        }
    }
}

impl<'a> From<PlanMessage<'a>> for Message<'a> {
    fn from(message: PlanMessage<'a>) -> Self {
        match message {
            PlanMessage::ContactPartnerAction { name } => Self::ContactPartnerAction { name },
            PlanMessage::PrepareDocuments { name, documents } => {
                Self::PrepareDocuments { name, documents }
            }
        }
    }
}

impl<'a> From<UrgentMessage<'a>> for Message<'a> {
    fn from(message: UrgentMessage<'a>) -> Self {
        match message {
            UrgentMessage::ContactAvailability { free, hours } => {
                Self::ContactAvailability { free, hours }
            }
            UrgentMessage::ReachNumber { phone, by_text } => Self::ReachNumber { phone, by_text },
            UrgentMessage::UrgentNumbers { numbers } => Self::UrgentNumbers { numbers },
            UrgentMessage::UrgentNumbersTitle => Self::UrgentNumbersTitle,
        }
    }
}

impl From<OrientationMessage> for Message<'_> {
    fn from(message: OrientationMessage) -> Self {
        match message {
            OrientationMessage::FiguresOutdated { from, until } => {
                Self::FiguresOutdated { from, until }
            }
            OrientationMessage::VerifiedOn(date) => Self::VerifiedOn(date),
            OrientationMessage::Stale {
                months,
                last_verified,
            } => Self::Stale {
                months,
                last_verified,
            },
        }
    }
}

impl From<NationalMessage> for Message<'_> {
    fn from(message: NationalMessage) -> Self {
        Self::National(message)
    }
}

impl<'a> From<RuleMessage<'a>> for Message<'a> {
    fn from(message: RuleMessage<'a>) -> Self {
        match message {
            RuleMessage::ToCheckItem { what } => Self::ToCheckItem { what },
        }
    }
}

impl From<CatalogueMessage> for Message<'_> {
    fn from(message: CatalogueMessage) -> Self {
        match message {
            CatalogueMessage::NotesConditions => Self::NotesConditions,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn out_of_range_without_unit_has_no_stray_space() {
        let message = Message::OutOfRange {
            min: 1,
            max: 9,
            unit: "",
        };
        assert_eq!(message.text(Locale::Fr), "Écrivez un nombre entre 1 et 9.");
        assert_eq!(message.text(Locale::En), "Type a number between 1 and 9.");
    }

    #[test]
    fn out_of_range_with_unit() {
        let message = Message::OutOfRange {
            min: 14,
            max: 120,
            unit: "ans",
        };
        assert_eq!(
            message.text(Locale::Fr),
            "Écrivez un nombre entre 14 et 120 ans."
        );
    }

    #[test]
    fn a_layer_s_message_is_the_same_text_as_its_message() {
        let lower = QuestionnaireMessage::OutOfRange {
            min: 14,
            max: 120,
            unit: "ans",
        };
        assert_eq!(
            Message::from(lower.clone()).text(Locale::Fr),
            lower.text(Locale::Fr)
        );
        let urgent = UrgentMessage::ReachNumber {
            phone: "114",
            by_text: true,
        };
        assert_eq!(
            Message::from(urgent.clone()).text(Locale::En),
            urgent.text(Locale::En)
        );
    }
}
