//! `cargo xtask communes [--check]`: the commune table of
//! `crates/passerelle-core/data/communes/`, one part per department,
//! made from its build-time sources (the npm packages `codes-postaux` and
//! `@etalab/decoupage-administratif`, pinned in
//! `crates/xtask/communes/package-lock.json`) by
//! `crates/xtask/communes/generate.mjs`. With `--check`, the table is made
//! in `target/communes-check/` and compared with the one in the
//! repository: a difference fails, naming the files.
//!
//! The parts are committed, so that the native tests have them and the
//! package build needs no network; run this after changing a source's
//! version.

use std::path::Path;
use std::process::Command;

use crate::tools;
use crate::Result;

/// Where the parts are, from the workspace root.
pub const PARTS: &str = "crates/passerelle-core/data/communes";

pub fn run(root: &Path, args: &[String]) -> Result {
    let check = match args {
        [] => false,
        [flag] if flag == "--check" => true,
        _ => return Err("communes takes only --check".into()),
    };
    let sources = root.join("crates/xtask/communes");
    tools::ensure_npm_packages(&sources)?;
    let out = if check {
        root.join("target/communes-check")
    } else {
        root.join(PARTS)
    };
    tools::run(
        Command::new("node")
            .current_dir(&sources)
            .arg("generate.mjs")
            .arg(&out),
    )?;
    if check {
        compare(&out, &root.join(PARTS))?;
        println!("xtask: the commune table matches its sources");
    }
    Ok(())
}

/// Fails when the two folders do not hold the same generated files (the
/// parts and `manifest.json`; not the NOTICE), byte for byte.
fn compare(made: &Path, committed: &Path) -> Result {
    let names = |folder: &Path| -> Result<Vec<String>> {
        let mut names: Vec<String> = std::fs::read_dir(folder)
            .map_err(|e| format!("cannot read {}: {e}", folder.display()))?
            .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
            .filter(|name| name.ends_with(".txt") || name == "manifest.json")
            .collect();
        names.sort();
        Ok(names)
    };
    let (made_names, committed_names) = (names(made)?, names(committed)?);
    let mut differ: Vec<String> = Vec::new();
    for name in made_names.iter().chain(&committed_names) {
        if differ.contains(name) {
            continue;
        }
        let same = match (
            std::fs::read(made.join(name)),
            std::fs::read(committed.join(name)),
        ) {
            (Ok(a), Ok(b)) => a == b,
            _ => false,
        };
        if !same {
            differ.push(name.clone());
        }
    }
    if differ.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "{} differs from its sources in: {} (run `cargo xtask communes`)",
            PARTS,
            differ.join(", ")
        ))
    }
}
