//! The widgets (custom elements) and what they share: a small DOM
//! builder ([`dom`]), shared parts ([`parts`]), the element life cycle
//! ([`widget`]), the widgets' words, and one folder per widget.
//!
//! Architecture invariant: a widget's folder uses only the shared
//! modules here and `crate::api`, never another widget's internals (the
//! parcours holds the others only through their public widget types).

pub(crate) mod alerts;
#[cfg(feature = "editor")]
pub(crate) mod catalogue_editor;
pub(crate) mod communes;
pub(crate) mod diagnostic;
pub(crate) mod dom;
pub(crate) mod inputs;
pub(crate) mod language_menu;
#[cfg(feature = "full")]
pub(crate) mod national;
#[cfg(feature = "full")]
pub(crate) mod orientation;
pub(crate) mod parcours;
pub(crate) mod parts;
pub(crate) mod persist;
#[cfg(feature = "full")]
pub(crate) mod plan;
#[cfg(any(feature = "full", feature = "editor"))]
pub(crate) mod settle;
#[cfg(feature = "full")]
pub(crate) mod suivi;
pub(crate) mod texts;
pub(crate) mod widget;
pub mod words;
