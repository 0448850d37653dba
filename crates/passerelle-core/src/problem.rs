//! A problem found in an input: a stable code, where, and what to do.

use serde::Serialize;

/// One problem found in an input document, such as a catalogue or facts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    /// Stable code, for programs (`unknown_fact`, `wrong_type`…).
    pub code: &'static str,
    /// Where, as a JSON path (`$.entries[3].eligibility.all[0]`).
    pub path: String,
    /// What is wrong and how to fix it, for the author of the input.
    pub message: String,
}

impl Problem {
    /// A problem with this code at this path.
    pub fn new(code: &'static str, path: &str, message: impl Into<String>) -> Problem {
        Problem {
            code,
            path: path.to_owned(),
            message: message.into(),
        }
    }

    /// The problem of a document that is not valid JSON.
    pub fn json(error: &serde_json::Error) -> Problem {
        Problem::new(
            "invalid_json",
            "$",
            format!(
                "This is not valid JSON (line {}, column {}): {error}",
                error.line(),
                error.column()
            ),
        )
    }
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} [{}]: {}", self.path, self.code, self.message)
    }
}
