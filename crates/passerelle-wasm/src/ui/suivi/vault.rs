//! The vault the element gives the widget: the caseload kept in
//! IndexedDB, encrypted by WebCrypto (`pkg-templates/vault.js`). The
//! widget only calls it and waits for its promises; every refusal comes
//! back as an `Error` with a stable `code`, told to the advisor in words.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use js_sys::{Promise, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::ui::widget;

#[wasm_bindgen]
extern "C" {
    /// `openVault(name)`'s value (`pkg-templates/vault.js`).
    pub type Vault;

    /// `'new'`, `'locked'` or `'unlocked'`.
    #[wasm_bindgen(method, catch)]
    pub(super) fn state(this: &Vault) -> Result<Promise, JsValue>;

    /// Makes the caseload's key from the passphrase and keeps an empty caseload.
    #[wasm_bindgen(method, catch)]
    pub(super) fn create(this: &Vault, passphrase: &str) -> Result<Promise, JsValue>;

    /// The caseload's text, or `wrong_passphrase` (nothing written).
    #[wasm_bindgen(method, catch)]
    pub(super) fn unlock(this: &Vault, passphrase: &str) -> Result<Promise, JsValue>;

    /// Keeps the caseload's text, encrypted.
    #[wasm_bindgen(method, catch)]
    pub(super) fn save(this: &Vault, text: &str) -> Result<Promise, JsValue>;

    /// Forgets the key.
    #[wasm_bindgen(method, catch)]
    pub(super) fn lock(this: &Vault) -> Result<JsValue, JsValue>;

    /// The encrypted backup file's bytes.
    #[wasm_bindgen(method, catch, js_name = exportBackup)]
    pub(super) fn export_backup(this: &Vault) -> Result<Promise, JsValue>;

    /// A backup file's text, decrypted with its own passphrase.
    #[wasm_bindgen(method, catch, js_name = readBackup)]
    pub(super) fn read_backup(
        this: &Vault,
        bytes: &Uint8Array,
        passphrase: &str,
    ) -> Result<Promise, JsValue>;

    /// Erases the caseload kept (a forgotten passphrase: start again).
    #[wasm_bindgen(method, catch)]
    pub(super) fn erase(this: &Vault) -> Result<Promise, JsValue>;
}

#[wasm_bindgen]
extern "C" {
    /// A promise seen through its `then`, to give it functions made once
    /// (`Closure::once_into_js`), which free themselves when called.
    type Thenable;

    #[wasm_bindgen(method, js_name = then)]
    fn then_call(this: &Thenable, fulfilled: &JsValue, rejected: &JsValue) -> JsValue;
}

/// The `code` of a refusal (`wrong_passphrase`, `quota`…); `unknown`
/// when it has none.
pub(super) fn code_of(error: &JsValue) -> String {
    js_sys::Reflect::get(error, &"code".into())
        .ok()
        .and_then(|code| code.as_string())
        .unwrap_or_else(|| "unknown".to_owned())
}

/// What a widget does once a promise settles: an event for the host
/// page, if any.
type Settled = Result<Option<(&'static str, JsValue)>, JsValue>;

/// The function given to [`when_settled`], shared by the two outcomes.
type Then<W> = Rc<RefCell<Option<Box<dyn FnOnce(&mut W, Result<JsValue, JsValue>) -> Settled>>>>;

/// Calls `then` with the outcome of `promise` (a call that threw at once
/// settles as refused) once it settles, if the widget is still there;
/// what `then` returns is sent to the host page as `widget::listen`
/// sends it, never thrown into the event loop.
pub(super) fn when_settled<W: widget::Widget + 'static>(
    state: &Weak<RefCell<W>>,
    promise: Result<Promise, JsValue>,
    then: impl FnOnce(&mut W, Result<JsValue, JsValue>) -> Settled + 'static,
) {
    let promise = match promise {
        Ok(promise) => promise,
        Err(thrown) => Promise::reject(&thrown),
    };
    // One of the two closures runs, once: they share `then`.
    let then: Then<W> = Rc::new(RefCell::new(Some(Box::new(then))));
    let settle = move |state: Weak<RefCell<W>>, then: Then<W>| {
        move |outcome: Result<JsValue, JsValue>| {
            let Some(then) = then.borrow_mut().take() else {
                return;
            };
            let Some(state) = state.upgrade() else {
                return;
            };
            let Ok(mut view) = state.try_borrow_mut() else {
                return;
            };
            let result = then(&mut view, outcome);
            let host = view.host().clone();
            drop(view);
            let sent = match result {
                Ok(Some((kind, detail))) => widget::dispatch(&host, kind, &detail),
                Ok(None) => Ok(()),
                Err(error) => Err(error),
            };
            if let Err(error) = sent {
                let _ = widget::dispatch(&host, widget::ERROR_EVENT, &error);
            }
        }
    };
    let fulfilled = settle(state.clone(), Rc::clone(&then));
    let rejected = settle(state.clone(), then);
    let fulfilled = Closure::once_into_js(move |value: JsValue| fulfilled(Ok(value)));
    let rejected = Closure::once_into_js(move |error: JsValue| rejected(Err(error)));
    let _ = promise
        .unchecked_ref::<Thenable>()
        .then_call(&fulfilled, &rejected);
}
