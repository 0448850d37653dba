//! The exports layer: the plan's print view, the referral sheet
//! ("fiche de liaison"), the report, and every message of the core
//! gathered under one name. It may use every layer below.

pub mod messages;
mod part;
pub mod print;
pub mod referral;
pub mod report;
