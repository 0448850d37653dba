//! Drawing the plan's forms below it: adding an objective, the
//! follow-up, the person's contact details, the referral sheet with its
//! consents, and the review.

use passerelle_core::plan::Plan;
use passerelle_core::{Locale, Message};
use wasm_bindgen::prelude::*;
use web_sys::Element;

use crate::ui::dom::{element, Attribute};
use crate::ui::parts;
use crate::ui::texts::theme_label;
use crate::ui::widget;
use crate::ui::words::WidgetText;

use super::ids::{Button, Form};
use super::{ids, partner_name, PlanView};

impl PlanView {
    /// "Add a goal": a need the plan does not have yet, in the person's
    /// words if they wish.
    pub(super) fn draw_add_objective(&self, plan: &Plan) -> Result<(), JsValue> {
        let categories = plan.categories_to_add();
        if categories.is_empty() {
            return Ok(());
        }
        let doc = &self.document;
        let (details, form) = self.disclosure(
            (
                "passerelle-add-objective",
                &self.text(WidgetText::AddObjectiveTitle),
            ),
            Form::AddObjective,
            &[],
            &[ids::NEW_OBJECTIVE, ids::NEW_STATEMENT],
        )?;
        details.set_attribute("class", "change add-objective")?;
        let needs = element(doc, "select", &[("id", ids::NEW_OBJECTIVE)], None)?;
        for category in categories {
            let (words, language) = theme_label(category, self.locale);
            let option = element(doc, "option", &[("value", category)], Some(&words))?;
            if language != self.locale {
                widget::mark_language(&option, language)?;
            }
            needs.append_child(&option)?;
        }
        self.labelled(&form, WidgetText::ObjectiveNeedLabel, &needs)?;
        let statement = element(
            doc,
            "input",
            &[("type", "text"), ("id", ids::NEW_STATEMENT)],
            None,
        )?;
        self.labelled(&form, WidgetText::StatementLabel, &statement)?;
        form.append_child(&*element(
            doc,
            "button",
            &[
                ("type", "submit"),
                ("class", "secondary"),
                ("id", "passerelle-save-objective"),
            ],
            Some(&self.text(WidgetText::SaveNewObjective)),
        )?)?;
        self.body.append_child(&details)?;
        Ok(())
    }

    /// The follow-up: the advisor's details and the next meeting's date,
    /// as they are, to change.
    pub(super) fn draw_follow_up(&self, plan: &Plan) -> Result<(), JsValue> {
        let doc = &self.document;
        let (form, fieldset) = parts::named_form(
            doc,
            Form::FollowUp.to_attr(),
            &self.text(WidgetText::FollowUpTitle),
        )?;
        if let Some(done) = self.done_for(ids::FOLLOW_UP_SAVED)? {
            fieldset.append_child(&done)?;
        }
        let advisor = plan.advisor.clone().unwrap_or_default();
        for (field, label, kind, value) in [
            (
                "name",
                WidgetText::AdvisorNameLabel,
                "text",
                Some(&advisor.name),
            ),
            (
                "organisation",
                WidgetText::AdvisorOrganisationLabel,
                "text",
                advisor.organisation.as_ref(),
            ),
            (
                "phone",
                WidgetText::AdvisorPhoneLabel,
                "tel",
                advisor.phone.as_ref(),
            ),
            (
                "email",
                WidgetText::AdvisorEmailLabel,
                "email",
                advisor.email.as_ref(),
            ),
        ] {
            let id = ids::advisor(field);
            let input = element(
                doc,
                "input",
                &[
                    ("type", kind),
                    ("id", &id),
                    ("value", value.map_or("", String::as_str)),
                    // The advisor's details, not the person's own.
                    ("autocomplete", "off"),
                ],
                None,
            )?;
            self.labelled(&fieldset, label, &input)?;
        }
        let next = plan
            .next_review
            .map(|date| date.to_string())
            .unwrap_or_default();
        let date = element(
            doc,
            "input",
            &[("type", "date"), ("id", ids::NEXT_REVIEW), ("value", &next)],
            None,
        )?;
        self.labelled(&fieldset, WidgetText::NextReviewLabel, &date)?;
        fieldset.append_child(&*parts::action_row(
            doc,
            &[
                ("type", "submit"),
                ("class", "secondary"),
                ("id", "passerelle-save-follow-up"),
            ],
            &self.text(WidgetText::SaveFollowUp),
        )?)?;
        self.body.append_child(&form)?;
        Ok(())
    }

    /// The person's own contact details, optional, for the partners they
    /// agree to share with: name, phone, e-mail.
    pub(super) fn draw_person(&self, plan: &Plan) -> Result<(), JsValue> {
        let doc = &self.document;
        let (form, fieldset) = parts::named_form(
            doc,
            Form::Person.to_attr(),
            &self.text(WidgetText::PersonTitle),
        )?;
        fieldset.set_attribute("aria-describedby", "passerelle-person-help")?;
        fieldset.append_child(&*element(
            doc,
            "p",
            &[("id", "passerelle-person-help"), ("class", "help")],
            Some(&self.text(WidgetText::PersonHelp)),
        )?)?;
        if let Some(done) = self.done_for(ids::PERSON_SAVED)? {
            fieldset.append_child(&done)?;
        }
        let person = plan.person.clone().unwrap_or_default();
        // The person's own details: the browser may fill them in.
        for (field, label, kind, value) in [
            (
                "name",
                WidgetText::PersonNameLabel,
                "text",
                Some(&person.name),
            ),
            (
                "phone",
                WidgetText::PersonPhoneLabel,
                "tel",
                person.phone.as_ref(),
            ),
            (
                "email",
                WidgetText::PersonEmailLabel,
                "email",
                person.email.as_ref(),
            ),
        ] {
            let autocomplete = if field == "phone" { "tel" } else { field };
            let input = element(
                doc,
                "input",
                &[
                    ("type", kind),
                    ("id", &ids::person(field)),
                    ("value", value.map_or("", String::as_str)),
                    ("autocomplete", autocomplete),
                ],
                None,
            )?;
            self.labelled(&fieldset, label, &input)?;
        }
        fieldset.append_child(&*parts::action_row(
            doc,
            &[
                ("type", "submit"),
                ("class", "secondary"),
                ("id", "passerelle-save-person"),
            ],
            &self.text(WidgetText::SavePerson),
        )?)?;
        self.body.append_child(&form)?;
        Ok(())
    }

    /// The referral sheet ("fiche de liaison"): a partner of the plan,
    /// the person's consent, then the sheet as a `blob:` link; the
    /// person's own contact details first, for the sheet.
    pub(super) fn draw_referral(&mut self, plan: &Plan) -> Result<(), JsValue> {
        let partners = passerelle_core::referral::partners(plan, &self.catalogue);
        if partners.is_empty() {
            return Ok(());
        }
        self.draw_person(plan)?;
        let doc = self.document.clone();
        let doc = &doc;
        let (form, fieldset) = parts::named_form(
            doc,
            Form::Referral.to_attr(),
            &self.text(Message::ReferralTitle),
        )?;
        let select = element(doc, "select", &[("id", ids::REFERRAL_PARTNER)], None)?;
        for (entry, name) in &partners {
            let option = element(doc, "option", &[("value", entry)], Some(name))?;
            if self.referred.as_deref() == Some(*entry) {
                option.set_attribute("selected", "")?;
            }
            select.append_child(&option)?;
        }
        fieldset.append_child(&*parts::field(
            doc,
            ids::REFERRAL_PARTNER,
            None,
            &self.text(WidgetText::ReferralPartnerLabel),
            &select,
        )?)?;
        let (option, checkbox, _) = parts::choice_row(
            doc,
            &[],
            &[("type", "checkbox"), ("id", ids::REFERRAL_CONSENT)],
            false,
            &self.text(WidgetText::ReferralConsentBox),
        )?;
        let error = self.error_for(ids::REFERRAL_CONSENT, &checkbox)?;
        fieldset.append_child(&option)?;
        if let Some(error) = error {
            fieldset.append_child(&error)?;
        }
        let actions = parts::action_row(
            doc,
            &[
                ("type", "submit"),
                ("class", "secondary"),
                ("id", "passerelle-referral-prepare"),
            ],
            &self.text(WidgetText::PrepareReferral),
        )?;
        fieldset.append_child(&actions)?;
        self.draw_consents(plan, &fieldset)?;
        // The sheet of the partner the person agreed to share with last:
        // the partner's copy in French; the person's own, in their
        // language, beside it when they speak another.
        let catalogue = crate::ui::communes::named(&self.catalogue);
        let sheets = self.referred.as_deref().and_then(|entry| {
            use passerelle_core::referral::{partner_sheet, referral_sheet};
            let partner = partner_sheet(plan, &catalogue, entry, self.today).ok()?;
            let own = (plan.locale != Locale::Fr)
                .then(|| referral_sheet(plan, &catalogue, entry, self.today).ok())
                .flatten();
            Some((partner, own))
        });
        if let Some((sheet, own)) = sheets {
            let name = own
                .as_ref()
                .map_or(&sheet.partner.name, |own| &own.partner.name)
                .clone();
            let url = self.object_url(&sheet.to_html(), "text/html")?;
            fieldset.append_child(&*element(
                doc,
                "a",
                &[
                    ("href", &url),
                    ("hreflang", "fr"),
                    ("target", "_blank"),
                    ("rel", "noopener"),
                    ("id", "passerelle-referral-open"),
                ],
                Some(&WidgetText::OpenReferral { partner: &name }.text(self.locale)),
            )?)?;
            if let Some(own) = &own {
                let url = self.object_url(&own.to_html(), "text/html")?;
                fieldset.append_child(&*element(
                    doc,
                    "a",
                    &[
                        ("href", &url),
                        ("hreflang", plan.locale.tag()),
                        ("target", "_blank"),
                        ("rel", "noopener"),
                        ("id", "passerelle-referral-own"),
                    ],
                    Some(&WidgetText::OpenReferralCopy { partner: &name }.text(self.locale)),
                )?)?;
            }
        }
        self.body.append_child(&form)?;
        Ok(())
    }

    /// The partners the person agreed to share with, each with the
    /// control that withdraws the consent.
    pub(super) fn draw_consents(&self, plan: &Plan, fieldset: &Element) -> Result<(), JsValue> {
        let doc = &self.document;
        if let Some(done) = self.done_for(ids::CONSENT_WITHDRAWN)? {
            fieldset.append_child(&done)?;
        }
        if plan.consents.is_empty() {
            return Ok(());
        }
        fieldset.append_child(&*element(
            doc,
            "p",
            &[("id", "passerelle-consents")],
            Some(&self.text(WidgetText::ConsentsTitle)),
        )?)?;
        let list = element(
            doc,
            "ul",
            &[
                ("class", "consents"),
                ("aria-labelledby", "passerelle-consents"),
            ],
            None,
        )?;
        for consent in &plan.consents {
            let partner =
                partner_name(plan, &consent.entry).unwrap_or_else(|| consent.entry.clone());
            let item = element(doc, "li", &[], None)?;
            item.append_child(&*element(
                doc,
                "span",
                &[],
                Some(
                    &WidgetText::ConsentSince {
                        partner: &partner,
                        date: consent.date,
                    }
                    .text(self.locale),
                ),
            )?)?;
            item.append_child(&*element(
                doc,
                "button",
                &[
                    ("type", "button"),
                    ("class", "secondary"),
                    ("id", &ids::withdraw(&consent.entry)),
                    ("data-do", Button::Withdraw.to_attr()),
                    ("data-entry", &consent.entry),
                ],
                Some(&WidgetText::WithdrawConsent { partner: &partner }.text(self.locale)),
            )?)?;
            list.append_child(&item)?;
        }
        fieldset.append_child(&list)?;
        Ok(())
    }

    /// The review form, and the last review point saved.
    pub(super) fn draw_review(&self, plan: &Plan) -> Result<(), JsValue> {
        let doc = &self.document;
        let (form, fieldset) = parts::named_form(
            doc,
            Form::Review.to_attr(),
            &self.text(WidgetText::ReviewTitle),
        )?;
        if let Some(last) = plan.reviews.last() {
            fieldset.append_child(&*element(
                doc,
                "p",
                &[
                    ("id", "passerelle-review-saved"),
                    ("tabindex", "-1"),
                    ("class", "help"),
                ],
                Some(&WidgetText::ReviewSaved(last.date).text(self.locale)),
            )?)?;
        }
        for (id, message) in [
            (ids::REVIEW_DONE, WidgetText::ReviewDone),
            (ids::REVIEW_STUCK, WidgetText::ReviewStuck),
            (ids::REVIEW_CHANGED, WidgetText::ReviewChanged),
        ] {
            fieldset.append_child(&*element(
                doc,
                "label",
                &[("for", id)],
                Some(&self.text(message)),
            )?)?;
            let area = element(doc, "textarea", &[("id", id), ("rows", "2")], None)?;
            let error = self.error_for(id, &area)?;
            fieldset.append_child(&area)?;
            if let Some(error) = error {
                fieldset.append_child(&error)?;
            }
        }
        let actions = parts::action_row(
            doc,
            &[("type", "submit"), ("class", "primary")],
            &self.text(WidgetText::SaveReview),
        )?;
        fieldset.append_child(&actions)?;
        self.body.append_child(&form)?;
        Ok(())
    }
}
