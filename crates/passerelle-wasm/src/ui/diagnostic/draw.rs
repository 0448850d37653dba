//! Drawing `<passerelle-diagnostic>`: the urgent alerts, the question
//! with its progress, and the end of the questionnaire.

use passerelle_core::{Message, Progress, Question, UrgentAlert};
use wasm_bindgen::prelude::*;
use web_sys::Element;

use crate::ui::dom::{element, Attribute};
use crate::ui::parts;
use crate::ui::texts::theme_label;
use crate::ui::widget;
use crate::ui::words::WidgetText;

use super::{ids, ids::Button, priority_name, Diagnostic, Rejected};

impl Diagnostic {
    /// Renders the current question, or the end of the questionnaire.
    /// Returns whether it is the end.
    pub(super) fn render(&mut self) -> Result<bool, JsValue> {
        self.questionnaire
            .set_communes(crate::ui::communes::loaded());
        let shown = self.draw()?;
        let complete = shown.is_none();
        self.shown = shown;
        self.raised = self.draw_urgent(complete)?;
        self.keeper.guard_unload(!self.session.asked().is_empty());
        self.draw_privacy()?;
        Ok(complete)
    }

    /// Above the question: the quick exit when offered, and the urgent
    /// alerts raised so far with their contacts, open right after an
    /// alert is raised (announced then, once) and at the end, folded on
    /// the other steps. Returns the alerts drawn.
    pub(super) fn draw_urgent(&self, complete: bool) -> Result<Vec<UrgentAlert>, JsValue> {
        let doc = &self.document;
        self.urgent.set_text_content(None);
        if self.session.offers_quick_exit(&self.questionnaire) {
            self.urgent.append_child(&*crate::ui::alerts::quick_exit(
                doc,
                self.locale,
                &self.quick_exit,
            )?)?;
        }
        let alerts = self.session.alerts_raised(&self.questionnaire);
        let new: Vec<UrgentAlert> = alerts
            .iter()
            .copied()
            .filter(|alert| !self.raised.contains(alert))
            .collect();
        let open = complete || !new.is_empty();
        if let Some(panel) = crate::ui::alerts::panel(doc, self.locale, &alerts, open, &new)? {
            self.urgent.append_child(&panel)?;
        }
        Ok(alerts)
    }

    /// Draws the current step; returns the id of the question drawn.
    pub(super) fn draw(&self) -> Result<Option<String>, JsValue> {
        if let Some(container) = self.body.parent_element() {
            widget::mark_language(&container, self.locale)?;
        }
        self.body.set_text_content(None);
        let step = self.session.step(&self.questionnaire);
        match step.question {
            Some(question) => {
                self.progress
                    .set_text_content(Some(&self.text(WidgetText::ProgressLeft {
                        current: step.progress.answered + 1,
                        left: step.progress.left,
                        last: step.progress.last,
                    })));
                self.draw_question(question, step.progress)?;
                Ok(Some(question.id.clone()))
            }
            None => {
                self.progress.set_text_content(None);
                self.draw_end()?;
                Ok(None)
            }
        }
    }

    pub(super) fn draw_question(
        &self,
        question: &Question,
        progress: Progress,
    ) -> Result<(), JsValue> {
        let doc = &self.document;
        let locale = self.locale;
        let form = element(
            doc,
            "form",
            &[
                ("novalidate", ""),
                ("part", "form"),
                ("data-question", &question.id),
            ],
            None,
        )?;
        let section = self
            .questionnaire
            .position(&question.id)
            .and_then(|position| self.questionnaire.section_at(position));
        if let Some(section) = section {
            form.append_child(&*element(
                doc,
                "h2",
                &[
                    ("id", "passerelle-section"),
                    ("class", "section"),
                    ("part", "section"),
                ],
                Some(section.title.get(locale)),
            )?)?;
        }
        let mut described_by = Vec::new();
        if question.help.is_some() {
            described_by.push("passerelle-help");
        }
        if self.rejected.is_some() {
            described_by.push("passerelle-error");
        }
        let described_by = described_by.join(" ");
        let fieldset = element(doc, "fieldset", &[], None)?;
        if !described_by.is_empty() {
            fieldset.set_attribute("aria-describedby", &described_by)?;
        }
        let legend = element(doc, "legend", &[], None)?;
        legend.append_child(&*element(
            doc,
            "h3",
            &[
                ("id", ids::QUESTION),
                ("tabindex", "-1"),
                ("part", "question"),
            ],
            Some(question.label.get(locale)),
        )?)?;
        fieldset.append_child(&legend)?;
        if let Some(help) = &question.help {
            fieldset.append_child(&*element(
                doc,
                "p",
                &[
                    ("id", "passerelle-help"),
                    ("class", "help"),
                    ("part", "help"),
                ],
                Some(help.get(locale)),
            )?)?;
        }
        if let Some(Rejected { error, .. }) = &self.rejected {
            let message = error.message(Some(question), locale);
            let paragraph = parts::field_error(doc, locale, "passerelle-error", &message)?;
            fieldset.append_child(&paragraph)?;
        }
        self.draw_answers(&fieldset, question, &described_by)?;
        form.append_child(&fieldset)?;

        let actions = element(doc, "div", &[("class", "actions")], None)?;
        actions.append_child(&*element(
            doc,
            "button",
            &[
                ("type", "submit"),
                ("id", "passerelle-continue"),
                ("class", "primary"),
                ("part", "button primary-button"),
            ],
            Some(&self.text(WidgetText::Continue)),
        )?)?;
        if question.skippable {
            actions.append_child(&*element(
                doc,
                "button",
                &[
                    ("type", "button"),
                    ("id", "passerelle-skip"),
                    ("class", "secondary"),
                    ("data-action", Button::Skip.to_attr()),
                    ("part", "button skip-button"),
                ],
                Some(&self.text(WidgetText::Skip)),
            )?)?;
        }
        if progress.answered > 0 {
            actions.append_child(&*self.back_button()?)?;
        }
        form.append_child(&actions)?;
        self.body.append_child(&form)?;
        Ok(())
    }

    pub(super) fn back_button(&self) -> Result<Element, JsValue> {
        element(
            &self.document,
            "button",
            &[
                ("type", "button"),
                ("id", "passerelle-back"),
                ("class", "secondary"),
                ("data-action", Button::Back.to_attr()),
                ("part", "button back-button"),
            ],
            Some(&self.text(WidgetText::Back)),
        )
    }

    /// The end: the needs found, then where the answers are kept (the
    /// urgent alerts' panel, open, is above it: [`Self::draw_urgent`]).
    pub(super) fn draw_end(&self) -> Result<(), JsValue> {
        let doc = &self.document;
        let locale = self.locale;
        let diagnosis = self.session.diagnosis(&self.questionnaire, locale);
        self.body.append_child(&*element(
            doc,
            "h2",
            &[("id", ids::END), ("tabindex", "-1"), ("part", "question")],
            Some(&self.text(WidgetText::Completed)),
        )?)?;

        if !diagnosis.needs.is_empty() {
            let section = element(
                doc,
                "section",
                &[
                    ("class", "needs"),
                    ("part", "needs"),
                    ("aria-labelledby", "passerelle-needs-title"),
                ],
                None,
            )?;
            section.append_child(&*element(
                doc,
                "h3",
                &[("id", "passerelle-needs-title")],
                Some(&WidgetText::NeedsTitle.text(locale)),
            )?)?;
            // In the diagnosis's order: urgent first, then the person's
            // own order when given. Not numbered: the numbers would not be
            // the ranks the person gave.
            let list = element(doc, "ul", &[("class", "need-list")], None)?;
            for need in &diagnosis.needs {
                let item = element(
                    doc,
                    "li",
                    &[
                        ("class", "need"),
                        ("part", "need"),
                        ("data-theme", &need.theme),
                    ],
                    None,
                )?;
                let (words, language) = theme_label(&need.theme, locale);
                let label = element(doc, "span", &[("class", "theme")], Some(&words))?;
                if language != locale {
                    widget::mark_language(&label, language)?;
                }
                item.append_child(&label)?;
                item.append_child(&*element(
                    doc,
                    "span",
                    &[
                        ("class", "priority"),
                        ("data-priority", priority_name(need.priority)),
                    ],
                    Some(&Message::NeedPriority(need.priority).text(locale)),
                )?)?;
                list.append_child(&item)?;
            }
            section.append_child(&list)?;
            self.body.append_child(&section)?;
        }

        self.body.append_child(&*element(
            doc,
            "p",
            &[("class", "help")],
            Some(&self.text(WidgetText::CompletedDetail)),
        )?)?;
        let actions = element(doc, "div", &[("class", "actions")], None)?;
        actions.append_child(&*self.back_button()?)?;
        self.body.append_child(&actions)?;
        Ok(())
    }
}
