//! The funder report ("bilan") over a period: bar charts drawn as SVG,
//! each with its data table; the CSV the core writes; a print view.
//! Which plans count and what is hidden is the core's
//! (`report_for_period`); this draws it.

use passerelle_core::date::Date;
use passerelle_core::report::{report_for_period, Count, Period, Report};
use wasm_bindgen::prelude::*;
use web_sys::Element;

use crate::ui::dom::{element, Attribute};
use crate::ui::parts;

use super::ids::{self, Form};
use super::{DeskText, DeskView};

/// The SVG's width in its own units: about a phone's width, so that
/// its words keep their size on one.
const CHART_WIDTH: f64 = 320.0;
/// The height of one row: its label, then its bar.
const ROW_HEIGHT: f64 = 44.0;
/// The part of the width a bar may take; the rest holds its number.
const BAR_SPACE: f64 = 240.0;

/// The style of the print view (a page of its own, no script).
const PRINT_STYLE: &str = "body{font:12pt/1.4 system-ui,sans-serif;color:#161616;margin:1.5cm}\
h3,h4{margin:1em 0 .3em}table{border-collapse:collapse;margin:.5em 0 1em}\
th,td{border:1px solid #666;padding:.2em .5em;text-align:start}td{text-align:end}\
svg{max-width:16cm;display:block}.bar{fill:#000091}.label,.value{font-size:14px;fill:#161616}\
figure{margin:0;break-inside:avoid}";

/// The period shown first: from the first of January to today.
pub(super) fn default_period(today: Date) -> Period {
    let from = Date::parse(&format!("{:04}-01-01", today.year())).unwrap_or(today);
    Period { from, to: today }
}

impl DeskView {
    /// Reads the period form; a period that ends before it starts is
    /// refused at its end.
    pub(super) fn change_period(&mut self) -> Result<(), JsValue> {
        let from = Date::parse(self.value_of(ids::FROM)?.trim());
        let to = Date::parse(self.value_of(ids::TO)?.trim());
        let (Ok(from), Ok(to)) = (from, to) else {
            return self.refuse(self.text(DeskText::PeriodReversed), ids::TO);
        };
        if to < from {
            return self.refuse(self.text(DeskText::PeriodReversed), ids::TO);
        }
        self.period = Period { from, to };
        self.render()?;
        self.focus("#passerelle-report-content")
    }

    /// The period form, the report's charts and tables, its files.
    pub(super) fn draw_report(&mut self, into: &Element) -> Result<(), JsValue> {
        let document = self.document.clone();
        let Some(caseload) = self.caseload() else {
            return Ok(());
        };
        let plans: Vec<_> = caseload
            .people
            .iter()
            .map(|person| person.plan.clone())
            .collect();
        let report = report_for_period(&plans, self.period);
        self.screen_heading(into, DeskText::ReportTitle)?;
        // The period.
        let (form, fieldset) = parts::named_form(
            &document,
            Form::Period.to_attr(),
            &self.text(DeskText::PeriodLegend),
        )?;
        for (id, words, value) in [
            (ids::FROM, DeskText::From, self.period.from),
            (ids::TO, DeskText::To, self.period.to),
        ] {
            let input = element(
                &document,
                "input",
                &[
                    ("type", "date"),
                    ("id", id),
                    ("value", &value.to_string()),
                    ("required", ""),
                ],
                None,
            )?;
            self.mark_error(&input, id)?;
            fieldset.append_child(&*parts::field(
                &document,
                id,
                None,
                &self.text(words),
                &input,
            )?)?;
            self.error_after(&fieldset, id)?;
        }
        form.append_child(&*parts::action_row(
            &document,
            &[("type", "submit"), ("class", "primary")],
            &self.text(DeskText::ShowReport),
        )?)?;
        into.append_child(&form)?;
        // What is drawn, and printed.
        let content = element(
            &document,
            "div",
            &[
                ("id", "passerelle-report-content"),
                ("class", "report"),
                ("tabindex", "-1"),
            ],
            None,
        )?;
        let hidden = self.text(DeskText::FewerThanFive);
        let shown = |count: Count| {
            count
                .value()
                .map_or_else(|| hidden.clone(), |n| n.to_string())
        };
        content.append_child(&*element(
            &document,
            "p",
            &[("class", "total")],
            Some(&self.text(DeskText::ReportPlans(&shown(report.plans)))),
        )?)?;
        match &report.breakdowns {
            None => {
                content.append_child(&*element(
                    &document,
                    "p",
                    &[],
                    Some(&self.text(DeskText::TooFewForReport)),
                )?)?;
            }
            Some(_) => {
                content.append_child(&*element(
                    &document,
                    "p",
                    &[("class", "help")],
                    Some(&self.text(DeskText::SuppressedNote)),
                )?)?;
                // The report's rows, labelled by the core (as in its CSV);
                // a partner by its name in the catalogue.
                let rows = report.rows(self.locale);
                let catalogue = crate::national_catalogue()?;
                for (name, section, title) in [
                    ("needs", "needs", DeskText::NeedsChart),
                    (
                        "objectives",
                        "objective_statuses",
                        DeskText::ObjectivesChart,
                    ),
                    ("actions", "action_statuses", DeskText::ActionsChart),
                    ("partners", "entries_proposed", DeskText::PartnersChart),
                ] {
                    let bars: Vec<(String, Count)> = rows
                        .iter()
                        .filter(|row| row.section == section)
                        .filter_map(|row| {
                            let count = row.count?;
                            let label = match (section, catalogue.entry(&row.key)) {
                                ("entries_proposed", Some(entry)) => {
                                    entry.name.get(self.locale).to_owned()
                                }
                                _ => row.label.clone(),
                            };
                            Some((label, count))
                        })
                        .collect();
                    content.append_child(&*self.chart(name, title, &bars, &hidden)?)?;
                }
            }
        }
        into.append_child(&content)?;
        // The files: the CSV, the print view.
        let csv = report.to_csv(self.locale);
        let csv_url = self.url_of(&csv, "text/csv;charset=utf-8")?;
        let print = self.print_view(&report, &content)?;
        let print_url = self.url_of(&print, "text/html;charset=utf-8")?;
        let files = element(&document, "div", &[("class", "files")], None)?;
        let name = format!(
            "passerelle-bilan-{}-{}.csv",
            self.period.from, self.period.to
        );
        files.append_child(&*element(
            &document,
            "a",
            &[
                ("href", &csv_url),
                ("download", &name),
                ("id", "passerelle-report-csv"),
            ],
            Some(&self.text(DeskText::DownloadCsv)),
        )?)?;
        files.append_child(&*element(
            &document,
            "a",
            &[
                ("href", &print_url),
                ("target", "_blank"),
                ("rel", "noopener"),
            ],
            Some(&self.text(DeskText::PrintReport)),
        )?)?;
        into.append_child(&files)?;
        Ok(())
    }

    /// One breakdown as a bar chart (SVG, named by its caption) followed
    /// by its data table. A hidden count has no bar: its words say so.
    fn chart(
        &self,
        name: &str,
        title: DeskText,
        rows: &[(String, Count)],
        hidden: &str,
    ) -> Result<Element, JsValue> {
        const SVG: &str = "http://www.w3.org/2000/svg";
        let document = &self.document;
        let figure = element(document, "figure", &[("class", "chart")], None)?;
        let caption_id = format!("passerelle-chart-{name}");
        figure.append_child(&*element(
            document,
            "h4",
            &[("id", &caption_id)],
            Some(&self.text(title)),
        )?)?;
        let largest = rows
            .iter()
            .filter_map(|(_, count)| count.value())
            .max()
            .unwrap_or(0)
            .max(1);
        let height = ROW_HEIGHT * rows.len().max(1) as f64;
        let svg = document.create_element_ns(Some(SVG), "svg")?;
        svg.set_attribute("viewBox", &format!("0 0 {CHART_WIDTH} {height}"))?;
        svg.set_attribute("role", "img")?;
        svg.set_attribute("aria-labelledby", &caption_id)?;
        svg.set_attribute("focusable", "false")?;
        let svg_title = document.create_element_ns(Some(SVG), "title")?;
        svg_title.set_text_content(Some(&self.text(title)));
        svg.append_child(&svg_title)?;
        for (row, (label, count)) in rows.iter().enumerate() {
            let top = ROW_HEIGHT * row as f64;
            let text = document.create_element_ns(Some(SVG), "text")?;
            text.set_attribute("x", "0")?;
            text.set_attribute("y", &format!("{}", top + 15.0))?;
            text.set_attribute("class", "label")?;
            text.set_text_content(Some(label));
            svg.append_child(&text)?;
            let width = count
                .value()
                .map_or(0.0, |n| BAR_SPACE * n as f64 / largest as f64);
            if width > 0.0 {
                let bar = document.create_element_ns(Some(SVG), "rect")?;
                bar.set_attribute("x", "0")?;
                bar.set_attribute("y", &format!("{}", top + 21.0))?;
                bar.set_attribute("width", &format!("{width:.1}"))?;
                bar.set_attribute("height", "16")?;
                bar.set_attribute("class", "bar")?;
                svg.append_child(&bar)?;
            }
            let value = document.create_element_ns(Some(SVG), "text")?;
            value.set_attribute("x", &format!("{:.1}", width + 6.0))?;
            value.set_attribute("y", &format!("{}", top + 34.0))?;
            value.set_attribute("class", "value")?;
            value.set_text_content(Some(
                &count
                    .value()
                    .map_or_else(|| hidden.to_owned(), |n| n.to_string()),
            ));
            svg.append_child(&value)?;
        }
        figure.append_child(&svg)?;
        // The same numbers as a table.
        let table = element(document, "table", &[], None)?;
        table.append_child(&*element(
            document,
            "caption",
            &[],
            Some(&self.text(title)),
        )?)?;
        let head = element(document, "thead", &[], None)?;
        let line = element(document, "tr", &[], None)?;
        line.append_child(&*element(
            document,
            "th",
            &[("scope", "col")],
            Some(&self.text(DeskText::ColumnWhat)),
        )?)?;
        line.append_child(&*element(
            document,
            "th",
            &[("scope", "col")],
            Some(&self.text(DeskText::ColumnCount)),
        )?)?;
        head.append_child(&line)?;
        table.append_child(&head)?;
        let body = element(document, "tbody", &[], None)?;
        for (label, count) in rows {
            let line = element(document, "tr", &[], None)?;
            line.append_child(&*element(document, "th", &[("scope", "row")], Some(label))?)?;
            line.append_child(&*element(
                document,
                "td",
                &[],
                Some(
                    &count
                        .value()
                        .map_or_else(|| hidden.to_owned(), |n| n.to_string()),
                ),
            )?)?;
            body.append_child(&line)?;
        }
        table.append_child(&body)?;
        figure.append_child(&table)?;
        Ok(figure)
    }

    /// The print view: the report drawn, as a page of its own.
    fn print_view(&self, _report: &Report, content: &Element) -> Result<String, JsValue> {
        let title = format!(
            "{} · {} – {}",
            self.text(DeskText::ReportTitle),
            self.text(passerelle_core::Message::LongDate(self.period.from)),
            self.text(passerelle_core::Message::LongDate(self.period.to))
        );
        let heading = element(&self.document, "h3", &[], Some(&title))?;
        let escaped_title = heading.inner_html();
        Ok(format!(
            "<!doctype html><html lang=\"{}\" dir=\"{}\"><head><meta charset=\"utf-8\"><title>{escaped_title}</title><style>{PRINT_STYLE}</style></head><body>{}{}</body></html>",
            self.locale.tag(),
            self.locale.direction().attribute(),
            heading.outer_html(),
            content.outer_html()
        ))
    }
}
