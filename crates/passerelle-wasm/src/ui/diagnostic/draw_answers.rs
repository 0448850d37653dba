//! Drawing a question's answers: choices, a ranking of needs, a typed
//! value.

use passerelle_core::{AnswerError, AnswerValue, Question, QuestionKind, SessionError};
use wasm_bindgen::prelude::*;
use web_sys::Element;

use crate::ui::dom::element;
use crate::ui::parts;
use crate::ui::texts::theme_label;
use crate::ui::widget;
use crate::ui::words::WidgetText;

use super::{ids, rank_repeated, Diagnostic, Input, Rejected};

impl Diagnostic {
    /// The controls of `question`, showing the answer refused, else the
    /// answer given before, if any.
    pub(super) fn draw_answers(
        &self,
        fieldset: &Element,
        question: &Question,
        described_by: &str,
    ) -> Result<(), JsValue> {
        let locale = self.locale;
        let previous = self.session.previous_answer(&question.id);
        let rejected = self.rejected.as_ref().map(|rejected| &rejected.input);
        // The text to show in a field or the option to select.
        let text = match (rejected, previous) {
            (Some(Input::Text(text)), _) => Some(text.clone()),
            (Some(_), _) => None,
            (None, Some(AnswerValue::Bool(true))) => Some("yes".into()),
            (None, Some(AnswerValue::Bool(false))) => Some("no".into()),
            (None, Some(AnswerValue::Number(n))) => Some(n.to_string()),
            (None, Some(AnswerValue::Text(text))) => Some(text.clone()),
            (None, _) => None,
        };
        match &question.kind {
            QuestionKind::YesNo => {
                for (i, (value, label)) in [("yes", WidgetText::Yes), ("no", WidgetText::No)]
                    .into_iter()
                    .enumerate()
                {
                    fieldset.append_child(&*self.choice(
                        "radio",
                        i,
                        value,
                        &self.text(label),
                        text.as_deref() == Some(value),
                        false,
                    )?)?;
                }
            }
            QuestionKind::SingleChoice { .. } | QuestionKind::Commune => {
                let options = self.session.options(&self.questionnaire, question);
                for (i, option) in options.iter().enumerate() {
                    fieldset.append_child(&*self.choice(
                        "radio",
                        i,
                        &option.id,
                        option.label.get(locale),
                        text.as_deref() == Some(option.id.as_str()),
                        false,
                    )?)?;
                }
            }
            QuestionKind::MultipleChoice { options } => {
                let ticked: &[String] = match (rejected, previous) {
                    (Some(Input::Ticked(ids)), _) => ids,
                    (None, Some(AnswerValue::List(ids))) => ids,
                    _ => &[],
                };
                for (i, option) in options.iter().enumerate() {
                    fieldset.append_child(&*self.choice(
                        "checkbox",
                        i,
                        &option.id,
                        option.label.get(locale),
                        ticked.contains(&option.id),
                        option.exclusive,
                    )?)?;
                }
            }
            QuestionKind::Number { unit, .. } => {
                let labelled_by = if unit.is_some() {
                    "passerelle-question passerelle-unit"
                } else {
                    "passerelle-question"
                };
                let row = element(&self.document, "div", &[("class", "field")], None)?;
                row.append_child(&*self.text_input(
                    &[
                        ("type", "text"),
                        ("class", "number"),
                        ("inputmode", "numeric"),
                        ("autocomplete", "off"),
                        ("aria-labelledby", labelled_by),
                    ],
                    described_by,
                    text.as_deref(),
                )?)?;
                if let Some(unit) = unit {
                    row.append_child(&*element(
                        &self.document,
                        "span",
                        &[("id", "passerelle-unit"), ("class", "unit")],
                        Some(unit.get(locale)),
                    )?)?;
                }
                fieldset.append_child(&row)?;
            }
            QuestionKind::Date => {
                let today = self.session.reference_date().to_string();
                fieldset.append_child(&*self.text_input(
                    &[
                        ("type", "date"),
                        ("class", "date"),
                        ("max", &today),
                        ("autocomplete", "off"),
                        ("aria-labelledby", ids::QUESTION),
                    ],
                    described_by,
                    text.as_deref(),
                )?)?;
            }
            QuestionKind::PostalCode => {
                fieldset.append_child(&*self.text_input(
                    &[
                        ("type", "text"),
                        ("class", "postal-code"),
                        ("inputmode", "numeric"),
                        ("autocomplete", "postal-code"),
                        ("maxlength", "5"),
                        ("aria-labelledby", ids::QUESTION),
                    ],
                    described_by,
                    text.as_deref(),
                )?)?;
            }
            QuestionKind::ShortText { max_length } => {
                fieldset.append_child(&*self.text_input(
                    &[
                        ("type", "text"),
                        ("class", "short-text"),
                        ("maxlength", &max_length.to_string()),
                        ("autocomplete", "off"),
                        ("aria-labelledby", ids::QUESTION),
                    ],
                    described_by,
                    text.as_deref(),
                )?)?;
            }
            QuestionKind::NeedRanking => self.draw_ranking(fieldset, question, described_by)?,
        }
        Ok(())
    }

    /// One `<select>` of ranks per need found, each labelled by the need.
    pub(super) fn draw_ranking(
        &self,
        fieldset: &Element,
        question: &Question,
        described_by: &str,
    ) -> Result<(), JsValue> {
        let doc = &self.document;
        let ranks: Vec<(String, Option<usize>)> = match &self.rejected {
            Some(Rejected {
                input: Input::Ranks(ranks),
                ..
            }) => ranks.clone(),
            _ => {
                let previous = match self.session.previous_answer(&question.id) {
                    Some(AnswerValue::List(themes)) => themes.as_slice(),
                    _ => &[],
                };
                self.session
                    .needs_found(&self.questionnaire)
                    .into_iter()
                    .map(|theme| {
                        let rank = previous.iter().position(|t| *t == theme).map(|at| at + 1);
                        (theme, rank)
                    })
                    .collect()
            }
        };
        let invalid = |index: usize| match &self.rejected {
            Some(Rejected {
                error: SessionError::Answer(AnswerError::RepeatedRank),
                ..
            }) => rank_repeated(&ranks, index),
            Some(_) => true,
            None => false,
        };
        let list = element(doc, "ul", &[("class", "ranking"), ("role", "list")], None)?;
        for (i, (theme, rank)) in ranks.iter().enumerate() {
            let id = format!("passerelle-rank-{i}");
            let row = element(doc, "li", &[("class", "rank"), ("part", "rank")], None)?;
            let (words, language) = theme_label(theme, self.locale);
            let label = element(doc, "label", &[("for", &id)], Some(&words))?;
            if language != self.locale {
                widget::mark_language(&label, language)?;
            }
            row.append_child(&label)?;
            let select = element(
                doc,
                "select",
                &[
                    ("id", &id),
                    ("name", "rank"),
                    ("data-theme", theme),
                    ("part", "input"),
                ],
                None,
            )?;
            if !described_by.is_empty() {
                select.set_attribute("aria-describedby", described_by)?;
            }
            if invalid(i) {
                select.set_attribute("aria-invalid", "true")?;
            }
            select.append_child(&*element(
                doc,
                "option",
                &[("value", "")],
                Some(&self.text(WidgetText::NotRanked)),
            )?)?;
            for n in 1..=ranks.len() {
                let value = n.to_string();
                let option = element(doc, "option", &[("value", &value)], Some(&value))?;
                if *rank == Some(n) {
                    option.set_attribute("selected", "")?;
                }
                select.append_child(&option)?;
            }
            row.append_child(&select)?;
            list.append_child(&row)?;
        }
        fieldset.append_child(&list)?;
        Ok(())
    }

    /// The single field of a question: `#passerelle-input`, showing
    /// `value`; marked invalid when the last answer was refused.
    pub(super) fn text_input(
        &self,
        attributes: &[(&str, &str)],
        described_by: &str,
        value: Option<&str>,
    ) -> Result<Element, JsValue> {
        let input = element(
            &self.document,
            "input",
            &[
                ("id", ids::INPUT),
                ("name", "answer"),
                ("spellcheck", "false"),
                ("part", "input"),
            ],
            None,
        )?;
        for (name, value) in attributes {
            input.set_attribute(name, value)?;
        }
        if !described_by.is_empty() {
            input.set_attribute("aria-describedby", described_by)?;
        }
        if self.rejected.is_some() {
            input.set_attribute("aria-invalid", "true")?;
        }
        // What the person typed stays in the field, right or wrong.
        if let Some(value) = value {
            input.set_attribute("value", value)?;
        }
        Ok(input)
    }

    /// A radio button or a check box with its label.
    pub(super) fn choice(
        &self,
        kind: &str,
        index: usize,
        value: &str,
        label: &str,
        checked: bool,
        exclusive: bool,
    ) -> Result<Element, JsValue> {
        let doc = &self.document;
        let id = format!("passerelle-option-{index}");
        let class = if exclusive {
            "option exclusive"
        } else {
            "option"
        };
        let (row, input, _) = parts::choice_row(
            doc,
            &[("class", class), ("part", "option")],
            &[
                ("type", kind),
                ("id", &id),
                ("name", "answer"),
                ("value", value),
            ],
            checked,
            label,
        )?;
        if exclusive {
            input.set_attribute("data-exclusive", "")?;
        }
        Ok(row)
    }
}
