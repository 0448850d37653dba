//! The JavaScript API: what a page that runs the flow itself calls.
//! Each exported method reads its arguments ([`convert`]), makes one call
//! into the core and converts the result; every failure is an [`error`]
//! `Error` with a stable `code`.
//!
//! Architecture invariant: nothing here knows the widgets (`crate::ui`).

pub(crate) mod convert;
pub(crate) mod diagnosis;
pub(crate) mod engine;
pub(crate) mod error;
pub(crate) mod import;
pub(crate) mod languages;
pub(crate) mod local;
pub(crate) mod national;
pub(crate) mod plan;
pub(crate) mod reasons;
pub(crate) mod shared;
