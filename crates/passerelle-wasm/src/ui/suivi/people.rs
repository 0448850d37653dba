//! The people followed: the list and each one's standing, adding a
//! person with their plan's file, one person's page (review points, and
//! their plan in `<passerelle-plan mode="advisor">`).

use passerelle_core::caseload::{standing, CaseloadError, FollowUpStatus};
use passerelle_core::plan::Plan;
use wasm_bindgen::prelude::*;
use web_sys::Element;

use crate::ui::dom::{element, Attribute};
use crate::ui::parts;
use crate::ui::words::WidgetText;

use super::ids::{self, Button, Form};
use super::{DeskText, DeskView, Screen};

impl DeskView {
    /// The list of people, each with their standing, and the add form.
    pub(super) fn draw_people(&self, into: &Element) -> Result<(), JsValue> {
        let document = &self.document;
        let Some(caseload) = self.caseload() else {
            return Ok(());
        };
        self.screen_heading(into, DeskText::PeopleTitle)?;
        if caseload.people.is_empty() {
            into.append_child(&*element(
                document,
                "p",
                &[],
                Some(&self.text(DeskText::NoPeople)),
            )?)?;
        } else {
            into.append_child(&*element(
                document,
                "p",
                &[],
                Some(&self.text(DeskText::PeopleCount(caseload.people.len()))),
            )?)?;
            let list = element(document, "ul", &[("class", "people")], None)?;
            for person in &caseload.people {
                let item = element(document, "li", &[("class", "person")], None)?;
                let heading_id = ids::person(&person.id);
                item.append_child(&*element(
                    document,
                    "h4",
                    &[("id", &heading_id)],
                    Some(&person.label),
                )?)?;
                item.append_child(&*self.standing_list(&person.plan)?)?;
                item.append_child(&*element(
                    document,
                    "button",
                    &[
                        ("type", "button"),
                        ("class", "secondary"),
                        ("data-do", Button::Open.to_attr()),
                        ("data-person", &person.id),
                    ],
                    Some(&self.text(DeskText::OpenPerson {
                        label: &person.label,
                    })),
                )?)?;
                list.append_child(&item)?;
            }
            into.append_child(&list)?;
        }
        self.draw_add_form(into)
    }

    /// A person's standing: status, next review point, steps overdue.
    fn standing_list(&self, plan: &Plan) -> Result<Element, JsValue> {
        let document = &self.document;
        let standing = standing(plan, self.today);
        let list = element(document, "ul", &[("class", "standing")], None)?;
        let status = match standing.status {
            FollowUpStatus::Active => DeskText::StatusActive,
            FollowUpStatus::Completed => DeskText::StatusCompleted,
            FollowUpStatus::Stopped => DeskText::StatusStopped,
        };
        list.append_child(&*element(document, "li", &[], Some(&self.text(status)))?)?;
        let review = match standing.next_review {
            Some(date) if standing.review_late => (DeskText::ReviewLate(date), "late"),
            Some(date) => (DeskText::NextReview(date), ""),
            None => (DeskText::NoNextReview, ""),
        };
        list.append_child(&*element(
            document,
            "li",
            &[("class", review.1)],
            Some(&self.text(review.0)),
        )?)?;
        if !standing.overdue.is_empty() {
            list.append_child(&*element(
                document,
                "li",
                &[("class", "late")],
                Some(&self.text(DeskText::Overdue(standing.overdue.len()))),
            )?)?;
        }
        Ok(list)
    }

    /// The form that adds a person: a label (initials, pseudonym) and
    /// their plan's file.
    fn draw_add_form(&self, into: &Element) -> Result<(), JsValue> {
        let document = &self.document;
        let (form, fieldset) = parts::named_form(
            document,
            Form::Add.to_attr(),
            &self.text(DeskText::AddTitle),
        )?;
        let label = element(
            document,
            "input",
            &[
                ("type", "text"),
                ("id", ids::LABEL),
                ("autocomplete", "off"),
                ("maxlength", "40"),
                ("aria-describedby", "passerelle-label-help"),
            ],
            None,
        )?;
        self.mark_error(&label, ids::LABEL)?;
        fieldset.append_child(&*parts::field(
            document,
            ids::LABEL,
            None,
            &self.text(DeskText::LabelField),
            &label,
        )?)?;
        fieldset.append_child(&*element(
            document,
            "p",
            &[("id", "passerelle-label-help"), ("class", "help")],
            Some(&self.text(DeskText::LabelHelp)),
        )?)?;
        self.error_after(&fieldset, ids::LABEL)?;
        let file = element(
            document,
            "input",
            &[
                ("type", "file"),
                ("id", ids::PLAN_FILE),
                ("accept", ".json,application/json"),
            ],
            None,
        )?;
        self.mark_error(&file, ids::PLAN_FILE)?;
        fieldset.append_child(&*parts::field(
            document,
            ids::PLAN_FILE,
            None,
            &self.text(DeskText::PlanFileField),
            &file,
        )?)?;
        self.error_after(&fieldset, ids::PLAN_FILE)?;
        form.append_child(&*parts::action_row(
            document,
            &[("type", "submit"), ("class", "primary")],
            &self.text(DeskText::AddPerson),
        )?)?;
        into.append_child(&form)?;
        Ok(())
    }

    /// Reads the add form: the plan file's text comes later.
    pub(super) fn read_added(&mut self) -> Result<(), JsValue> {
        let label = self.value_of(ids::LABEL)?;
        if label.trim().is_empty() {
            return self.refuse(self.text(DeskText::LabelEmpty), ids::LABEL);
        }
        let Some(file) = self.file_of(ids::PLAN_FILE)? else {
            return self.refuse(self.text(DeskText::PlanFileRequired), ids::PLAN_FILE);
        };
        self.waiting = true;
        crate::ui::settle::when_settled(&self.itself, Ok(file.text()), move |view, outcome| {
            view.waiting = false;
            let text = outcome
                .ok()
                .and_then(|text| text.as_string())
                .unwrap_or_default();
            let plan = match Plan::from_json(&text) {
                Ok(plan) => plan,
                Err(error) => {
                    let words = match error {
                        passerelle_core::plan::PlanError::FutureVersion { .. } => {
                            WidgetText::PlanTooNew
                        }
                        _ => WidgetText::PlanUnreadable,
                    };
                    view.refuse(view.text(words), ids::PLAN_FILE)?;
                    return Ok(None);
                }
            };
            match view.add_person(&label, plan) {
                Ok(_) => {
                    view.render()?;
                    view.focus(&format!("#{}", ids::LABEL))?;
                }
                Err(error) => {
                    let (words, control) = caseload_words(&error);
                    view.refuse(view.text(words), control)?;
                }
            }
            Ok(None)
        });
        Ok(())
    }

    /// One person's page: their standing and the review points past with
    /// their notes; their plan is drawn below (`place_plan`), where the
    /// advisor records a review point and sets the next one.
    pub(super) fn draw_person(&self, into: &Element, id: &str) -> Result<(), JsValue> {
        let document = &self.document;
        let Some(person) = self.caseload().and_then(|caseload| caseload.get(id)) else {
            return self.draw_people(into);
        };
        into.append_child(&*element(
            document,
            "button",
            &[
                ("type", "button"),
                ("data-do", Button::List.to_attr()),
                ("class", "link"),
            ],
            Some(&self.text(DeskText::BackToList)),
        )?)?;
        into.append_child(&*element(
            document,
            "h3",
            &[("id", ids::SCREEN), ("tabindex", "-1")],
            Some(&person.label),
        )?)?;
        into.append_child(&*self.standing_list(&person.plan)?)?;
        self.draw_remove(into, &person.label)?;
        // The review points past, the last first.
        into.append_child(&*element(
            document,
            "h4",
            &[],
            Some(&self.text(DeskText::ReviewsTitle)),
        )?)?;
        if person.plan.reviews.is_empty() {
            into.append_child(&*element(
                document,
                "p",
                &[],
                Some(&self.text(DeskText::NoReviews)),
            )?)?;
        } else {
            let list = element(document, "ul", &[("class", "reviews")], None)?;
            for review in person.plan.reviews.iter().rev() {
                let item = element(document, "li", &[], None)?;
                item.append_child(&*element(
                    document,
                    "p",
                    &[("class", "when")],
                    Some(&self.text(DeskText::ReviewOn(review.date))),
                )?)?;
                let notes = element(document, "dl", &[], None)?;
                for (words, text) in [
                    (WidgetText::ReviewDone, &review.done),
                    (WidgetText::ReviewStuck, &review.stuck),
                    (WidgetText::ReviewChanged, &review.changed),
                ] {
                    if text.trim().is_empty() {
                        continue;
                    }
                    notes.append_child(&*element(document, "dt", &[], Some(&self.text(words)))?)?;
                    notes.append_child(&*element(document, "dd", &[], Some(text))?)?;
                }
                item.append_child(&notes)?;
                list.append_child(&item)?;
            }
            into.append_child(&list)?;
        }
        into.append_child(&*element(
            document,
            "h4",
            &[("class", "plan-heading")],
            Some(&self.text(DeskText::PlanTitle)),
        )?)?;
        Ok(())
    }

    /// The control that takes the person out of the caseload, or the box
    /// that asks first and says what goes.
    fn draw_remove(&self, into: &Element, label: &str) -> Result<(), JsValue> {
        let document = &self.document;
        if !self.confirming_remove {
            into.append_child(&*element(
                document,
                "button",
                &[
                    ("type", "button"),
                    ("id", ids::REMOVE),
                    ("class", "secondary"),
                    ("data-do", Button::Remove.to_attr()),
                ],
                Some(&self.text(DeskText::RemovePerson { label })),
            )?)?;
            return Ok(());
        }
        let box_ = element(document, "div", &[("class", "confirm")], None)?;
        box_.append_child(&*element(
            document,
            "p",
            &[("id", ids::REMOVE_WARNING), ("tabindex", "-1")],
            Some(&self.text(DeskText::RemoveWarning { label })),
        )?)?;
        let row = element(document, "div", &[("class", "actions")], None)?;
        for (button, words, class) in [
            (
                Button::RemoveConfirmed,
                DeskText::RemovePerson { label },
                "danger",
            ),
            (Button::KeepPerson, DeskText::KeepPerson, "secondary"),
        ] {
            row.append_child(&*element(
                document,
                "button",
                &[
                    ("type", "button"),
                    ("class", class),
                    ("data-do", button.to_attr()),
                ],
                Some(&self.text(words)),
            )?)?;
        }
        box_.append_child(&row)?;
        into.append_child(&box_)?;
        Ok(())
    }

    /// Takes the person open out of the caseload, once confirmed: their
    /// plan and review points leave this device (a backup made before
    /// keeps them).
    pub(super) fn remove_person(&mut self) -> Result<(), JsValue> {
        let Screen::Person(id) = self.screen.clone() else {
            return Ok(());
        };
        self.confirming_remove = false;
        let Some(caseload) = self.caseload_mut() else {
            return Ok(());
        };
        let Ok(person) = caseload.remove(&id) else {
            return Ok(());
        };
        self.told = Some(self.text(DeskText::Removed {
            label: &person.label,
        }));
        self.save();
        self.show(Screen::Tab(super::ids::Tab::People))
    }

    /// Puts the plan of the person open in its slot, as an advisor's
    /// `<passerelle-plan>`; removes it when no person is open.
    pub(super) fn place_plan(&mut self) -> Result<(), JsValue> {
        let open = match (&self.screen, self.caseload()) {
            (Screen::Person(id), Some(caseload)) => caseload
                .get(id)
                .map(|person| (id.clone(), person.plan.to_json())),
            _ => None,
        };
        let Some((id, plan)) = open else {
            self.close_plan();
            return Ok(());
        };
        if self
            .plan_element
            .as_ref()
            .is_some_and(|(shown, _)| *shown == id)
        {
            return Ok(());
        }
        self.close_plan();
        let element = element(
            &self.document,
            "passerelle-plan",
            &[("mode", "advisor"), ("lang", self.locale.tag())],
            None,
        )?;
        js_sys::Reflect::set(&element, &"plan".into(), &js_sys::JSON::parse(&plan)?)?;
        self.plan_slot.append_child(&element)?;
        self.plan_slot.remove_attribute("hidden")?;
        self.plan_element = Some((id, element));
        Ok(())
    }

    /// The plan open changed in its widget: the caseload takes it.
    pub(super) fn plan_changed(&mut self, plan: &JsValue) -> Result<(), JsValue> {
        let Some((id, _)) = self.plan_element.clone() else {
            return Ok(());
        };
        let Some(text) = js_sys::JSON::stringify(plan)
            .ok()
            .and_then(|text| text.as_string())
        else {
            return Ok(());
        };
        let Ok(plan) = Plan::from_json(&text) else {
            return Ok(());
        };
        let Some(caseload) = self.caseload_mut() else {
            return Ok(());
        };
        if caseload.set_plan(&id, plan).is_ok() {
            self.save();
            self.render()?;
        }
        Ok(())
    }
}

/// A refusal of the caseload in words, and the control it is for.
fn caseload_words(error: &CaseloadError) -> (DeskText<'static>, &'static str) {
    match error.code() {
        "label_empty" => (DeskText::LabelEmpty, ids::LABEL),
        "label_too_long" | "label_control_characters" => (DeskText::LabelTooLong, ids::LABEL),
        "too_many_people" => (DeskText::CaseloadFull, ids::LABEL),
        _ => (DeskText::SaveFailed, ids::LABEL),
    }
}
