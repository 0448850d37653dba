//! Finds the tools the build and the tests need, and installs the missing
//! ones: the wasm32 target (rustup), wasm-bindgen-cli at the exact version
//! of Cargo.lock and wasm-pack (cargo install), binaryen's wasm-opt (npm,
//! from `crates/xtask/package-lock.json`), Chromium and ChromeDriver
//! (Debian packages), zip and unzip for `cargo xtask dist` (Debian
//! packages); for fuzzing, the nightly toolchain (rustup) and cargo-fuzz
//! (cargo install).
//!
//! Debian 12's own binaryen (version 108) is not used: it rewrites the
//! export of wasm-bindgen's externref table to the function table, and the
//! module then fails to start in the browser.

use std::env;
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::Result;

pub const WASM_TARGET: &str = "wasm32-unknown-unknown";

/// Paths of the tools the package build needs.
pub struct BuildTools {
    pub wasm_pack: PathBuf,
    pub wasm_opt: PathBuf,
    /// esbuild (npm), which bundles the browser entry with its imports.
    pub esbuild: PathBuf,
    /// terser (npm), which minifies that bundle.
    pub terser: PathBuf,
    /// The `PATH` to give child processes: cargo's bin folder first, so
    /// that tools installed by `cargo install` are found.
    pub path: OsString,
}

/// Paths of the browser tools the tests need.
pub struct BrowserTools {
    pub chromium: PathBuf,
    pub chromedriver: PathBuf,
}

/// cargo's bin folder, where `cargo install` puts programs.
fn cargo_bin() -> PathBuf {
    env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| env::var_os("HOME").map(|home| Path::new(&home).join(".cargo")))
        .unwrap_or_else(|| PathBuf::from(".cargo"))
        .join("bin")
}

/// `PATH` with cargo's bin folder in front, if it is not there already.
pub fn search_path() -> OsString {
    let mut folders: Vec<PathBuf> = env::var_os("PATH")
        .map(|path| env::split_paths(&path).collect())
        .unwrap_or_default();
    let cargo_bin = cargo_bin();
    if !folders.contains(&cargo_bin) {
        folders.insert(0, cargo_bin);
    }
    env::join_paths(folders).unwrap_or_default()
}

/// The first executable called `name` on [`search_path`].
pub fn find(name: &str) -> Option<PathBuf> {
    env::split_paths(&search_path())
        .map(|folder| folder.join(name))
        .find(|candidate| candidate.is_file())
}

/// Runs `command`, failing with its name when it cannot start or fails.
pub fn run(command: &mut Command) -> Result {
    let shown = format!("{command:?}");
    let status = command
        .env("PATH", search_path())
        .status()
        .map_err(|error| format!("could not start {shown}: {error}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{shown} failed ({status})"))
    }
}

/// What `command` prints on stdout, if it runs and succeeds.
fn output(command: &mut Command) -> Option<String> {
    let output = command.env("PATH", search_path()).output().ok()?;
    output
        .status
        .success()
        .then(|| String::from_utf8_lossy(&output.stdout).into_owned())
}

/// The version of `package` recorded in Cargo.lock.
pub fn locked_version(root: &Path, package: &str) -> Result<String> {
    let lock = std::fs::read_to_string(root.join("Cargo.lock"))
        .map_err(|error| format!("cannot read Cargo.lock: {error}"))?;
    let wanted = format!("name = \"{package}\"");
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line.trim() == wanted {
            if let Some(version) = lines
                .next()
                .and_then(|line| line.trim().strip_prefix("version = \""))
                .and_then(|rest| rest.strip_suffix('"'))
            {
                return Ok(version.to_owned());
            }
        }
    }
    Err(format!("{package} is not in Cargo.lock"))
}

/// Installs the wasm32 target, wasm-bindgen-cli (Cargo.lock's version),
/// wasm-pack and wasm-opt when missing.
pub fn ensure_build_tools(root: &Path) -> Result<BuildTools> {
    ensure_wasm_target()?;
    let bindgen_version = locked_version(root, "wasm-bindgen")?;
    ensure_cargo_tool("wasm-bindgen", "wasm-bindgen-cli", Some(&bindgen_version))?;
    let wasm_pack = ensure_cargo_tool("wasm-pack", "wasm-pack", None)?;
    let xtask = root.join("crates").join("xtask");
    ensure_npm_packages(&xtask)?;
    let wasm_opt = xtask.join("node_modules").join(".bin").join("wasm-opt");
    let esbuild = xtask.join("node_modules").join(".bin").join("esbuild");
    let terser = xtask.join("node_modules").join(".bin").join("terser");
    for tool in [&wasm_opt, &esbuild, &terser] {
        if !tool.is_file() {
            return Err(format!("{} is missing after npm ci", tool.display()));
        }
    }
    Ok(BuildTools {
        wasm_pack,
        wasm_opt,
        esbuild,
        terser,
        path: search_path(),
    })
}

/// `npm ci` in `folder`, unless its node_modules came from the same lock file.
pub fn ensure_npm_packages(folder: &Path) -> Result {
    let lock_path = folder.join("package-lock.json");
    let lock = std::fs::read(&lock_path)
        .map_err(|e| format!("cannot read {}: {e}", lock_path.display()))?;
    let stamp = folder.join("node_modules").join(".xtask-package-lock.json");
    if std::fs::read(&stamp).is_ok_and(|installed| installed == lock) {
        return Ok(());
    }
    println!("xtask: installing npm packages in {}", folder.display());
    run(Command::new("npm")
        .current_dir(folder)
        .args(["ci", "--no-audit", "--no-fund"]))?;
    std::fs::write(&stamp, lock).map_err(|e| format!("cannot write {}: {e}", stamp.display()))
}

/// Installs Debian's Chromium and ChromeDriver when missing.
pub fn ensure_browser_tools() -> Result<BrowserTools> {
    ensure_debian_packages(&[
        ("chromium", "chromium"),
        ("chromedriver", "chromium-driver"),
    ])?;
    Ok(BrowserTools {
        chromium: find("chromium").ok_or("chromium is not on the PATH after installing it")?,
        chromedriver: find("chromedriver")
            .ok_or("chromedriver is not on the PATH after installing it")?,
    })
}

/// Installs Debian's `zip` and `unzip` when missing: `cargo xtask dist`
/// writes its zip with the first, the packaging tests open it with the
/// second. Returns the path of `zip`.
pub fn ensure_zip_tools() -> Result<PathBuf> {
    ensure_debian_packages(&[("zip", "zip"), ("unzip", "unzip")])?;
    find("zip").ok_or_else(|| "zip is not on the PATH after installing it".into())
}

fn ensure_wasm_target() -> Result {
    ensure_rust_target(WASM_TARGET)
}

/// Installs a Rust target through rustup when missing.
pub fn ensure_rust_target(target: &str) -> Result {
    let installed = output(Command::new("rustup").args(["target", "list", "--installed"]))
        .ok_or("cannot list rustup targets: is rustup installed?")?;
    if installed.lines().any(|line| line.trim() == target) {
        return Ok(());
    }
    println!("xtask: installing the {target} target");
    run(Command::new("rustup").args(["target", "add", target]))
}

/// The toolchain cargo-fuzz builds with: libFuzzer's instrumentation and
/// the sanitizers need nightly flags.
pub const FUZZ_TOOLCHAIN: &str = "nightly";

/// Installs the nightly toolchain (rustup) and cargo-fuzz (cargo install)
/// when missing.
pub fn ensure_fuzz_tools() -> Result {
    let toolchains = output(Command::new("rustup").args(["toolchain", "list"]))
        .ok_or("cannot list rustup toolchains: is rustup installed?")?;
    let prefix = format!("{FUZZ_TOOLCHAIN}-");
    if !toolchains
        .lines()
        .any(|line| line.starts_with(&prefix) || line.trim() == FUZZ_TOOLCHAIN)
    {
        println!("xtask: installing the {FUZZ_TOOLCHAIN} toolchain");
        run(Command::new("rustup").args([
            "toolchain",
            "install",
            FUZZ_TOOLCHAIN,
            "--profile",
            "minimal",
        ]))?;
    }
    ensure_cargo_tool("cargo-fuzz", "cargo-fuzz", None).map(|_| ())
}

/// Makes sure each `(program, package)` is there, installing the Debian
/// packages of the missing programs in one go.
fn ensure_debian_packages(wanted: &[(&str, &str)]) -> Result {
    let missing: Vec<&str> = wanted
        .iter()
        .filter(|(program, _)| find(program).is_none())
        .map(|(_, package)| *package)
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    println!("xtask: installing Debian packages: {}", missing.join(" "));
    let root = output(Command::new("id").arg("-u")).is_some_and(|uid| uid.trim() == "0");
    let apt = |args: &[&str]| {
        let mut command = if root {
            Command::new("apt-get")
        } else {
            let mut sudo = Command::new("sudo");
            sudo.arg("apt-get");
            sudo
        };
        command.args(args).env("DEBIAN_FRONTEND", "noninteractive");
        run(&mut command)
    };
    apt(&["update", "-q"])?;
    let mut install = vec!["install", "-y", "-q"];
    install.extend(&missing);
    apt(&install)?;
    for (program, package) in wanted {
        if find(program).is_none() {
            return Err(format!(
                "{program} is still missing after installing {package}"
            ));
        }
    }
    Ok(())
}

/// Makes sure `program` is installed (at `version`, if given), through
/// `cargo install crate_name`.
fn ensure_cargo_tool(program: &str, crate_name: &str, version: Option<&str>) -> Result<PathBuf> {
    let installed = find(program).and_then(|path| {
        let printed = output(Command::new(&path).arg("--version"))?;
        // "wasm-bindgen 0.2.130" or "wasm-pack 0.15.1"
        let found = printed.split_whitespace().nth(1)?.to_owned();
        Some((path, found))
    });
    match (installed, version) {
        (Some((path, _)), None) => return Ok(path),
        (Some((path, found)), Some(wanted)) if found == wanted => return Ok(path),
        (Some((_, found)), Some(wanted)) => {
            println!("xtask: {program} {found} found, {wanted} needed (Cargo.lock)")
        }
        (None, _) => {}
    }
    let mut command = Command::new(env::var_os("CARGO").unwrap_or_else(|| "cargo".into()));
    command.args(["install", crate_name]);
    if let Some(version) = version {
        command.args(["--version", &format!("={version}"), "--force"]);
    }
    println!("xtask: installing {crate_name} (a few minutes, once per machine)");
    run(&mut command)?;
    find(program).ok_or_else(|| format!("{program} is not on the PATH after cargo install"))
}
