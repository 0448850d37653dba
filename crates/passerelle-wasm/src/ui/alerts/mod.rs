//! The urgent alerts' panel and the quick exit, drawn the same way by
//! every widget that shows them: the questionnaire (above the very next
//! question once an alert is raised, then on every step and at the end),
//! the orientation and the plan.
//!
//! The panel is a `<details>` whose summary names the numbers, so that
//! folded it still shows them; each alert says what to do, then a call
//! button per number (`tel:`, `sms:` for the 114) with who answers and
//! when, at what cost. The words and facts come from the core's contact
//! table (`passerelle_core::diagnosis`).
//!
//! The quick exit ("Quitter rapidement") is a link to a neutral page that
//! one press follows with `location.replace` (Back does not come back),
//! after erasing what the widgets kept ([`crate::ui::persist::leave_quickly`]).

use crate::ui::words::WidgetText;
use passerelle_core::diagnosis::{alerts_summary, Reach};
use passerelle_core::{Locale, UrgentAlert};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, EventTarget};

use crate::ui::dom::element;

/// The panel's and the quick exit's style, adopted by every widget.
pub(crate) const STYLE: &str = include_str!("alerts.css");

/// Where the quick exit leads when the host does not say
/// (`quick-exit-url`): a search engine's home page, neutral in the
/// history, as France Victimes' parcours-victimes.fr does ("Cacher le
/// site"); GOV.UK's "Exit this page" leads to a weather page the same way.
pub(crate) const QUICK_EXIT_DEFAULT: &str = "https://www.google.fr/";

/// The panel of `alerts`, open or folded (its summary names the
/// numbers); `None` when there is none. `announced` are the alerts
/// raised since the last drawing: their block is marked for screen
/// readers to hear once (`role="alert"`).
pub(crate) fn panel(
    document: &Document,
    locale: Locale,
    alerts: &[UrgentAlert],
    open: bool,
    announced: &[UrgentAlert],
) -> Result<Option<Element>, JsValue> {
    if alerts.is_empty() {
        return Ok(None);
    }
    let details = element(
        document,
        "details",
        &[("class", "urgent-panel"), ("part", "urgent")],
        None,
    )?;
    if open {
        details.set_attribute("open", "")?;
    }
    details.append_child(&*element(
        document,
        "summary",
        &[("part", "urgent-summary")],
        Some(&alerts_summary(alerts, locale)),
    )?)?;
    for &alert in alerts {
        let block = element(
            document,
            "div",
            &[
                ("class", "alert"),
                ("part", "alert"),
                ("data-alert", alert_name(alert)),
            ],
            None,
        )?;
        if announced.contains(&alert) {
            block.set_attribute("role", "alert")?;
        }
        block.append_child(&*element(
            document,
            "p",
            &[("class", "alert-text")],
            Some(alert.text(locale)),
        )?)?;
        let list = element(document, "ul", &[("class", "contacts")], None)?;
        for contact in alert.contacts(locale) {
            let item = element(document, "li", &[], None)?;
            let href = contact
                .phone
                .and_then(passerelle_core::print::tel_href)
                .map(|tel| match contact.reach {
                    Reach::TextMessage => tel.replacen("tel:", "sms:", 1),
                    _ => tel,
                });
            if let (Some(href), Some(words)) = (href, contact.action(locale)) {
                item.append_child(&*element(
                    document,
                    "a",
                    &[("class", "call"), ("href", &href), ("part", "call contact")],
                    Some(&words),
                )?)?;
            }
            item.append_child(&*element(
                document,
                "p",
                &[("class", "about")],
                Some(&format!(
                    "{}. {}",
                    contact.name,
                    contact.availability(locale)
                )),
            )?)?;
            list.append_child(&item)?;
        }
        block.append_child(&list)?;
        details.append_child(&block)?;
    }
    Ok(Some(details))
}

/// What the orientation and the plan show first for the alerts a
/// diagnosis raised: the quick exit when one calls for it, then the
/// panel (`open` or folded), appended to `parent`.
pub(crate) fn append_reminder(
    parent: &Element,
    document: &Document,
    locale: Locale,
    alerts: &[UrgentAlert],
    open: bool,
    quick_exit_url: &str,
) -> Result<(), JsValue> {
    if alerts.iter().any(|alert| alert.calls_for_quick_exit()) {
        parent.append_child(&*quick_exit(document, locale, quick_exit_url)?)?;
    }
    if let Some(panel) = panel(document, locale, alerts, open, &[])? {
        parent.append_child(&panel)?;
    }
    Ok(())
}

/// The alert's name in JSON, for `data-alert`.
fn alert_name(alert: UrgentAlert) -> &'static str {
    match alert {
        UrgentAlert::Shelter => "shelter",
        UrgentAlert::Food => "food",
        UrgentAlert::Violence => "violence",
        UrgentAlert::ChildInDanger => "child_in_danger",
        UrgentAlert::MedicalEmergency => "medical_emergency",
    }
}

/// The quick exit: a link to `url` that one press follows for good, with
/// what it does said to screen readers.
pub(crate) fn quick_exit(
    document: &Document,
    locale: Locale,
    url: &str,
) -> Result<Element, JsValue> {
    let bar = element(document, "div", &[("class", "quick-exit-bar")], None)?;
    bar.append_child(&*element(
        document,
        "a",
        &[
            ("href", url),
            ("id", "passerelle-quick-exit"),
            ("class", "quick-exit"),
            ("data-quick-exit", ""),
            ("rel", "noreferrer"),
            ("aria-describedby", "passerelle-quick-exit-help"),
            ("part", "quick-exit"),
        ],
        Some(&WidgetText::QuickExit.text(locale)),
    )?)?;
    bar.append_child(&*element(
        document,
        "span",
        &[
            ("id", "passerelle-quick-exit-help"),
            ("class", "visually-hidden"),
        ],
        Some(&WidgetText::QuickExitHelp.text(locale)),
    )?)?;
    Ok(bar)
}

/// The address the host gives with `quick-exit-url`, resolved against
/// the page; the default for none. Only `https:` and `http:` addresses
/// are taken: anything else throws `invalid_argument`.
pub(crate) fn quick_exit_url(url: Option<&str>) -> Result<String, JsValue> {
    let Some(url) = url.map(str::trim).filter(|url| !url.is_empty()) else {
        return Ok(QUICK_EXIT_DEFAULT.to_owned());
    };
    let base = crate::ui::dom::document()?.base_uri()?;
    let resolved = match base {
        Some(base) => web_sys::Url::new_with_base(url, &base),
        None => web_sys::Url::new(url),
    };
    match resolved {
        Ok(resolved) if matches!(resolved.protocol().as_str(), "https:" | "http:") => {
            Ok(resolved.href())
        }
        _ => Err(crate::api::error::Failure::argument(format!(
            "quick-exit-url must be an https: or http: address, not \"{url}\""
        ))
        .into()),
    }
}

/// Follows the quick exit at the first press, wherever a widget draws it
/// in `root`; removed when dropped.
pub(crate) struct QuickExitListener {
    target: EventTarget,
    closure: Closure<dyn FnMut(web_sys::Event)>,
}

impl QuickExitListener {
    pub(crate) fn new(target: &EventTarget) -> Result<QuickExitListener, JsValue> {
        let closure = Closure::<dyn FnMut(web_sys::Event)>::new(|event: web_sys::Event| {
            let Some(link) = event
                .target()
                .and_then(|target| target.dyn_into::<Element>().ok())
                .and_then(|target| target.closest("[data-quick-exit]").ok().flatten())
            else {
                return;
            };
            let Some(url) = link.get_attribute("href") else {
                return;
            };
            // Not the link's own navigation: it would stay in the history.
            event.prevent_default();
            let _ = crate::ui::persist::leave_quickly(&url);
        });
        target.add_event_listener_with_callback("click", closure.as_ref().unchecked_ref())?;
        Ok(QuickExitListener {
            target: target.clone(),
            closure,
        })
    }
}

impl Drop for QuickExitListener {
    fn drop(&mut self) {
        let _ = self
            .target
            .remove_event_listener_with_callback("click", self.closure.as_ref().unchecked_ref());
    }
}

#[cfg(test)]
mod tests {
    use passerelle_core::diagnosis::Reach;
    use passerelle_core::UrgentAlert;

    /// The shim's numbers (`pkg-templates/passerelle.js`, shown before
    /// the module arrives and when it cannot load): each `number:` with
    /// its `sms:` flag, in order.
    fn shim_numbers() -> Vec<(String, bool)> {
        let shim = include_str!("../../../../../pkg-templates/passerelle.js");
        let start = shim
            .find("const EMERGENCY_NUMBERS = [")
            .expect("the shim lists the emergency numbers");
        let list = &shim[start..start + shim[start..].find("];").expect("the list ends")];
        list.lines()
            .filter_map(|line| {
                let number = line.split("number: '").nth(1)?.split('\'').next()?;
                Some((number.to_owned(), line.contains("sms: true")))
            })
            .collect()
    }

    #[test]
    fn the_shims_numbers_are_the_cores_contact_table() {
        let core: Vec<(String, bool)> = UrgentAlert::every_number()
            .into_iter()
            .map(|(number, reach)| (number.to_owned(), reach == Reach::TextMessage))
            .collect();
        assert_eq!(shim_numbers(), core);
    }

    #[test]
    fn every_number_the_shim_shows_is_free_day_and_night_in_the_core() {
        use passerelle_core::diagnosis::Hours;
        use passerelle_core::Locale;
        // The shim says "free, day and night" of every number it lists.
        for alert in UrgentAlert::ALL {
            for contact in alert.contacts(Locale::Fr) {
                if contact.phone.is_some() {
                    assert!(contact.free && contact.hours == Hours::DayAndNight);
                }
            }
        }
    }
}
