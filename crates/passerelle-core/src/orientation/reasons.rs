//! Reasons on demand: an orientation made without explanations keeps
//! what it needs to explain any of its entries later, and explains only
//! the entries a page shows.
//!
//! Explaining every entry of a catalogue of 10,000 writes 60,000
//! sentences that nobody reads. What an explanation needs is the person's
//! resolved facts, the reference date, the language and the catalogue:
//! [`Reasons`] keeps the first three (about a kilobyte, whatever the
//! catalogue's size), and [`Reasons::explain`] evaluates again, recording
//! each condition's status, only the entries asked for. Evaluating one
//! entry costs tens of nanoseconds, so keeping the statuses of all (one
//! byte per condition of the catalogue, per orientation) would save
//! nothing worth the memory. The explanations are those of an orientation
//! made with explanations, to the byte (`tests/reasons_on_demand.rs`).

use serde::ser::SerializeSeq;
use serde::{Serialize, Serializer};

use std::borrow::Cow;

use super::{
    evaluate, explained_with, Evaluation, ExplainedEvaluation, NeedOrientation, Orientation,
};
use crate::base::date::Date;
use crate::base::problem::Problem;
use crate::catalogue::Catalogue;
use crate::rules::explanation::Explanations;
use crate::text::Locale;
use crate::vocabulary::facts::Facts;

/// What explains the entries of one orientation on demand (les motifs, à
/// la demande): the person's facts as the orientation resolved them, its
/// reference date and its language. It borrows nothing, so that it can be
/// kept beside the catalogue the orientation was made from (a JavaScript
/// handle keeps both).
#[derive(Debug, Clone)]
pub struct Reasons {
    facts: Facts,
    reference_date: Date,
    locale: Locale,
}

/// The evaluations of the entries asked of [`Reasons::explain`], in the
/// order asked, each with its explanation. In JSON, a list of
/// [`ExplainedEvaluation`]s: `[{id, status, missing, held?, explanation}]`,
/// each as in the `evaluations` of an orientation made with explanations.
#[derive(Debug, Clone)]
pub struct Explained<'c> {
    explanations: Explanations<'c>,
    evaluations: Vec<Evaluation<'c>>,
}

impl<'c> Orientation<'c> {
    /// What explains any of its entries later ([`Reasons::explain`]),
    /// whether it was made with explanations or not.
    pub fn reasons(&self) -> Reasons {
        Reasons {
            facts: self.explanations.facts().clone(),
            reference_date: self.reference_date,
            locale: self.explanations.locale(),
        }
    }

    /// The orientation without its evaluations: what a page shows first,
    /// with the ids of the entries found eligible and undetermined in
    /// place of every entry's evaluation.
    pub fn summary(&self) -> OrientationSummary<'_> {
        let matched = self.matched();
        OrientationSummary {
            reference_date: self.reference_date,
            urgent_contacts: &self.urgent_contacts,
            needs: &self.needs,
            held: &self.held,
            eligible: matched.eligible,
            undetermined: matched.undetermined,
        }
    }
}

/// An orientation whose evaluations are asked on demand ([`Reasons`]): in
/// JSON, `reference_date`, `urgent_contacts`, `needs` and `held` as in the
/// whole orientation, then `eligible` and `undetermined` (ids, in
/// catalogue order, as [`Orientation::matched`]); the entries in neither
/// are ruled out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OrientationSummary<'a> {
    pub reference_date: Date,
    pub urgent_contacts: &'a [&'a str],
    pub needs: &'a [NeedOrientation<'a>],
    pub held: &'a [&'a str],
    pub eligible: Vec<&'a str>,
    pub undetermined: Vec<&'a str>,
}

impl Reasons {
    /// The evaluations of the entries `ids` of `catalogue` (the catalogue
    /// the orientation was made from), in the order given, each with its
    /// explanation in the orientation's language: exactly those of the
    /// orientation made with explanations. An id that is not an entry in
    /// force at the reference date (so not in the orientation) is refused:
    /// `unknown_entry` at `$[i]`, every one reported.
    ///
    /// ```
    /// use passerelle_core::catalogue::Catalogue;
    /// use passerelle_core::date::Date;
    /// use passerelle_core::facts::Facts;
    /// use passerelle_core::orientation::{orient, Request};
    /// use passerelle_core::Locale;
    ///
    /// let catalogue = Catalogue::national();
    /// let facts = Facts::from_json(r#"{"age": 19, "postal_code": "93200"}"#).unwrap();
    /// let request = Request {
    ///     facts: &facts, needs: &[], reference_date: Date::parse("2026-12-03").unwrap(),
    ///     locale: Locale::Fr, explain: false,
    /// };
    /// // Made without explanations: only the entry shown is explained.
    /// let reasons = orient(&catalogue, &request).unwrap().reasons();
    /// let explained = reasons.explain(&catalogue, &["mission-locale"]).unwrap();
    /// let mission_locale = explained.iter().next().unwrap();
    /// assert_eq!(
    ///     mission_locale.explanation.get(0).unwrap().text(),
    ///     "Habiter en France\u{a0}: votre département est Seine-Saint-Denis (93)",
    /// );
    /// let refused = reasons.explain(&catalogue, &["mission-locale", "no-such-entry"]).unwrap_err();
    /// assert_eq!((refused[0].code, refused[0].path.as_str()), ("unknown_entry", "$[1]"));
    /// ```
    pub fn explain<'c>(
        &self,
        catalogue: &'c Catalogue,
        ids: &[&str],
    ) -> Result<Explained<'c>, Vec<Problem>> {
        let mut positions = Vec::with_capacity(ids.len());
        let mut problems = Vec::new();
        for (i, id) in ids.iter().enumerate() {
            match catalogue.position(id) {
                Some(index) if catalogue.in_force(index, self.reference_date) => {
                    positions.push(index)
                }
                _ => problems.push(Problem::new(
                    "unknown_entry",
                    &format!("$[{i}]"),
                    format!(
                        "{id:?} is not an entry of this orientation: its catalogue has no entry \
                         of this id in force on {}",
                        self.reference_date
                    ),
                )),
            }
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        let mut explanations = Explanations::of_program(
            Cow::Borrowed(catalogue.program()),
            self.facts.clone(),
            catalogue.communes(),
            self.locale,
            true,
        );
        let evaluations = positions
            .into_iter()
            .map(|index| evaluate(catalogue, index, &mut explanations, self.reference_date))
            .collect();
        Ok(Explained {
            explanations,
            evaluations,
        })
    }
}

impl<'c> Explained<'c> {
    /// Each evaluation with its explanation, in the order asked.
    pub fn iter(&self) -> impl Iterator<Item = ExplainedEvaluation<'_>> {
        (self.evaluations.iter()).map(|evaluation| explained_with(&self.explanations, evaluation))
    }

    pub fn len(&self) -> usize {
        self.evaluations.len()
    }

    pub fn is_empty(&self) -> bool {
        self.evaluations.is_empty()
    }
}

impl Serialize for Explained<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut list = serializer.serialize_seq(Some(self.len()))?;
        for explained in self.iter() {
            list.serialize_element(&explained)?;
        }
        list.end()
    }
}
