//! Errors as they cross into JavaScript: an `Error` with a stable `code`,
//! a `message` and a `details` array of `{path, code, message}` (empty
//! when there is nothing more to say than the message).

use std::borrow::Cow;

use passerelle_core::problem::Problem;
use wasm_bindgen::JsValue;

/// One problem of an input, as listed in an error's `details`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Detail {
    /// Where, as a JSON path into the input (`$.entries[3].id`).
    pub path: String,
    /// Stable code of the problem.
    pub code: Cow<'static, str>,
    /// What is wrong.
    pub message: String,
}

impl From<Problem> for Detail {
    fn from(problem: Problem) -> Detail {
        Detail {
            path: problem.path,
            code: Cow::Borrowed(problem.code),
            message: problem.message,
        }
    }
}

/// An error on its way to JavaScript, built in Rust so that functions can
/// return it before any JavaScript object exists.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Failure {
    /// Stable code (`invalid_argument`, `answer_out_of_range`…).
    pub code: Cow<'static, str>,
    /// The error in words: localised where the core has the message.
    pub message: String,
    /// Every problem found, for inputs checked as a whole.
    pub details: Vec<Detail>,
}

impl Failure {
    /// An error with this code and message and no details.
    pub(crate) fn new(code: impl Into<Cow<'static, str>>, message: impl Into<String>) -> Failure {
        Failure {
            code: code.into(),
            message: message.into(),
            details: Vec::new(),
        }
    }

    /// An argument of the wrong type or shape.
    pub(crate) fn argument(message: impl Into<String>) -> Failure {
        Failure::new("invalid_argument", message)
    }

    /// An input refused with every problem found; the message names what
    /// was read and quotes the first problem.
    pub(crate) fn problems(code: &'static str, what: &str, problems: Vec<Problem>) -> Failure {
        let message = match problems.first() {
            Some(first) if problems.len() == 1 => format!("{what}: {first}"),
            Some(first) => format!(
                "{what}: {} problems (see details); the first: {first}",
                problems.len()
            ),
            None => format!("{what} was refused"),
        };
        Failure {
            code: Cow::Borrowed(code),
            message,
            details: problems.into_iter().map(Detail::from).collect(),
        }
    }

    /// This error with one detail added.
    pub(crate) fn with_detail(
        mut self,
        path: &str,
        code: impl Into<Cow<'static, str>>,
        message: impl Into<String>,
    ) -> Failure {
        self.details.push(Detail {
            path: path.to_owned(),
            code: code.into(),
            message: message.into(),
        });
        self
    }
}

/// A JavaScript `Error` whose `message` is `message`, whose `code`
/// property is `code` and whose `details` is an empty array.
pub(crate) fn js_error(code: &str, message: &str) -> JsValue {
    Failure::new(Cow::Owned(code.to_owned()), message).into()
}
