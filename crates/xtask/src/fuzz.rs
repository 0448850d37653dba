//! `cargo xtask fuzz --seconds N [TARGET…]`: the fuzz targets of `fuzz/`
//! (cargo-fuzz, libFuzzer, on the nightly toolchain), each run for N
//! seconds, one after the other. A crash, a timeout or an out-of-memory
//! fails the run with the path of the input that reproduces it. Each
//! run's numbers are appended to `fuzz/runs.tsv`.
//!
//! Every target starts from its working corpus (`fuzz/corpus/<target>/`,
//! not committed), the committed seeds (`fuzz/seeds/<target>/`) and the
//! test fixtures that fit it (copied into the working corpus).

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use crate::{tools, workspace_root, Result};

/// The fuzz targets, in the order they run, each with the test fixtures
/// (paths from the workspace root) that seed it.
pub const TARGETS: &[(&str, &[&str])] = &[
    (
        "catalogue",
        &[
            "crates/passerelle-core/data/catalogue.json",
            "crates/passerelle-core/data/catalogue-demo-local.json",
            "crates/passerelle-core/tests/fixtures/broken-catalogue.json",
        ],
    ),
    (
        "questionnaire",
        &[
            "crates/passerelle-core/data/questionnaire.json",
            "tests/e2e/site/questionnaire-all-kinds.json",
        ],
    ),
    ("answers", &[]),
    ("snapshot", &[]),
    (
        "plan",
        &["crates/passerelle-core/tests/fixtures/plan-v1.json"],
    ),
    ("data_inclusion", &[]),
    ("orientation", &[]),
    (
        "caseload",
        &["crates/passerelle-core/tests/fixtures/caseload-v1.json"],
    ),
];

/// Memory a target may use (libFuzzer's `-rss_limit_mb`) and the time one
/// input may take (`-timeout`, seconds) before it counts as a finding.
const RSS_LIMIT_MB: u32 = 2048;
const TIMEOUT_SECONDS: u32 = 10;

/// What one target's run gave.
pub struct Run {
    pub target: &'static str,
    pub seconds: u64,
    pub executions: u64,
    pub corpus: u64,
    /// The kind of finding (`crash`, `timeout`, `oom`, `leak`…) and the
    /// input that reproduces it.
    pub finding: Option<(String, String)>,
}

/// `cargo xtask fuzz --seconds N [TARGET…]`.
pub fn run(args: &[String]) -> Result {
    let mut seconds = None;
    let mut chosen = Vec::new();
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--seconds" => {
                let value = args.next().ok_or("--seconds takes a number")?;
                seconds = Some(
                    value
                        .parse::<u64>()
                        .ok()
                        .filter(|&n| n > 0)
                        .ok_or_else(|| {
                            format!("--seconds takes a number above 0, not {value:?}")
                        })?,
                );
            }
            name => chosen.push(
                TARGETS
                    .iter()
                    .find(|(target, _)| *target == name)
                    .ok_or_else(|| {
                        let names: Vec<&str> = TARGETS.iter().map(|(t, _)| *t).collect();
                        format!("no fuzz target {name:?}: {}", names.join(", "))
                    })?,
            ),
        }
    }
    let seconds = seconds.ok_or("fuzz needs --seconds N")?;
    if chosen.is_empty() {
        chosen = TARGETS.iter().collect();
    }
    let root = workspace_root();
    prepare(&root)?;
    let mut failed = Vec::new();
    for (target, fixtures) in chosen {
        let corpus = root.join("fuzz").join("corpus").join(target);
        let run = run_target(&root, target, fixtures, seconds, &corpus)?;
        log(&root, &run)?;
        if let Some((kind, input)) = run.finding {
            failed.push(format!("{target}: {kind}, reproduce with {input}"));
        }
    }
    if failed.is_empty() {
        Ok(())
    } else {
        Err(format!("fuzzing found:\n  {}", failed.join("\n  ")))
    }
}

/// The smoke run of `cargo xtask test`: every target for its share of
/// `total` seconds (at least one second each), not logged. Returns how
/// many ran clean; fails on the first finding.
///
/// It starts from the seeds and fixtures only, in a corpus of its own
/// (`target/fuzz-smoke/`, emptied first): libFuzzer runs every input of
/// its corpus before `-max_total_time` applies, so the working corpus,
/// which grows with each `cargo xtask fuzz`, would make it ever longer.
pub fn smoke(root: &Path, total: u64) -> Result<u32> {
    prepare(root)?;
    let each = (total / TARGETS.len() as u64).max(1);
    let corpora = root.join("target").join("fuzz-smoke");
    if corpora.exists() {
        std::fs::remove_dir_all(&corpora)
            .map_err(|e| format!("cannot empty {}: {e}", corpora.display()))?;
    }
    let mut clean = 0;
    for (target, fixtures) in TARGETS {
        let run = run_target(root, target, fixtures, each, &corpora.join(target))?;
        if let Some((kind, input)) = run.finding {
            return Err(format!(
                "fuzz target {target}: {kind}, reproduce with {input}"
            ));
        }
        clean += 1;
    }
    Ok(clean)
}

/// Installs cargo-fuzz and the nightly toolchain when missing, and builds
/// every target.
fn prepare(root: &Path) -> Result {
    tools::ensure_fuzz_tools()?;
    println!("xtask: building the fuzz targets (nightly, with sanitizers)");
    tools::run(nightly(root).args(["fuzz", "build"]))
}

/// `cargo +nightly` in `root`, without what the stable cargo running
/// xtask set for its children.
fn nightly(root: &Path) -> Command {
    let mut command = Command::new("cargo");
    command
        .current_dir(root)
        .arg("+nightly")
        .env_remove("RUSTUP_TOOLCHAIN")
        .env_remove("CARGO")
        .env_remove("RUSTC")
        .env_remove("RUSTDOC");
    command
}

/// Runs one target for `seconds` on `corpus` (where the inputs it finds
/// go) and its seeds, echoing libFuzzer's summary lines.
fn run_target(
    root: &Path,
    target: &'static str,
    fixtures: &[&str],
    seconds: u64,
    corpus: &Path,
) -> Result<Run> {
    let fuzz = root.join("fuzz");
    let seeds = fuzz.join("seeds").join(target);
    let artifacts = fuzz.join("artifacts").join(target);
    for folder in [corpus, &seeds, &artifacts] {
        std::fs::create_dir_all(folder)
            .map_err(|e| format!("cannot create {}: {e}", folder.display()))?;
    }
    for fixture in fixtures {
        let from = root.join(fixture);
        let name = format!("fixture-{}", fixture.replace('/', "-"));
        std::fs::copy(&from, corpus.join(name))
            .map_err(|e| format!("cannot copy the seed {}: {e}", from.display()))?;
    }
    println!("\n--> fuzz {target} for {seconds} s");
    let mut command = nightly(root);
    command
        .args(["fuzz", "run", target])
        .arg(corpus)
        .arg(&seeds)
        .arg("--")
        .arg(format!("-max_total_time={seconds}"))
        .arg(format!("-rss_limit_mb={RSS_LIMIT_MB}"))
        .arg(format!("-timeout={TIMEOUT_SECONDS}"))
        .arg(format!("-artifact_prefix={}/", artifacts.display()))
        .arg("-print_final_stats=1")
        .env("PATH", tools::search_path())
        .stdout(Stdio::inherit())
        .stderr(Stdio::piped());
    let shown = format!("{command:?}");
    let started = Instant::now();
    let mut child = command
        .spawn()
        .map_err(|e| format!("could not start {shown}: {e}"))?;
    let mut run = Run {
        target,
        seconds,
        executions: 0,
        corpus: 0,
        finding: None,
    };
    // The last lines, shown when the target fails.
    let mut tail: Vec<String> = Vec::new();
    if let Some(stderr) = child.stderr.take() {
        for line in BufReader::new(stderr).lines() {
            let line = line.map_err(|e| format!("cannot read the output of {shown}: {e}"))?;
            read_line(&line, &mut run);
            if is_summary(&line) {
                println!("    {line}");
            }
            tail.push(line);
            if tail.len() > 60 {
                tail.remove(0);
            }
        }
    }
    let status = child.wait().map_err(|e| format!("{shown}: {e}"))?;
    let took = started.elapsed();
    if run.finding.is_none() && !status.success() {
        eprintln!("{}", tail.join("\n"));
        return Err(format!(
            "{shown} failed ({status}) without writing an input"
        ));
    }
    if let Some((kind, input)) = &run.finding {
        eprintln!("{}", tail.join("\n"));
        println!("    {target}: {kind} found, the input is {input}");
    }
    println!(
        "<-- {target}: {} executions in {:.0} s, corpus {} inputs, {}",
        run.executions,
        took.as_secs_f64(),
        run.corpus,
        match &run.finding {
            Some((kind, _)) => kind.as_str(),
            None => "nothing found",
        }
    );
    Ok(run)
}

/// Lines of libFuzzer worth echoing: the end, and what went wrong.
fn is_summary(line: &str) -> bool {
    line.contains("DONE ")
        || line.contains("INITED ")
        || line.starts_with("SUMMARY:")
        || line.starts_with("==")
        || line.contains("panicked at")
        || line.contains("Test unit written to")
        || line.starts_with("Done ")
}

/// Takes what `line` of libFuzzer's output tells into `run`.
fn read_line(line: &str, run: &mut Run) {
    let number = |text: &str| text.trim().parse::<u64>().ok();
    if let Some(n) = line
        .strip_prefix("stat::number_of_executed_units:")
        .and_then(number)
    {
        run.executions = n;
    } else if let Some(corpus) = line.split_once(" corp: ") {
        // "#123	DONE   cov: 456 ft: 789 corp: 42/3Kb …"
        if let Some(n) = corpus.1.split('/').next().and_then(number) {
            run.corpus = n;
        }
        if let Some(n) = line
            .strip_prefix('#')
            .and_then(|rest| rest.split_whitespace().next())
            .and_then(number)
        {
            run.executions = run.executions.max(n);
        }
    } else if let Some(path) = line.split_once("Test unit written to ") {
        // "artifact_prefix='…'; Test unit written to …/crash-<sha1>"
        let path = path.1.trim().to_owned();
        let name = Path::new(&path)
            .file_name()
            .map(|name| name.to_string_lossy().into_owned())
            .unwrap_or_default();
        let kind = name.split('-').next().unwrap_or("crash").to_owned();
        run.finding = Some((kind, path));
    }
}

/// Appends one run to `fuzz/runs.tsv` (its header first, if new).
fn log(root: &Path, run: &Run) -> Result {
    let path: PathBuf = root.join("fuzz").join("runs.tsv");
    let new = !path.exists();
    let mut file = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(&path)
        .map_err(|e| format!("cannot open {}: {e}", path.display()))?;
    let mut text = String::new();
    if new {
        text.push_str("date\ttarget\tseconds\texecutions\tcorpus\tfindings\n");
    }
    let findings = match &run.finding {
        Some((kind, input)) => format!("{kind} {input}"),
        None => "0".into(),
    };
    text.push_str(&format!(
        "{}\t{}\t{}\t{}\t{}\t{}\n",
        today(),
        run.target,
        run.seconds,
        run.executions,
        run.corpus,
        findings
    ));
    file.write_all(text.as_bytes())
        .map_err(|e| format!("cannot write {}: {e}", path.display()))
}

/// Today's date (UTC) as `YYYY-MM-DD`, from the system clock.
fn today() -> String {
    let days = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or(Duration::ZERO)
        .as_secs()
        / 86_400;
    civil_date(days as i64)
}

/// The date `days` after 1970-01-01 (Howard Hinnant's `civil_from_days`).
fn civil_date(days: i64) -> String {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z.rem_euclid(146_097);
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let mp = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_from_days() {
        assert_eq!(civil_date(0), "1970-01-01");
        assert_eq!(civil_date(11_016), "2000-02-29");
        assert_eq!(civil_date(20_784), "2026-11-27");
    }

    #[test]
    fn reads_libfuzzer_output() {
        let mut run = Run {
            target: "plan",
            seconds: 1,
            executions: 0,
            corpus: 0,
            finding: None,
        };
        read_line(
            "#2048\tpulse  cov: 10 ft: 12 corp: 3/1Kb exec/s: 0",
            &mut run,
        );
        read_line(
            "#31337\tDONE   cov: 2011 ft: 9046 corp: 812/201Kb lim: 4096 exec/s: 1030 rss: 480Mb",
            &mut run,
        );
        assert_eq!((run.executions, run.corpus), (31_337, 812));
        read_line("stat::number_of_executed_units: 31340", &mut run);
        assert_eq!(run.executions, 31_340);
        assert!(run.finding.is_none());
        read_line(
            "artifact_prefix='fuzz/artifacts/plan/'; Test unit written to fuzz/artifacts/plan/timeout-3f2a",
            &mut run,
        );
        assert_eq!(
            run.finding,
            Some(("timeout".into(), "fuzz/artifacts/plan/timeout-3f2a".into()))
        );
    }
}
