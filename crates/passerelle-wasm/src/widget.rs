//! What every widget shares: its shadow root and style sheets, the event
//! listeners that turn what the person does into an action, and the
//! events it sends to the host page.

use crate::WidgetText;
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
/// base style sheet and `style` adopted.
pub(crate) fn shadow_root(host: &HtmlElement, style: &str) -> Result<ShadowRoot, JsValue> {
    let root = match host.shadow_root() {
        Some(root) => root,
        None => host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))?,
    };
    let sheets = js_sys::Array::new();
    for text in [BASE_STYLE, crate::alerts::STYLE, style] {
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

/// The error of a call from the host page while the widget is busy (its
/// state is borrowed by a call still running).
pub(crate) fn busy() -> JsValue {
    crate::error::js_error("busy", "The widget is busy; try again.")
}

/// The diagnosis result a host page gives a widget (`element.diagnosis`):
/// an object or its JSON text; `None` for `null` or `undefined`. Throws
/// `invalid_argument` when it is not a diagnosis result.
pub(crate) fn read_diagnosis(
    value: &JsValue,
) -> Result<Option<passerelle_core::Diagnosis>, JsValue> {
    if crate::convert::absent(value) {
        return Ok(None);
    }
    let text = crate::convert::document(value, "diagnosis")?;
    passerelle_core::json::read_text(&text)
        .map(Some)
        .map_err(|error| {
            crate::error::Failure::argument(format!("diagnosis is not a diagnosis result: {error}"))
                .into()
        })
}

/// The national catalogue with the local one a host page gives
/// (`catalog-src`, as JSON text or an object) merged in. Throws
/// `invalid_catalogue` with every problem in `details`.
pub(crate) fn with_local_catalogue(
    local: &JsValue,
) -> Result<std::sync::Arc<passerelle_core::catalogue::Catalogue>, JsValue> {
    use passerelle_core::catalogue::Catalogue;
    let text = crate::convert::document(local, "catalogue")?;
    let local = Catalogue::from_json(&text).map_err(|problems| {
        crate::error::Failure::problems("invalid_catalogue", "catalogue", problems)
    })?;
    Ok(std::sync::Arc::new(
        crate::national_catalogue().merged_with(&local),
    ))
}

/// A partner's phone, e-mail and web site as a list (`ul.ways`), each
/// labelled, each a link only when the core's checks accept it (`tel:`,
/// `mailto:`, `https:`), else shown as text.
pub(crate) fn contact_ways(
    document: &web_sys::Document,
    locale: Locale,
    phone: Option<&str>,
    email: Option<&str>,
    url: Option<&str>,
) -> Result<web_sys::Element, JsValue> {
    use crate::dom::element;
    use passerelle_core::print::{https_href, mailto_href, tel_href};
    use passerelle_core::Message;
    let list = element(document, "ul", &[("class", "ways")], None)?;
    /// A way in's link, from the core's checks; `None` when refused.
    type Href = fn(&str) -> Option<String>;
    let ways: [(Message, Option<&str>, Href); 3] = [
        (Message::PhoneLabel, phone, tel_href),
        (Message::EmailLabel, email, mailto_href),
        (Message::WebLabel, url, https_href),
    ];
    for (label, value, href) in ways {
        let Some(value) = value else { continue };
        let item = element(document, "li", &[], None)?;
        // The label, then a space before the way in: "E-mail : x@y.fr",
        // read as two words, not "E-mail :x@y.fr".
        let label = format!("{} ", label.text(locale));
        item.append_child(&*element(document, "span", &[], Some(&label))?)?;
        let way = match href(value) {
            Some(href) => element(
                document,
                "a",
                &[("href", &href), ("part", "contact"), ("dir", "ltr")],
                Some(value),
            )?,
            // A phone number, an address: left to right, even in a
            // right-to-left widget.
            None => element(document, "span", &[("dir", "ltr")], Some(value))?,
        };
        item.append_child(&way)?;
        list.append_child(&item)?;
    }
    Ok(list)
}

/// The message of a field refused, the same in every widget: a paragraph
/// `id` (for the control's `aria-describedby`), `part="error"`, that
/// reads "Erreur : " then `message` — the prefix for screen readers only
/// (the paragraph's colour and border show it), then a space.
pub(crate) fn field_error(
    document: &web_sys::Document,
    locale: Locale,
    id: &str,
    message: &str,
) -> Result<web_sys::Element, JsValue> {
    use crate::dom::element;
    let paragraph = element(
        document,
        "p",
        &[("id", id), ("class", "error"), ("part", "error")],
        None,
    )?;
    paragraph.append_child(&*element(
        document,
        "span",
        &[("class", "visually-hidden")],
        Some(&WidgetText::ErrorPrefix.text(locale)),
    )?)?;
    paragraph.append_with_str_1(&format!(" {message}"))?;
    Ok(paragraph)
}

/// A row of actions (`div.actions`) holding one button with these
/// attributes and words.
pub(crate) fn action_row(
    document: &web_sys::Document,
    button: &[(&str, &str)],
    words: &str,
) -> Result<web_sys::Element, JsValue> {
    use crate::dom::element;
    let row = element(document, "div", &[("class", "actions")], None)?;
    row.append_child(&*element(document, "button", button, Some(words))?)?;
    Ok(row)
}

/// A form named `name` (its class, its `data-form` for the submit
/// listener, its part) around a fieldset with `legend`: returns both, the
/// fieldset to fill.
pub(crate) fn named_form(
    document: &web_sys::Document,
    name: &str,
    legend: &str,
) -> Result<(web_sys::Element, web_sys::Element), JsValue> {
    use crate::dom::element;
    let form = element(
        document,
        "form",
        &[("class", name), ("data-form", name), ("part", name)],
        None,
    )?;
    let fieldset = element(document, "fieldset", &[], None)?;
    fieldset.append_child(&*element(document, "legend", &[], Some(legend))?)?;
    form.append_child(&fieldset)?;
    Ok((form, fieldset))
}

/// The box a widget draws in (`part="container"`), holding its heading
/// first: an `h2` with the id `title_id`, which the focus can be moved to
/// (`part="title"`; its words set at each render).
pub(crate) fn titled_container(
    document: &web_sys::Document,
    title_id: &str,
) -> Result<web_sys::Element, JsValue> {
    use crate::dom::element;
    let container = element(
        document,
        "div",
        &[("class", "passerelle"), ("part", "container")],
        None,
    )?;
    container.append_child(&*element(
        document,
        "h2",
        &[("id", title_id), ("tabindex", "-1"), ("part", "title")],
        None,
    )?)?;
    Ok(container)
}
