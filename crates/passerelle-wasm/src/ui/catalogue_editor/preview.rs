//! An entry previewed through sample people: for each, the entry in
//! `<passerelle-orientation>` itself (the catalogue given is this entry
//! alone), with its status and reasons exactly as a person reads them.

use passerelle_core::questionnaire::samples::{preview_diagnosis, sample_people};
use serde_json::{json, Value as Json};
use wasm_bindgen::prelude::*;

use crate::ui::dom::{element, Attribute};

use super::ids::{self, Button};
use super::{EditorText, EditorView};

impl EditorView {
    /// Where the sample people live: the entry's first commune or
    /// department, else the structure's territory.
    fn sample_place(&self, entry: &Json) -> Option<String> {
        let zone = entry.get("zone");
        ["communes", "departments"]
            .iter()
            .find_map(|key| {
                zone.and_then(|zone| zone.get(key))
                    .and_then(Json::as_array)
                    .and_then(|list| list.first())
                    .and_then(Json::as_str)
                    .map(str::to_owned)
            })
            .or_else(|| self.territory.clone())
    }

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
        let themes: Vec<String> = entry
            .get("themes")
            .and_then(Json::as_array)
            .map(|themes| {
                themes
                    .iter()
                    .filter_map(|theme| theme.as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default();
        let place = self.sample_place(entry);
        let people = sample_people(place.as_deref())
            .or_else(|_| sample_people(None))
            .map_err(|problem| crate::api::error::Failure::new(problem.code, problem.message))?;
        for person in people {
            let article = element(
                document,
                "article",
                &[("class", "sample"), ("data-sample", person.key)],
                None,
            )?;
            article.append_child(&*element(
                document,
                "h5",
                &[],
                Some(&self.text(EditorText::Sample { key: person.key })),
            )?)?;
            let diagnosis = preview_diagnosis(&person.facts, &themes, self.today, self.locale);
            let shown = element(
                document,
                "passerelle-orientation",
                &[("lang", self.locale.tag())],
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
}
