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

    /// A problem with this code at a path made only now.
    pub(crate) fn at(code: &'static str, path: &Path, message: impl Into<String>) -> Problem {
        Problem {
            code,
            path: path.to_string(),
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

/// A JSON path that is written out only when a problem is reported:
/// checking a valid document makes no path strings at all. Each step
/// borrows the path it extends.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Path<'a> {
    /// Where the document (or the part checked) starts: `$`, `$.entries[3]`.
    Root(&'a str),
    /// A field of the object at the path: `.name`.
    Field(&'a Path<'a>, &'a str),
    /// An item of the list at the path: `[2]`.
    Item(&'a Path<'a>, usize),
}

impl<'a> Path<'a> {
    /// The path of field `name` of the object here.
    pub(crate) fn field(&'a self, name: &'a str) -> Path<'a> {
        Path::Field(self, name)
    }

    /// The path of item `index` of the list here.
    pub(crate) fn item(&'a self, index: usize) -> Path<'a> {
        Path::Item(self, index)
    }
}

impl std::fmt::Display for Path<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Path::Root(root) => f.write_str(root),
            Path::Field(parent, name) => write!(f, "{parent}.{name}"),
            Path::Item(parent, index) => write!(f, "{parent}[{index}]"),
        }
    }
}
