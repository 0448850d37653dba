//! A language added by files only speaks in the rules' sentences, the
//! alerts and the themes, and falls back along its chain where its
//! translator has not written yet; French and English stay as they were.

use passerelle_core::diagnosis::UrgentAlert;
use passerelle_core::facts::Facts;
use passerelle_core::rules::Condition;
use passerelle_core::text::{self, Language};
use passerelle_core::theme_labels::theme_label;
use passerelle_core::Locale;

fn esperanto() -> Locale {
    let metadata = |domain: &str| {
        serde_json::json!({"language": "eo", "domain": domain, "translators": ["test"],
            "machine_assisted": false, "reviewed_by_native_speaker": false})
    };
    let file = serde_json::json!({
        "language": {"tag": "eo", "name": "Esperanto", "direction": "ltr", "plural": "en",
            "fallback": ["en", "fr"]},
        "files": {
            "explanations": {"@metadata": metadata("explanations"),
                "age-between": "Havi inter {{min}} kaj {{max}} jarojn",
                "with-person": "{{condition}} — {{person}}",
                "person-age_one": "vi havas {{count}} jaron",
                "person-age_other": "vi havas {{count}} jarojn"},
            "themes": {"@metadata": metadata("themes"), "famille": "Familio"},
            "alerts": {"@metadata": metadata("alerts"),
                "alert-shelter": "Vi ne havas sekuran lokon por dormi ĉi-nokte. Telefonu al 115."},
            "formats": {"@metadata": metadata("formats"), "number-group": "\u{a0}"},
        }
    });
    text::register(Language::from_json(&file.to_string()).unwrap()).unwrap()
}

#[test]
fn a_language_added_by_files_speaks_in_sentences_alerts_and_themes() {
    let eo = esperanto();
    let rule = Condition::parse(
        &serde_json::json!({"age": {"min": 16, "max": 25}}),
        "$",
        &mut Vec::new(),
    )
    .unwrap();
    assert_eq!(&*rule.text(Locale::Fr), "Avoir entre 16 et 25 ans");
    assert_eq!(&*rule.text(eo), "Havi inter 16 kaj 25 jarojn");
    assert_eq!(&*rule.text(Locale::En), "Be between 16 and 25 years old");
    let facts = Facts::from_json(r#"{"age": 22}"#).unwrap();
    let explanations = rule.explain(&facts, eo);
    assert_eq!(
        explanations.all().get(0).unwrap().text(),
        "Havi inter 16 kaj 25 jarojn — vi havas 22 jarojn"
    );
    assert_eq!(theme_label("famille", eo), Some("Familio"));
    // Not written yet: English, the next language of its chain.
    assert_eq!(
        theme_label("difficultes-financieres", eo),
        Some("Money and debts")
    );
    assert_eq!(
        UrgentAlert::Shelter.text(eo),
        "Vi ne havas sekuran lokon por dormi ĉi-nokte. Telefonu al 115."
    );
    assert_eq!(
        UrgentAlert::Food.text(eo),
        UrgentAlert::Food.text(Locale::En)
    );
    assert_eq!(text::euros(1200, eo), "€1\u{a0}200");
}
