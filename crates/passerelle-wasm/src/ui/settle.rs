//! Waiting for a promise from a widget: its outcome given to the
//! widget's state once it settles, if the widget is still there, with no
//! future executor in the module (a `then` with two closures made once).

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use js_sys::Promise;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::ui::widget;

#[wasm_bindgen]
extern "C" {
    /// A promise seen through its `then`, to give it functions made once
    /// (`Closure::once_into_js`), which free themselves when called.
    type Thenable;

    #[wasm_bindgen(method, js_name = then)]
    fn then_call(this: &Thenable, fulfilled: &JsValue, rejected: &JsValue) -> JsValue;
}

/// What a widget does once a promise settles: an event for the host
/// page, if any.
pub(crate) type Settled = Result<Option<(&'static str, JsValue)>, JsValue>;

/// The function given to [`when_settled`], shared by the two outcomes.
type Then<W> = Rc<RefCell<Option<Box<dyn FnOnce(&mut W, Result<JsValue, JsValue>) -> Settled>>>>;

/// Calls `then` with the outcome of `promise` (a call that threw at once
/// settles as refused) once it settles, if the widget is still there;
/// what `then` returns is sent to the host page as `widget::listen`
/// sends it, never thrown into the event loop.
pub(crate) fn when_settled<W: widget::Widget + 'static>(
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
