//! The advisor's agenda by week: the review points ("points d'étape") and
//! the steps due of every person followed.
//!
//! What is listed: each plan's `next_review`, and each action still to do
//! (planned or in progress) of an active objective, on its due date. An
//! action without a due date is not listed. Items dated before `today`
//! (a late review, an overdue step) are in [`Agenda::overdue`]; the others
//! in the week they fall in, from the Monday of today's week, for
//! `weeks` weeks (at most [`MAX_AGENDA_WEEKS`]); later ones are left out.
//!
//! Items are sorted by date, then review points before steps, then label,
//! then action id (then person id, so that the order never depends on
//! the caseload's).

use serde::{Deserialize, Serialize};

use super::{steps_to_do, Caseload};
use crate::base::date::Date;

/// The most weeks an agenda lists (ten years): more asked are cut to it.
pub const MAX_AGENDA_WEEKS: u32 = 520;

/// The agenda of a caseload on a day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Agenda {
    /// Items dated before today: late review points, overdue steps.
    pub overdue: Vec<AgendaItem>,
    /// Every week asked, from the Monday of today's week, even when empty.
    pub weeks: Vec<Week>,
}

/// One week of the agenda.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Week {
    /// Its first day.
    pub monday: Date,
    /// Its items from today on, sorted.
    pub items: Vec<AgendaItem>,
}

/// A review point or a step of one person, on a date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgendaItem {
    pub date: Date,
    /// The person's id.
    pub person: String,
    /// The person's label (initials or pseudonym).
    pub label: String,
    pub due: Due,
}

/// What is due.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Due {
    /// The person's next review point.
    Review,
    /// A step of the plan: its action's id and title.
    Step { action: String, title: String },
}

impl AgendaItem {
    /// The order of the agenda: date, reviews first, label, action id,
    /// person id.
    fn order_key(&self) -> (Date, u8, &str, &str, &str) {
        match &self.due {
            Due::Review => (self.date, 0, &self.label, "", &self.person),
            Due::Step { action, .. } => (self.date, 1, &self.label, action, &self.person),
        }
    }
}

/// The agenda of `caseload` on `today`, over `weeks` weeks (see the
/// [module documentation](self)).
pub fn agenda(caseload: &Caseload, today: Date, weeks: u32) -> Agenda {
    let weekday = today.days_since_epoch() + 3; // 1970-01-01 was a Thursday.
    let monday = today.plus_days(-weekday.rem_euclid(7)).unwrap_or(today);
    let mut mondays = Vec::new();
    for week in 0..i64::from(weeks.min(MAX_AGENDA_WEEKS)) {
        match monday.plus_days(week * 7) {
            Some(day) => mondays.push(day),
            None => break,
        }
    }
    let mut items = Vec::new();
    for person in &caseload.people {
        let item = |date, due| AgendaItem {
            date,
            person: person.id.clone(),
            label: person.label.clone(),
            due,
        };
        if let Some(date) = person.plan.next_review {
            items.push(item(date, Due::Review));
        }
        for action in steps_to_do(&person.plan) {
            if let Some(date) = action.due {
                items.push(item(
                    date,
                    Due::Step {
                        action: action.id.clone(),
                        title: action.title.clone(),
                    },
                ));
            }
        }
    }
    crate::base::sort::sort_by(&mut items, |a, b| a.order_key().cmp(&b.order_key()));
    let mut agenda = Agenda {
        overdue: Vec::new(),
        weeks: mondays
            .into_iter()
            .map(|monday| Week {
                monday,
                items: Vec::new(),
            })
            .collect(),
    };
    for item in items {
        if item.date < today {
            agenda.overdue.push(item);
            continue;
        }
        let week = monday.days_until(item.date).div_euclid(7);
        if let Some(week) = usize::try_from(week)
            .ok()
            .and_then(|week| agenda.weeks.get_mut(week))
        {
            week.items.push(item);
        }
    }
    agenda
}
