//! `cargo xtask test`: every check, in order, each phase named and timed,
//! with the number of tests each test phase ran.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::tools::{self, run, search_path, BrowserTools, BuildTools, WASM_TARGET};
use crate::{package, server, workspace_root, Result};

/// Flags that make Debian's Chromium run headless as root on a machine
/// with a closed network, for both the wasm tests and the Playwright tests.
pub const CHROMIUM_FLAGS: &[&str] = &[
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
];

/// The fuzz smoke run's length, shared by every target.
const FUZZ_SMOKE_SECONDS: u64 = 60;

/// Tests counted in one phase's output.
#[derive(Default, Clone, Copy)]
struct Counts {
    passed: u32,
    failed: u32,
}

/// The phases run so far, for the summary.
#[derive(Default)]
struct Report {
    phases: Vec<(&'static str, Duration, Option<Counts>)>,
}

impl Report {
    /// Runs one phase, printing its name and duration.
    fn phase<T>(&mut self, name: &'static str, body: impl FnOnce() -> Result<T>) -> Result<T> {
        println!("\n==> {name}");
        let started = Instant::now();
        let outcome = body();
        let took = started.elapsed();
        match &outcome {
            Ok(_) => println!("<== {name}: ok in {:.1}s", took.as_secs_f64()),
            Err(_) => println!("<== {name}: FAILED after {:.1}s", took.as_secs_f64()),
        }
        self.phases.push((name, took, None));
        outcome.map_err(|error| format!("phase {name} failed: {error}"))
    }

    /// Runs one phase that runs tests, and fails it if it ran none.
    fn test_phase(&mut self, name: &'static str, body: impl FnOnce() -> Result<Counts>) -> Result {
        let counts = self.phase(name, || {
            let counts = body()?;
            println!(
                "    {name}: {} passed, {} failed",
                counts.passed, counts.failed
            );
            if counts.passed + counts.failed == 0 {
                return Err("no test ran".into());
            }
            Ok(counts)
        })?;
        if let Some(last) = self.phases.last_mut() {
            last.2 = Some(counts);
        }
        Ok(())
    }

    fn summary(&self) {
        println!("\nsummary:");
        let mut total = Counts::default();
        for (name, took, counts) in &self.phases {
            let tests = match counts {
                Some(c) => {
                    total.passed += c.passed;
                    total.failed += c.failed;
                    format!("{} tests passed", c.passed)
                }
                None => String::new(),
            };
            println!("  {name:<12} {:>7.1}s  {tests}", took.as_secs_f64());
        }
        println!("xtask: {} passed, {} failed", total.passed, total.failed);
    }
}

pub fn test() -> Result {
    let root = workspace_root();
    let mut report = Report::default();
    let (build, browser) = report.phase("setup", || {
        Ok((
            tools::ensure_build_tools(&root)?,
            tools::ensure_browser_tools()?,
        ))
    })?;
    report.phase(
        "fmt",
        || run(cargo(&root).args(["fmt", "--all", "--check"])),
    )?;
    report.phase("clippy", || {
        run(cargo(&root).args([
            "clippy",
            "--workspace",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ]))?;
        run(cargo(&root).args([
            "clippy",
            "--package",
            "passerelle-wasm",
            "--all-targets",
            "--target",
            WASM_TARGET,
            "--",
            "-D",
            "warnings",
        ]))?;
        // The questionnaire's module: the crate without its feature `full`.
        run(cargo(&root).args([
            "clippy",
            "--package",
            "passerelle-wasm",
            "--lib",
            "--no-default-features",
            "--target",
            WASM_TARGET,
            "--",
            "-D",
            "warnings",
        ]))
    })?;
    report.test_phase("native-tests", || {
        counted(cargo(&root).args(["test", "--workspace"]))
    })?;
    report.test_phase("fuzz", || {
        // One passed per target that ran its share of the minute clean.
        let passed = crate::fuzz::smoke(&root, FUZZ_SMOKE_SECONDS)?;
        Ok(Counts { passed, failed: 0 })
    })?;
    report.test_phase("wasm-tests", || wasm_tests(&root, &browser))?;
    report.phase("package", || package::build(&root, &build))?;
    report.test_phase("e2e", || end_to_end(&root, &build, &browser))?;
    report.test_phase("packaging", || packaging(&root, &build, &browser))?;
    report.summary();
    Ok(())
}

fn cargo(root: &Path) -> Command {
    let mut command = Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()));
    command.current_dir(root);
    command
}

/// wasm-bindgen-test tests of `passerelle-wasm`, in headless Chromium
/// driven by Debian's ChromeDriver.
fn wasm_tests(root: &Path, browser: &BrowserTools) -> Result<Counts> {
    let runner = tools::find("wasm-bindgen-test-runner")
        .ok_or("wasm-bindgen-test-runner is missing: it comes with wasm-bindgen-cli")?;
    let capabilities = root.join("target").join("webdriver.json");
    let args: Vec<String> = CHROMIUM_FLAGS
        .iter()
        .map(|flag| format!("{flag:?}"))
        .collect();
    let json = format!(
        "{{\"goog:chromeOptions\": {{\"binary\": {:?}, \"args\": [{}]}}}}\n",
        browser.chromium.display().to_string(),
        args.join(", ")
    );
    std::fs::create_dir_all(root.join("target")).map_err(|e| e.to_string())?;
    std::fs::write(&capabilities, json).map_err(|e| format!("cannot write webdriver.json: {e}"))?;
    counted(
        cargo(root)
            .args([
                "test",
                "--package",
                "passerelle-wasm",
                "--target",
                WASM_TARGET,
            ])
            .env("CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER", runner)
            .env("CHROMEDRIVER", &browser.chromedriver)
            .env("WASM_BINDGEN_TEST_WEBDRIVER_JSON", &capabilities)
            .env("WASM_BINDGEN_TEST_TIMEOUT", "120"),
    )
}

/// The Playwright tests under tests/e2e, against www/ served on 127.0.0.1.
fn end_to_end(root: &Path, build: &BuildTools, browser: &BrowserTools) -> Result<Counts> {
    let tests = root.join("tests");
    tools::ensure_npm_packages(&tests)?;
    tools::ensure_npm_packages(&root.join("www"))?;
    let server = server::Server::start(root, 0)?;
    let artifacts = tests.join("artifacts");
    std::fs::create_dir_all(&artifacts).map_err(|e| format!("cannot create artifacts: {e}"))?;
    let outcome = counted(
        Command::new("node")
            .current_dir(&tests)
            .args(["--test", "--test-reporter=spec", "e2e/"])
            .env("PATH", &build.path)
            .env("PASSERELLE_URL", format!("http://{}/", server.address()))
            .env("PASSERELLE_CHROMIUM", &browser.chromium)
            .env("PASSERELLE_CHROMIUM_FLAGS", CHROMIUM_FLAGS.join(" "))
            .env("PASSERELLE_ARTIFACTS", &artifacts),
    );
    server.stop();
    outcome
}

/// The package as its users load it (tests/packaging): the Node entry with
/// a whole flow, every example of docs/js-api.md, and the TypeScript types
/// checked by `tsc` on a sample consumer, the tarball of `npm pack`
/// installed offline, and the package in headless Chromium: as static
/// files on a plain page, and bundled by Vite; what `cargo xtask dist`
/// writes (written here once: the tarball installed, the zip unpacked
/// and served, its page opened as a file); and a quick run of the
/// benchmarks (bench/), whose comparisons check that the libraries agree.
fn packaging(root: &Path, build: &BuildTools, browser: &BrowserTools) -> Result<Counts> {
    let tests = root.join("tests");
    tools::ensure_npm_packages(&tests)?;
    tools::ensure_npm_packages(&root.join("bench"))?;
    crate::dist::write(root)?;
    counted(
        Command::new("node")
            .current_dir(&tests)
            .args(["--test", "--test-reporter=spec", "packaging/"])
            .env("PATH", &build.path)
            .env(
                "PASSERELLE_PKG",
                root.join("target").join("pkg").join("node.js"),
            )
            .env("PASSERELLE_DIST", crate::dist::dist_dir(root))
            .env("PASSERELLE_CHROMIUM", &browser.chromium)
            .env("PASSERELLE_CHROMIUM_FLAGS", CHROMIUM_FLAGS.join(" ")),
    )
}

/// Runs a test command, echoing its output and counting the tests it
/// reports (cargo's `test result:` lines, node's `pass`/`fail` lines).
fn counted(command: &mut Command) -> Result<Counts> {
    let shown = format!("{command:?}");
    let mut child = command
        .env("PATH", search_path())
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| format!("could not start {shown}: {e}"))?;
    let mut counts = Counts::default();
    if let Some(stdout) = child.stdout.take() {
        for line in BufReader::new(stdout).lines() {
            let line = line.map_err(|e| format!("cannot read the output of {shown}: {e}"))?;
            println!("{line}");
            count_line(&line, &mut counts);
        }
    }
    let status = child.wait().map_err(|e| format!("{shown}: {e}"))?;
    if status.success() {
        Ok(counts)
    } else {
        Err(format!("{shown} failed ({status})"))
    }
}

fn count_line(line: &str, counts: &mut Counts) {
    let number_after = |text: &str, word: &str| -> Option<u32> {
        let (before, _) = text.split_once(word)?;
        before.split_whitespace().last()?.parse().ok()
    };
    if let Some(result) = line.trim().strip_prefix("test result: ") {
        counts.passed += number_after(result, " passed").unwrap_or(0);
        counts.failed += number_after(result, " failed").unwrap_or(0);
        return;
    }
    // node --test: "ℹ pass 3" (spec reporter) or "# pass 3" (TAP).
    let trimmed = line.trim_start_matches(['ℹ', '#', ' ']);
    let number = |word: &str| trimmed.strip_prefix(word)?.trim().parse::<u32>().ok();
    if let Some(n) = number("pass ") {
        counts.passed += n;
    } else if let Some(n) = number("fail ") {
        counts.failed += n;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_cargo_and_node_summaries() {
        let mut counts = Counts::default();
        for line in [
            "test result: ok. 12 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out",
            "test result: FAILED. 3 passed; 2 failed; 0 ignored",
            "ℹ pass 4",
            "ℹ fail 1",
            "# pass 2",
            "test passing_things ... ok",
        ] {
            count_line(line, &mut counts);
        }
        assert_eq!((counts.passed, counts.failed), (21, 3));
    }
}
