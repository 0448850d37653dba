//! An entry's information sheet ("fiche pratique"), as a reception desk
//! prints it for a person: what the entry says, in their language, safe.

use passerelle_core::catalogue::Catalogue;
use passerelle_core::communes::Communes;
use passerelle_core::date::Date;
use passerelle_core::entry_sheet::entry_sheet;
use passerelle_core::text::{self, Language};
use passerelle_core::Locale;

fn today() -> Date {
    Date::parse("2026-12-10").unwrap()
}

fn sheet_of(id: &str, locale: Locale) -> String {
    let catalogue = Catalogue::national();
    let entry = catalogue.entry(id).unwrap();
    entry_sheet(entry, catalogue.communes(), locale, today())
}

/// Arabic, registered from its shipped files (once for this binary).
fn arabic() -> Locale {
    static ARABIC: std::sync::OnceLock<Locale> = std::sync::OnceLock::new();
    *ARABIC.get_or_init(|| {
        let core = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let read = |path: std::path::PathBuf| -> serde_json::Value {
            serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
        };
        let languages = read(core.join("locales/languages.json"));
        let info = (languages.as_array().unwrap().iter())
            .find(|info| info["tag"] == "ar")
            .unwrap()
            .clone();
        let mut files = serde_json::Map::new();
        for root in [
            core.join("locales/ar"),
            core.join("../passerelle-wasm/locales/ar"),
        ] {
            let Ok(entries) = std::fs::read_dir(root) else {
                continue;
            };
            for entry in entries {
                let path = entry.unwrap().path();
                let domain = path.file_stem().unwrap().to_string_lossy().into_owned();
                files.insert(domain, read(path));
            }
        }
        let file = serde_json::json!({"language": info, "files": files});
        text::register(Language::from_json(&file.to_string()).unwrap()).unwrap()
    })
}

/// A local catalogue of one entry: `changes` over a plain service.
fn local_entry(changes: serde_json::Value) -> Catalogue {
    let mut entry = serde_json::json!({
        "id": "epicerie-solidaire", "name": {"fr": "Épicerie solidaire"},
        "description": {"fr": "Des courses à petit prix."},
        "kind": "service", "types": ["aide-materielle"],
        "themes": ["equipement-et-alimentation--alimentation"],
        "publics": ["tous-publics"], "zone": {"communes": ["93066"]},
        "access": {"through": ["professionnels"], "modes": ["se-presenter"]},
        "cost": "payant", "source_url": "https://example.org/epicerie",
        "last_verified": "2026-11-02"
    });
    for (key, value) in changes.as_object().unwrap() {
        entry[key] = value.clone();
    }
    Catalogue::from_json(
        &serde_json::json!({"format_version": 1, "id": "local", "name": "Local", "entries": [entry]})
            .to_string(),
    )
    .unwrap()
}

#[test]
fn a_national_scheme_s_sheet_says_who_it_is_for_how_to_ask_and_when_it_was_checked() {
    let html = sheet_of("contrat-engagement-jeune", Locale::Fr);
    assert!(html.starts_with("<!DOCTYPE html>"), "{html}");
    assert!(html.contains(r#"<html lang="fr" dir="ltr">"#));
    assert!(html.contains("<p>Fiche pratique</p>"), "{html}");
    assert!(
        html.contains("<h1>Contrat d&#39;engagement jeune (CEJ)</h1>"),
        "{html}"
    );
    assert!(html.contains("Un accompagnement intensif de 6 à 12 mois"));
    // Its conditions, as the catalogue words them.
    assert!(html.contains("Pour qui"));
    assert!(
        html.contains("<li>Avoir de 16 à 25 ans, ou jusqu&#39;à 29 ans avec une RQTH</li>"),
        "{html}"
    );
    assert!(html.contains("Ne pas être étudiant ni en formation"));
    assert!(!html.contains("Ouvert à tous"));
    // Where, and how: the person or a professional; the number a link.
    assert!(html.contains("<p>Habiter en France</p>"), "{html}");
    assert!(html.contains("<p>Vous pouvez faire la demande vous-même.</p>"));
    assert!(html.contains("peut aussi la faire pour vous."));
    assert!(html.contains(r#"<a dir="ltr" href="tel:3949">3949</a>"#));
    assert!(html.contains(r#"href="https://www.1jeune1solution.gouv.fr/contrat-engagement-jeune""#));
    assert!(html.contains("C’est gratuit."));
    // When it was checked, and where from.
    assert!(html.contains("Vérifié le 3 décembre 2026"), "{html}");
    assert!(html.contains(r#"href="https://www.service-public.fr/particuliers/vosdroits/F32700""#));
    assert!(!html.contains("<script"));
    // Nothing about a person.
    assert!(!html.contains("vous avez"));
}

#[test]
fn an_entry_without_conditions_is_open_to_all() {
    let html = sheet_of("france-services", Locale::Fr);
    assert!(html.contains("<p>Ouvert à tous</p>"), "{html}");
    assert!(!html.contains("class=\"conditions\""));
    let html = sheet_of("france-services", Locale::En);
    assert!(html.contains(r#"<html lang="en" dir="ltr">"#));
    assert!(html.contains("<p>Open to everyone</p>"), "{html}");
    assert!(html.contains("Who is it for?"));
}

#[test]
fn in_arabic_the_sheet_reads_right_to_left() {
    let ar = arabic();
    let html = sheet_of("contrat-engagement-jeune", ar);
    assert!(html.contains(r#"<html lang="ar" dir="rtl">"#), "{html}");
    assert!(html.contains("لمن؟"), "{html}");
    // A number stays left to right.
    assert!(html.contains(r#"<a dir="ltr" href="tel:3949">3949</a>"#));
}

#[test]
fn where_when_and_how_one_is_received_are_shown() {
    let catalogue = local_entry(serde_json::json!({
        "access": {
            "through": ["professionnels"], "modes": ["se-presenter"],
            "address": "12 rue de la République, 93200 Saint-Denis",
            "hours": {"fr": "Du lundi au vendredi, de 9 h à 12 h",
                      "en": "Monday to Friday, 9 am to noon"},
            "reception": "sur-rendez-vous"
        },
        "documents": [{"fr": "Une attestation de la CAF", "en": "A CAF certificate"}]
    }));
    let communes = Communes::new()
        .with_part("# passerelle-communes 1 93\n93066\tSaint-Denis\t93200 93210\n")
        .unwrap();
    let entry = &catalogue.entries()[0];
    let html = entry_sheet(entry, &communes, Locale::Fr, today());
    assert!(
        html.contains("Adresse\u{a0}: <bdi>12 rue de la République, 93200 Saint-Denis</bdi>"),
        "{html}"
    );
    // Never a link.
    assert!(!html.contains("href=\"12"));
    assert!(
        html.contains("<li class=\"hours\">Horaires\u{a0}: Du lundi au vendredi"),
        "{html}"
    );
    assert!(
        html.contains("<li class=\"reception\">Sur rendez-vous</li>"),
        "{html}"
    );
    assert!(html.contains("<li>Une attestation de la CAF</li>"));
    assert!(html.contains("Documents à apporter"));
    // Only a professional can ask; it is not free; the commune named.
    assert!(
        html.contains("La demande se fait par un professionnel"),
        "{html}"
    );
    assert!(!html.contains("vous-même"));
    assert!(html.contains("C’est payant"));
    assert!(html.contains("<p>Habiter à Saint-Denis</p>"), "{html}");
    let html = entry_sheet(entry, &communes, Locale::En, today());
    assert!(
        html.contains("Opening hours: Monday to Friday, 9 am to noon"),
        "{html}"
    );
    assert!(html.contains("By appointment"));
    assert!(html.contains("A CAF certificate"));
}

#[test]
fn hostile_texts_come_out_escaped() {
    let catalogue = local_entry(serde_json::json!({
        "name": {"fr": "<script>alert(1)</script>"},
        "description": {"fr": "\"><img src=x onerror=alert(1)>"},
        "eligibility": {"to_check": {"fr": "<b onclick=alert(1)>x</b>"}},
        "access": {"through": ["usagers"], "modes": ["se-presenter"],
                   "address": "<iframe src=https://evil.example>",
                   "hours": {"fr": "</li><script>alert(2)</script>"}}
    }));
    let html = entry_sheet(
        &catalogue.entries()[0],
        &Communes::default(),
        Locale::Fr,
        today(),
    );
    for hostile in ["<script", "<img", "<iframe", "<b onclick"] {
        assert!(!html.contains(hostile), "{hostile}: {html}");
    }
    assert!(
        html.contains("<h1>&lt;script&gt;alert(1)&lt;/script&gt;</h1>"),
        "{html}"
    );
    assert!(html.contains("&lt;iframe src=https://evil.example&gt;"));
    // The title too.
    assert!(html.contains("<title>&lt;script&gt;alert(1)&lt;/script&gt;</title>"));
}

#[test]
fn a_sheet_printed_long_after_the_check_warns_that_it_may_be_out_of_date() {
    let catalogue = Catalogue::national();
    let entry = catalogue.entry("mission-locale").unwrap();
    let later = Date::parse("2029-01-01").unwrap();
    let html = entry_sheet(entry, catalogue.communes(), Locale::Fr, later);
    assert!(html.contains("class=\"stale\""), "{html}");
    assert!(html.contains("Vérifié le 3 décembre 2026"));
    let html = entry_sheet(entry, catalogue.communes(), Locale::Fr, today());
    assert!(!html.contains("class=\"stale\""));
}
