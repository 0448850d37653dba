//! The default documents as the library ships them: each text of a French
//! document of `data/` names its key (`"@catalogue": "cej.name"`, see
//! `src/text/overlay.rs`), so that a language registered later finds its
//! translation by it.
//!
//! Shared by the build script (the questionnaire compiled in) and by
//! `cargo xtask package` (the national catalogue, a file of the package:
//! `data/catalogue.json`), so that both write the same document.

use serde_json::Value as Json;

/// `text`, the French document `file` of `data/` (`catalogue.json`,
/// `questionnaire.json`), as compact JSON with each text naming its key.
/// With `english`, the document also says it speaks English (its texts
/// compiled in: the `bundled-english` feature).
pub fn with_keys(file: &str, text: &str, english: bool) -> Result<String, String> {
    let mut document: Json = serde_json::from_str(text).map_err(|e| format!("data/{file}: {e}"))?;
    if english {
        if let Some(Json::Array(locales)) = document.get_mut("locales") {
            if !locales.iter().any(|tag| tag == "en") {
                locales.push(Json::String("en".into()));
            }
        }
    }
    let domain = format!("@{}", file.trim_end_matches(".json"));
    super::overlay::each_text(&mut document, &mut |key, text| {
        text.insert(domain.clone(), Json::String(key.to_owned()));
    });
    Ok(document.to_string())
}
