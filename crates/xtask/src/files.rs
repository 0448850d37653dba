//! Files of the package, as several commands read them: every file under
//! a folder, and the minifier the default data is compiled in with.

use std::fs;
use std::path::{Path, PathBuf};

use crate::Result;

/// The minifier passerelle-core's build script compiles the default data
/// with: `cargo xtask size` looks for the data in the module in that form,
/// and the package writes the national catalogue and languages with it.
#[path = "../../passerelle-core/build/minify.rs"]
mod minify_json;
pub use minify_json::minify;

/// Every file under `folder`, recursively, except hidden ones (the
/// package's build stamp).
pub fn collect(folder: &Path, files: &mut Vec<PathBuf>) -> Result {
    let entries =
        fs::read_dir(folder).map_err(|e| format!("cannot list {}: {e}", folder.display()))?;
    for entry in entries {
        let path = entry
            .map_err(|e| format!("cannot list {}: {e}", folder.display()))?
            .path();
        if path
            .file_name()
            .is_some_and(|name| name.to_string_lossy().starts_with('.'))
        {
            continue;
        }
        if path.is_dir() {
            collect(&path, files)?;
        } else if path.is_file() {
            files.push(path);
        }
    }
    Ok(())
}
