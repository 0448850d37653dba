//! One entry's form: what it is, for whom (themes, publics, zone,
//! conditions with their sentences), how to get in, its source; its JSON
//! to read; its preview through sample people; its information sheet.

use passerelle_core::catalogue::editing::{FormCondition, FORM_CONDITION_KINDS};
use passerelle_core::facts::{Fact, FactType};
use passerelle_core::referentials::{theme_category, Referential};
use passerelle_core::sentences::value_label;
use passerelle_core::theme_labels::theme_label;
use serde_json::Value as Json;
use wasm_bindgen::prelude::*;
use web_sys::Element;

use crate::ui::dom::{element, Attribute};
use crate::ui::parts;

use super::ids::{self, Button};
use super::read::Kind;
use super::{EditorText, EditorView};

/// A control of the entry's form: where its value goes and how it reads.
struct Control<'a> {
    /// The field its problems are told at (`name`, `access.phone`).
    field: &'a str,
    /// Where its value goes (`name.fr`).
    path: &'a str,
    kind: Kind,
    optional: bool,
}

impl EditorView {
    /// Draws entry `index`'s form.
    pub(super) fn draw_entry(&mut self, index: usize) -> Result<(), JsValue> {
        let Some(entry) = self.draft.entry(index).cloned() else {
            return Ok(());
        };
        let document = self.document.clone();
        let name = entry
            .get("name")
            .and_then(|name| name.get("fr"))
            .and_then(Json::as_str)
            .filter(|name| !name.trim().is_empty())
            .map(str::to_owned);
        let heading = match &name {
            Some(name) => self.text(EditorText::EntryTitle { name }),
            None => self.text(EditorText::NewEntryTitle),
        };
        let top = element(&document, "div", &[("class", "actions")], None)?;
        top.append_child(&*element(
            &document,
            "button",
            &[
                ("type", "button"),
                ("data-do", Button::BackToList.to_attr()),
            ],
            Some(&self.text(EditorText::BackToList)),
        )?)?;
        self.body.append_child(&top)?;
        self.body.append_child(&*element(
            &document,
            "h3",
            &[("id", ids::SCREEN), ("tabindex", "-1")],
            Some(&heading),
        )?)?;
        self.body.append_child(&*element(
            &document,
            "p",
            &[("class", "hint")],
            Some(&self.text(EditorText::LiveChecks)),
        )?)?;
        self.body.append_child(&*error_slot(&document, "entry")?)?;

        // What it is.
        let section = self.section(EditorText::AboutSection, None)?;
        self.text_field(
            &section,
            &entry,
            Control {
                field: "id",
                path: "id",
                kind: Kind::Text,
                optional: false,
            },
            EditorText::IdLabel,
            Some(EditorText::IdHint),
            "input",
        )?;
        for tag in self.entry_languages(&entry) {
            self.text_field(
                &section,
                &entry,
                Control {
                    field: "name",
                    path: &format!("name.{tag}"),
                    kind: Kind::Localized,
                    optional: false,
                },
                EditorText::NameIn {
                    language: &language_name(&tag),
                },
                None,
                "input",
            )?;
            self.text_field(
                &section,
                &entry,
                Control {
                    field: "description",
                    path: &format!("description.{tag}"),
                    kind: Kind::Localized,
                    optional: false,
                },
                EditorText::DescriptionIn {
                    language: &language_name(&tag),
                },
                Some(EditorText::DescriptionHint),
                "textarea",
            )?;
        }
        self.add_language_row(&section, &entry)?;
        let kinds = [
            ("service", self.text(EditorText::KindService)),
            ("scheme", self.text(EditorText::KindScheme)),
        ];
        self.choices(
            &section,
            &entry,
            "kind",
            Kind::One,
            EditorText::KindLabel,
            &kinds,
        )?;
        let types = terms(Referential::ServiceTypes);
        self.choices(
            &section,
            &entry,
            "types",
            Kind::List,
            EditorText::TypesLabel,
            &types,
        )?;

        // For whom.
        let section = self.section(EditorText::WhoSection, None)?;
        self.draw_themes(&section, &entry)?;
        let publics = terms(Referential::Publics);
        self.choices(
            &section,
            &entry,
            "publics",
            Kind::List,
            EditorText::PublicsLabel,
            &publics,
        )?;
        section.append_child(&*element(
            &document,
            "h5",
            &[],
            Some(&self.text(EditorText::ZoneLabel)),
        )?)?;
        self.flag(
            &section,
            &entry,
            "zone",
            "zone.national",
            EditorText::National,
        )?;
        self.draw_picker(&section, "zone", &self.text(EditorText::ZonePlaces))?;
        section.append_child(&*error_slot(&document, "zone")?)?;
        self.draw_conditions(&section, index)?;
        self.text_field(
            &section,
            &entry,
            Control {
                field: "eligibility_notes",
                path: "eligibility_notes.fr",
                kind: Kind::Localized,
                optional: true,
            },
            EditorText::NotesLabel,
            Some(EditorText::NotesHint),
            "textarea",
        )?;

        // How to get in.
        let section = self.section(EditorText::AccessSection, None)?;
        let through = terms(Referential::Mobilisers);
        self.choices(
            &section,
            &entry,
            "access.through",
            Kind::List,
            EditorText::ThroughLabel,
            &through,
        )?;
        let modes = terms(Referential::MobilisationModes);
        self.choices(
            &section,
            &entry,
            "access.modes",
            Kind::List,
            EditorText::ModesLabel,
            &modes,
        )?;
        section.append_child(&*error_slot(&document, "access")?)?;
        for (path, label, input_type) in [
            ("access.phone", EditorText::PhoneLabel, "tel"),
            ("access.email", EditorText::EmailLabel, "email"),
            ("access.url", EditorText::UrlLabel, "url"),
            ("access.address", EditorText::AddressLabel, "text"),
        ] {
            self.text_field(
                &section,
                &entry,
                Control {
                    field: path,
                    path,
                    kind: Kind::Text,
                    optional: true,
                },
                label,
                None,
                input_type,
            )?;
        }
        self.text_field(
            &section,
            &entry,
            Control {
                field: "access.hours",
                path: "access.hours.fr",
                kind: Kind::Localized,
                optional: true,
            },
            EditorText::HoursLabel,
            Some(EditorText::HoursHint),
            "input",
        )?;
        self.draw_reception(&section, &entry)?;
        self.text_field(
            &section,
            &entry,
            Control {
                field: "access.details",
                path: "access.details.fr",
                kind: Kind::Localized,
                optional: true,
            },
            EditorText::DetailsLabel,
            None,
            "textarea",
        )?;
        self.flag(
            &section,
            &entry,
            "access.open_every_day",
            "access.open_every_day",
            EditorText::OpenEveryDay,
        )?;
        let costs = terms(Referential::Fees);
        self.choices(
            &section,
            &entry,
            "cost",
            Kind::One,
            EditorText::CostLabel,
            &costs,
        )?;
        self.text_field(
            &section,
            &entry,
            Control {
                field: "documents",
                path: "documents",
                kind: Kind::Lines,
                optional: true,
            },
            EditorText::DocumentsLabel,
            Some(EditorText::DocumentsHint),
            "textarea",
        )?;

        // Its source.
        let section = self.section(EditorText::SourceSection, None)?;
        self.text_field(
            &section,
            &entry,
            Control {
                field: "source_url",
                path: "source_url",
                kind: Kind::Text,
                optional: false,
            },
            EditorText::SourceLabel,
            Some(EditorText::SourceHint),
            "url",
        )?;
        self.text_field(
            &section,
            &entry,
            Control {
                field: "last_verified",
                path: "last_verified",
                kind: Kind::Text,
                optional: false,
            },
            EditorText::LastVerifiedLabel,
            None,
            "date",
        )?;
        section.append_child(&*parts::action_row(
            &document,
            &[("type", "button"), ("data-do", Button::Verified.to_attr())],
            &self.text(EditorText::MarkVerified),
        )?)?;

        // Its JSON, to read.
        let details = element(&document, "details", &[("class", "json")], None)?;
        details.append_child(&*element(
            &document,
            "summary",
            &[],
            Some(&self.text(EditorText::ShowJson)),
        )?)?;
        details.append_child(&*element(
            &document,
            "pre",
            &[("dir", "ltr"), ("tabindex", "0")],
            Some(&passerelle_core::json::write_pretty(&entry)),
        )?)?;
        self.body.append_child(&details)?;

        self.draw_preview(index)?;
        self.draw_sheet_row()?;
        let last = element(&document, "div", &[("class", "actions end")], None)?;
        last.append_child(&*element(
            &document,
            "button",
            &[
                ("type", "button"),
                ("data-do", Button::BackToList.to_attr()),
            ],
            Some(&self.text(EditorText::BackToList)),
        )?)?;
        last.append_child(&*element(
            &document,
            "button",
            &[
                ("type", "button"),
                ("class", "danger"),
                ("data-do", Button::RemoveEntry.to_attr()),
            ],
            Some(&self.text(EditorText::RemoveEntry)),
        )?)?;
        self.body.append_child(&last)?;
        Ok(())
    }

    /// A field (label `label`, then `control` of id `id`) with a button
    /// after it (`button`'s attributes beyond its type, and its words),
    /// appended to `into`. Returns the field.
    pub(super) fn field_with_button(
        &self,
        into: &Element,
        id: &str,
        label: EditorText,
        control: &Element,
        button: &[(&str, &str)],
        words: EditorText,
    ) -> Result<Element, JsValue> {
        let field = parts::field(&self.document, id, None, &self.text(label), control)?;
        let made = element(
            &self.document,
            "button",
            &[("type", "button")],
            Some(&self.text(words)),
        )?;
        for (name, value) in button {
            made.set_attribute(name, value)?;
        }
        field.append_child(&made)?;
        into.append_child(&field)?;
        Ok(field)
    }

    /// A list of the departments by name, `chosen` selected, after a
    /// first "choose" option.
    pub(super) fn department_options(
        &self,
        select: &Element,
        chosen: Option<&str>,
    ) -> Result<(), JsValue> {
        select.append_child(&*element(
            &self.document,
            "option",
            &[("value", "")],
            Some(&self.text(EditorText::ChooseDepartment)),
        )?)?;
        for (code, name, _) in passerelle_core::geo::DEPARTMENTS {
            let option = element(
                &self.document,
                "option",
                &[("value", code)],
                Some(&format!("{name} ({code})")),
            )?;
            if chosen == Some(*code) {
                option.set_attribute("selected", "")?;
            }
            select.append_child(&option)?;
        }
        Ok(())
    }

    /// An item of `list` reading `words`, with a small button after it
    /// (`button`'s attributes beyond its type and class) that takes it out.
    pub(super) fn removable(
        &self,
        list: &Element,
        words: &str,
        button: &[(&str, &str)],
        button_words: &str,
    ) -> Result<(), JsValue> {
        let item = element(&self.document, "li", &[], Some(words))?;
        item.append_with_str_1(" ")?;
        let made = element(
            &self.document,
            "button",
            &[("type", "button"), ("class", "small")],
            Some(button_words),
        )?;
        for (name, value) in button {
            made.set_attribute(name, value)?;
        }
        item.append_child(&made)?;
        list.append_child(&item)?;
        Ok(())
    }

    /// A part of the screen (`section.part`) under its heading, with its
    /// hint if given, appended to the screen; returns it, to fill.
    pub(super) fn section(
        &self,
        heading: EditorText,
        hint: Option<EditorText>,
    ) -> Result<Element, JsValue> {
        let section = element(&self.document, "section", &[("class", "part")], None)?;
        section.append_child(&*element(
            &self.document,
            "h4",
            &[],
            Some(&self.text(heading)),
        )?)?;
        if let Some(hint) = hint {
            section.append_child(&*element(
                &self.document,
                "p",
                &[("class", "hint")],
                Some(&self.text(hint)),
            )?)?;
        }
        self.body.append_child(&section)?;
        Ok(section)
    }

    /// The languages of the entry's name: French, those it has, those added.
    fn entry_languages(&self, entry: &Json) -> Vec<String> {
        let mut tags = vec!["fr".to_owned()];
        if let Some(Json::Object(name)) = entry.get("name") {
            tags.extend(name.keys().filter(|tag| *tag != "fr").cloned());
        }
        for tag in &self.languages {
            if !tags.contains(tag) {
                tags.push(tag.clone());
            }
        }
        tags
    }

    /// A text control with its label, hint and error paragraph.
    #[allow(clippy::too_many_arguments)]
    fn text_field(
        &self,
        into: &Element,
        entry: &Json,
        control: Control,
        label: EditorText,
        hint: Option<EditorText>,
        input_type: &str,
    ) -> Result<(), JsValue> {
        let document = &self.document;
        let id = ids::control(control.path);
        let error_id = ids::error(control.field);
        let value = value_at(entry, control.path);
        let tag = if input_type == "textarea" {
            "textarea"
        } else {
            "input"
        };
        let mut described = error_id.clone();
        let hint_id = format!("{id}-hint");
        if hint.is_some() {
            described = format!("{hint_id} {error_id}");
        }
        let input = element(
            document,
            tag,
            &[
                ("id", &id),
                ("data-path", control.path),
                ("data-type", control.kind.to_attr()),
                ("data-field", control.field),
                ("data-invalid-for", control.field),
                ("aria-describedby", &described),
            ],
            None,
        )?;
        if tag == "input" {
            let kind = if input_type == "input" {
                "text"
            } else {
                input_type
            };
            input.set_attribute("type", kind)?;
            input.set_attribute("value", &value)?;
            if matches!(kind, "tel" | "email" | "url" | "date") || control.field == "id" {
                input.set_attribute("dir", "ltr")?;
            }
        } else {
            input.set_attribute("rows", "3")?;
            input.set_text_content(Some(&value));
        }
        if control.optional {
            input.set_attribute("data-optional", "")?;
        }
        if (control.path.ends_with(".fr") || control.field == "id") && !control.optional {
            input.set_attribute("aria-required", "true")?;
        }
        // A text in a language is marked so (its direction too), whatever
        // the editor's language; the documents are French.
        let language = match control.kind {
            Kind::Localized => control.path.rsplit_once('.').map(|(_, tag)| tag),
            Kind::Lines => Some("fr"),
            _ => None,
        };
        if let Some(tag) = language {
            if let Some(locale) = passerelle_core::Locale::from_tag(tag) {
                crate::ui::widget::mark_language(&input, locale)?;
            } else if passerelle_core::text::is_tag(tag) {
                input.set_attribute("lang", tag)?;
            }
        }
        let field = parts::field(document, &id, None, &self.text(label), &input)?;
        if let Some(hint) = hint {
            let hint = element(
                document,
                "p",
                &[("id", &hint_id), ("class", "hint")],
                Some(&self.text(hint)),
            )?;
            input.before_with_node_1(&hint)?;
        }
        if !into_has_slot(into, control.field)? {
            field.append_child(&*error_slot(document, control.field)?)?;
        }
        into.append_child(&field)?;
        Ok(())
    }

    /// Checkboxes (`Kind::List`) or radio buttons (`Kind::One`) in a
    /// fieldset, each a `(value, words)`.
    fn choices(
        &self,
        into: &Element,
        entry: &Json,
        path: &str,
        kind: Kind,
        legend: EditorText,
        choices: &[(&str, String)],
    ) -> Result<(), JsValue> {
        // Words of a referential (not the editor's own): French.
        let french_words = path != "kind";
        let document = &self.document;
        let fieldset = element(
            document,
            "fieldset",
            &[("aria-describedby", &ids::error(path))],
            None,
        )?;
        fieldset.append_child(&*element(
            document,
            "legend",
            &[],
            Some(&self.text(legend)),
        )?)?;
        let current = entry_value(entry, path);
        let input_type = if kind == Kind::One {
            "radio"
        } else {
            "checkbox"
        };
        let group = ids::control(path);
        for (i, (value, words)) in choices.iter().enumerate() {
            let id = format!("{group}-{i}");
            let chosen = match &current {
                Some(Json::Array(items)) => items.iter().any(|item| item.as_str() == Some(value)),
                Some(Json::String(text)) => text == value,
                _ => false,
            };
            let (row, _, label) = parts::choice_row(
                document,
                &[],
                &[
                    ("id", &id),
                    ("type", input_type),
                    ("name", &group),
                    ("value", value),
                    ("data-path", path),
                    ("data-type", kind.to_attr()),
                    ("data-field", path),
                    ("data-invalid-for", path),
                ],
                chosen,
                words,
            )?;
            if french_words {
                // The data·inclusion referential's own French labels.
                crate::ui::widget::mark_language(&label, passerelle_core::Locale::Fr)?;
            }
            fieldset.append_child(&row)?;
        }
        fieldset.append_child(&*error_slot(document, path)?)?;
        into.append_child(&fieldset)?;
        Ok(())
    }

    /// A checkbox for a flag (`true` or absent).
    fn flag(
        &self,
        into: &Element,
        entry: &Json,
        field: &str,
        path: &str,
        words: EditorText,
    ) -> Result<(), JsValue> {
        let id = ids::control(path);
        let on = entry_value(entry, path).and_then(|value| value.as_bool()) == Some(true);
        let (row, _, _) = parts::choice_row(
            &self.document,
            &[],
            &[
                ("id", &id),
                ("type", "checkbox"),
                ("data-path", path),
                ("data-type", Kind::Flag.to_attr()),
                ("data-field", field),
                ("data-invalid-for", field),
            ],
            on,
            &self.text(words),
        )?;
        into.append_child(&row)?;
        Ok(())
    }

    /// The language list to add a language to the name and description.
    fn add_language_row(&self, into: &Element, entry: &Json) -> Result<(), JsValue> {
        let document = &self.document;
        let present = self.entry_languages(entry);
        let select = element(document, "select", &[("id", ids::ADD_LANGUAGE)], None)?;
        let mut any = false;
        for info in passerelle_core::text::shipped() {
            if present.contains(&info.tag) {
                continue;
            }
            any = true;
            let option = element(
                document,
                "option",
                &[("value", &info.tag), ("lang", &info.tag)],
                Some(&info.name),
            )?;
            select.append_child(&option)?;
        }
        if !any {
            return Ok(());
        }
        self.field_with_button(
            into,
            ids::ADD_LANGUAGE,
            EditorText::AddLanguageLabel,
            &select,
            &[("data-do", Button::AddLanguage.to_attr())],
            EditorText::AddLanguage,
        )?;
        Ok(())
    }

    /// Adds the language chosen to the entry's texts; returns where the focus goes.
    pub(super) fn add_language(&mut self) -> Result<Option<String>, JsValue> {
        let root = crate::ui::widget::root_of(&self.body)?;
        let Some(select) = root.get_element_by_id(ids::ADD_LANGUAGE) else {
            return Ok(None);
        };
        let tag = super::read::value_of(&select);
        if tag.is_empty() {
            return Ok(None);
        }
        if !self.languages.contains(&tag) {
            self.languages.push(tag.clone());
        }
        Ok(Some(ids::control(&format!("name.{tag}"))))
    }

    /// The themes chosen, each with a button to take it out, then the
    /// list of every theme by category, to add one.
    fn draw_themes(&self, into: &Element, entry: &Json) -> Result<(), JsValue> {
        let document = &self.document;
        let group = element(document, "div", &[("class", "picker")], None)?;
        group.append_child(&*element(
            document,
            "p",
            &[("class", "legend")],
            Some(&self.text(EditorText::ThemesLabel)),
        )?)?;
        let chosen = passerelle_core::catalogue::editing::entry_themes(entry);
        let list = element(document, "ul", &[("class", "places")], None)?;
        for theme in &chosen {
            let words = theme_words(theme, self.locale);
            self.removable(
                &list,
                &words,
                &[
                    ("data-do", Button::RemoveTheme.to_attr()),
                    ("data-value", theme),
                ],
                &self.text(EditorText::RemoveTheme { name: &words }),
            )?;
        }
        if chosen.is_empty() {
            list.append_child(&*element(
                document,
                "li",
                &[],
                Some(&self.text(EditorText::NoThemeYet)),
            )?)?;
        }
        group.append_child(&list)?;
        let select = element(
            document,
            "select",
            &[
                ("id", ids::THEME_CHOICE),
                ("data-invalid-for", "themes"),
                ("aria-describedby", &ids::error("themes")),
            ],
            None,
        )?;
        let mut category = "";
        let mut optgroup: Option<Element> = None;
        for term in Referential::Themes.terms() {
            if chosen.contains(&term.value) {
                continue;
            }
            let of = theme_category(&term.value);
            if of != category || optgroup.is_none() {
                category = of;
                let label = theme_label(of, self.locale).unwrap_or(of);
                let made = element(document, "optgroup", &[("label", label)], None)?;
                select.append_child(&made)?;
                optgroup = Some(made);
            }
            if let Some(optgroup) = &optgroup {
                optgroup.append_child(&*element(
                    document,
                    "option",
                    &[("value", &term.value)],
                    Some(&theme_words(&term.value, self.locale)),
                )?)?;
            }
        }
        self.field_with_button(
            &group,
            ids::THEME_CHOICE,
            EditorText::ThemeChoice,
            &select,
            &[("data-do", Button::AddTheme.to_attr())],
            EditorText::AddTheme,
        )?;
        group.append_child(&*error_slot(document, "themes")?)?;
        into.append_child(&group)?;
        Ok(())
    }

    /// Adds the theme chosen; returns where the focus goes.
    pub(super) fn add_theme(&mut self) -> Result<Option<String>, JsValue> {
        let super::Screen::Entry(index) = self.screen else {
            return Ok(None);
        };
        let root = crate::ui::widget::root_of(&self.body)?;
        let Some(select) = root.get_element_by_id(ids::THEME_CHOICE) else {
            return Ok(None);
        };
        let theme = super::read::value_of(&select);
        let Some(mut entry) = self.draft.entry(index).cloned() else {
            return Ok(None);
        };
        if theme.is_empty() {
            return Ok(None);
        }
        let mut themes = entry
            .get("themes")
            .and_then(Json::as_array)
            .cloned()
            .unwrap_or_default();
        if !themes.iter().any(|listed| listed.as_str() == Some(&theme)) {
            themes.push(Json::String(theme.clone()));
        }
        entry["themes"] = Json::Array(themes);
        self.draft.set_entry(index, entry);
        self.touched.insert("themes".into());
        self.told = Some(self.text(EditorText::ThemeAdded {
            name: &theme_words(&theme, self.locale),
        }));
        Ok(Some(ids::THEME_CHOICE.to_owned()))
    }

    /// Takes a theme out of the entry open.
    pub(super) fn remove_theme(&mut self, theme: &str) {
        let super::Screen::Entry(index) = self.screen else {
            return;
        };
        let Some(mut entry) = self.draft.entry(index).cloned() else {
            return;
        };
        if let Some(Json::Array(themes)) = entry.get_mut("themes") {
            themes.retain(|listed| listed.as_str() != Some(theme));
        }
        self.draft.set_entry(index, entry);
        self.touched.insert("themes".into());
        self.told = Some(self.text(EditorText::ThemeRemoved {
            name: &theme_words(theme, self.locale),
        }));
    }

    /// How a person is received: walk in, by appointment, both, or not said.
    fn draw_reception(&self, into: &Element, entry: &Json) -> Result<(), JsValue> {
        let document = &self.document;
        let path = "access.reception";
        let id = ids::control(path);
        let select = element(
            document,
            "select",
            &[
                ("id", &id),
                ("data-path", path),
                ("data-type", Kind::Text.to_attr()),
                ("data-field", path),
                ("data-invalid-for", path),
                ("data-optional", ""),
                ("aria-describedby", &ids::error(path)),
            ],
            None,
        )?;
        let current = value_at(entry, path);
        for (value, words) in [
            ("", EditorText::ReceptionUnsaid),
            ("sans-rendez-vous", EditorText::WalkIn),
            ("sur-rendez-vous", EditorText::ByAppointment),
            ("avec-ou-sans-rendez-vous", EditorText::WalkInOrAppointment),
        ] {
            let option = element(
                document,
                "option",
                &[("value", value)],
                Some(&self.text(words)),
            )?;
            if current == value {
                option.set_attribute("selected", "")?;
            }
            select.append_child(&option)?;
        }
        let field = parts::field(
            document,
            &id,
            None,
            &self.text(EditorText::ReceptionLabel),
            &select,
        )?;
        field.append_child(&*error_slot(document, path)?)?;
        into.append_child(&field)?;
        Ok(())
    }

    /// The eligibility's conditions, each with its controls and the
    /// sentence a person will read; then the form to add one.
    fn draw_conditions(&self, into: &Element, index: usize) -> Result<(), JsValue> {
        let document = &self.document;
        into.append_child(&*element(
            document,
            "h5",
            &[],
            Some(&self.text(EditorText::ConditionsLabel)),
        )?)?;
        let conditions = self.conditions(index);
        into.append_child(&*element(
            document,
            "p",
            &[("class", "hint")],
            Some(&self.text(if conditions.is_empty() {
                EditorText::NoConditions
            } else {
                EditorText::AllConditions
            })),
        )?)?;
        for (at, condition) in conditions.iter().enumerate() {
            let slot = format!("eligibility-{at}");
            let fieldset = element(
                document,
                "fieldset",
                &[
                    ("class", "condition"),
                    (
                        "aria-describedby",
                        &format!("{} {}", ids::sentence(at), ids::error(&slot)),
                    ),
                ],
                None,
            )?;
            fieldset.append_child(&*element(
                document,
                "legend",
                &[],
                Some(&self.text(EditorText::ConditionLegend {
                    number: at + 1,
                    kind: condition.kind(),
                })),
            )?)?;
            self.condition_controls(&fieldset, at, condition)?;
            fieldset.append_child(&*element(
                document,
                "p",
                &[("id", &ids::sentence(at)), ("class", "sentence")],
                None,
            )?)?;
            fieldset.append_child(&*error_slot(document, &slot)?)?;
            fieldset.append_child(&*element(
                document,
                "button",
                &[
                    ("type", "button"),
                    ("class", "small"),
                    ("data-do", Button::RemoveCondition.to_attr()),
                    ("data-condition", &at.to_string()),
                ],
                Some(&self.text(EditorText::RemoveCondition { number: at + 1 })),
            )?)?;
            into.append_child(&fieldset)?;
        }
        let select = element(document, "select", &[("id", ids::CONDITION_KIND)], None)?;
        for kind in FORM_CONDITION_KINDS {
            select.append_child(&*element(
                document,
                "option",
                &[("value", kind)],
                Some(&self.text(EditorText::ConditionKind { kind })),
            )?)?;
        }
        self.field_with_button(
            into,
            ids::CONDITION_KIND,
            EditorText::ConditionKindLabel,
            &select,
            &[("data-do", Button::AddCondition.to_attr())],
            EditorText::AddCondition,
        )?;
        Ok(())
    }

    /// The controls of one condition line.
    fn condition_controls(
        &self,
        into: &Element,
        at: usize,
        condition: &FormCondition,
    ) -> Result<(), JsValue> {
        let document = &self.document;
        let slot = format!("eligibility-{at}");
        let number = |part: &str, label: EditorText, value: Option<i64>| -> Result<(), JsValue> {
            let id = ids::condition_part(at, part);
            let input = element(
                document,
                "input",
                &[
                    ("id", &id),
                    ("type", "number"),
                    ("inputmode", "numeric"),
                    ("min", "0"),
                    ("max", "130"),
                    ("data-condition", &at.to_string()),
                    ("data-part", part),
                    ("data-field", "eligibility"),
                    ("data-invalid-for", &slot),
                ],
                None,
            )?;
            if let Some(value) = value {
                input.set_attribute("value", &value.to_string())?;
            }
            into.append_child(&*parts::field(
                document,
                &id,
                None,
                &self.text(label),
                &input,
            )?)?;
            Ok(())
        };
        let ticks = |fact: Fact, chosen: &[String]| -> Result<(), JsValue> {
            let (FactType::OneOf(values) | FactType::SetOf(values)) = fact.value_type() else {
                return Ok(());
            };
            for (i, value) in values.iter().enumerate() {
                let id = format!("{}-{i}", ids::condition_part(at, "values"));
                let (row, _, _) = parts::choice_row(
                    document,
                    &[],
                    &[
                        ("id", &id),
                        ("type", "checkbox"),
                        ("value", value),
                        ("data-condition", &at.to_string()),
                        ("data-part", "values"),
                        ("data-field", "eligibility"),
                        ("data-invalid-for", &slot),
                    ],
                    chosen.iter().any(|listed| listed == value),
                    &value_label(fact, value, self.locale),
                )?;
                into.append_child(&row)?;
            }
            Ok(())
        };
        match condition {
            FormCondition::Age { min, max } => {
                number("min", EditorText::AgeMin, *min)?;
                number("max", EditorText::AgeMax, *max)?;
            }
            FormCondition::LivesIn { .. } => {
                self.draw_picker(into, &slot, &self.text(EditorText::LivesInPlaces))?;
            }
            FormCondition::StatusIn(values) => ticks(Fact::EmploymentStatus, values)?,
            FormCondition::Receives(values) => ticks(Fact::Benefits, values)?,
            FormCondition::ChildUnder(age) => {
                number("value", EditorText::ChildUnderAge, Some(*age))?
            }
            FormCondition::ToCheck(text) => {
                let id = ids::condition_part(at, "text");
                let input = element(
                    document,
                    "input",
                    &[
                        ("id", &id),
                        ("type", "text"),
                        ("value", text),
                        ("data-condition", &at.to_string()),
                        ("data-part", "text"),
                        ("data-field", "eligibility"),
                        ("data-invalid-for", &slot),
                        ("lang", "fr"),
                        ("dir", "ltr"),
                    ],
                    None,
                )?;
                into.append_child(&*parts::field(
                    document,
                    &id,
                    None,
                    &self.text(EditorText::ToCheckText),
                    &input,
                )?)?;
            }
            FormCondition::Written(value) => {
                into.append_child(&*element(
                    document,
                    "p",
                    &[("class", "hint")],
                    Some(&self.text(EditorText::WrittenCondition)),
                )?)?;
                into.append_child(&*element(
                    document,
                    "pre",
                    &[("dir", "ltr")],
                    Some(&passerelle_core::json::write_pretty(value)),
                )?)?;
            }
        }
        Ok(())
    }

    /// Adds a condition of the kind chosen; returns where the focus goes.
    pub(super) fn add_condition(&mut self) -> Result<Option<String>, JsValue> {
        let super::Screen::Entry(index) = self.screen else {
            return Ok(None);
        };
        let root = crate::ui::widget::root_of(&self.body)?;
        let kind = root
            .get_element_by_id(ids::CONDITION_KIND)
            .map(|select| super::read::value_of(&select))
            .unwrap_or_default();
        let Some(line) = FormCondition::blank(&kind) else {
            return Ok(None);
        };
        let mut conditions = self.conditions(index);
        conditions.push(line);
        let at = conditions.len() - 1;
        self.set_conditions(index, &conditions);
        self.told = Some(self.text(EditorText::ConditionAdded { number: at + 1 }));
        let first = match kind.as_str() {
            "age" => ids::condition_part(at, "min"),
            "lives_in" => ids::picker_department(&format!("eligibility-{at}")),
            "status_in" | "receives" => format!("{}-0", ids::condition_part(at, "values")),
            "child_under" => ids::condition_part(at, "value"),
            _ => ids::condition_part(at, "text"),
        };
        Ok(Some(first))
    }
}

/// The paragraph where `field`'s problems are told, hidden while it has none.
pub(super) fn error_slot(document: &web_sys::Document, field: &str) -> Result<Element, JsValue> {
    element(
        document,
        "p",
        &[
            ("id", &ids::error(field)),
            ("class", "error"),
            ("part", "error"),
            ("data-error-for", field),
            ("hidden", ""),
        ],
        None,
    )
}

/// Whether `into` has `field`'s error paragraph already (a text in
/// several languages has one, after its first language).
fn into_has_slot(into: &Element, field: &str) -> Result<bool, JsValue> {
    Ok(into
        .query_selector(&format!("[data-error-for=\"{field}\"]"))?
        .is_some())
}

/// The value at `path` (keys joined by dots) of the entry.
fn entry_value<'a>(entry: &'a Json, path: &str) -> Option<&'a Json> {
    path.split('.').try_fold(entry, |value, key| value.get(key))
}

/// The value at `path` as the text of a control.
fn value_at(entry: &Json, path: &str) -> String {
    match entry_value(entry, path) {
        Some(Json::String(text)) => text.clone(),
        Some(Json::Array(items)) => items
            .iter()
            .filter_map(|item| item.get("fr").and_then(Json::as_str).or(item.as_str()))
            .collect::<Vec<_>>()
            .join("\n"),
        Some(Json::Number(number)) => number.to_string(),
        _ => String::new(),
    }
}

/// A referential's values with their labels.
fn terms(referential: Referential) -> Vec<(&'static str, String)> {
    referential
        .terms()
        .iter()
        .map(|term| (term.value.as_str(), term.label.clone()))
        .collect()
}

/// A theme in words: its category's and its own.
fn theme_words(theme: &str, locale: passerelle_core::Locale) -> String {
    let own = theme_label(theme, locale)
        .map(str::to_owned)
        .or_else(|| Referential::Themes.label(theme).map(str::to_owned))
        .unwrap_or_else(|| theme.to_owned());
    let category = theme_category(theme);
    match theme_label(category, locale) {
        Some(category) if category != own => EditorText::ThemeIn {
            category,
            theme: &own,
        }
        .text(locale),
        _ => own,
    }
}

/// A language's name in itself, for the label of its fields.
fn language_name(tag: &str) -> String {
    passerelle_core::text::shipped()
        .iter()
        .find(|info| info.tag == tag)
        .map_or_else(|| tag.to_owned(), |info| info.name.clone())
}
