//! Drawing `<passerelle-orientation>`'s needs: each need's proposals,
//! the proposals held back, each status line, and the filters.

use passerelle_core::orientation::{DetailedNeed, DetailedProposal};
use wasm_bindgen::prelude::*;
use web_sys::Element;

use crate::ui::dom::element;
use crate::ui::parts;
use crate::ui::texts::theme_label;
use crate::ui::widget;
use crate::ui::words::WidgetText;

use super::{kept, standing, status_name, OrientationView};

/// How many proposals a list draws at first, and how many more each
/// "Voir la suite" adds: a local catalogue of thousands of services
/// (data·inclusion's, for a department) keeps a page a phone can draw.
pub(super) const PAGE: usize = 20;

/// The name of one list of a need's proposals (`part`: `first`, `more`
/// or `ruled-out`), for the pages the person opened and the focus.
pub(super) fn list_key(theme: &str, part: &str) -> String {
    format!("{theme}/{part}")
}

impl OrientationView {
    /// One need: its first proposals, the others behind "Voir plus", the
    /// ruled-out ones folded, and the entries shown elsewhere that serve
    /// it too. Returns how many proposals it drew.
    pub(super) fn draw_need(&self, index: usize, need: &DetailedNeed) -> Result<usize, JsValue> {
        let doc = &self.document;
        let title_id = format!("passerelle-need-{index}");
        let section = element(
            doc,
            "section",
            &[
                ("class", "need"),
                ("part", "need"),
                ("data-theme", &need.need.theme),
                ("aria-labelledby", &title_id),
            ],
            None,
        )?;
        let (words, language) = theme_label(&need.need.theme, self.locale);
        let title = element(doc, "h3", &[("id", &title_id)], Some(&words))?;
        if language != self.locale {
            widget::mark_language(&title, language)?;
        }
        section.append_child(&title)?;
        let (first, more, out) = need.parts();
        let eligible = |proposals| kept(proposals, self.only_eligible);
        // Only what the person is entitled to: one list, nothing folded.
        let (first, more, out) = if self.only_eligible {
            let mut all = eligible(first);
            all.extend(eligible(more));
            (all, Vec::new(), Vec::new())
        } else {
            (eligible(first), eligible(more), eligible(out))
        };
        let drawn = first.len() + more.len() + out.len();
        if drawn == 0 && need.see_also.is_empty() {
            section.append_child(&*element(
                doc,
                "p",
                &[("class", "none")],
                Some(&self.text(WidgetText::NoProposal)),
            )?)?;
        }
        let (need_words, _) = theme_label(&need.need.theme, self.locale);
        if !first.is_empty() {
            let key = list_key(&need.need.theme, "first");
            self.append_paged(&section, &key, &first, &need_words)?;
        }
        for (class, proposals, words) in [
            ("more", &more, WidgetText::SeeMore(more.len())),
            ("ruled-out", &out, WidgetText::RuledOutCount(out.len())),
        ] {
            if proposals.is_empty() {
                continue;
            }
            let folded = element(doc, "details", &[("class", class), ("part", class)], None)?;
            let summary = element(doc, "summary", &[], Some(&self.text(words)))?;
            // Each "see more" says which need it is for, to a screen reader.
            self.hidden_words(&summary, &format!(" – {need_words}"))?;
            folded.append_child(&summary)?;
            let key = list_key(&need.need.theme, class);
            // Opened by the person to see the next ones: still open.
            if self.pages.contains_key(&key) {
                folded.set_attribute("open", "")?;
            }
            self.append_paged(&folded, &key, proposals, &need_words)?;
            section.append_child(&folded)?;
        }
        if !need.see_also.is_empty() {
            let also = element(
                doc,
                "div",
                &[("class", "see-also"), ("part", "see-also")],
                None,
            )?;
            also.append_child(&*element(
                doc,
                "p",
                &[],
                Some(&self.text(WidgetText::SeeAlsoTitle)),
            )?)?;
            let list = element(doc, "ul", &[], None)?;
            for pointer in &need.see_also {
                let item = element(doc, "li", &[("data-entry", pointer.id)], None)?;
                let name = element(doc, "span", &[("class", "name")], Some(pointer.name))?;
                self.mark_language(&name, pointer.language)?;
                item.append_child(&name)?;
                let place = match pointer.need {
                    Some(theme) => {
                        let (need, _) = theme_label(theme, self.locale);
                        self.text(WidgetText::ShownUnder { need: &need })
                    }
                    None => self.text(WidgetText::HeldWords),
                };
                item.append_child(&*element(
                    doc,
                    "span",
                    &[("class", "where")],
                    Some(&format!(" – {place}")),
                )?)?;
                list.append_child(&item)?;
            }
            also.append_child(&list)?;
            section.append_child(&also)?;
        }
        self.results.append_child(&section)?;
        Ok(drawn)
    }

    /// The first pages of `proposals` into `parent`: [`PAGE`] more for
    /// each time the person asked for the next ones (`pages`), then
    /// "Voir la suite" while some are left. The list is marked with `key`
    /// for the focus to find its first new item.
    fn append_paged(
        &self,
        parent: &Element,
        key: &str,
        proposals: &[&DetailedProposal],
        need_words: &str,
    ) -> Result<(), JsValue> {
        let pages = self.pages.get(key).copied().unwrap_or(0);
        let limit = PAGE.saturating_mul(pages.saturating_add(1));
        let (drawn, left) = proposals.split_at(limit.min(proposals.len()));
        let list = self.proposal_list(drawn)?;
        list.set_attribute("data-list", key)?;
        parent.append_child(&list)?;
        if left.is_empty() {
            return Ok(());
        }
        let words = WidgetText::ShowNext {
            shown: drawn.len(),
            total: proposals.len(),
        };
        let button = element(
            &self.document,
            "button",
            &[
                ("type", "button"),
                ("class", "secondary show-next"),
                ("part", "show-next"),
                ("data-list", key),
            ],
            Some(&self.text(words)),
        )?;
        // Which need's list it extends, to a screen reader.
        self.hidden_words(&button, &format!(" – {need_words}"))?;
        parent.append_child(&button)?;
        Ok(())
    }

    /// A list of proposals.
    pub(super) fn proposal_list(
        &self,
        proposals: &[&DetailedProposal],
    ) -> Result<Element, JsValue> {
        let list = element(&self.document, "ul", &[("class", "proposals")], None)?;
        for proposal in proposals {
            list.append_child(&*self.proposal(proposal)?)?;
        }
        Ok(list)
    }

    /// Words read only by screen readers, after `element`'s own.
    pub(super) fn hidden_words(&self, element: &Element, words: &str) -> Result<(), JsValue> {
        element.append_child(&*crate::ui::dom::element(
            &self.document,
            "span",
            &[("class", "visually-hidden")],
            Some(words),
        )?)?;
        Ok(())
    }

    /// What the person has already, apart: theirs, not proposed again.
    pub(super) fn draw_held(&self, held: &[DetailedProposal]) -> Result<(), JsValue> {
        let doc = &self.document;
        let section = element(
            doc,
            "section",
            &[
                ("class", "held"),
                ("part", "held"),
                ("aria-labelledby", "passerelle-held-title"),
            ],
            None,
        )?;
        section.append_child(&*element(
            doc,
            "h3",
            &[("id", "passerelle-held-title")],
            Some(&self.text(WidgetText::HeldTitle)),
        )?)?;
        section.append_child(&*element(
            doc,
            "p",
            &[("class", "help")],
            Some(&self.text(WidgetText::HeldIntro)),
        )?)?;
        let list = element(doc, "ul", &[("class", "proposals")], None)?;
        for entry in held {
            let item = element(
                doc,
                "li",
                &[("class", "held-entry"), ("data-entry", entry.id)],
                None,
            )?;
            let name = element(doc, "h4", &[], Some(entry.name))?;
            self.mark_language(&name, entry.languages.name)?;
            item.append_child(&name)?;
            item.append_child(&*self.status_line(entry)?)?;
            let description = element(
                doc,
                "p",
                &[("class", "description")],
                Some(entry.description),
            )?;
            self.mark_language(&description, entry.languages.description)?;
            item.append_child(&description)?;
            let access = element(doc, "div", &[("class", "access"), ("part", "access")], None)?;
            self.access_links(&access, entry.access)?;
            item.append_child(&access)?;
            item.append_child(&*self.verified_line(entry)?)?;
            list.append_child(&item)?;
        }
        section.append_child(&list)?;
        self.results.append_child(&section)?;
        Ok(())
    }

    /// The status in words, with its icon hidden from screen readers: held,
    /// open to all (free), or the eligibility.
    pub(super) fn status_line(&self, proposal: &DetailedProposal) -> Result<Element, JsValue> {
        let doc = &self.document;
        let (standing, icon, words) = standing(proposal);
        let line = element(
            doc,
            "p",
            &[
                ("class", "status"),
                ("data-status", status_name(proposal.status)),
                ("data-standing", standing),
            ],
            None,
        )?;
        line.append_child(&*element(
            doc,
            "span",
            &[("class", "icon"), ("aria-hidden", "true")],
            Some(icon),
        )?)?;
        line.append_child(&*element(doc, "span", &[], Some(&self.text(words)))?)?;
        Ok(line)
    }

    /// The filters: one need or all, and only what the person is
    /// entitled to.
    pub(super) fn draw_filters(
        &self,
        needs: &[passerelle_core::orientation::Need],
    ) -> Result<(), JsValue> {
        let doc = &self.document;
        let form = element(
            doc,
            "form",
            &[("class", "filters"), ("part", "filters")],
            None,
        )?;
        let select = element(doc, "select", &[("id", "passerelle-filter-need")], None)?;
        let all = element(
            doc,
            "option",
            &[("value", "")],
            Some(&self.text(WidgetText::AllNeeds)),
        )?;
        select.append_child(&all)?;
        for need in needs {
            let (words, language) = theme_label(&need.theme, self.locale);
            let option = element(doc, "option", &[("value", &need.theme)], Some(&words))?;
            if language != self.locale {
                widget::mark_language(&option, language)?;
            }
            if self.need.as_deref() == Some(need.theme.as_str()) {
                option.set_attribute("selected", "")?;
            }
            select.append_child(&option)?;
        }
        form.append_child(&*parts::field(
            doc,
            "passerelle-filter-need",
            None,
            &self.text(WidgetText::FilterByNeed),
            &select,
        )?)?;
        let (option, _, _) = parts::choice_row(
            doc,
            &[],
            &[("type", "checkbox"), ("id", "passerelle-only-eligible")],
            self.only_eligible,
            &self.text(WidgetText::OnlyEligible),
        )?;
        form.append_child(&option)?;
        self.body.append_child(&form)?;
        Ok(())
    }
}
