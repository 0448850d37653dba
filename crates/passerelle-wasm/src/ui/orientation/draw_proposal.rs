//! Drawing one proposal: its name, status, description, reasons, what
//! would settle it, freshness, and its ways in.

use passerelle_core::catalogue::Access;
use passerelle_core::explanation::ExplanationList;
use passerelle_core::orientation::{DetailedProposal, Eligibility};
use passerelle_core::rules::Status;
use passerelle_core::Message;
use wasm_bindgen::prelude::*;
use web_sys::Element;

use crate::ui::dom::element;
use crate::ui::parts;
use crate::ui::widget;
use crate::ui::words::WidgetText;

use super::{standing, status_name, OrientationView};

impl OrientationView {
    /// The reasons of `list`, each with its status in an icon. A reason
    /// whose sentence says nothing alone, an `all`, `any` or `not` that the
    /// catalogue did not put in words ("Au moins une de ces conditions"),
    /// has its own reasons listed below it.
    fn reason_list(&self, list: &ExplanationList) -> Result<Element, JsValue> {
        let doc = &self.document;
        let reasons = element(doc, "ul", &[("class", "reasons")], None)?;
        for reason in list.iter() {
            let (icon, name) = match reason.status() {
                Status::Met => ("✓", "met"),
                Status::NotMet => ("✗", "not_met"),
                Status::Unknown => ("?", "unknown"),
            };
            let li = element(doc, "li", &[("data-status", name)], None)?;
            li.append_child(&*element(
                doc,
                "span",
                &[("class", "icon"), ("aria-hidden", "true")],
                Some(icon),
            )?)?;
            let words = element(doc, "div", &[], None)?;
            words.append_child(&*element(doc, "span", &[], Some(&reason.text()))?)?;
            let parts = reason.parts();
            if reason.condition().label().is_none() && !parts.is_empty() {
                words.append_child(&*self.reason_list(&parts)?)?;
            }
            li.append_child(&words)?;
            reasons.append_child(&li)?;
        }
        Ok(reasons)
    }

    /// One scheme or service: name, status, description, why, what would
    /// settle it, how to get in.
    pub(super) fn proposal(&self, proposal: &DetailedProposal) -> Result<Element, JsValue> {
        let doc = &self.document;
        let status = status_name(proposal.status);
        let item = element(
            doc,
            "li",
            &[
                ("class", "proposal"),
                ("part", "proposal"),
                ("data-entry", proposal.id),
                ("data-status", status),
                ("data-standing", standing(proposal).0),
            ],
            None,
        )?;
        let name = element(doc, "h4", &[], Some(proposal.name))?;
        self.mark_language(&name, proposal.languages.name)?;
        item.append_child(&name)?;
        if proposal.key {
            item.append_child(&*element(
                doc,
                "p",
                &[("class", "key-step")],
                Some(&self.text(WidgetText::KeyStepWords)),
            )?)?;
        }
        item.append_child(&*self.status_line(proposal)?)?;
        self.freshness_warnings(&item, proposal)?;
        let description = element(
            doc,
            "p",
            &[("class", "description")],
            Some(proposal.description),
        )?;
        self.mark_language(&description, proposal.languages.description)?;
        item.append_child(&description)?;

        if !proposal.explanation.is_empty() {
            let why = element(doc, "details", &[("part", "why")], None)?;
            let summary = element(doc, "summary", &[], Some(&self.text(WidgetText::WhyTitle)))?;
            // Each "Why?" names its scheme, to a screen reader.
            self.hidden_words(&summary, &format!(" – {}", proposal.name))?;
            if proposal.languages.name != self.locale {
                if let Some(hidden) = summary.last_element_child() {
                    widget::mark_language(&hidden, proposal.languages.name)?;
                }
            }
            why.append_child(&summary)?;
            why.append_child(&*self.reason_list(&proposal.explanation)?)?;
            if let Some(notes) = proposal.notes {
                let notes = element(doc, "p", &[("class", "notes")], Some(notes))?;
                self.mark_language(&notes, proposal.languages.notes)?;
                why.append_child(&notes)?;
            }
            item.append_child(&why)?;
        }

        if proposal.status == Eligibility::Undetermined {
            let questions: Vec<_> = self
                .questionnaire
                .questions_settling(proposal.missing)
                .collect();
            if !questions.is_empty() {
                let settle = element(doc, "div", &[("class", "settle"), ("part", "settle")], None)?;
                settle.append_child(&*element(
                    doc,
                    "p",
                    &[],
                    Some(&self.text(WidgetText::ToSettle)),
                )?)?;
                let list = element(doc, "ul", &[], None)?;
                for question in questions {
                    list.append_child(&*element(
                        doc,
                        "li",
                        &[("data-question", &question.id)],
                        Some(question.label.get(self.locale)),
                    )?)?;
                }
                settle.append_child(&list)?;
                item.append_child(&settle)?;
            }
        }

        let access = element(doc, "div", &[("class", "access"), ("part", "access")], None)?;
        access.append_child(&*element(
            doc,
            "p",
            &[("class", "access-title")],
            Some(&self.text(WidgetText::HowToGetIn)),
        )?)?;
        self.access_links(&access, proposal.access)?;
        item.append_child(&access)?;
        item.append_child(&*self.verified_line(proposal)?)?;
        Ok(item)
    }

    /// Why what the person reads may be out of date, next to the status:
    /// figures past their dates, criteria not verified for too long.
    pub(super) fn freshness_warnings(
        &self,
        item: &Element,
        proposal: &DetailedProposal,
    ) -> Result<(), JsValue> {
        let doc = &self.document;
        if let (true, Some(figures)) = (proposal.figures_outdated, proposal.figures_valid) {
            item.append_child(&*element(
                doc,
                "p",
                &[("class", "figures-outdated")],
                Some(&self.text(Message::FiguresOutdated {
                    from: figures.from,
                    until: figures.until,
                })),
            )?)?;
        }
        if proposal.stale {
            item.append_child(&*element(
                doc,
                "p",
                &[("class", "stale")],
                Some(&self.text(Message::Stale {
                    months: proposal.stale_after_months,
                    last_verified: proposal.last_verified,
                })),
            )?)?;
        }
        Ok(())
    }

    /// When the entry was last checked against its source: "Vérifié le
    /// 3 décembre 2026".
    pub(super) fn verified_line(&self, proposal: &DetailedProposal) -> Result<Element, JsValue> {
        element(
            &self.document,
            "p",
            &[("class", "verified")],
            Some(&self.text(Message::VerifiedOn(proposal.last_verified))),
        )
    }

    /// How to get in: call, write, go to the web site, in that order,
    /// each a link only when the core's link checks accept it; the
    /// details in words; the address, opening hours and reception mode;
    /// a note when only a professional can ask.
    pub(super) fn access_links(&self, parent: &Element, access: &Access) -> Result<(), JsValue> {
        let doc = &self.document;
        let list = parts::contact_ways(
            doc,
            self.locale,
            access.phone.as_deref(),
            access.email.as_deref(),
            access.url.as_deref(),
        )?;
        if let Some(details) = &access.details {
            list.append_child(&*element(
                doc,
                "li",
                &[("class", "details")],
                Some(details.get(self.locale)),
            )?)?;
        }
        parts::reception_ways(doc, self.locale, &list, access)?;
        if !access.through.iter().any(|who| who == "usagers") {
            list.append_child(&*element(
                doc,
                "li",
                &[("class", "professional")],
                Some(&self.text(WidgetText::ThroughProfessionalOnly)),
            )?)?;
        }
        parent.append_child(&list)?;
        Ok(())
    }
}
