//! Places picked by their names, never by codes: an entry's zone, a
//! "lives in" condition. A department is chosen in a list of names; a
//! commune is typed by its name among those of the department chosen
//! (the department's part of the commune table, fetched when chosen).

use passerelle_core::catalogue::editing::{self, FormCondition, Places};
use passerelle_core::geo;
use wasm_bindgen::prelude::*;
use web_sys::Element;

use crate::ui::communes;
use crate::ui::dom::{element, Attribute};

use super::ids::{self, Button};
use super::read::value_of;
use super::{EditorText, EditorView, Screen};

/// The condition line a picker target names (`eligibility-2` → 2).
fn condition_of(target: &str) -> Option<usize> {
    target.strip_prefix("eligibility-")?.parse().ok()
}

impl EditorView {
    /// The department a picker shows: the one chosen in it, else the
    /// territory's.
    pub(super) fn picker_department(&self, target: &str) -> Option<String> {
        self.departments
            .iter()
            .find(|(listed, _)| listed == target)
            .map(|(_, department)| department.clone())
            .or_else(|| {
                let territory = self.territory.as_deref()?;
                if geo::is_department(territory) {
                    Some(territory.to_owned())
                } else {
                    geo::department_of_commune(territory).map(str::to_owned)
                }
            })
    }

    /// The places of `target` in the entry open.
    pub(super) fn places(&self, target: &str) -> Places {
        let Screen::Entry(index) = self.screen else {
            return Places::default();
        };
        if let Some(at) = condition_of(target) {
            return match self.conditions(index).get(at) {
                Some(FormCondition::LivesIn {
                    departments,
                    communes,
                }) => Places {
                    departments: departments.clone(),
                    communes: communes.clone(),
                },
                _ => Places::default(),
            };
        }
        self.draft
            .entry(index)
            .map(editing::zone_places)
            .unwrap_or_default()
    }

    /// Writes the places of `target` in the entry open.
    fn set_places(&mut self, target: &str, places: Places) {
        let Screen::Entry(index) = self.screen else {
            return;
        };
        if let Some(at) = condition_of(target) {
            let mut conditions = self.conditions(index);
            if let Some(line) = conditions.get_mut(at) {
                *line = FormCondition::LivesIn {
                    departments: places.departments,
                    communes: places.communes,
                };
                self.set_conditions(index, &conditions);
            }
            return;
        }
        let Some(mut entry) = self.draft.entry(index).cloned() else {
            return;
        };
        editing::set_zone_places(&mut entry, places);
        self.draft.set_entry(index, entry);
    }

    /// A place in words: "Saint-Denis (93)", "Seine-Saint-Denis".
    fn place_name(&self, code: &str) -> String {
        if let Some(name) = geo::DEPARTMENTS
            .iter()
            .find(|(listed, ..)| *listed == code)
            .map(|(_, name, _)| *name)
        {
            return name.to_owned();
        }
        let department = geo::department_of_commune(code).unwrap_or_default();
        match communes::loaded().name(code) {
            Some(name) => format!("{name} ({department})"),
            None => self.text(EditorText::CommuneOf { department }),
        }
    }

    /// Draws a picker for `target` into `into`, under `legend`.
    pub(super) fn draw_picker(
        &self,
        into: &Element,
        target: &str,
        legend: &str,
    ) -> Result<(), JsValue> {
        let document = &self.document;
        let places = self.places(target);
        let group = element(document, "div", &[("class", "picker")], None)?;
        group.append_child(&*element(
            document,
            "p",
            &[("class", "legend")],
            Some(legend),
        )?)?;
        let chosen = element(document, "ul", &[("class", "places")], None)?;
        let mut wanted: Vec<&'static str> = Vec::new();
        for code in places.departments.iter().chain(&places.communes) {
            if let Some(part) = passerelle_core::communes::Communes::part_of_commune(code) {
                if code.len() == 5 {
                    wanted.push(part);
                }
            }
            let name = self.place_name(code);
            self.removable(
                &chosen,
                &name,
                &[
                    ("data-do", Button::RemovePlace.to_attr()),
                    ("data-target", target),
                    ("data-value", code),
                ],
                &self.text(EditorText::RemovePlace { name: &name }),
            )?;
        }
        if places.departments.is_empty() && places.communes.is_empty() {
            chosen.append_child(&*element(
                document,
                "li",
                &[],
                Some(&self.text(EditorText::NoPlaceYet)),
            )?)?;
        }
        group.append_child(&chosen)?;
        // The department, by name.
        let department = self.picker_department(target);
        let select_id = ids::picker_department(target);
        let select = element(
            document,
            "select",
            &[
                ("id", &select_id),
                ("data-picker", target),
                ("data-invalid-for", target),
            ],
            None,
        )?;
        self.department_options(&select, department.as_deref())?;
        self.field_with_button(
            &group,
            &select_id,
            EditorText::Department,
            &select,
            &[
                ("data-do", Button::AddDepartment.to_attr()),
                ("data-target", target),
            ],
            EditorText::AddDepartment,
        )?;
        self.error_after(&select_id, &select)?;
        // The commune, by name, among those of the department.
        let commune_id = ids::picker_commune(target);
        let names_id = ids::picker_names(target);
        let input = element(
            document,
            "input",
            &[
                ("id", &commune_id),
                ("type", "text"),
                ("list", &names_id),
                ("autocomplete", "off"),
            ],
            None,
        )?;
        let field = self.field_with_button(
            &group,
            &commune_id,
            EditorText::CommuneByName,
            &input,
            &[
                ("data-do", Button::AddCommune.to_attr()),
                ("data-target", target),
            ],
            EditorText::AddCommune,
        )?;
        let names = element(document, "datalist", &[("id", &names_id)], None)?;
        field.append_child(&names)?;
        self.error_after(&commune_id, &input)?;
        into.append_child(&group)?;
        if let Some(department) = &department {
            if let Some(part) = geo::DEPARTMENTS
                .iter()
                .map(|(code, ..)| *code)
                .find(|code| code == department)
            {
                wanted.push(part);
            }
            self.fill_names(&names, department)?;
        }
        wanted.sort_unstable();
        wanted.dedup();
        communes::request(&wanted, Some(&self.body));
        Ok(())
    }

    /// The names of `department`'s communes in a picker's list.
    fn fill_names(&self, names: &Element, department: &str) -> Result<(), JsValue> {
        names.set_text_content(None);
        for commune in communes::loaded().in_department(department) {
            names.append_child(&*element(
                &self.document,
                "option",
                &[("value", commune.name)],
                None,
            )?)?;
        }
        Ok(())
    }

    /// A department was chosen in a picker: its communes offered.
    pub(super) fn department_chosen(&mut self, target: &str) -> Result<(), JsValue> {
        let root = crate::ui::widget::root_of(&self.body)?;
        let Some(select) = root.get_element_by_id(&ids::picker_department(target)) else {
            return Ok(());
        };
        let department = value_of(&select);
        self.departments.retain(|(listed, _)| listed != target);
        if department.is_empty() {
            return Ok(());
        }
        self.departments
            .push((target.to_owned(), department.clone()));
        if let Some(part) = geo::DEPARTMENTS
            .iter()
            .map(|(code, ..)| *code)
            .find(|code| *code == department)
        {
            communes::request(&[part], Some(&self.body));
        }
        if let Some(names) = root.get_element_by_id(&ids::picker_names(target)) {
            self.fill_names(&names, &department)?;
        }
        Ok(())
    }

    /// The commune parts arrived: each picker's list filled, the places
    /// named.
    pub(super) fn communes_arrived(&mut self) -> Result<(), JsValue> {
        if !matches!(self.screen, Screen::Entry(_)) {
            return Ok(());
        }
        // Drawn again with the names, the control in use keeps the focus
        // and the caret where they were: the author may be typing.
        let root = crate::ui::widget::root_of(&self.body)?;
        let active = root.active_element();
        let focused = active.as_ref().map(Element::id).filter(|id| !id.is_empty());
        let caret = active.as_ref().and_then(caret_of);
        self.render(focused.as_deref())?;
        if let (Some(id), Some((start, end))) = (focused, caret) {
            if let Some(control) = root.get_element_by_id(&id) {
                set_caret(&control, start, end);
            }
        }
        Ok(())
    }

    /// Adds or takes out a place; returns where the focus goes.
    pub(super) fn place_button(
        &mut self,
        button: Button,
        pressed: &Element,
    ) -> Result<Option<String>, JsValue> {
        let Some(target) = pressed.get_attribute("data-target") else {
            return Ok(None);
        };
        let mut places = self.places(&target);
        let root = crate::ui::widget::root_of(&self.body)?;
        let department = root
            .get_element_by_id(&ids::picker_department(&target))
            .map(|select| value_of(&select))
            .filter(|department| !department.is_empty());
        self.touched.insert(match condition_of(&target) {
            Some(_) => "eligibility".to_owned(),
            None => "zone".to_owned(),
        });
        match button {
            Button::AddDepartment => {
                let Some(department) = department else {
                    let words = self.text(EditorText::ChooseDepartmentFirst);
                    return self.refuse(words, &ids::picker_department(&target));
                };
                if !places.departments.contains(&department) {
                    self.told = Some(self.text(EditorText::PlaceAdded {
                        name: &self.place_name(&department),
                    }));
                    places.departments.push(department);
                }
                self.set_places(&target, places);
                Ok(Some(ids::picker_department(&target)))
            }
            Button::AddCommune => {
                let commune_id = ids::picker_commune(&target);
                let typed = root
                    .get_element_by_id(&commune_id)
                    .map(|input| value_of(&input))
                    .unwrap_or_default();
                let Some(department) = department else {
                    let words = self.text(EditorText::ChooseDepartmentFirst);
                    return self.refuse(words, &ids::picker_department(&target));
                };
                let table = communes::loaded();
                let found = table.named_in(&department, &typed);
                let Some(commune) = found.first() else {
                    let words = if typed.trim().is_empty() {
                        self.text(EditorText::TypeCommune)
                    } else if table.has_part(&department) {
                        self.text(EditorText::NoSuchCommune { name: typed.trim() })
                    } else {
                        self.text(EditorText::CommunesNotLoaded)
                    };
                    return self.refuse(words, &commune_id);
                };
                let code = commune.code.to_owned();
                if !places.communes.contains(&code) {
                    places.communes.push(code.clone());
                    self.told = Some(self.text(EditorText::PlaceAdded {
                        name: &self.place_name(&code),
                    }));
                }
                self.set_places(&target, places);
                Ok(Some(commune_id))
            }
            _ => {
                let Some(code) = pressed.get_attribute("data-value") else {
                    return Ok(None);
                };
                let name = self.place_name(&code);
                places.departments.retain(|listed| *listed != code);
                places.communes.retain(|listed| *listed != code);
                self.set_places(&target, places);
                self.told = Some(self.text(EditorText::PlaceRemoved { name: &name }));
                Ok(Some(ids::picker_department(&target)))
            }
        }
    }
}

/// Where the caret of a text control is: its selection's start and end.
fn caret_of(control: &Element) -> Option<(u32, u32)> {
    use wasm_bindgen::JsCast;
    if let Some(input) = control.dyn_ref::<web_sys::HtmlInputElement>() {
        // Number and date inputs have no selection: `None`.
        return Some((input.selection_start().ok()??, input.selection_end().ok()??));
    }
    let area = control.dyn_ref::<web_sys::HtmlTextAreaElement>()?;
    Some((area.selection_start().ok()??, area.selection_end().ok()??))
}

/// Puts the caret of a text control back.
fn set_caret(control: &Element, start: u32, end: u32) {
    use wasm_bindgen::JsCast;
    if let Some(input) = control.dyn_ref::<web_sys::HtmlInputElement>() {
        let _ = input.set_selection_range(start, end);
    } else if let Some(area) = control.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        let _ = area.set_selection_range(start, end);
    }
}
