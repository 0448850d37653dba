//! Eligibility rules: a small typed condition tree, evaluated in
//! three-valued logic, with an explanation in words.
//!
//! The JSON syntax is documented in `docs/catalogue-format.md`.
//! [`Condition::parse`] reads it and checks it against the facts
//! vocabulary; [`Condition::evaluate`] gives met, not met or unknown (with
//! the facts still missing); [`Condition::explain`] says why, condition by
//! condition, quoting the person's values.

pub mod conditions;
pub mod explanation;
pub mod messages;
pub(crate) mod program;
pub mod sentences;

pub use conditions::*;
