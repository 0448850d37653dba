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
    "crates/xtask/src/precompress.rs",
    "crates/xtask/src/files.rs",
    "crates/xtask/first-words.mjs",
    "pkg-templates",
];

/// wasm-opt's settings: optimise for size, without inlining functions
/// that have a single caller (that inlining saves 1 % raw but costs 4 %
/// gzipped, with no measurable speed gain in V8: see docs/size.md);
/// knowing that the first KB of memory holds nothing (Rust puts the stack
/// first, growing down from 1 MiB, so those bytes are used only by a
/// stack a KB short of overflowing): constant offsets then fold into the
/// loads and stores (1.1 KB less gzipped); and
/// the WebAssembly features that Rust's wasm32 target uses
/// and every current browser has (wasm-opt also reads them from the
/// module's `target_features` section; these are the floor).
pub const WASM_OPT_FLAGS: &[&str] = &[
    "-Os",
    "--one-caller-inline-max-function-size",
    "0",
    "--low-memory-unused",
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
    // Two `cargo xtask` building at once would write over each other's
    // files (a stamp left over a half-built package): one builds, the
    // other waits, then finds the package up to date.
    let _lock = BuildLock::take(&root.join("target").join("pkg.lock"))?;
    let out = package_dir(root);
    let fingerprint = fingerprint(root, tools)?;
    let stamp = out.join(STAMP);
    if fs::read_to_string(&stamp).is_ok_and(|found| found == fingerprint) {
        println!("xtask: package up to date in {}", out.display());
        return Ok(());
    }
    println!("xtask: building the package");
    remove_dir(&out)?;
    fs::create_dir_all(&out).map_err(|e| format!("cannot create {}: {e}", out.display()))?;
    for module in MODULES {
        build_module(root, tools, module, &out)?;
    }
    let version = env!("CARGO_PKG_VERSION");
    for entry in read_dir(&root.join("pkg-templates"))? {
        let Some(name) = entry.file_name() else {
            continue;
        };
        let target = out.join(name);
        // The manifest, and the README that names the files of a version.
        if name == "package.json" || name == "README.md" {
            let template = read(&entry)?;
            write(&target, &template.replace("{{version}}", version))?;
        } else {
            copy(&entry, &target)?;
        }
    }
    write_first_words(root, &out.join("passerelle.js"), None)?;
    write_first_words(
        root,
        &out.join("file-protocol.js"),
        Some("fallback-file-protocol"),
    )?;
    bundle_browser_entry(tools, &out)?;
    copy(&root.join("LICENSE"), &out.join("LICENSE"))?;
    copy_communes(root, &out)?;
    write_catalogue(root, &out)?;
    write_languages(root, &out)?;
    let started = std::time::Instant::now();
    crate::precompress::write(&out)?;
    println!(
        "xtask: files precompressed (.gz) in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    write(&stamp, &fingerprint)?;
    println!("xtask: package built in {}", out.display());
    Ok(())
}

/// Held while the package is built: a file made only if there is none
/// (`create_new`), holding the builder's process id, removed when the
/// build ends. A file whose process is gone (a build stopped by Ctrl-C)
/// is taken over.
struct BuildLock(PathBuf);

impl BuildLock {
    /// How long a build waits for another before giving up.
    const PATIENCE: std::time::Duration = std::time::Duration::from_secs(15 * 60);

    fn take(path: &Path) -> Result<BuildLock> {
        use std::io::{ErrorKind, Write};
        if let Some(folder) = path.parent() {
            fs::create_dir_all(folder)
                .map_err(|e| format!("cannot create {}: {e}", folder.display()))?;
        }
        let started = std::time::Instant::now();
        let mut told = false;
        loop {
            match fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(path)
            {
                Ok(mut file) => {
                    let _ = writeln!(file, "{}", std::process::id());
                    return Ok(BuildLock(path.to_path_buf()));
                }
                Err(error) if error.kind() == ErrorKind::AlreadyExists => {
                    let holder = fs::read_to_string(path).unwrap_or_default();
                    let holder = holder.trim();
                    if !process_alive(holder) {
                        // Stopped without removing it: taken over.
                        let _ = fs::remove_file(path);
                        continue;
                    }
                    if started.elapsed() > Self::PATIENCE {
                        return Err(format!(
                            "another cargo xtask (process {holder}) has been building the package \
                             for {} minutes ({}): stop it, or remove that file if no build runs",
                            Self::PATIENCE.as_secs() / 60,
                            path.display()
                        ));
                    }
                    if !told {
                        println!("xtask: another cargo xtask (process {holder}) is building the package; waiting");
                        told = true;
                    }
                    std::thread::sleep(std::time::Duration::from_millis(500));
                }
                Err(error) => return Err(format!("cannot create {}: {error}", path.display())),
            }
        }
    }
}

impl Drop for BuildLock {
    fn drop(&mut self) {
        let _ = fs::remove_file(&self.0);
    }
}

/// Whether the process `id` (as the lock file holds it) still runs: by
/// `/proc` where there is one, else by `kill -0`. An unreadable id, or a
/// system with neither, counts as gone: the lock is then taken over, as
/// before there was one.
fn process_alive(id: &str) -> bool {
    let Ok(id) = id.parse::<u32>() else {
        return false;
    };
    if id == std::process::id() {
        return false;
    }
    let proc = Path::new("/proc");
    if proc.is_dir() {
        return proc.join(id.to_string()).exists();
    }
    Command::new("kill")
        .args(["-0", &id.to_string()])
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok_and(|status| status.success())
}

/// One of the package's WebAssembly modules: the name of its files
/// (`<name>.js`, the glue, and `<name>_bg.wasm`) and the Cargo features it
/// is built with.
pub struct Module {
    pub name: &'static str,
    /// What it holds, for reports.
    pub holds: &'static str,
    /// What wasm-pack passes on to `cargo build` (after `--`): the features.
    cargo: &'static [&'static str],
    /// Whether its glue is a file of the package of its own, minified,
    /// with its types (`passerelle.js` imports it only when the module is
    /// loaded; the Node entry imports it too), rather than bundled into
    /// `passerelle.js`.
    shipped_glue: bool,
}

impl Module {
    /// The `.wasm` file of the package.
    pub fn wasm(&self) -> String {
        format!("{}_bg.wasm", self.name)
    }

    /// Where wasm-pack writes it (its names kept, before wasm-opt).
    pub fn staging(&self, root: &Path) -> PathBuf {
        root.join("target").join("wasm-pack").join(self.name)
    }
}

/// The whole engine: the JavaScript API and every widget (feature `full`
/// of passerelle-wasm, a default one). The Node entry's module, and the
/// one `<passerelle-orientation>`, `<passerelle-plan>` and `load()` wait for.
/// Its glue is a file of its own: a page that begins with questions does
/// not load it before its first question.
pub const WHOLE: Module = Module {
    name: "passerelle_wasm",
    holds: "the JavaScript API and every widget but the catalogue editor",
    cargo: &["--", "--no-default-features", "--features", "full"],
    shipped_glue: true,
};

/// The catalogue editor, `<passerelle-catalogue-editor>` (feature
/// `editor`, without `full`): a structure's staff writes its catalogue
/// with it; the pages the people served use never load it (it would add
/// about 95 KB gzipped to the whole module). Its preview shows an entry in
/// `<passerelle-orientation>`, which loads the whole module when asked.
/// Its glue is a file of its own, imported when the element is made.
pub const EDITOR: Module = Module {
    name: "passerelle_editor",
    holds: "the catalogue editor: <passerelle-catalogue-editor>",
    cargo: &["--", "--no-default-features", "--features", "editor"],
    shipped_glue: true,
};

/// What a page needs for its first question: `<passerelle-diagnostic>`
/// and `<passerelle-parcours>` (whose questionnaire is its first step),
/// with the languages, the commune table and the national catalogue the
/// questionnaire adapts to; without the JavaScript API, the orientation's
/// and the plan's widgets (passerelle-wasm without its feature `full`).
/// A page whose first element asks questions loads this module, not the
/// whole one, before its first question (docs/size.md).
///
/// Built with `opt-level = "z"`: 8 % smaller gzipped than with the
/// release profile's `"s"` (docs/size.md); its work is one answer at a
/// time and, after the first question, the catalogue's reading, where the
/// slower code costs little, while every byte comes before the first question.
pub const QUESTIONNAIRE: Module = Module {
    name: "passerelle_questionnaire",
    holds: "the questionnaire's widgets: <passerelle-diagnostic> and <passerelle-parcours>",
    cargo: &[
        "--",
        "--no-default-features",
        "--config",
        "profile.release.opt-level=\"z\"",
    ],
    shipped_glue: false,
};

/// The package's modules.
pub const MODULES: [&Module; 3] = [&WHOLE, &QUESTIONNAIRE, &EDITOR];

/// Builds `module` with wasm-pack into its staging folder, then writes its
/// glue (snippets inlined, receivers guarded), its types and its `.wasm`
/// (through wasm-opt) into `out`.
fn build_module(root: &Path, tools: &BuildTools, module: &Module, out: &Path) -> Result {
    let staging = module.staging(root);
    // Keep stale files out of the package.
    remove_dir(&staging)?;
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
            module.name,
            "--no-pack",
            "--mode",
            "no-install",
        ])
        .args(module.cargo))?;
    let glue = read(&staging.join(format!("{}.js", module.name)))?;
    let glue = guard_receivers(&inline_snippets(&glue, &staging)?)?;
    write(&out.join(format!("{}.js", module.name)), &glue)?;
    if module.shipped_glue {
        copy(
            &staging.join(format!("{}.d.ts", module.name)),
            &out.join(format!("{}.d.ts", module.name)),
        )?;
    }
    run(Command::new(&tools.wasm_opt)
        .arg(staging.join(module.wasm()))
        .arg("-o")
        .arg(out.join(module.wasm()))
        .args(WASM_OPT_FLAGS))
}

/// Scripts of `pkg-templates/` that stay files of their own, left out by
/// esbuild and minified in place with their source maps: the caseload
/// vault (`vault.js`: IndexedDB and WebCrypto), which `passerelle.js`
/// imports with `import()` only on a page with `<passerelle-suivi>`, so
/// that no other page loads it.
const SEPARATE_SCRIPTS: &[&str] = &["vault.js"];

/// The browser entry, `passerelle.js`, bundled by esbuild with what it
/// imports statically (the questionnaire module's glue,
/// `passerelle_questionnaire.js`, and `fetch-options.js`), then minified
/// by terser, with its source map `passerelle.js.map` (the readable
/// sources, for developer tools only). A page loads one file before the
/// questionnaire's `.wasm`, not three in two round trips: on the
/// slow-phone profile the `.wasm` is asked for one round trip sooner, and
/// the emergency numbers show sooner (docs/benchmarks.md).
///
/// The whole module's glue, `passerelle_wasm.js` (a module's with
/// `shipped_glue`), stays a file of its own, left out by esbuild, which
/// `passerelle.js` imports only when the whole module is loaded: a page
/// that begins with questions does not load it before its first question
/// (`passerelle.js` 4.5 KB gzipped smaller; a page that needs the whole
/// module loads 4.5 KB more in all, the two glues compressed apart). It
/// is minified in place, with its source map `passerelle_wasm.js.map`;
/// the Node entry imports it too, and `fetch-options.js`, which stays as
/// written. The questionnaire module's glue, which only `passerelle.js`
/// imports, is removed. The [`SEPARATE_SCRIPTS`] are left out and
/// minified in place the same way.
fn bundle_browser_entry(tools: &BuildTools, out: &Path) -> Result {
    let bundle = "passerelle.bundle.js";
    let shipped: Vec<String> = MODULES
        .iter()
        .filter(|module| module.shipped_glue)
        .map(|module| format!("{}.js", module.name))
        .chain(SEPARATE_SCRIPTS.iter().map(|script| (*script).to_owned()))
        .collect();
    run(Command::new(&tools.esbuild)
        .current_dir(out)
        .args(["passerelle.js", "--bundle", "--format=esm", "--sourcemap"])
        .args(shipped.iter().map(|glue| format!("--external:./{glue}")))
        .arg("--log-level=warning")
        .arg(format!("--outfile={bundle}")))?;
    minify(
        tools,
        out,
        bundle,
        "passerelle.js",
        Some(&format!("{bundle}.map")),
    )?;
    for glue in &shipped {
        // In place: terser reads its input before it writes (the glue and
        // the separate scripts alike).
        minify(tools, out, glue, glue, None)?;
    }
    let bundled_only = MODULES
        .iter()
        .filter(|module| !module.shipped_glue)
        .map(|module| format!("{}.js", module.name));
    for file in [bundle.to_owned(), format!("{bundle}.map")]
        .into_iter()
        .chain(bundled_only)
    {
        fs::remove_file(out.join(&file))
            .map_err(|e| format!("cannot remove {}: {e}", out.join(file).display()))?;
    }
    Ok(())
}

/// Minifies `input` (a file of `out`) into `output` with terser, with a
/// source map `<output>.map` holding the readable sources: those of
/// `input_map`, the map of `input` when it was itself made from others,
/// else `input` itself.
fn minify(
    tools: &BuildTools,
    out: &Path,
    input: &str,
    output: &str,
    input_map: Option<&str>,
) -> Result {
    let content = input_map
        .map(|map| format!("content='{map}',"))
        .unwrap_or_default();
    run(Command::new(&tools.terser)
        .current_dir(out)
        .arg(input)
        .args(["--module", "--compress", "--mangle", "--comments", "false"])
        .arg("--source-map")
        .arg(format!("{content}includeSources,url='{output}.map'"))
        .args(["--output", output]))
}

/// The glue with the JavaScript snippets of the Rust code
/// (`#[wasm_bindgen(inline_js)]`, in `snippets/`) put inside it: one file
/// to load and to list in package.json, as before there were snippets.
/// Each snippet becomes an object of its exported functions, in place of
/// the `import` lines that name it.
fn inline_snippets(glue: &str, staging: &Path) -> Result<String> {
    let mut out = String::with_capacity(glue.len());
    let mut inlined: Vec<String> = Vec::new();
    for line in glue.lines() {
        let Some(path) = snippet_path(line) else {
            out.push_str(line);
            out.push('\n');
            continue;
        };
        let name = match inlined.iter().position(|done| *done == path) {
            Some(i) => format!("snippet{i}"),
            None => {
                let name = format!("snippet{}", inlined.len());
                let code = read(&staging.join(&path))?;
                let exports: Vec<&str> = code
                    .lines()
                    .filter_map(|line| line.strip_prefix("export function "))
                    .filter_map(|rest| rest.split('(').next())
                    .collect();
                if exports.is_empty() || code.contains("import ") {
                    return Err(format!(
                        "{path}: a snippet of exported functions only was expected"
                    ));
                }
                out.push_str(&format!(
                    "const {name} = (() => {{\n{}\nreturn {{ {} }};\n}})();\n",
                    code.replace("export function ", "function "),
                    exports.join(", ")
                ));
                inlined.push(path.clone());
                name
            }
        };
        // `import { a, b } from '…';` or `import * as x from "…"`.
        let what = line
            .trim_start_matches("import ")
            .split(" from ")
            .next()
            .unwrap_or_default();
        match what.strip_prefix("* as ") {
            Some(alias) => out.push_str(&format!("const {alias} = {name};\n")),
            None => out.push_str(&format!("const {what} = {name};\n")),
        }
    }
    Ok(out)
}

/// The snippet file an `import` line of the glue names.
fn snippet_path(line: &str) -> Option<String> {
    let line = line.strip_prefix("import ")?;
    let path = line.split(" from ").nth(1)?.trim().trim_end_matches(';');
    let path = path.trim_matches(|c| c == '\'' || c == '"');
    path.strip_prefix("./")
        .filter(|path| path.starts_with("snippets/"))
        .map(str::to_owned)
}

/// The glue with every method checking its receiver. wasm-bindgen's glue
/// passes `this.__wbg_ptr` to WebAssembly as it finds it: on an object of
/// another class it reads that object's memory as its own
/// (`Engine.prototype.locale.call(plan)` answers; a `Diagnosis` method on
/// an engine traps). Here each object's class and pointer are kept where
/// the page cannot write (a `WeakMap` of the module) when the glue makes
/// the object, and a method called on anything else, or on an object
/// freed, throws an Error with code `wrong_receiver` or `freed`
/// (docs/js-api.md, "Errors"). Fails when the glue is not shaped as
/// expected, rather than publishing it unguarded.
fn guard_receivers(glue: &str) -> Result<String> {
    let mut out = String::with_capacity(glue.len() + 2048);
    let mut class: Option<String> = None;
    let (mut methods, mut made, mut destroyed) = (0, 0, 0);
    for line in glue.lines() {
        if let Some(rest) = line.strip_prefix("export class ") {
            class = rest.split_whitespace().next().map(str::to_owned);
        }
        let trimmed = line.trim();
        let guarded = match class.as_deref() {
            Some(class) if trimmed.contains("__wbg_ptr") => {
                if trimmed == "const ptr = this.__wbg_ptr;" {
                    destroyed += 1;
                    line.replace("this.__wbg_ptr", &format!("receiver(this, {class}, true)"))
                } else if trimmed == "this.__wbg_ptr = 0;" {
                    format!("{line} OWNED.set(this, [{class}, 0]);")
                } else if let Some(value) = trimmed
                    .strip_prefix("obj.__wbg_ptr = ")
                    .or_else(|| trimmed.strip_prefix("this.__wbg_ptr = "))
                {
                    made += 1;
                    let object = trimmed.split('.').next().unwrap_or("this");
                    let value = value.trim_end_matches(';');
                    format!("{line} OWNED.set({object}, [{class}, {value}]);")
                } else if trimmed.contains("(this.__wbg_ptr") {
                    methods += 1;
                    line.replace("(this.__wbg_ptr", &format!("(receiver(this, {class})"))
                } else if trimmed.contains(".register(") {
                    line.to_owned()
                } else {
                    return Err(format!(
                        "package: a use of __wbg_ptr the receiver guard does not know: {trimmed}"
                    ));
                }
            }
            _ => line.to_owned(),
        };
        // Freeing twice frees nothing the second time.
        let guarded = match guarded.trim().strip_prefix("wasm.__wbg_") {
            Some(rest) if rest.contains("_free(ptr, 0)") => {
                guarded.replace("wasm.", "if (ptr) wasm.")
            }
            _ => guarded,
        };
        out.push_str(&guarded);
        out.push('\n');
    }
    if methods == 0 || made == 0 || destroyed == 0 {
        return Err(format!(
            "package: the glue is not shaped as the receiver guard expects \
             ({methods} methods, {made} objects made, {destroyed} destroyed)"
        ));
    }
    out.push_str(RECEIVER_GUARD);
    Ok(out)
}

/// Appended to the glue by [`guard_receivers`].
const RECEIVER_GUARD: &str = "
// Added by `cargo xtask package` (crates/xtask/src/package.rs): each
// object the glue makes, with its class and its pointer, where the page
// cannot write; a method called on another object throws.
const OWNED = new WeakMap();
function receiver(object, Class, freeing) {
    const owned = OWNED.get(object);
    if (owned === undefined || owned[0] !== Class) {
        throw refusal('wrong_receiver', `this is not a ${Class.name} made by Passerelle: call ${Class.name} methods on a ${Class.name}`);
    }
    if (owned[1] === 0 && !freeing) {
        throw refusal('freed', `this ${Class.name} was freed (free()): it cannot be used any more`);
    }
    return owned[1];
}
function refusal(code, message) {
    const own = (value) => ({ __proto__: null, value, writable: true, enumerable: true, configurable: true });
    return Object.defineProperties(new Error(message), { code: own(code), details: own([]) });
}
";

/// The commune table, one file per department, into `communes/`: files of
/// the package, fetched by the browser entry only when needed and read
/// from disk by the Node entry; not in the wasm (see
/// `crates/passerelle-core/src/vocabulary/communes.rs`).
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

/// Where the shim (`passerelle.js`) takes the words it shows before the
/// module arrives: an empty object the package replaces.
const FIRST_WORDS_MARK: &str = "/*@first-words*/{}";

/// Writes into the shim the words of the emergency numbers' panel and of
/// the fallback sentence, in every language, from the translation files
/// (`first-words.mjs` reads them): a person reads the numbers in their
/// language before the module, and their language's file, arrive. With
/// `only`, that sentence alone (for `file-protocol.js`).
fn write_first_words(root: &Path, shim: &Path, only: Option<&str>) -> Result {
    let mut command = Command::new("node");
    command
        .arg(root.join("crates/xtask/first-words.mjs"))
        .arg(root);
    if let Some(key) = only {
        command.args(["--only", key]);
    }
    let output = command
        .output()
        .map_err(|e| format!("cannot run node: {e}"))?;
    if !output.status.success() {
        return Err(format!(
            "first-words.mjs failed: {}",
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    let words = String::from_utf8(output.stdout).map_err(|e| e.to_string())?;
    let code = read(shim)?;
    if code.matches(FIRST_WORDS_MARK).count() != 1 {
        return Err(format!(
            "{} must hold {FIRST_WORDS_MARK} once",
            shim.display()
        ));
    }
    write(shim, &code.replace(FIRST_WORDS_MARK, &words))
}

/// The domain of the shim's own words, written into `passerelle.js`, not
/// into the language files.
const FIRST_WORDS_DOMAIN: &str = "first-words";

#[path = "../../passerelle-core/src/text/overlay.rs"]
mod overlay;
#[path = "../../passerelle-core/build/shipped.rs"]
mod shipped;

/// The national catalogue as a file of the package, `data/catalogue.json`:
/// not in the module, so that a page fetches it after the first question
/// and a host can serve an updated copy without a new build. Each text
/// names its key, as in the documents compiled in, so that the languages
/// registered later translate it.
fn write_catalogue(root: &Path, out: &Path) -> Result {
    let source = root.join("crates/passerelle-core/data/catalogue.json");
    let text = shipped::with_keys("catalogue.json", &read(&source)?, false)?;
    let folder = out.join("data");
    fs::create_dir_all(&folder).map_err(|e| format!("cannot create {}: {e}", folder.display()))?;
    write(&folder.join("catalogue.json"), &text)
}

/// Where the languages' translation files live: the core's domains, then
/// the widgets'.
const LOCALES: [&str; 2] = [
    "crates/passerelle-core/locales",
    "crates/passerelle-wasm/locales",
];

/// The languages not compiled in, one file each into `locales/<tag>.json`
/// (`{"language": {…}, "files": {"core": {…}, …}}`, read by
/// `passerelle_core::text::Language::from_json`), and `locales/languages.json`:
/// a page fetches only its own language's file. French is in the wasm
/// already; English is half in it (its messages), and its file completes
/// it.
fn write_languages(root: &Path, out: &Path) -> Result {
    let target = out.join("locales");
    fs::create_dir_all(&target).map_err(|e| format!("cannot create {}: {e}", target.display()))?;
    let list = root.join(LOCALES[0]).join("languages.json");
    let languages = read(&list)?;
    copy(&list, &target.join("languages.json"))?;
    // One language a line (a test of the core checks it stays so).
    for line in languages.lines().filter(|line| line.contains("\"tag\"")) {
        let info = line.trim().trim_end_matches(',');
        let tag = info
            .split("\"tag\": \"")
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .ok_or_else(|| format!("{}: a line without a tag: {line}", list.display()))?;
        // French is the module's own language; English's messages are in
        // the module too, but its documents' texts are this file.
        if tag == "fr" {
            continue;
        }
        let mut files = Vec::new();
        for folder in LOCALES {
            let folder = root.join(folder).join(tag);
            if !folder.is_dir() {
                continue;
            }
            for file in read_dir(&folder)? {
                if file.extension().is_some_and(|ext| ext == "json") {
                    let domain = file
                        .file_stem()
                        .unwrap_or_default()
                        .to_string_lossy()
                        .into_owned();
                    if domain == FIRST_WORDS_DOMAIN {
                        continue;
                    }
                    files.push(format!(
                        "\"{domain}\":{}",
                        crate::files::minify(&read(&file)?)
                    ));
                }
            }
        }
        if files.is_empty() {
            return Err(format!(
                "{tag} is in {} but has no translation file",
                list.display()
            ));
        }
        files.sort();
        let text = format!(
            "{{\"language\":{},\"files\":{{{}}}}}",
            crate::files::minify(info),
            files.join(",")
        );
        write(&target.join(format!("{tag}.json")), &text)?;
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_build_lock_is_one_at_a_time_and_a_dead_holders_is_taken_over() {
        let folder = std::env::temp_dir().join(format!("xtask-lock-{}", std::process::id()));
        let path = folder.join("pkg.lock");
        let lock = BuildLock::take(&path).unwrap();
        assert_eq!(
            fs::read_to_string(&path).unwrap().trim(),
            std::process::id().to_string()
        );
        drop(lock);
        assert!(!path.exists(), "removed when the build ends");
        // Left by a process that is gone: taken over at once.
        fs::write(&path, "4294967295\n").unwrap();
        let lock = BuildLock::take(&path).unwrap();
        assert_eq!(
            fs::read_to_string(&path).unwrap().trim(),
            std::process::id().to_string()
        );
        drop(lock);
        fs::remove_dir_all(&folder).unwrap();
    }

    /// The shape of wasm-bindgen 0.2.130's glue for a class.
    const GLUE: &str = "\
import { plain_json } from './snippets/passerelle-wasm-1/inline0.js';
import * as import1 from \"./snippets/passerelle-wasm-1/inline0.js\"
export class Plan {
    static __wrap(ptr) {
        const obj = Object.create(Plan.prototype);
        obj.__wbg_ptr = ptr;
        PlanFinalization.register(obj, obj.__wbg_ptr, obj);
        return obj;
    }
    __destroy_into_raw() {
        const ptr = this.__wbg_ptr;
        this.__wbg_ptr = 0;
        PlanFinalization.unregister(this);
        return ptr;
    }
    free() {
        const ptr = this.__destroy_into_raw();
        wasm.__wbg_plan_free(ptr, 0);
    }
    to_json() {
        const ret = wasm.plan_to_json(this.__wbg_ptr);
        return ret;
    }
}
";

    #[test]
    fn every_method_of_the_glue_reads_its_pointer_through_the_guard() {
        let guarded = guard_receivers(GLUE).unwrap();
        assert!(guarded.contains("wasm.plan_to_json(receiver(this, Plan))"));
        assert!(guarded.contains("obj.__wbg_ptr = ptr; OWNED.set(obj, [Plan, ptr]);"));
        assert!(guarded.contains("const ptr = receiver(this, Plan, true);"));
        assert!(guarded.contains("OWNED.set(this, [Plan, 0]);"));
        assert!(guarded.contains("if (ptr) wasm.__wbg_plan_free(ptr, 0);"));
        assert!(!guarded.contains("(this.__wbg_ptr"));
        assert!(guarded.ends_with(RECEIVER_GUARD));
    }

    #[test]
    fn a_glue_of_another_shape_is_refused_not_published_unguarded() {
        let other = GLUE.replace("wasm.plan_to_json(this.__wbg_ptr)", "wasm.plan_to_json(p)");
        let other = other.replace("const ptr = this.__wbg_ptr;", "const ptr = this.ptr;");
        assert!(guard_receivers(&other).is_err());
        let unknown = GLUE.replace("return ret;", "return ret + this.__wbg_ptr;");
        assert!(guard_receivers(&unknown).is_err());
    }

    #[test]
    fn snippets_are_put_inside_the_glue() {
        let staging = std::env::temp_dir().join(format!("passerelle-xtask-{}", std::process::id()));
        let folder = staging.join("snippets/passerelle-wasm-1");
        fs::create_dir_all(&folder).unwrap();
        fs::write(
            folder.join("inline0.js"),
            "const X = 1;\nexport function plain_json(v) { return X; }\nexport function well_formed(t) { return true; }\n",
        )
        .unwrap();
        let inlined = inline_snippets(GLUE, &staging).unwrap();
        fs::remove_dir_all(&staging).unwrap();
        assert!(!inlined.contains("import "), "{inlined}");
        assert!(inlined.contains("return { plain_json, well_formed };"));
        assert!(inlined.contains("const { plain_json } = snippet0;"));
        assert!(inlined.contains("const import1 = snippet0;"));
        assert!(inlined.contains("function plain_json(v)") && !inlined.contains("export function"));
    }
}
