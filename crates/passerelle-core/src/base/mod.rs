//! The base layer: JSON, limits, problems, dates, sorting and web
//! addresses. It uses nothing else of the crate.

pub mod date;
pub mod json;
pub mod limits;
pub mod links;
pub mod problem;
pub(crate) mod sort;
