//! Builds the npm package: wasm-pack's output and `pkg-templates/`,
//! assembled into `target/pkg`. Skipped when nothing it is made of changed.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::tools::{run, BuildTools};
use crate::Result;

/// Where the package is assembled.
pub fn package_dir(root: &Path) -> PathBuf {
    root.join("target").join("pkg")
}

/// What the package is made of: a change in any of these rebuilds it.
const INPUTS: &[&str] = &[
    "Cargo.toml",
    "Cargo.lock",
    "crates/passerelle-core",
    "crates/passerelle-wasm",
    "crates/xtask/package-lock.json",
    "crates/xtask/src/package.rs",
    "pkg-templates",
];

/// wasm-opt's settings: optimise for size, without inlining functions
/// that have a single caller (that inlining saves 1 % raw but costs 4 %
/// gzipped, with no measurable speed gain in V8: see ARCHITECTURE.md, "The
/// package"); and the WebAssembly features that Rust's wasm32 target uses
/// and every current browser has (wasm-opt also reads them from the
/// module's `target_features` section; these are the floor).
pub const WASM_OPT_FLAGS: &[&str] = &[
    "-Os",
    "--one-caller-inline-max-function-size",
    "0",
    "--enable-reference-types",
    "--enable-bulk-memory",
    "--enable-nontrapping-float-to-int",
    "--enable-sign-ext",
    "--enable-mutable-globals",
    "--enable-multivalue",
];

/// File name of the fingerprint of the inputs the package was built from.
const STAMP: &str = ".build-stamp";

/// Builds the package into [`package_dir`] unless it is up to date.
pub fn build(root: &Path, tools: &BuildTools) -> Result {
    let out = package_dir(root);
    let fingerprint = fingerprint(root, tools)?;
    let stamp = out.join(STAMP);
    if fs::read_to_string(&stamp).is_ok_and(|found| found == fingerprint) {
        println!("xtask: package up to date in {}", out.display());
        return Ok(());
    }
    println!("xtask: building the package");
    let staging = root.join("target").join("wasm-pack");
    // Keep stale files out of the package.
    remove_dir(&staging)?;
    remove_dir(&out)?;
    run(Command::new(&tools.wasm_pack)
        .current_dir(root)
        .args([
            "build",
            "crates/passerelle-wasm",
            "--release",
            "--target",
            "web",
        ])
        .arg("--out-dir")
        .arg(&staging)
        .args([
            "--out-name",
            "passerelle_wasm",
            "--no-pack",
            "--mode",
            "no-install",
        ]))?;
    fs::create_dir_all(&out).map_err(|e| format!("cannot create {}: {e}", out.display()))?;
    for name in ["passerelle_wasm.js", "passerelle_wasm.d.ts"] {
        copy(&staging.join(name), &out.join(name))?;
    }
    let wasm = "passerelle_wasm_bg.wasm";
    run(Command::new(&tools.wasm_opt)
        .arg(staging.join(wasm))
        .arg("-o")
        .arg(out.join(wasm))
        .args(WASM_OPT_FLAGS))?;
    let version = env!("CARGO_PKG_VERSION");
    for entry in read_dir(&root.join("pkg-templates"))? {
        let Some(name) = entry.file_name() else {
            continue;
        };
        let target = out.join(name);
        if name == "package.json" {
            let template = read(&entry)?;
            write(&target, &template.replace("{{version}}", version))?;
        } else {
            copy(&entry, &target)?;
        }
    }
    copy(&root.join("LICENSE"), &out.join("LICENSE"))?;
    copy_communes(root, &out)?;
    write(&stamp, &fingerprint)?;
    println!("xtask: package built in {}", out.display());
    Ok(())
}

/// The commune table, one file per department, into `communes/`: files of
/// the package, fetched by the browser entry only when needed and read
/// from disk by the Node entry; not in the wasm (see
/// `crates/passerelle-core/src/communes.rs`).
fn copy_communes(root: &Path, out: &Path) -> Result {
    let target = out.join("communes");
    fs::create_dir_all(&target).map_err(|e| format!("cannot create {}: {e}", target.display()))?;
    for part in read_dir(&root.join(crate::communes::PARTS))? {
        if part.extension().is_some_and(|ext| ext == "txt") {
            if let Some(name) = part.file_name() {
                copy(&part, &target.join(name))?;
            }
        }
    }
    Ok(())
}

/// A fingerprint of every input file (path and content) and of the tool
/// versions: FNV-1a, 64 bits, enough to notice a change.
fn fingerprint(root: &Path, tools: &BuildTools) -> Result<String> {
    let mut files = Vec::new();
    for input in INPUTS {
        collect_files(&root.join(input), &mut files)?;
    }
    files.sort();
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut feed = |bytes: &[u8]| {
        for byte in bytes {
            hash ^= u64::from(*byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    };
    feed(tools.wasm_pack.to_string_lossy().as_bytes());
    for file in &files {
        let relative = file.strip_prefix(root).unwrap_or(file);
        feed(relative.to_string_lossy().as_bytes());
        feed(&[0]);
        feed(&fs::read(file).map_err(|e| format!("cannot read {}: {e}", file.display()))?);
        feed(&[0]);
    }
    Ok(format!("{hash:016x}"))
}

fn collect_files(path: &Path, files: &mut Vec<PathBuf>) -> Result {
    if path.is_dir() {
        for entry in read_dir(path)? {
            if entry.file_name().is_some_and(|name| name != "target") {
                collect_files(&entry, files)?;
            }
        }
    } else if path.is_file() {
        files.push(path.to_path_buf());
    }
    Ok(())
}

fn read_dir(path: &Path) -> Result<Vec<PathBuf>> {
    let entries = fs::read_dir(path).map_err(|e| format!("cannot list {}: {e}", path.display()))?;
    let mut paths = entries
        .map(|entry| entry.map(|entry| entry.path()))
        .collect::<std::io::Result<Vec<_>>>()
        .map_err(|e| format!("cannot list {}: {e}", path.display()))?;
    paths.sort();
    Ok(paths)
}

fn remove_dir(path: &Path) -> Result {
    match fs::remove_dir_all(path) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
            Err(format!("cannot remove {}: {e}", path.display()))
        }
        _ => Ok(()),
    }
}

fn read(path: &Path) -> Result<String> {
    fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

fn write(path: &Path, text: &str) -> Result {
    fs::write(path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

fn copy(from: &Path, to: &Path) -> Result {
    fs::copy(from, to)
        .map(drop)
        .map_err(|e| format!("cannot copy {} to {}: {e}", from.display(), to.display()))
}
