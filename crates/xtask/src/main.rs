//! Build tooling for Passerelle, run as `cargo xtask <command>`.
//!
//! - `cargo xtask demo [--port N]`: installs what is missing, builds the
//!   package and serves the demo site on http://127.0.0.1:8000.
//! - `cargo xtask test`: every check, in order, each phase named and timed.
//! - `cargo xtask package`: installs what is missing and builds the package.
//! - `cargo xtask dist`: builds the package, then writes its npm tarball
//!   and a zip to unpack on a web server into `target/dist/`.
//! - `cargo xtask bench [--quick]`: the benchmarks of the core, then
//!   Passerelle against the libraries users would pick instead, written to
//!   docs/benchmarks.md and docs/benchmarks.json.
//! - `cargo xtask fuzz --seconds N [TARGET…]`: runs each fuzz target of
//!   `fuzz/` for N seconds (cargo-fuzz, nightly), failing on a finding.
//! - `cargo xtask size`: builds the package if needed and reports the size
//!   of its files, raw and gzipped, against the size budget.
//! - `cargo xtask communes [--check]`: makes the commune table of
//!   `crates/passerelle-core/data/communes/` from its pinned npm sources,
//!   or checks that it matches them.
//!
//! Few dependencies (serde_json, zopfli): this crate is compiled before
//! anything else runs, on every fresh machine.

mod bench;
mod breakdown;
mod communes;
mod dist;
mod files;
mod fuzz;
mod package;
mod phases;
mod precompress;
mod server;
mod size;
mod tools;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

const USAGE: &str = "\
usage: cargo xtask <command>

commands:
  demo [--port N]   install what is missing, build the package, serve www/ on
                    http://127.0.0.1:N (default 8000); Ctrl-C stops it
  test              fmt, clippy, native tests, a fuzz smoke run (60 s in all),
                    wasm tests in headless Chromium, package build, end-to-end
                    tests (Playwright + Chromium)
  package           install what is missing and build the package into target/pkg
  dist              build the package, then write into target/dist/ its npm
                    tarball, passerelle-<version>.zip (the files a browser
                    loads, to unpack on a web server) and SHA256SUMS
  bench [--quick]   run the benchmarks (they report times, never fail on speed):
                    the core's, natively and as WebAssembly, then Passerelle
                    against json-logic-js, json-rules-engine and SurveyJS, and
                    its start-up in Chromium, written to docs/benchmarks.md;
                    --quick: the smallest sizes only, a smoke run
  fuzz --seconds N [TARGET...]
                    run each fuzz target of fuzz/ (or those named) for N seconds
                    with cargo-fuzz on the nightly toolchain (installed when
                    missing); fails on a crash, timeout or out-of-memory and
                    prints the input that reproduces it; logs fuzz/runs.tsv
  size              build the package if needed, print each file's size raw and
                    gzipped (gzip -9) and the total a page loads against the
                    150 KB budget (a report: never fails on size)
  communes [--check]
                    make crates/passerelle-core/data/communes/ (one part per
                    department) from the npm packages codes-postaux and
                    @etalab/decoupage-administratif pinned in
                    crates/xtask/communes/; --check: fail if it differs
  help              this text";

/// A failure of a build step, with what to do about it.
pub type Result<T = ()> = std::result::Result<T, String>;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let outcome = match args.first().map(String::as_str) {
        Some("demo") => demo(&args[1..]),
        Some("test") if args.len() == 1 => phases::test(),
        Some("package") if args.len() == 1 => package_only(),
        Some("dist") if args.len() == 1 => dist::run_command(&workspace_root()),
        Some("bench") => bench::run(&args[1..]),
        Some("fuzz") => fuzz::run(&args[1..]),
        Some("size") if args.len() == 1 => size::report(&workspace_root()),
        Some("communes") => communes::run(&workspace_root(), &args[1..]),
        Some("help" | "--help" | "-h") => {
            println!("{USAGE}");
            Ok(())
        }
        _ => Err(format!("unknown command\n\n{USAGE}")),
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask: error: {message}");
            ExitCode::FAILURE
        }
    }
}

fn demo(args: &[String]) -> Result {
    let port = match args {
        [] => 8000,
        [flag, port] if flag == "--port" => port
            .parse::<u16>()
            .map_err(|_| format!("--port takes a number from 0 to 65535, not {port:?}"))?,
        _ => return Err(format!("demo takes only --port N\n\n{USAGE}")),
    };
    let root = workspace_root();
    let tools = tools::ensure_build_tools(&root)?;
    package::build(&root, &tools)?;
    tools::ensure_npm_packages(&root.join("www"))?;
    let server = server::Server::start(&root, port)?;
    println!(
        "Passerelle demo: http://{}/  (Ctrl-C to stop)",
        server.address()
    );
    server.wait();
    Ok(())
}

fn package_only() -> Result {
    let root = workspace_root();
    let tools = tools::ensure_build_tools(&root)?;
    package::build(&root, &tools)
}

/// The workspace root: two levels above this crate's manifest.
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .ancestors()
        .nth(2)
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("."))
}
