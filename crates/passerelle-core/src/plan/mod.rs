//! The personalised plan ("projet d'accompagnement personnalisé"): built
//! with the person from a diagnosis and an orientation, at their pace,
//! edited and reviewed over time, every change kept in its history.
//!
//! A [`Plan`] is a plain value. [`Plan::build`] makes the first one;
//! [`Plan::apply`] makes every later change (an [`Edit`], by the person or
//! the advisor, on a date) and records it in [`Plan::history`]; nothing is
//! overwritten without a trace. [`Plan::to_json`] and [`Plan::from_json`]
//! export and import it, versioned.
//!
//! ```
//! use passerelle_core::catalogue::Catalogue;
//! use passerelle_core::date::Date;
//! use passerelle_core::diagnosis::{Diagnosis, FoundNeed};
//! use passerelle_core::facts::Facts;
//! use passerelle_core::orientation::Priority;
//! use passerelle_core::plan::{ActionStatus, Author, Choices, Edit, Plan};
//!
//! let today = Date::parse("2026-11-27").unwrap();
//! let diagnosis = Diagnosis {
//!     questionnaire_id: "passerelle-default".into(),
//!     reference_date: today,
//!     facts: Facts::from_json(r#"{"age": 19, "postal_code": "93200",
//!         "employment_status": "inactive"}"#).unwrap(),
//!     urgent: vec![],
//!     needs: vec![FoundNeed {
//!         theme: "trouver-un-emploi".into(), label: "Trouver un emploi".into(),
//!         priority: Priority::High, rank: None, raised_by: vec![],
//!     }],
//!     ranked_by_person: false,
//! };
//! let choices = Choices::new(today, vec!["trouver-un-emploi".into()]);
//! let mut plan = Plan::build(&diagnosis, &Catalogue::national(), &choices).unwrap();
//! let first = plan.objectives[0].actions[0].clone();
//! assert_eq!(first.entry.as_deref(), Some("mission-locale"));
//! plan.apply(Edit::SetStatus { action: first.id, status: ActionStatus::Done }, Author::Person, today)
//!     .unwrap();
//! assert_eq!(plan.history.len(), 2); // built, then the change
//! assert_eq!(Plan::from_json(&plan.to_json()).unwrap(), plan);
//! ```

pub mod messages;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value as Json;

use crate::base::date::{Date, HolidayZone, Weekday};
use crate::catalogue::{Catalogue, Entry};
use crate::orientation::{orient, Request};
use crate::questionnaire::diagnosis::Diagnosis;
use crate::text::Locale;
use crate::vocabulary::facts::{Fact, Facts, Value};
use crate::vocabulary::needs::{Need, Priority};
use messages::PlanMessage;

/// The plan format version this build writes and reads. Version 1 (the
/// first, 2026-11) knew only whole days unavailable
/// (`schedule.unavailable_days`); version 2 has days or times
/// (`schedule.unavailable`). Older plans are migrated on import.
pub const PLAN_FORMAT_VERSION: u32 = 2;

/// The longest text a person or advisor may write in a plan (a statement,
/// a note, a review's text): [`crate::base::limits::MAX_PLAN_TEXT`].
pub const MAX_TEXT: usize = crate::base::limits::MAX_PLAN_TEXT;

/// How many first actions the builder proposes for each need at most.
const PROPOSALS_PER_NEED: usize = 2;

/// How many weeks of steps a first plan holds: the steps that can be done
/// before a first review point ("point d'étape"), where the next ones are
/// chosen with what was learnt ([`Plan::proposals`]).
pub const FIRST_PLAN_WEEKS: usize = 3;

/// The most steps a first plan proposes, whatever the pace: enough to
/// start on each need, few enough to keep in mind. A plan of twenty steps
/// over two months is a list, not a plan.
pub const MAX_FIRST_STEPS: usize = 6;

/// The pace a plan is built at unless the person chooses another: two
/// steps a week leaves time for each one (calling, waiting for an answer,
/// going to the appointment) and still moves on every week.
pub const DEFAULT_STEPS_PER_WEEK: u8 = 2;

/// How many steps a first plan proposes at `steps_per_week` (1 to 7):
/// [`FIRST_PLAN_WEEKS`] weeks of steps at that pace, at most
/// [`MAX_FIRST_STEPS`]. Emergency lines, due the first day, are not
/// counted; entries the person chose are all kept.
///
/// ```
/// use passerelle_core::plan::first_steps;
/// assert_eq!(first_steps(1), 3); // three weeks at one a week
/// assert_eq!(first_steps(2), 6); // three weeks at the default pace
/// assert_eq!(first_steps(7), 6); // never more than six
/// ```
pub fn first_steps(steps_per_week: u8) -> usize {
    (FIRST_PLAN_WEEKS * usize::from(steps_per_week.clamp(1, 7))).min(MAX_FIRST_STEPS)
}

/// Who made a change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Author {
    /// The person the plan is for.
    Person,
    /// The advisor who supports them.
    Advisor,
}

/// Who does an action.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Actor {
    Person,
    Advisor,
    /// The partner of the catalogue entry the action concerns.
    Partner,
}

/// What kind of step an action is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActionKind {
    /// Contact a partner (call, write, go there).
    ContactPartner,
    /// Get a document (identity card, proof of address…).
    GetDocument,
    /// Attend a workshop or an information meeting.
    AttendWorkshop,
    /// Apply (for a scheme, a job, a training).
    Apply,
    /// Go to an appointment.
    Appointment,
    Other,
}

/// Where an action stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActionStatus {
    Planned,
    InProgress,
    Done,
    OnHold,
    Dropped,
}

/// Where an objective stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ObjectiveStatus {
    Active,
    Achieved,
    Dropped,
}

impl ActionKind {
    /// Every kind.
    pub const ALL: [ActionKind; 6] = [
        ActionKind::ContactPartner,
        ActionKind::GetDocument,
        ActionKind::AttendWorkshop,
        ActionKind::Apply,
        ActionKind::Appointment,
        ActionKind::Other,
    ];

    /// Its part of message keys (`contact-partner`…).
    pub fn key(self) -> &'static str {
        match self {
            ActionKind::ContactPartner => "contact-partner",
            ActionKind::GetDocument => "get-document",
            ActionKind::AttendWorkshop => "attend-workshop",
            ActionKind::Apply => "apply",
            ActionKind::Appointment => "appointment",
            ActionKind::Other => "other",
        }
    }
}

impl ActionStatus {
    /// Every status, in the order a step goes through them.
    pub const ALL: [ActionStatus; 5] = [
        ActionStatus::Planned,
        ActionStatus::InProgress,
        ActionStatus::Done,
        ActionStatus::OnHold,
        ActionStatus::Dropped,
    ];

    /// Its name in JSON (`in_progress`…).
    pub fn name(self) -> &'static str {
        match self {
            ActionStatus::Planned => "planned",
            ActionStatus::InProgress => "in_progress",
            ActionStatus::Done => "done",
            ActionStatus::OnHold => "on_hold",
            ActionStatus::Dropped => "dropped",
        }
    }

    /// Its part of message keys (`action-state-in-progress`…).
    pub fn key(self) -> &'static str {
        match self {
            ActionStatus::Planned => "planned",
            ActionStatus::InProgress => "in-progress",
            ActionStatus::Done => "done",
            ActionStatus::OnHold => "on-hold",
            ActionStatus::Dropped => "dropped",
        }
    }
}

impl ObjectiveStatus {
    /// Every status, in the order an objective goes through them.
    pub const ALL: [ObjectiveStatus; 3] = [
        ObjectiveStatus::Active,
        ObjectiveStatus::Achieved,
        ObjectiveStatus::Dropped,
    ];

    /// Its part of message keys (`objective-state-active`…).
    pub fn key(self) -> &'static str {
        match self {
            ObjectiveStatus::Active => "active",
            ObjectiveStatus::Achieved => "achieved",
            ObjectiveStatus::Dropped => "dropped",
        }
    }
}

impl Actor {
    /// Its name in JSON (`person`, `advisor`, `partner`).
    pub fn name(self) -> &'static str {
        match self {
            Actor::Person => "person",
            Actor::Advisor => "advisor",
            Actor::Partner => "partner",
        }
    }

    /// Its part of message keys (`print-who-person`…).
    pub fn key(self) -> &'static str {
        self.name()
    }
}

/// How to reach the partner of an action, copied from the catalogue when
/// the action was made, so that the plan stands on its own.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PartnerContact {
    /// The partner's name.
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// How to get in, in words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub details: Option<String>,
}

/// One step of the plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Action {
    /// Stable id within the plan (`a1`, `a2`…).
    pub id: String,
    pub kind: ActionKind,
    /// What to do, in words.
    pub title: String,
    /// The catalogue entry it concerns, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entry: Option<String>,
    /// How to reach that entry's partner.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact: Option<PartnerContact>,
    /// Who does it.
    pub actor: Actor,
    /// When it is due.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<Date>,
    pub status: ActionStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
}

/// An objective: a need the person chose to work on, and its actions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Objective {
    /// Stable id within the plan (`o1`, `o2`…).
    pub id: String,
    /// The need: a data·inclusion theme or category.
    pub theme: String,
    pub priority: Priority,
    /// The objective in the person's own words, if they gave them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub statement: Option<String>,
    pub status: ObjectiveStatus,
    /// In the order to do them.
    pub actions: Vec<Action>,
}

impl Objective {
    /// An objective the person adds to their plan for `theme` (a
    /// data·inclusion theme or category), in their words if given, with
    /// no action yet. Its id is given when it is added
    /// ([`Edit::AddObjective`]).
    ///
    /// ```
    /// use passerelle_core::plan::{Objective, ObjectiveStatus};
    /// let objective = Objective::new("mobilite", Some("Passer le permis".into()));
    /// assert_eq!(objective.status, ObjectiveStatus::Active);
    /// assert!(objective.actions.is_empty());
    /// ```
    pub fn new(theme: &str, statement: Option<String>) -> Objective {
        Objective {
            id: String::new(),
            theme: theme.to_owned(),
            priority: Priority::Normal,
            statement,
            status: ObjectiveStatus::Active,
            actions: Vec::new(),
        }
    }
}

impl Action {
    /// A step added by hand: what to do, who does it and when, with no
    /// partner. Its id is given when it is added ([`Edit::AddAction`]).
    ///
    /// ```
    /// use passerelle_core::plan::{Action, ActionKind, ActionStatus, Actor};
    /// let action = Action::new("Refaire ma carte d’identité", Actor::Person, None);
    /// assert_eq!((action.kind, action.status), (ActionKind::Other, ActionStatus::Planned));
    /// ```
    pub fn new(title: &str, actor: Actor, due: Option<Date>) -> Action {
        Action {
            id: String::new(),
            kind: ActionKind::Other,
            title: title.to_owned(),
            entry: None,
            contact: None,
            actor,
            due,
            status: ActionStatus::Planned,
            notes: None,
        }
    }
}

/// A time of day, `HH:MM`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct TimeOfDay {
    minutes: u16,
}

impl TimeOfDay {
    /// Reads `HH:MM`, 00:00 to 23:59.
    ///
    /// ```
    /// use passerelle_core::plan::TimeOfDay;
    /// assert_eq!(TimeOfDay::parse("09:30").unwrap().to_string(), "09:30");
    /// assert!(TimeOfDay::parse("24:00").is_none());
    /// ```
    pub fn parse(text: &str) -> Option<TimeOfDay> {
        let (hours, minutes) = text.split_once(':')?;
        let number = |part: &str| -> Option<u16> {
            (part.len() == 2 && part.bytes().all(|b| b.is_ascii_digit()))
                .then(|| part.parse().ok())
                .flatten()
        };
        let (hours, minutes) = (number(hours)?, number(minutes)?);
        (hours < 24 && minutes < 60).then_some(TimeOfDay {
            minutes: hours * 60 + minutes,
        })
    }
}

impl std::fmt::Display for TimeOfDay {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:02}:{:02}", self.minutes / 60, self.minutes % 60)
    }
}

impl Serialize for TimeOfDay {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for TimeOfDay {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = std::borrow::Cow::<str>::deserialize(deserializer)?;
        TimeOfDay::parse(&text)
            .ok_or_else(|| serde::de::Error::custom("expected a time written HH:MM, such as 09:30"))
    }
}

/// When the person is not available: a whole day each week, or part of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Unavailable {
    pub day: Weekday,
    /// With `to`: from this time; without, the whole day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<TimeOfDay>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<TimeOfDay>,
}

impl Unavailable {
    /// The whole of `day`.
    pub fn day(day: Weekday) -> Unavailable {
        Unavailable {
            day,
            from: None,
            to: None,
        }
    }

    /// Whether it is the whole day.
    pub fn whole_day(&self) -> bool {
        self.from.is_none() && self.to.is_none()
    }
}

/// The person's pace and availability.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Schedule {
    /// The first day of the plan.
    pub start: Date,
    /// How many steps a week the person wants, 1 to 7.
    pub steps_per_week: u8,
    /// When the person is not available, each week. A step is never due
    /// on a day unavailable as a whole; the times are for the advisor
    /// who makes appointments.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unavailable: Vec<Unavailable>,
}

/// Which days a step may be due on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StepDays {
    /// Any day the person is available: their own steps (getting papers
    /// ready), a line open every day.
    Any,
    /// Working days only: Monday to Friday, French public holidays skipped
    /// ([`Date::is_working_day`]), for a partner that is not open every day.
    Working,
}

impl StepDays {
    /// The days a step with `entry`'s partner may be due on: any day for
    /// the person's own steps and for a line open every day, working days
    /// for every other partner contact.
    pub fn of(kind: ActionKind, entry: Option<&Entry>) -> StepDays {
        match (kind, entry) {
            (ActionKind::GetDocument | ActionKind::Other, _) | (_, None) => StepDays::Any,
            (_, Some(entry)) if entry.access.open_every_day => StepDays::Any,
            _ => StepDays::Working,
        }
    }
}

impl Schedule {
    /// The due dates of steps at this pace, one for each of `steps`, in
    /// order: the `k`-th about `k × 7 / steps_per_week` days after `start`,
    /// moved on to the first day that suits it (a day the person is
    /// available; a working day in `zone` for [`StepDays::Working`]), each
    /// after the one before.
    ///
    /// ```
    /// use passerelle_core::date::{Date, HolidayZone};
    /// use passerelle_core::plan::{Schedule, StepDays};
    /// // From Friday 26 March 2027, two partner contacts a week: not on
    /// // the weekend, nor on Easter Monday (29 March).
    /// let schedule = Schedule {
    ///     start: Date::parse("2027-03-26").unwrap(), steps_per_week: 2, unavailable: vec![],
    /// };
    /// let dates = schedule.due_dates(&[StepDays::Working; 3], HolidayZone::Mainland);
    /// let dates: Vec<String> = dates.iter().map(ToString::to_string).collect();
    /// assert_eq!(dates, ["2027-03-26", "2027-03-30", "2027-04-02"]);
    /// ```
    pub fn due_dates(&self, steps: &[StepDays], zone: HolidayZone) -> Vec<Date> {
        let per_week = i64::from(self.steps_per_week.clamp(1, 7));
        let mut before: Option<Date> = None;
        let mut dates = Vec::with_capacity(steps.len());
        for (k, days) in steps.iter().enumerate() {
            let Some(nominal) = self.start.plus_days(k as i64 * 7 / per_week) else {
                break;
            };
            let from = match before.and_then(|day| day.plus_days(1)) {
                Some(after) if after > nominal => after,
                _ => nominal,
            };
            let date = self.first_day(from, *days, zone);
            dates.push(date);
            before = Some(date);
        }
        dates
    }

    /// The first day from `from` that suits a step: one the person is
    /// available, a working day in `zone` if `days` asks. When none does
    /// within four weeks (a person unavailable every working day), the
    /// first working day; the advisor will arrange the rest.
    pub fn first_day(&self, from: Date, days: StepDays, zone: HolidayZone) -> Date {
        let whole_days: Vec<Weekday> = self
            .unavailable
            .iter()
            .filter(|unavailable| unavailable.whole_day())
            .map(|unavailable| unavailable.day)
            .collect();
        let open = |date: Date| days == StepDays::Any || date.is_working_day(zone);
        let available = |date: Date| !whole_days.contains(&date.weekday());
        let search = |suits: &dyn Fn(Date) -> bool| {
            (0..28)
                .filter_map(|offset| from.plus_days(offset))
                .find(|&date| suits(date))
        };
        search(&|date| open(date) && available(date))
            .or_else(|| search(&open))
            .unwrap_or(from)
    }
}

/// How to reach someone: the advisor (shown on the print view), or the
/// person (shared only on a referral sheet, with their consent).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContactDetails {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisation: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
}

/// A review point ("point d'étape"): what was done, what got stuck and
/// what changed, on a date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Review {
    pub date: Date,
    pub done: String,
    pub stuck: String,
    pub changed: String,
    /// The facts as updated at the review, if they changed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub facts: Option<Facts>,
}

/// The person's consent to share what a partner needs with that partner.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Consent {
    /// The catalogue entry of the partner.
    pub entry: String,
    /// When the person gave it.
    pub date: Date,
}

/// Declares [`Edit`], tagged inside (`{"op": "add_action", …}`), and its
/// twin tagged outside (`{"add_action": {…}}`) that reading goes through:
/// serde reads a type tagged inside by buffering it first, with a copy of
/// the buffering machinery per variant; a type tagged outside is read
/// directly. One list of variants makes both, so they cannot differ.
macro_rules! edits {
    (
        $(#[$doc:meta])*
        pub enum Edit {
            $(
                $(#[$variant_doc:meta])*
                $variant:ident $({ $($field:ident : $ty:ty),* $(,)? })?
            ),* $(,)?
        }
    ) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, Serialize)]
        #[serde(tag = "op", rename_all = "snake_case")]
        pub enum Edit {
            $( $(#[$variant_doc])* $variant $({ $($field: $ty),* })? ),*
        }

        /// [`Edit`] tagged outside, as read.
        #[derive(Deserialize)]
        #[serde(rename_all = "snake_case", deny_unknown_fields)]
        enum EditByOp {
            $( $variant $({ $($field: $ty),* })? ),*
        }

        impl From<EditByOp> for Edit {
            fn from(edit: EditByOp) -> Edit {
                match edit {
                    $( EditByOp::$variant $({ $($field),* })? => Edit::$variant $({ $($field),* })? ),*
                }
            }
        }
    };
}

edits! {
/// One change to a plan. Applied by [`Plan::apply`], and kept as it is
/// in the plan's history.
pub enum Edit {
    /// The plan was built (always the first change).
    Built,
    /// A new objective (its id and actions' ids are given by the plan).
    AddObjective { objective: Objective },
    /// The objective's statement in the person's words (`None` removes it).
    SetStatement {
        objective: String,
        statement: Option<String>,
    },
    /// The objective moves to `position` among the objectives.
    MoveObjective { objective: String, position: usize },
    /// The objective is achieved, dropped or active again.
    SetObjectiveStatus {
        objective: String,
        status: ObjectiveStatus,
    },
    /// A new action at the end of an objective (its id is given by the plan).
    AddAction { objective: String, action: Action },
    /// The action's fields change; its id and status do not.
    ChangeAction { action: Action },
    /// The action moves to `position` within its objective.
    MoveAction { action: String, position: usize },
    /// The action's status changes; `dropped` drops it.
    SetStatus {
        action: String,
        status: ActionStatus,
    },
    /// A review point; with facts, they replace the plan's facts.
    Review { review: Box<Review> },
    /// The date of the next review point.
    SetNextReview { date: Option<Date> },
    /// The advisor's contact details.
    SetAdvisor { advisor: Option<ContactDetails> },
    /// How partners the person consents to can reach them.
    SetPerson { person: Option<ContactDetails> },
    /// The person consents to share with a partner.
    GiveConsent { consent: Consent },
    /// The person withdraws their consent for a partner.
    WithdrawConsent { entry: String },
}
}

/// Reads `{"op": "…", fields…}` as `{"…": {fields…}}`, through [`EditByOp`].
impl<'de> Deserialize<'de> for Edit {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Edit, D::Error> {
        use serde::de::Error;
        let Json::Object(mut fields) = Json::deserialize(deserializer)? else {
            return Err(D::Error::custom("an edit is an object with an \"op\""));
        };
        let Some(Json::String(op)) = fields.remove("op") else {
            return Err(D::Error::custom("missing field `op`"));
        };
        // A variant without fields is read from `null`.
        let payload = if fields.is_empty() && op == "built" {
            Json::Null
        } else {
            Json::Object(fields)
        };
        let mut by_op = serde_json::Map::new();
        by_op.insert(op, payload);
        crate::base::json::read::<EditByOp>(&Json::Object(by_op))
            .map(Edit::from)
            .map_err(D::Error::custom)
    }
}

/// A change as recorded in the history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Change {
    /// 1, 2, 3… in the order made.
    pub number: u32,
    pub date: Date,
    pub by: Author,
    pub edit: Edit,
}

/// The person's choices that the plan is built from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Choices {
    /// The needs to work on (themes of the diagnosis), in the person's order.
    pub needs: Vec<String>,
    /// For a need, the catalogue entries chosen among its orientation
    /// results; without, the best ones found.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub entries: BTreeMap<String, Vec<String>>,
    /// The objective of a need in the person's words.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub statements: BTreeMap<String, String>,
    pub schedule: Schedule,
    /// The language of the texts the plan writes (action titles).
    #[serde(default)]
    pub locale: Locale,
    /// Who builds it: the person alone, or with the advisor.
    #[serde(default = "advisor")]
    pub by: Author,
}

fn advisor() -> Author {
    Author::Advisor
}

impl Choices {
    /// Choices for these needs, from `start`, at the default pace
    /// ([`DEFAULT_STEPS_PER_WEEK`]), any day, in French, built with the
    /// advisor.
    pub fn new(start: Date, needs: Vec<String>) -> Choices {
        Choices {
            needs,
            entries: BTreeMap::new(),
            statements: BTreeMap::new(),
            schedule: Schedule {
                start,
                steps_per_week: DEFAULT_STEPS_PER_WEEK,
                unavailable: Vec::new(),
            },
            locale: Locale::Fr,
            by: Author::Advisor,
        }
    }
}

/// Why a plan could not be built, changed or read. Each has a stable
/// [`code`](Self::code).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlanError {
    /// A need chosen that the diagnosis did not find.
    NeedNotFound { theme: String },
    /// No need to work on.
    NoNeed,
    /// A catalogue entry that does not exist, or does not address the need.
    UnknownEntry { entry: String },
    /// An objective id that the plan does not have.
    UnknownObjective { objective: String },
    /// An action id that the plan does not have.
    UnknownAction { action: String },
    /// A position past the end of the list.
    BadPosition { position: usize },
    /// A pace outside 1 to 7 steps a week.
    BadPace { steps_per_week: u8 },
    /// Times unavailable without both ends, or ending before they start.
    BadTimes,
    /// A text longer than [`MAX_TEXT`] characters, or an empty title or
    /// name.
    BadText { field: &'static str },
    /// A need that is neither a data·inclusion theme nor a category.
    UnknownTheme { theme: String },
    /// A change dated before the last one.
    DateBeforeLastChange { last: Date },
    /// A consent dated after the day of the change that records it.
    ConsentInFuture { date: Date, today: Date },
    /// `Built` can only be the first change.
    AlreadyBuilt,
    /// The file is not a plan: not JSON, or fields wrong or missing.
    Corrupted { detail: String },
    /// A plan of a newer format version than this build reads.
    FutureVersion { version: u64 },
    /// The facts could not be read (a birth date after the date of the plan).
    Facts { detail: String },
    /// A file over a limit of [`crate::base::limits`]: too large, too deep, a
    /// list or a text too long. Its code is the problem's.
    Limit {
        problem: crate::base::problem::Problem,
    },
}

impl PlanError {
    /// Stable code, for programs.
    pub fn code(&self) -> &'static str {
        match self {
            PlanError::NeedNotFound { .. } => "need_not_found",
            PlanError::NoNeed => "no_need",
            PlanError::UnknownEntry { .. } => "unknown_entry",
            PlanError::UnknownObjective { .. } => "unknown_objective",
            PlanError::UnknownAction { .. } => "unknown_action",
            PlanError::BadPosition { .. } => "bad_position",
            PlanError::BadPace { .. } => "bad_pace",
            PlanError::BadTimes => "bad_times",
            PlanError::BadText { .. } => "bad_text",
            PlanError::UnknownTheme { .. } => "unknown_theme",
            PlanError::DateBeforeLastChange { .. } => "date_before_last_change",
            PlanError::ConsentInFuture { .. } => "consent_in_future",
            PlanError::AlreadyBuilt => "already_built",
            PlanError::Corrupted { .. } => "plan_corrupted",
            PlanError::FutureVersion { .. } => "plan_future_version",
            PlanError::Facts { .. } => "facts_unreadable",
            PlanError::Limit { problem } => problem.code,
        }
    }
}

impl std::fmt::Display for PlanError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let code = self.code();
        match self {
            PlanError::NeedNotFound { theme } => {
                write!(f, "{code}: the diagnosis found no need \"{theme}\"")
            }
            PlanError::NoNeed => write!(f, "{code}: choose at least one need to work on"),
            PlanError::UnknownEntry { entry } => write!(
                f,
                "{code}: \"{entry}\" is not a catalogue entry that addresses this need"
            ),
            PlanError::UnknownObjective { objective } => {
                write!(f, "{code}: the plan has no objective \"{objective}\"")
            }
            PlanError::UnknownAction { action } => {
                write!(f, "{code}: the plan has no action \"{action}\"")
            }
            PlanError::BadPosition { position } => {
                write!(f, "{code}: position {position} is past the end of the list")
            }
            PlanError::BadPace { steps_per_week } => write!(
                f,
                "{code}: {steps_per_week} steps a week; choose 1 to 7"
            ),
            PlanError::BadTimes => write!(
                f,
                "{code}: give both times, the first before the second (from 09:00 to 12:00)"
            ),
            PlanError::BadText { field } => write!(
                f,
                "{code}: {field} must be 1 to {MAX_TEXT} characters"
            ),
            PlanError::UnknownTheme { theme } => write!(
                f,
                "{code}: \"{theme}\" is not a data·inclusion theme or category"
            ),
            PlanError::DateBeforeLastChange { last } => {
                write!(f, "{code}: the last change is dated {last}; date this one on or after it")
            }
            PlanError::ConsentInFuture { date, today } => write!(
                f,
                "{code}: a consent dated {date} is recorded on {today}; date it on or before that day"
            ),
            PlanError::AlreadyBuilt => write!(f, "{code}: the plan is built already"),
            PlanError::Corrupted { detail } => write!(f, "{code}: this is not a plan: {detail}"),
            PlanError::FutureVersion { version } => write!(
                f,
                "{code}: plan format version {version} is newer than this build reads ({PLAN_FORMAT_VERSION})"
            ),
            PlanError::Facts { detail } => write!(f, "{code}: {detail}"),
            PlanError::Limit { problem } => write!(f, "{code}: {problem}"),
        }
    }
}

impl std::error::Error for PlanError {}

/// A personalised plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    /// [`PLAN_FORMAT_VERSION`] when written by this build.
    pub format_version: u32,
    /// The language of the texts the plan writes.
    pub locale: Locale,
    pub schedule: Schedule,
    /// What is known of the person, as of the last review.
    pub facts: Facts,
    /// In the order to work on them: urgent needs first.
    pub objectives: Vec<Objective>,
    /// The urgent alerts the diagnosis raised, in the order of
    /// [`UrgentAlert::ALL`](crate::vocabulary::urgent::UrgentAlert::ALL): their contacts stay
    /// in reach on the plan and its print view. Absent when none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub urgent: Vec<crate::vocabulary::urgent::UrgentAlert>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub advisor: Option<ContactDetails>,
    /// How a partner can reach the person: given only on the referral
    /// sheets of partners the person consents to, never in reports.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub person: Option<ContactDetails>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_review: Option<Date>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reviews: Vec<Review>,
    /// Partners the person agreed to share with, and when.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub consents: Vec<Consent>,
    /// Every change, in order; the first is [`Edit::Built`].
    pub history: Vec<Change>,
    /// The number of the last id given to an objective or action.
    last_id: u32,
}

impl Plan {
    /// The need categories (data·inclusion) the plan has no objective in
    /// yet, in the referential's order: what the person may add with
    /// [`Edit::AddObjective`].
    pub fn categories_to_add(&self) -> Vec<&'static str> {
        crate::vocabulary::theme_labels::categories()
            .filter(|category| {
                !self.objectives.iter().any(|objective| {
                    crate::vocabulary::referentials::theme_category(&objective.theme) == *category
                })
            })
            .collect()
    }

    /// Builds the plan from a diagnosis and the person's choices: one
    /// objective per chosen need (urgent needs first, whatever the order
    /// chosen), each with first actions for the catalogue entries chosen
    /// (or the best ones the orientation finds for the need), due at the
    /// person's pace on the days they are available.
    ///
    /// A plan an advisor would sign: each partner once; an emergency line
    /// only under the urgent need that raised it, due the first day; a
    /// few first steps ([`first_steps`]), each need's key step first;
    /// partner contacts on working days, unless the partner is open every
    /// day (`docs/plan-format.md`).
    pub fn build(
        diagnosis: &Diagnosis,
        catalogue: &Catalogue,
        choices: &Choices,
    ) -> Result<Plan, PlanError> {
        check_schedule(&choices.schedule)?;
        if choices.needs.is_empty() {
            return Err(PlanError::NoNeed);
        }
        let mut needs: Vec<&crate::questionnaire::diagnosis::FoundNeed> = Vec::new();
        for theme in &choices.needs {
            let need = diagnosis
                .needs
                .iter()
                .find(|need| need.theme == *theme)
                .ok_or_else(|| PlanError::NeedNotFound {
                    theme: theme.clone(),
                })?;
            if !needs.contains(&need) {
                needs.push(need);
            }
        }
        // Urgent needs first, whatever the order chosen (stable: the
        // person's order within each).
        crate::base::sort::sort_by_key(&mut needs, |need| need.priority != Priority::Urgent);
        for statement in choices.statements.values() {
            check_text(statement, "statement")?;
        }
        let mut plan = Plan {
            format_version: PLAN_FORMAT_VERSION,
            locale: choices.locale,
            schedule: choices.schedule.clone(),
            facts: diagnosis.facts.clone(),
            objectives: Vec::new(),
            urgent: diagnosis.urgent.iter().map(|raised| raised.alert).collect(),
            advisor: None,
            person: None,
            next_review: None,
            reviews: Vec::new(),
            consents: Vec::new(),
            history: Vec::new(),
            last_id: 0,
        };
        let orientation_needs: Vec<Need> = needs
            .iter()
            .map(|need| diagnosis.orientation_need(need))
            .collect();
        let orientation = orient(
            catalogue,
            &Request {
                facts: &diagnosis.facts,
                needs: &orientation_needs,
                reference_date: choices.schedule.start,
                locale: choices.locale,
                explain: false,
            },
        )
        .map_err(|problem| PlanError::Facts {
            detail: problem.to_string(),
        })?;
        // The entries each need offers for the first steps, in the order
        // of the proposals.
        let mut candidates: Vec<Vec<Candidate>> = Vec::with_capacity(needs.len());
        for need in &needs {
            // Copies of one need collapse in the orientation: found by theme.
            let Some(found) = orientation.of_need(&need.theme) else {
                return Err(PlanError::NeedNotFound {
                    theme: need.theme.clone(),
                });
            };
            // What an advisor turns into first steps: the emergency lines
            // and key steps that lead, then the best, up to PROPOSALS_PER_NEED.
            let addressing = found
                .actionable()
                .enumerate()
                .take_while(|(i, proposal)| {
                    *i < PROPOSALS_PER_NEED || proposal.emergency || proposal.key
                })
                .map(|(_, proposal)| proposal.id);
            let entries: Vec<&str> = match choices.entries.get(&need.theme) {
                Some(chosen) => {
                    for entry in chosen {
                        let serves = |id: &str| id == entry;
                        if !found.proposals.iter().any(|p| serves(p.id))
                            && !found.see_also.iter().any(|p| serves(p.id))
                        {
                            return Err(PlanError::UnknownEntry {
                                entry: entry.clone(),
                            });
                        }
                    }
                    chosen.iter().map(String::as_str).collect()
                }
                None => addressing.collect(),
            };
            // The orientation proposes each entry once, and an emergency
            // line only under an urgent need whose alert calls for it; the
            // plan keeps each partner once (the person may choose one for
            // two needs), and an emergency line the person chose only where
            // the orientation proposes it.
            let chosen = choices.entries.contains_key(&need.theme);
            let mut offered = Vec::new();
            for entry in entries.iter().filter_map(|entry| catalogue.entry(entry)) {
                let planned = candidates
                    .iter()
                    .flatten()
                    .any(|candidate: &Candidate| candidate.entry.id == entry.id);
                let line_not_proposed =
                    || entry.urgent && !found.actionable().any(|p| p.id == entry.id);
                if planned || line_not_proposed() {
                    continue;
                }
                offered.push(Candidate {
                    entry,
                    kept_anyway: entry.urgent || chosen,
                });
            }
            candidates.push(offered);
        }
        let first = choose_first_steps(&candidates, first_steps(choices.schedule.steps_per_week));
        let mut steps: Vec<(String, Step)> = Vec::new();
        for (index, need) in needs.iter().enumerate() {
            let id = plan.next_id('o');
            let mut actions = Vec::new();
            for (at, candidate) in candidates[index].iter().enumerate() {
                let Some(order) = first.iter().position(|&kept| kept == (index, at)) else {
                    continue;
                };
                let entry = candidate.entry;
                let when = if entry.urgent {
                    When::FirstDay
                } else if need.priority == Priority::Urgent {
                    When::FirstSuitableDay
                } else {
                    When::Paced(order)
                };
                let made = plan.documents_action(entry).into_iter();
                for mut action in made.chain(std::iter::once(plan.contact_action(entry))) {
                    action.id = plan.next_id('a');
                    let days = StepDays::of(action.kind, Some(entry));
                    steps.push((action.id.clone(), Step { when, days }));
                    actions.push(action);
                }
            }
            plan.objectives.push(Objective {
                id,
                theme: need.theme.clone(),
                priority: need.priority,
                statement: choices.statements.get(&need.theme).cloned(),
                status: ObjectiveStatus::Active,
                actions,
            });
        }
        plan.date_first_steps(steps);
        plan.history.push(Change {
            number: 1,
            date: choices.schedule.start,
            by: choices.by,
            edit: Edit::Built,
        });
        Ok(plan)
    }

    /// The next id with this prefix (`o` objective, `a` action).
    fn next_id(&mut self, prefix: char) -> String {
        self.last_id += 1;
        format!("{prefix}{}", self.last_id)
    }

    /// A first action for a catalogue entry: contact its partner, with
    /// the contact details copied from the catalogue. Without an id: the
    /// plan gives it when the action is added.
    fn contact_action(&self, entry: &crate::catalogue::Entry) -> Action {
        let name = entry.name.get(self.locale).to_owned();
        let access = &entry.access;
        Action {
            id: String::new(),
            kind: ActionKind::ContactPartner,
            title: contact_title(entry, self.locale),
            entry: Some(entry.id.clone()),
            contact: Some(PartnerContact {
                name,
                phone: access.phone.clone(),
                email: access.email.clone(),
                url: access.url.clone(),
                details: access
                    .details
                    .as_ref()
                    .map(|details| details.get(self.locale).to_owned()),
            }),
            actor: Actor::Person,
            due: None,
            status: ActionStatus::Planned,
            notes: None,
        }
    }

    /// An action to get ready the documents the entry's partner usually
    /// asks for, if its catalogue entry lists them. Without an id.
    fn documents_action(&self, entry: &crate::catalogue::Entry) -> Option<Action> {
        Some(Action {
            id: String::new(),
            kind: ActionKind::GetDocument,
            title: documents_title(entry, self.locale)?,
            entry: Some(entry.id.clone()),
            contact: None,
            actor: Actor::Person,
            due: None,
            status: ActionStatus::Planned,
            notes: None,
        })
    }

    /// Where the person lives, for public holidays: the department of
    /// the plan's facts at its start.
    fn holiday_zone(&self) -> HolidayZone {
        let facts = self.facts.resolve(self.schedule.start).ok();
        let department = match facts.as_ref().and_then(|facts| facts.get(Fact::Department)) {
            Some(Value::Text(code)) => Some(code.as_str()),
            _ => None,
        };
        HolidayZone::of_department(department)
    }

    /// Dates the first steps (action ids, with when and on which days
    /// each may be due): an emergency line on the plan's first day,
    /// whatever day it is; the other steps of an urgent need on the first
    /// day that suits them; the rest at the person's pace, in the order
    /// given (each need's key step first), from the day after the urgent
    /// ones.
    fn date_first_steps(&mut self, steps: Vec<(String, Step)>) {
        let zone = self.holiday_zone();
        let start = self.schedule.start;
        let mut dates: Vec<(String, Date)> = Vec::with_capacity(steps.len());
        for (id, step) in &steps {
            match step.when {
                When::FirstDay => dates.push((id.clone(), start)),
                When::FirstSuitableDay => {
                    dates.push((id.clone(), self.schedule.first_day(start, step.days, zone)));
                }
                When::Paced(_) => {}
            }
        }
        // The paced steps in the order taken, round by round (stable: a
        // partner's papers before its contact).
        let mut paced: Vec<&(String, Step)> = steps
            .iter()
            .filter(|(_, step)| matches!(step.when, When::Paced(_)))
            .collect();
        crate::base::sort::sort_by_key(&mut paced, |(_, step)| match step.when {
            When::Paced(order) => order,
            _ => 0,
        });
        // The day of urgent steps is theirs: the others start after it.
        let after_urgent = (dates.iter().map(|(_, date)| *date).max())
            .and_then(|last| last.plus_days(1))
            .unwrap_or(start);
        let schedule = Schedule {
            start: after_urgent,
            ..self.schedule.clone()
        };
        let days: Vec<StepDays> = paced.iter().map(|(_, step)| step.days).collect();
        let due = schedule.due_dates(&days, zone);
        dates.extend(paced.iter().map(|(id, _)| id.clone()).zip(due));
        for action in self
            .objectives
            .iter_mut()
            .flat_map(|objective| &mut objective.actions)
        {
            if let Some((_, date)) = dates.iter().find(|(id, _)| *id == action.id) {
                action.due = Some(*date);
            }
        }
    }

    /// The date to give a change made on `today`: `today`, or the date of
    /// the plan's last change when that is later (a device whose clock
    /// ran ahead once, a time zone far east then far west), so that the
    /// plan stays editable. [`apply`](Self::apply) keeps refusing a date
    /// before the last change from callers that give their own.
    pub fn change_date(&self, today: Date) -> Date {
        self.history
            .last()
            .map_or(today, |last| last.date.max(today))
    }

    /// Applies a change made by `by` on `date`, and records it.
    ///
    /// A new objective or action gets its id from the plan (the ids in the
    /// edit are replaced); the history records the edit as applied.
    pub fn apply(&mut self, mut edit: Edit, by: Author, date: Date) -> Result<(), PlanError> {
        if let Some(last) = self.history.last() {
            if date < last.date {
                return Err(PlanError::DateBeforeLastChange { last: last.date });
            }
        }
        match &mut edit {
            Edit::Built => return Err(PlanError::AlreadyBuilt),
            Edit::AddObjective { objective } => {
                if !crate::vocabulary::theme_labels::is_need(&objective.theme) {
                    return Err(PlanError::UnknownTheme {
                        theme: objective.theme.clone(),
                    });
                }
                if let Some(statement) = &objective.statement {
                    check_text(statement, "statement")?;
                }
                for action in &objective.actions {
                    check_action(action)?;
                }
                objective.id = self.next_id('o');
                for action in &mut objective.actions {
                    action.id = self.next_id('a');
                }
                self.objectives.push(objective.clone());
            }
            Edit::SetStatement {
                objective,
                statement,
            } => {
                if let Some(statement) = statement {
                    check_text(statement, "statement")?;
                }
                self.objective_mut(objective)?.statement = statement.clone();
            }
            Edit::MoveObjective {
                objective,
                position,
            } => {
                let from = self.objective_position(objective)?;
                move_item(&mut self.objectives, from, *position)?;
            }
            Edit::SetObjectiveStatus { objective, status } => {
                self.objective_mut(objective)?.status = *status;
            }
            Edit::AddAction { objective, action } => {
                check_action(action)?;
                let index = self.objective_position(objective)?;
                action.id = self.next_id('a');
                self.objectives[index].actions.push(action.clone());
            }
            Edit::ChangeAction { action } => {
                check_action(action)?;
                let current = self.action_mut(&action.id.clone())?;
                // The status changes only through `SetStatus`.
                action.status = current.status;
                *current = action.clone();
            }
            Edit::MoveAction { action, position } => {
                let (objective, from) = self.action_position(action)?;
                move_item(&mut self.objectives[objective].actions, from, *position)?;
            }
            Edit::SetStatus { action, status } => {
                self.action_mut(action)?.status = *status;
            }
            Edit::Review { review } => {
                for text in [&review.done, &review.stuck, &review.changed] {
                    if text.chars().count() > MAX_TEXT {
                        return Err(PlanError::BadText { field: "review" });
                    }
                }
                if let Some(facts) = &review.facts {
                    self.facts = facts.clone();
                }
                self.reviews.push((**review).clone());
            }
            Edit::SetNextReview { date } => self.next_review = *date,
            Edit::SetAdvisor { advisor } => {
                advisor.iter().try_for_each(check_contact)?;
                self.advisor = advisor.clone();
            }
            Edit::SetPerson { person } => {
                person.iter().try_for_each(check_contact)?;
                self.person = person.clone();
            }
            Edit::GiveConsent { consent } if consent.date > date => {
                return Err(PlanError::ConsentInFuture {
                    date: consent.date,
                    today: date,
                });
            }
            Edit::GiveConsent { consent } => {
                self.consents.retain(|given| given.entry != consent.entry);
                self.consents.push(consent.clone());
            }
            Edit::WithdrawConsent { entry } => self.consents.retain(|given| given.entry != *entry),
        }
        let number = self.history.len() as u32 + 1;
        self.history.push(Change {
            number,
            date,
            by,
            edit,
        });
        Ok(())
    }

    /// New actions worth proposing at a review, with the facts as they are
    /// now: for each active objective, the catalogue entries that address
    /// its need, are not ruled out, and have no action in the plan yet.
    /// Add the ones the person wants with [`Edit::AddAction`].
    pub fn proposals(
        &self,
        catalogue: &Catalogue,
        facts: &Facts,
        date: Date,
    ) -> Result<Vec<(String, Action)>, PlanError> {
        let active: Vec<&Objective> = self
            .objectives
            .iter()
            .filter(|objective| objective.status == ObjectiveStatus::Active)
            .collect();
        let needs: Vec<Need> = active
            .iter()
            .map(|objective| Need::new(&objective.theme, objective.priority))
            .collect();
        let orientation = orient(
            catalogue,
            &Request {
                facts,
                needs: &needs,
                reference_date: date,
                locale: self.locale,
                explain: false,
            },
        )
        .map_err(|problem| PlanError::Facts {
            detail: problem.to_string(),
        })?;
        let planned: Vec<&str> = self
            .objectives
            .iter()
            .flat_map(|objective| &objective.actions)
            .filter_map(|action| action.entry.as_deref())
            .collect();
        let mut proposals = Vec::new();
        let mut proposed: Vec<&str> = Vec::new();
        for objective in active {
            // Two objectives of one need share its orientation (its copies
            // collapse): its entries are proposed once, under the first.
            let Some(found) = orientation.of_need(&objective.theme) else {
                continue;
            };
            // Not what the person has (never among the proposals), nor an
            // emergency line weeks later.
            let fresh = found
                .actionable()
                .filter(|proposal| !proposal.emergency)
                .filter(|proposal| !planned.contains(&proposal.id))
                .filter(|proposal| !proposed.contains(&proposal.id))
                .take(PROPOSALS_PER_NEED)
                .collect::<Vec<_>>();
            for proposal in fresh {
                if let Some(entry) = catalogue.entry(proposal.id) {
                    proposed.push(proposal.id);
                    proposals.push((objective.id.clone(), self.contact_action(entry)));
                }
            }
        }
        Ok(proposals)
    }

    /// The objective with this id.
    pub fn objective(&self, id: &str) -> Option<&Objective> {
        self.objectives.iter().find(|objective| objective.id == id)
    }

    /// The action with this id.
    pub fn action(&self, id: &str) -> Option<&Action> {
        self.objectives
            .iter()
            .flat_map(|objective| &objective.actions)
            .find(|action| action.id == id)
    }

    /// The actions still to do (planned or in progress), by due date.
    pub fn next_steps(&self) -> Vec<&Action> {
        let mut steps: Vec<&Action> = self
            .objectives
            .iter()
            .filter(|objective| objective.status == ObjectiveStatus::Active)
            .flat_map(|objective| &objective.actions)
            .filter(|action| {
                matches!(
                    action.status,
                    ActionStatus::Planned | ActionStatus::InProgress
                )
            })
            .collect();
        crate::base::sort::sort_by_key(&mut steps, |action| action.due);
        steps
    }

    /// The consent given for a partner, if any.
    pub fn consent(&self, entry: &str) -> Option<&Consent> {
        self.consents.iter().find(|consent| consent.entry == entry)
    }

    fn objective_position(&self, id: &str) -> Result<usize, PlanError> {
        self.objectives
            .iter()
            .position(|objective| objective.id == id)
            .ok_or_else(|| PlanError::UnknownObjective {
                objective: id.to_owned(),
            })
    }

    fn objective_mut(&mut self, id: &str) -> Result<&mut Objective, PlanError> {
        let index = self.objective_position(id)?;
        Ok(&mut self.objectives[index])
    }

    fn action_position(&self, id: &str) -> Result<(usize, usize), PlanError> {
        self.objectives
            .iter()
            .enumerate()
            .find_map(|(o, objective)| {
                let a = objective
                    .actions
                    .iter()
                    .position(|action| action.id == id)?;
                Some((o, a))
            })
            .ok_or_else(|| PlanError::UnknownAction {
                action: id.to_owned(),
            })
    }

    fn action_mut(&mut self, id: &str) -> Result<&mut Action, PlanError> {
        let (objective, action) = self.action_position(id)?;
        Ok(&mut self.objectives[objective].actions[action])
    }

    /// The plan as versioned JSON.
    pub fn to_json(&self) -> String {
        // Plain data of strings, numbers and dates: it always serialises.
        crate::base::json::write_pretty(self)
    }

    /// Reads a plan exported by [`to_json`](Self::to_json). A plan of a
    /// newer format version, or a file that is not a plan, is refused.
    pub fn from_json(json: &str) -> Result<Plan, PlanError> {
        let corrupted = |detail: String| PlanError::Corrupted { detail };
        crate::base::limits::check_text(json).map_err(|problem| PlanError::Limit { problem })?;
        let value = crate::base::json::parse(json).map_err(|e| corrupted(e.to_string()))?;
        Plan::from_value(value)
    }

    /// Reads a plan already parsed, within the limits (a plan of a
    /// caseload, [`crate::caseload`]): every check of
    /// [`from_json`](Self::from_json) after parsing.
    pub(crate) fn from_value(value: Json) -> Result<Plan, PlanError> {
        let corrupted = |detail: String| PlanError::Corrupted { detail };
        let version = value
            .get("format_version")
            .and_then(Json::as_u64)
            .ok_or_else(|| corrupted("no format_version".into()))?;
        if version > u64::from(PLAN_FORMAT_VERSION) {
            return Err(PlanError::FutureVersion { version });
        }
        let mut value = migrate(value, version)?;
        rename_entries(&mut value);
        let plan: Plan = crate::base::json::read(&value).map_err(|e| corrupted(e.to_string()))?;
        plan.check().map_err(corrupted)?;
        Ok(plan)
    }

    /// What a plan read from a file must hold to be used: ids unique and
    /// below the last one given, a history that starts with `Built` and
    /// is numbered and dated in order, no consent dated after it was
    /// recorded.
    fn check(&self) -> Result<(), String> {
        let mut ids = std::collections::BTreeSet::new();
        let all_ids = self.objectives.iter().flat_map(|objective| {
            std::iter::once(objective.id.as_str())
                .chain(objective.actions.iter().map(|action| action.id.as_str()))
        });
        for id in all_ids {
            let number: Option<u32> = id.get(1..).and_then(|n| n.parse().ok());
            if !number.is_some_and(|n| n >= 1 && n <= self.last_id) || !ids.insert(id) {
                return Err(format!("id \"{id}\" is unknown or repeated"));
            }
        }
        if self.history.first().map(|change| &change.edit) != Some(&Edit::Built) {
            return Err("the history does not start with the plan being built".into());
        }
        for (i, pair) in self.history.windows(2).enumerate() {
            if pair[1].date < pair[0].date {
                return Err(format!(
                    "change {} is dated before the one before it",
                    i + 2
                ));
            }
        }
        if self
            .history
            .iter()
            .enumerate()
            .any(|(i, change)| change.number as usize != i + 1)
        {
            return Err("the history is not numbered 1, 2, 3…".into());
        }
        // A consent is given on or before the day it is recorded.
        let last = self.history.last().map(|change| change.date);
        let recorded_later = self.history.iter().any(|change| {
            matches!(&change.edit, Edit::GiveConsent { consent } if consent.date > change.date)
        });
        if recorded_later || self.consents.iter().any(|c| Some(c.date) > last) {
            return Err("a consent is dated after the change that records it".into());
        }
        check_schedule(&self.schedule).map_err(|error| error.to_string())
    }
}

/// Brings a plan of an older format version to this one, one version at
/// a time; a version 0 (or none) never existed.
fn migrate(mut value: Json, version: u64) -> Result<Json, PlanError> {
    if version == 0 {
        return Err(PlanError::Corrupted {
            detail: "format version 0 never existed".into(),
        });
    }
    if version < 2 {
        value = from_version_1(value);
    }
    Ok(value)
}

/// Version 1 → 2: whole days unavailable (`unavailable_days: ["monday"]`)
/// become `unavailable: [{"day": "monday"}]`.
fn from_version_1(mut value: Json) -> Json {
    if let Some(schedule) = value.get_mut("schedule").and_then(Json::as_object_mut) {
        if let Some(days) = schedule.remove("unavailable_days") {
            let unavailable: Vec<Json> = match days {
                Json::Array(days) => days
                    .into_iter()
                    .map(|day| serde_json::json!({ "day": day }))
                    .collect(),
                // Not a list: left for the format checks to refuse.
                other => vec![other],
            };
            schedule.insert("unavailable".into(), Json::Array(unavailable));
        }
    }
    value["format_version"] = Json::from(2);
    value
}

/// Every entry a saved plan names (its actions', its consents', its
/// history's: each `"entry"`) by the id of today when the catalogue renamed
/// it ([`crate::catalogue::RENAMED_ENTRIES`]), so that the plan still finds
/// its partner, its referral sheet and its consents.
fn rename_entries(value: &mut Json) {
    match value {
        Json::Object(fields) => {
            for (key, inner) in fields.iter_mut() {
                match inner {
                    Json::String(id) if key == "entry" => {
                        if let Some(today) = crate::catalogue::renamed_entry(id) {
                            *id = today.to_owned();
                        }
                    }
                    _ => rename_entries(inner),
                }
            }
        }
        Json::Array(items) => items.iter_mut().for_each(rename_entries),
        _ => {}
    }
}

/// A catalogue entry a need offers for the first steps.
struct Candidate<'c> {
    entry: &'c Entry,
    /// An emergency line, or an entry the person chose: kept whatever the
    /// number of first steps.
    kept_anyway: bool,
}

impl Candidate<'_> {
    /// How many steps it makes: its contact, and its papers first if the
    /// partner lists them.
    fn steps(&self) -> usize {
        1 + usize::from(!self.entry.documents.is_empty())
    }
}

/// When a first step is due.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum When {
    /// The plan's first day, whatever day it is: an emergency line.
    FirstDay,
    /// The first day from the start that suits it: another step of an
    /// urgent need.
    FirstSuitableDay,
    /// At the person's pace; the number orders the steps (each need's
    /// first proposal, then each need's second…).
    Paced(usize),
}

/// A first step to date.
#[derive(Debug, Clone, Copy)]
struct Step {
    when: When,
    days: StepDays,
}

/// The candidates a first plan keeps, as (need, candidate) positions in
/// the order their steps are dated: round by round, each need's next
/// proposal (its key step first); emergency lines and entries the person
/// chose always, the others while their steps fit in `budget`.
fn choose_first_steps(candidates: &[Vec<Candidate>], budget: usize) -> Vec<(usize, usize)> {
    let mut left = budget;
    let mut chosen = Vec::new();
    let rounds = candidates.iter().map(Vec::len).max().unwrap_or(0);
    for round in 0..rounds {
        for (need, offered) in candidates.iter().enumerate() {
            let Some(candidate) = offered.get(round) else {
                continue;
            };
            let counted = if candidate.entry.urgent {
                0
            } else {
                candidate.steps()
            };
            if candidate.kept_anyway || counted <= left {
                left = left.saturating_sub(counted);
                chosen.push((need, round));
            }
        }
    }
    chosen
}

fn check_pace(steps_per_week: u8) -> Result<(), PlanError> {
    if (1..=7).contains(&steps_per_week) {
        Ok(())
    } else {
        Err(PlanError::BadPace { steps_per_week })
    }
}

/// A pace of 1 to 7 steps a week, and times unavailable given both, the
/// first before the second.
fn check_schedule(schedule: &Schedule) -> Result<(), PlanError> {
    check_pace(schedule.steps_per_week)?;
    for unavailable in &schedule.unavailable {
        match (unavailable.from, unavailable.to) {
            (None, None) => {}
            (Some(from), Some(to)) if from < to => {}
            _ => return Err(PlanError::BadTimes),
        }
    }
    Ok(())
}

fn check_text(text: &str, field: &'static str) -> Result<(), PlanError> {
    let length = text.chars().count();
    if length == 0 || length > MAX_TEXT {
        Err(PlanError::BadText { field })
    } else {
        Ok(())
    }
}

fn check_action(action: &Action) -> Result<(), PlanError> {
    check_text(&action.title, "title")?;
    if let Some(notes) = &action.notes {
        check_text(notes, "notes")?;
    }
    Ok(())
}

/// A name is needed; every detail given is a text of 1 to [`MAX_TEXT`]
/// characters.
fn check_contact(contact: &ContactDetails) -> Result<(), PlanError> {
    check_text(&contact.name, "name")?;
    for (detail, field) in [
        (&contact.organisation, "organisation"),
        (&contact.phone, "phone"),
        (&contact.email, "email"),
    ] {
        if let Some(detail) = detail {
            check_text(detail, field)?;
        }
    }
    Ok(())
}

fn move_item<T>(items: &mut Vec<T>, from: usize, to: usize) -> Result<(), PlanError> {
    if to >= items.len() {
        return Err(PlanError::BadPosition { position: to });
    }
    let item = items.remove(from);
    items.insert(to, item);
    Ok(())
}

/// The title the plan gives the first action for a catalogue entry:
/// contact its partner ("Contacter : Mission locale").
fn contact_title(entry: &crate::catalogue::Entry, locale: Locale) -> String {
    PlanMessage::ContactPartnerAction {
        name: entry.name.get(locale),
    }
    .text(locale)
}

/// The title of the action to get ready the documents the entry's
/// partner usually asks for, if its catalogue entry lists them.
fn documents_title(entry: &crate::catalogue::Entry, locale: Locale) -> Option<String> {
    if entry.documents.is_empty() {
        return None;
    }
    let documents: Vec<&str> = entry
        .documents
        .iter()
        .map(|document| document.get(locale))
        .collect();
    Some(
        PlanMessage::PrepareDocuments {
            name: entry.name.get(locale),
            documents: &documents.join(", "),
        }
        .text(locale),
    )
}

/// The title the plan itself gave `action` in `locale`, for the actions it
/// writes for a catalogue entry of `catalogue` (contact the partner, get
/// the documents ready): to say such an action again in another language,
/// as the partner's French copy of a referral sheet does. `None` for an
/// action the plan did not write this way.
pub fn generated_title(
    action: &Action,
    catalogue: &crate::catalogue::Catalogue,
    locale: Locale,
) -> Option<String> {
    let entry = catalogue.entry(action.entry.as_deref()?)?;
    match action.kind {
        ActionKind::ContactPartner => Some(contact_title(entry, locale)),
        ActionKind::GetDocument => documents_title(entry, locale),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::questionnaire::diagnosis::{RaisedAlert, UrgentAlert};

    #[test]
    fn names_are_the_json_names() {
        for status in ActionStatus::ALL {
            assert_eq!(
                crate::base::json::write(&status),
                format!("\"{}\"", status.name())
            );
        }
        for actor in [Actor::Person, Actor::Advisor, Actor::Partner] {
            assert_eq!(
                crate::base::json::write(&actor),
                format!("\"{}\"", actor.name())
            );
        }
    }
    use crate::questionnaire::diagnosis::FoundNeed;

    #[test]
    fn edits_are_read_tagged_inside_and_only_with_their_fields() {
        let read = |text: &str| crate::base::json::read_text::<Edit>(text);
        for edit in [
            Edit::Built,
            Edit::SetStatus {
                action: "a1".into(),
                status: ActionStatus::Done,
            },
            Edit::SetNextReview { date: None },
            Edit::WithdrawConsent { entry: "x".into() },
        ] {
            let text = crate::base::json::write(&edit);
            assert!(text.starts_with(r#"{"op":"#), "{text}");
            assert_eq!(read(&text).unwrap(), edit);
        }
        for (wrong, says) in [
            (r#"{"op": "built", "extra": 1}"#, "invalid type"),
            (
                r#"{"op": "set_status", "action": "a1", "status": "done", "x": 1}"#,
                "unknown field `x`",
            ),
            (
                r#"{"op": "set_status", "action": "a1"}"#,
                "missing field `status`",
            ),
            (
                r#"{"op": "paint_it_blue"}"#,
                "unknown variant `paint_it_blue`",
            ),
            (r#"{"action": "a1"}"#, "missing field `op`"),
            (r#"{"op": 3}"#, "missing field `op`"),
            (r#"["set_status"]"#, "an edit is an object"),
        ] {
            let error = read(wrong).unwrap_err().to_string();
            assert!(error.contains(says), "{wrong}: {error}");
        }
    }

    fn date(text: &str) -> Date {
        Date::parse(text).unwrap()
    }

    fn need(theme: &str, priority: Priority) -> FoundNeed {
        FoundNeed {
            theme: theme.into(),
            label: theme.into(),
            priority,
            rank: None,
            raised_by: vec![],
        }
    }

    /// A 19-year-old in Seine-Saint-Denis, neither working nor studying,
    /// with no place to sleep tonight.
    fn diagnosis() -> Diagnosis {
        let shelter = UrgentAlert::Shelter;
        Diagnosis {
            questionnaire_id: "passerelle-default".into(),
            reference_date: date("2026-11-27"),
            facts: Facts::from_json(
                r#"{"age": 19, "postal_code": "93200", "employment_status": "inactive",
                    "housing": "homeless"}"#,
            )
            .unwrap(),
            urgent: vec![RaisedAlert {
                alert: shelter,
                text: shelter.text(Locale::Fr),
                contacts: shelter.contacts(Locale::Fr),
                raised_by: vec![],
            }],
            needs: vec![
                need("trouver-un-emploi", Priority::High),
                need("se-former", Priority::Normal),
                need(
                    "logement-hebergement--rechercher-une-solution-dhebergement-temporaire",
                    Priority::Urgent,
                ),
            ],
            ranked_by_person: false,
        }
    }

    fn built(choices: &Choices) -> Plan {
        Plan::build(&diagnosis(), &Catalogue::national(), choices).unwrap()
    }

    fn choices(needs: &[&str]) -> Choices {
        Choices::new(
            date("2026-11-27"),
            needs.iter().map(|need| need.to_string()).collect(),
        )
    }

    #[test]
    fn urgent_needs_come_first_and_are_due_at_once() {
        let plan = built(&choices(&[
            "se-former",
            "logement-hebergement--rechercher-une-solution-dhebergement-temporaire",
            "trouver-un-emploi",
        ]));
        let themes: Vec<&str> = plan.objectives.iter().map(|o| o.theme.as_str()).collect();
        assert_eq!(
            themes,
            [
                "logement-hebergement--rechercher-une-solution-dhebergement-temporaire",
                "se-former",
                "trouver-un-emploi"
            ]
        );
        let shelter = &plan.objectives[0].actions[0];
        assert_eq!(shelter.entry.as_deref(), Some("urgence-115"));
        assert_eq!(shelter.due, Some(date("2026-11-27")));
        assert_eq!(
            shelter.contact.as_ref().and_then(|c| c.phone.as_deref()),
            Some("115")
        );
        assert_eq!(plan.history.len(), 1);
        assert_eq!(plan.history[0].edit, Edit::Built);
    }

    #[test]
    fn steps_follow_the_pace_and_skip_unavailable_days() {
        // Friday 27 November 2026; one step a week, never on Fridays.
        let schedule = Schedule {
            start: date("2026-11-27"),
            steps_per_week: 1,
            unavailable: vec![Unavailable::day(Weekday::Friday)],
        };
        let dates = |schedule: &Schedule, days: StepDays, count: usize| -> Vec<String> {
            let steps = vec![days; count];
            (schedule.due_dates(&steps, HolidayZone::Mainland).iter())
                .map(ToString::to_string)
                .collect()
        };
        // The person's own steps may fall on a Saturday…
        assert_eq!(
            dates(&schedule, StepDays::Any, 3),
            ["2026-11-28", "2026-12-05", "2026-12-12"]
        );
        // …a partner is called on a working day.
        assert_eq!(
            dates(&schedule, StepDays::Working, 3),
            ["2026-11-30", "2026-12-07", "2026-12-14"]
        );
        let schedule = Schedule {
            steps_per_week: 7,
            unavailable: vec![
                Unavailable::day(Weekday::Saturday),
                Unavailable::day(Weekday::Sunday),
                Unavailable {
                    day: Weekday::Monday,
                    from: TimeOfDay::parse("09:00"),
                    to: TimeOfDay::parse("12:00"),
                },
            ],
            ..schedule
        };
        let days: Vec<Weekday> = (schedule.due_dates(&[StepDays::Any; 7], HolidayZone::Mainland))
            .iter()
            .map(|d| d.weekday())
            .collect();
        assert!(days
            .iter()
            .all(|day| !matches!(day, Weekday::Saturday | Weekday::Sunday)));
        let mut choices = choices(&["trouver-un-emploi", "se-former"]);
        choices.schedule.steps_per_week = 1;
        let plan = built(&choices);
        let mut dues: Vec<Date> = plan
            .objectives
            .iter()
            .flat_map(|o| &o.actions)
            .filter_map(|a| a.due)
            .collect();
        dues.sort();
        assert!(dues.len() >= 2);
        // One a week: the k-th in the k-th week from the start, on a
        // working day (the plan starts on a Friday).
        for (k, due) in dues.iter().enumerate() {
            let days = date("2026-11-27").days_until(*due);
            assert!((7 * k as i64..7 * k as i64 + 7).contains(&days), "{dues:?}");
            assert!(due.is_working_day(HolidayZone::Mainland), "{due}");
        }
    }

    #[test]
    fn the_person_chooses_the_entries_and_their_words() {
        let mut choices = choices(&["trouver-un-emploi"]);
        choices
            .entries
            .insert("trouver-un-emploi".into(), vec!["mission-locale".into()]);
        choices.statements.insert(
            "trouver-un-emploi".into(),
            "Travailler dans la logistique".into(),
        );
        let plan = built(&choices);
        let objective = &plan.objectives[0];
        assert_eq!(
            objective.statement.as_deref(),
            Some("Travailler dans la logistique")
        );
        let entries: Vec<_> = objective
            .actions
            .iter()
            .map(|a| a.entry.as_deref())
            .collect();
        assert_eq!(entries, [Some("mission-locale")]);
        assert_eq!(
            objective.actions[0].title,
            "Contacter\u{a0}: Mission locale"
        );
    }

    #[test]
    fn documents_the_partner_asks_for_come_first() {
        let mut json: Json =
            serde_json::from_str(include_str!("../../data/catalogue.json")).unwrap();
        for entry in json["entries"].as_array_mut().unwrap() {
            if entry["id"] == "mission-locale" {
                entry["documents"] = serde_json::json!([
                    {"fr": "une pièce d’identité", "en": "an identity document"},
                    {"fr": "un justificatif de domicile", "en": "a proof of address"}
                ]);
            }
        }
        let catalogue = Catalogue::from_json(&json.to_string()).unwrap();
        let mut choices = choices(&["trouver-un-emploi"]);
        choices
            .entries
            .insert("trouver-un-emploi".into(), vec!["mission-locale".into()]);
        let plan = Plan::build(&diagnosis(), &catalogue, &choices).unwrap();
        let actions = &plan.objectives[0].actions;
        assert_eq!(actions.len(), 2);
        assert_eq!(actions[0].kind, ActionKind::GetDocument);
        assert_eq!(
            actions[0].title,
            "Préparer les papiers pour Mission locale\u{a0}: une pièce d’identité, un justificatif de domicile"
        );
        assert_eq!(actions[1].kind, ActionKind::ContactPartner);
        assert!(actions[0].due < actions[1].due);
        // Entries without documents get no such step.
        let plan = built(&choices);
        assert_eq!(plan.objectives[0].actions.len(), 1);
    }

    #[test]
    fn a_saved_plan_naming_a_renamed_entry_reads_with_its_id_of_today() {
        let mut plan = built(&choices(&["trouver-un-emploi"]));
        let day = date("2026-11-30");
        plan.apply(
            Edit::GiveConsent {
                consent: Consent {
                    entry: "mission-locale".into(),
                    date: day,
                },
            },
            Author::Person,
            day,
        )
        .unwrap();
        // A plan saved before the CMG took the id paje-cmg.
        let saved = plan
            .to_json()
            .replace("\"mission-locale\"", "\"complement-mode-de-garde\"");
        assert!(saved.contains("complement-mode-de-garde"));
        let read = Plan::from_json(&saved).unwrap();
        assert!(!read.to_json().contains("complement-mode-de-garde"));
        assert_eq!(
            read.objectives[0].actions[0].entry.as_deref(),
            Some("paje-cmg")
        );
        assert!(read.consent("paje-cmg").is_some());
        let catalogue = Catalogue::national();
        let found = catalogue.entry("complement-mode-de-garde").unwrap();
        assert_eq!(found.id, "paje-cmg");
    }

    #[test]
    fn building_refuses_what_it_cannot_do() {
        let error = |choices: &Choices| {
            Plan::build(&diagnosis(), &Catalogue::national(), choices)
                .unwrap_err()
                .code()
        };
        assert_eq!(error(&choices(&[])), "no_need");
        assert_eq!(error(&choices(&["sante"])), "need_not_found");
        let mut bad = choices(&["trouver-un-emploi"]);
        bad.schedule.steps_per_week = 0;
        assert_eq!(error(&bad), "bad_pace");
        let mut bad = choices(&["trouver-un-emploi"]);
        bad.entries
            .insert("trouver-un-emploi".into(), vec!["urgence-115".into()]);
        assert_eq!(error(&bad), "unknown_entry");
        let mut bad = choices(&["trouver-un-emploi"]);
        bad.statements
            .insert("trouver-un-emploi".into(), "x".repeat(MAX_TEXT + 1));
        assert_eq!(error(&bad), "bad_text");
    }

    #[test]
    fn every_change_is_recorded_and_checked() {
        let mut plan = built(&choices(&["trouver-un-emploi", "se-former"]));
        let day = date("2026-11-30");
        let job = plan.objectives[0].id.clone();
        let training = plan.objectives[1].id.clone();
        let first = plan.objectives[0].actions[0].id.clone();
        plan.apply(
            Edit::SetStatement {
                objective: job.clone(),
                statement: Some("Un CDI".into()),
            },
            Author::Person,
            day,
        )
        .unwrap();
        plan.apply(
            Edit::AddAction {
                objective: job.clone(),
                action: Action {
                    id: "ignored".into(),
                    kind: ActionKind::GetDocument,
                    title: "Refaire ma carte d’identité".into(),
                    entry: None,
                    contact: None,
                    actor: Actor::Person,
                    due: Some(date("2026-12-04")),
                    status: ActionStatus::Planned,
                    notes: Some("Prendre rendez-vous en mairie".into()),
                },
            },
            Author::Advisor,
            day,
        )
        .unwrap();
        let added = plan.objectives[0].actions.last().unwrap().clone();
        assert!(added.id.starts_with('a') && added.id != "ignored");
        plan.apply(
            Edit::MoveAction {
                action: added.id.clone(),
                position: 0,
            },
            Author::Person,
            day,
        )
        .unwrap();
        assert_eq!(plan.objectives[0].actions[0].id, added.id);
        plan.apply(
            Edit::MoveObjective {
                objective: training.clone(),
                position: 0,
            },
            Author::Person,
            day,
        )
        .unwrap();
        assert_eq!(plan.objectives[0].id, training);
        let mut changed = plan.action(&first).unwrap().clone();
        changed.due = Some(date("2026-12-10"));
        changed.status = ActionStatus::Done; // ignored: status has its own edit
        plan.apply(Edit::ChangeAction { action: changed }, Author::Advisor, day)
            .unwrap();
        assert_eq!(plan.action(&first).unwrap().status, ActionStatus::Planned);
        assert_eq!(plan.action(&first).unwrap().due, Some(date("2026-12-10")));
        plan.apply(
            Edit::SetStatus {
                action: first.clone(),
                status: ActionStatus::Dropped,
            },
            Author::Person,
            day,
        )
        .unwrap();
        assert!(plan.next_steps().iter().all(|action| action.id != first));
        let numbers: Vec<u32> = plan.history.iter().map(|change| change.number).collect();
        assert_eq!(numbers, [1, 2, 3, 4, 5, 6, 7]);
        assert_eq!(plan.history[1].by, Author::Person);

        let code = |plan: &mut Plan, edit: Edit, day: &str| {
            plan.apply(edit, Author::Advisor, date(day))
                .unwrap_err()
                .code()
        };
        let before = plan.clone();
        assert_eq!(code(&mut plan, Edit::Built, "2026-12-01"), "already_built");
        assert_eq!(
            code(
                &mut plan,
                Edit::SetStatus {
                    action: "a99".into(),
                    status: ActionStatus::Done
                },
                "2026-12-01"
            ),
            "unknown_action"
        );
        assert_eq!(
            code(
                &mut plan,
                Edit::SetObjectiveStatus {
                    objective: "o99".into(),
                    status: ObjectiveStatus::Achieved
                },
                "2026-12-01"
            ),
            "unknown_objective"
        );
        assert_eq!(
            code(
                &mut plan,
                Edit::MoveObjective {
                    objective: job.clone(),
                    position: 5
                },
                "2026-12-01"
            ),
            "bad_position"
        );
        assert_eq!(
            code(
                &mut plan,
                Edit::SetStatement {
                    objective: job,
                    statement: Some(String::new())
                },
                "2026-12-01"
            ),
            "bad_text"
        );
        assert_eq!(
            code(&mut plan, Edit::SetNextReview { date: None }, "2026-11-01"),
            "date_before_last_change"
        );
        assert_eq!(plan, before, "a refused change changes nothing");
    }

    #[test]
    fn a_plan_changed_once_with_a_clock_ahead_stays_editable_at_todays_date() {
        let mut plan = built(&choices(&["trouver-un-emploi"]));
        let action = plan.objectives[0].actions[0].id.clone();
        let status = |status| Edit::SetStatus {
            action: action.clone(),
            status,
        };
        // A device set to a day of 2031 once, then put right.
        let ahead = date("2031-06-01");
        plan.apply(status(ActionStatus::InProgress), Author::Person, ahead)
            .unwrap();
        let today = date("2026-12-03");
        assert_eq!(
            plan.change_date(today),
            ahead,
            "never before the last change"
        );
        plan.apply(
            status(ActionStatus::Done),
            Author::Person,
            plan.change_date(today),
        )
        .unwrap();
        assert_eq!(plan.action(&action).unwrap().status, ActionStatus::Done);
        // A later day is the day itself.
        let later = date("2032-01-01");
        assert_eq!(plan.change_date(later), later);
    }

    #[test]
    fn objectives_added_by_hand_are_needs_and_contacts_have_a_name() {
        let mut plan = built(&choices(&["trouver-un-emploi"]));
        let day = date("2026-11-30");
        let to_add = plan.categories_to_add();
        assert_eq!(to_add.len(), 15, "all categories but the plan's own");
        assert!(!to_add.contains(&"trouver-un-emploi"));
        assert!(to_add.contains(&"mobilite"));

        let code = |plan: &mut Plan, edit: Edit| {
            plan.apply(edit, Author::Person, day)
                .map(|()| "applied")
                .unwrap_or_else(|error| error.code())
        };
        let before = plan.clone();
        let objective = |theme: &str| Edit::AddObjective {
            objective: Objective::new(theme, None),
        };
        assert_eq!(code(&mut plan, objective("la-lune")), "unknown_theme");
        let advisor = |name: &str, email: Option<&str>| Edit::SetAdvisor {
            advisor: Some(ContactDetails {
                name: name.into(),
                email: email.map(Into::into),
                ..ContactDetails::default()
            }),
        };
        assert_eq!(code(&mut plan, advisor("", None)), "bad_text");
        assert_eq!(code(&mut plan, advisor("Awa", Some(""))), "bad_text");
        let long = "x".repeat(MAX_TEXT + 1);
        assert_eq!(code(&mut plan, advisor("Awa", Some(&long))), "bad_text");
        assert_eq!(plan, before, "a refused change changes nothing");

        // A category and a theme are both needs.
        assert_eq!(code(&mut plan, objective("mobilite")), "applied");
        assert_eq!(
            code(&mut plan, objective("sante--acces-aux-soins")),
            "applied"
        );
        assert_eq!(plan.categories_to_add().len(), 13);
        let added = plan.objectives.last().unwrap().id.clone();
        assert_eq!(
            code(
                &mut plan,
                Edit::AddAction {
                    objective: added.clone(),
                    action: Action::new("Appeler la CPAM", Actor::Person, Some(day)),
                }
            ),
            "applied"
        );
        let action = &plan.objectives.last().unwrap().actions[0];
        assert_eq!(
            (action.title.as_str(), action.due),
            ("Appeler la CPAM", Some(day))
        );
        assert_eq!(
            code(&mut plan, advisor("Awa Diallo", Some("awa@example.org"))),
            "applied"
        );
        assert_eq!(plan.advisor.as_ref().unwrap().name, "Awa Diallo");
        assert_eq!(
            code(&mut plan, Edit::SetAdvisor { advisor: None }),
            "applied"
        );
        assert_eq!(plan.advisor, None);
    }

    #[test]
    fn a_review_updates_the_facts_and_proposes_new_actions() {
        let mut plan = built(&choices(&["trouver-un-emploi"]));
        let planned: Vec<String> = plan.objectives[0]
            .actions
            .iter()
            .filter_map(|a| a.entry.clone())
            .collect();
        let facts = Facts::from_json(
            r#"{"age": 19, "postal_code": "93200", "employment_status": "jobseeker",
                "registered_jobseeker": true, "rqth": true}"#,
        )
        .unwrap();
        plan.apply(
            Edit::Review {
                review: Box::new(Review {
                    date: date("2026-12-15"),
                    done: "Rendez-vous à la Mission locale".into(),
                    stuck: "Pas de carte d’identité".into(),
                    changed: "Inscrit à France Travail".into(),
                    facts: Some(facts.clone()),
                }),
            },
            Author::Advisor,
            date("2026-12-15"),
        )
        .unwrap();
        assert_eq!(plan.facts, facts);
        let proposals = plan
            .proposals(&Catalogue::national(), &plan.facts, date("2026-12-15"))
            .unwrap();
        assert!(!proposals.is_empty());
        for (objective, action) in &proposals {
            assert_eq!(objective, &plan.objectives[0].id);
            assert!(!planned.contains(action.entry.as_ref().unwrap()));
        }
        let (objective, action) = proposals[0].clone();
        plan.apply(
            Edit::AddAction { objective, action },
            Author::Person,
            date("2026-12-15"),
        )
        .unwrap();
        assert_eq!(plan.reviews.len(), 1);
    }

    #[test]
    fn a_version_1_plan_is_migrated_on_import() {
        let v1 = include_str!("../../tests/fixtures/plan-v1.json");
        assert!(v1.contains("\"format_version\": 1") && v1.contains("unavailable_days"));
        let plan = Plan::from_json(v1).unwrap();
        assert_eq!(plan.format_version, PLAN_FORMAT_VERSION);
        assert_eq!(
            plan.schedule.unavailable,
            [
                Unavailable::day(Weekday::Monday),
                Unavailable::day(Weekday::Saturday)
            ]
        );
        assert_eq!(
            plan.objectives[0].statement.as_deref(),
            Some("Travailler dans la logistique")
        );
        assert_eq!(plan.history.len(), 3);
        // Written again in the current version, it reads back the same.
        let json = plan.to_json();
        assert!(json.contains("\"format_version\": 2") && !json.contains("unavailable_days"));
        assert_eq!(Plan::from_json(&json).unwrap(), plan);
    }

    #[test]
    fn a_plan_round_trips_and_bad_files_are_refused() {
        let mut plan = built(&choices(&["trouver-un-emploi"]));
        plan.apply(
            Edit::GiveConsent {
                consent: Consent {
                    entry: "mission-locale".into(),
                    date: date("2026-11-27"),
                },
            },
            Author::Person,
            date("2026-11-27"),
        )
        .unwrap();
        let json = plan.to_json();
        assert_eq!(Plan::from_json(&json).unwrap(), plan);
        let value: Json = serde_json::from_str(&json).unwrap();
        let code = |edit: &dyn Fn(&mut Json)| {
            let mut changed = value.clone();
            edit(&mut changed);
            Plan::from_json(&changed.to_string()).unwrap_err().code()
        };
        assert_eq!(
            code(&|v| v["format_version"] = 3.into()),
            "plan_future_version"
        );
        assert_eq!(
            code(&|v| v["schedule"]["unavailable"] =
                serde_json::json!([{"day": "monday", "from": "12:00"}])),
            "plan_corrupted"
        );
        assert_eq!(
            code(&|v| v["schedule"]["unavailable"] =
                serde_json::json!([{"day": "monday", "from": "12:00", "to": "9:00"}])),
            "plan_corrupted"
        );
        assert_eq!(code(&|v| v["format_version"] = 0.into()), "plan_corrupted");
        assert_eq!(code(&|v| v["extra"] = true.into()), "plan_corrupted");
        assert_eq!(
            code(&|v| v["objectives"][0]["id"] = "o999".into()),
            "plan_corrupted"
        );
        assert_eq!(
            code(&|v| v["history"][0]["number"] = 7.into()),
            "plan_corrupted"
        );
        assert_eq!(
            code(&|v| v["facts"]["age"] = "nineteen".into()),
            "plan_corrupted"
        );
        assert_eq!(
            code(&|v| v["schedule"]["steps_per_week"] = 9.into()),
            "plan_corrupted"
        );
        assert_eq!(Plan::from_json("{").unwrap_err().code(), "plan_corrupted");
    }
}
