//! The plan kept on the device when the host asks (`persist`): keeping,
//! taking back, erasing, and what another tab changed.

use passerelle_core::plan::{Plan, PlanError};
use wasm_bindgen::prelude::*;

use crate::ui::dom::Attribute;
use crate::ui::persist;
use crate::ui::words::WidgetText;

use super::ids::Button;
use super::{ids, PlanView};

impl PlanView {
    /// Erases the plan kept on the device and the plan on screen: the
    /// needs can be chosen again.
    pub(super) fn forget(&mut self) -> Result<(), JsValue> {
        self.keeper.forget(WidgetText::PlanForgotten);
        self.plan = None;
        self.referred = None;
        self.confirming_rebuild = false;
        self.render()?;
        self.focus(&format!("#{}", ids::TITLE))
    }

    /// Keeps the plan as it is now, if the host asked, unless another
    /// tab or page changed the plan kept since: that plan is shown
    /// instead, told (the change just made here is not kept). Tells the
    /// person when the browser refuses.
    pub(super) fn keep(&mut self) -> Result<(), JsValue> {
        let text = self.plan.as_ref().map(Plan::to_json);
        let found = self.keeper.keep(text.as_deref(), kept_plan);
        if self.adopt(found) {
            self.done = None;
            self.error = None;
            self.render()?;
        }
        // A write refused: leaving the page asks first.
        self.keeper.guard_unload(self.plan.is_some());
        Ok(())
    }

    /// Takes back the plan kept, if any; one that cannot be read stays as
    /// it is, the person told.
    pub(super) fn take_back(&mut self) {
        self.reread();
    }

    /// Shows what another tab or page did to the plan kept since last
    /// seen, if anything; returns whether the plan shown changed.
    pub(super) fn reread(&mut self) -> bool {
        let found = self.keeper.look(kept_plan);
        self.adopt(found)
    }

    /// Shows `found`, what the plan kept became; returns whether the plan
    /// shown changed.
    pub(super) fn adopt(&mut self, found: persist::KeptChange<Plan>) -> bool {
        self.plan = match found {
            persist::KeptChange::Unchanged => return false,
            persist::KeptChange::Erased => None,
            persist::KeptChange::Written(plan) => Some(plan),
        };
        self.referred = None;
        self.confirming_rebuild = false;
        true
    }

    /// How the plan is kept, and the control that erases it; hidden when
    /// the host keeps nothing.
    pub(super) fn draw_privacy(&self) -> Result<(), JsValue> {
        self.keeper.draw(
            &self.document,
            &self.privacy,
            self.locale,
            ("data-do", Button::Forget.to_attr()),
        )
    }
}

/// The plan kept in `text`, or why it cannot be read.
fn kept_plan(text: &str) -> Result<Plan, persist::Unreadable> {
    Plan::from_json(text).map_err(|error| match error {
        PlanError::FutureVersion { .. } => persist::Unreadable::Newer,
        _ => persist::Unreadable::Damaged,
    })
}
