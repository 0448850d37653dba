//! The message catalogue: every text the product shows a person.
//!
//! French comes first, English second. Texts are short sentences with
//! everyday words: many people who read them read with difficulty.
//! Questionnaire labels live in the questionnaire data; everything else
//! (buttons, progress, validation messages) lives here.

use crate::communes::Communes;
use crate::facts::{Fact, Value};

pub use crate::text::Locale;

/// French or English: the two languages whose texts are still written
/// here, until they move to the translation files (`locales/`). Every
/// other language reads French here.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Lang {
    Fr,
    En,
}

impl From<Locale> for Lang {
    fn from(locale: Locale) -> Lang {
        if locale == Locale::En {
            Lang::En
        } else {
            Lang::Fr
        }
    }
}

/// One message of the catalogue, with the values it shows.
///
/// ```
/// use passerelle_core::{Locale, Message};
/// let progress = Message::ProgressLeft { current: 2, left: 3, last: false };
/// assert_eq!(progress.text(Locale::Fr), "Question 2 · environ 3 questions restantes");
/// assert_eq!(progress.text(Locale::En), "Question 2 · about 3 questions left");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Message<'a> {
    /// The button that sends an answer.
    Continue,
    /// The button that goes back one question.
    Back,
    /// "Yes" answer label.
    Yes,
    /// "No" answer label.
    No,
    /// Shown when every question is answered.
    Completed,
    /// Explains what happens with the answers once complete.
    CompletedDetail,
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
    /// Title of the error summary shown above a question.
    ErrorPrefix,
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
    /// The button that skips a question ("I'd rather not say").
    Skip,
    /// Heading of the needs found at the end of a diagnosis.
    NeedsTitle,
    /// How pressing a need is, beside it.
    NeedPriority(crate::orientation::Priority),
    /// The choice "no rank" when the person orders the needs.
    NotRanked,
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
    // Plan print view and referral sheet.
    /// A date in words: "vendredi 27 novembre 2026", "Friday 27 November 2026".
    LongDate(crate::date::Date),
    /// The date a document was made, at its top.
    DocumentDate(crate::date::Date),
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
    Due(Option<crate::date::Date>),
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
        date: crate::date::Date,
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
    SheetPart(crate::referral::Part),
    /// A referral sheet asked for a partner the person did not agree to share with.
    ReferralNoConsent { partner: &'a str },
    /// A referral sheet asked for a partner the plan does not concern.
    ReferralUnknownEntry,
    // Plans an advisor would sign and referral sheets a partner can act
    // on (issue 16, sections 4 and 5).
    /// A referral sheet asked for an emergency line: one calls it.
    ReferralEmergencyLine { line: &'a str },
    /// Why the pace proposed is the default one, by the pace list.
    PaceHelp { default: u8 },
    /// The plan holds the first steps, at the person's pace, partners on
    /// working days; the next ones come at the review point.
    FirstStepsSummary { per_week: u8 },
    /// Heading of the form with the person's own contact details.
    PersonTitle,
    /// What the person's contact details are for, and that they are optional.
    PersonHelp,
    /// Label of the person's name.
    PersonNameLabel,
    /// Label of the person's phone.
    PersonPhoneLabel,
    /// Label of the person's e-mail.
    PersonEmailLabel,
    /// Button that saves the person's contact details.
    SavePerson,
    /// The person's contact details are saved.
    PersonSaved,
    /// The person's contact details are erased (every field left empty).
    PersonErased,
    /// A phone or e-mail given without a name.
    PersonNameRequired,
    /// When a step is due, when it is today: "Quand : aujourd’hui, …".
    DueToday(crate::date::Date),
    /// Title of the orientation ("orientation vers les dispositifs").
    OrientationTitle,
    /// What the orientation shows, in one sentence.
    OrientationIntro,
    /// The orientation waits for a diagnosis.
    OrientationWaiting,
    /// Label of the filter by need.
    FilterByNeed,
    /// The filter's choice that shows every need.
    AllNeeds,
    /// Label of the filter that hides what the person is not entitled to.
    OnlyEligible,
    /// How many proposals the filters leave on screen.
    ProposalsShown(usize),
    /// A need for which the catalogue has nothing.
    NoProposal,
    /// An eligibility status in words: yes, no, we need to know more.
    EligibilityWords(crate::orientation::Eligibility),
    /// Title of the reasons of a status.
    WhyTitle,
    /// Introduces the questions that would settle an undetermined status.
    ToSettle,
    /// Title of how to get in.
    HowToGetIn,
    /// Only a professional can start the request.
    ThroughProfessionalOnly,
    /// The plan waits for a diagnosis.
    PlanWaiting,
    /// Which needs to work on, when building the plan.
    ChooseNeeds,
    /// The pace, when building the plan.
    PaceQuestion,
    /// One choice of pace: `n` steps a week.
    StepsPerWeek(u8),
    /// Builds the plan.
    BuildPlan,
    /// No need was chosen.
    ChooseAtLeastOneNeed,
    /// Label of an action's status control.
    ActionStatusLabel,
    /// An action's status, alone (in a list of choices).
    ActionStatusName(crate::plan::ActionStatus),
    /// Link to the print view.
    OpenPrintView,
    /// Link that saves the plan as a file.
    SavePlanFile,
    /// Control that reads a plan saved before.
    OpenPlanFile,
    /// A plan file that could not be read.
    PlanUnreadable,
    /// A plan file written by a newer version.
    PlanTooNew,
    /// Title of a review point ("point d'étape").
    ReviewTitle,
    /// What was done since the last review.
    ReviewDone,
    /// What is stuck.
    ReviewStuck,
    /// What changed in the person's situation.
    ReviewChanged,
    /// Saves the review point.
    SaveReview,
    /// A review point saved.
    ReviewSaved(crate::date::Date),
    /// Builds the plan again from the start.
    RebuildPlan,
    /// A text too long to keep.
    TextTooLong,
    /// Label of the parcours's list of steps.
    ParcoursSteps,
    /// The name of a step of the parcours: 0 the questions, 1 the help
    /// and services, 2 the plan.
    ParcoursStep(usize),
    /// Where the person is in the parcours: step `current` of `total`.
    ParcoursProgress { current: usize, total: usize },
    /// Goes on to the help and services.
    GoToOrientation,
    /// Goes on to the plan.
    GoToPlan,
    /// The answers are kept on the device until the tab is closed.
    AnswersKeptInTab,
    /// The answers are kept on the device, even after it is closed.
    AnswersKeptOnDevice,
    /// Erases the answers kept on the device.
    ForgetAnswers,
    /// The answers kept were erased.
    AnswersForgotten,
    /// The device refuses to keep the answers.
    StorageUnavailable,
    /// Label of the choice of partner for a referral sheet.
    ReferralPartnerLabel,
    /// The box the person ticks to agree to share with the partner.
    ReferralConsentBox,
    /// Makes the referral sheet.
    PrepareReferral,
    /// The referral sheet was asked for without the person's consent.
    ConsentRequired,
    /// Link to the referral sheet for a partner.
    OpenReferral { partner: &'a str },
    /// Moves a need up or down the person's order; with the need's name,
    /// the control's full label.
    MoveNeed { up: bool, need: Option<&'a str> },
    /// Opens the form that changes an action.
    ChangeActionTitle,
    /// Label of an action's title field.
    ActionTitleLabel,
    /// Label of an action's date field.
    ActionDueLabel,
    /// Saves the changes of an action.
    SaveAction,
    /// What building the plan again does to the plan there is.
    RebuildWarning,
    /// Confirms building the plan again.
    ConfirmRebuild,
    /// Keeps the plan there is.
    KeepPlan,
    /// Label of an objective's status list.
    ObjectiveStatusLabel,
    /// An objective's status, in the list that changes it.
    ObjectiveStatusName(crate::plan::ObjectiveStatus),
    /// Opens the form that adds a step to an objective.
    AddActionTitle,
    /// Label of the list of who does a step.
    ActionActorLabel,
    /// Who does a step, in the list that chooses it.
    ActorName(crate::plan::Actor),
    /// Adds the step written.
    SaveNewAction,
    /// Opens the form that adds an objective.
    AddObjectiveTitle,
    /// Label of the list of needs a new objective can be about.
    ObjectiveNeedLabel,
    /// Label of the objective in the person's words.
    StatementLabel,
    /// Adds the objective chosen.
    SaveNewObjective,
    /// Title of the follow-up form: the advisor and the next meeting.
    FollowUpTitle,
    /// Label of the advisor's name.
    AdvisorNameLabel,
    /// Label of the advisor's organisation, optional.
    AdvisorOrganisationLabel,
    /// Label of the advisor's phone, optional.
    AdvisorPhoneLabel,
    /// Label of the advisor's e-mail, optional.
    AdvisorEmailLabel,
    /// Label of the next follow-up meeting's date, optional.
    NextReviewLabel,
    /// Saves the follow-up form.
    SaveFollowUp,
    /// The follow-up form was saved.
    FollowUpSaved,
    /// A field that needs words was left empty.
    TextRequired,
    /// Details of the advisor were given without a name.
    AdvisorNameRequired,
    /// Heading of the partners the person agreed to share with.
    ConsentsTitle,
    /// One consent: the partner, and since when.
    ConsentSince {
        partner: &'a str,
        date: crate::date::Date,
    },
    /// Withdraws the consent for a partner.
    WithdrawConsent { partner: &'a str },
    /// The consent for a partner was withdrawn.
    ConsentWithdrawn { partner: &'a str },
    /// The plan is kept on the device until the tab is closed.
    PlanKeptInTab,
    /// The plan is kept on the device, even after it is closed.
    PlanKeptOnDevice,
    /// Erases the plan kept on the device.
    ForgetPlan,
    /// The plan kept was erased.
    PlanForgotten,
    /// The plan kept could not be read again, and was erased.
    KeptPlanUnreadable,
    /// The device refuses to keep the plan.
    PlanStorageUnavailable,
    // Words and places (issue 16, words).
    /// The only choice of a commune question when the commune table cannot
    /// be read: the commune chosen before.
    CommuneChosenBefore,
    // --- Orientation: what the person has, open to all, see more (issue 16) ---
    /// The status of an entry the person has already.
    HeldWords,
    /// The status of an entry with no condition: open to everyone (and
    /// free when `free`), not a right whose conditions are met.
    OpenToAll { free: bool },
    /// The status of an entry possible on conditions the site cannot check.
    OnConditions,
    /// The mark of the key step of the person's situation.
    KeyStepWords,
    /// Shows the `usize` other proposals of a need.
    SeeMore(usize),
    /// Folds the `usize` ruled-out entries of a need.
    RuledOutCount(usize),
    /// Before the entries that serve a need but are shown elsewhere.
    SeeAlsoTitle,
    /// Where an entry is shown: under another need.
    ShownUnder { need: &'a str },
    /// Heading of what the person has already.
    HeldTitle,
    /// What the group of what the person has means.
    HeldIntro,
    // Urgent help at once (issue 16, section 1): the urgent alerts' panel,
    // the quick exit, the progress estimate, erasing with a confirmation.
    /// When and at what cost an urgent contact answers.
    ContactAvailability {
        free: bool,
        hours: crate::diagnosis::Hours,
    },
    /// The words of an urgent contact's button: call, or text by SMS.
    ReachNumber { phone: &'a str, by_text: bool },
    /// The summary of the urgent alerts' panel, naming its numbers.
    UrgentNumbers { numbers: &'a str },
    /// Heading of the urgent numbers in the print view (and a panel's
    /// summary without a number).
    UrgentNumbersTitle,
    /// The control that leaves the page at once.
    QuickExit,
    /// What the quick exit does.
    QuickExitHelp,
    /// Where the person is: the question's number and about how many
    /// questions are left (this one included); `last` when it is the last.
    ProgressLeft {
        current: usize,
        left: usize,
        last: bool,
    },
    /// What erasing the answers erases, asked before erasing.
    ForgetAnswersWhat,
    /// What erasing the plan erases, asked before erasing.
    ForgetPlanWhat,
    /// Confirms erasing.
    ConfirmForget,
    /// Keeps what is kept, erasing nothing.
    CancelForget,
    // --- Verdict discipline and freshness (issue 17, engine) ---
    /// A condition of the law no fact can express, as what to check:
    /// "À vérifier : avoir travaillé 2 ans sur les 3 dernières années".
    ToCheckItem { what: &'a str },
    /// The standing of a right whose rule is met on figures that may have
    /// changed (or, later, not verified for too long): "À vérifier".
    ToCheckWords,
    /// Why a right is to check: its amounts and ceilings hold from `from` (if known) until
    /// `until`, and the orientation's date is outside that period.
    FiguresOutdated {
        from: Option<crate::date::Date>,
        until: crate::date::Date,
    },
    /// What to check of an entry still marked with the retired
    /// `conditions_in_notes`: the conditions its notes state.
    NotesConditions,
    /// When an entry's criteria were last checked against its source:
    /// "Vérifié le 3 décembre 2026".
    VerifiedOn(crate::date::Date),
    /// The warning of an entry not verified for more than `months` months
    /// (last on `last_verified`).
    Stale {
        months: u16,
        last_verified: crate::date::Date,
    },
    /// On a referral sheet: when the information on the partner was last
    /// checked against its source.
    PartnerVerifiedOn {
        partner: &'a str,
        date: crate::date::Date,
    },
    /// On a referral sheet: the information on the partner was not
    /// verified for too long.
    StalePartner { partner: &'a str },
    // issue 18: keeping
    /// Answers kept on the device were written by a newer version: still
    /// there, not read, not written over.
    KeptAnswersTooNew,
    /// Answers kept on the device cannot be read: still there, and the
    /// person may erase them.
    KeptAnswersUnreadable,
    /// Another tab or page changed the answers kept: shown here now.
    AnswersChangedElsewhere,
    /// Another tab or page erased the answers kept: gone here too.
    AnswersErasedElsewhere,
    /// A plan kept on the device was written by a newer version: still
    /// there, not read, not written over.
    KeptPlanTooNew,
    /// Another tab or page changed the plan kept: shown here now.
    PlanChangedElsewhere,
    /// Another tab or page erased the plan kept: gone here too.
    PlanErasedElsewhere,
    // issue 18: core limits
    /// A date before [`crate::facts::EARLIEST_DATE`]: a year mistyped
    /// ("0001" for "2001").
    DateTooEarly,
    // issue 18: life cycle
    /// A change of the plan the core refused: the plan stays as it was.
    ChangeNotSaved,
    /// In a parcours, the answers changed after the plan was built: asked
    /// before the plan is built again from them.
    AnswersChangedAfterPlan,
}

impl Message<'_> {
    /// The message in the given language, with its typography (French:
    /// see [`crate::typography`], applied to every message and to the
    /// names and texts it quotes).
    pub fn text(&self, locale: Locale) -> String {
        in_language(self.words(locale), locale)
    }

    /// The message in every language, as the data's texts are.
    pub fn localized(&self) -> crate::LocalizedText {
        crate::LocalizedText::from_texts(
            Locale::all()
                .into_iter()
                .map(|locale| (locale, self.text(locale))),
        )
    }

    /// The message's words, before typography.
    fn words(&self, locale: Locale) -> String {
        use Lang::{En, Fr};
        match (self, Lang::from(locale)) {
            (Message::Continue, Fr) => "Continuer".into(),
            (Message::Continue, En) => "Continue".into(),
            (Message::Back, Fr) => "Revenir à la question d’avant".into(),
            (Message::Back, En) => "Go back to the previous question".into(),
            (Message::Yes, Fr) => "Oui".into(),
            (Message::Yes, En) => "Yes".into(),
            (Message::No, Fr) => "Non".into(),
            (Message::No, En) => "No".into(),
            (Message::Completed, Fr) => "Merci, vous avez répondu à toutes les questions.".into(),
            (Message::Completed, En) => "Thank you, you have answered every question.".into(),
            (Message::CompletedDetail, Fr) => {
                "Vos réponses restent sur cet appareil. Rien n’est envoyé.".into()
            }
            (Message::CompletedDetail, En) => {
                "Your answers stay on this device. Nothing is sent.".into()
            }
            (Message::AnswerRequired, Fr) => "Choisissez ou écrivez une réponse.".into(),
            (Message::AnswerRequired, En) => "Choose or type an answer.".into(),
            (Message::NotANumber, Fr) => "Écrivez un nombre, avec des chiffres.".into(),
            (Message::NotANumber, En) => "Type a number, using digits.".into(),
            (Message::OutOfRange { min, max, unit }, Fr) => {
                format!("Écrivez un nombre entre {min} et {max} {unit}.").replace(" .", ".")
            }
            (Message::OutOfRange { min, max, unit }, En) => {
                format!("Type a number between {min} and {max} {unit}.").replace(" .", ".")
            }
            (Message::UnknownOption, Fr) => "Choisissez une des réponses proposées.".into(),
            (Message::UnknownOption, En) => "Choose one of the answers shown.".into(),
            (Message::NotCurrentQuestion, Fr) => {
                "Cette réponse ne correspond pas à la question posée.".into()
            }
            (Message::NotCurrentQuestion, En) => {
                "This answer does not match the question being asked.".into()
            }
            (Message::SessionComplete, Fr) => "Toutes les questions ont déjà une réponse.".into(),
            (Message::SessionComplete, En) => "Every question already has an answer.".into(),
            (Message::NotSkippable, Fr) => {
                "Cette question a besoin d’une réponse pour continuer.".into()
            }
            (Message::NotSkippable, En) => "This question needs an answer to go on.".into(),
            (Message::ErrorPrefix, Fr) => "Erreur :".into(),
            (Message::ErrorPrefix, En) => "Error:".into(),
            (Message::RepeatedOption, Fr) => "Choisissez chaque réponse une seule fois.".into(),
            (Message::RepeatedOption, En) => "Choose each answer only once.".into(),
            (Message::ExclusiveOption { label }, Fr) => {
                format!("« {label} » ne va pas avec une autre réponse. Gardez l’un ou l’autre.")
            }
            (Message::ExclusiveOption { label }, En) => {
                format!("“{label}” cannot go with another answer. Keep one or the other.")
            }
            (Message::NotADate, Fr) => {
                "Écrivez une date qui existe, par exemple 14/03/2001.".into()
            }
            (Message::NotADate, En) => "Type a date that exists, for example 14/03/2001.".into(),
            (Message::DateInFuture, Fr) => "Cette date est après aujourd’hui. Vérifiez-la.".into(),
            (Message::DateInFuture, En) => "This date is after today. Please check it.".into(),
            (Message::NotAPostalCode, Fr) => {
                "Écrivez le code postal avec 5 chiffres, par exemple 93200.".into()
            }
            (Message::NotAPostalCode, En) => {
                "Type the postal code with 5 digits, for example 93200.".into()
            }
            (Message::TooLong { max }, Fr) => format!("Écrivez {max} caractères au plus."),
            (Message::TooLong { max }, En) => format!("Type {max} characters at most."),
            (Message::Skip, Fr) => "Je préfère ne pas répondre".into(),
            (Message::Skip, En) => "I’d rather not say".into(),
            (Message::NeedsTitle, Fr) => "Vos besoins".into(),
            (Message::NeedsTitle, En) => "Your needs".into(),
            (Message::NeedPriority(priority), _) => {
                use crate::orientation::Priority;
                let (fr, en) = match priority {
                    Priority::Urgent => ("Priorité : urgente", "Priority: urgent"),
                    Priority::High => ("Priorité : haute", "Priority: high"),
                    Priority::Normal => ("Priorité : normale", "Priority: normal"),
                };
                pick(locale, fr, en).into()
            }
            (Message::NotRanked, Fr) => "Pas de rang".into(),
            (Message::NotRanked, En) => "No rank".into(),
            (Message::RepeatedRank, Fr) => {
                "Deux besoins ont le même rang. Donnez un rang différent à chacun.".into()
            }
            (Message::RepeatedRank, En) => {
                "Two needs have the same rank. Give each one a different rank.".into()
            }
            (Message::ContactPartnerAction { name }, Fr) => format!("Contacter : {name}"),
            (Message::ContactPartnerAction { name }, En) => format!("Contact: {name}"),
            (Message::PrepareDocuments { name, documents }, Fr) => {
                format!("Préparer les papiers pour {name}\u{a0}: {documents}")
            }
            (Message::PrepareDocuments { name, documents }, En) => {
                format!("Get the papers ready for {name}: {documents}")
            }
            (Message::SnapshotUnreadable, Fr) => {
                "Vos réponses enregistrées n’ont pas pu être reprises. Vous pouvez recommencer.".into()
            }
            (Message::SnapshotUnreadable, En) => {
                "Your saved answers could not be read back. You can start again.".into()
            }
            (Message::SnapshotTooNew, Fr) => {
                "Vos réponses ont été enregistrées par une version plus récente. Mettez la page à jour.".into()
            }
            (Message::SnapshotTooNew, En) => {
                "Your answers were saved by a newer version. Please update the page.".into()
            }
            // Plan print view and referral sheet.
            (Message::LongDate(date), _) => long_date(*date, locale),
            (Message::DocumentDate(date), _) => {
                format!("{}{} {}", pick(locale, "Date", "Date"), pick(locale, " :", ":"), long_date(*date, locale))
            }
            (Message::PlanTitle, _) => {
                pick(locale, "Votre projet d’accompagnement", "Your support plan").into()
            }
            (Message::ObjectivesTitle, _) => pick(locale, "Vos objectifs", "Your goals").into(),
            (Message::InYourWords, _) => pick(locale, "Avec vos mots :", "In your words:").into(),
            (Message::ObjectiveState(status), _) => {
                use crate::plan::ObjectiveStatus;
                let (fr, en) = match status {
                    ObjectiveStatus::Active => ("État : en cours", "Status: in progress"),
                    ObjectiveStatus::Achieved => ("État : atteint", "Status: achieved"),
                    ObjectiveStatus::Dropped => ("État : arrêté", "Status: stopped"),
                };
                pick(locale, fr, en).into()
            }
            (Message::NextStepsTitle, _) => {
                pick(locale, "Vos prochaines étapes", "Your next steps").into()
            }
            (Message::NoNextStep, _) => {
                pick(locale, "Pas d’étape prévue pour le moment.", "No step planned for now.").into()
            }
            (Message::Due(Some(date)), Fr) => format!("Quand : {}", long_date(*date, Locale::Fr)),
            (Message::Due(Some(date)), En) => format!("When: {}", long_date(*date, Locale::En)),
            (Message::Due(None), _) => {
                pick(locale, "Quand : pas encore de date", "When: no date yet").into()
            }
            (Message::PrintWho { actor, partner }, _) => {
                use crate::plan::Actor;
                match (actor, partner) {
                    (Actor::Person, _) => pick(locale, "Qui : vous", "Who: you").into(),
                    (Actor::Advisor, _) => {
                        pick(locale, "Qui : votre conseiller", "Who: your advisor").into()
                    }
                    (Actor::Partner, Some(name)) => {
                        format!("{}{name}", pick(locale, "Qui : ", "Who: "))
                    }
                    (Actor::Partner, None) => {
                        pick(locale, "Qui : le partenaire", "Who: the partner").into()
                    }
                }
            }
            (Message::ForObjective { label }, _) => {
                format!("{}{label}", pick(locale, "Pour : ", "For: "))
            }
            (Message::ActionState(status), _) => {
                use crate::plan::ActionStatus;
                let (fr, en) = match status {
                    ActionStatus::Planned => ("État : à faire", "Status: to do"),
                    ActionStatus::InProgress => ("État : en cours", "Status: in progress"),
                    ActionStatus::Done => ("État : fait", "Status: done"),
                    ActionStatus::OnHold => ("État : en pause", "Status: on hold"),
                    ActionStatus::Dropped => ("État : arrêté", "Status: stopped"),
                };
                pick(locale, fr, en).into()
            }
            (Message::NoteLabel, _) => pick(locale, "Note :", "Note:").into(),
            (Message::ContactOf { name }, Fr) => format!("Pour joindre {name} :"),
            (Message::ContactOf { name }, En) => format!("How to reach {name}:"),
            (Message::PhoneLabel, _) => pick(locale, "Téléphone :", "Phone:").into(),
            (Message::EmailLabel, _) => pick(locale, "E-mail :", "E-mail:").into(),
            (Message::WebLabel, _) => pick(locale, "Site internet :", "Website:").into(),
            (Message::DetailsLabel, _) => pick(locale, "À savoir :", "Good to know:").into(),
            (Message::AdvisorTitle, _) => pick(locale, "Votre conseiller", "Your advisor").into(),
            (Message::OrganisationLabel, _) => pick(locale, "Structure :", "Organisation:").into(),
            (Message::NoAdvisor, _) => {
                pick(locale, "Pas encore indiqué.", "Not given yet.").into()
            }
            (Message::NextReviewTitle, _) => pick(
                locale,
                "Votre prochain rendez-vous de suivi",
                "Your next follow-up meeting",
            )
            .into(),
            (Message::NoNextReview, _) => {
                pick(locale, "Pas encore de date.", "No date yet.").into()
            }
            (Message::DoneTitle, _) => pick(locale, "Déjà fait", "Already done").into(),
            (Message::PrintPrivacy, _) => pick(
                locale,
                "Ce document est à vous. Vous choisissez à qui le montrer.",
                "This document is yours. You choose who sees it.",
            )
            .into(),
            (Message::ReferralTitle, _) => pick(locale, "Fiche de liaison", "Referral sheet").into(),
            (Message::ReferralFor { partner }, _) => {
                format!("{}{partner}", pick(locale, "Pour : ", "To: "))
            }
            (Message::ConsentTitle, _) => {
                pick(locale, "Accord de la personne", "The person’s consent").into()
            }
            (Message::ReferralConsent { partner, date }, Fr) => format!(
                "Le {}, la personne a donné son accord pour partager ces informations avec {partner}.",
                long_date(*date, Locale::Fr)
            ),
            (Message::ReferralConsent { partner, date }, En) => format!(
                "On {}, the person agreed to share this information with {partner}.",
                long_date(*date, Locale::En)
            ),
            (Message::ReferralNeedsTitle, _) => {
                pick(locale, "Besoins de la personne", "The person’s needs").into()
            }
            (Message::ReferralActionsTitle { partner }, Fr) => {
                format!("Démarches prévues avec {partner}")
            }
            (Message::ReferralActionsTitle { partner }, En) => {
                format!("Steps planned with {partner}")
            }
            (Message::ReferralWho { actor, partner }, _) => {
                use crate::plan::Actor;
                match actor {
                    Actor::Person => pick(locale, "Qui : la personne", "Who: the person").into(),
                    Actor::Advisor => {
                        pick(locale, "Qui : son conseiller", "Who: their advisor").into()
                    }
                    Actor::Partner => format!("{}{partner}", pick(locale, "Qui : ", "Who: ")),
                }
            }
            (Message::ReferralFactsTitle, _) => {
                pick(locale, "Situation de la personne", "The person’s situation").into()
            }
            (Message::ReferralFactsIntro { partner }, Fr) => format!(
                "Seulement ce que {partner} doit savoir\u{a0}: pour ses conditions d’accès, et pour ces démarches."
            ),
            (Message::ReferralFactsIntro { partner }, En) => format!(
                "Only what {partner} needs to know: for its conditions of access, and for these steps."
            ),
            (Message::NoFactNeeded, _) => pick(
                locale,
                "Aucune information sur la situation n’est nécessaire.",
                "No information about the situation is needed.",
            )
            .into(),
            (Message::FactValue { fact, value }, _) => {
                fact_value_text(*fact, *value, &Communes::default(), locale)
            }
            (Message::ReferralPersonTitle, _) => {
                pick(locale, "La personne", "The person").into()
            }
            (Message::ReferralAdvisorTitle, _) => {
                pick(locale, "Conseiller à contacter", "Advisor to contact").into()
            }
            (Message::IncludedTitle, _) => {
                pick(locale, "Ce que cette fiche contient", "What this sheet contains").into()
            }
            (Message::LeftOutTitle, _) => pick(
                locale,
                "Ce que cette fiche ne contient pas",
                "What this sheet leaves out",
            )
            .into(),
            (Message::SheetPart(part), _) => {
                use crate::referral::Part;
                let (fr, en) = match part {
                    Part::Consent => (
                        "La date de l’accord de la personne",
                        "The date of the person’s consent",
                    ),
                    Part::Needs => (
                        "Les besoins liés à ces démarches",
                        "The needs these steps are for",
                    ),
                    Part::Actions => (
                        "Les démarches prévues avec ce partenaire",
                        "The steps planned with this partner",
                    ),
                    Part::Fact(fact) => return fact_label(*fact, locale).into(),
                    Part::Advisor => ("Le contact du conseiller", "The advisor’s contact details"),
                    Part::Person => ("Le contact de la personne", "The person’s contact details"),
                    Part::OtherObjectives => ("Les autres objectifs", "The other goals"),
                    Part::OtherActions => ("Les autres démarches", "The other steps"),
                    Part::Statements => (
                        "Les objectifs écrits avec les mots de la personne",
                        "The goals in the person’s own words",
                    ),
                    Part::Notes => ("Les notes", "The notes"),
                    Part::Reviews => ("Les points d’étape", "The review points"),
                    Part::NextReview => (
                        "La date du prochain rendez-vous de suivi",
                        "The date of the next follow-up meeting",
                    ),
                    Part::Schedule => (
                        "Le rythme et les jours disponibles",
                        "The pace and the days available",
                    ),
                    Part::OtherConsents => (
                        "Les accords donnés à d’autres partenaires",
                        "The consents given to other partners",
                    ),
                    Part::History => ("L’historique des changements", "The history of changes"),
                };
                pick(locale, fr, en).into()
            }
            (Message::ReferralNoConsent { partner }, Fr) => format!(
                "La personne n’a pas donné son accord pour partager avec {partner}. Demandez-lui d’abord."
            ),
            (Message::ReferralNoConsent { partner }, En) => format!(
                "The person has not agreed to share with {partner}. Ask them first."
            ),
            (Message::ReferralUnknownEntry, _) => pick(
                locale,
                "Ce partenaire n’a pas de démarche dans ce plan.",
                "This partner has no step in this plan.",
            )
            .into(),
            // Plans an advisor would sign and referral sheets a partner can
            // act on (issue 16, sections 4 and 5). The referral sheet
            // speaks to the partner about the person; the plan widget
            // speaks to the person.
            (Message::ReferralEmergencyLine { line }, Fr) => format!(
                "{line} est une ligne d’urgence\u{a0}: on l’appelle directement. Il n’y a pas de fiche de liaison."
            ),
            (Message::ReferralEmergencyLine { line }, En) => format!(
                "{line} is an emergency line: call it directly. There is no referral sheet."
            ),
            (Message::PaceHelp { default }, Fr) => format!(
                "Nous proposons {default}\u{a0}démarches par semaine\u{a0}: cela laisse le temps d’appeler, d’attendre une réponse et d’aller au rendez-vous. Choisissez moins si vous avez peu de temps, plus si vous voulez aller vite."
            ),
            (Message::PaceHelp { default }, En) => format!(
                "We suggest {default} steps a week: that leaves time to call, wait for an answer and go to the appointment. Choose fewer if you have little time, more if you want to go fast."
            ),
            (Message::FirstStepsSummary { per_week }, Fr) => format!(
                "Voici vos premières démarches, à votre rythme\u{a0}: {per_week}\u{a0}par semaine. Les partenaires sont à contacter du lundi au vendredi, sauf les jours fériés. Vous choisirez les démarches suivantes au prochain point d’étape. Pour changer de rythme, refaites le plan."
            ),
            (Message::FirstStepsSummary { per_week }, En) => format!(
                "Here are your first steps, at your pace: {per_week} a week. Partners are to be contacted Monday to Friday, except public holidays. You will choose the next steps at your next review. To change the pace, build the plan again."
            ),
            (Message::PersonTitle, _) => pick(
                locale,
                "Vos coordonnées pour les partenaires",
                "Your contact details for partners",
            )
            .into(),
            (Message::PersonHelp, _) => pick(
                locale,
                "Facultatif. Elles sont écrites seulement sur la fiche de liaison d’un partenaire avec qui vous êtes d’accord pour partager. Ainsi, il peut vous joindre.",
                "Optional. They are written only on the referral sheet of a partner you agree to share with. That way, they can reach you.",
            )
            .into(),
            (Message::PersonNameLabel, _) => {
                pick(locale, "Votre nom ou votre prénom", "Your name or first name").into()
            }
            (Message::PersonPhoneLabel, _) => {
                pick(locale, "Votre téléphone (facultatif)", "Your phone (optional)").into()
            }
            (Message::PersonEmailLabel, _) => {
                pick(locale, "Votre e-mail (facultatif)", "Your e-mail (optional)").into()
            }
            (Message::SavePerson, _) => pick(
                locale,
                "Enregistrer mes coordonnées",
                "Save my contact details",
            )
            .into(),
            (Message::PersonSaved, _) => pick(
                locale,
                "Vos coordonnées sont enregistrées.",
                "Your contact details are saved.",
            )
            .into(),
            (Message::PersonErased, _) => pick(
                locale,
                "Vos coordonnées sont effacées du plan.",
                "Your contact details are erased from the plan.",
            )
            .into(),
            (Message::DueToday(date), Fr) => {
                format!("Quand\u{a0}: aujourd’hui, {}", long_date(*date, Locale::Fr))
            }
            (Message::DueToday(date), En) => format!("When: today, {}", long_date(*date, Locale::En)),
            (Message::PersonNameRequired, _) => pick(
                locale,
                "Écrivez votre nom ou votre prénom, pour que le partenaire sache qui il appelle.",
                "Please write your name or first name, so that the partner knows who they are calling.",
            )
            .into(),
            (Message::OrientationTitle, _) => {
                pick(locale, "Les aides et services pour vous", "Help and services for you").into()
            }
            (Message::OrientationIntro, _) => pick(
                locale,
                "Pour chaque besoin, voici ce qui peut vous aider. Ouvrez « Pourquoi ? » pour voir les raisons.",
                "For each need, here is what can help you. Open “Why?” to see the reasons.",
            )
            .into(),
            (Message::OrientationWaiting, _) => pick(
                locale,
                "Répondez d’abord aux questions. Les aides et services qui vous conviennent s’afficheront ici.",
                "Answer the questions first. The help and services that suit you will show here.",
            )
            .into(),
            (Message::FilterByNeed, _) => pick(locale, "Besoin", "Need").into(),
            (Message::AllNeeds, _) => pick(locale, "Tous les besoins", "All needs").into(),
            (Message::OnlyEligible, _) => pick(
                locale,
                "Seulement ce à quoi vous avez droit",
                "Only what you are entitled to",
            )
            .into(),
            (Message::ProposalsShown(count), Fr) => match count {
                0 => "Aucune proposition affichée.".into(),
                1 => "1 proposition affichée.".into(),
                n => format!("{n} propositions affichées."),
            },
            (Message::ProposalsShown(count), En) => match count {
                0 => "No proposal shown.".into(),
                1 => "1 proposal shown.".into(),
                n => format!("{n} proposals shown."),
            },
            (Message::NoProposal, _) => pick(
                locale,
                "Nous n’avons rien trouvé pour ce besoin. Un conseiller ou une conseillère peut vous aider.",
                "We found nothing for this need. An adviser can help you.",
            )
            .into(),
            (Message::EligibilityWords(status), _) => {
                use crate::orientation::Eligibility;
                let (fr, en) = match status {
                    Eligibility::Eligible => ("Vous y avez droit", "You are entitled to it"),
                    Eligibility::Ineligible => ("Ce n’est pas pour vous", "It is not for you"),
                    Eligibility::Undetermined => {
                        ("Nous devons en savoir plus", "We need to know more")
                    }
                };
                pick(locale, fr, en).into()
            }
            (Message::WhyTitle, _) => pick(locale, "Pourquoi ?", "Why?").into(),
            (Message::ToSettle, _) => pick(
                locale,
                "Pour le savoir, il faut répondre à :",
                "To know, these questions need an answer:",
            )
            .into(),
            (Message::HowToGetIn, _) => pick(locale, "Comment y accéder", "How to get in").into(),
            (Message::ThroughProfessionalOnly, _) => pick(
                locale,
                "La demande se fait par un ou une professionnelle (par exemple votre conseiller).",
                "A professional makes the request (for example your adviser).",
            )
            .into(),
            (Message::PlanWaiting, _) => pick(
                locale,
                "Répondez d’abord aux questions. Vous pourrez ensuite construire votre plan.",
                "Answer the questions first. Then you can build your plan.",
            )
            .into(),
            (Message::ChooseNeeds, _) => pick(
                locale,
                "Sur quoi voulez-vous avancer ?",
                "What do you want to work on?",
            )
            .into(),
            (Message::PaceQuestion, _) => pick(
                locale,
                "Combien de démarches par semaine ?",
                "How many steps a week?",
            )
            .into(),
            (Message::StepsPerWeek(n), Fr) => match n {
                1 => "1 par semaine".into(),
                n => format!("{n} par semaine"),
            },
            (Message::StepsPerWeek(n), En) => match n {
                1 => "1 a week".into(),
                n => format!("{n} a week"),
            },
            (Message::BuildPlan, _) => pick(locale, "Construire mon plan", "Build my plan").into(),
            (Message::ChooseAtLeastOneNeed, _) => pick(
                locale,
                "Choisissez au moins une chose sur laquelle avancer.",
                "Choose at least one thing to work on.",
            )
            .into(),
            (Message::ActionStatusLabel, _) => pick(locale, "Où en êtes-vous ?", "Where are you?").into(),
            (Message::ActionStatusName(status), _) => {
                use crate::plan::ActionStatus;
                let (fr, en) = match status {
                    ActionStatus::Planned => ("À faire", "To do"),
                    ActionStatus::InProgress => ("En cours", "In progress"),
                    ActionStatus::Done => ("Fait", "Done"),
                    ActionStatus::OnHold => ("En pause", "On hold"),
                    ActionStatus::Dropped => ("Arrêté", "Stopped"),
                };
                pick(locale, fr, en).into()
            }
            (Message::OpenPrintView, _) => pick(
                locale,
                "Ouvrir la version à imprimer",
                "Open the version to print",
            )
            .into(),
            (Message::SavePlanFile, _) => pick(
                locale,
                "Enregistrer le plan sur cet appareil (fichier)",
                "Save the plan on this device (file)",
            )
            .into(),
            (Message::OpenPlanFile, _) => pick(
                locale,
                "Reprendre un plan enregistré (fichier)",
                "Open a saved plan (file)",
            )
            .into(),
            (Message::PlanUnreadable, _) => pick(
                locale,
                "Ce fichier n’est pas un plan que nous pouvons lire.",
                "This file is not a plan we can read.",
            )
            .into(),
            (Message::PlanTooNew, _) => pick(
                locale,
                "Ce plan a été enregistré par une version plus récente. Mettez la page à jour.",
                "This plan was saved by a newer version. Please update the page.",
            )
            .into(),
            (Message::ReviewTitle, _) => pick(locale, "Faire le point", "Review your plan").into(),
            (Message::ReviewDone, _) => pick(
                locale,
                "Ce que vous avez fait",
                "What you have done",
            )
            .into(),
            (Message::ReviewStuck, _) => pick(locale, "Ce qui bloque", "What is stuck").into(),
            (Message::ReviewChanged, _) => pick(
                locale,
                "Ce qui a changé pour vous",
                "What has changed for you",
            )
            .into(),
            (Message::SaveReview, _) => pick(
                locale,
                "Enregistrer ce point d’étape",
                "Save this review",
            )
            .into(),
            (Message::ReviewSaved(date), Fr) => {
                format!("Point d’étape enregistré le {}.", long_date(*date, Locale::Fr))
            }
            (Message::ReviewSaved(date), En) => {
                format!("Review saved on {}.", long_date(*date, Locale::En))
            }
            (Message::RebuildPlan, _) => pick(locale, "Refaire le plan", "Build the plan again").into(),
            (Message::TextTooLong, _) => pick(
                locale,
                "Ce texte est trop long. Raccourcissez-le.",
                "This text is too long. Please shorten it.",
            )
            .into(),
            (Message::ParcoursSteps, _) => pick(locale, "Les étapes", "The steps").into(),
            (Message::ParcoursStep(step), _) => {
                let (fr, en) = match step {
                    0 => ("Vos réponses", "Your answers"),
                    1 => ("Les aides et services", "Help and services"),
                    _ => ("Votre plan", "Your plan"),
                };
                pick(locale, fr, en).into()
            }
            (Message::ParcoursProgress { current, total }, Fr) => {
                format!("Étape {current} sur {total}")
            }
            (Message::ParcoursProgress { current, total }, En) => {
                format!("Step {current} of {total}")
            }
            (Message::GoToOrientation, _) => pick(
                locale,
                "Voir les aides et services pour vous",
                "See the help and services for you",
            )
            .into(),
            (Message::GoToPlan, _) => pick(
                locale,
                "Construire mon plan d’action",
                "Build my action plan",
            )
            .into(),
            (Message::AnswersKeptInTab, _) => pick(
                locale,
                "Vos réponses sont gardées sur cet appareil jusqu’à la fermeture de cette page.",
                "Your answers are kept on this device until this page is closed.",
            )
            .into(),
            (Message::AnswersKeptOnDevice, _) => pick(
                locale,
                "Vos réponses sont gardées sur cet appareil, même après sa fermeture. Effacez-les si l’appareil est partagé.",
                "Your answers are kept on this device, even after it is closed. Erase them if the device is shared.",
            )
            .into(),
            (Message::ForgetAnswers, _) => pick(
                locale,
                "Effacer mes réponses de cet appareil",
                "Erase my answers from this device",
            )
            .into(),
            (Message::AnswersForgotten, _) => pick(
                locale,
                "Vos réponses ont été effacées de cet appareil.",
                "Your answers were erased from this device.",
            )
            .into(),
            (Message::StorageUnavailable, _) => pick(
                locale,
                "Cet appareil ne peut pas garder vos réponses. Vous pouvez continuer sans.",
                "This device cannot keep your answers. You can go on without.",
            )
            .into(),
            (Message::ReferralPartnerLabel, _) => pick(locale, "Partenaire", "Partner").into(),
            (Message::ReferralConsentBox, _) => pick(
                locale,
                "Je suis d’accord pour que ce partenaire reçoive ce dont il a besoin pour m’aider.",
                "I agree that this partner receives what it needs to help me.",
            )
            .into(),
            (Message::PrepareReferral, _) => pick(
                locale,
                "Préparer la fiche de liaison",
                "Prepare the referral sheet",
            )
            .into(),
            (Message::ConsentRequired, _) => pick(
                locale,
                "Cochez d’abord la case pour dire que vous êtes d’accord.",
                "First tick the box to say that you agree.",
            )
            .into(),
            (Message::OpenReferral { partner }, Fr) => {
                format!("Ouvrir la fiche de liaison pour {partner}")
            }
            (Message::OpenReferral { partner }, En) => {
                format!("Open the referral sheet for {partner}")
            }
            (Message::ChangeActionTitle, _) => pick(locale, "Modifier cette démarche", "Change this step").into(),
            (Message::ActionTitleLabel, _) => pick(locale, "Ce qu’il faut faire", "What to do").into(),
            (Message::ActionDueLabel, _) => pick(locale, "Pour quand", "By when").into(),
            (Message::SaveAction, _) => pick(locale, "Enregistrer", "Save").into(),
            (Message::RebuildWarning, _) => pick(
                locale,
                "Votre plan actuel sera remplacé. Enregistrez-le d’abord sur cet appareil si vous voulez le garder.",
                "Your current plan will be replaced. Save it on this device first if you want to keep it.",
            )
            .into(),
            (Message::ConfirmRebuild, _) => pick(locale, "Oui, refaire le plan", "Yes, build it again").into(),
            (Message::KeepPlan, _) => pick(locale, "Garder ce plan", "Keep this plan").into(),
            (Message::ObjectiveStatusLabel, _) => pick(
                locale,
                "Où en est cet objectif ?",
                "Where does this goal stand?",
            )
            .into(),
            (Message::ObjectiveStatusName(status), _) => {
                use crate::plan::ObjectiveStatus;
                let (fr, en) = match status {
                    ObjectiveStatus::Active => ("En cours", "In progress"),
                    ObjectiveStatus::Achieved => ("Atteint", "Achieved"),
                    ObjectiveStatus::Dropped => ("Arrêté", "Stopped"),
                };
                pick(locale, fr, en).into()
            }
            (Message::AddActionTitle, _) => {
                pick(locale, "Ajouter une démarche", "Add a step").into()
            }
            (Message::ActionActorLabel, _) => {
                pick(locale, "Qui s’en occupe ?", "Who does it?").into()
            }
            (Message::ActorName(actor), _) => {
                use crate::plan::Actor;
                let (fr, en) = match actor {
                    Actor::Person => ("Vous", "You"),
                    Actor::Advisor => ("Votre conseiller ou conseillère", "Your advisor"),
                    Actor::Partner => ("Le partenaire", "The partner"),
                };
                pick(locale, fr, en).into()
            }
            (Message::SaveNewAction, _) => {
                pick(locale, "Ajouter cette démarche", "Add this step").into()
            }
            (Message::AddObjectiveTitle, _) => {
                pick(locale, "Ajouter un objectif", "Add a goal").into()
            }
            (Message::ObjectiveNeedLabel, _) => pick(
                locale,
                "Sur quoi voulez-vous avancer ?",
                "What do you want to work on?",
            )
            .into(),
            (Message::StatementLabel, _) => pick(
                locale,
                "Ce que vous voulez, en quelques mots (facultatif)",
                "What you want, in a few words (optional)",
            )
            .into(),
            (Message::SaveNewObjective, _) => {
                pick(locale, "Ajouter cet objectif", "Add this goal").into()
            }
            (Message::FollowUpTitle, _) => pick(locale, "Votre suivi", "Your follow-up").into(),
            (Message::AdvisorNameLabel, _) => pick(
                locale,
                "Nom de votre conseiller ou conseillère",
                "Your advisor’s name",
            )
            .into(),
            (Message::AdvisorOrganisationLabel, _) => pick(
                locale,
                "Sa structure (facultatif)",
                "Their organisation (optional)",
            )
            .into(),
            (Message::AdvisorPhoneLabel, _) => pick(
                locale,
                "Son téléphone (facultatif)",
                "Their phone (optional)",
            )
            .into(),
            (Message::AdvisorEmailLabel, _) => pick(
                locale,
                "Son e-mail (facultatif)",
                "Their e-mail (optional)",
            )
            .into(),
            (Message::NextReviewLabel, _) => pick(
                locale,
                "Date du prochain rendez-vous (facultatif)",
                "Date of the next meeting (optional)",
            )
            .into(),
            (Message::SaveFollowUp, _) => {
                pick(locale, "Enregistrer le suivi", "Save the follow-up").into()
            }
            (Message::FollowUpSaved, _) => pick(
                locale,
                "Votre suivi est enregistré.",
                "Your follow-up is saved.",
            )
            .into(),
            (Message::TextRequired, _) => pick(
                locale,
                "Ce champ est vide. Écrivez quelques mots.",
                "This field is empty. Please write a few words.",
            )
            .into(),
            (Message::AdvisorNameRequired, _) => pick(
                locale,
                "Écrivez le nom de votre conseiller ou conseillère.",
                "Please write your advisor’s name.",
            )
            .into(),
            (Message::ConsentsTitle, _) => pick(
                locale,
                "Vous avez donné votre accord pour partager avec :",
                "You agreed to share with:",
            )
            .into(),
            (Message::ConsentSince { partner, date }, Fr) => {
                format!("{partner}, depuis le {}", long_date(*date, Locale::Fr))
            }
            (Message::ConsentSince { partner, date }, En) => {
                format!("{partner}, since {}", long_date(*date, Locale::En))
            }
            (Message::WithdrawConsent { partner }, Fr) => {
                format!("Retirer mon accord pour {partner}")
            }
            (Message::WithdrawConsent { partner }, En) => {
                format!("Withdraw my consent for {partner}")
            }
            (Message::ConsentWithdrawn { partner }, Fr) => format!(
                "Votre accord pour {partner} est retiré. Sa fiche de liaison n’est plus proposée."
            ),
            (Message::ConsentWithdrawn { partner }, En) => format!(
                "Your consent for {partner} is withdrawn. Their referral sheet is no longer offered."
            ),
            (Message::PlanKeptInTab, _) => pick(
                locale,
                "Votre plan est gardé sur cet appareil jusqu’à la fermeture de cette page.",
                "Your plan is kept on this device until this page is closed.",
            )
            .into(),
            (Message::PlanKeptOnDevice, _) => pick(
                locale,
                "Votre plan est gardé sur cet appareil, même après sa fermeture. Effacez-le si l’appareil est partagé.",
                "Your plan is kept on this device, even after it is closed. Erase it if the device is shared.",
            )
            .into(),
            (Message::ForgetPlan, _) => pick(
                locale,
                "Effacer mon plan de cet appareil",
                "Erase my plan from this device",
            )
            .into(),
            (Message::PlanForgotten, _) => pick(
                locale,
                "Votre plan a été effacé de cet appareil.",
                "Your plan was erased from this device.",
            )
            .into(),
            (Message::KeptPlanUnreadable, _) => pick(
                locale,
                "Le plan gardé sur cet appareil ne peut pas être lu. Il n’a pas été effacé. Les changements de ce plan ne sont pas gardés tant que vous ne l’effacez pas.",
                "The plan kept on this device cannot be read. It was not erased. Changes to this plan are not kept until you erase it.",
            )
            .into(),
            (Message::PlanStorageUnavailable, _) => pick(
                locale,
                "Cet appareil ne peut pas garder votre plan. Enregistrez-le dans un fichier.",
                "This device cannot keep your plan. Save it as a file.",
            )
            .into(),
            // Words and places (issue 16, words).
            (Message::CommuneChosenBefore, _) => pick(
                locale,
                "La commune que vous avez choisie",
                "The town you chose",
            )
            .into(),
            // Urgent help at once (issue 16, section 1).
            (Message::ContactAvailability { free, hours }, _) => {
                use crate::diagnosis::Hours;
                let (fr, en) = match (free, hours) {
                    (true, Hours::DayAndNight) => ("Gratuit, jour et nuit.", "Free, day and night."),
                    (true, Hours::OpeningHours) => (
                        "Gratuit, aux heures d’ouverture.",
                        "Free, during opening hours.",
                    ),
                    (false, Hours::DayAndNight) => ("Jour et nuit.", "Day and night."),
                    (false, Hours::OpeningHours) => {
                        ("Aux heures d’ouverture.", "During opening hours.")
                    }
                };
                pick(locale, fr, en).into()
            }
            (Message::ReachNumber { phone, by_text }, Fr) => match by_text {
                true => format!("Envoyer un SMS au {phone}"),
                false => format!("Appeler le {phone}"),
            },
            (Message::ReachNumber { phone, by_text }, En) => match by_text {
                true => format!("Text {phone}"),
                false => format!("Call {phone}"),
            },
            (Message::UrgentNumbers { numbers }, Fr) => {
                format!("Numéros d’urgence\u{a0}: {numbers}")
            }
            (Message::UrgentNumbers { numbers }, En) => format!("Emergency numbers: {numbers}"),
            (Message::UrgentNumbersTitle, _) => {
                pick(locale, "Numéros d’urgence", "Emergency numbers").into()
            }
            (Message::QuickExit, _) => pick(locale, "Quitter rapidement", "Leave quickly").into(),
            (Message::QuickExitHelp, _) => pick(
                locale,
                "Ouvre tout de suite un autre site et efface vos réponses de cet appareil.",
                "Opens another site at once and erases your answers from this device.",
            )
            .into(),
            (Message::ProgressLeft { current, last: true, .. }, Fr) => {
                format!("Question {current} · dernière question")
            }
            (Message::ProgressLeft { current, last: true, .. }, En) => {
                format!("Question {current} · last question")
            }
            (Message::ProgressLeft { current, left, .. }, Fr) => match left {
                0 | 1 => format!("Question {current} · environ 1 question restante"),
                _ => format!("Question {current} · environ {left} questions restantes"),
            },
            (Message::ProgressLeft { current, left, .. }, En) => match left {
                0 | 1 => format!("Question {current} · about 1 question left"),
                _ => format!("Question {current} · about {left} questions left"),
            },
            (Message::ForgetAnswersWhat, _) => pick(
                locale,
                "Toutes vos réponses seront effacées de cet appareil. Vous recommencerez à la première question. Voulez-vous les effacer\u{202f}?",
                "All your answers will be erased from this device. You will start again at the first question. Do you want to erase them?",
            )
            .into(),
            (Message::ForgetPlanWhat, _) => pick(
                locale,
                "Votre plan sera effacé de cet appareil\u{a0}: vos objectifs, vos démarches, vos points d’étape et vos accords de partage. Voulez-vous l’effacer\u{202f}?",
                "Your plan will be erased from this device: your goals, your steps, your reviews and your consents to share. Do you want to erase it?",
            )
            .into(),
            (Message::ConfirmForget, _) => pick(locale, "Oui, effacer", "Yes, erase").into(),
            (Message::CancelForget, _) => pick(locale, "Non, garder", "No, keep").into(),
            (Message::MoveNeed { up, need }, _) => {
                let verb = match (up, Lang::from(locale)) {
                    (true, Lang::Fr) => "Monter",
                    (false, Lang::Fr) => "Descendre",
                    (true, Lang::En) => "Move up",
                    (false, Lang::En) => "Move down",
                };
                match (need, Lang::from(locale)) {
                    (Some(need), Lang::Fr) => format!("{verb} : {need}"),
                    (Some(need), Lang::En) => format!("{verb}: {need}"),
                    (None, _) => verb.into(),
                }
            }
            // --- Orientation: what the person has, open to all, see more (issue 16) ---
            (Message::HeldWords, _) => {
                pick(locale, "Vous l’avez déjà", "You already have it").into()
            }
            (Message::OpenToAll { free: true }, _) => {
                pick(locale, "Ouvert à tous, gratuit", "Open to all, free").into()
            }
            (Message::OpenToAll { free: false }, _) => {
                pick(locale, "Ouvert à tous", "Open to all").into()
            }
            (Message::OnConditions, _) => {
                pick(locale, "Possible, sous conditions", "Possible, on conditions").into()
            }
            (Message::KeyStepWords, _) => {
                pick(locale, "À faire en premier", "Do this first").into()
            }
            (Message::SeeMore(count), Fr) => format!("Voir plus ({count})"),
            (Message::SeeMore(count), En) => format!("See more ({count})"),
            (Message::RuledOutCount(count), Fr) => match count {
                1 => "1 autre n’est pas pour vous".into(),
                n => format!("{n} autres ne sont pas pour vous"),
            },
            (Message::RuledOutCount(count), En) => match count {
                1 => "1 other is not for you".into(),
                n => format!("{n} others are not for you"),
            },
            (Message::SeeAlsoTitle, _) => pick(
                locale,
                "Aussi utile pour ce besoin\u{a0}:",
                "Also useful for this need:",
            )
            .into(),
            (Message::ShownUnder { need }, Fr) => format!("voir «\u{a0}{need}\u{a0}»"),
            (Message::ShownUnder { need }, En) => format!("see “{need}”"),
            (Message::HeldTitle, _) => {
                pick(locale, "Ce que vous avez déjà", "What you already have").into()
            }
            (Message::HeldIntro, _) => pick(
                locale,
                "Vous nous avez dit que vous avez déjà ces aides ou ces suivis. Nous ne vous les proposons pas une deuxième fois.",
                "You told us you already have this help or support. We do not suggest it again.",
            )
            .into(),
            // --- Verdict discipline and freshness (issue 17, engine) ---
            (Message::ToCheckItem { what }, Fr) => format!("À vérifier : {what}"),
            (Message::ToCheckItem { what }, En) => format!("To check: {what}"),
            (Message::ToCheckWords, _) => pick(locale, "À vérifier", "To check").into(),
            (Message::VerifiedOn(date), Fr) => format!("Vérifié le {}", day_month_year(*date, Locale::Fr)),
            (Message::VerifiedOn(date), En) => format!("Checked on {}", day_month_year(*date, Locale::En)),
            (Message::Stale { months, last_verified }, Fr) => format!(
                "Attention\u{a0}: ces informations n’ont pas été vérifiées depuis plus de {months}\u{a0}mois (le {}). Elles ont peut-être changé\u{a0}: vérifiez-les sur le site officiel avant de compter dessus.",
                day_month_year(*last_verified, Locale::Fr)
            ),
            (Message::Stale { months, last_verified }, En) => format!(
                "Warning: this information has not been checked for more than {months} months (last on {}). It may have changed: check it on the official site before relying on it.",
                day_month_year(*last_verified, Locale::En)
            ),
            (Message::PartnerVerifiedOn { partner, date }, Fr) => format!(
                "Informations sur {partner} vérifiées le {}",
                day_month_year(*date, Locale::Fr)
            ),
            (Message::PartnerVerifiedOn { partner, date }, En) => format!(
                "Information on {partner} checked on {}",
                day_month_year(*date, Locale::En)
            ),
            (Message::StalePartner { partner }, Fr) => format!(
                "Attention\u{a0}: les informations sur {partner} n’ont pas été vérifiées depuis longtemps. Vérifiez-les avant de compter dessus."
            ),
            (Message::StalePartner { partner }, En) => format!(
                "Warning: the information on {partner} has not been checked for a long time. Check it before relying on it."
            ),
            (Message::NotesConditions, _) => pick(
                locale,
                "Les conditions écrites dans les précisions sur cette aide",
                "The conditions written in the notes on this scheme",
            )
            .into(),
            (Message::FiguresOutdated { from: Some(from), until }, Fr) => format!(
                "Nos montants et plafonds pour cette aide sont ceux du {} au {}. Ils ont peut-être changé\u{a0}: vérifiez-les sur le site officiel avant de compter dessus.",
                day_month_year(*from, Locale::Fr),
                day_month_year(*until, Locale::Fr)
            ),
            (Message::FiguresOutdated { from: Some(from), until }, En) => format!(
                "Our amounts and ceilings for this help are those from {} to {}. They may have changed: check them on the official site before relying on them.",
                day_month_year(*from, Locale::En),
                day_month_year(*until, Locale::En)
            ),
            (Message::FiguresOutdated { from: None, until }, Fr) => format!(
                "Nos montants et plafonds pour cette aide sont ceux valables jusqu’au {}. Ils ont peut-être changé\u{a0}: vérifiez-les sur le site officiel avant de compter dessus.",
                day_month_year(*until, Locale::Fr)
            ),
            (Message::FiguresOutdated { from: None, until }, En) => format!(
                "Our amounts and ceilings for this help are those valid until {}. They may have changed: check them on the official site before relying on them.",
                day_month_year(*until, Locale::En)
            ),
            // issue 18: keeping
            (Message::KeptAnswersTooNew, _) => pick(
                locale,
                "Des réponses gardées sur cet appareil viennent d’une version plus récente. Elles sont toujours là. Mettez la page à jour pour les retrouver. D’ici là, vos nouvelles réponses ne sont pas gardées.",
                "Answers kept on this device come from a newer version. They are still there. Update the page to get them back. Until then, your new answers are not kept.",
            )
            .into(),
            (Message::KeptAnswersUnreadable, _) => pick(
                locale,
                "Des réponses gardées sur cet appareil ne peuvent pas être lues. Elles n’ont pas été effacées. Vos nouvelles réponses ne sont pas gardées tant que vous ne les effacez pas.",
                "Answers kept on this device cannot be read. They were not erased. Your new answers are not kept until you erase them.",
            )
            .into(),
            (Message::AnswersChangedElsewhere, _) => pick(
                locale,
                "Vos réponses ont changé dans une autre page ou un autre onglet. Voici où vous en êtes.",
                "Your answers changed in another page or tab. Here is where you are.",
            )
            .into(),
            (Message::AnswersErasedElsewhere, _) => pick(
                locale,
                "Vos réponses ont été effacées dans une autre page ou un autre onglet. Elles ne sont plus sur cet appareil.",
                "Your answers were erased in another page or tab. They are no longer on this device.",
            )
            .into(),
            (Message::KeptPlanTooNew, _) => pick(
                locale,
                "Un plan gardé sur cet appareil vient d’une version plus récente. Il est toujours là. Mettez la page à jour pour le retrouver. D’ici là, les changements de ce plan ne sont pas gardés.",
                "A plan kept on this device comes from a newer version. It is still there. Update the page to get it back. Until then, changes to this plan are not kept.",
            )
            .into(),
            (Message::PlanChangedElsewhere, _) => pick(
                locale,
                "Votre plan a changé dans une autre page ou un autre onglet. Voici le plan à jour.",
                "Your plan changed in another page or tab. Here is the plan as it is now.",
            )
            .into(),
            (Message::PlanErasedElsewhere, _) => pick(
                locale,
                "Votre plan a été effacé dans une autre page ou un autre onglet. Il n’est plus sur cet appareil.",
                "Your plan was erased in another page or tab. It is no longer on this device.",
            )
            .into(),
            // issue 18: core limits
            (Message::DateTooEarly, Fr) => {
                "Cette date est avant 1900. Vérifiez l’année.".into()
            }
            (Message::DateTooEarly, En) => "This date is before 1900. Please check the year.".into(),
            // issue 18: life cycle
            (Message::ChangeNotSaved, _) => pick(
                locale,
                "Ce changement n’a pas été enregistré\u{a0}: votre plan reste comme avant. Réessayez, ou rechargez la page.",
                "This change was not saved: your plan stays as it was. Try again, or reload the page.",
            )
            .into(),
            (Message::AnswersChangedAfterPlan, _) => pick(
                locale,
                "Vous avez changé vos réponses. Votre plan a été fait avec vos réponses d’avant. Voulez-vous le refaire avec vos nouvelles réponses\u{202f}? Votre plan actuel sera remplacé.",
                "You changed your answers. Your plan was made with your earlier answers. Do you want to make it again with your new answers? Your current plan will be replaced.",
            )
            .into(),
        }
    }
}

// Shims for the messages above, until they move to the translation files
// too: the texts themselves are in `locales/` (see `crate::text`,
// `crate::sentences`, `crate::theme_labels`, `crate::diagnosis`).

/// A date in words: see [`crate::text::long_date`].
pub(crate) fn long_date(date: crate::date::Date, locale: Locale) -> String {
    crate::text::long_date(date, locale)
}

/// A date in words without its weekday: see [`crate::text::day_month_year`].
fn day_month_year(date: crate::date::Date, locale: Locale) -> String {
    crate::text::day_month_year(date, locale)
}

use crate::sentences::fact_value_text;

/// The name of a fact (see [`crate::sentences`]), as written in the
/// explanations' file of the first language of `locale`'s chain that has it.
fn fact_label(fact: Fact, locale: Locale) -> &'static str {
    locale.message(&fact.key()).unwrap_or_default()
}
pub use crate::theme_labels::theme_label;

/// Picks the French or the English text.
fn pick<'a>(locale: Locale, fr: &'a str, en: &'a str) -> &'a str {
    match Lang::from(locale) {
        Lang::Fr => fr,
        Lang::En => en,
    }
}

/// `text` with the typography of its language (French: see
/// [`crate::typography`]).
pub(crate) fn in_language(text: String, locale: Locale) -> String {
    crate::text::in_language(text, locale)
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
    fn unknown_and_empty_tags_have_no_locale() {
        assert_eq!(Locale::from_tag(""), None);
        assert_eq!(Locale::from_tag("english"), None);
        assert_eq!(Locale::from_tag("en_US"), Some(Locale::En));
    }
}
