//! `cargo xtask size`: the raw and gzipped size of every file of the
//! package, and the total a page loads against the size budget. A report:
//! it fails only when the package cannot be built or measured, never
//! because the budget is exceeded.

use std::fs;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

use crate::breakdown::group;

use crate::package::package_dir;
use crate::{tools, Result};

/// The budget of issue 20: what a page loads before its first question
/// (code, CSS, the page's language, the questionnaire), gzipped; a French
/// page loads exactly [`PAGE_FILES`]. The goal beyond it is [`GOAL_KB`].
const BUDGET_KB: u64 = 250;

/// The goal beyond issue 20's budget (the budget of issue 6).
const GOAL_KB: u64 = 150;

/// The package files a French page loads before its first question:
/// counted in the total. A page whose first element asks questions
/// (`<passerelle-diagnostic>`, `<passerelle-parcours>`) loads the
/// questionnaire's module, not the whole one, which comes after the first
/// question when the page needs it (package.rs, [`crate::package::QUESTIONNAIRE`]).
/// The national catalogue (`data/catalogue.json`)
/// comes after the first question; other languages' files only on a page
/// in that language; the Node entry, `file-protocol.js` (for pages opened
/// as files), types and docs never. `passerelle.js` holds the
/// questionnaire module's glue and `fetch-options.js`, bundled with it
/// (`package.rs`); the whole module's glue, `passerelle_wasm.js`, is a
/// file of its own that comes with the whole module, after the first
/// question (the Node entry imports it and `fetch-options.js` as files).
const PAGE_FILES: &[&str] = &["passerelle_questionnaire_bg.wasm", "passerelle.js"];

/// Bytes in a KB, for the budget and the totals (the stricter reading).
const KB: u64 = 1000;

/// Source files compiled into the wasm with `include_str!`, looked for
/// byte for byte in it (as they are, else minified as the build compiles
/// the default data in, else as the build wrote them with their texts'
/// keys, see [`built_copy`]): (what, folder, extension, in its
/// subfolders too).
pub(crate) const EMBEDDED: &[(&str, &str, &str, bool)] = &[
    ("the CSS", "crates/passerelle-wasm/src", "css", true),
    (
        "the default data",
        "crates/passerelle-core/data",
        "json",
        true,
    ),
    (
        "French texts (core)",
        "crates/passerelle-core/locales/fr",
        "json",
        true,
    ),
    (
        "French texts (widgets)",
        "crates/passerelle-wasm/locales/fr",
        "json",
        true,
    ),
    (
        "English texts (core), fallback of 6 languages",
        "crates/passerelle-core/locales/en",
        "json",
        true,
    ),
    (
        "English texts (widgets)",
        "crates/passerelle-wasm/locales/en",
        "json",
        true,
    ),
    (
        "the language list",
        "crates/passerelle-core/locales",
        "json",
        false,
    ),
];

/// A group of [`EMBEDDED`] and its files, as they are in the module.
pub(crate) type Embedded = (&'static str, Vec<Vec<u8>>);

/// Width of the name column of the tables.
const NAME: usize = 46;

/// Builds the package if needed, then prints the report.
pub fn report(root: &Path) -> Result {
    check_gzip()?;
    let build_tools = tools::ensure_build_tools(root)?;
    crate::package::build(root, &build_tools)?;
    let out = package_dir(root);
    let mut files = Vec::new();
    crate::files::collect(&out, &mut files)?;
    files.sort();

    println!(
        "\n{} (bytes; gzipped with `gzip -9`, each file on its own; sent: the package's \
         precompressed <file>.gz, as a host serving it sends the file)",
        shown(root, &out)
    );
    println!(
        "  {:<NAME$} {:>10} {:>10} {:>10}",
        "file", "raw", "gzipped", "sent"
    );
    let mut total = 0;
    let mut total_gzip = 0;
    let mut wasm_files = Vec::new();
    for file in &files {
        if extension(file) == Some("gz") {
            continue;
        }
        let raw = file_size(file)?;
        let gzipped = gzip_size(file)?;
        let mut precompressed = file.as_os_str().to_owned();
        precompressed.push(".gz");
        let sent = file_size(Path::new(&precompressed)).ok();
        let loaded = PAGE_FILES.iter().any(|name| {
            file.strip_prefix(&out)
                .is_ok_and(|path| path == Path::new(name))
        });
        if loaded {
            total += sent.unwrap_or(gzipped);
            total_gzip += gzipped;
        }
        if extension(file) == Some("wasm") {
            wasm_files.push(file.clone());
        }
        println!(
            "  {:<NAME$} {:>10} {:>10} {:>10}{}",
            shown(&out, file),
            group(raw),
            group(gzipped),
            sent.map_or_else(|| "-".to_owned(), group),
            if loaded { "  *" } else { "" }
        );
    }
    println!(
        "  * loaded by a French page before its first question: counted in the total\n    (data/catalogue.json comes after it; locales/<tag>.json only on a page in that language)"
    );

    for wasm in &wasm_files {
        let name = wasm.file_name().unwrap_or_default().to_string_lossy();
        let Some(module) = crate::package::MODULES
            .into_iter()
            .find(|module| module.wasm() == name)
        else {
            continue;
        };
        println!("\n{} ({})", module.wasm(), module.holds);
        let inside = embedded(root, wasm)?;
        crate::breakdown::report(root, &build_tools, module, &inside, |bytes| {
            gzip_bytes(bytes, wasm)
        })?;
    }

    println!(
        "\ntotal a French page loads before its first question, gzipped: {} bytes = {} (1 KB = 1000 bytes)\n\
         as the package's precompressed files (a host serving them, as the README says); {} with `gzip -9` \
         on the fly",
        group(total),
        kb(total),
        kb(total_gzip)
    );
    for (limit, what) in [(BUDGET_KB, "budget (issue 20)"), (GOAL_KB, "goal")] {
        let limit_bytes = limit * KB;
        if total <= limit_bytes {
            println!(
                "{what}: {limit} KB gzipped: holds, {} to spare",
                kb(limit_bytes - total)
            );
        } else {
            println!(
                "{what}: {limit} KB gzipped: EXCEEDED by {}",
                kb(total - limit_bytes)
            );
        }
    }
    println!("(a report: `cargo xtask size` never fails on size)");
    Ok(())
}

/// Lists the CSS, default data and texts compiled into `wasm`, each
/// gzipped on its own: an indication of their share, already counted in
/// the wasm. Returns them as they are in it, by [`EMBEDDED`] group.
fn embedded(root: &Path, wasm: &Path) -> Result<Vec<Embedded>> {
    let mut inside = Vec::new();
    let module = fs::read(wasm).map_err(|e| format!("cannot read {}: {e}", wasm.display()))?;
    let name = wasm.file_name().unwrap_or_default().to_string_lossy();
    println!(
        "\ninside {name}: the CSS, the default data and the texts, compiled into it with \
         include_str!\n(counted in its size above; each source file gzipped on its own)"
    );
    for &(what, folder, wanted, deep) in EMBEDDED {
        println!("  {what}, from {folder}/");
        let folder = root.join(folder);
        let mut sources = Vec::new();
        if deep {
            crate::files::collect(&folder, &mut sources)?;
        } else {
            sources = fs::read_dir(&folder)
                .map_err(|e| format!("cannot list {}: {e}", folder.display()))?
                .filter_map(|entry| entry.ok().map(|entry| entry.path()))
                .filter(|path| path.is_file())
                .collect();
        }
        sources.sort();
        let (mut raw_total, mut gzipped_total, mut found) = (0, 0, Vec::new());
        for source in sources
            .iter()
            .filter(|source| extension(source) == Some(wanted))
        {
            let label = shown(&folder, source);
            let Some(content) = as_compiled(root, &module, &folder, source)? else {
                println!("    {label:<w$} not in the wasm", w = NAME - 2);
                continue;
            };
            let (raw, gzipped) = (content.len() as u64, gzip_bytes(&content, source)?);
            found.push(content);
            raw_total += raw;
            gzipped_total += gzipped;
            println!(
                "    {label:<w$} {:>10} {:>10}",
                group(raw),
                group(gzipped),
                w = NAME - 2
            );
        }
        println!(
            "    {:<w$} {:>10} {:>10}",
            "total",
            group(raw_total),
            group(gzipped_total),
            w = NAME - 2
        );
        inside.push((what, found));
    }
    Ok(inside)
}

/// `source` as it is in `module`: as it is, minified (the default data),
/// or as the build wrote it (the French documents, with their texts'
/// keys); `None` when it is not in the module.
fn as_compiled(
    root: &Path,
    module: &[u8],
    folder: &Path,
    source: &Path,
) -> Result<Option<Vec<u8>>> {
    let content = fs::read(source).map_err(|e| format!("cannot read {}: {e}", source.display()))?;
    let mut forms = vec![content.clone()];
    if extension(source) == Some("json") {
        forms.push(crate::files::minify(&String::from_utf8_lossy(&content)).into_bytes());
        if folder.ends_with("passerelle-core/data") {
            if let Some(built) = built_copy(root, &shown(folder, source))? {
                forms.push(built);
            }
        }
    }
    Ok(forms.into_iter().find(|form| contains(module, form)))
}

/// The newest copy of a default data file (`path`, under `data/`) that
/// passerelle-core's build script wrote for the WebAssembly build, where
/// the French documents get their texts' keys.
fn built_copy(root: &Path, path: &str) -> Result<Option<Vec<u8>>> {
    let builds = root.join("target/wasm32-unknown-unknown/release/build");
    let Ok(entries) = fs::read_dir(&builds) else {
        return Ok(None);
    };
    let newest = entries
        .filter_map(|entry| entry.ok())
        .filter(|entry| {
            entry
                .file_name()
                .to_string_lossy()
                .starts_with("passerelle-core-")
        })
        .map(|entry| entry.path().join("out/data").join(path))
        .filter(|copy| copy.is_file())
        .max_by_key(|copy| fs::metadata(copy).and_then(|m| m.modified()).ok());
    match newest {
        Some(copy) => fs::read(&copy)
            .map(Some)
            .map_err(|e| format!("cannot read {}: {e}", copy.display())),
        None => Ok(None),
    }
}

/// Whether `needle` occurs in `haystack`, byte for byte.
fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    let Some(&first) = needle.first() else {
        return true;
    };
    haystack
        .iter()
        .enumerate()
        .filter(|(_, byte)| **byte == first)
        .any(|(at, _)| haystack[at..].starts_with(needle))
}

/// Fails early, with what to do, when `gzip` cannot run.
fn check_gzip() -> Result {
    match Command::new("gzip")
        .arg("--version")
        .env("PATH", tools::search_path())
        .output()
    {
        Ok(output) if output.status.success() => Ok(()),
        Ok(output) => Err(format!("`gzip --version` failed ({})", output.status)),
        Err(error) => Err(format!(
            "cannot run gzip ({error}): `cargo xtask size` measures compressed sizes \
             with it; install it (Debian: apt-get install gzip)"
        )),
    }
}

/// The size of `path` compressed with `gzip -9` (`-n`: no name or time in
/// the header, as a web server compresses).
fn gzip_size(path: &Path) -> Result<u64> {
    let content = fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    gzip_bytes(&content, path)
}

/// The size of `content` (from `path`) compressed as [`gzip_size`] does.
fn gzip_bytes(content: &[u8], path: &Path) -> Result<u64> {
    gzip(content, path).map(|compressed| compressed.len() as u64)
}

/// `content` (from `path`) compressed by the system's `gzip -9 -n`.
pub(crate) fn gzip(content: &[u8], path: &Path) -> Result<Vec<u8>> {
    let mut child = Command::new("gzip")
        .args(["-9", "-n", "-c"])
        .env("PATH", tools::search_path())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot run gzip on {}: {e}", path.display()))?;
    // Written from another thread: gzip's output could fill its pipe
    // before all the input is in.
    let mut stdin = child.stdin.take();
    let input = content.to_vec();
    let writer = std::thread::spawn(move || {
        if let Some(stdin) = stdin.as_mut() {
            let _ = stdin.write_all(&input);
        }
    });
    let output = child
        .wait_with_output()
        .map_err(|e| format!("cannot run gzip on {}: {e}", path.display()))?;
    let _ = writer.join();
    if !output.status.success() {
        return Err(format!(
            "gzip failed on {} ({}): {}",
            path.display(),
            output.status,
            String::from_utf8_lossy(&output.stderr).trim()
        ));
    }
    Ok(output.stdout)
}

fn file_size(path: &Path) -> Result<u64> {
    fs::metadata(path)
        .map(|metadata| metadata.len())
        .map_err(|e| format!("cannot read {}: {e}", path.display()))
}

fn extension(path: &Path) -> Option<&str> {
    path.extension().and_then(|ext| ext.to_str())
}

/// `path` relative to `base`, with `/` separators.
fn shown(base: &Path, path: &Path) -> String {
    path.strip_prefix(base)
        .unwrap_or(path)
        .components()
        .map(|part| part.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// Bytes as KB, rounded to one decimal.
fn kb(bytes: u64) -> String {
    let tenths = (bytes * 10 + KB / 2) / KB;
    format!("{}.{} KB", tenths / 10, tenths % 10)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_digits_and_shows_kb() {
        assert_eq!(group(0), "0");
        assert_eq!(group(999), "999");
        assert_eq!(group(1000), "1 000");
        assert_eq!(group(1_135_500), "1 135 500");
        assert_eq!(kb(388_535), "388.5 KB");
        assert_eq!(kb(150_000), "150.0 KB");
        assert_eq!(kb(149_960), "150.0 KB");
        assert_eq!(kb(49), "0.0 KB");
    }

    #[test]
    fn minified_json_is_the_same_value() {
        let text = "{\n  \"a b\": [1, 2],\n  \"c\": \"x \\\" y\"\n}\n";
        assert_eq!(crate::files::minify(text), r#"{"a b":[1,2],"c":"x \" y"}"#);
    }

    #[test]
    fn finds_a_file_inside_a_module() {
        assert!(contains(b"\0asm{\"a\": 1}\0", b"{\"a\": 1}"));
        assert!(!contains(b"\0asm{\"a\": 2}\0", b"{\"a\": 1}"));
        assert!(!contains(b"{\"a\"", b"{\"a\": 1}"));
    }
}
