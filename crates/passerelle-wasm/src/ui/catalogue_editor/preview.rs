//! An entry previewed through sample people: for each, the entry in
//! `<passerelle-orientation>` itself (the catalogue given is this entry
//! alone), with its status and reasons exactly as a person reads them.

use passerelle_core::facts::{Fact, FactType};
use passerelle_core::questionnaire::samples::{preview_diagnosis, sample_people, OwnPerson};
use passerelle_core::sentences::value_label;
use serde_json::json;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement};

use crate::ui::dom::{element, Attribute};
use crate::ui::parts;

use super::ids::{self, Button};
use super::read::value_of;
use super::{EditorText, EditorView};

impl EditorView {
    /// The preview's section: asked for, the entry for each sample person.
    pub(super) fn draw_preview(&self, index: usize) -> Result<(), JsValue> {
        let document = &self.document;
        let section = element(
            document,
            "section",
            &[("class", "part preview"), ("aria-labelledby", ids::PREVIEW)],
            None,
        )?;
        section.append_child(&*element(
            document,
            "h4",
            &[("id", ids::PREVIEW), ("tabindex", "-1")],
            Some(&self.text(EditorText::PreviewSection)),
        )?)?;
        section.append_child(&*element(
            document,
            "p",
            &[("class", "hint")],
            Some(&self.text(EditorText::PreviewIntro)),
        )?)?;
        self.draw_own_person(&section)?;
        section.append_child(&*crate::ui::parts::action_row(
            document,
            &[("type", "button"), ("data-do", Button::Preview.to_attr())],
            &self.text(if self.preview {
                EditorText::PreviewAgain
            } else {
                EditorText::Preview
            }),
        )?)?;
        self.body.append_child(&section)?;
        if !self.preview {
            return Ok(());
        }
        let Some(entry) = self.draft.entry(index) else {
            return Ok(());
        };
        if !passerelle_core::catalogue::editing::entry_problems(&self.problems, index).is_empty() {
            section.append_child(&*element(
                document,
                "p",
                &[("class", "notice")],
                Some(&self.text(EditorText::PreviewNeedsFixes)),
            )?)?;
            return Ok(());
        }
        let mut catalogue = json!({
            "format_version": 1,
            "id": "apercu",
            "name": "Aperçu",
            "entries": [entry],
        });
        if let Some(months) = self.draft.value().get("stale_after_months") {
            catalogue["stale_after_months"] = months.clone();
        }
        let catalogue = js_sys::JSON::parse(&passerelle_core::json::write(&catalogue))?;
        let themes = passerelle_core::catalogue::editing::entry_themes(entry);
        // The sample people live where the entry is open, else where the structure serves.
        let place = passerelle_core::catalogue::editing::zone_place(entry)
            .or_else(|| self.territory.clone());
        let people = sample_people(place.as_deref())
            .or_else(|_| sample_people(None))
            .map_err(|problem| crate::api::error::Failure::new(problem.code, problem.message))?;
        let own = (self.own != OwnPerson::default())
            .then(|| {
                self.own
                    .facts(place.as_deref())
                    .or_else(|_| self.own.facts(None))
            })
            .and_then(Result::ok);
        let people = people
            .into_iter()
            .map(|person| (person.key, person.facts))
            .chain(own.map(|facts| ("own", facts)));
        for (key, facts) in people {
            let article = element(
                document,
                "article",
                &[("class", "sample"), ("data-sample", key)],
                None,
            )?;
            article.append_child(&*element(
                document,
                "h5",
                &[],
                Some(&self.text(EditorText::Sample { key })),
            )?)?;
            let diagnosis = preview_diagnosis(&facts, &themes, self.today, self.locale);
            let shown = element(
                document,
                "passerelle-orientation",
                // The entry alone: not the national orientation after it.
                &[("lang", self.locale.tag()), ("national", "off")],
                None,
            )?;
            js_sys::Reflect::set(&shown, &"catalog".into(), &catalogue)?;
            js_sys::Reflect::set(
                &shown,
                &"diagnosis".into(),
                &js_sys::JSON::parse(&passerelle_core::json::write(&diagnosis))?,
            )?;
            article.append_child(&shown)?;
            section.append_child(&article)?;
        }
        Ok(())
    }

    /// The form of the author's own sample person: each fact left unset
    /// stays unknown.
    fn draw_own_person(&self, into: &Element) -> Result<(), JsValue> {
        let document = &self.document;
        let fieldset = element(document, "fieldset", &[("class", "own")], None)?;
        fieldset.append_child(&*element(
            document,
            "legend",
            &[],
            Some(&self.text(EditorText::OwnLegend)),
        )?)?;
        fieldset.append_child(&*element(
            document,
            "p",
            &[("class", "hint")],
            Some(&self.text(EditorText::OwnHint)),
        )?)?;
        for (id, label, value) in [
            (ids::OWN_AGE, EditorText::OwnAge, self.own.age),
            (
                ids::OWN_CHILD,
                EditorText::OwnChild,
                self.own.youngest_child_age,
            ),
        ] {
            let input = element(
                document,
                "input",
                &[
                    ("id", id),
                    ("type", "number"),
                    ("inputmode", "numeric"),
                    ("min", "0"),
                    ("max", "130"),
                ],
                None,
            )?;
            if let Some(value) = value {
                input.set_attribute("value", &value.to_string())?;
            }
            fieldset.append_child(&*parts::field(
                document,
                id,
                None,
                &self.text(label),
                &input,
            )?)?;
            self.error_after(id, &input)?;
        }
        let select = element(document, "select", &[("id", ids::OWN_STATUS)], None)?;
        select.append_child(&*element(
            document,
            "option",
            &[("value", "")],
            Some(&self.text(EditorText::OwnUnsaid)),
        )?)?;
        if let FactType::OneOf(values) = Fact::EmploymentStatus.value_type() {
            for value in values {
                let option = element(
                    document,
                    "option",
                    &[("value", value)],
                    Some(&value_label(Fact::EmploymentStatus, value, self.locale)),
                )?;
                if self.own.status.as_deref() == Some(*value) {
                    option.set_attribute("selected", "")?;
                }
                select.append_child(&option)?;
            }
        }
        fieldset.append_child(&*parts::field(
            document,
            ids::OWN_STATUS,
            None,
            &self.text(EditorText::OwnStatus),
            &select,
        )?)?;
        let benefits = element(document, "fieldset", &[], None)?;
        benefits.append_child(&*element(
            document,
            "legend",
            &[],
            Some(&self.text(EditorText::OwnBenefits)),
        )?)?;
        if let FactType::SetOf(values) = Fact::Benefits.value_type() {
            for (i, value) in values.iter().enumerate() {
                let (row, _, _) = parts::choice_row(
                    document,
                    &[],
                    &[
                        ("id", &ids::own_benefit(i)),
                        ("type", "checkbox"),
                        ("value", value),
                    ],
                    self.own.benefits.iter().any(|listed| listed == value),
                    &value_label(Fact::Benefits, value, self.locale),
                )?;
                benefits.append_child(&row)?;
            }
        }
        fieldset.append_child(&benefits)?;
        into.append_child(&fieldset)?;
        Ok(())
    }

    /// The preview asked: the author's own person read from its form
    /// first. Returns where the focus goes.
    pub(super) fn ask_preview(&mut self) -> Result<String, JsValue> {
        let root = crate::ui::widget::root_of(&self.body)?;
        let number = |id: &str| -> Result<Option<i64>, ()> {
            let text = root
                .get_element_by_id(id)
                .map(|input| value_of(&input))
                .unwrap_or_default();
            let text = text.trim();
            if text.is_empty() {
                return Ok(None);
            }
            text.parse::<i64>().map(Some).map_err(drop)
        };
        let (Ok(age), Ok(child)) = (number(ids::OWN_AGE), number(ids::OWN_CHILD)) else {
            let words = self.text(EditorText::Problem {
                code: "out_of_range",
            });
            self.refuse(words, ids::OWN_AGE)?;
            return Ok(ids::OWN_AGE.to_owned());
        };
        let status = root
            .get_element_by_id(ids::OWN_STATUS)
            .map(|select| value_of(&select))
            .filter(|status| !status.is_empty());
        let mut benefits = Vec::new();
        if let FactType::SetOf(values) = Fact::Benefits.value_type() {
            for (i, value) in values.iter().enumerate() {
                let ticked = root
                    .get_element_by_id(&ids::own_benefit(i))
                    .and_then(|input| input.dyn_into::<HtmlInputElement>().ok())
                    .is_some_and(|input| input.checked());
                if ticked {
                    benefits.push((*value).to_owned());
                }
            }
        }
        let own = OwnPerson {
            age,
            status,
            benefits,
            youngest_child_age: child,
        };
        if let Err(problem) = own.facts(None) {
            let id = if problem.path.contains("youngest") {
                ids::OWN_CHILD
            } else {
                ids::OWN_AGE
            };
            let words = self.text(EditorText::Problem { code: problem.code });
            self.refuse(words, id)?;
            return Ok(id.to_owned());
        }
        self.own = own;
        self.error = None;
        self.preview = true;
        Ok(ids::PREVIEW.to_owned())
    }
}
