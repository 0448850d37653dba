//! The parts several widgets draw the same way: a partner's contact
//! ways (and where and when it receives people), a field's error, a row of actions, a named form, the titled box.

use passerelle_core::Locale;
use wasm_bindgen::JsValue;

use crate::ui::words::WidgetText;

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
    use crate::ui::dom::element;
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

/// Where and when a partner receives people, appended to a list of ways
/// in (`ul.ways`): its address as text, never a link (`li.address`, in a
/// `bdi`, so that a right-to-left widget keeps "12 rue…" in its order),
/// its opening hours (`li.hours`) and whether one needs an appointment
/// (`li.reception`), each labelled by the core's words.
pub(crate) fn reception_ways(
    document: &web_sys::Document,
    locale: Locale,
    list: &web_sys::Element,
    access: &passerelle_core::catalogue::Access,
) -> Result<(), JsValue> {
    use crate::ui::dom::element;
    use passerelle_core::Message;
    let labelled = |class: &str, label: Message, tag: &str, value: &str| {
        let item = element(document, "li", &[("class", class)], None)?;
        // The label, then a space: "Adresse : 12 rue…", two words.
        let label = format!("{} ", label.text(locale));
        item.append_child(&*element(document, "span", &[], Some(&label))?)?;
        item.append_child(&*element(document, tag, &[], Some(value))?)?;
        list.append_child(&item)
    };
    if let Some(address) = &access.address {
        labelled("address", Message::AddressLabel, "bdi", address)?;
    }
    if let Some(hours) = &access.hours {
        labelled("hours", Message::HoursLabel, "span", hours.get(locale))?;
    }
    if let Some(mode) = access.reception {
        list.append_child(&*element(
            document,
            "li",
            &[("class", "reception")],
            Some(&Message::Reception(mode).text(locale)),
        )?)?;
    }
    Ok(())
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
    use crate::ui::dom::element;
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
    use crate::ui::dom::element;
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
    use crate::ui::dom::element;
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
    use crate::ui::dom::element;
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

/// A field (`div.field`): the label of the control `id` (with the id
/// `label_id`, when the control is named by more than its label), its
/// words `words`, then `control`. Returns the field, for what follows the
/// control (a unit, an error).
pub(crate) fn field(
    document: &web_sys::Document,
    id: &str,
    label_id: Option<&str>,
    words: &str,
    control: &web_sys::Element,
) -> Result<web_sys::Element, JsValue> {
    use crate::ui::dom::element;
    let field = element(document, "div", &[("class", "field")], None)?;
    let label = element(document, "label", &[("for", id)], Some(words))?;
    if let Some(label_id) = label_id {
        label.set_attribute("id", label_id)?;
    }
    field.append_child(&label)?;
    field.append_child(control)?;
    Ok(field)
}

/// A choice row (`div.option`, more attributes in `row`): a checkbox or
/// a radio button (`input`'s attributes, its `id` among them), ticked
/// when `checked`, then its label with the words `words`. Returns the
/// row, the input and the label, for what they hold more.
pub(crate) fn choice_row(
    document: &web_sys::Document,
    row: &[(&str, &str)],
    input: &[(&str, &str)],
    checked: bool,
    words: &str,
) -> Result<(web_sys::Element, web_sys::Element, web_sys::Element), JsValue> {
    use crate::ui::dom::element;
    let id = input
        .iter()
        .find(|(name, _)| *name == "id")
        .map_or("", |(_, id)| *id);
    let option = element(document, "div", &[("class", "option")], None)?;
    for (name, value) in row {
        option.set_attribute(name, value)?;
    }
    let control = element(document, "input", input, None)?;
    if checked {
        control.set_attribute("checked", "")?;
    }
    option.append_child(&control)?;
    let label = element(document, "label", &[("for", id)], Some(words))?;
    option.append_child(&label)?;
    Ok((option, control, label))
}
