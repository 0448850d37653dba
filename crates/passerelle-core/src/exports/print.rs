//! The plan's print view: one self-contained HTML page the person can
//! read, print on A4 or keep on their phone.
//!
//! The page holds no script and loads nothing (no link, image or font):
//! its only style is inline. Every text that comes from the plan or the
//! catalogue is escaped; only `https:`, `tel:` and `mailto:` addresses
//! become links, and each is shown as text too, so that it stays readable
//! on paper. Every fixed text comes from the message catalogue
//! ([`Message`]), in the plan's language.
//!
//! ```
//! use passerelle_core::catalogue::Catalogue;
//! use passerelle_core::date::Date;
//! use passerelle_core::diagnosis::{Diagnosis, FoundNeed};
//! use passerelle_core::facts::Facts;
//! use passerelle_core::orientation::Priority;
//! use passerelle_core::plan::{Choices, Plan};
//! use passerelle_core::print::print_view;
//!
//! let today = Date::parse("2026-11-27").unwrap();
//! let diagnosis = Diagnosis {
//!     questionnaire_id: "passerelle-default".into(),
//!     reference_date: today,
//!     facts: Facts::from_json(r#"{"age": 19, "postal_code": "93200",
//!         "employment_status": "inactive"}"#).unwrap(),
//!     urgent: vec![],
//!     needs: vec![FoundNeed {
//!         theme: "trouver-un-emploi".into(), label: "Trouver un emploi".into(),
//!         priority: Priority::High, rank: None, raised_by: vec![],
//!     }],
//!     ranked_by_person: false,
//! };
//! let catalogue = Catalogue::national();
//! let choices = Choices::new(today, vec!["trouver-un-emploi".into()]);
//! let plan = Plan::build(&diagnosis, &catalogue, &choices).unwrap();
//! let html = print_view(&plan, &catalogue, today);
//! assert!(html.starts_with("<!DOCTYPE html>"));
//! assert!(html.contains(r#"<html lang="fr" dir="ltr">"#));
//! // The step due today says so.
//! assert!(html.contains("aujourd’hui, vendredi 27 novembre 2026"));
//! assert!(!html.contains("<script"));
//! ```

use std::borrow::Cow;

use crate::base::date::Date;
use crate::catalogue::{Access, Catalogue};
use crate::exports::messages::Message;
use crate::orientation::messages::NationalMessage;
use crate::orientation::national::national_orientation_at;
use crate::plan::{Action, ActionStatus, ContactDetails, Objective, PartnerContact, Plan};
use crate::rules::Status;
use crate::text::Locale;
use crate::vocabulary::theme_labels::theme_label;

pub use crate::base::links::{https_href, https_problem, is_bidi_control, mailto_href, tel_href};

/// The indicative pathway, who would follow the person, why, and who
/// decides (`orientation::national`), for a person in its scope.
fn national(html: &mut Html, plan: &Plan, today: Date) {
    let Ok(Some(national)) = national_orientation_at(&plan.facts, today) else {
        return;
    };
    if national.concerned != Status::Met {
        return;
    }
    let locale = plan.locale;
    html.section_start("national", &NationalMessage::Title.text(locale));
    for sentence in national.sentences(locale) {
        html.element("p", &sentence);
    }
    html.section_end();
}

/// The plan as one HTML page in the plan's language, for the person to
/// read, print or keep: their objectives, the next steps (when, who, how
/// to reach the partner), their advisor, the next review and what is done.
/// `today` is the date printed at the top.
pub fn print_view(plan: &Plan, catalogue: &Catalogue, today: Date) -> String {
    let locale = plan.locale;
    let text = |message: Message| message.text(locale);
    let mut html = Html::new(locale);

    html.raw("<header>\n");
    html.element("h1", &text(Message::PlanTitle));
    html.element("p", &text(Message::DocumentDate(today)));
    html.raw("</header>\n<main>\n");

    // The urgent numbers first, when the diagnosis raised alerts.
    urgent_numbers(&mut html, &plan.urgent);

    // The objectives.
    html.section_start("objectives", &text(Message::ObjectivesTitle));
    html.raw("<ul class=\"objectives\">\n");
    for objective in &plan.objectives {
        html.raw("<li>\n");
        html.element("h3", &objective_label(objective, locale));
        if let Some(statement) = &objective.statement {
            html.raw("<p class=\"own-words\">");
            html.strong(&text(Message::InYourWords));
            html.raw(" ");
            html.text(statement);
            html.raw("</p>\n");
        }
        html.element("p", &text(Message::ObjectiveState(objective.status)));
        html.raw("</li>\n");
    }
    html.raw("</ul>\n");
    html.section_end();

    // The next steps, by due date.
    html.section_start("next-steps", &text(Message::NextStepsTitle));
    let steps = plan.next_steps();
    if steps.is_empty() {
        html.element("p", &text(Message::NoNextStep));
    } else {
        html.raw("<ol class=\"steps\">\n");
        for action in steps {
            step(&mut html, plan, catalogue, action, today);
        }
        html.raw("</ol>\n");
    }
    html.section_end();

    // The national orientation, indicative, for a person in its scope.
    national(&mut html, plan, today);

    // The next review.
    html.section_start("next-review", &text(Message::NextReviewTitle));
    match plan.next_review {
        Some(date) => html.element("p", &text(Message::LongDate(date))),
        None => html.element("p", &text(Message::NoNextReview)),
    }
    html.section_end();

    // The advisor.
    html.section_start("advisor", &text(Message::AdvisorTitle));
    match &plan.advisor {
        Some(advisor) => contact_details(&mut html, advisor),
        None => html.element("p", &text(Message::NoAdvisor)),
    }
    html.section_end();

    // What is done, briefly.
    let done: Vec<&Action> = plan
        .objectives
        .iter()
        .flat_map(|objective| &objective.actions)
        .filter(|action| action.status == ActionStatus::Done)
        .collect();
    if !done.is_empty() {
        html.section_start("done", &text(Message::DoneTitle));
        html.raw("<ul class=\"done\">\n");
        for action in done {
            html.element("li", &action.title);
        }
        html.raw("</ul>\n");
        html.section_end();
    }

    html.raw("</main>\n<footer>\n");
    html.element("p", &text(Message::PrintPrivacy));
    html.raw("</footer>\n");
    html.finish(&text(Message::PlanTitle))
}

/// The urgent alerts raised, each with what to tell the person and its
/// numbers (a link, shown as text too) with when and at what cost each
/// answers: on paper, in full, never folded.
fn urgent_numbers(html: &mut Html, alerts: &[crate::vocabulary::urgent::UrgentAlert]) {
    if alerts.is_empty() {
        return;
    }
    let locale = html.locale;
    html.section_start("urgent", &Message::UrgentNumbersTitle.text(locale));
    html.raw("<ul class=\"urgent\">\n");
    for alert in alerts {
        html.raw("<li>\n");
        html.strong(alert.text(locale));
        html.raw("\n<ul>\n");
        for contact in alert.contacts(locale) {
            html.raw("<li>");
            // The name starts with the number: the link stays readable
            // on paper.
            match contact.phone.and_then(tel_href) {
                Some(tel) => {
                    let href = match contact.reach {
                        crate::questionnaire::diagnosis::Reach::TextMessage => {
                            tel.replacen("tel:", "sms:", 1)
                        }
                        _ => tel,
                    };
                    html.raw("<a href=\"");
                    html.text(&href);
                    html.raw("\">");
                    html.text(contact.name);
                    html.raw("</a>");
                }
                None => html.text(contact.name),
            }
            html.raw(". ");
            html.text(&contact.availability(locale));
            html.raw("</li>\n");
        }
        html.raw("</ul>\n</li>\n");
    }
    html.raw("</ul>\n");
    html.section_end();
}

/// One step of the print view: what, when ("today" on the day it is
/// printed, an emergency line's day), who, for which objective, and how
/// to reach the partner.
fn step(html: &mut Html, plan: &Plan, catalogue: &Catalogue, action: &Action, today: Date) {
    let locale = plan.locale;
    let text = |message: Message| message.text(locale);
    let contact = contact_of(action, catalogue, locale);
    html.raw("<li class=\"step\">\n");
    html.element("h3", &action.title);
    html.element("p", &text(due(action.due, today)));
    let partner = contact.as_ref().map(|contact| contact.name.as_str());
    html.element(
        "p",
        &text(Message::PrintWho {
            actor: action.actor,
            partner,
        }),
    );
    if let Some(objective) = objective_of(plan, &action.id) {
        let label = objective_label(objective, locale);
        html.element("p", &text(Message::ForObjective { label: &label }));
    }
    if action.status != ActionStatus::Planned {
        html.element("p", &text(Message::ActionState(action.status)));
    }
    if let Some(notes) = &action.notes {
        html.raw("<p class=\"note\">");
        html.strong(&text(Message::NoteLabel));
        html.raw(" ");
        html.text(notes);
        html.raw("</p>\n");
    }
    let entry = action.entry.as_deref().and_then(|id| catalogue.entry(id));
    if let Some(contact) = &contact {
        partner_contact(html, contact, entry.map(|entry| &entry.access), locale);
    }
    if let Some(entry) = entry {
        freshness(html, entry, today, locale);
    }
    html.raw("</li>\n");
}

/// When a catalogue entry was last checked ("Vérifié le 3 décembre
/// 2026"), and the warnings when it may be out of date on `today`: not
/// verified for too long, figures past their dates.
pub(crate) fn freshness(
    html: &mut Html,
    entry: &crate::catalogue::Entry,
    today: Date,
    locale: Locale,
) {
    if entry.stale(today) {
        html.raw("<p class=\"stale\">");
        html.text(
            &Message::Stale {
                months: entry.stale_after_months,
                last_verified: entry.last_verified,
            }
            .text(locale),
        );
        html.raw("</p>\n");
    }
    if let (true, Some(figures)) = (entry.figures_outdated(today), entry.figures_valid) {
        html.raw("<p class=\"figures-outdated\">");
        html.text(
            &Message::FiguresOutdated {
                from: figures.from,
                until: figures.until,
            }
            .text(locale),
        );
        html.raw("</p>\n");
    }
    html.raw("<p class=\"verified\">");
    html.text(&Message::VerifiedOn(entry.last_verified).text(locale));
    html.raw("</p>\n");
}

/// When a step is due, in words: "today" when it is `today`.
pub fn due(date: Option<Date>, today: Date) -> Message<'static> {
    match date {
        Some(date) if date == today => Message::DueToday(date),
        date => Message::Due(date),
    }
}

/// The contact of an action's partner: the one copied in the plan, or,
/// for an action of a catalogue entry without one, the catalogue's.
fn contact_of<'p>(
    action: &'p Action,
    catalogue: &Catalogue,
    locale: Locale,
) -> Option<Cow<'p, PartnerContact>> {
    if let Some(contact) = &action.contact {
        return Some(Cow::Borrowed(contact));
    }
    let entry = catalogue.entry(action.entry.as_deref()?)?;
    Some(Cow::Owned(PartnerContact {
        name: entry.name.get(locale).to_owned(),
        phone: entry.access.phone.clone(),
        email: entry.access.email.clone(),
        url: entry.access.url.clone(),
        details: (entry.access.details.as_ref()).map(|details| details.get(locale).to_owned()),
    }))
}

/// The objective an action belongs to.
fn objective_of<'p>(plan: &'p Plan, action: &str) -> Option<&'p Objective> {
    plan.objectives
        .iter()
        .find(|objective| objective.actions.iter().any(|a| a.id == action))
}

/// An objective's need in words; its theme code when the referential has
/// no label for it.
pub(crate) fn objective_label(objective: &Objective, locale: Locale) -> String {
    theme_label(&objective.theme, locale).map_or_else(|| objective.theme.clone(), str::to_owned)
}

/// How to reach a partner: phone, e-mail, web address, in words; where
/// and when it receives people, from its catalogue entry's `access` when
/// the catalogue still has it (a plan copies only how to reach it).
fn partner_contact(
    html: &mut Html,
    contact: &PartnerContact,
    access: Option<&Access>,
    locale: Locale,
) {
    let text = |message: Message| message.text(locale);
    html.raw("<div class=\"contact\">\n<p>");
    html.strong(&text(Message::ContactOf {
        name: &contact.name,
    }));
    html.raw("</p>\n<ul>\n");
    if let Some(phone) = &contact.phone {
        html.labelled_link(&text(Message::PhoneLabel), tel_href(phone), phone);
    }
    if let Some(email) = &contact.email {
        html.labelled_link(&text(Message::EmailLabel), mailto_href(email), email);
    }
    if let Some(url) = &contact.url {
        html.labelled_link(&text(Message::WebLabel), https_href(url), url);
    }
    if let Some(details) = &contact.details {
        html.raw("<li class=\"details\">");
        html.text(&text(Message::DetailsLabel));
        html.raw(" ");
        html.text(details);
        html.raw("</li>\n");
    }
    if let Some(access) = access {
        reception_items(html, access, locale);
    }
    html.raw("</ul>\n</div>\n");
}

/// Where and when a partner receives people, each a list item: its
/// address (text, never a link, isolated so that a right-to-left page
/// keeps "12 rue…" in its order), its opening hours, and whether one
/// needs an appointment.
pub(crate) fn reception_items(html: &mut Html, access: &Access, locale: Locale) {
    let text = |message: Message| message.text(locale);
    if let Some(address) = &access.address {
        html.raw("<li class=\"address\">");
        html.text(&text(Message::AddressLabel));
        html.raw(" <bdi>");
        html.text(address);
        html.raw("</bdi></li>\n");
    }
    if let Some(hours) = &access.hours {
        html.raw("<li class=\"hours\">");
        html.text(&text(Message::HoursLabel));
        html.raw(" ");
        html.text(hours.get(locale));
        html.raw("</li>\n");
    }
    if let Some(mode) = access.reception {
        html.raw("<li class=\"reception\">");
        html.text(&text(Message::Reception(mode)));
        html.raw("</li>\n");
    }
}

/// The advisor's name, organisation, phone and e-mail.
pub(crate) fn contact_details(html: &mut Html, advisor: &ContactDetails) {
    let locale = html.locale;
    let text = |message: Message| message.text(locale);
    html.raw("<div class=\"contact\">\n<p>");
    html.strong(&advisor.name);
    html.raw("</p>\n<ul>\n");
    if let Some(organisation) = &advisor.organisation {
        html.raw("<li>");
        html.text(&text(Message::OrganisationLabel));
        html.raw(" ");
        html.text(organisation);
        html.raw("</li>\n");
    }
    if let Some(phone) = &advisor.phone {
        html.labelled_link(&text(Message::PhoneLabel), tel_href(phone), phone);
    }
    if let Some(email) = &advisor.email {
        html.labelled_link(&text(Message::EmailLabel), mailto_href(email), email);
    }
    html.raw("</ul>\n</div>\n");
}

// ---------------------------------------------------------------------------
// Safe HTML, shared with the referral sheet.
// ---------------------------------------------------------------------------

/// The style of the printed pages: A4, large type, strong contrast, no
/// external resource (system fonts only).
const STYLE: &str = "\
@page { size: A4; margin: 18mm 16mm; }
html { color: #161616; background: #ffffff; font-family: system-ui, -apple-system, \"Segoe UI\", Roboto, Arial, sans-serif; font-size: 100%; line-height: 1.5; }
body { max-width: 46rem; margin: 0 auto; padding: 1rem; font-size: 1.125rem; overflow-wrap: break-word; hyphens: auto; }
h1 { font-size: 1.75rem; line-height: 1.25; margin: 0 0 .5rem; }
h2 { font-size: 1.375rem; line-height: 1.3; margin: 2rem 0 .75rem; padding-bottom: .25rem; border-bottom: 2px solid #000091; }
h3 { font-size: 1.125rem; margin: 0 0 .25rem; }
p { margin: .25rem 0; }
ul, ol { padding-left: 1.5rem; }
li { margin-bottom: .75rem; }
.contact ul { list-style: none; padding-left: 0; }
.contact li { margin-bottom: .25rem; }
.step { padding: .5rem .75rem; border-left: 4px solid #000091; }
.urgent > li { padding: .5rem .75rem; border-left: 6px solid #ce0500; background: #ffe9e6; }
.own-words, .note, .details, .hours { white-space: pre-line; }
a { color: #000091; text-decoration: underline; overflow-wrap: anywhere; }
footer { margin-top: 2rem; border-top: 1px solid #3a3a3a; padding-top: .5rem; }
@media print {
  body { max-width: none; padding: 0; font-size: 12pt; }
  a { color: #000000; }
  h2, h3 { break-after: avoid; }
  li, .step, .contact { break-inside: avoid; }
}
";

/// A page being written. Markup goes in only as `&'static str` (the
/// code's own literals); every other text is escaped.
pub(crate) struct Html {
    pub(crate) locale: Locale,
    body: String,
}

impl Html {
    pub(crate) fn new(locale: Locale) -> Html {
        Html {
            locale,
            body: String::with_capacity(8 * 1024),
        }
    }

    /// Markup written by this module.
    pub(crate) fn raw(&mut self, markup: &'static str) {
        self.body.push_str(markup);
    }

    /// Text, escaped.
    pub(crate) fn text(&mut self, text: &str) {
        push_escaped(&mut self.body, text);
    }

    /// `<tag>text</tag>`, the text escaped.
    pub(crate) fn element(&mut self, tag: &'static str, text: &str) {
        self.body.push('<');
        self.body.push_str(tag);
        self.body.push('>');
        self.text(text);
        self.body.push_str("</");
        self.body.push_str(tag);
        self.body.push_str(">\n");
    }

    /// `<strong>text</strong>`, inline.
    pub(crate) fn strong(&mut self, text: &str) {
        self.raw("<strong>");
        self.text(text);
        self.raw("</strong>");
    }

    /// A section with its heading (`h2`), labelled by it.
    pub(crate) fn section_start(&mut self, id: &'static str, heading: &str) {
        self.raw("<section aria-labelledby=\"");
        self.raw(id);
        self.raw("\">\n<h2 id=\"");
        self.raw(id);
        self.raw("\">");
        self.text(heading);
        self.raw("</h2>\n");
    }

    pub(crate) fn section_end(&mut self) {
        self.raw("</section>\n");
    }

    /// A list item "label value", the value a link when `href` is safe,
    /// shown as text either way.
    pub(crate) fn labelled_link(&mut self, label: &str, href: Option<String>, shown: &str) {
        self.raw("<li>");
        self.text(label);
        self.raw(" ");
        // A phone number, an address: left to right, even in a
        // right-to-left page ("01 23 45 67 89" not reordered).
        match href {
            Some(href) => {
                self.raw("<a dir=\"ltr\" href=\"");
                self.text(&href);
                self.raw("\">");
                self.text(shown);
                self.raw("</a>");
            }
            None => {
                self.raw("<span dir=\"ltr\">");
                self.text(shown);
                self.raw("</span>");
            }
        }
        self.raw("</li>\n");
    }

    /// The whole document, with this title.
    pub(crate) fn finish(self, title: &str) -> String {
        let mut page = String::with_capacity(self.body.len() + STYLE.len() + 512);
        page.push_str("<!DOCTYPE html>\n<html lang=\"");
        page.push_str(self.locale.tag());
        page.push_str("\" dir=\"");
        page.push_str(self.locale.direction().attribute());
        page.push_str("\">\n<head>\n<meta charset=\"utf-8\">\n");
        page.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        page.push_str("<title>");
        push_escaped(&mut page, title);
        page.push_str("</title>\n<style>\n");
        page.push_str(STYLE);
        page.push_str("</style>\n</head>\n<body>\n");
        page.push_str(&self.body);
        page.push_str("</body>\n</html>\n");
        page
    }
}

/// Appends `text` with `& < > " '` escaped, and control characters other
/// than line breaks and tabs left out.
pub(crate) fn push_escaped(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\n' | '\t' => out.push(c),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_the_five_characters_and_drops_controls() {
        let mut out = String::new();
        push_escaped(&mut out, "<a href=\"x\">Tom & 'Jerry'</a>\u{0}\u{7}\nfin");
        assert_eq!(
            out,
            "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;\nfin"
        );
    }

    #[test]
    fn only_safe_addresses_become_links() {
        assert_eq!(tel_href("39 49").as_deref(), Some("tel:3949"));
        assert_eq!(tel_href("+33 1.23-45").as_deref(), Some("tel:+3312345"));
        assert_eq!(tel_href("3949\" onclick=\"x"), None);
        assert_eq!(tel_href("javascript:alert(1)"), None);
        assert_eq!(
            mailto_href("contact@mission-locale.fr").as_deref(),
            Some("mailto:contact@mission-locale.fr")
        );
        assert_eq!(mailto_href("a@b"), None);
        assert_eq!(mailto_href("x\"@y.fr"), None);
        assert_eq!(mailto_href("a@b.fr?subject=x"), None);
        assert_eq!(
            https_href("https://www.unml.info/").as_deref(),
            Some("https://www.unml.info/")
        );
        assert_eq!(https_href("http://example.org"), None);
        assert_eq!(https_href("javascript:alert(1)"), None);
        assert_eq!(https_href("HTTPS://example.org"), None);
        assert_eq!(https_href("https://x.org/\"onmouseover=alert(1)"), None);
        assert_eq!(https_href("https:///path"), None);
    }

    #[test]
    fn a_partner_s_address_hours_and_reception_follow_its_ways_in() {
        let catalogue = Catalogue::from_json(
            r#"{"format_version": 1, "id": "local", "name": "Local", "entries": [
              {"id": "accueil", "name": {"fr": "Accueil"}, "description": {"fr": "Un accueil."},
               "kind": "service", "types": ["information"],
               "themes": ["equipement-et-alimentation--alimentation"],
               "publics": ["tous-publics"], "zone": {"national": true},
               "access": {"through": ["usagers"], "modes": ["telephoner"], "phone": "01 23 45 67 89",
                          "address": "1 place de la Mairie, 93200 Saint-Denis",
                          "hours": {"fr": "Le mardi matin"}, "reception": "sans-rendez-vous"},
               "cost": "gratuit", "source_url": "https://example.org/", "last_verified": "2026-11-02"}]}"#,
        )
        .unwrap();
        let entry = &catalogue.entries()[0];
        let contact = PartnerContact {
            name: "Accueil".into(),
            phone: entry.access.phone.clone(),
            ..PartnerContact::default()
        };
        let mut html = Html::new(Locale::Fr);
        partner_contact(&mut html, &contact, Some(&entry.access), Locale::Fr);
        let phone = html.body.find("tel:0123456789").unwrap();
        let address = (html.body)
            .find("<li class=\"address\">Adresse\u{a0}: <bdi>1 place de la Mairie, 93200 Saint-Denis</bdi></li>")
            .unwrap_or_else(|| panic!("{}", html.body));
        assert!(phone < address);
        assert!(html
            .body
            .contains("<li class=\"hours\">Horaires\u{a0}: Le mardi matin</li>"));
        assert!(html
            .body
            .contains("<li class=\"reception\">Sans rendez-vous</li>"));
        // Without the catalogue's entry, the plan's copy alone.
        let mut html = Html::new(Locale::Fr);
        partner_contact(&mut html, &contact, None, Locale::Fr);
        assert!(!html.body.contains("address"));
    }

    #[test]
    fn long_dates_in_both_languages() {
        let date = Date::parse("2026-12-01").unwrap();
        assert_eq!(
            Message::LongDate(date).text(Locale::Fr),
            "mardi 1er décembre 2026"
        );
        assert_eq!(
            Message::LongDate(date).text(Locale::En),
            "Tuesday 1 December 2026"
        );
        let date = Date::parse("2026-08-16").unwrap();
        assert_eq!(
            Message::LongDate(date).text(Locale::Fr),
            "dimanche 16 août 2026"
        );
    }
}
