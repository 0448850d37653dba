//! An entry's information sheet ("fiche pratique"): one self-contained
//! HTML page a reception desk prints for a person, in their language,
//! about one scheme or service of the catalogue.
//!
//! It holds what the entry says, nothing about the person: its name and
//! description, who it is for (its eligibility conditions as sentences,
//! "Ouvert à tous" without any), where it is available, how to get in
//! (who can ask, phone, e-mail, web, address, opening hours, appointment),
//! its cost, the documents to bring, when it was last verified and its
//! source. Like the print view ([`crate::exports::print`]), the page holds
//! no script and loads nothing; every text of the catalogue is escaped,
//! only `https:`, `tel:` and `mailto:` addresses become links, each shown
//! as text too; every fixed text comes from the message catalogue.
//!
//! ```
//! use passerelle_core::catalogue::Catalogue;
//! use passerelle_core::date::Date;
//! use passerelle_core::entry_sheet::entry_sheet;
//! use passerelle_core::Locale;
//!
//! let catalogue = Catalogue::national();
//! let entry = catalogue.entry("mission-locale").unwrap();
//! let today = Date::parse("2026-12-10").unwrap();
//! let html = entry_sheet(entry, catalogue.communes(), Locale::Fr, today);
//! assert!(html.contains(r#"<html lang="fr" dir="ltr">"#));
//! assert!(html.contains("<h1>Mission locale</h1>"));
//! assert!(html.contains("Vérifié le"));
//! assert!(!html.contains("<script"));
//! ```

use crate::base::date::Date;
use crate::catalogue::Entry;
use crate::exports::messages::Message;
use crate::exports::print::{freshness, https_href, mailto_href, reception_items, tel_href, Html};
use crate::rules::sentences::zone_text_in;
use crate::rules::{Condition, Test};
use crate::text::Locale;
use crate::vocabulary::communes::Communes;

/// The information sheet of `entry` in `locale` (its texts in French
/// where the catalogue has none in that language), its communes named by
/// `communes`, its freshness told as of `today`.
pub fn entry_sheet(entry: &Entry, communes: &Communes, locale: Locale, today: Date) -> String {
    let text = |message: Message| message.text(locale);
    let name = entry.name.get(locale);
    let mut html = Html::new(locale);

    html.raw("<header>\n");
    html.element("p", &text(Message::EntrySheetTitle));
    html.element("h1", name);
    html.element("p", entry.description.get(locale));
    html.raw("</header>\n<main>\n");

    // Who it is for.
    html.section_start("for-whom", &text(Message::EntrySheetForWhom));
    match &entry.eligibility {
        None => html.element("p", &text(Message::EntrySheetOpenToAll)),
        Some(rule) => {
            html.raw("<ul class=\"conditions\">\n");
            match rule.test() {
                // A rule's top-level "all of" is the list itself.
                Test::All(parts) if rule.label().is_none() => {
                    for part in parts {
                        condition(&mut html, part, communes, locale);
                    }
                }
                _ => condition(&mut html, rule, communes, locale),
            }
            html.raw("</ul>\n");
        }
    }
    if let Some(notes) = &entry.eligibility_notes {
        html.raw("<p class=\"details\">");
        html.strong(&text(Message::DetailsLabel));
        html.raw(" ");
        html.text(notes.get(locale));
        html.raw("</p>\n");
    }
    html.section_end();

    // Where.
    html.section_start("where", &text(Message::EntrySheetWhere));
    html.element("p", &zone_text_in(&entry.zone, communes, locale));
    html.section_end();

    // How to get in.
    let access = &entry.access;
    html.section_start("how", &text(Message::EntrySheetHow));
    let through = |who: &str| access.through.iter().any(|given| given == who);
    match (through("usagers"), through("professionnels")) {
        (true, professional) => {
            html.element("p", &text(Message::EntrySheetThroughPerson));
            if professional {
                html.element("p", &text(Message::EntrySheetThroughProfessionalToo));
            }
        }
        (false, _) => html.element("p", &text(Message::EntrySheetThroughProfessionalOnly)),
    }
    html.raw("<div class=\"contact\">\n<ul>\n");
    if let Some(phone) = &access.phone {
        html.labelled_link(&text(Message::PhoneLabel), tel_href(phone), phone);
    }
    if let Some(email) = &access.email {
        html.labelled_link(&text(Message::EmailLabel), mailto_href(email), email);
    }
    if let Some(url) = &access.url {
        html.labelled_link(&text(Message::WebLabel), https_href(url), url);
    }
    if let Some(details) = &access.details {
        html.raw("<li class=\"details\">");
        html.text(&text(Message::DetailsLabel));
        html.raw(" ");
        html.text(details.get(locale));
        html.raw("</li>\n");
    }
    reception_items(&mut html, access, locale);
    html.raw("</ul>\n</div>\n");
    html.section_end();

    // What it costs.
    html.section_start("cost", &text(Message::EntrySheetCostTitle));
    html.element(
        "p",
        &text(Message::EntrySheetCost {
            free: entry.cost == "gratuit",
        }),
    );
    html.section_end();

    // The documents to bring.
    if !entry.documents.is_empty() {
        html.section_start("documents", &text(Message::EntrySheetDocuments));
        html.raw("<ul class=\"documents\">\n");
        for document in &entry.documents {
            html.element("li", document.get(locale));
        }
        html.raw("</ul>\n");
        html.section_end();
    }

    html.raw("</main>\n<footer>\n");
    freshness(&mut html, entry, today, locale);
    html.raw("<ul class=\"contact\">\n");
    html.labelled_link(
        &text(Message::EntrySheetSource),
        https_href(&entry.source_url),
        &entry.source_url,
    );
    html.raw("</ul>\n</footer>\n");
    html.finish(name)
}

/// One condition as a list item: its sentence ("Avoir entre 16 et 25
/// ans"), a zone with its communes named; an unlabelled "all of", "any
/// of" or "not" with its parts listed under it.
fn condition(html: &mut Html, condition: &Condition, communes: &Communes, locale: Locale) {
    html.raw("<li>");
    let labelled = condition.label().is_some();
    match condition.test() {
        Test::InZone(zone) if !labelled => html.text(&zone_text_in(zone, communes, locale)),
        _ => html.text(&condition.text(locale)),
    }
    let parts: &[Condition] = match condition.test() {
        _ if labelled => &[],
        Test::All(parts) | Test::Any(parts) => parts,
        Test::Not(part) => std::slice::from_ref(&**part),
        _ => &[],
    };
    if !parts.is_empty() {
        html.raw("\n<ul>\n");
        for part in parts {
            self::condition(html, part, communes, locale);
        }
        html.raw("</ul>\n");
    }
    html.raw("</li>\n");
}
