//! The advisor's caseload ("file active"): the people they follow, each
//! with their plan, and what the advisor's desk shows of them: where each
//! one stands ([`standing`]), an agenda by week ([`agenda()`]), and the merge
//! of a backup made on another device ([`Caseload::merge`]).
//!
//! A person followed is known by an id the caller gives and a label:
//! initials or a pseudonym ("A. B.", "Dossier 12"), never a name asked
//! for (data minimisation). Everything here is pure: no clock (`today`
//! comes from the caller), no I/O, no randomness (ids come from the
//! caller). The format: `docs/caseload-format.md`.
//!
//! ```
//! use passerelle_core::caseload::{standing, Caseload, FollowUpStatus};
//! use passerelle_core::catalogue::Catalogue;
//! use passerelle_core::date::Date;
//! use passerelle_core::diagnosis::{Diagnosis, FoundNeed};
//! use passerelle_core::facts::Facts;
//! use passerelle_core::orientation::Priority;
//! use passerelle_core::plan::{Choices, Plan, Review};
//!
//! let today = Date::parse("2026-11-27").unwrap();
//! let diagnosis = Diagnosis {
//!     questionnaire_id: "passerelle-default".into(),
//!     reference_date: today,
//!     facts: Facts::from_json(r#"{"age": 19, "postal_code": "93200"}"#).unwrap(),
//!     urgent: vec![],
//!     needs: vec![FoundNeed {
//!         theme: "trouver-un-emploi".into(), label: "Trouver un emploi".into(),
//!         priority: Priority::High, rank: None, raised_by: vec![],
//!     }],
//!     ranked_by_person: false,
//! };
//! let choices = Choices::new(today, vec!["trouver-un-emploi".into()]);
//! let plan = Plan::build(&diagnosis, &Catalogue::national(), &choices).unwrap();
//!
//! let mut caseload = Caseload::new();
//! caseload.add("p1".into(), " A. B. ", today, plan).unwrap();
//! assert_eq!(caseload.get("p1").unwrap().label, "A. B.");
//! let review = Review {
//!     date: today, done: String::new(), stuck: String::new(), changed: String::new(), facts: None,
//! };
//! let in_a_month = Date::parse("2026-12-28").unwrap();
//! caseload.record_review("p1", review, Some(in_a_month), today).unwrap();
//! let now = standing(&caseload.get("p1").unwrap().plan, today);
//! assert_eq!((now.status, now.reviews, now.next_review), (FollowUpStatus::Active, 1, Some(in_a_month)));
//! assert_eq!(Caseload::from_json(&caseload.to_json()).unwrap(), caseload);
//! assert_eq!(Caseload::from_json("{").unwrap_err().code(), "caseload_not_json");
//! ```

pub mod agenda;
pub mod merge;

use serde::{Deserialize, Serialize};
use serde_json::Value as Json;

use crate::base::date::Date;
use crate::base::limits::{MAX_CASELOAD_BYTES, MAX_LABEL, MAX_PEOPLE, MAX_PERSON_ID};
use crate::base::problem::Problem;
use crate::plan::{ActionStatus, Author, Edit, ObjectiveStatus, Plan, PlanError, Review};

pub use agenda::{agenda, Agenda, AgendaItem, Due, Week, MAX_AGENDA_WEEKS};
pub use merge::{Conflict, ConflictKind, Merge, Side};

/// The caseload format version this build writes and reads.
pub const CASELOAD_FORMAT_VERSION: u32 = 1;

/// The people an advisor follows ("file active"), each with their plan.
///
/// Read a file with [`Caseload::from_json`], which checks everything
/// (serde's `Deserialize` alone checks nothing of the plans or labels).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Caseload {
    /// [`CASELOAD_FORMAT_VERSION`] when written by this build.
    pub format_version: u32,
    /// In the order they were added.
    pub people: Vec<Followed>,
}

/// One person followed: a label (initials or a pseudonym: data
/// minimisation), never a name asked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Followed {
    /// Given by the caller: 1 to 64 of `A-Z a-z 0-9 _ -`, unique in the
    /// caseload.
    pub id: String,
    /// Initials or a pseudonym: 1 to 40 characters, trimmed, no control
    /// character.
    pub label: String,
    /// When the advisor started following them.
    pub added: Date,
    pub plan: Plan,
}

/// Why a caseload could not be read or changed. Each has a stable
/// [`code`](Self::code); its `Display` says what to do, in plain English.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CaseloadError {
    /// The file is not JSON.
    NotJson { detail: String },
    /// JSON, but not a caseload: a field missing or of the wrong type.
    Corrupted { path: String, detail: String },
    /// A format version this build does not read (newer, or 0).
    Version { version: u64 },
    /// Over a limit of [`crate::base::limits`] (size, depth, list or text
    /// length). Its code is the problem's.
    Limit { problem: Problem },
    /// More than [`MAX_PEOPLE`] people.
    TooManyPeople { count: usize },
    /// Another person already has this id.
    PersonIdTaken { id: String },
    /// No person has this id.
    PersonUnknown { id: String },
    /// An id that is empty, too long, or not made of `A-Z a-z 0-9 _ -`.
    PersonIdInvalid { id: String },
    /// A label empty once trimmed.
    LabelEmpty,
    /// A label over [`MAX_LABEL`] characters.
    LabelTooLong { characters: usize },
    /// A label with a control character (a line break, a tab…).
    LabelControlCharacters,
    /// A person's plan could not be read or changed.
    Plan { id: String, error: PlanError },
    /// A calendar's time stamp not written `YYYYMMDDTHHMMSSZ`
    /// ([`crate::exports::calendar::agenda_ics`]).
    StampInvalid { stamp: String },
}

impl CaseloadError {
    /// Stable code, for programs.
    pub fn code(&self) -> &'static str {
        match self {
            CaseloadError::NotJson { .. } => "caseload_not_json",
            CaseloadError::Corrupted { .. } => "caseload_corrupted",
            CaseloadError::Version { .. } => "caseload_version",
            CaseloadError::Limit { problem } => problem.code,
            CaseloadError::TooManyPeople { .. } => "too_many_people",
            CaseloadError::PersonIdTaken { .. } => "person_id_taken",
            CaseloadError::PersonUnknown { .. } => "person_unknown",
            CaseloadError::PersonIdInvalid { .. } => "person_id_invalid",
            CaseloadError::LabelEmpty => "label_empty",
            CaseloadError::LabelTooLong { .. } => "label_too_long",
            CaseloadError::LabelControlCharacters => "label_control_characters",
            CaseloadError::Plan { error, .. } => plan_code(error),
            CaseloadError::StampInvalid { .. } => "stamp_invalid",
        }
    }
}

/// A plan's error under a code of its own, `plan_…`.
fn plan_code(error: &PlanError) -> &'static str {
    match error {
        PlanError::NeedNotFound { .. } => "plan_need_not_found",
        PlanError::NoNeed => "plan_no_need",
        PlanError::UnknownEntry { .. } => "plan_unknown_entry",
        PlanError::UnknownObjective { .. } => "plan_unknown_objective",
        PlanError::UnknownAction { .. } => "plan_unknown_action",
        PlanError::BadPosition { .. } => "plan_bad_position",
        PlanError::BadPace { .. } => "plan_bad_pace",
        PlanError::BadTimes => "plan_bad_times",
        PlanError::BadText { .. } => "plan_bad_text",
        PlanError::UnknownTheme { .. } => "plan_unknown_theme",
        PlanError::DateBeforeLastChange { .. } => "plan_date_before_last_change",
        PlanError::ConsentInFuture { .. } => "plan_consent_in_future",
        PlanError::AlreadyBuilt => "plan_already_built",
        PlanError::Corrupted { .. } => "plan_corrupted",
        PlanError::FutureVersion { .. } => "plan_future_version",
        PlanError::Facts { .. } => "plan_facts_unreadable",
        PlanError::Limit { .. } => "plan_over_limit",
    }
}

impl std::fmt::Display for CaseloadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let code = self.code();
        match self {
            CaseloadError::NotJson { detail } => write!(
                f,
                "{code}: this file is not a caseload (not JSON: {detail}); choose the file \
                 exported by Passerelle's caseload"
            ),
            CaseloadError::Corrupted { path, detail } => write!(
                f,
                "{code}: this is not a caseload ({path}: {detail}); choose the file exported by \
                 Passerelle's caseload, unchanged"
            ),
            CaseloadError::Version { version } => write!(
                f,
                "{code}: caseload format version {version} is not one this build reads \
                 ({CASELOAD_FORMAT_VERSION}); update Passerelle, then import it again"
            ),
            CaseloadError::Limit { problem } => write!(f, "{code}: {problem}"),
            CaseloadError::TooManyPeople { count } => write!(
                f,
                "{code}: {count} people; a caseload holds at most {MAX_PEOPLE}: remove people \
                 no longer followed, or split it"
            ),
            CaseloadError::PersonIdTaken { id } => write!(
                f,
                "{code}: a person is already followed under id \"{id}\"; give another id"
            ),
            CaseloadError::PersonUnknown { id } => {
                write!(f, "{code}: no person followed has id \"{id}\"")
            }
            CaseloadError::PersonIdInvalid { id } => write!(
                f,
                "{code}: \"{id:.80}\" is not an id: use 1 to {MAX_PERSON_ID} letters (A-Z, a-z), \
                 digits, '_' or '-'"
            ),
            CaseloadError::LabelEmpty => write!(
                f,
                "{code}: give a label: initials or a pseudonym (never the person's name)"
            ),
            CaseloadError::LabelTooLong { characters } => write!(
                f,
                "{code}: the label is {characters} characters long; use initials or a pseudonym \
                 of at most {MAX_LABEL}"
            ),
            CaseloadError::LabelControlCharacters => write!(
                f,
                "{code}: the label holds a line break, a tab or another control character; \
                 write it on one line"
            ),
            CaseloadError::Plan { id, error } => {
                write!(f, "{code}: the plan of person \"{id}\": {error}")
            }
            CaseloadError::StampInvalid { stamp } => write!(
                f,
                "{code}: \"{stamp:.40}\" is not a UTC time written YYYYMMDDTHHMMSSZ \
                 (20261127T093000Z)"
            ),
        }
    }
}

impl std::error::Error for CaseloadError {}

/// The label as kept: trimmed, checked.
pub fn check_label(label: &str) -> Result<String, CaseloadError> {
    let label = label.trim();
    if label.is_empty() {
        return Err(CaseloadError::LabelEmpty);
    }
    let characters = label.chars().count();
    if characters > MAX_LABEL {
        return Err(CaseloadError::LabelTooLong { characters });
    }
    if label.chars().any(char::is_control) {
        return Err(CaseloadError::LabelControlCharacters);
    }
    Ok(label.to_owned())
}

/// Whether `id` is a person's id: 1 to [`MAX_PERSON_ID`] of
/// `A-Z a-z 0-9 _ -`.
pub fn is_person_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= MAX_PERSON_ID
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
}

fn check_id(id: &str) -> Result<(), CaseloadError> {
    if is_person_id(id) {
        Ok(())
    } else {
        Err(CaseloadError::PersonIdInvalid { id: id.to_owned() })
    }
}

impl Default for Caseload {
    fn default() -> Caseload {
        Caseload::new()
    }
}

impl Caseload {
    /// An empty caseload.
    pub fn new() -> Caseload {
        Caseload {
            format_version: CASELOAD_FORMAT_VERSION,
            people: Vec::new(),
        }
    }

    /// Reads a caseload exported by [`to_json`](Self::to_json). Never
    /// panics: the limits are checked before parsing, then the version,
    /// each person's id (valid, unique) and label, and each plan as
    /// [`Plan::from_json`] checks it.
    pub fn from_json(text: &str) -> Result<Caseload, CaseloadError> {
        if text.len() > MAX_CASELOAD_BYTES {
            return Err(CaseloadError::Limit {
                problem: Problem::new(
                    "caseload_too_large",
                    "$",
                    format!(
                        "This caseload is {} bytes long; a caseload is at most \
                         {MAX_CASELOAD_BYTES} bytes (64 MiB).",
                        text.len()
                    ),
                ),
            });
        }
        crate::base::limits::check_structure(text)
            .map_err(|problem| CaseloadError::Limit { problem })?;
        let value = crate::base::json::parse(text).map_err(|e| CaseloadError::NotJson {
            detail: e.to_string(),
        })?;
        let corrupted = |path: &str, detail: &str| CaseloadError::Corrupted {
            path: path.to_owned(),
            detail: detail.to_owned(),
        };
        let Json::Object(mut fields) = value else {
            return Err(corrupted("$", "not an object"));
        };
        let version = fields
            .get("format_version")
            .and_then(Json::as_u64)
            .ok_or_else(|| corrupted("$.format_version", "missing or not a whole number"))?;
        if version == 0 || version > u64::from(CASELOAD_FORMAT_VERSION) {
            return Err(CaseloadError::Version { version });
        }
        fields.remove("format_version");
        let Some(Json::Array(people)) = fields.remove("people") else {
            return Err(corrupted("$.people", "missing or not a list"));
        };
        if let Some(key) = fields.keys().next() {
            return Err(corrupted("$", &format!("unknown field \"{key:.80}\"")));
        }
        if people.len() > MAX_PEOPLE {
            return Err(CaseloadError::TooManyPeople {
                count: people.len(),
            });
        }
        let mut caseload = Caseload::new();
        for (index, person) in people.into_iter().enumerate() {
            let path = format!("$.people[{index}]");
            let Json::Object(mut person) = person else {
                return Err(corrupted(&path, "not an object"));
            };
            let mut text_field = |name: &str| match person.remove(name) {
                Some(Json::String(text)) => Ok(text),
                _ => Err(corrupted(
                    &format!("{path}.{name}"),
                    "missing or not a text",
                )),
            };
            let id = text_field("id")?;
            let label = text_field("label")?;
            let added = text_field("added")?;
            let added = Date::parse(&added)
                .map_err(|_| corrupted(&format!("{path}.added"), "not a date YYYY-MM-DD"))?;
            let Some(plan) = person.remove("plan") else {
                return Err(corrupted(&format!("{path}.plan"), "missing"));
            };
            if let Some(key) = person.keys().next() {
                return Err(corrupted(&path, &format!("unknown field \"{key:.80}\"")));
            }
            check_id(&id)?;
            if check_label(&label)? != label {
                return Err(corrupted(
                    &format!("{path}.label"),
                    "spaces before or after the label",
                ));
            }
            let plan = Plan::from_value(plan).map_err(|error| CaseloadError::Plan {
                id: id.clone(),
                error,
            })?;
            if caseload.get(&id).is_some() {
                return Err(CaseloadError::PersonIdTaken { id });
            }
            caseload.people.push(Followed {
                id,
                label,
                added,
                plan,
            });
        }
        Ok(caseload)
    }

    /// The caseload as versioned JSON (compact: it is a backup file).
    pub fn to_json(&self) -> String {
        // Plain data of strings, numbers and dates: it always serialises.
        crate::base::json::write(self)
    }

    /// The person with this id.
    pub fn get(&self, id: &str) -> Option<&Followed> {
        self.people.iter().find(|person| person.id == id)
    }

    fn get_mut(&mut self, id: &str) -> Result<&mut Followed, CaseloadError> {
        self.people
            .iter_mut()
            .find(|person| person.id == id)
            .ok_or_else(|| CaseloadError::PersonUnknown { id: id.to_owned() })
    }

    /// Starts following a person: `id` given by the caller (unique),
    /// `label` their initials or a pseudonym (trimmed), from `added`.
    pub fn add(
        &mut self,
        id: String,
        label: &str,
        added: Date,
        plan: Plan,
    ) -> Result<(), CaseloadError> {
        check_id(&id)?;
        let label = check_label(label)?;
        if self.get(&id).is_some() {
            return Err(CaseloadError::PersonIdTaken { id });
        }
        if self.people.len() >= MAX_PEOPLE {
            return Err(CaseloadError::TooManyPeople {
                count: self.people.len() + 1,
            });
        }
        self.people.push(Followed {
            id,
            label,
            added,
            plan,
        });
        Ok(())
    }

    /// Gives a person another label (trimmed, checked).
    pub fn relabel(&mut self, id: &str, label: &str) -> Result<(), CaseloadError> {
        let label = check_label(label)?;
        self.get_mut(id)?.label = label;
        Ok(())
    }

    /// Replaces a person's plan (as edited in `<passerelle-plan>`).
    pub fn set_plan(&mut self, id: &str, plan: Plan) -> Result<(), CaseloadError> {
        self.get_mut(id)?.plan = plan;
        Ok(())
    }

    /// Records a review point ("point d'étape") in a person's plan:
    /// applies [`Edit::Review`] by [`Author::Advisor`] on `date` and, if
    /// given, [`Edit::SetNextReview`] to `next_review`. Both or neither:
    /// when one is refused, the plan is left as it was.
    pub fn record_review(
        &mut self,
        id: &str,
        review: Review,
        next_review: Option<Date>,
        date: Date,
    ) -> Result<(), CaseloadError> {
        let person = self.get_mut(id)?;
        let mut plan = person.plan.clone();
        let plan_error = |error| CaseloadError::Plan {
            id: id.to_owned(),
            error,
        };
        plan.apply(
            Edit::Review {
                review: Box::new(review),
            },
            Author::Advisor,
            date,
        )
        .map_err(plan_error)?;
        if let Some(next) = next_review {
            plan.apply(
                Edit::SetNextReview { date: Some(next) },
                Author::Advisor,
                date,
            )
            .map_err(plan_error)?;
        }
        person.plan = plan;
        Ok(())
    }

    /// Stops following a person, and gives them back.
    pub fn remove(&mut self, id: &str) -> Result<Followed, CaseloadError> {
        let index = self
            .people
            .iter()
            .position(|person| person.id == id)
            .ok_or_else(|| CaseloadError::PersonUnknown { id: id.to_owned() })?;
        Ok(self.people.remove(index))
    }

    /// Every person's plan, in the caseload's order (for
    /// [`crate::exports::report`]).
    pub fn plans(&self) -> Vec<&Plan> {
        self.people.iter().map(|person| &person.plan).collect()
    }
}

/// Where a person's follow-up stands, from their plan's objectives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FollowUpStatus {
    /// At least one objective still active.
    Active,
    /// None active, at least one achieved.
    Completed,
    /// Every objective dropped (or none at all).
    Stopped,
}

/// What the caseload's list shows of one person, on `today`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Standing {
    pub status: FollowUpStatus,
    /// The next review point ("point d'étape"), if one is set.
    pub next_review: Option<Date>,
    /// The next review point is before today.
    pub review_late: bool,
    /// Ids of the actions of active objectives due before today and still
    /// planned or in progress, in the plan's order.
    pub overdue: Vec<String>,
    /// Id of the earliest-due action of an active objective still planned
    /// or in progress, due on or after today (the first in the plan's
    /// order among equals).
    pub next_step: Option<String>,
    /// How many review points were recorded.
    pub reviews: usize,
    /// The latest review point's date.
    pub last_review: Option<Date>,
}

/// The actions still to do of a plan's active objectives, in the plan's
/// order: planned or in progress (on hold, done and dropped are not).
pub(crate) fn steps_to_do(plan: &Plan) -> impl Iterator<Item = &crate::plan::Action> {
    plan.objectives
        .iter()
        .filter(|objective| objective.status == ObjectiveStatus::Active)
        .flat_map(|objective| &objective.actions)
        .filter(|action| {
            matches!(
                action.status,
                ActionStatus::Planned | ActionStatus::InProgress
            )
        })
}

/// Where the person of `plan` stands on `today`.
pub fn standing(plan: &Plan, today: Date) -> Standing {
    let has = |status| {
        plan.objectives
            .iter()
            .any(|objective| objective.status == status)
    };
    let status = if has(ObjectiveStatus::Active) {
        FollowUpStatus::Active
    } else if has(ObjectiveStatus::Achieved) {
        FollowUpStatus::Completed
    } else {
        FollowUpStatus::Stopped
    };
    let overdue = steps_to_do(plan)
        .filter(|action| action.due.is_some_and(|due| due < today))
        .map(|action| action.id.clone())
        .collect();
    let mut next_step: Option<(Date, &str)> = None;
    for action in steps_to_do(plan) {
        if let Some(due) = action.due.filter(|due| *due >= today) {
            if next_step.is_none_or(|(best, _)| due < best) {
                next_step = Some((due, &action.id));
            }
        }
    }
    Standing {
        status,
        next_review: plan.next_review,
        review_late: plan.next_review.is_some_and(|date| date < today),
        overdue,
        next_step: next_step.map(|(_, id)| id.to_owned()),
        reviews: plan.reviews.len(),
        last_review: plan.reviews.iter().map(|review| review.date).max(),
    }
}
