//! An import of data·inclusion records given in chunks, so that a
//! department's services (thousands of records of about 2 KB) fit although
//! one document holds at most [`MAX_DOCUMENT_BYTES`] (16 MiB).
//!
//! A chunk is one of:
//! - a JSON list of records (`[{…}, {…}]`);
//! - a page of the data·inclusion API: an object whose `items` is the list
//!   of records. The API's `GET /api/v1/services` answers
//!   `{"items": [...], "total", "page", "size", "pages"}` (its `Page` in
//!   `api/src/data_inclusion/api/utils/pagination.py` of
//!   github.com/gip-inclusion/data-inclusion); the cursor pages of its
//!   exports (`utils/cursor_pagination.py`) also keep the records in
//!   `items`, beside `next_cursor` and `total`. Only `items` is read;
//! - JSON lines: one record per line, blank lines left out.
//!
//! The ids are unique across chunks, and the problems' paths say the chunk
//! and the line or the place in the list: `chunk 3, line 12: $.id`,
//! `chunk 2: $[4].zone_eligibilite[0]`, `chunk 1: $.items[7]`.
//!
//! An import made [`within`](DataInclusionImport::within) a territory
//! keeps only the records that serve it (see `territory.rs`), and counts
//! the others (`outside`), so that an editor can say how many services
//! were left out and why.

use std::collections::HashMap;

use serde_json::Value as Json;

use super::territory::{Serves, Territory};
use super::{entry_of, Import};
use crate::base::json::parse_document;
use crate::base::limits::{document_too_large, MAX_DOCUMENT_BYTES};
use crate::base::problem::Problem;
use crate::catalogue::{Catalogue, Entry};
use crate::rules::conditions::Zone;

/// The most entries one import holds: code `too_many_entries`. A
/// department's services are a few thousand (140,000 nationally for 101
/// departments), a region's about 15,000. Measured through the Node entry
/// (records of about 900 bytes, chunks of 2,000 JSON lines, then
/// `finish()`): 10,000 records take WebAssembly memory to 59 MiB in 0.6 s,
/// 25,000 to 130 MiB in 1.4 s; the catalogue load bench's generated
/// entries, with rules, take 135 MiB for 10,000. Above this a cheap
/// phone's tab risks being killed for its memory.
pub const MAX_IMPORT_ENTRIES: usize = 25_000;

/// What one chunk gave.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ChunkReport {
    /// Records read in the chunk (lines that are not blank, or items).
    pub records: usize,
    /// Records of the chunk imported as entries.
    pub imported: usize,
    /// Records of the chunk left out because they do not serve the
    /// import's territory (0 for an import without one).
    pub outside: usize,
    /// The chunk's records refused, and parts of them not carried over.
    pub report: Vec<Problem>,
}

/// An import of data·inclusion service records in chunks: [`add`] each
/// chunk, then [`finish`] gives the catalogue of every chunk's entries.
///
/// ```
/// use passerelle_core::import::DataInclusionImport;
/// let record = |id: &str| format!(
///     r#"{{"id": "{id}", "nom": "Atelier CV", "description": "Écrire son CV.",
///     "date_maj": "2026-10-01", "type": "atelier", "thematiques": ["numerique--acceder-a-une-connexion-internet"],
///     "frais": "gratuit", "zone_eligibilite": ["93"], "mobilisable_par": ["usagers"],
///     "modes_mobilisation": ["se-presenter"], "lien_source": "https://dora.inclusion.beta.gouv.fr/services/1"}}"#
/// ).replace('\n', " ");
/// let mut import = DataInclusionImport::new();
/// let first = import.add(&format!("{}\n\n{}\n", record("dora--1"), record("dora--2"))).unwrap();
/// assert_eq!((first.records, first.imported), (2, 2));
/// let second = import.add(&format!(r#"{{"items": [{}], "total": 3}}"#, record("dora--2"))).unwrap();
/// assert_eq!(second.imported, 0);
/// assert_eq!(second.report[0].code, "duplicate_id");
/// assert_eq!(second.report[0].path, "chunk 2: $.items[0].id");
/// assert_eq!(import.finish().catalogue.entries().len(), 2);
/// ```
///
/// [`add`]: DataInclusionImport::add
/// [`finish`]: DataInclusionImport::finish
#[derive(Debug, Default)]
pub struct DataInclusionImport {
    entries: Vec<Entry>,
    /// The path of the record that gave each id, to say where a copy is.
    ids: HashMap<String, String>,
    /// Every chunk's problems, in order.
    pub(super) report: Vec<Problem>,
    /// Chunks added so far.
    chunks: usize,
    /// The chunk (counted from 0) where `too_many_entries` was said.
    full_in: Option<usize>,
    /// Only the records that serve it are imported; `None`: every record.
    territory: Option<Territory>,
    /// Records left out because they do not serve the territory.
    pub(super) outside: usize,
}

impl DataInclusionImport {
    /// An import with no chunk yet.
    pub fn new() -> DataInclusionImport {
        DataInclusionImport::default()
    }

    /// An import with no chunk yet that keeps only the records serving
    /// `territory` (a structure's departments and communes, as a
    /// catalogue entry's zone: `{"departments": ["93"], "communes":
    /// ["75056"]}`). A record serves it when its `zone_eligibilite` names
    /// France (`france`, `99100`), a commune or department of the
    /// territory, the department of one of its communes, or a commune or
    /// department of one of its departments or regions; when it has no
    /// such code (none, or EPCI and foreign codes only), when its own
    /// commune (`code_insee`) is in the territory. The others are counted
    /// (`outside`), not reported; a record whose place cannot be told
    /// (no usable zone, no `code_insee`) is reported (`unknown_territory`)
    /// and not imported.
    ///
    /// ```
    /// use passerelle_core::import::DataInclusionImport;
    /// use passerelle_core::rules::Zone;
    /// let mut problems = Vec::new();
    /// let territory = serde_json::json!({"departments": ["93"]});
    /// let territory = Zone::parse(&territory, "$", &mut problems).unwrap();
    /// let record = |id: &str, zone: &str| format!(
    ///     r#"{{"id": "{id}", "nom": "Atelier CV", "description": "Écrire son CV.",
    ///     "date_maj": "2026-10-01", "type": "atelier", "thematiques": ["numerique--acceder-a-une-connexion-internet"],
    ///     "frais": "gratuit", "zone_eligibilite": {zone}, "mobilisable_par": ["usagers"],
    ///     "modes_mobilisation": ["se-presenter"], "lien_source": "https://dora.inclusion.beta.gouv.fr/services/1"}}"#
    /// ).replace('\n', " ");
    /// let mut import = DataInclusionImport::within(&territory);
    /// let chunk = [
    ///     record("dora--1", r#"["93066"]"#),  // Saint-Denis
    ///     record("dora--2", r#"["94"]"#),     // Val-de-Marne
    ///     record("dora--3", r#"["france"]"#),
    ///     record("dora--4", "null"),
    /// ].join("\n");
    /// let report = import.add(&chunk).unwrap();
    /// assert_eq!((report.records, report.imported, report.outside), (4, 2, 1));
    /// assert_eq!(report.report[0].code, "unknown_territory");
    /// assert_eq!(import.finish().outside, 1);
    /// ```
    pub fn within(territory: &Zone) -> DataInclusionImport {
        DataInclusionImport {
            territory: Some(Territory::of(territory)),
            ..DataInclusionImport::default()
        }
    }

    /// Entries imported so far.
    pub fn entries(&self) -> usize {
        self.entries.len()
    }

    /// Adds a chunk: a JSON list of records, a page of the data·inclusion
    /// API (`{"items": [...], …}`) or JSON lines. Each record is imported
    /// as [`super::import_data_inclusion`] does; a line that is not JSON is
    /// reported and the others imported. Refuses the whole chunk (nothing
    /// of it imported, and its number not taken) when it is over
    /// [`MAX_DOCUMENT_BYTES`] (`document_too_large`), when a list or page
    /// is not JSON or over a limit, when it is neither records nor a page
    /// (`wrong_type`), and when no line of it is JSON.
    pub fn add(&mut self, chunk: &str) -> Result<ChunkReport, Vec<Problem>> {
        let place = format!("chunk {}", self.chunks + 1);
        let refused = |problem: Problem| vec![at(&place, problem)];
        if chunk.len() > MAX_DOCUMENT_BYTES {
            return Err(refused(document_too_large(chunk.len())));
        }
        let mut report = ChunkReport::default();
        let start = chunk.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']);
        // A list or a page is one document; JSON lines are not (a single
        // line is both, and read as one record or one page).
        let whole = if start.starts_with('[') {
            Some(parse_document(chunk).map_err(refused)?)
        } else {
            parse_document(chunk).ok()
        };
        match whole {
            Some(Json::Array(records)) => {
                for (i, record) in records.iter().enumerate() {
                    self.read(record, format!("{place}: $[{i}]"), &mut report);
                }
            }
            Some(Json::Object(page)) if page.contains_key("items") => {
                let Some(Json::Array(records)) = page.get("items") else {
                    return Err(refused(Problem::new(
                        "wrong_type",
                        "$.items",
                        "The items of a page are a JSON list of data·inclusion service records.",
                    )));
                };
                for (i, record) in records.iter().enumerate() {
                    self.read(record, format!("{place}: $.items[{i}]"), &mut report);
                }
            }
            Some(record @ Json::Object(_)) => {
                let line = chunk[..chunk.len() - start.len()].matches('\n').count() + 1;
                self.read(&record, format!("{place}, line {line}: $"), &mut report);
            }
            Some(_) => {
                return Err(refused(Problem::new(
                    "wrong_type",
                    "$",
                    "Expected data·inclusion service records: a JSON list, a page \
                     ({\"items\": [...]}) or JSON lines (one record per line).",
                )))
            }
            None => {
                let mut parsed = 0;
                for (n, line) in chunk.lines().enumerate() {
                    let line = line.trim_start_matches('\u{feff}');
                    if line.trim().is_empty() {
                        continue;
                    }
                    let place = format!("{place}, line {}", n + 1);
                    match parse_document(line) {
                        Ok(record) => {
                            parsed += 1;
                            self.read(&record, format!("{place}: $"), &mut report);
                        }
                        Err(problem) => {
                            report.records += 1;
                            report.report.push(at(&place, problem));
                        }
                    }
                }
                if parsed == 0 && report.records > 0 {
                    // Not one line is JSON: a document, not JSON lines.
                    if let Err(problem) = parse_document(chunk) {
                        return Err(refused(problem));
                    }
                }
            }
        }
        self.chunks += 1;
        self.report.extend_from_slice(&report.report);
        Ok(report)
    }

    /// Reads one record at `path` into the import, reporting in `chunk`.
    pub(super) fn read(&mut self, record: &Json, path: String, chunk: &mut ChunkReport) {
        chunk.records += 1;
        if let (Some(territory), Some(fields)) = (&self.territory, record.as_object()) {
            match territory.serves(fields) {
                Serves::Yes => {}
                Serves::No => {
                    chunk.outside += 1;
                    self.outside += 1;
                    return;
                }
                Serves::Unknown => {
                    chunk.report.push(Problem::new(
                        "unknown_territory",
                        &path,
                        "Not imported: where this service is cannot be told (no commune, \
                         department or France in zone_eligibilite, and no code_insee). \
                         Give its zone at its source, or add it by hand.",
                    ));
                    return;
                }
            }
        }
        if self.entries.len() >= MAX_IMPORT_ENTRIES {
            // Said once per chunk, at the first record left out.
            if self.full_in != Some(self.chunks) {
                self.full_in = Some(self.chunks);
                chunk.report.push(Problem::new(
                    "too_many_entries",
                    &path,
                    format!(
                        "Not imported, from this record to the end: an import holds at most \
                         {MAX_IMPORT_ENTRIES} entries. Import fewer records (one territory)."
                    ),
                ));
            }
            return;
        }
        let Some(entry) = entry_of(record, &path, &mut chunk.report) else {
            return;
        };
        if let Some(first) = self.ids.get(&entry.id) {
            chunk.report.push(Problem::new(
                "duplicate_id",
                &format!("{path}.id"),
                format!(
                    "Another record already gives the id {} ({first}).",
                    entry.id
                ),
            ));
            return;
        }
        self.ids.insert(entry.id.clone(), path);
        self.entries.push(entry);
        chunk.imported += 1;
    }

    /// The catalogue of every chunk's entries, in the order read, and
    /// every chunk's report.
    pub fn finish(self) -> Import {
        Import {
            catalogue: Catalogue::new(
                "data-inclusion-import".into(),
                "Import data·inclusion".into(),
                false,
                self.entries,
            ),
            report: self.report,
            outside: self.outside,
        }
    }
}

/// `problem` with its path placed in a chunk: `chunk 3: $.items`.
fn at(place: &str, mut problem: Problem) -> Problem {
    problem.path = format!("{place}: {}", problem.path);
    problem
}
