//! Drawing the national orientation (`orientation::national`): the
//! indicative pathway, who would follow the person, the reasons and who
//! decides; then, for a person far from work, the IAE pre-check with the
//! papers to show. At the end of `<passerelle-orientation>`, and on the
//! plan of `<passerelle-plan>` without the IAE. Every word comes from the
//! core's messages.

use passerelle_core::orientation::messages::NationalMessage;
use passerelle_core::orientation::national::{NationalOrientation, Pathway};
use passerelle_core::rules::Status;
use wasm_bindgen::prelude::*;
use web_sys::Element;

use passerelle_core::Locale;
use web_sys::Document;

use crate::ui::dom::element;

/// Its style, added by the widgets that draw it.
pub(crate) const STYLE: &str = include_str!("national.css");

/// The heading's id, which names the section.
const TITLE: &str = "passerelle-national-title";

/// Where and how the national orientation is drawn.
pub(crate) struct NationalView<'a> {
    pub(crate) document: &'a Document,
    pub(crate) locale: Locale,
    /// With the IAE pre-check (the orientation), or without (the plan).
    pub(crate) with_iae: bool,
}

impl NationalView<'_> {
    /// Appends the section to `parent`, only for a person known to be in
    /// the national orientation's scope (a jobseeker, without work, in
    /// training, on the RSA).
    pub(crate) fn draw(
        &self,
        parent: &Element,
        national: &NationalOrientation,
    ) -> Result<(), JsValue> {
        if national.concerned != Status::Met {
            return Ok(());
        }
        let doc = self.document;
        let locale = self.locale;
        let section = element(
            doc,
            "section",
            &[
                ("class", "national"),
                ("part", "national"),
                ("aria-labelledby", TITLE),
                (
                    "data-pathway",
                    national.pathway.map_or("unknown", Pathway::name),
                ),
            ],
            None,
        )?;
        let heading = NationalMessage::Title.text(locale);
        section.append_child(&*element(doc, "h3", &[("id", TITLE)], Some(&heading))?)?;
        match (national.pathway_parts(), national.organism_parts()) {
            (Some(pathway), organism) => {
                paragraph(doc, &section, "pathway", &pathway.text(locale))?;
                if let Some(organism) = organism {
                    section.append_child(&*element(
                        doc,
                        "p",
                        &[
                            ("class", "organism"),
                            (
                                "data-organism",
                                national.organism.map_or("", |body| body.name()),
                            ),
                        ],
                        Some(&organism.text(locale)),
                    )?)?;
                }
                self.reasons(&section, national)?;
            }
            (None, _) if national.undecided => {
                paragraph(
                    doc,
                    &section,
                    "pathway",
                    &NationalMessage::Undecided.text(locale),
                )?;
                self.reasons(&section, national)?;
            }
            (None, _) => {
                let unknown = NationalMessage::Unknown.text(locale);
                paragraph(doc, &section, "pathway", &unknown)?;
                let labels = national.missing_labels(locale);
                if !labels.is_empty() {
                    let to_know = NationalMessage::ToKnow.text(locale);
                    paragraph(doc, &section, "", &to_know)?;
                    list(doc, &section, "missing", labels.iter().map(String::as_str))?;
                }
            }
        }
        for hint in national.hint_parts() {
            paragraph(doc, &section, "hint", &hint.text(locale))?;
        }
        paragraph(
            doc,
            &section,
            "decision",
            &national.decision_parts().text(locale),
        )?;
        if self.with_iae && national.pathway != Some(Pathway::Employment) {
            self.draw_iae(&section, national)?;
        }
        parent.append_child(&section)?;
        Ok(())
    }

    /// The criteria that gave the pathway and the bodies, in words.
    fn reasons(&self, section: &Element, national: &NationalOrientation) -> Result<(), JsValue> {
        let doc = self.document;
        if national.reasons.is_empty() {
            return Ok(());
        }
        paragraph(doc, section, "why", &NationalMessage::Why.text(self.locale))?;
        let reasons = element(doc, "ul", &[("class", "reasons")], None)?;
        for finding in &national.reasons {
            reasons.append_child(&*element(
                doc,
                "li",
                &[("data-criterion", finding.criterion)],
                Some(&finding.parts().text(self.locale)),
            )?)?;
        }
        section.append_child(&reasons)?;
        Ok(())
    }

    /// The IAE pre-check: the counts for each kind of structure, the
    /// criteria met with their papers, and those to check with an adviser.
    fn draw_iae(&self, section: &Element, national: &NationalOrientation) -> Result<(), JsValue> {
        let doc = self.document;
        let locale = self.locale;
        let iae = &national.iae;
        let part = element(doc, "div", &[("class", "iae"), ("part", "iae")], None)?;
        part.append_child(&*element(
            doc,
            "h4",
            &[],
            Some(&NationalMessage::IaeTitle.text(locale)),
        )?)?;
        paragraph(doc, &part, "help", &NationalMessage::IaeIntro.text(locale))?;
        for (kind, status) in [("aci-ei", iae.aci_ei_eiti), ("ai-etti", iae.ai_etti)] {
            let status = status_name(status);
            part.append_child(&*element(
                doc,
                "p",
                &[
                    ("class", "iae-kind"),
                    ("data-kind", kind),
                    ("data-status", status),
                ],
                Some(&NationalMessage::IaeKind { kind, status }.text(locale)),
            )?)?;
        }
        let met: Vec<String> = iae
            .criteria
            .iter()
            .filter(|finding| finding.status == Status::Met)
            .map(|finding| finding.proof_line(locale))
            .collect();
        if !met.is_empty() {
            paragraph(doc, &part, "", &NationalMessage::IaeMetTitle.text(locale))?;
            list(doc, &part, "iae-met", met.iter().map(String::as_str))?;
        }
        let to_check: Vec<String> = iae
            .criteria
            .iter()
            .filter(|finding| finding.status == Status::Unknown)
            .map(|finding| finding.name_parts().text(locale))
            .collect();
        if !to_check.is_empty() && iae.aci_ei_eiti != Status::Met {
            paragraph(doc, &part, "", &NationalMessage::IaeToCheck.text(locale))?;
            list(
                doc,
                &part,
                "iae-to-check",
                to_check.iter().map(String::as_str),
            )?;
        }
        section.append_child(&part)?;
        Ok(())
    }
}

/// A paragraph of `text` with `class` (none when empty), at the end of `parent`.
fn paragraph(doc: &Document, parent: &Element, class: &str, text: &str) -> Result<(), JsValue> {
    let attributes: &[(&str, &str)] = if class.is_empty() {
        &[]
    } else {
        &[("class", class)]
    };
    parent.append_child(&*element(doc, "p", attributes, Some(text))?)?;
    Ok(())
}

/// A list of `items` with `class`.
fn list<'a>(
    doc: &Document,
    parent: &Element,
    class: &str,
    items: impl Iterator<Item = &'a str>,
) -> Result<(), JsValue> {
    let list = element(doc, "ul", &[("class", class)], None)?;
    for item in items {
        list.append_child(&*element(doc, "li", &[], Some(item))?)?;
    }
    parent.append_child(&list)?;
    Ok(())
}

/// A status's name in JSON and in message keys.
fn status_name(status: Status) -> &'static str {
    match status {
        Status::Met => "met",
        Status::NotMet => "not_met",
        Status::Unknown => "unknown",
    }
}
