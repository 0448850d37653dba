//! Drawing the desk: its heading, what was just done, the tabs, and the
//! screen shown; the agenda.

use passerelle_core::caseload::{agenda, AgendaItem, Due};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement, HtmlTextAreaElement};

use crate::ui::dom::{element, Attribute};

use super::ids::{self, Button, Tab};
use super::{DeskText, DeskView, Gate, Screen};

/// Weeks the agenda shows, this one first.
const AGENDA_WEEKS: u32 = 8;

impl DeskView {
    /// Draws the desk as it stands.
    pub(super) fn render(&mut self) -> Result<(), JsValue> {
        self.revoke_urls();
        let document = self.document.clone();
        let root = self.root()?;
        if let Some(title) = root.get_element_by_id(ids::TITLE) {
            title.set_text_content(Some(&self.text(DeskText::Title)));
        }
        // The whole box, its heading too, in the desk's language and direction.
        if let Some(container) = self.body.parent_element() {
            crate::ui::widget::mark_language(&container, self.locale)?;
        }
        crate::ui::widget::mark_language(&self.body, self.locale)?;
        // A refusal shown keeps what was typed, for it to be corrected.
        let typed = if self.error.is_some() {
            typed_in(&self.body)?
        } else {
            Vec::new()
        };
        self.body.set_text_content(None);
        let body = self.body.clone();
        // Told politely, where the advisor's eyes are not.
        let told = element(
            &document,
            "p",
            &[("id", ids::TOLD), ("class", "told"), ("role", "status")],
            None,
        )?;
        if let Some(words) = &self.told {
            told.set_text_content(Some(words));
        }
        body.append_child(&told)?;
        if let Some(words) = &self.unsaved {
            let box_ = element(
                &document,
                "div",
                &[("class", "error"), ("role", "alert")],
                None,
            )?;
            box_.append_child(&*element(&document, "p", &[], Some(words))?)?;
            box_.append_child(&*element(
                &document,
                "button",
                &[
                    ("type", "button"),
                    ("class", "secondary"),
                    ("data-do", Button::SaveAgain.to_attr()),
                ],
                Some(&self.text(DeskText::SaveAgain)),
            )?)?;
            body.append_child(&box_)?;
        }
        match &self.gate {
            Gate::Opening => {
                body.append_child(&*element(
                    &document,
                    "p",
                    &[],
                    Some(&self.text(DeskText::Opening)),
                )?)?;
            }
            Gate::Unavailable(code) => {
                let code = code.clone();
                self.draw_unavailable(&body, &code)?;
            }
            Gate::New => self.draw_new(&body)?,
            Gate::Locked => self.draw_locked(&body)?,
            Gate::Open(_) => {
                self.draw_tabs(&body)?;
                let screen = element(&document, "div", &[("class", "screen")], None)?;
                body.append_child(&screen)?;
                match self.screen.clone() {
                    Screen::Tab(Tab::People) => self.draw_people(&screen)?,
                    Screen::Person(id) => self.draw_person(&screen, &id)?,
                    Screen::Tab(Tab::Agenda) => self.draw_agenda(&screen)?,
                    Screen::Tab(Tab::Report) => self.draw_report(&screen)?,
                    Screen::Tab(Tab::Backup) => self.draw_backup(&screen)?,
                }
            }
        }
        put_back(&root, &typed)?;
        self.place_plan()
    }

    /// The tabs, the one shown marked (`aria-current`), and the lock.
    fn draw_tabs(&self, into: &Element) -> Result<(), JsValue> {
        let document = &self.document;
        let nav = element(
            document,
            "nav",
            &[
                ("class", "tabs"),
                ("aria-label", &self.text(DeskText::Tabs)),
            ],
            None,
        )?;
        let list = element(document, "ul", &[], None)?;
        let shown = match &self.screen {
            Screen::Tab(tab) => *tab,
            Screen::Person(_) => Tab::People,
        };
        for (tab, words) in [
            (Tab::People, DeskText::TabPeople),
            (Tab::Agenda, DeskText::TabAgenda),
            (Tab::Report, DeskText::TabReport),
            (Tab::Backup, DeskText::TabBackup),
        ] {
            let item = element(document, "li", &[], None)?;
            let button = element(
                document,
                "button",
                &[
                    ("type", "button"),
                    ("class", "secondary"),
                    ("data-do", Button::Tab.to_attr()),
                    ("data-tab", tab.to_attr()),
                ],
                Some(&self.text(words)),
            )?;
            if tab == shown {
                button.set_attribute("aria-current", "page")?;
            }
            item.append_child(&button)?;
            list.append_child(&item)?;
        }
        nav.append_child(&list)?;
        nav.append_child(&*element(
            document,
            "button",
            &[
                ("type", "button"),
                ("data-do", Button::Lock.to_attr()),
                ("class", "secondary lock"),
            ],
            Some(&self.text(DeskText::Lock)),
        )?)?;
        into.append_child(&nav)?;
        Ok(())
    }

    /// The agenda: what is late, then each week, and the calendar file.
    fn draw_agenda(&mut self, into: &Element) -> Result<(), JsValue> {
        let document = self.document.clone();
        let Some(caseload) = self.caseload() else {
            return Ok(());
        };
        let agenda = agenda(caseload, self.today, AGENDA_WEEKS);
        self.screen_heading(into, DeskText::AgendaTitle)?;
        into.append_child(&*element(
            &document,
            "p",
            &[],
            Some(&self.text(DeskText::AgendaIntro)),
        )?)?;
        if !agenda.overdue.is_empty() {
            let section = element(&document, "section", &[("class", "week late")], None)?;
            section.append_child(&*element(
                &document,
                "h4",
                &[],
                Some(&self.text(DeskText::Late)),
            )?)?;
            section.append_child(&*self.agenda_items(&agenda.overdue)?)?;
            into.append_child(&section)?;
        }
        for week in &agenda.weeks {
            let section = element(&document, "section", &[("class", "week")], None)?;
            section.append_child(&*element(
                &document,
                "h4",
                &[],
                Some(&self.text(DeskText::Week(week.monday))),
            )?)?;
            if week.items.is_empty() {
                section.append_child(&*element(
                    &document,
                    "p",
                    &[("class", "quiet")],
                    Some(&self.text(DeskText::NothingPlanned)),
                )?)?;
            } else {
                section.append_child(&*self.agenda_items(&week.items)?)?;
            }
            into.append_child(&section)?;
        }
        let ics = passerelle_core::calendar::agenda_ics(&agenda, self.locale, &utc_stamp())
            .map_err(|error| crate::api::error::js_error(error.code(), &error.to_string()))?;
        let url = self.url_of(&ics, "text/calendar")?;
        let files = element(&document, "div", &[("class", "files")], None)?;
        files.append_child(&*element(
            &document,
            "a",
            &[
                ("href", &url),
                ("download", "passerelle-agenda.ics"),
                ("aria-describedby", "passerelle-ics-help"),
            ],
            Some(&self.text(DeskText::DownloadIcs)),
        )?)?;
        files.append_child(&*element(
            &document,
            "p",
            &[("id", "passerelle-ics-help"), ("class", "help")],
            Some(&self.text(DeskText::IcsHelp)),
        )?)?;
        into.append_child(&files)?;
        Ok(())
    }

    /// The items of a week, each a line.
    fn agenda_items(&self, items: &[AgendaItem]) -> Result<Element, JsValue> {
        let list = element(&self.document, "ul", &[("class", "items")], None)?;
        for item in items {
            let words = match &item.due {
                Due::Review => DeskText::AgendaReview {
                    date: item.date,
                    label: &item.label,
                },
                Due::Step { title, .. } => DeskText::AgendaStep {
                    date: item.date,
                    label: &item.label,
                    title,
                },
            };
            let line = element(&self.document, "li", &[], None)?;
            line.append_child(&*element(
                &self.document,
                "button",
                &[
                    ("type", "button"),
                    ("class", "link"),
                    ("data-do", Button::Open.to_attr()),
                    ("data-person", &item.person),
                ],
                Some(&self.text(words)),
            )?)?;
            list.append_child(&line)?;
        }
        Ok(list)
    }
}

/// What is typed or ticked in the fields of `body`: each field's id, its
/// value, and whether it is ticked (files are not kept: a browser
/// cannot set them).
fn typed_in(body: &Element) -> Result<Vec<(String, String, bool)>, JsValue> {
    let mut typed = Vec::new();
    let fields = body.query_selector_all("input[id], textarea[id]")?;
    for index in 0..fields.length() {
        let Some(field) = fields.item(index) else {
            continue;
        };
        if let Some(input) = field.dyn_ref::<HtmlInputElement>() {
            if input.type_() != "file" {
                typed.push((input.id(), input.value(), input.checked()));
            }
        } else if let Some(area) = field.dyn_ref::<HtmlTextAreaElement>() {
            typed.push((area.id(), area.value(), false));
        }
    }
    Ok(typed)
}

/// Puts back what [`typed_in`] read into the fields drawn again.
fn put_back(root: &web_sys::ShadowRoot, typed: &[(String, String, bool)]) -> Result<(), JsValue> {
    for (id, value, checked) in typed {
        let Some(field) = root.get_element_by_id(id) else {
            continue;
        };
        if let Some(input) = field.dyn_ref::<HtmlInputElement>() {
            input.set_value(value);
            input.set_checked(*checked);
        } else if let Some(area) = field.dyn_ref::<HtmlTextAreaElement>() {
            area.set_value(value);
        }
    }
    Ok(())
}

/// Now in UTC, as iCalendar writes it (`20261204T101500Z`): the
/// calendar file's stamp (the core has no clock).
fn utc_stamp() -> String {
    let now = js_sys::Date::new_0();
    format!(
        "{:04}{:02}{:02}T{:02}{:02}{:02}Z",
        now.get_utc_full_year(),
        now.get_utc_month() + 1,
        now.get_utc_date(),
        now.get_utc_hours(),
        now.get_utc_minutes(),
        now.get_utc_seconds()
    )
}
