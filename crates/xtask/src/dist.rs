//! `cargo xtask dist`: the package as a web team takes it, no Rust needed,
//! written into `target/dist/`:
//!
//! - the npm tarball, `npm pack` of the package folder
//!   (`passerelle-insertion-passerelle-<version>.tgz`), to
//!   `npm install` or publish as it is;
//! - `passerelle-<version>.zip`, to unpack on a web server: one folder,
//!   `passerelle-<version>/`, holding the files a browser loads (the shim,
//!   the glue, the `.wasm`, `locales/`, `communes/`, the classic
//!   `file-protocol.js`), README, LICENSE and NOTICE, and `example.html`, a
//!   page that shows the parcours once served; not the Node entry, the
//!   types or package.json;
//! - `SHA256SUMS`, the checksums of both, as `sha256sum -c` reads them.
//!
//! The zip is written by Debian's `zip`, installed when missing; like the
//! tarball, it is the same, byte for byte, each time the same package is
//! zipped.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::package::package_dir;
use crate::tools;
use crate::Result;

/// Where the tarball and the zip are written.
pub fn dist_dir(root: &Path) -> PathBuf {
    root.join("target").join("dist")
}

/// Files of the package folder left out of the zip: the Node entry and
/// `fetch-options.js`, which it imports (a browser gets it bundled in
/// `passerelle.js`), and what serves only tools (types,
/// custom-elements.json, package.json). Everything else is a file a
/// browser may fetch, and goes in: the whole module's glue
/// (`passerelle_wasm.js`) too, which `passerelle.js` imports when it
/// loads that module.
const NOT_FOR_BROWSERS: &[&str] = &[
    "node.js",
    "fetch-options.js",
    "node.d.ts",
    "passerelle.d.ts",
    "engine.d.ts",
    "passerelle_wasm.d.ts",
    "passerelle_editor.d.ts",
    "vault.d.ts",
    "custom-elements.json",
    "package.json",
];

/// The page put at the top of the zip's folder.
const EXAMPLE_PAGE: &str = "crates/xtask/dist/example.html";

/// `cargo xtask dist`: installs what is missing, builds the package if it
/// changed, then writes the tarball and the zip.
pub fn run_command(root: &Path) -> Result {
    let build = tools::ensure_build_tools(root)?;
    crate::package::build(root, &build)?;
    write(root)
}

/// Writes the tarball, the zip and their checksums from the package
/// folder, which must be built. Returns nothing; prints what it wrote.
pub fn write(root: &Path) -> Result {
    let zip = tools::ensure_zip_tools()?;
    let package = package_dir(root);
    let version = env!("CARGO_PKG_VERSION");
    let out = dist_dir(root);
    remove_dir(&out)?;
    fs::create_dir_all(&out).map_err(|e| format!("cannot create {}: {e}", out.display()))?;

    // The npm tarball, as `npm publish` would send it.
    let packed = output(
        Command::new("npm")
            .current_dir(&out)
            .arg("pack")
            .arg(&package)
            .args(["--pack-destination", "."])
            .args(["--json", "--ignore-scripts", "--no-audit", "--no-fund"]),
    )?;
    let tarball = packed
        .split("\"filename\": \"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .filter(|name| out.join(name).is_file())
        .ok_or_else(|| format!("npm pack wrote no tarball it named: {packed}"))?
        .to_owned();

    // The zip: one folder named after the package and its version.
    let folder = format!("passerelle-{version}");
    let staging = root.join("target").join("dist-staging");
    remove_dir(&staging)?;
    let top = staging.join(&folder);
    copy_for_browsers(&package, &top)?;
    copy(&root.join(EXAMPLE_PAGE), &top.join("example.html"))?;
    let archive = format!("{folder}.zip");
    write_zip(&zip, &staging, &folder, &out.join(&archive))?;
    remove_dir(&staging)?;

    let sums = output(
        Command::new("sha256sum")
            .current_dir(&out)
            .args([&tarball, &archive]),
    )?;
    fs::write(out.join("SHA256SUMS"), sums)
        .map_err(|e| format!("cannot write {}: {e}", out.join("SHA256SUMS").display()))?;
    println!("xtask: {}", out.join(&tarball).display());
    println!("xtask: {}", out.join(&archive).display());
    Ok(())
}

/// The date every file of the zip bears (2000-01-01, UTC): the same
/// package makes the same zip, byte for byte, whenever and wherever it is
/// written, so that its checksum can be checked against a build of one's
/// own. (npm pack's tarball is made so by npm.)
const ZIP_DATE: u64 = 946_684_800;

/// Zips `folder` of `staging` into `archive` with Debian's `zip`: its
/// files in the order of their paths, all dated [`ZIP_DATE`], no
/// directory entries (unzip makes them), no extra attributes.
fn write_zip(zip: &Path, staging: &Path, folder: &str, archive: &Path) -> Result {
    let mut files = Vec::new();
    list_files(&staging.join(folder), &mut files)?;
    let date = std::time::UNIX_EPOCH + std::time::Duration::from_secs(ZIP_DATE);
    let mut names = String::new();
    for file in &files {
        fs::File::options()
            .write(true)
            .open(file)
            .and_then(|opened| opened.set_modified(date))
            .map_err(|e| format!("cannot date {}: {e}", file.display()))?;
        let name = file.strip_prefix(staging).unwrap_or(file);
        names.push_str(&name.to_string_lossy());
        names.push('\n');
    }
    let mut child = Command::new(zip)
        .current_dir(staging)
        // zip writes local times: the same in every time zone.
        .env("TZ", "UTC")
        .args(["-q", "-X", "-D", "-9"])
        .arg(archive)
        .arg("-@")
        .stdin(std::process::Stdio::piped())
        .spawn()
        .map_err(|e| format!("could not start {}: {e}", zip.display()))?;
    if let Some(mut input) = child.stdin.take() {
        use std::io::Write;
        input
            .write_all(names.as_bytes())
            .map_err(|e| format!("cannot give zip its file names: {e}"))?;
    }
    let status = child.wait().map_err(|e| format!("zip: {e}"))?;
    if !status.success() {
        return Err(format!(
            "zip failed ({status}) writing {}",
            archive.display()
        ));
    }
    Ok(())
}

/// Every file under `folder`, in the order of their paths.
fn list_files(folder: &Path, files: &mut Vec<PathBuf>) -> Result {
    for entry in read_dir(folder)? {
        let path = entry.path();
        if path.is_dir() {
            list_files(&path, files)?;
        } else {
            files.push(path);
        }
    }
    Ok(())
}

/// Copies the package folder into `to`, but for [`NOT_FOR_BROWSERS`]
/// (and their `.gz`) and hidden files (the build stamp).
fn copy_for_browsers(package: &Path, to: &Path) -> Result {
    if !package.join("passerelle.js").is_file() {
        return Err(format!(
            "{} holds no package: run `cargo xtask package` first",
            package.display()
        ));
    }
    fs::create_dir_all(to).map_err(|e| format!("cannot create {}: {e}", to.display()))?;
    for entry in read_dir(package)? {
        let name = entry.file_name().to_string_lossy().into_owned();
        // A file left out leaves out its precompressed `.gz` too.
        let file = name.strip_suffix(".gz").unwrap_or(&name);
        if name.starts_with('.') || NOT_FOR_BROWSERS.contains(&file) {
            continue;
        }
        copy_tree(&entry.path(), &to.join(&name))?;
    }
    Ok(())
}

fn copy_tree(from: &Path, to: &Path) -> Result {
    if from.is_dir() {
        fs::create_dir_all(to).map_err(|e| format!("cannot create {}: {e}", to.display()))?;
        for entry in read_dir(from)? {
            copy_tree(&entry.path(), &to.join(entry.file_name()))?;
        }
        Ok(())
    } else {
        copy(from, to)
    }
}

/// The entries of `folder`, sorted by name.
fn read_dir(folder: &Path) -> Result<Vec<fs::DirEntry>> {
    let mut entries = fs::read_dir(folder)
        .and_then(|entries| entries.collect::<std::io::Result<Vec<_>>>())
        .map_err(|e| format!("cannot list {}: {e}", folder.display()))?;
    entries.sort_by_key(fs::DirEntry::file_name);
    Ok(entries)
}

fn copy(from: &Path, to: &Path) -> Result {
    fs::copy(from, to)
        .map(drop)
        .map_err(|e| format!("cannot copy {} to {}: {e}", from.display(), to.display()))
}

fn remove_dir(path: &Path) -> Result {
    match fs::remove_dir_all(path) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
            Err(format!("cannot remove {}: {e}", path.display()))
        }
        _ => Ok(()),
    }
}

/// What `command` prints, failing with its error output when it fails.
fn output(command: &mut Command) -> Result<String> {
    let shown = format!("{command:?}");
    let output = command
        .env("PATH", tools::search_path())
        .output()
        .map_err(|e| format!("could not start {shown}: {e}"))?;
    if !output.status.success() {
        return Err(format!(
            "{shown} failed ({}): {}",
            output.status,
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    String::from_utf8(output.stdout).map_err(|e| format!("{shown}: {e}"))
}
