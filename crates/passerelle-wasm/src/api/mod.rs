//! The JavaScript API: what a page that runs the flow itself calls.
//! Each exported method reads its arguments ([`convert`]), makes one call
//! into the core and converts the result; every failure is an [`error`]
//! `Error` with a stable `code`.
//!
//! Architecture invariant: nothing here knows the widgets (`crate::ui`).

pub(crate) mod convert;
#[cfg(feature = "full")]
pub(crate) mod diagnosis;
#[cfg(feature = "full")]
pub(crate) mod engine;
pub(crate) mod error;
#[cfg(feature = "full")]
pub(crate) mod import;
pub(crate) mod languages;
#[cfg(feature = "full")]
pub(crate) mod local;
pub(crate) mod national;
#[cfg(feature = "full")]
pub(crate) mod plan;
#[cfg(feature = "full")]
pub(crate) mod reasons;
#[cfg(feature = "full")]
pub(crate) mod shared;
