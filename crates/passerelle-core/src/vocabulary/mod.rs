//! The vocabulary layer: the facts about a person, geography, the
//! referentials and their theme labels, needs and their priorities, and
//! the urgent services with their numbers and names. It uses only `base`
//! and `text`.

pub mod communes;
pub mod facts;
pub mod geo;
pub mod needs;
pub mod referentials;
pub mod theme_labels;
pub mod urgent;
