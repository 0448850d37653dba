//! Drawing `<passerelle-plan>`: the render, the build form, opening a
//! file, a refusal's message and what was just done.

use passerelle_core::orientation::Priority;
use passerelle_core::Message;
use wasm_bindgen::prelude::*;
use web_sys::Element;

use crate::ui::dom::{element, Attribute};
use crate::ui::parts;
use crate::ui::texts::theme_label;
use crate::ui::widget;
use crate::ui::words::WidgetText;

use super::ids::Form;
use super::{ids, PlanView};

impl PlanView {
    /// The paragraph telling what was just done, if it is `id`'s; the
    /// focus goes there.
    pub(super) fn done_for(&self, id: &str) -> Result<Option<Element>, JsValue> {
        match &self.done {
            Some((said, at)) if *at == id => Ok(Some(element(
                &self.document,
                "p",
                &[
                    ("id", id),
                    ("tabindex", "-1"),
                    ("role", "status"),
                    ("class", "done"),
                ],
                Some(said),
            )?)),
            _ => Ok(None),
        }
    }

    pub(super) fn render(&mut self) -> Result<(), JsValue> {
        if let Some(container) = self.body.parent_element() {
            widget::mark_language(&container, self.locale)?;
        }
        let title = self.root()?.get_element_by_id(ids::TITLE);
        if let Some(title) = title {
            title.set_text_content(Some(&self.text(Message::PlanTitle)));
        }
        self.revoke_urls();
        // A refusal keeps what the person wrote, to correct it.
        let typed = match self.error {
            Some(_) => self.typed()?,
            None => Vec::new(),
        };
        self.body.set_text_content(None);
        // The urgent alerts first, folded: the plan's, else the diagnosis's.
        let alerts: Vec<_> = match (&self.plan, &self.diagnosis) {
            (Some(plan), _) => plan.urgent.clone(),
            (None, Some(diagnosis)) => diagnosis.urgent.iter().map(|raised| raised.alert).collect(),
            (None, None) => Vec::new(),
        };
        crate::ui::alerts::append_reminder(
            &self.body,
            &self.document,
            self.locale,
            &alerts,
            false,
            &self.quick_exit,
        )?;
        self.keeper.guard_unload(self.plan.is_some());
        let drawn = self.draw_body();
        self.write_back(&typed)?;
        drawn?;
        self.draw_privacy()
    }

    /// The plan, or the form that builds it, or what the widget waits for.
    pub(super) fn draw_body(&mut self) -> Result<(), JsValue> {
        if self.plan.is_some() {
            self.draw_plan()?;
        } else if self.diagnosis.is_some() {
            self.draw_build()?;
        } else {
            self.body.append_child(&*element(
                &self.document,
                "p",
                &[("class", "help")],
                Some(&self.text(WidgetText::PlanWaiting)),
            )?)?;
            self.draw_open()?;
        }
        Ok(())
    }

    /// The message of a refusal for control `id`, if there is one; the
    /// control gets `aria-describedby` and `aria-invalid`.
    pub(super) fn error_for(
        &self,
        id: &str,
        control: &Element,
    ) -> Result<Option<Element>, JsValue> {
        let Some((message, for_id)) = &self.error else {
            return Ok(None);
        };
        if for_id != id {
            return Ok(None);
        }
        control.set_attribute("aria-describedby", ids::ERROR)?;
        control.set_attribute("aria-invalid", "true")?;
        Ok(Some(parts::field_error(
            &self.document,
            self.locale,
            ids::ERROR,
            message,
        )?))
    }

    /// The needs to work on, ticked by default (urgent ones first), and
    /// the pace.
    pub(super) fn draw_build(&mut self) -> Result<(), JsValue> {
        let doc = &self.document;
        let Some(diagnosis) = &self.diagnosis else {
            return Ok(());
        };
        let form = element(
            doc,
            "form",
            &[
                ("id", "passerelle-build"),
                ("data-form", Form::Build.to_attr()),
                ("part", "form"),
            ],
            None,
        )?;
        let needs = element(
            doc,
            "fieldset",
            &[("id", ids::NEEDS), ("tabindex", "-1")],
            None,
        )?;
        needs.append_child(&*element(
            doc,
            "legend",
            &[],
            Some(&self.text(WidgetText::ChooseNeeds)),
        )?)?;
        if let Some(error) = self.error_for(ids::NEEDS, &needs)? {
            needs.append_child(&error)?;
        }
        let order = self.ordered_needs();
        let count = order.len();
        for (position, theme) in order.iter().enumerate() {
            let Some(need) = diagnosis.needs.iter().find(|need| &need.theme == theme) else {
                continue;
            };
            let id = ids::need(&need.theme);
            let ticked = self
                .chosen
                .as_ref()
                .is_none_or(|chosen| chosen.contains(&need.theme));
            let (words, language) = theme_label(&need.theme, self.locale);
            let (option, _, label) = parts::choice_row(
                doc,
                &[],
                &[("type", "checkbox"), ("id", &id), ("value", &need.theme)],
                ticked,
                &words,
            )?;
            if language != self.locale {
                widget::mark_language(&label, language)?;
            }
            if need.priority == Priority::Urgent {
                label.append_child(&*element(
                    doc,
                    "span",
                    &[("class", "priority")],
                    Some(&Message::NeedPriority(need.priority).text(self.locale)),
                )?)?;
            }
            // The person's order: up and down, each control naming its need.
            let moves = element(doc, "span", &[("class", "moves")], None)?;
            for (up, shown) in [(true, position > 0), (false, position + 1 < count)] {
                if !shown {
                    continue;
                }
                let direction = ids::direction(up);
                moves.append_child(&*element(
                    doc,
                    "button",
                    &[
                        ("type", "button"),
                        ("class", "secondary move"),
                        ("id", &ids::move_button(up, &need.theme)),
                        ("data-move", direction),
                        ("data-theme", &need.theme),
                        (
                            "aria-label",
                            &WidgetText::MoveNeed {
                                up,
                                need: Some(&words),
                            }
                            .text(self.locale),
                        ),
                    ],
                    Some(&WidgetText::MoveNeed { up, need: None }.text(self.locale)),
                )?)?;
            }
            option.append_child(&moves)?;
            needs.append_child(&option)?;
        }
        form.append_child(&needs)?;

        let pace = element(
            doc,
            "select",
            &[
                ("id", "passerelle-pace"),
                ("aria-describedby", "passerelle-pace-help"),
            ],
            None,
        )?;
        for n in 1..=7u8 {
            let value = n.to_string();
            let option = element(
                doc,
                "option",
                &[("value", &value)],
                Some(&WidgetText::StepsPerWeek(n).text(self.locale)),
            )?;
            if n == self.pace {
                option.set_attribute("selected", "")?;
            }
            pace.append_child(&option)?;
        }
        let field = parts::field(
            doc,
            "passerelle-pace",
            None,
            &self.text(WidgetText::PaceQuestion),
            &pace,
        )?;
        // The pace proposed, and why: the person changes it knowing.
        let default = passerelle_core::plan::DEFAULT_STEPS_PER_WEEK;
        field.append_child(&*element(
            doc,
            "p",
            &[("id", "passerelle-pace-help"), ("class", "help")],
            Some(&WidgetText::PaceHelp { default }.text(self.locale)),
        )?)?;
        form.append_child(&field)?;
        let actions = parts::action_row(
            doc,
            &[
                ("type", "submit"),
                ("class", "primary"),
                ("id", "passerelle-build-plan"),
            ],
            &self.text(WidgetText::BuildPlan),
        )?;
        form.append_child(&actions)?;
        self.body.append_child(&form)?;
        self.draw_open()
    }

    /// "Open a saved plan": a file field, read in the page.
    pub(super) fn draw_open(&mut self) -> Result<(), JsValue> {
        let doc = &self.document;
        let field = element(doc, "div", &[("class", "field open")], None)?;
        field.append_child(&*element(
            doc,
            "label",
            &[("for", ids::OPEN)],
            Some(&self.text(WidgetText::OpenPlanFile)),
        )?)?;
        let input = element(
            doc,
            "input",
            &[
                ("type", "file"),
                ("id", ids::OPEN),
                ("accept", ".json,application/json"),
            ],
            None,
        )?;
        let error = self.error_for(ids::OPEN, &input)?;
        field.append_child(&input)?;
        if let Some(error) = error {
            field.append_child(&error)?;
        }
        self.body.append_child(&field)?;
        Ok(())
    }
}
