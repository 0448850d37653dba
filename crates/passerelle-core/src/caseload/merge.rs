//! Merging a caseload imported from another device (a backup) into this
//! one, person by person, by id. Nothing is dropped silently: every
//! change of one side that the merge does not keep is listed in a
//! [`Conflict`].
//!
//! For each person of the imported caseload:
//!
//! - only there: added (unless the caseload is full or their id or label
//!   is invalid: then listed in [`Merge::refused`], the caseload unchanged);
//!   a label that is not valid is never kept from the imported side;
//! - same id on both sides, same plan and label: unchanged;
//! - one plan's history is the beginning of the other's: the longer one
//!   wins, no conflict (updated when the imported one wins);
//! - histories diverged (neither is the beginning of the other): the
//!   longer history wins, the local one on a tie, and a
//!   [`ConflictKind::Diverged`] conflict tells how many changes of the
//!   other side, after their common beginning, were not kept;
//! - labels differ: the label of the side whose plan won is kept (the
//!   local one when the plans are the same), and a [`ConflictKind::Label`]
//!   conflict names the other.
//!
//! Each imported id is in exactly one of `added`, `updated`, `unchanged`
//! and `refused`; a conflict is listed besides. People only in the local
//! caseload stay as they are. The date a person was added becomes the
//! earlier of the two.

use serde::{Deserialize, Serialize};

use super::{check_label, is_person_id, Caseload, Followed};
use crate::base::limits::MAX_PEOPLE;
use crate::plan::Change;

/// What a merge did, by person id.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Merge {
    /// Imported people not followed here before.
    pub added: Vec<String>,
    /// People whose imported plan or label was kept.
    pub updated: Vec<String>,
    /// People left as they were here.
    pub unchanged: Vec<String>,
    /// What was not kept of one side.
    pub conflicts: Vec<Conflict>,
    /// Imported people not added: the caseload was full
    /// ([`MAX_PEOPLE`]), or their id or label is not valid.
    pub refused: Vec<String>,
}

/// A difference the merge settled by keeping one side.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Conflict {
    /// The person's id.
    pub id: String,
    /// The person's label, as kept.
    pub label: String,
    pub kind: ConflictKind,
    /// The side kept.
    pub kept: Side,
    /// How many changes of the other side's plan, after the beginning
    /// both share, are not kept (0 for a label).
    pub changes_not_kept: u32,
}

/// What differed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ConflictKind {
    /// Both sides changed the plan since their common beginning.
    Diverged,
    /// The labels differ; `other` is the label not kept.
    Label { other: String },
}

/// One side of a merge.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    /// This device's caseload.
    Local,
    /// The caseload imported.
    Imported,
}

/// How many changes the two histories share from their beginning.
fn common_prefix(a: &[Change], b: &[Change]) -> usize {
    a.iter().zip(b).take_while(|(a, b)| a == b).count()
}

impl Caseload {
    /// Merges an imported caseload (a backup from another device) into
    /// this one. See the [module documentation](self) for the rules.
    pub fn merge(&mut self, imported: Caseload) -> Merge {
        let mut merge = Merge::default();
        for theirs in imported.people {
            let Some(ours) = self.people.iter_mut().find(|ours| ours.id == theirs.id) else {
                let valid = is_person_id(&theirs.id)
                    && check_label(&theirs.label).is_ok_and(|label| label == theirs.label);
                if !valid || self.people.len() >= MAX_PEOPLE {
                    merge.refused.push(theirs.id);
                } else {
                    merge.added.push(theirs.id.clone());
                    self.people.push(theirs);
                }
                continue;
            };
            merge_one(ours, theirs, &mut merge);
        }
        merge
    }
}

/// Merges `theirs` into `ours`, same id.
fn merge_one(ours: &mut Followed, mut theirs: Followed, merge: &mut Merge) {
    let id = theirs.id.clone();
    // An imported label that is not valid is never kept: read as ours.
    if check_label(&theirs.label).ok().as_ref() != Some(&theirs.label) {
        theirs.label = ours.label.clone();
    }
    ours.added = ours.added.min(theirs.added);
    if ours.plan == theirs.plan && ours.label == theirs.label {
        merge.unchanged.push(id);
        return;
    }
    let (local, imported) = (&ours.plan.history, &theirs.plan.history);
    let common = common_prefix(local, imported);
    let (kept, changes_not_kept) = if ours.plan == theirs.plan {
        (Side::Local, 0)
    } else if common == local.len() && common == imported.len() {
        // Same history, plans differ (a file changed by hand): the
        // local one is kept, the difference told.
        (Side::Local, 0)
    } else if common == local.len() {
        (Side::Imported, 0)
    } else if common == imported.len() {
        (Side::Local, 0)
    } else if imported.len() > local.len() {
        (Side::Imported, (local.len() - common) as u32)
    } else {
        (Side::Local, (imported.len() - common) as u32)
    };
    let diverged = ours.plan != theirs.plan
        && (common < local.len().min(imported.len()) || local.len() == imported.len());
    let (kept_label, other_label) = match kept {
        Side::Local => (ours.label.clone(), theirs.label.clone()),
        Side::Imported => (theirs.label.clone(), ours.label.clone()),
    };
    if diverged {
        merge.conflicts.push(Conflict {
            id: id.clone(),
            label: kept_label.clone(),
            kind: ConflictKind::Diverged,
            kept,
            changes_not_kept,
        });
    }
    if kept_label != other_label {
        merge.conflicts.push(Conflict {
            id: id.clone(),
            label: kept_label,
            kind: ConflictKind::Label { other: other_label },
            kept,
            changes_not_kept: 0,
        });
    }
    match kept {
        Side::Imported => {
            ours.plan = theirs.plan;
            ours.label = theirs.label;
            merge.updated.push(id);
        }
        Side::Local => merge.unchanged.push(id),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::{Author, Edit};

    /// A plan with `changes` changes after its build (next review dates
    /// from `offset`), read from the fixture of version 1.
    fn plan(changes: u8, offset: i64) -> crate::plan::Plan {
        let mut plan =
            crate::plan::Plan::from_json(include_str!("../../tests/fixtures/plan-v1.json"))
                .unwrap();
        let last = plan.history.last().unwrap().date;
        for i in 0..changes {
            let next = last.plus_days(30 + offset + i64::from(i));
            plan.apply(Edit::SetNextReview { date: next }, Author::Advisor, last)
                .unwrap();
        }
        plan
    }

    fn caseload(people: &[(&str, &str, u8, i64)]) -> Caseload {
        let mut caseload = Caseload::new();
        for &(id, label, changes, offset) in people {
            let added = crate::base::date::Date::parse("2026-11-02").unwrap();
            caseload
                .add(id.into(), label, added, plan(changes, offset))
                .unwrap();
        }
        caseload
    }

    #[test]
    fn equal_plans_with_other_labels_keep_the_local_label_and_say_so() {
        let mut local = caseload(&[("p1", "A. B.", 1, 0)]);
        let merge = local.merge(caseload(&[("p1", "Dossier 7", 1, 0)]));
        assert_eq!(merge.unchanged, ["p1"]);
        assert_eq!(local.get("p1").unwrap().label, "A. B.");
        assert_eq!(
            merge.conflicts,
            [Conflict {
                id: "p1".into(),
                label: "A. B.".into(),
                kind: ConflictKind::Label {
                    other: "Dossier 7".into()
                },
                kept: Side::Local,
                changes_not_kept: 0,
            }]
        );
    }

    #[test]
    fn a_longer_imported_history_wins_with_its_label() {
        let mut local = caseload(&[("p1", "A. B.", 1, 0)]);
        let merge = local.merge(caseload(&[("p1", "Dossier 7", 2, 0)]));
        assert_eq!(merge.updated, ["p1"]);
        assert_eq!(local.get("p1").unwrap().label, "Dossier 7");
        assert_eq!(merge.conflicts.len(), 1);
        assert_eq!(merge.conflicts[0].kept, Side::Imported);
    }

    #[test]
    fn diverged_histories_of_equal_length_keep_the_local_one() {
        let mut local = caseload(&[("p1", "A. B.", 2, 0)]);
        let before = local.clone();
        let merge = local.merge(caseload(&[("p1", "A. B.", 2, 50)]));
        assert_eq!(local, before);
        assert_eq!(merge.unchanged, ["p1"]);
        assert_eq!(
            (merge.conflicts[0].kept, merge.conflicts[0].changes_not_kept),
            (Side::Local, 2)
        );
    }

    #[test]
    fn invalid_or_surplus_people_are_refused_not_dropped_silently() {
        let mut local = Caseload::new();
        let mut imported = caseload(&[("p1", "A. B.", 0, 0), ("p2", "C. D.", 0, 0)]);
        imported.people[0].label = "A.\nB.".into();
        imported.people[1].id = "p 2".into();
        let merge = local.merge(imported);
        assert_eq!(merge.refused, ["p1", "p 2"]);
        assert!(local.people.is_empty());

        // An imported winner's invalid label is not kept.
        let mut local = caseload(&[("p1", "A. B.", 0, 0)]);
        let mut imported = caseload(&[("p1", "A. B.", 1, 0)]);
        imported.people[0].label = String::new();
        let merge = local.merge(imported);
        assert_eq!(merge.updated, ["p1"]);
        assert_eq!(local.get("p1").unwrap().label, "A. B.");
        assert!(merge.conflicts.is_empty());
    }
}
