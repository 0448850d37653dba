//! The widgets' own words: buttons, labels, notices ("plan kept in this
//! tab"). Their texts are in `locales/<tag>/widgets.json`, added to the
//! core's compiled-in French and English once, before the first word is
//! written; the core's messages (errors, print view, referral sheet…) are
//! [`passerelle_core::Message`].

use std::sync::Once;

use passerelle_core::messages::Parts;
use passerelle_core::{Locale, Message};

/// The widgets' translation files, compiled in.
pub const FILES: [(&str, &str); 2] = [
    ("fr", include_str!("../../locales/fr/widgets.json")),
    ("en", include_str!("../../locales/en/widgets.json")),
];

/// Adds the widgets' files to the compiled-in languages, once: French,
/// and English when the core has English's texts compiled in (tests,
/// native builds; the package ships them in `locales/en.json`, and the
/// module leaves this copy out).
pub fn load() {
    static LOAD: Once = Once::new();
    LOAD.call_once(|| add_compiled("widgets", FILES[0].1, english(FILES)));
}

/// English's file of `files` when the core has English's texts compiled
/// in; `None` otherwise, a constant, so that the module leaves the file
/// out (`tests/packaging/data-files.test.mjs` checks it does).
#[inline(always)]
pub(crate) fn english(files: [(&'static str, &'static str); 2]) -> Option<&'static str> {
    if passerelle_core::text::BUNDLED_ENGLISH {
        Some(files[1].1)
    } else {
        None
    }
}

/// Adds the French file of `domain`, and its English one if given, to
/// the compiled-in languages.
pub(crate) fn add_compiled(domain: &str, french: &str, english: Option<&str>) {
    let files = [(Locale::Fr, Some(french)), (Locale::En, english)];
    for (locale, file) in files {
        // The files are compiled in; the native test `widget_words`
        // checks that each one reads.
        if let Some(json) = file.and_then(|file| serde_json::from_str(file).ok()) {
            let _ = passerelle_core::text::add_file(locale, domain, json);
        }
    }
}

/// One text of the widgets, with the values it shows.
///
/// ```
/// use passerelle_core::Locale;
/// use passerelle_wasm::WidgetText;
/// let progress = WidgetText::ProgressLeft { current: 2, left: 3, last: false };
/// assert_eq!(progress.text(Locale::Fr), "Question 2 · environ 3 questions restantes");
/// assert_eq!(progress.text(Locale::En), "Question 2 · about 3 questions left");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WidgetText<'a> {
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
    /// Title of the error summary shown above a question.
    ErrorPrefix,
    /// The button that skips a question ("I'd rather not say").
    Skip,
    /// Heading of the needs found at the end of a diagnosis.
    NeedsTitle,
    /// The choice "no rank" when the person orders the needs.
    NotRanked,
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
    EligibilityWords(passerelle_core::orientation::Eligibility),
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
    ActionStatusName(passerelle_core::plan::ActionStatus),
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
    ReviewSaved(passerelle_core::date::Date),
    /// Builds the plan again from the start.
    RebuildPlan,
    /// A text too long to keep.
    TextTooLong,
    /// Label of the parcours's list of steps.
    ParcoursSteps,
    /// Label of the language menu (`language-menu`), in the language shown.
    LanguageMenu,
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
    /// The person's own copy of the referral sheet, in their language
    /// (the partner's is in French).
    OpenReferralCopy { partner: &'a str },
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
    ObjectiveStatusName(passerelle_core::plan::ObjectiveStatus),
    /// Opens the form that adds a step to an objective.
    AddActionTitle,
    /// Label of the list of who does a step.
    ActionActorLabel,
    /// Who does a step, in the list that chooses it.
    ActorName(passerelle_core::plan::Actor),
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
        date: passerelle_core::date::Date,
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
    /// Draws the next proposals of a list that shows `shown` of `total`
    /// ("Voir la suite").
    ShowNext { shown: usize, total: usize },
    /// Before the entries that serve a need but are shown elsewhere.
    SeeAlsoTitle,
    /// Where an entry is shown: under another need.
    ShownUnder { need: &'a str },
    /// Heading of what the person has already.
    HeldTitle,
    /// What the group of what the person has means.
    HeldIntro,
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
    /// The standing of a right whose rule is met on figures that may have
    /// changed (or, later, not verified for too long): "À vérifier".
    ToCheckWords,
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
    /// A change of the plan the core refused: the plan stays as it was.
    ChangeNotSaved,
    /// In a parcours, the answers changed after the plan was built: asked
    /// before the plan is built again from them.
    AnswersChangedAfterPlan,
}

impl WidgetText<'_> {
    /// The text in the given language, with its typography.
    pub fn text(&self, locale: Locale) -> String {
        load();
        self.parts(locale).text(locale)
    }

    /// The text's key in `widgets.json` and the values of its placeables.
    pub fn parts(&self, locale: Locale) -> Parts {
        match self {
            Self::Continue => Parts::key("continue"),
            Self::Back => Parts::key("back"),
            Self::Yes => Parts::key("yes"),
            Self::No => Parts::key("no"),
            Self::Completed => Parts::key("completed"),
            Self::CompletedDetail => Parts::key("completed-detail"),
            Self::ErrorPrefix => Parts::key("error-prefix"),
            Self::Skip => Parts::key("skip"),
            Self::NeedsTitle => Parts::key("needs-title"),
            Self::NotRanked => Parts::key("not-ranked"),
            Self::PaceHelp { default } => with("pace-help", [("default", default.to_string())]),
            Self::FirstStepsSummary { per_week } => {
                with("first-steps-summary", [("per_week", per_week.to_string())])
            }
            Self::PersonTitle => Parts::key("person-title"),
            Self::PersonHelp => Parts::key("person-help"),
            Self::PersonNameLabel => Parts::key("person-name-label"),
            Self::PersonPhoneLabel => Parts::key("person-phone-label"),
            Self::PersonEmailLabel => Parts::key("person-email-label"),
            Self::SavePerson => Parts::key("save-person"),
            Self::PersonSaved => Parts::key("person-saved"),
            Self::PersonErased => Parts::key("person-erased"),
            Self::PersonNameRequired => Parts::key("person-name-required"),
            Self::OrientationTitle => Parts::key("orientation-title"),
            Self::OrientationIntro => Parts::key("orientation-intro"),
            Self::OrientationWaiting => Parts::key("orientation-waiting"),
            Self::FilterByNeed => Parts::key("filter-by-need"),
            Self::AllNeeds => Parts::key("all-needs"),
            Self::OnlyEligible => Parts::key("only-eligible"),
            Self::NoProposal => Parts::key("no-proposal"),
            Self::WhyTitle => Parts::key("why-title"),
            Self::ToSettle => Parts::key("to-settle"),
            Self::HowToGetIn => Parts::key("how-to-get-in"),
            Self::ThroughProfessionalOnly => Parts::key("through-professional-only"),
            Self::PlanWaiting => Parts::key("plan-waiting"),
            Self::ChooseNeeds => Parts::key("choose-needs"),
            Self::PaceQuestion => Parts::key("pace-question"),
            Self::BuildPlan => Parts::key("build-plan"),
            Self::ChooseAtLeastOneNeed => Parts::key("choose-at-least-one-need"),
            Self::ActionStatusLabel => Parts::key("action-status-label"),
            Self::OpenPrintView => Parts::key("open-print-view"),
            Self::SavePlanFile => Parts::key("save-plan-file"),
            Self::OpenPlanFile => Parts::key("open-plan-file"),
            Self::PlanUnreadable => Parts::key("plan-unreadable"),
            Self::PlanTooNew => Parts::key("plan-too-new"),
            Self::ReviewTitle => Parts::key("review-title"),
            Self::ReviewDone => Parts::key("review-done"),
            Self::ReviewStuck => Parts::key("review-stuck"),
            Self::ReviewChanged => Parts::key("review-changed"),
            Self::SaveReview => Parts::key("save-review"),
            Self::RebuildPlan => Parts::key("rebuild-plan"),
            Self::TextTooLong => Parts::key("text-too-long"),
            Self::ParcoursSteps => Parts::key("parcours-steps"),
            Self::LanguageMenu => Parts::key("language-menu"),
            Self::ParcoursProgress { current, total } => with(
                "parcours-progress",
                [
                    ("current", current.to_string()),
                    ("total", total.to_string()),
                ],
            ),
            Self::GoToOrientation => Parts::key("go-to-orientation"),
            Self::GoToPlan => Parts::key("go-to-plan"),
            Self::AnswersKeptInTab => Parts::key("answers-kept-in-tab"),
            Self::AnswersKeptOnDevice => Parts::key("answers-kept-on-device"),
            Self::ForgetAnswers => Parts::key("forget-answers"),
            Self::AnswersForgotten => Parts::key("answers-forgotten"),
            Self::StorageUnavailable => Parts::key("storage-unavailable"),
            Self::ReferralPartnerLabel => Parts::key("referral-partner-label"),
            Self::ReferralConsentBox => Parts::key("referral-consent-box"),
            Self::PrepareReferral => Parts::key("prepare-referral"),
            Self::ConsentRequired => Parts::key("consent-required"),
            Self::OpenReferral { partner } => {
                with("open-referral", [("partner", partner.to_string())])
            }
            Self::OpenReferralCopy { partner } => {
                with("open-referral-copy", [("partner", partner.to_string())])
            }
            Self::ChangeActionTitle => Parts::key("change-action-title"),
            Self::ActionTitleLabel => Parts::key("action-title-label"),
            Self::ActionDueLabel => Parts::key("action-due-label"),
            Self::SaveAction => Parts::key("save-action"),
            Self::RebuildWarning => Parts::key("rebuild-warning"),
            Self::ConfirmRebuild => Parts::key("confirm-rebuild"),
            Self::KeepPlan => Parts::key("keep-plan"),
            Self::ObjectiveStatusLabel => Parts::key("objective-status-label"),
            Self::AddActionTitle => Parts::key("add-action-title"),
            Self::ActionActorLabel => Parts::key("action-actor-label"),
            Self::SaveNewAction => Parts::key("save-new-action"),
            Self::AddObjectiveTitle => Parts::key("add-objective-title"),
            Self::ObjectiveNeedLabel => Parts::key("objective-need-label"),
            Self::StatementLabel => Parts::key("statement-label"),
            Self::SaveNewObjective => Parts::key("save-new-objective"),
            Self::FollowUpTitle => Parts::key("follow-up-title"),
            Self::AdvisorNameLabel => Parts::key("advisor-name-label"),
            Self::AdvisorOrganisationLabel => Parts::key("advisor-organisation-label"),
            Self::AdvisorPhoneLabel => Parts::key("advisor-phone-label"),
            Self::AdvisorEmailLabel => Parts::key("advisor-email-label"),
            Self::NextReviewLabel => Parts::key("next-review-label"),
            Self::SaveFollowUp => Parts::key("save-follow-up"),
            Self::FollowUpSaved => Parts::key("follow-up-saved"),
            Self::TextRequired => Parts::key("text-required"),
            Self::AdvisorNameRequired => Parts::key("advisor-name-required"),
            Self::ConsentsTitle => Parts::key("consents-title"),
            Self::WithdrawConsent { partner } => {
                with("withdraw-consent", [("partner", partner.to_string())])
            }
            Self::ConsentWithdrawn { partner } => {
                with("consent-withdrawn", [("partner", partner.to_string())])
            }
            Self::PlanKeptInTab => Parts::key("plan-kept-in-tab"),
            Self::PlanKeptOnDevice => Parts::key("plan-kept-on-device"),
            Self::ForgetPlan => Parts::key("forget-plan"),
            Self::PlanForgotten => Parts::key("plan-forgotten"),
            Self::KeptPlanUnreadable => Parts::key("kept-plan-unreadable"),
            Self::PlanStorageUnavailable => Parts::key("plan-storage-unavailable"),
            Self::HeldWords => Parts::key("held-words"),
            Self::OnConditions => Parts::key("on-conditions"),
            Self::KeyStepWords => Parts::key("key-step-words"),
            Self::SeeAlsoTitle => Parts::key("see-also-title"),
            Self::ShownUnder { need } => with("shown-under", [("need", need.to_string())]),
            Self::HeldTitle => Parts::key("held-title"),
            Self::HeldIntro => Parts::key("held-intro"),
            Self::QuickExit => Parts::key("quick-exit"),
            Self::QuickExitHelp => Parts::key("quick-exit-help"),
            Self::ForgetAnswersWhat => Parts::key("forget-answers-what"),
            Self::ForgetPlanWhat => Parts::key("forget-plan-what"),
            Self::ConfirmForget => Parts::key("confirm-forget"),
            Self::CancelForget => Parts::key("cancel-forget"),
            Self::ToCheckWords => Parts::key("to-check-words"),
            Self::KeptAnswersTooNew => Parts::key("kept-answers-too-new"),
            Self::KeptAnswersUnreadable => Parts::key("kept-answers-unreadable"),
            Self::AnswersChangedElsewhere => Parts::key("answers-changed-elsewhere"),
            Self::AnswersErasedElsewhere => Parts::key("answers-erased-elsewhere"),
            Self::KeptPlanTooNew => Parts::key("kept-plan-too-new"),
            Self::PlanChangedElsewhere => Parts::key("plan-changed-elsewhere"),
            Self::PlanErasedElsewhere => Parts::key("plan-erased-elsewhere"),
            Self::ChangeNotSaved => Parts::key("change-not-saved"),
            Self::AnswersChangedAfterPlan => Parts::key("answers-changed-after-plan"),
            Self::ProposalsShown(0) => Parts::key("proposals-shown-none"),
            Self::ProposalsShown(count) => Parts::counted("proposals-shown", count_of(*count), []),
            Self::EligibilityWords(status) => Parts::key(format!("eligibility-{}", status.key())),
            Self::StepsPerWeek(count) => Parts::counted("steps-per-week", i64::from(*count), []),
            Self::ActionStatusName(status) => Parts::key(format!("action-status-{}", status.key())),
            Self::ReviewSaved(date) => with("review-saved", [("date", long_date(*date, locale))]),
            Self::ParcoursStep(step) => Parts::key(match step {
                0 => "parcours-step-answers",
                1 => "parcours-step-orientation",
                _ => "parcours-step-plan",
            }),
            Self::MoveNeed { up, need } => {
                let direction = if *up { "up" } else { "down" };
                match need {
                    Some(need) => with(
                        format!("move-need-{direction}-named"),
                        [("need", need.to_string())],
                    ),
                    None => Parts::key(format!("move-need-{direction}")),
                }
            }
            Self::ObjectiveStatusName(status) => {
                Parts::key(format!("objective-status-{}", status.key()))
            }
            Self::ActorName(actor) => Parts::key(format!("actor-{}", actor.key())),
            Self::ConsentSince { partner, date } => with(
                "consent-since",
                [
                    ("partner", partner.to_string()),
                    ("date", long_date(*date, locale)),
                ],
            ),
            Self::OpenToAll { free } => Parts::key(if *free {
                "open-to-all-free"
            } else {
                "open-to-all"
            }),
            Self::SeeMore(count) => with("see-more", [("count", count.to_string())]),
            Self::RuledOutCount(count) => Parts::counted("ruled-out-count", count_of(*count), []),
            Self::ShowNext { shown, total } => with(
                "show-next",
                [
                    (
                        "shown",
                        passerelle_core::text::number(count_of(*shown), locale),
                    ),
                    (
                        "total",
                        passerelle_core::text::number(count_of(*total), locale),
                    ),
                ],
            ),
            Self::ProgressLeft {
                current,
                last: true,
                ..
            } => with("progress-last", [("current", current.to_string())]),
            Self::ProgressLeft { current, left, .. } => Parts::counted(
                "progress-left",
                count_of((*left).max(1)),
                [("current", current.to_string())],
            ),
        }
    }
}

/// A count as plural rules take it.
fn count_of(count: usize) -> i64 {
    i64::try_from(count).unwrap_or(i64::MAX)
}

/// A date in words, as the core writes it.
fn long_date(date: passerelle_core::date::Date, locale: Locale) -> String {
    Message::LongDate(date).text(locale)
}

fn with<const N: usize>(key: impl Into<String>, args: [(&'static str, String); N]) -> Parts {
    Parts::with(key, args)
}

/// A text a widget shows: its own, or one of the core's messages.
pub trait Said {
    /// The text in the given language, with its typography.
    fn text(&self, locale: Locale) -> String;
}

impl Said for WidgetText<'_> {
    fn text(&self, locale: Locale) -> String {
        WidgetText::text(self, locale)
    }
}

impl Said for Message<'_> {
    fn text(&self, locale: Locale) -> String {
        Message::text(self, locale)
    }
}
