//! The changes to the plan held by `<passerelle-plan>`: built from the
//! needs chosen, each edit applied by the core, refusals shown.

use passerelle_core::date::Date;
use passerelle_core::plan::{
    Action, Actor, Choices, ContactDetails, Edit, Objective, Plan, PlanError, Review, Schedule,
};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlSelectElement};

use crate::ui::dom;
use crate::ui::inputs;
use crate::ui::words::WidgetText;

use super::{ids, partner_name, PlanView, ACTORS};

impl PlanView {
    /// The needs in the person's order: the diagnosis's, as moved.
    pub(super) fn ordered_needs(&self) -> Vec<String> {
        let Some(diagnosis) = &self.diagnosis else {
            return Vec::new();
        };
        let mut needs: Vec<String> = Vec::new();
        let found = self
            .order
            .iter()
            .flatten()
            .chain(diagnosis.needs.iter().map(|n| &n.theme));
        for theme in found {
            let known = diagnosis.needs.iter().any(|need| &need.theme == theme);
            if known && !needs.contains(theme) {
                needs.push(theme.clone());
            }
        }
        needs
    }

    /// Moves `theme` one place up or down the person's order, keeping the
    /// focus on the control used.
    pub(super) fn move_need(&mut self, theme: &str, up: bool) -> Result<(), JsValue> {
        self.read_choices()?;
        let mut order = self.ordered_needs();
        if let Some(at) = order.iter().position(|t| t == theme) {
            let to = if up { at.checked_sub(1) } else { Some(at + 1) };
            if let Some(to) = to.filter(|&to| to < order.len()) {
                order.swap(at, to);
            }
        }
        self.order = Some(order);
        self.render()?;
        // The same control, or the other one when the need reached an end.
        let root = self.root()?;
        for way in [up, !up] {
            let selector = format!("#{}", ids::move_button(way, theme));
            if let Some(control) = root.query_selector(&selector)? {
                return dom::focus(&control);
            }
        }
        Ok(())
    }

    /// Builds the plan from the needs ticked, in the person's order, and
    /// the pace chosen.
    pub(super) fn build(&mut self) -> Result<bool, JsValue> {
        if self.diagnosis.is_none() {
            return Ok(false);
        }
        self.read_choices()?;
        let needs = self.chosen.clone().unwrap_or_default();
        let pace = self.pace;
        let Some(diagnosis) = &self.diagnosis else {
            return Ok(false);
        };
        let mut choices = Choices::new(self.today, needs);
        choices.schedule = Schedule {
            start: self.today,
            steps_per_week: pace,
            unavailable: Vec::new(),
        };
        choices.locale = self.locale;
        choices.by = self.author;
        let mut placed = diagnosis.clone();
        placed.facts = inputs::placed(&diagnosis.facts, self.territory.as_deref())?;
        match Plan::build(
            &placed,
            &crate::ui::communes::named(&self.catalogue),
            &choices,
        ) {
            Ok(plan) => {
                self.plan = Some(plan);
                self.render()?;
                self.focus(&format!("#{}", ids::TITLE))?;
                Ok(true)
            }
            Err(error) => {
                self.refuse(&error, ids::NEEDS)?;
                Ok(false)
            }
        }
    }

    /// Applies `edit` to the plan; on a refusal, shows it by `control`.
    /// Keeps the focus on the control that had it.
    pub(super) fn apply(&mut self, edit: Edit, control: Option<&str>) -> Result<bool, JsValue> {
        let control = control.unwrap_or(ids::TITLE).to_owned();
        self.apply_or(edit, |_| control.clone())
    }

    /// Applies `edit` to the plan; on a refusal, shows it by the control
    /// whose id `control` gives for the error. Keeps the focus on the
    /// control that had it.
    pub(super) fn apply_or(
        &mut self,
        edit: Edit,
        control: impl Fn(&PlanError) -> String,
    ) -> Result<bool, JsValue> {
        let focused = self
            .root()?
            .active_element()
            .map(|element| element.id())
            .filter(|id| !id.is_empty());
        let Some(plan) = &mut self.plan else {
            return Ok(false);
        };
        // Dated no earlier than the plan's last change: a plan changed
        // once on a device whose clock ran ahead stays editable.
        let date = plan.change_date(self.today);
        if let Err(error) = plan.apply(edit, self.author, date) {
            self.refuse(&error, &control(&error))?;
            return Ok(false);
        }
        self.render()?;
        if let Some(id) = focused {
            self.focus(&format!("#{id}"))?;
        }
        Ok(true)
    }

    /// Records the review form as a review point.
    pub(super) fn review(&mut self) -> Result<bool, JsValue> {
        let review = Review {
            date: self.today,
            done: self.words_of(ids::REVIEW_DONE)?,
            stuck: self.words_of(ids::REVIEW_STUCK)?,
            changed: self.words_of(ids::REVIEW_CHANGED)?,
            facts: None,
        };
        let saved = self.apply(
            Edit::Review {
                review: Box::new(review),
            },
            Some(ids::REVIEW_DONE),
        )?;
        if saved {
            self.focus("#passerelle-review-saved")?;
        }
        Ok(saved)
    }

    /// Changes an action's title and date from its form; a title empty
    /// or too long is refused, tied to its field.
    pub(super) fn change_action(&mut self, id: &str) -> Result<bool, JsValue> {
        let Some(mut action) = self.plan.as_ref().and_then(|plan| plan.action(id)).cloned() else {
            return Ok(false);
        };
        let title_id = ids::action_title(id);
        if let Some(title) = self.value_of(&title_id)? {
            action.title = title.trim().to_owned();
        }
        if let Some(due) = self.value_of(&ids::action_due(id))? {
            action.due = Date::parse(due.trim()).ok();
        }
        let changed = self.apply(Edit::ChangeAction { action }, Some(&title_id))?;
        if changed {
            self.focus(&format!("#{}", ids::change_action(id)))?;
        }
        Ok(changed)
    }

    /// Records the person's consent for the partner chosen, then offers
    /// its referral sheet ("fiche de liaison"); without the box ticked,
    /// asks for it.
    pub(super) fn referral(&mut self) -> Result<bool, JsValue> {
        let root = self.root()?;
        let entry = root
            .query_selector("#passerelle-referral-partner")?
            .and_then(|select| select.dyn_into::<HtmlSelectElement>().ok())
            .map(|select| select.value())
            .unwrap_or_default();
        let agreed = root
            .query_selector("#passerelle-referral-consent")?
            .and_then(|input| input.dyn_into::<HtmlInputElement>().ok())
            .is_some_and(|input| input.checked());
        if !agreed {
            self.error = Some((
                self.text(WidgetText::ConsentRequired),
                ids::REFERRAL_CONSENT.to_owned(),
            ));
            self.render()?;
            return self.focus("#passerelle-referral-consent").map(|()| false);
        }
        let consent = passerelle_core::plan::Consent {
            entry: entry.clone(),
            date: self.today,
        };
        let given = self.apply(Edit::GiveConsent { consent }, Some(ids::REFERRAL_PARTNER))?;
        if given {
            self.referred = Some(entry);
            self.render()?;
            self.focus("#passerelle-referral-open")?;
        }
        Ok(given)
    }

    /// Adds the step written in an objective's form; the focus goes to
    /// the new step.
    pub(super) fn add_action(&mut self, objective: &str) -> Result<bool, JsValue> {
        let title_id = ids::new_action_title(objective);
        let title = self.words_of(&title_id)?;
        let due = self
            .value_of(&ids::new_action_due(objective))?
            .and_then(|due| Date::parse(due.trim()).ok());
        let actor = self
            .value_of(&ids::new_action_actor(objective))?
            .and_then(|name| ACTORS.into_iter().find(|a| a.name() == name))
            .unwrap_or(Actor::Person);
        let edit = Edit::AddAction {
            objective: objective.to_owned(),
            action: Action::new(&title, actor, due),
        };
        let added = self.apply(edit, Some(&title_id))?;
        let new = self
            .plan
            .as_ref()
            .and_then(|plan| plan.objectives.iter().find(|o| o.id == objective))
            .and_then(|objective| objective.actions.last())
            .map(|action| action.id.clone());
        if let (true, Some(new)) = (added, new) {
            self.focus(&format!("#{}", ids::action(&new)))?;
        }
        Ok(added)
    }

    /// Adds the objective chosen; the focus goes to its heading.
    pub(super) fn add_objective(&mut self) -> Result<bool, JsValue> {
        let theme = self.words_of(ids::NEW_OBJECTIVE)?;
        let statement = self.optional_words(ids::NEW_STATEMENT)?;
        let edit = Edit::AddObjective {
            objective: Objective::new(&theme, statement),
        };
        let added = self.apply_or(edit, |error| {
            match error {
                PlanError::BadText { .. } => ids::NEW_STATEMENT,
                _ => ids::NEW_OBJECTIVE,
            }
            .to_owned()
        })?;
        let new = self
            .plan
            .as_ref()
            .and_then(|plan| plan.objectives.last())
            .map(|objective| objective.id.clone());
        if let (true, Some(new)) = (added, new) {
            self.focus(&format!("#{}", ids::objective(&new)))?;
        }
        Ok(added)
    }

    /// Records the follow-up form: the advisor's details (none when every
    /// field is empty) and the date of the next meeting.
    pub(super) fn follow_up(&mut self) -> Result<bool, JsValue> {
        let name = self.words_of(&ids::advisor("name"))?;
        let organisation = self.optional_words(&ids::advisor("organisation"))?;
        let phone = self.optional_words(&ids::advisor("phone"))?;
        let email = self.optional_words(&ids::advisor("email"))?;
        let next_review = self
            .value_of(ids::NEXT_REVIEW)?
            .and_then(|date| Date::parse(date.trim()).ok());
        let nothing =
            name.is_empty() && organisation.is_none() && phone.is_none() && email.is_none();
        let advisor = (!nothing).then_some(ContactDetails {
            name,
            organisation,
            phone,
            email,
        });
        let Some(plan) = &self.plan else {
            return Ok(false);
        };
        let (advisor_changed, date_changed) =
            (plan.advisor != advisor, plan.next_review != next_review);
        if advisor_changed {
            let edit = Edit::SetAdvisor { advisor };
            let field = |error: &PlanError| match error {
                PlanError::BadText { field } => ids::advisor(field),
                _ => ids::advisor("name"),
            };
            if !self.apply_or(edit, field)? {
                return Ok(false);
            }
        }
        if date_changed {
            let edit = Edit::SetNextReview { date: next_review };
            if !self.apply(edit, Some(ids::NEXT_REVIEW))? {
                return Ok(false);
            }
        }
        self.done = Some((self.text(WidgetText::FollowUpSaved), ids::FOLLOW_UP_SAVED));
        self.render()?;
        self.focus("#passerelle-follow-up-saved")?;
        Ok(advisor_changed || date_changed)
    }

    /// Records the person's own contact details (`Edit::SetPerson`),
    /// for the referral sheets of the partners they agree to share with;
    /// every field empty erases them. A phone or an e-mail without a
    /// name is refused, tied to the name.
    pub(super) fn person(&mut self) -> Result<bool, JsValue> {
        let name_id = ids::person("name");
        let name = self.words_of(&name_id)?;
        let phone = self.optional_words(&ids::person("phone"))?;
        let email = self.optional_words(&ids::person("email"))?;
        let nothing = name.is_empty() && phone.is_none() && email.is_none();
        if name.is_empty() && !nothing {
            self.error = Some((self.text(WidgetText::PersonNameRequired), name_id.clone()));
            self.render()?;
            return self.focus(&format!("#{name_id}")).map(|()| false);
        }
        let person = (!nothing).then_some(ContactDetails {
            name,
            organisation: None,
            phone,
            email,
        });
        let Some(plan) = &self.plan else {
            return Ok(false);
        };
        let changed = plan.person != person;
        if changed {
            let field = |error: &PlanError| match error {
                PlanError::BadText { field } => ids::person(field),
                _ => name_id.clone(),
            };
            if !self.apply_or(Edit::SetPerson { person }, field)? {
                return Ok(false);
            }
        }
        let erased = self.plan.as_ref().is_some_and(|plan| plan.person.is_none());
        let said = if erased {
            WidgetText::PersonErased
        } else {
            WidgetText::PersonSaved
        };
        self.done = Some((self.text(said), ids::PERSON_SAVED));
        self.render()?;
        self.focus("#passerelle-person-saved")?;
        Ok(changed)
    }

    /// Withdraws the consent given for a partner: its referral sheet is
    /// no longer offered.
    pub(super) fn withdraw(&mut self, entry: &str) -> Result<bool, JsValue> {
        let partner = self
            .plan
            .as_ref()
            .and_then(|plan| partner_name(plan, entry))
            .unwrap_or_else(|| entry.to_owned());
        if self.referred.as_deref() == Some(entry) {
            self.referred = None;
        }
        let edit = Edit::WithdrawConsent {
            entry: entry.to_owned(),
        };
        if !self.apply(edit, Some(ids::REFERRAL_PARTNER))? {
            return Ok(false);
        }
        let said = WidgetText::ConsentWithdrawn { partner: &partner }.text(self.locale);
        self.done = Some((said, ids::CONSENT_WITHDRAWN));
        self.render()?;
        self.focus("#passerelle-consent-withdrawn")?;
        Ok(true)
    }

    /// Shows `error` tied to the control `id`, and moves the focus there.
    pub(super) fn refuse(&mut self, error: &PlanError, id: &str) -> Result<(), JsValue> {
        let message = match error {
            PlanError::NoNeed | PlanError::NeedNotFound { .. } => WidgetText::ChooseAtLeastOneNeed,
            PlanError::FutureVersion { .. } => WidgetText::PlanTooNew,
            PlanError::Corrupted { .. } => WidgetText::PlanUnreadable,
            PlanError::UnknownAction { .. }
            | PlanError::UnknownObjective { .. }
            | PlanError::DateBeforeLastChange { .. } => WidgetText::ChangeNotSaved,
            PlanError::BadText { field } => {
                let empty = self.words_of(id)?.is_empty();
                match (empty, *field) {
                    (true, "name") => WidgetText::AdvisorNameRequired,
                    (true, _) => WidgetText::TextRequired,
                    (false, _) => WidgetText::TextTooLong,
                }
            }
            _ => WidgetText::PlanUnreadable,
        };
        self.error = Some((self.text(message), id.to_owned()));
        self.render()?;
        self.focus(&format!("#{id}"))
    }
}
