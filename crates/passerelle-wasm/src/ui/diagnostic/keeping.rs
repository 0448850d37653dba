//! The diagnosis session kept on the device when the host asks
//! (`persist`): keeping, taking back, what another tab changed.

use passerelle_core::DiagnosisSession;
use wasm_bindgen::prelude::*;

use crate::ui::dom::Attribute;
use crate::ui::persist;

use super::{ids::Button, resume, Diagnostic};

impl Diagnostic {
    /// Keeps the session's snapshot, if the host asked, unless another
    /// tab or page changed the answers kept since: their answers are
    /// shown instead, told (the step just taken here is not kept). Tells
    /// the person when the browser refuses.
    pub(super) fn keep(&mut self) {
        let snapshot = self.session.snapshot();
        let questionnaire = &self.questionnaire;
        let found = self
            .keeper
            .keep(Some(&snapshot), |text| resume(questionnaire, text));
        self.adopt(found);
    }

    /// Takes back the answers kept on this questionnaire, if any; a value
    /// that cannot be read stays as it is, the person told.
    pub(super) fn take_back(&mut self) {
        self.reread();
    }

    /// Shows what another tab or page did to the answers kept since last
    /// seen, if anything; returns whether the answers shown changed.
    pub(super) fn reread(&mut self) -> bool {
        let questionnaire = &self.questionnaire;
        let found = self.keeper.look(|text| resume(questionnaire, text));
        self.adopt(found)
    }

    /// Shows `found`, what the answers kept became; returns whether the
    /// answers shown changed.
    pub(super) fn adopt(&mut self, found: persist::KeptChange<DiagnosisSession>) -> bool {
        self.session = match found {
            persist::KeptChange::Unchanged => return false,
            persist::KeptChange::Erased => {
                DiagnosisSession::new(&self.questionnaire, self.session.reference_date())
            }
            persist::KeptChange::Written(session) => session,
        };
        self.rejected = None;
        true
    }

    /// How the answers are kept, and the control that erases them; hidden
    /// when the host keeps nothing.
    pub(super) fn draw_privacy(&self) -> Result<(), JsValue> {
        self.keeper.draw(
            &self.document,
            &self.privacy,
            self.locale,
            ("data-action", Button::Forget.to_attr()),
        )
    }
}
