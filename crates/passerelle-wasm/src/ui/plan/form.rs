//! Reading the plan widget's form controls back into values, and
//! putting what the person typed back after a render.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement, HtmlSelectElement};

use super::{ids, PlanView};

impl PlanView {
    /// Reads the needs ticked and the pace chosen on the build form into
    /// the state, so that a render keeps them.
    pub(super) fn read_choices(&mut self) -> Result<(), JsValue> {
        let root = self.root()?;
        let mut ticked = Vec::new();
        for theme in self.ordered_needs() {
            let id = format!("#{}", ids::need(&theme));
            let on = root
                .query_selector(&id)?
                .and_then(|input| input.dyn_into::<HtmlInputElement>().ok())
                .is_some_and(|input| input.checked());
            if on {
                ticked.push(theme);
            }
        }
        self.chosen = Some(ticked);
        if let Some(pace) = root
            .query_selector("#passerelle-pace")?
            .and_then(|select| select.dyn_into::<HtmlSelectElement>().ok())
            .and_then(|select| select.value().parse::<u8>().ok())
        {
            self.pace = pace;
        }
        Ok(())
    }

    /// The value of the field `id` (an input, a text area or a list), if
    /// it is on screen.
    pub(super) fn value_of(&self, id: &str) -> Result<Option<String>, JsValue> {
        let Some(field) = self.root()?.get_element_by_id(id) else {
            return Ok(None);
        };
        let field = match field.dyn_into::<HtmlInputElement>() {
            Ok(input) => return Ok(Some(input.value())),
            Err(field) => field,
        };
        let field = match field.dyn_into::<web_sys::HtmlTextAreaElement>() {
            Ok(area) => return Ok(Some(area.value())),
            Err(field) => field,
        };
        Ok(field
            .dyn_into::<HtmlSelectElement>()
            .ok()
            .map(|select| select.value()))
    }

    /// The words written in the field `id`, trimmed ("" when none).
    pub(super) fn words_of(&self, id: &str) -> Result<String, JsValue> {
        Ok(self
            .value_of(id)?
            .map(|words| words.trim().to_owned())
            .unwrap_or_default())
    }

    /// The words written in the field `id`, if any.
    pub(super) fn optional_words(&self, id: &str) -> Result<Option<String>, JsValue> {
        Ok(Some(self.words_of(id)?).filter(|words| !words.is_empty()))
    }

    /// What is written or chosen in the fields on screen, by id.
    pub(super) fn typed(&self) -> Result<Vec<(String, String)>, JsValue> {
        let fields = self.body.query_selector_all(
            // Not the status lists: they show the plan's own status, even
            // after a change refused.
            "input[id]:not([type=checkbox]):not([type=file]), textarea[id], \
             select[id]:not([data-action]):not([data-objective])",
        )?;
        let mut typed = Vec::new();
        for index in 0..fields.length() {
            let Some(id) = fields
                .item(index)
                .and_then(|field| field.dyn_into::<Element>().ok())
                .map(|field| field.id())
            else {
                continue;
            };
            if let Some(value) = self.value_of(&id)? {
                typed.push((id, value));
            }
        }
        Ok(typed)
    }

    /// Puts `typed` back in the fields drawn again.
    pub(super) fn write_back(&self, typed: &[(String, String)]) -> Result<(), JsValue> {
        let root = self.root()?;
        for (id, value) in typed {
            let Some(field) = root.get_element_by_id(id) else {
                continue;
            };
            if let Some(input) = field.dyn_ref::<HtmlInputElement>() {
                input.set_value(value);
            } else if let Some(area) = field.dyn_ref::<web_sys::HtmlTextAreaElement>() {
                area.set_value(value);
            } else if let Some(select) = field.dyn_ref::<HtmlSelectElement>() {
                select.set_value(value);
            }
        }
        Ok(())
    }
}
