//! Drawing the plan itself: its objectives and their actions, each
//! status changed where it stands, and the forms that add or change a step.

use passerelle_core::orientation::national::national_orientation_at;
use passerelle_core::plan::{Action, ActionKind, ActionStatus, Objective, ObjectiveStatus};
use passerelle_core::print::print_view;
use passerelle_core::Message;
use wasm_bindgen::prelude::*;
use web_sys::Element;

use crate::ui::dom::{element, Attribute};
use crate::ui::parts;
use crate::ui::texts::theme_label;
use crate::ui::widget;
use crate::ui::words::WidgetText;

use super::ids::{Button, Form};
use super::{ids, PlanView, ACTORS};

impl PlanView {
    /// The plan: objectives, their actions with a status each, the files,
    /// the review form.
    pub(super) fn draw_plan(&mut self) -> Result<(), JsValue> {
        let Some(plan) = self.plan.clone() else {
            return Ok(());
        };
        let doc = self.document.clone();
        let doc = &doc;
        // Until the first review point, what the plan holds and at what
        // pace.
        if plan.reviews.is_empty() {
            let per_week = plan.schedule.steps_per_week;
            self.body.append_child(&*element(
                doc,
                "p",
                &[("id", "passerelle-first-steps"), ("class", "help")],
                Some(&WidgetText::FirstStepsSummary { per_week }.text(self.locale)),
            )?)?;
        }
        for objective in &plan.objectives {
            let section = element(
                doc,
                "section",
                &[
                    ("class", "objective"),
                    ("part", "objective"),
                    ("aria-labelledby", &ids::objective(&objective.id)),
                ],
                None,
            )?;
            let (words, language) = theme_label(&objective.theme, self.locale);
            let heading = element(
                doc,
                "h3",
                &[("id", &ids::objective(&objective.id)), ("tabindex", "-1")],
                Some(&words),
            )?;
            if language != self.locale {
                widget::mark_language(&heading, language)?;
            }
            section.append_child(&heading)?;
            if let Some(statement) = &objective.statement {
                section.append_child(&*element(
                    doc,
                    "p",
                    &[("class", "statement")],
                    Some(statement),
                )?)?;
            }
            section.append_child(&*self.objective_status(objective)?)?;
            let list = element(doc, "ol", &[("class", "actions-list")], None)?;
            for action in &objective.actions {
                list.append_child(&*self.action(action)?)?;
            }
            section.append_child(&list)?;
            section.append_child(&*self.add_action_form(objective)?)?;
            self.body.append_child(&section)?;
        }
        // The national orientation, indicative, without the IAE: the
        // pathway the plan is part of.
        if let Ok(Some(national)) = national_orientation_at(&plan.facts, self.today) {
            let view = crate::ui::national::NationalView {
                document: doc,
                locale: self.locale,
                with_iae: false,
            };
            view.draw(&self.body, &national)?;
        }
        self.draw_add_objective(&plan)?;

        let files = element(doc, "div", &[("class", "files"), ("part", "files")], None)?;
        let print = print_view(
            &plan,
            &crate::ui::communes::named(&self.catalogue),
            self.today,
        );
        let print_url = self.object_url(&print, "text/html")?;
        files.append_child(&*element(
            doc,
            "a",
            &[
                ("href", &print_url),
                ("target", "_blank"),
                ("rel", "noopener"),
            ],
            Some(&self.text(WidgetText::OpenPrintView)),
        )?)?;
        let file_url = self.object_url(&plan.to_json(), "application/json")?;
        files.append_child(&*element(
            doc,
            "a",
            &[
                ("href", &file_url),
                ("download", &format!("plan-{}.json", self.today)),
                ("id", "passerelle-save"),
            ],
            Some(&self.text(WidgetText::SavePlanFile)),
        )?)?;
        self.body.append_child(&files)?;
        self.draw_follow_up(&plan)?;
        self.draw_referral(&plan)?;
        self.draw_open()?;
        self.draw_review(&plan)?;
        if !self.confirming_rebuild {
            let actions = parts::action_row(
                doc,
                &[
                    ("type", "button"),
                    ("class", "secondary"),
                    ("id", "passerelle-rebuild"),
                    ("data-do", Button::Rebuild.to_attr()),
                ],
                &self.text(WidgetText::RebuildPlan),
            )?;
            self.body.append_child(&actions)?;
            return Ok(());
        }
        // Asked first: the plan there is would be replaced.
        let confirm = element(
            doc,
            "div",
            &[
                ("class", "confirm"),
                ("role", "group"),
                ("aria-labelledby", "passerelle-rebuild-warning"),
            ],
            None,
        )?;
        confirm.append_child(&*element(
            doc,
            "p",
            &[("id", "passerelle-rebuild-warning"), ("tabindex", "-1")],
            Some(&self.text(WidgetText::RebuildWarning)),
        )?)?;
        let row = parts::action_row(
            doc,
            &[
                ("type", "button"),
                ("class", "primary"),
                ("id", "passerelle-rebuild-cancel"),
                ("data-do", Button::RebuildCancel.to_attr()),
            ],
            &self.text(WidgetText::KeepPlan),
        )?;
        row.append_child(&*element(
            doc,
            "button",
            &[
                ("type", "button"),
                ("class", "secondary"),
                ("id", "passerelle-rebuild-confirm"),
                ("data-do", Button::RebuildConfirm.to_attr()),
            ],
            Some(&self.text(WidgetText::ConfirmRebuild)),
        )?)?;
        confirm.append_child(&row)?;
        self.body.append_child(&confirm)?;
        Ok(())
    }

    /// One action: what, when, who, how to reach the partner, its status.
    pub(super) fn action(&self, action: &Action) -> Result<Element, JsValue> {
        let doc = &self.document;
        let item = element(
            doc,
            "li",
            &[
                ("class", "action"),
                ("part", "action"),
                ("data-action", &action.id),
                ("data-status", action.status.name()),
            ],
            None,
        )?;
        let title = element(
            doc,
            "p",
            &[
                ("class", "title"),
                ("id", &ids::action(&action.id)),
                ("tabindex", "-1"),
            ],
            Some(&action.title),
        )?;
        // The plan writes its steps in its own language: a plan file
        // opened in a widget that speaks another says so.
        let written_in = self.plan.as_ref().map_or(self.locale, |plan| plan.locale);
        if written_in != self.locale && action.kind != ActionKind::Other {
            widget::mark_language(&title, written_in)?;
        }
        item.append_child(&title)?;
        item.append_child(&*element(
            doc,
            "p",
            &[("class", "due")],
            Some(&passerelle_core::print::due(action.due, self.today).text(self.locale)),
        )?)?;
        item.append_child(&*element(
            doc,
            "p",
            &[("class", "who")],
            Some(
                &Message::PrintWho {
                    actor: action.actor,
                    partner: action.contact.as_ref().map(|c| c.name.as_str()),
                }
                .text(self.locale),
            ),
        )?)?;
        if let Some(contact) = &action.contact {
            let ways = parts::contact_ways(
                doc,
                self.locale,
                contact.phone.as_deref(),
                contact.email.as_deref(),
                contact.url.as_deref(),
            )?;
            // Where to go and when, from the partner's catalogue entry (the
            // plan keeps only its phone, e-mail and web site).
            if let Some(entry) = action
                .entry
                .as_deref()
                .and_then(|id| self.catalogue.entry(id))
            {
                parts::reception_ways(doc, self.locale, &ways, &entry.access)?;
            }
            item.append_child(&ways)?;
        }
        item.append_child(&*self.action_form(action)?)?;
        // The list is named by its question and its step: "Où en
        // êtes-vous ? Contacter : Mission locale", one list per step.
        let options = ActionStatus::ALL.map(|status| {
            (
                Some(status.name()),
                WidgetText::ActionStatusName(status).text(self.locale),
                status == action.status,
            )
        });
        let field = self.status_list(
            ("status", "data-action", &action.id),
            &ids::action(&action.id),
            &self.text(WidgetText::ActionStatusLabel),
            &options,
        )?;
        item.append_child(&field)?;
        Ok(item)
    }

    /// "Change this step": the title and the date of an action, in a
    /// `details` that stays open while it shows a refusal.
    pub(super) fn action_form(&self, action: &Action) -> Result<Element, JsValue> {
        let doc = &self.document;
        let id = &action.id;
        let title_id = ids::action_title(id);
        let refused = self
            .error
            .as_ref()
            .is_some_and(|(_, control)| *control == title_id);
        let details = element(doc, "details", &[("class", "change")], None)?;
        if refused {
            details.set_attribute("open", "")?;
        }
        details.append_child(&*element(
            doc,
            "summary",
            &[("id", &ids::change_action(id))],
            Some(&self.text(WidgetText::ChangeActionTitle)),
        )?)?;
        let form = element(
            doc,
            "form",
            &[
                ("data-form", Form::ChangeAction.to_attr()),
                ("data-action", id),
                ("novalidate", ""),
            ],
            None,
        )?;
        form.append_child(&*element(
            doc,
            "label",
            &[("for", &title_id)],
            Some(&self.text(WidgetText::ActionTitleLabel)),
        )?)?;
        let title = element(
            doc,
            "input",
            &[
                ("type", "text"),
                ("id", &title_id),
                ("value", &action.title),
            ],
            None,
        )?;
        let error = self.error_for(&title_id, &title)?;
        form.append_child(&title)?;
        if let Some(error) = error {
            form.append_child(&error)?;
        }
        let due_id = ids::action_due(id);
        form.append_child(&*element(
            doc,
            "label",
            &[("for", &due_id)],
            Some(&self.text(WidgetText::ActionDueLabel)),
        )?)?;
        let due = action.due.map(|date| date.to_string()).unwrap_or_default();
        form.append_child(&*element(
            doc,
            "input",
            &[("type", "date"), ("id", &due_id), ("value", &due)],
            None,
        )?)?;
        form.append_child(&*element(
            doc,
            "button",
            &[("type", "submit"), ("class", "secondary")],
            Some(&self.text(WidgetText::SaveAction)),
        )?)?;
        details.append_child(&form)?;
        Ok(details)
    }

    /// The list that says where an objective stands, and changes it.
    pub(super) fn objective_status(&self, objective: &Objective) -> Result<Element, JsValue> {
        // Named by its question and its goal's heading, as each step's.
        let options = ObjectiveStatus::ALL.map(|status| {
            (
                None,
                WidgetText::ObjectiveStatusName(status).text(self.locale),
                status == objective.status,
            )
        });
        self.status_list(
            ("objective-status", "data-objective", &objective.id),
            &ids::objective(&objective.id),
            &self.text(WidgetText::ObjectiveStatusLabel),
            &options,
        )
    }

    /// A list that says where a step or a goal (its id `of`) stands and
    /// changes it, with the id `passerelle-{kind}-{of}`: named by its
    /// question `words` and the heading `heading_id` of what it is for,
    /// the attribute `data` holding `of` for the change listener; each
    /// option with its value (if any), its words, and whether it is the
    /// status now.
    fn status_list(
        &self,
        (kind, data, of): (&str, &str, &str),
        heading_id: &str,
        words: &str,
        options: &[(Option<&str>, String, bool)],
    ) -> Result<Element, JsValue> {
        let doc = &self.document;
        let id = &format!("passerelle-{kind}-{of}");
        let label_id = format!("passerelle-{kind}-label-{of}");
        let select = element(
            doc,
            "select",
            &[
                ("id", id),
                (data, of),
                ("aria-labelledby", &format!("{label_id} {heading_id}")),
            ],
            None,
        )?;
        for (value, words, now) in options {
            let option = element(doc, "option", &[], Some(words))?;
            if let Some(value) = value {
                option.set_attribute("value", value)?;
            }
            if *now {
                option.set_attribute("selected", "")?;
            }
            select.append_child(&option)?;
        }
        let field = parts::field(doc, id, Some(&label_id), words, &select)?;
        if let Some(error) = self.error_for(id, &select)? {
            field.append_child(&error)?;
        }
        Ok(field)
    }

    /// A `details` (its summary: `summary`, with the id `id`) holding a
    /// form (`data-form`: `kind`, more attributes in `attributes`), open
    /// while one of its controls (`controls`) shows a refusal.
    pub(super) fn disclosure(
        &self,
        (id, summary): (&str, &str),
        kind: Form,
        attributes: &[(&str, &str)],
        controls: &[&str],
    ) -> Result<(Element, Element), JsValue> {
        let doc = &self.document;
        let refused = self
            .error
            .as_ref()
            .is_some_and(|(_, control)| controls.contains(&control.as_str()));
        let details = element(doc, "details", &[("class", "change")], None)?;
        if refused {
            details.set_attribute("open", "")?;
        }
        details.append_child(&*element(doc, "summary", &[("id", id)], Some(summary))?)?;
        let form = element(
            doc,
            "form",
            &[("data-form", kind.to_attr()), ("novalidate", "")],
            None,
        )?;
        for (name, value) in attributes {
            form.set_attribute(name, value)?;
        }
        details.append_child(&form)?;
        Ok((details, form))
    }

    /// A label and a control in `form`, the control's refusal after it.
    pub(super) fn labelled(
        &self,
        form: &Element,
        label: WidgetText,
        control: &Element,
    ) -> Result<(), JsValue> {
        let id = control.id();
        form.append_child(&*element(
            &self.document,
            "label",
            &[("for", &id)],
            Some(&self.text(label)),
        )?)?;
        let error = self.error_for(&id, control)?;
        form.append_child(control)?;
        if let Some(error) = error {
            form.append_child(&error)?;
        }
        Ok(())
    }

    /// "Add a step" to an objective: what, when, who.
    pub(super) fn add_action_form(&self, objective: &Objective) -> Result<Element, JsValue> {
        let doc = &self.document;
        let oid = &objective.id;
        let title_id = ids::new_action_title(oid);
        let (details, form) = self.disclosure(
            (
                &format!("passerelle-add-action-{oid}"),
                &self.text(WidgetText::AddActionTitle),
            ),
            Form::AddAction,
            &[("data-objective", oid)],
            &[&title_id],
        )?;
        let title = element(doc, "input", &[("type", "text"), ("id", &title_id)], None)?;
        self.labelled(&form, WidgetText::ActionTitleLabel, &title)?;
        let due_id = ids::new_action_due(oid);
        let due = element(doc, "input", &[("type", "date"), ("id", &due_id)], None)?;
        self.labelled(&form, WidgetText::ActionDueLabel, &due)?;
        let actor_id = ids::new_action_actor(oid);
        let actors = element(doc, "select", &[("id", &actor_id)], None)?;
        for actor in ACTORS {
            actors.append_child(&*element(
                doc,
                "option",
                &[("value", actor.name())],
                Some(&WidgetText::ActorName(actor).text(self.locale)),
            )?)?;
        }
        self.labelled(&form, WidgetText::ActionActorLabel, &actors)?;
        form.append_child(&*element(
            doc,
            "button",
            &[
                ("type", "submit"),
                ("class", "secondary"),
                ("id", &format!("passerelle-save-action-{oid}")),
            ],
            Some(&self.text(WidgetText::SaveNewAction)),
        )?)?;
        Ok(details)
    }
}
