//! A data·inclusion export imported for the structure's territory: the
//! services that serve it become entries (an entry of the same id is
//! replaced), what could not be mapped is listed, and what changed since
//! the last import is said.

use passerelle_core::import::{changes_since, DataInclusionImport, ImportChanges};
use passerelle_core::problem::Problem;
use passerelle_core::rules::conditions::Zone;
use wasm_bindgen::prelude::*;

use crate::ui::dom::element;
use crate::ui::parts;

use super::ids;
use super::read::value_of;
use super::{EditorText, EditorView};

/// What the last import did.
#[derive(Debug, Clone)]
pub(super) struct Outcome {
    /// Entries added and replaced in the catalogue.
    pub added: usize,
    pub replaced: usize,
    /// Services of the file outside the territory, not imported.
    pub outside: usize,
    /// What could not be mapped, record by record.
    pub report: Vec<Problem>,
    /// What changed since the import before, with each entry's name.
    pub changes: Option<(ImportChanges, Vec<(String, String)>)>,
}

impl EditorView {
    /// The import form sent: the file read, then imported.
    pub(super) fn import(&mut self) -> Result<(), JsValue> {
        let root = crate::ui::widget::root_of(&self.body)?;
        let department = root
            .get_element_by_id(ids::IMPORT_DEPARTMENT)
            .map(|select| value_of(&select))
            .unwrap_or_default();
        if department.is_empty() {
            self.error = Some((
                self.text(EditorText::ChooseDepartmentFirst),
                ids::IMPORT_DEPARTMENT.to_owned(),
            ));
            return self.render(Some(ids::IMPORT_DEPARTMENT));
        }
        self.departments.retain(|(target, _)| target != "import");
        self.departments.push(("import".into(), department));
        let Some(file) = self.file_of(ids::IMPORT_FILE)? else {
            self.error = Some((
                self.text(EditorText::ImportFileRequired),
                ids::IMPORT_FILE.to_owned(),
            ));
            return self.render(Some(ids::IMPORT_FILE));
        };
        crate::ui::settle::when_settled(&self.itself, Ok(file.text()), |view, outcome| {
            match outcome.ok().and_then(|text| text.as_string()) {
                Some(text) => view.imported_text(&text)?,
                None => {
                    view.error = Some((
                        view.text(EditorText::CannotOpen { code: "unreadable" }),
                        ids::IMPORT_FILE.to_owned(),
                    ));
                    view.render(Some(ids::IMPORT_FILE))?;
                }
            }
            view.changed_event()
        });
        Ok(())
    }

    /// A data·inclusion file's text, imported.
    fn imported_text(&mut self, text: &str) -> Result<(), JsValue> {
        let department = self.picker_department("import").unwrap_or_default();
        let mut problems = Vec::new();
        let territory = Zone::parse(
            &serde_json::json!({ "departments": [department] }),
            "$",
            &mut problems,
        );
        let mut import = match territory {
            Some(zone) if problems.is_empty() => DataInclusionImport::within(&zone),
            _ => DataInclusionImport::new(),
        };
        if let Err(problems) = import.add(text) {
            let code = problems
                .first()
                .map_or("invalid_json", |problem| problem.code);
            self.error = Some((
                self.text(EditorText::CannotImport { code }),
                ids::IMPORT_FILE.to_owned(),
            ));
            return self.render(Some(ids::IMPORT_FILE));
        }
        let import = import.finish();
        // What the last import brought, as the catalogue has it now (this
        // session's, or one saved months ago).
        let previous = self.draft.imported_before();
        let (replaced, added) = self.draft.merge(&import.catalogue);
        self.shown_whole.extend(0..self.draft.len());
        self.checked();
        self.error = None;
        // What changed since the import before, each entry by its name.
        let changes = (!previous.entries().is_empty()).then(|| {
            let changes = changes_since(&previous, &import.catalogue);
            let names = previous
                .entries()
                .iter()
                .chain(import.catalogue.entries())
                .map(|entry| (entry.id.clone(), entry.name.get(self.locale).to_owned()))
                .collect();
            (changes, names)
        });
        self.imported = Some(Outcome {
            added,
            replaced,
            outside: import.outside,
            report: import.report,
            changes,
        });
        self.told = Some(self.text(EditorText::Imported { added, replaced }));
        self.render(Some(ids::IMPORT_OUTCOME))
    }

    /// The import section of the list.
    pub(super) fn draw_import(&self) -> Result<(), JsValue> {
        let document = &self.document;
        let section = self.section(EditorText::ImportSection, Some(EditorText::ImportIntro))?;
        let (form, fieldset) =
            parts::named_form(document, "import", &self.text(EditorText::ImportLegend))?;
        let select = element(document, "select", &[("id", ids::IMPORT_DEPARTMENT)], None)?;
        let chosen = self.picker_department("import");
        self.department_options(&select, chosen.as_deref())?;
        fieldset.append_child(&*parts::field(
            document,
            ids::IMPORT_DEPARTMENT,
            None,
            &self.text(EditorText::ImportDepartment),
            &select,
        )?)?;
        self.error_after(ids::IMPORT_DEPARTMENT, &select)?;
        let input = element(
            document,
            "input",
            &[
                ("id", ids::IMPORT_FILE),
                ("type", "file"),
                ("accept", ".json,.jsonl,application/json"),
            ],
            None,
        )?;
        fieldset.append_child(&*parts::field(
            document,
            ids::IMPORT_FILE,
            None,
            &self.text(EditorText::ImportFile),
            &input,
        )?)?;
        self.error_after(ids::IMPORT_FILE, &input)?;
        form.append_child(&*parts::action_row(
            document,
            &[("type", "submit")],
            &self.text(EditorText::Import),
        )?)?;
        section.append_child(&form)?;
        if let Some(outcome) = &self.imported {
            let result = element(
                document,
                "div",
                &[
                    ("id", ids::IMPORT_OUTCOME),
                    ("tabindex", "-1"),
                    ("class", "outcome"),
                ],
                None,
            )?;
            result.append_child(&*element(
                document,
                "p",
                &[],
                Some(&self.text(EditorText::Imported {
                    added: outcome.added,
                    replaced: outcome.replaced,
                })),
            )?)?;
            if outcome.outside > 0 {
                result.append_child(&*element(
                    document,
                    "p",
                    &[],
                    Some(&self.text(EditorText::Outside {
                        count: outcome.outside,
                    })),
                )?)?;
            }
            if let Some((changes, names)) = &outcome.changes {
                self.draw_changes(&result, changes, names)?;
            }
            if outcome.report.is_empty() {
                result.append_child(&*element(
                    document,
                    "p",
                    &[],
                    Some(&self.text(EditorText::AllMapped)),
                )?)?;
            } else {
                result.append_child(&*element(
                    document,
                    "h5",
                    &[],
                    Some(&self.text(EditorText::NotMapped {
                        count: outcome.report.len(),
                    })),
                )?)?;
                let list = element(document, "ul", &[("class", "unmapped")], None)?;
                for problem in &outcome.report {
                    let item = element(document, "li", &[], None)?;
                    item.append_child(&*element(
                        document,
                        "span",
                        &[("dir", "ltr"), ("class", "where")],
                        Some(&problem.path),
                    )?)?;
                    item.append_with_str_1(" ")?;
                    item.append_with_str_1(
                        &self.text(EditorText::ImportProblem { code: problem.code }),
                    )?;
                    list.append_child(&item)?;
                }
                result.append_child(&list)?;
            }
            section.append_child(&result)?;
        }
        Ok(())
    }

    /// What changed since the import before: how many, then each entry.
    fn draw_changes(
        &self,
        into: &web_sys::Element,
        changes: &ImportChanges,
        names: &[(String, String)],
    ) -> Result<(), JsValue> {
        let document = &self.document;
        let name_of = |id: &str| {
            names
                .iter()
                .find(|(listed, _)| listed == id)
                .map_or(id, |(_, name)| name.as_str())
                .to_owned()
        };
        into.append_child(&*element(
            document,
            "h5",
            &[],
            Some(&self.text(EditorText::ChangesSince {
                added: changes.added.len(),
                removed: changes.removed.len(),
                changed: changes.changed.len(),
            })),
        )?)?;
        let list = element(document, "ul", &[("class", "changes")], None)?;
        let mut lines: Vec<String> = Vec::new();
        for id in &changes.added {
            lines.push(self.text(EditorText::ChangeAdded { name: &name_of(id) }));
        }
        for id in &changes.removed {
            lines.push(self.text(EditorText::ChangeRemoved { name: &name_of(id) }));
        }
        for changed in &changes.changed {
            let fields: Vec<String> = changed
                .fields
                .iter()
                .map(|field| self.field_words(field))
                .collect();
            lines.push(self.text(EditorText::ChangeChanged {
                name: &name_of(&changed.id),
                fields: &passerelle_core::text::together(&fields, self.locale),
            }));
        }
        for line in lines {
            list.append_child(&*element(document, "li", &[], Some(&line))?)?;
        }
        into.append_child(&list)?;
        Ok(())
    }

    /// A field of an entry in words, as the form names it.
    fn field_words(&self, field: &str) -> String {
        let words = match field {
            "access" => EditorText::AccessSection,
            "last_verified" => EditorText::LastVerifiedLabel,
            "themes" => EditorText::ThemesLabel,
            "publics" => EditorText::PublicsLabel,
            "zone" => EditorText::ZoneLabel,
            "cost" => EditorText::CostLabel,
            "documents" => EditorText::DocumentsLabel,
            "source_url" => EditorText::SourceLabel,
            "eligibility_notes" => EditorText::NotesLabel,
            "types" => EditorText::TypesLabel,
            "kind" => EditorText::KindLabel,
            "name" => EditorText::FieldName,
            "description" => EditorText::FieldDescription,
            _ => return field.to_owned(),
        };
        self.text(words)
    }
}
