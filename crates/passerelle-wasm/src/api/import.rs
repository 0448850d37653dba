//! `DataInclusionImport`: a territory's data·inclusion records imported
//! in chunks (`engine.start_import()`), then loaded into the engine
//! without writing the catalogue as JSON, so that a catalogue larger than
//! one document (16 MiB) still loads.

use std::cell::RefCell;
use std::rc::Rc;

use passerelle_core::import::DataInclusionImport as CoreImport;
use passerelle_core::problem::Problem;
use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::api::convert::{self, to_js};
use crate::api::error::Failure;
use crate::api::local::load_local;

use super::shared::{busy, Shared};

type Result<T, E = JsValue> = std::result::Result<T, E>;

/// An import of data·inclusion service records in chunks, started by
/// `engine.start_import()`: `add(chunk)` for each chunk (JSON lines, a
/// list, or a page of the data·inclusion API, as text or as a value),
/// then `finish()` loads every chunk's entries into the engine as a
/// local catalogue.
#[wasm_bindgen]
pub struct DataInclusionImport {
    engine: Rc<RefCell<Rc<Shared>>>,
    /// `None` once finished.
    import: RefCell<Option<CoreImport>>,
}

impl DataInclusionImport {
    pub(super) fn new(engine: Rc<RefCell<Rc<Shared>>>) -> DataInclusionImport {
        DataInclusionImport {
            engine,
            import: RefCell::new(Some(CoreImport::new())),
        }
    }
}

/// The failure of a call after `finish()`.
fn finished() -> Failure {
    Failure::new(
        "import_finished",
        "This import is finished: start another with engine.start_import()",
    )
}

#[wasm_bindgen]
impl DataInclusionImport {
    /// Adds a chunk of records: JSON lines (one record per line), a JSON
    /// list, or a page of the data·inclusion API (`{items: [...], …}`),
    /// as text or as a value, at most 16 MiB. Returns `{records,
    /// imported, report}` for this chunk: the records read, those
    /// imported, and what was refused or not carried over
    /// (`[{path, code, message}]`, the path placed by chunk and line:
    /// `"chunk 3, line 12: $.id"`). Throws `invalid_records` when the
    /// chunk cannot be read (nothing of it imported),
    /// `import_finished` after `finish()`.
    pub fn add(&self, chunk: JsValue) -> Result<JsValue> {
        let text = convert::document(&chunk, "chunk")?;
        let mut import = self.import.try_borrow_mut().map_err(|_| busy())?;
        let import = import.as_mut().ok_or_else(finished)?;
        let added = import
            .add(&text)
            .map_err(|problems| Failure::problems("invalid_records", "chunk", problems))?;
        #[derive(Serialize)]
        struct Added<'a> {
            records: usize,
            imported: usize,
            report: &'a [Problem],
        }
        Ok(to_js(&Added {
            records: added.records,
            imported: added.imported,
            report: &added.report,
        })?)
    }

    /// Ends the import and loads its entries into the engine as its
    /// local catalogue, as `engine.load_catalogue` does (replacing a
    /// local catalogue loaded before). Returns what `load_catalogue`
    /// returns, `{id, name, fictional, entries, local_entries}`, with
    /// `report`: every chunk's problems. Throws `import_finished` when
    /// called twice.
    pub fn finish(&self) -> Result<JsValue> {
        // An engine in use now would lose the entries taken below.
        drop(self.engine.try_borrow_mut().map_err(|_| busy())?);
        let import = (self.import.try_borrow_mut().map_err(|_| busy())?)
            .take()
            .ok_or_else(finished)?
            .finish();
        let summary = load_local(&self.engine, import.catalogue)?;
        convert::set_own(&summary, "report", &to_js(&import.report)?);
        Ok(summary)
    }
}

impl std::fmt::Debug for DataInclusionImport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DataInclusionImport")
            .finish_non_exhaustive()
    }
}
