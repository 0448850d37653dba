//! The plan's files: a plan file opened from the device, and the object
//! URLs of the files made in the page (print view, plan file).

use passerelle_core::plan::Plan;
use wasm_bindgen::prelude::*;
use web_sys::HtmlInputElement;

use crate::ui::widget;

use super::{ids, PlanView};

impl PlanView {
    /// Reads the plan file chosen in `input`, then shows it.
    pub(super) fn open(&mut self, input: &HtmlInputElement) -> Result<(), JsValue> {
        let Some(file) = input.files().and_then(|files| files.get(0)) else {
            return Ok(());
        };
        let state = self.itself.clone();
        let read = Closure::once(move |text: JsValue| {
            // The widget may be gone by the time the file is read.
            let Some(state) = state.upgrade() else {
                return;
            };
            let Ok(mut view) = state.try_borrow_mut() else {
                return;
            };
            let outcome = view.read_plan(&text.as_string().unwrap_or_default());
            let host = view.host.clone();
            drop(view);
            let sent = match outcome {
                Ok(Some((kind, detail))) => widget::dispatch(&host, kind, &detail),
                Ok(None) => Ok(()),
                Err(error) => Err(error),
            };
            if let Err(error) = sent {
                let _ = widget::dispatch(&host, widget::ERROR_EVENT, &error);
            }
        });
        let _ = file.text().then(&read);
        // Runs once, when the file is read; the page keeps it until then.
        read.forget();
        Ok(())
    }

    /// Shows the plan of a file's text, or why it cannot.
    pub(super) fn read_plan(
        &mut self,
        text: &str,
    ) -> Result<Option<(&'static str, JsValue)>, JsValue> {
        self.error = None;
        match Plan::from_json(text) {
            Ok(plan) => {
                self.plan = Some(plan);
                self.referred = None;
                self.render()?;
                self.focus(&format!("#{}", ids::TITLE))?;
                self.event().map(Some)
            }
            Err(error) => {
                self.refuse(&error, ids::OPEN)?;
                Ok(None)
            }
        }
    }

    pub(super) fn revoke_urls(&mut self) {
        for url in self.urls.drain(..) {
            let _ = web_sys::Url::revoke_object_url(&url);
        }
    }

    /// An object URL for `text` of `kind` (a MIME type), kept to revoke.
    pub(super) fn object_url(&mut self, text: &str, kind: &str) -> Result<String, JsValue> {
        let options = web_sys::BlobPropertyBag::new();
        options.set_type(kind);
        let parts = js_sys::Array::of1(&JsValue::from_str(text));
        let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
        let url = web_sys::Url::create_object_url_with_blob(&blob)?;
        self.urls.push(url.clone());
        Ok(url)
    }
}
