//! The catalogue: open a file or start a new one, its name, its entries
//! from the least recently verified (those to re-verify flagged, each
//! with its problems counted), the import, the save.

use passerelle_core::catalogue::editing::entry_problems;
use wasm_bindgen::prelude::*;

use crate::ui::dom::{element, Attribute};
use crate::ui::parts;

use super::ids::{self, Button};
use super::{EditorText, EditorView};

impl EditorView {
    /// Draws the list screen.
    pub(super) fn draw_list(&mut self) -> Result<(), JsValue> {
        let document = self.document.clone();
        self.body.append_child(&*element(
            &document,
            "h3",
            &[("id", ids::SCREEN), ("tabindex", "-1")],
            Some(&self.text(EditorText::ListTitle)),
        )?)?;
        self.body.append_child(&*element(
            &document,
            "p",
            &[("class", "hint")],
            Some(&self.text(EditorText::ListIntro)),
        )?)?;

        // The file.
        let section = self.section(EditorText::FileSection, None)?;
        let input = element(
            &document,
            "input",
            &[
                ("id", ids::OPEN_FILE),
                ("type", "file"),
                ("accept", ".json,application/json"),
            ],
            None,
        )?;
        section.append_child(&*parts::field(
            &document,
            ids::OPEN_FILE,
            None,
            &self.text(EditorText::OpenFile),
            &input,
        )?)?;
        self.error_after(ids::OPEN_FILE, &input)?;
        section.append_child(&*parts::action_row(
            &document,
            &[
                ("type", "button"),
                ("data-do", Button::NewCatalogue.to_attr()),
            ],
            &self.text(EditorText::NewCatalogue),
        )?)?;
        for (field, id, label) in [
            ("name", ids::CATALOGUE_NAME, EditorText::CatalogueName),
            ("id", ids::CATALOGUE_ID, EditorText::CatalogueId),
        ] {
            let control = element(
                &document,
                "input",
                &[
                    ("id", id),
                    ("type", "text"),
                    ("value", self.draft.text(field)),
                    ("data-catalogue", field),
                ],
                None,
            )?;
            if field == "id" {
                control.set_attribute("dir", "ltr")?;
            }
            let problems: Vec<&str> = self
                .problems
                .iter()
                .filter(|problem| problem.path == format!("$.{field}"))
                .map(|problem| problem.code)
                .collect();
            let row = parts::field(&document, id, None, &self.text(label), &control)?;
            if let Some(code) = problems.first() {
                let error_id = format!("{id}-error");
                control.set_attribute("aria-describedby", &error_id)?;
                control.set_attribute("aria-invalid", "true")?;
                row.append_child(&*parts::field_error(
                    &document,
                    self.locale,
                    &error_id,
                    &self.text(EditorText::Problem { code }),
                )?)?;
            }
            section.append_child(&row)?;
        }

        // The entries.
        let section = self.section(
            EditorText::EntriesSection {
                count: self.draft.len(),
            },
            (!self.draft.is_empty()).then_some(EditorText::FreshnessOrder),
        )?;
        let list = element(&document, "ul", &[("class", "entries")], None)?;
        for item in self.draft.by_freshness(self.today) {
            let index = item.index;
            let name = self.entry_name(index);
            let row = element(&document, "li", &[], None)?;
            row.append_child(&*element(&document, "strong", &[], Some(&name))?)?;
            let state = element(&document, "p", &[("class", "state")], None)?;
            let verified = match item.last_verified {
                Some(date) => self.text(EditorText::VerifiedOn { date }),
                None => self.text(EditorText::NeverVerified),
            };
            state.append_with_str_1(&verified)?;
            if item.to_reverify {
                state.append_with_str_1(" ")?;
                state.append_child(&*element(
                    &document,
                    "span",
                    &[("class", "flag")],
                    Some(&self.text(EditorText::ToReverify)),
                )?)?;
            }
            let count = entry_problems(&self.problems, index).len();
            if count > 0 {
                state.append_with_str_1(" ")?;
                state.append_child(&*element(
                    &document,
                    "span",
                    &[("class", "problems")],
                    Some(&self.text(EditorText::ProblemCount { count })),
                )?)?;
            }
            row.append_child(&state)?;
            let actions = element(&document, "div", &[("class", "actions")], None)?;
            actions.append_child(&*element(
                &document,
                "button",
                &[
                    ("type", "button"),
                    ("id", &ids::edit(index)),
                    ("data-do", Button::Edit.to_attr()),
                    ("data-entry", &index.to_string()),
                ],
                Some(&self.text(EditorText::Edit { name: &name })),
            )?)?;
            actions.append_child(&*element(
                &document,
                "button",
                &[
                    ("type", "button"),
                    ("data-do", Button::Verified.to_attr()),
                    ("data-entry", &index.to_string()),
                ],
                Some(&self.text(EditorText::MarkVerifiedNamed { name: &name })),
            )?)?;
            row.append_child(&actions)?;
            list.append_child(&row)?;
        }
        section.append_child(&list)?;
        section.append_child(&*parts::action_row(
            &document,
            &[("type", "button"), ("data-do", Button::AddEntry.to_attr())],
            &self.text(EditorText::AddEntry),
        )?)?;
        self.draw_import()?;
        self.draw_save()?;
        self.body.append_child(&*element(
            &document,
            "p",
            &[("class", "attribution")],
            Some(passerelle_core::referentials::ATTRIBUTION),
        )?)?;
        Ok(())
    }
}
