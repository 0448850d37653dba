//! What every widget shares: its shadow root and style sheets, the event
//! listeners that turn what the person does into an action, and the
//! events it sends to the host page.

use std::cell::RefCell;
use std::rc::Rc;

use passerelle_core::Locale;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{
    CssStyleSheet, CustomEvent, CustomEventInit, Event, EventTarget, HtmlElement, ShadowRoot,
    ShadowRootInit, ShadowRootMode,
};

/// Sent on the element when something fails; `detail: {code, message}`.
pub const ERROR_EVENT: &str = "passerelle:error";

/// The style every widget starts from: colours, type, controls, focus.
const BASE_STYLE: &str = include_str!("widget.css");

/// A widget's state: what it does with an action of the person.
pub(crate) trait Widget {
    /// What the person did, as the widget needs to react to it.
    type Action;
    /// The element the widget renders into.
    fn host(&self) -> &HtmlElement;
    /// Applies `action`; returns an event to send to the host page, if
    /// any: its name and its `detail`.
    fn act(&mut self, action: Self::Action) -> Result<Option<(&'static str, JsValue)>, JsValue>;
}

/// An event listener that is removed when dropped.
pub(crate) struct Listener {
    target: EventTarget,
    kind: &'static str,
    closure: Closure<dyn FnMut(Event)>,
}

impl Drop for Listener {
    fn drop(&mut self) {
        // Removing a listener that is not there is not an error in the DOM.
        let _ = self
            .target
            .remove_event_listener_with_callback(self.kind, self.closure.as_ref().unchecked_ref());
    }
}

/// Listens for `kind` on `target`; `action` tells what the event means
/// for the widget, if anything. Failures are reported to the host page as
/// `passerelle:error` events, never thrown into the browser's event loop.
pub(crate) fn listen<W: Widget + 'static>(
    target: &EventTarget,
    kind: &'static str,
    state: &Rc<RefCell<W>>,
    action: fn(&Event) -> Option<W::Action>,
) -> Result<Listener, JsValue> {
    let state = Rc::clone(state);
    let closure = Closure::<dyn FnMut(Event)>::new(move |event: Event| {
        let Some(action) = action(&event) else { return };
        // A re-entrant event (from a host listener of our own events) is ignored.
        let Ok(mut widget) = state.try_borrow_mut() else {
            return;
        };
        let outcome = widget.act(action);
        let host = widget.host().clone();
        // Release the state before calling back into the host page.
        drop(widget);
        let dispatched = match outcome {
            Ok(Some((kind, detail))) => dispatch(&host, kind, &detail),
            Ok(None) => Ok(()),
            Err(error) => Err(error),
        };
        if let Err(error) = dispatched {
            let _ = dispatch(&host, ERROR_EVENT, &error);
        }
    });
    target.add_event_listener_with_callback(kind, closure.as_ref().unchecked_ref())?;
    Ok(Listener {
        target: target.clone(),
        kind,
        closure,
    })
}

/// Dispatches a `kind` event that bubbles out of the shadow root.
pub(crate) fn dispatch(host: &HtmlElement, kind: &str, detail: &JsValue) -> Result<(), JsValue> {
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(detail);
    let event = CustomEvent::new_with_event_init_dict(kind, &init)?;
    host.dispatch_event(&event)?;
    Ok(())
}

/// `host`'s shadow root (made, open, if it has none), emptied, with the
/// base style sheet and `styles` adopted, in this order.
pub(crate) fn shadow_root(host: &HtmlElement, styles: &[&str]) -> Result<ShadowRoot, JsValue> {
    let root = match host.shadow_root() {
        Some(root) => root,
        None => host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))?,
    };
    let sheets = js_sys::Array::new();
    for text in std::iter::once(BASE_STYLE).chain(styles.iter().copied()) {
        let sheet = CssStyleSheet::new()?;
        sheet.replace_sync(text)?;
        sheets.push(&sheet);
    }
    root.set_adopted_style_sheets(&sheets);
    root.set_text_content(None);
    Ok(root)
}

/// Marks `element` as written in `locale`: its `lang`, and its `dir`
/// (right to left for Arabic, Persian, Pashto), so that a text in another
/// language than the widget's reads in its own direction.
pub(crate) fn mark_language(element: &web_sys::Element, locale: Locale) -> Result<(), JsValue> {
    element.set_attribute("lang", locale.tag())?;
    element.set_attribute("dir", locale.direction().attribute())
}

/// The language of a `lang` attribute; French for none or one the
/// product does not speak.
pub(crate) fn locale_from(lang: Option<&str>) -> Locale {
    lang.and_then(Locale::from_tag).unwrap_or_default()
}

/// The shadow root `node` is drawn in; `no_shadow_root` when it is not
/// on the page.
pub(crate) fn root_of(node: &web_sys::Node) -> Result<ShadowRoot, JsValue> {
    node.get_root_node().dyn_into::<ShadowRoot>().map_err(|_| {
        crate::api::error::js_error("no_shadow_root", "The widget is not on the page.")
    })
}

/// Moves the focus to the first element of `node`'s shadow root that
/// matches `selector`, if any.
pub(crate) fn focus_first(node: &web_sys::Node, selector: &str) -> Result<(), JsValue> {
    if let Some(found) = root_of(node)?.query_selector(selector)? {
        crate::ui::dom::focus(&found)?;
    }
    Ok(())
}

/// The error of a call from the host page while the widget is busy (its
/// state is borrowed by a call still running).
pub(crate) fn busy() -> JsValue {
    crate::api::error::js_error("busy", "The widget is busy; try again.")
}
