//! What the core's integration tests share: the answers of someone with no
//! difficulty at all, and a situation's answers made from them.

use std::collections::BTreeMap;
use std::path::Path;

use passerelle_core::AnswerValue;
use serde_json::Value;

/// The advisor's scenarios (`tests/advisor-scenarios/`).
pub fn scenarios_folder() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/advisor-scenarios")
}

/// The answers to the default questionnaire of someone with no difficulty
/// (`tests/advisor-scenarios/ordinary.json`).
pub fn ordinary() -> Value {
    let path = scenarios_folder().join("ordinary.json");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let file: Value =
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    file["answers"].clone()
}

/// The ordinary answers with `changes` (a JSON object; `null` removes an
/// answer: the person skips the question).
pub fn answers_with(changes: &Value) -> BTreeMap<String, AnswerValue> {
    let mut all = ordinary();
    for (id, value) in changes.as_object().expect("changes: an object") {
        if value.is_null() {
            all.as_object_mut().expect("an object").remove(id);
        } else {
            all[id] = value.clone();
        }
    }
    serde_json::from_value(all).expect("answers")
}
