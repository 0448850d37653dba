//! The anonymous report ("bilan") of a set of plans, for funders and
//! managers: how many plans, which needs they work on, which partners
//! were proposed and contacted, where actions and objectives stand, and
//! how often plans are reviewed.
//!
//! [`report`] is a pure function of the plans. Its privacy rules hold by
//! construction, whatever the plans contain:
//!
//! - **Nothing written in a plan reaches the report.** The report holds
//!   counts only, under keys from closed sets: data·inclusion themes and
//!   categories (any other theme is counted under [`OTHER`]), catalogue
//!   entry ids (an id that is not a slug, lowercase letters and digits
//!   joined by single dashes, is counted under [`OTHER`]), the names of
//!   the statuses and kinds, and numbers of reviews. No name, statement,
//!   title, note, review text, contact detail or fact (birth date, age,
//!   postal code…) is read, and no date is given: time appears only as
//!   durations in days, aggregated over plans.
//! - **Small counts are suppressed.** A [`Count`] is shown only when it is
//!   at least [`MIN_COUNT`] (5) *and* comes from at least 5 different
//!   plans (five actions of one person are not shown). Otherwise it is
//!   suppressed: [`Count::value`] is `None` and the JSON holds the string
//!   [`SUPPRESSED`] (`"<5"`) in place of the number. A shown count is
//!   always a JSON number, a suppressed one always `"<5"`, everywhere in
//!   the report. A `Count` can only be made here, through this rule.
//! - **No subtraction.** In a breakdown whose total can be known, the
//!   smallest shown cells are suppressed too, one by one, until no
//!   suppressed count can be found by subtraction: never exactly one
//!   suppressed cell, and what the suppressed cells hold together (the
//!   total less the shown cells) is 0 or at least [`MIN_COUNT`], unless
//!   every cell is suppressed. The
//!   number of plans is the total of `reviews_per_plan`; the number of
//!   actions the total of both `action_statuses` and `action_kinds`; the
//!   number of objectives the total of `objective_statuses`, and of
//!   `needs` too when no plan has two objectives on one theme. The
//!   entries' breakdowns have no total (a plan may have any number of
//!   entries) and are left as they are.
//! - **Fewer than 5 plans:** the report is only `{"plans": "<5"}`.
//!
//! [`report_for_period`] makes the same report of the plans followed in a
//! [`Period`], with only the review points dated within it (its
//! documentation says exactly which); [`Report::to_csv`] writes any report
//! as CSV, one row per count of its JSON, with labels in a language.
//!
//! The JSON (keys in byte order in every breakdown; statuses, kinds and
//! review buckets always all listed, a missing one as `"<5"`):
//!
//! ```json
//! {
//!   "plans": 12,
//!   "needs": {"logement-hebergement": "<5", "mobilite": "<5", "trouver-un-emploi": 9},
//!   "entries_proposed": {"mission-locale": 7, "visale": "<5"},
//!   "entries_contacted": {"mission-locale": 5, "visale": "<5"},
//!   "action_statuses": {"done": 6, "dropped": "<5", "in_progress": "<5",
//!                       "on_hold": "<5", "planned": 14},
//!   "action_kinds": {"appointment": "<5", "apply": "<5", "attend_workshop": "<5",
//!                    "contact_partner": 24, "get_document": "<5", "other": "<5"},
//!   "objective_statuses": {"achieved": "<5", "active": 13, "dropped": "<5"},
//!   "reviews_per_plan": {"0": "<5", "1": 6, "2": "<5", "3": "<5", "4": "<5",
//!                        "5": "<5", "6+": "<5"},
//!   "review_intervals": {"count": 15, "median_days": 28.0, "min_days": 7, "max_days": 91}
//! }
//! ```
//!
//! What is counted:
//!
//! - `needs`: for each theme, the plans with an objective on it (whatever
//!   the objective's status).
//! - `entries_proposed`: for each catalogue entry, the plans with an
//!   action concerning it (any kind, any status, dropped included).
//! - `entries_contacted`: for each entry of `entries_proposed`, the plans
//!   where a `contact_partner` action concerning it is `done`. An action
//!   in progress, or of another kind, does not count as contacted.
//! - `action_statuses`, `action_kinds`: the actions of every objective.
//! - `objective_statuses`: the objectives.
//! - `reviews_per_plan`: the plans by their number of review points,
//!   `"0"` to `"5"`, and `"6+"` for six or more.
//! - `review_intervals`: the days from the plan's start to its first
//!   review point, then from each review point to the next, review points
//!   taken in date order; an interval that would be negative (a review
//!   dated before the start) is left out. The median of an even number of
//!   intervals is the mean of the two middle ones. Shown only when there
//!   are at least 5 intervals from at least 5 plans; otherwise only
//!   `{"count": "<5"}`.
//!
//! ```
//! use passerelle_core::catalogue::Catalogue;
//! use passerelle_core::date::Date;
//! use passerelle_core::diagnosis::{Diagnosis, FoundNeed};
//! use passerelle_core::facts::Facts;
//! use passerelle_core::orientation::Priority;
//! use passerelle_core::plan::{Choices, Plan};
//! use passerelle_core::report::report;
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
//! // Four plans: only their number, suppressed.
//! assert_eq!(report(&vec![plan.clone(); 4]).to_json(), r#"{"plans":"<5"}"#);
//!
//! // Six plans: the breakdowns, small cells suppressed.
//! let six = report(&vec![plan; 6]);
//! let breakdowns = six.breakdowns.as_ref().unwrap();
//! assert_eq!(six.plans.value(), Some(6));
//! assert_eq!(breakdowns.needs.get("trouver-un-emploi").unwrap().value(), Some(6));
//! assert!(breakdowns.objective_statuses.get("dropped").unwrap().is_suppressed());
//! assert!(six.to_json().contains(r#""dropped":"<5""#));
//! ```

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize, Serializer};

use crate::base::date::Date;
use crate::exports::messages::Message;
use crate::text::Locale;

use crate::plan::{ActionKind, ActionStatus, ObjectiveStatus, Plan};
use crate::vocabulary::referentials::{theme_category, Referential};

/// The smallest count shown; any count under it is suppressed.
pub const MIN_COUNT: u64 = 5;

/// How a suppressed count is written in JSON.
pub const SUPPRESSED: &str = "<5";

/// The key under which themes outside data·inclusion and entry ids that
/// are not slugs are counted, so that no text typed in a plan can
/// become a key of the report.
pub const OTHER: &str = "other";

/// Plans with this many review points or more share the last bucket of
/// `reviews_per_plan`.
const REVIEWS_TOP: usize = 6;

/// A count of the report: shown when at least [`MIN_COUNT`] from at
/// least as many plans, suppressed otherwise. Serialised as a JSON number
/// when shown, as the string [`SUPPRESSED`] (`"<5"`) when suppressed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Count(Option<u64>);

impl Count {
    /// The count, or `None` when it is suppressed.
    pub fn value(self) -> Option<u64> {
        self.0
    }

    /// Whether the count is suppressed.
    pub fn is_suppressed(self) -> bool {
        self.0.is_none()
    }

    /// `count` things seen in `plans` different plans: the only way to
    /// make a shown count.
    fn of(count: u64, plans: u64) -> Count {
        if count >= MIN_COUNT && plans >= MIN_COUNT {
            Count(Some(count))
        } else {
            Count(None)
        }
    }

    /// A count hidden so that another cannot be found by subtraction.
    fn suppressed() -> Count {
        Count(None)
    }
}

impl Serialize for Count {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.0 {
            Some(count) => serializer.serialize_u64(count),
            None => serializer.serialize_str(SUPPRESSED),
        }
    }
}

/// Counts by key, keys in byte order. Serialised as a JSON object of
/// [`Count`]s.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
#[serde(transparent)]
pub struct Breakdown(BTreeMap<String, Count>);

impl Breakdown {
    /// The count under `key`, if the key is listed.
    pub fn get(&self, key: &str) -> Option<Count> {
        self.0.get(key).copied()
    }

    /// The keys and their counts, keys in byte order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, Count)> {
        self.0.iter().map(|(key, count)| (key.as_str(), *count))
    }

    /// How many keys are listed.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether no key is listed.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Suppresses the small cells, then, for a breakdown with a total
    /// that can be known, the smallest shown cell (the first in key order
    /// among equals), again and again, while what the suppressed cells
    /// hold together (the total less the shown cells) would tell a small
    /// count: while exactly one cell is suppressed, or the suppressed
    /// cells hold together 1 to 4 things. Seven plans, 13 actions
    /// planned, 14 in all: the one action not planned was found by
    /// subtraction; now "planned" is suppressed too.
    fn from_tallies(tallies: BTreeMap<String, Tally>, total: Total) -> Breakdown {
        let mut cells = BTreeMap::new();
        let mut hidden = 0;
        for (key, tally) in tallies {
            let count = Count::of(tally.count, tally.plans);
            if count.is_suppressed() {
                hidden += tally.count;
            }
            cells.insert(key, (count, tally.count));
        }
        if total == Total::Known {
            loop {
                let suppressed = cells.values().filter(|(count, _)| count.is_suppressed());
                let recoverable = match suppressed.count() {
                    0 => false,
                    1 => true,
                    _ => (1..MIN_COUNT).contains(&hidden),
                };
                let smallest = cells
                    .iter()
                    .filter_map(|(key, (count, _))| Some((count.value()?, key)))
                    .min()
                    .map(|(_, key)| key.clone());
                match smallest.and_then(|key| cells.get_mut(&key)) {
                    Some(cell) if recoverable => {
                        hidden += cell.1;
                        cell.0 = Count::suppressed();
                    }
                    _ => break,
                }
            }
        }
        Breakdown(
            cells
                .into_iter()
                .map(|(key, (count, _))| (key, count))
                .collect(),
        )
    }
}

/// Durations in days, aggregated: their number, median, least and
/// greatest. When the count is suppressed the others are absent (and left
/// out of the JSON).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Durations {
    count: Count,
    #[serde(skip_serializing_if = "Option::is_none")]
    median_days: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    min_days: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    max_days: Option<i64>,
}

impl Durations {
    /// How many durations.
    pub fn count(&self) -> Count {
        self.count
    }

    /// The median, in days.
    pub fn median_days(&self) -> Option<f64> {
        self.median_days
    }

    /// The shortest, in days.
    pub fn min_days(&self) -> Option<i64> {
        self.min_days
    }

    /// The longest, in days.
    pub fn max_days(&self) -> Option<i64> {
        self.max_days
    }

    /// From durations seen in `plans` different plans.
    fn of(mut days: Vec<i64>, plans: u64) -> Durations {
        let count = Count::of(days.len() as u64, plans);
        if count.is_suppressed() {
            return Durations {
                count,
                median_days: None,
                min_days: None,
                max_days: None,
            };
        }
        crate::base::sort::sort_by_key(&mut days, |day| *day);
        let middle = days.len() / 2;
        let median = if days.len() % 2 == 0 {
            (days[middle - 1] as f64 + days[middle] as f64) / 2.0
        } else {
            days[middle] as f64
        };
        Durations {
            count,
            median_days: Some(median),
            min_days: days.first().copied(),
            max_days: days.last().copied(),
        }
    }
}

/// The breakdowns of a report of at least [`MIN_COUNT`] plans. See the
/// [module documentation](self) for what each counts.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Breakdowns {
    /// Plans by need theme.
    pub needs: Breakdown,
    /// Plans by catalogue entry with an action concerning it.
    pub entries_proposed: Breakdown,
    /// Plans by catalogue entry whose partner was contacted (a
    /// `contact_partner` action for it is done).
    pub entries_contacted: Breakdown,
    /// Actions by status.
    pub action_statuses: Breakdown,
    /// Actions by kind.
    pub action_kinds: Breakdown,
    /// Objectives by status.
    pub objective_statuses: Breakdown,
    /// Plans by number of review points.
    pub reviews_per_plan: Breakdown,
    /// Days between review points.
    pub review_intervals: Durations,
}

/// The anonymous report of a set of plans. See the [module
/// documentation](self) for its rules and its JSON.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// How many plans.
    pub plans: Count,
    /// `None` when there are fewer than [`MIN_COUNT`] plans.
    #[serde(flatten)]
    pub breakdowns: Option<Breakdowns>,
}

impl Report {
    /// The report as compact JSON.
    pub fn to_json(&self) -> String {
        // Strings and numbers in maps with string keys: it always serialises.
        crate::base::json::write(self)
    }

    /// The report as indented JSON.
    pub fn to_json_pretty(&self) -> String {
        crate::base::json::write_pretty(self)
    }
}

/// Whether the total of a breakdown can be known, from the report or
/// from elsewhere.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Total {
    Known,
    Unknown,
}

/// How many things, seen in how many different plans.
#[derive(Debug, Clone, Copy, Default)]
struct Tally {
    count: u64,
    plans: u64,
    last_plan: Option<usize>,
}

impl Tally {
    /// One more thing, seen in plan number `plan` (plans come in order).
    fn add(&mut self, plan: usize) {
        self.count += 1;
        if self.last_plan != Some(plan) {
            self.plans += 1;
            self.last_plan = Some(plan);
        }
    }
}

/// The anonymous report of `plans` (see the [module documentation](self)).
pub fn report(plans: &[Plan]) -> Report {
    let total = plans.len() as u64;
    let count = Count::of(total, total);
    if count.is_suppressed() {
        return Report {
            plans: count,
            breakdowns: None,
        };
    }
    // Closed sets are listed whole, a key never seen as "<5".
    // Built by insertion: collecting into a map sorts, with one copy of
    // the sort per kind of iterator.
    fn listed(keys: impl IntoIterator<Item = String>) -> BTreeMap<String, Tally> {
        let mut listed = BTreeMap::new();
        for key in keys {
            listed.insert(key, Tally::default());
        }
        listed
    }
    let mut needs: BTreeMap<String, Tally> = BTreeMap::new();
    let mut proposed: BTreeMap<String, Tally> = BTreeMap::new();
    let mut contacted: BTreeMap<String, Tally> = BTreeMap::new();
    let mut action_statuses = listed(ActionStatus::ALL.map(|s| s.name().to_owned()));
    let mut action_kinds = listed(ActionKind::ALL.map(|k| action_kind_key(k).to_owned()));
    let mut objective_statuses =
        listed(ObjectiveStatus::ALL.map(|s| objective_status_key(s).to_owned()));
    let mut reviews_per_plan = listed((0..=REVIEWS_TOP).map(reviews_key));
    let mut intervals = Vec::new();
    let mut plans_with_intervals = 0;

    for (index, plan) in plans.iter().enumerate() {
        let mut plan_needs = BTreeSet::new();
        let mut plan_proposed = BTreeSet::new();
        let mut plan_contacted = BTreeSet::new();
        for objective in &plan.objectives {
            plan_needs.insert(theme_key(&objective.theme));
            objective_statuses
                .entry(objective_status_key(objective.status).into())
                .or_default()
                .add(index);
            for action in &objective.actions {
                action_statuses
                    .entry(action.status.name().into())
                    .or_default()
                    .add(index);
                action_kinds
                    .entry(action_kind_key(action.kind).into())
                    .or_default()
                    .add(index);
                if let Some(entry) = &action.entry {
                    let key = entry_key(entry);
                    plan_proposed.insert(key);
                    if action.kind == ActionKind::ContactPartner
                        && action.status == ActionStatus::Done
                    {
                        plan_contacted.insert(key);
                    }
                }
            }
        }
        for key in plan_needs {
            needs.entry(key.into()).or_default().add(index);
        }
        for key in plan_proposed {
            proposed.entry(key.into()).or_default().add(index);
            // Every entry proposed is listed as contacted, if only as "<5".
            contacted.entry(key.into()).or_default();
        }
        for key in plan_contacted {
            contacted.entry(key.into()).or_default().add(index);
        }
        reviews_per_plan
            .entry(reviews_key(plan.reviews.len()))
            .or_default()
            .add(index);

        let mut dates: Vec<_> = plan.reviews.iter().map(|review| review.date).collect();
        crate::base::sort::sort_by_key(&mut dates, |date| *date);
        let mut previous = plan.schedule.start;
        let before = intervals.len();
        for date in dates {
            let days = previous.days_until(date);
            if days >= 0 {
                intervals.push(days);
                previous = date;
            }
        }
        if intervals.len() > before {
            plans_with_intervals += 1;
        }
    }

    Report {
        plans: count,
        breakdowns: Some(Breakdowns {
            needs: Breakdown::from_tallies(needs, Total::Known),
            entries_proposed: Breakdown::from_tallies(proposed, Total::Unknown),
            entries_contacted: Breakdown::from_tallies(contacted, Total::Unknown),
            action_statuses: Breakdown::from_tallies(action_statuses, Total::Known),
            action_kinds: Breakdown::from_tallies(action_kinds, Total::Known),
            objective_statuses: Breakdown::from_tallies(objective_statuses, Total::Known),
            reviews_per_plan: Breakdown::from_tallies(reviews_per_plan, Total::Known),
            review_intervals: Durations::of(intervals, plans_with_intervals),
        }),
    }
}

/// A period of time, both days included: `from` on or before `to`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Period {
    pub from: Date,
    pub to: Date,
}

impl Period {
    /// The period from `from` to `to`, both included; `None` when `to` is
    /// before `from`.
    pub fn new(from: Date, to: Date) -> Option<Period> {
        (from <= to).then_some(Period { from, to })
    }

    /// Whether `date` is within the period.
    pub fn contains(self, date: Date) -> bool {
        self.from <= date && date <= self.to
    }
}

/// Whether `plan` was followed during `period`: it was built on or before
/// the period's end (its first change, `history[0]`), and it had a change
/// within or after the period's start, or it still has an active objective.
pub fn followed_in(plan: &Plan, period: Period) -> bool {
    let Some(built) = plan.history.first() else {
        return false;
    };
    built.date <= period.to
        && (plan.history.iter().any(|change| change.date >= period.from)
            || plan
                .objectives
                .iter()
                .any(|objective| objective.status == ObjectiveStatus::Active))
}

/// The anonymous report of the plans followed during `period`, with the
/// very rules of [`report`] (suppression of small counts included).
///
/// - **Plans counted:** those [`followed_in`] the period: built (their
///   first change) on or before `period.to`, and changed on or after
///   `period.from` or with an objective still active.
/// - **Review points counted** (`reviews_per_plan`, `review_intervals`):
///   only those dated within the period, both days included. Each plan is
///   copied with its other review points left out, then [`report`] runs on
///   the copies: the first interval of a plan runs from its start
///   (`schedule.start`) to its first review point within the period.
/// - **Everything else** (needs, entries, statuses, kinds) is the plans'
///   state as given: the report does not replay histories, so statuses
///   are those of today, not those of the period's end.
/// - A period whose `to` is before its `from` counts no plan.
pub fn report_for_period(plans: &[Plan], period: Period) -> Report {
    let chosen: Vec<Plan> = if period.from > period.to {
        Vec::new()
    } else {
        plans
            .iter()
            .filter(|plan| followed_in(plan, period))
            .map(|plan| {
                let mut plan = plan.clone();
                plan.reviews.retain(|review| period.contains(review.date));
                plan
            })
            .collect()
    };
    report(&chosen)
}

pub use crate::exports::messages::IntervalFigure;

impl Report {
    /// The report as CSV (RFC 4180: CRLF line ends, fields with a comma,
    /// a quote or a line break quoted), for a spreadsheet: a header
    /// `section,key,label,value`, then one row per count of
    /// [`to_json`](Self::to_json), in its order. `section`, `key` and
    /// `value` are the JSON's (a suppressed count is `<5`; `plans` has an
    /// empty key); `label` is the key in words in `locale`: a theme's
    /// label, an entry's id, a status's or kind's name.
    ///
    /// ```
    /// use passerelle_core::report::report;
    /// use passerelle_core::Locale;
    /// assert_eq!(report(&[]).to_csv(Locale::Fr), "section,key,label,value\r\nplans,,Projets suivis,<5\r\n");
    /// ```
    pub fn to_csv(&self, locale: Locale) -> String {
        let mut out = String::from("section,key,label,value\r\n");
        for row in self.rows(locale) {
            let fields = [
                row.section,
                row.key.as_str(),
                row.label.as_str(),
                row.value.as_str(),
            ];
            for (i, field) in fields.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(&csv_field(field));
            }
            out.push_str("\r\n");
        }
        out
    }

    /// The report's rows, in the order of [`to_json`](Self::to_json):
    /// what [`to_csv`](Self::to_csv) writes, and what a chart draws (the
    /// same labels, so that a chart and its file say the same).
    pub fn rows(&self, locale: Locale) -> Vec<ReportRow> {
        let mut rows = Vec::new();
        let mut row = |section: &'static str,
                       key: &str,
                       label: String,
                       count: Option<Count>,
                       value: String| {
            rows.push(ReportRow {
                section,
                key: key.to_owned(),
                label,
                count,
                value,
            });
        };
        let shown = |count: Count| match count.value() {
            Some(value) => value.to_string(),
            None => SUPPRESSED.to_owned(),
        };
        row(
            "plans",
            "",
            Message::ReportPlans.text(locale),
            Some(self.plans),
            shown(self.plans),
        );
        let Some(breakdowns) = &self.breakdowns else {
            return rows;
        };
        let other = Message::ReportOther.text(locale);
        let sections: [(&'static str, &Breakdown); 7] = [
            ("needs", &breakdowns.needs),
            ("entries_proposed", &breakdowns.entries_proposed),
            ("entries_contacted", &breakdowns.entries_contacted),
            ("action_statuses", &breakdowns.action_statuses),
            ("action_kinds", &breakdowns.action_kinds),
            ("objective_statuses", &breakdowns.objective_statuses),
            ("reviews_per_plan", &breakdowns.reviews_per_plan),
        ];
        for (section, breakdown) in sections {
            for (key, value) in breakdown.iter() {
                let label = match section {
                    "needs" | "entries_proposed" | "entries_contacted" if key == OTHER => {
                        other.clone()
                    }
                    "needs" => crate::vocabulary::theme_labels::theme_label(key, locale)
                        .unwrap_or(key)
                        .to_owned(),
                    "action_statuses" => ActionStatus::ALL
                        .into_iter()
                        .find(|status| status.name() == key)
                        .map_or_else(
                            || key.to_owned(),
                            |status| Message::ReportActionStatus(status).text(locale),
                        ),
                    "action_kinds" => ActionKind::ALL
                        .into_iter()
                        .find(|kind| action_kind_key(*kind) == key)
                        .map_or_else(
                            || key.to_owned(),
                            |kind| Message::ReportActionKind(kind).text(locale),
                        ),
                    "objective_statuses" => ObjectiveStatus::ALL
                        .into_iter()
                        .find(|status| objective_status_key(*status) == key)
                        .map_or_else(
                            || key.to_owned(),
                            |status| Message::ReportObjectiveStatus(status).text(locale),
                        ),
                    "reviews_per_plan" => Message::ReportReviews { reviews: key }.text(locale),
                    _ => key.to_owned(),
                };
                row(section, key, label, Some(value), shown(value));
            }
        }
        let intervals = &breakdowns.review_intervals;
        for figure in IntervalFigure::ALL {
            let (count, value) = match figure {
                IntervalFigure::Count => (Some(intervals.count), Some(shown(intervals.count))),
                IntervalFigure::MedianDays => (
                    None,
                    intervals
                        .median_days
                        .map(|days| crate::base::json::write(&days)),
                ),
                IntervalFigure::MinDays => (None, intervals.min_days.map(|days| days.to_string())),
                IntervalFigure::MaxDays => (None, intervals.max_days.map(|days| days.to_string())),
            };
            if let Some(value) = value {
                let label = Message::ReportIntervals(figure).text(locale);
                row("review_intervals", figure.key(), label, count, value);
            }
        }
        rows
    }
}

/// One row of a report: a count (or a figure of the review intervals)
/// with its section and key as in the JSON, and its label in words.
#[derive(Debug, Clone, PartialEq)]
pub struct ReportRow {
    /// The JSON's key of the breakdown (`needs`, `action_statuses`…;
    /// `plans` for the number of plans).
    pub section: &'static str,
    /// The JSON's key in the breakdown (empty for `plans`).
    pub key: String,
    /// The key in words.
    pub label: String,
    /// The count, when the row is one (not a number of days).
    pub count: Option<Count>,
    /// As the JSON has it: a number, or `<5`.
    pub value: String,
}

/// A CSV field, quoted when it holds a comma, a quote or a line break.
fn csv_field(field: &str) -> std::borrow::Cow<'_, str> {
    if field.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", field.replace('"', "\"\"")).into()
    } else {
        field.into()
    }
}

/// The theme if it is a data·inclusion theme or category, [`OTHER`] if not.
fn theme_key(theme: &str) -> &str {
    let known = Referential::Themes.contains(theme)
        || Referential::Themes
            .terms()
            .iter()
            .any(|term| theme_category(&term.value) == theme);
    if known {
        theme
    } else {
        OTHER
    }
}

/// The entry id if it is a slug (the shape of every catalogue id),
/// [`OTHER`] if not.
fn entry_key(entry: &str) -> &str {
    let slug = !entry.is_empty()
        && entry.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        });
    if slug {
        entry
    } else {
        OTHER
    }
}

fn reviews_key(reviews: usize) -> String {
    if reviews >= REVIEWS_TOP {
        format!("{REVIEWS_TOP}+")
    } else {
        reviews.to_string()
    }
}

/// An action kind's key in the report (`contact_partner`…).
pub(crate) fn action_kind_key(kind: ActionKind) -> &'static str {
    match kind {
        ActionKind::ContactPartner => "contact_partner",
        ActionKind::GetDocument => "get_document",
        ActionKind::AttendWorkshop => "attend_workshop",
        ActionKind::Apply => "apply",
        ActionKind::Appointment => "appointment",
        ActionKind::Other => "other",
    }
}

fn objective_status_key(status: ObjectiveStatus) -> &'static str {
    match status {
        ObjectiveStatus::Active => "active",
        ObjectiveStatus::Achieved => "achieved",
        ObjectiveStatus::Dropped => "dropped",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tallies(cells: &[(&str, u64, u64)]) -> BTreeMap<String, Tally> {
        cells
            .iter()
            .map(|&(key, count, plans)| {
                let tally = Tally {
                    count,
                    plans,
                    last_plan: None,
                };
                (key.to_owned(), tally)
            })
            .collect()
    }

    #[test]
    fn a_count_is_shown_from_five_things_in_five_plans() {
        assert_eq!(Count::of(5, 5).value(), Some(5));
        assert!(Count::of(4, 4).is_suppressed());
        assert!(Count::of(9, 4).is_suppressed());
        assert!(Count::of(0, 0).is_suppressed());
        assert_eq!(serde_json::to_string(&Count::of(12, 6)).unwrap(), "12");
        assert_eq!(serde_json::to_string(&Count::of(3, 3)).unwrap(), "\"<5\"");
    }

    #[test]
    fn a_lone_suppressed_cell_takes_the_smallest_shown_one_with_it() {
        let breakdown = Breakdown::from_tallies(
            tallies(&[("a", 9, 9), ("b", 2, 2), ("c", 6, 6), ("d", 6, 6)]),
            Total::Known,
        );
        assert_eq!(breakdown.get("a").unwrap().value(), Some(9));
        assert!(breakdown.get("b").unwrap().is_suppressed());
        assert!(breakdown.get("c").unwrap().is_suppressed());
        assert_eq!(breakdown.get("d").unwrap().value(), Some(6));
        // Two suppressed holding 3 together: the total less "a" would
        // tell 3, so "a" goes too.
        let breakdown = Breakdown::from_tallies(
            tallies(&[("a", 9, 9), ("b", 2, 2), ("c", 1, 1)]),
            Total::Known,
        );
        assert!(breakdown.get("a").unwrap().is_suppressed());
        // Two suppressed holding 5 together, or none at all: nothing more.
        let breakdown = Breakdown::from_tallies(
            tallies(&[("a", 9, 9), ("b", 2, 2), ("c", 3, 3)]),
            Total::Known,
        );
        assert_eq!(breakdown.get("a").unwrap().value(), Some(9));
        let breakdown = Breakdown::from_tallies(
            tallies(&[("a", 9, 9), ("b", 0, 0), ("c", 0, 0)]),
            Total::Known,
        );
        assert_eq!(breakdown.get("a").unwrap().value(), Some(9));
        // Without a total, nothing to find by subtraction.
        let breakdown =
            Breakdown::from_tallies(tallies(&[("a", 9, 9), ("b", 2, 2)]), Total::Unknown);
        assert_eq!(breakdown.get("a").unwrap().value(), Some(9));
    }

    #[test]
    fn keys_outside_closed_sets_become_other() {
        assert_eq!(
            theme_key("sante--acces-aux-soins"),
            "sante--acces-aux-soins"
        );
        assert_eq!(theme_key("sante"), "sante");
        assert_eq!(theme_key("Mme Martin, 3 rue des Lilas"), OTHER);
        assert_eq!(entry_key("mission-locale"), "mission-locale");
        assert_eq!(entry_key("Appeler Mme Martin"), OTHER);
        assert_eq!(entry_key("a--b"), OTHER);
        assert_eq!(entry_key(""), OTHER);
    }

    #[test]
    fn durations_give_median_min_and_max() {
        let durations = Durations::of(vec![30, 7, 14, 90, 21, 28], 5);
        assert_eq!(durations.count().value(), Some(6));
        assert_eq!(durations.median_days(), Some(24.5));
        assert_eq!(durations.min_days(), Some(7));
        assert_eq!(durations.max_days(), Some(90));
        let few = Durations::of(vec![30, 7, 14, 90, 21, 28], 4);
        assert!(few.count().is_suppressed());
        assert_eq!(serde_json::to_string(&few).unwrap(), r#"{"count":"<5"}"#);
    }
}
