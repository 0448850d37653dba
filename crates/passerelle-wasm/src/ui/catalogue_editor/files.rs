//! The catalogue's file: a new one, saved as a download for the host to
//! serve at `catalog-src`, the printable guide that says how, and each
//! entry's printable information sheet ("fiche pratique").

use passerelle_core::catalogue::editing::{entry_problems, Draft};
use passerelle_core::Locale;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;

use crate::ui::dom::{element, Attribute};
use crate::ui::parts;

use super::ids::{self, Button};
use super::{EditorText, EditorView, Screen};

/// A new catalogue, empty, named in `locale`.
pub(super) fn empty_draft(locale: Locale) -> Draft {
    Draft::new(
        "catalogue-local",
        &EditorText::DefaultCatalogueName.text(locale),
    )
}

/// An object URL for `text` of `mime` type.
fn object_url(text: &str, mime: &str) -> Result<String, JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    web_sys::Url::create_object_url_with_blob(&blob)
}

impl EditorView {
    /// Saves the catalogue as a file to download; refused, with what to
    /// fix, while it has problems, unless the author keeps a draft.
    /// Returns where the focus goes.
    pub(super) fn save(&mut self) -> Result<String, JsValue> {
        self.checked();
        let root = crate::ui::widget::root_of(&self.body)?;
        let keep_draft = root
            .get_element_by_id(ids::KEEP_DRAFT)
            .and_then(|input| input.dyn_into::<HtmlInputElement>().ok())
            .is_some_and(|input| input.checked());
        if !self.problems.is_empty() && !keep_draft {
            // Every problem of every entry now shown.
            self.shown_whole = (0..self.draft.len()).collect();
            let words = self.text(EditorText::CannotSave {
                problems: self.problems.len(),
                entries: self.entries_with_problems(),
            });
            self.error = Some((words, ids::KEEP_DRAFT.to_owned()));
            return Ok(ids::SAVE_ERROR.to_owned());
        }
        self.error = None;
        if let Some((url, _)) = self.saved.take() {
            let _ = web_sys::Url::revoke_object_url(&url);
        }
        let url = object_url(&self.draft.to_json(), "application/json")?;
        let id = self.draft.text("id");
        let name = if id.is_empty() {
            "catalogue.json".to_owned()
        } else {
            format!("{id}.json")
        };
        self.told = Some(self.text(if self.problems.is_empty() {
            EditorText::Saved { file: &name }
        } else {
            EditorText::SavedDraft { file: &name }
        }));
        self.saved = Some((url, name));
        // Saved: leaving the page loses nothing any more.
        self.unsaved = None;
        Ok(ids::SAVED_LINK.to_owned())
    }

    /// The save section of the list: keep a draft, save, the file saved,
    /// the guide for the web team.
    pub(super) fn draw_save(&mut self) -> Result<(), JsValue> {
        let document = self.document.clone();
        let section = self.section(EditorText::SaveSection, Some(EditorText::SaveIntro))?;
        let (row, control, _) = parts::choice_row(
            &document,
            &[],
            &[("id", ids::KEEP_DRAFT), ("type", "checkbox")],
            false,
            &self.text(EditorText::KeepDraft),
        )?;
        section.append_child(&row)?;
        if let Some((message, id)) = &self.error {
            if id == ids::KEEP_DRAFT {
                control.set_attribute("aria-describedby", ids::SAVE_ERROR)?;
                let error = parts::field_error(&document, self.locale, ids::SAVE_ERROR, message)?;
                error.set_attribute("tabindex", "-1")?;
                section.append_child(&error)?;
                let list = element(&document, "ul", &[("class", "to-fix")], None)?;
                for index in 0..self.draft.len() {
                    let count = entry_problems(&self.problems, index).len();
                    if count == 0 {
                        continue;
                    }
                    let item = element(&document, "li", &[], None)?;
                    item.append_child(&*element(
                        &document,
                        "button",
                        &[
                            ("type", "button"),
                            ("class", "link"),
                            ("data-do", Button::Edit.to_attr()),
                            ("data-entry", &index.to_string()),
                        ],
                        Some(&self.text(EditorText::FixEntry {
                            name: &self.entry_name(index),
                            problems: count,
                        })),
                    )?)?;
                    list.append_child(&item)?;
                }
                section.append_child(&list)?;
            }
        }
        section.append_child(&*parts::action_row(
            &document,
            &[("type", "button"), ("data-do", Button::Save.to_attr())],
            &self.text(EditorText::Save),
        )?)?;
        if let Some((url, name)) = &self.saved {
            let paragraph = element(&document, "p", &[], None)?;
            paragraph.append_child(&*element(
                &document,
                "a",
                &[
                    ("id", ids::SAVED_LINK),
                    ("href", url),
                    ("download", name),
                    ("part", "download"),
                ],
                Some(&self.text(EditorText::Download { file: name })),
            )?)?;
            section.append_child(&paragraph)?;
        }
        // The guide for the web team, a page to print.
        let guide = object_url(&self.guide_page()?, "text/html")?;
        self.urls.push(guide.clone());
        let paragraph = element(&document, "p", &[], None)?;
        paragraph.append_child(&*element(
            &document,
            "a",
            &[
                ("href", &guide),
                ("target", "_blank"),
                ("rel", "noopener"),
                ("download", "guide-equipe-web.html"),
            ],
            Some(&self.text(EditorText::GuideLink)),
        )?)?;
        section.append_child(&paragraph)?;
        Ok(())
    }

    /// The name of entry `index`, or words for one not named yet.
    pub(super) fn entry_name(&self, index: usize) -> String {
        self.draft
            .entry(index)
            .and_then(|entry| entry.get("name"))
            .and_then(|name| name.get("fr"))
            .and_then(serde_json::Value::as_str)
            .map(str::trim)
            .filter(|name| !name.is_empty())
            .map_or_else(|| self.text(EditorText::Unnamed), str::to_owned)
    }

    /// The web team's guide: a page of its own, to print. Made with the
    /// DOM, which writes every text escaped.
    fn guide_page(&self) -> Result<String, JsValue> {
        let document = &self.document;
        let html = element(
            document,
            "html",
            &[
                ("lang", self.locale.tag()),
                ("dir", self.locale.direction().attribute()),
            ],
            None,
        )?;
        let head = element(document, "head", &[], None)?;
        head.append_child(&*element(document, "meta", &[("charset", "utf-8")], None)?)?;
        head.append_child(&*element(
            document,
            "title",
            &[],
            Some(&self.text(EditorText::GuideTitle)),
        )?)?;
        head.append_child(&*element(
            document,
            "style",
            &[],
            Some("body{font:1rem/1.5 system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem}code,pre{font-family:ui-monospace,monospace;background:#f3f3f3}pre{padding:.5rem;white-space:pre-wrap}li{margin-block:.5rem}@page{size:A4;margin:2cm}"),
        )?)?;
        html.append_child(&head)?;
        let body = element(document, "body", &[], None)?;
        body.append_child(&*element(
            document,
            "h1",
            &[],
            Some(&self.text(EditorText::GuideTitle)),
        )?)?;
        let id = self.draft.text("id");
        let file = if id.is_empty() {
            "catalogue.json".to_owned()
        } else {
            format!("{id}.json")
        };
        body.append_child(&*element(
            document,
            "p",
            &[],
            Some(&self.text(EditorText::GuideIntro)),
        )?)?;
        let steps = element(document, "ol", &[], None)?;
        let step = |words: String, code: Option<String>| -> Result<(), JsValue> {
            let item = element(document, "li", &[], Some(&words))?;
            if let Some(code) = code {
                item.append_child(&*element(document, "pre", &[("dir", "ltr")], Some(&code))?)?;
            }
            steps.append_child(&item)?;
            Ok(())
        };
        step(self.text(EditorText::GuideSave { file: &file }), None)?;
        step(
            self.text(EditorText::GuidePut { file: &file }),
            Some(format!("/passerelle/{file}")),
        )?;
        step(
            self.text(EditorText::GuideAttribute),
            Some(format!(
                "<passerelle-orientation catalog-src=\"/passerelle/{file}\"></passerelle-orientation>\n<passerelle-parcours catalog-src=\"/passerelle/{file}\"></passerelle-parcours>"
            )),
        )?;
        step(self.text(EditorText::GuideCheck), None)?;
        step(self.text(EditorText::GuideKeep), None)?;
        body.append_child(&steps)?;
        html.append_child(&body)?;
        Ok(format!("<!doctype html>\n{}", html.outer_html()))
    }

    /// The row to make the entry's information sheet, in a language chosen.
    pub(super) fn draw_sheet_row(&self) -> Result<(), JsValue> {
        let document = &self.document;
        let section = self.section(EditorText::SheetSection, None)?;
        let select = element(document, "select", &[("id", ids::SHEET_LANGUAGE)], None)?;
        for info in passerelle_core::text::shipped() {
            select.append_child(&*element(
                document,
                "option",
                &[("value", &info.tag), ("lang", &info.tag)],
                Some(&info.name),
            )?)?;
        }
        self.field_with_button(
            &section,
            ids::SHEET_LANGUAGE,
            EditorText::SheetLanguage,
            &select,
            &[("data-do", Button::Sheet.to_attr())],
            EditorText::MakeSheet,
        )?;
        if let Some((url, name)) = &self.sheet {
            let paragraph = element(document, "p", &[], None)?;
            paragraph.append_child(&*element(
                document,
                "a",
                &[
                    ("id", ids::SHEET_LINK),
                    ("href", url),
                    ("target", "_blank"),
                    ("rel", "noopener"),
                    ("download", name),
                ],
                Some(&self.text(EditorText::OpenSheet)),
            )?)?;
            section.append_child(&paragraph)?;
        }
        Ok(())
    }

    /// Makes the information sheet of the entry open, in the language
    /// chosen; returns where the focus goes.
    pub(super) fn sheet(&mut self) -> Result<String, JsValue> {
        let Screen::Entry(index) = self.screen else {
            return Ok(ids::SCREEN.to_owned());
        };
        let root = crate::ui::widget::root_of(&self.body)?;
        let tag = root
            .get_element_by_id(ids::SHEET_LANGUAGE)
            .map(|select| super::read::value_of(&select))
            .unwrap_or_default();
        if self.draft.catalogue().is_err() {
            let words = self.text(EditorText::SheetNeedsFixes);
            self.refuse(words, ids::SHEET_LANGUAGE)?;
            return Ok(ids::SHEET_LANGUAGE.to_owned());
        }
        let here = Locale::from_tag(&tag).is_some_and(Locale::is_whole);
        if let (false, Some(source)) = (here, &self.language_source) {
            // The language's file first, then the sheet.
            let loading = source
                .call1(&JsValue::NULL, &JsValue::from_str(&tag))
                .map(|promise| promise.unchecked_into::<js_sys::Promise>());
            crate::ui::settle::when_settled(&self.itself, loading, move |view, outcome| {
                let focus = match outcome {
                    Ok(_) => view.make_sheet(index, &tag)?,
                    Err(_) => {
                        let words = view.text(EditorText::SheetLanguageFailed);
                        view.refuse(words, ids::SHEET_LANGUAGE)?;
                        ids::SHEET_LANGUAGE.to_owned()
                    }
                };
                view.render(Some(&focus))?;
                Ok(None)
            });
            return Ok(ids::SHEET_LANGUAGE.to_owned());
        }
        self.make_sheet(index, &tag)
    }

    /// Makes entry `index`'s information sheet in the language `tag`;
    /// returns where the focus goes.
    fn make_sheet(&mut self, index: usize, tag: &str) -> Result<String, JsValue> {
        let Ok(catalogue) = self.draft.catalogue() else {
            let words = self.text(EditorText::SheetNeedsFixes);
            self.refuse(words, ids::SHEET_LANGUAGE)?;
            return Ok(ids::SHEET_LANGUAGE.to_owned());
        };
        let Some(entry) = catalogue.entries().get(index) else {
            return Ok(ids::SCREEN.to_owned());
        };
        let locale = Locale::from_tag(tag).unwrap_or(self.locale);
        let html = passerelle_core::exports::entry_sheet::entry_sheet(
            entry,
            &crate::ui::communes::loaded(),
            locale,
            self.today,
        );
        if let Some((url, _)) = self.sheet.take() {
            let _ = web_sys::Url::revoke_object_url(&url);
        }
        let url = object_url(&html, "text/html")?;
        self.sheet = Some((url, format!("fiche-{}.html", entry.id)));
        Ok(ids::SHEET_LINK.to_owned())
    }
}
