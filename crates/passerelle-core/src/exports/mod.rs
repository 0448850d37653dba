//! The exports layer: the plan's print view, the referral sheet
//! ("fiche de liaison"), an entry's information sheet ("fiche
//! pratique"), the report and its CSV, the caseload's agenda
//! as iCalendar, and every message of the core
//! gathered under one name. It may use every layer below.

pub mod calendar;
pub mod entry_sheet;
pub mod messages;
mod part;
pub mod print;
pub mod referral;
pub mod report;
