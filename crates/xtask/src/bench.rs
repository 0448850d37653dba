//! `cargo xtask bench`: the benchmarks. They report times and never fail
//! on speed; they fail only when a comparison's subjects disagree (see
//! bench/run.mjs).

use std::path::Path;
use std::process::Command;

use crate::phases::CHROMIUM_FLAGS;
use crate::{package, tools, workspace_root, Result};

/// Runs the core's benchmarks, then the comparisons of `bench/` against the
/// release package (built first): `--quick` runs only the comparisons'
/// smallest sizes (a smoke run, written to target/bench/, not docs/).
pub fn run(args: &[String]) -> Result {
    let quick = match args {
        [] => false,
        [flag] if flag == "--quick" => true,
        _ => return Err("bench takes only --quick".into()),
    };
    let root = workspace_root();
    if !quick {
        core_benches(&root)?;
    }
    let build = tools::ensure_build_tools(&root)?;
    package::build(&root, &build)?;
    let browser = tools::ensure_browser_tools()?;
    let folder = root.join("bench");
    tools::ensure_npm_packages(&folder)?;
    println!("\n==> Passerelle against the libraries users would pick instead");
    let mut node = Command::new("node");
    node.current_dir(&folder)
        .arg("run.mjs")
        .env("PATH", &build.path)
        .env("PASSERELLE_PKG", package::package_dir(&root))
        .env("PASSERELLE_CHROMIUM", &browser.chromium)
        .env("PASSERELLE_CHROMIUM_FLAGS", CHROMIUM_FLAGS.join(" "));
    if quick {
        node.arg("--quick")
            .arg("--out")
            .arg(root.join("target").join("bench"));
    }
    tools::run(&mut node)
}

/// The benchmarks of the core (orientation, questionnaire), natively and
/// as WebAssembly (wasm32-wasip1, run by Node's WASI in V8).
fn core_benches(root: &Path) -> Result {
    const BENCHES: [&str; 3] = ["orientation", "questionnaire", "limits"];
    let cargo = || {
        let mut command =
            std::process::Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()));
        command.current_dir(root);
        command
    };
    tools::ensure_rust_target("wasm32-wasip1")?;
    for bench in BENCHES {
        println!("\n==> {bench}, native");
        tools::run(cargo().args(["bench", "--package", "passerelle-core", "--bench", bench]))?;
        println!("\n==> {bench}, WebAssembly (wasm32-wasip1 in Node's V8)");
        tools::run(cargo().args([
            "build",
            "--release",
            "--package",
            "passerelle-core",
            "--bench",
            bench,
            "--target",
            "wasm32-wasip1",
        ]))?;
        let deps = root.join("target/wasm32-wasip1/release/deps");
        let prefix = format!("{bench}-");
        let program = std::fs::read_dir(&deps)
            .map_err(|e| format!("cannot list {}: {e}", deps.display()))?
            .filter_map(|entry| entry.ok())
            .filter(|entry| {
                let name = entry.file_name();
                let name = name.to_string_lossy();
                name.starts_with(&prefix) && name.ends_with(".wasm")
            })
            .max_by_key(|entry| entry.metadata().and_then(|m| m.modified()).ok())
            .ok_or_else(|| format!("the wasm benchmark {bench} was not built"))?
            .path();
        tools::run(
            std::process::Command::new("node")
                .args(["--no-warnings", "--single-threaded"])
                .arg(root.join("crates/xtask/wasi-run.mjs"))
                .arg(program)
                .arg("--bench"),
        )?;
    }
    Ok(())
}
