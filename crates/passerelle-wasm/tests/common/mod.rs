//! What the browser tests of the widgets share: finding in a shadow root,
//! reading values as JSON, recording the events a widget sends.
#![allow(dead_code)]

use std::cell::RefCell;
use std::rc::Rc;

use serde_json::Value;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, ShadowRoot};

/// A new `div` at the end of the page's body, for a widget.
pub fn host() -> HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let host: HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&host).unwrap();
    host
}

pub fn root(host: &HtmlElement) -> ShadowRoot {
    host.shadow_root()
        .expect("the widget attaches a shadow root")
}

pub fn find_all(host: &HtmlElement, selector: &str) -> Vec<Element> {
    let nodes = root(host).query_selector_all(selector).unwrap();
    (0..nodes.length())
        .filter_map(|i| nodes.item(i)?.dyn_into::<Element>().ok())
        .collect()
}

pub fn find(host: &HtmlElement, selector: &str) -> Element {
    root(host)
        .query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector}"))
}

pub fn text(element: &Element) -> String {
    element.text_content().unwrap_or_default()
}

pub fn to_json(value: &JsValue) -> Value {
    serde_json::from_str(&String::from(js_sys::JSON::stringify(value).unwrap())).unwrap()
}

pub fn js(value: &Value) -> JsValue {
    js_sys::JSON::parse(&value.to_string()).unwrap()
}

/// The `code` of a thrown error.
pub fn code(error: &JsValue) -> String {
    js_sys::Reflect::get(error, &"code".into())
        .unwrap()
        .as_string()
        .unwrap_or_default()
}

/// Sends `kind` from `element`, bubbling, as the browser does.
pub fn send(element: &Element, kind: &str) {
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_cancelable(true);
    let event = web_sys::CustomEvent::new_with_event_init_dict(kind, &init).unwrap();
    element.dispatch_event(&event).unwrap();
}

/// Records the details of the events of one kind a widget sends.
pub struct Events {
    received: Rc<RefCell<Vec<JsValue>>>,
    _listener: Closure<dyn FnMut(web_sys::CustomEvent)>,
}

impl Events {
    pub fn on(host: &HtmlElement, kind: &str) -> Events {
        let received: Rc<RefCell<Vec<JsValue>>> = Rc::default();
        let sink = Rc::clone(&received);
        let listener =
            Closure::<dyn FnMut(web_sys::CustomEvent)>::new(move |event: web_sys::CustomEvent| {
                sink.borrow_mut().push(event.detail())
            });
        host.add_event_listener_with_callback(kind, listener.as_ref().unchecked_ref())
            .unwrap();
        Events {
            received,
            _listener: listener,
        }
    }

    pub fn details(&self) -> Vec<Value> {
        self.received.borrow().iter().map(to_json).collect()
    }

    /// The details as the page receives them.
    pub fn received(&self) -> Vec<JsValue> {
        self.received.borrow().clone()
    }
}

/// The page's `sessionStorage`.
pub fn session_storage() -> web_sys::Storage {
    web_sys::window()
        .unwrap()
        .session_storage()
        .unwrap()
        .unwrap()
}

/// Sends a `beforeunload` to the window: whether a listener asked to warn.
pub fn leaving_is_held_back() -> bool {
    let init = web_sys::EventInit::new();
    init.set_cancelable(true);
    let event = web_sys::Event::new_with_event_init_dict("beforeunload", &init).unwrap();
    web_sys::window().unwrap().dispatch_event(&event).unwrap();
    event.default_prevented()
}
