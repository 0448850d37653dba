//! Where the bytes of the WebAssembly module go, for `cargo xtask size`:
//! its code by crate, and its data section (the CSS, the default data,
//! the French and English texts, then the strings of the code and
//! tables). The package's module has no function names
//! (wasm-opt drops them), so the module wasm-pack built is optimised again
//! the same way with the names kept, into `target/tmp/`.

use std::fs;
use std::path::Path;
use std::process::Command;

use crate::package::{Module, WASM_OPT_FLAGS};
use crate::tools::{run, BuildTools};
use crate::Result;

/// A part of the module: what it is, how many functions, its bytes.
struct Part {
    what: &'static str,
    functions: usize,
    bytes: Vec<u8>,
}

/// The crate (or group of crates) a function belongs to, from its name.
fn part_of(name: &str) -> &'static str {
    if name.contains("serde") {
        "serde, serde_json (all formats)"
    } else if name.contains("validator") {
        "validator"
    } else if name.contains("passerelle_core") {
        "passerelle-core"
    } else if name.contains("passerelle_wasm::api::")
        || ["engine_", "diagnosis_", "plan_"]
            .iter()
            .any(|export| name.starts_with(export))
    {
        "passerelle-wasm: JavaScript API"
    } else if name.contains("passerelle_wasm") {
        "passerelle-wasm: widget"
    } else if ["wasm_bindgen", "js_sys", "web_sys", "__wbg"]
        .iter()
        .any(|glue| name.contains(glue))
    {
        "wasm-bindgen, js-sys, web-sys"
    } else {
        "Rust's std, and generic code"
    }
}

/// Prints the breakdown of `module` as wasm-pack built it (in
/// `target/wasm-pack/<name>/`); `embedded` are the files compiled into it
/// as they are in it.
pub fn report(
    root: &Path,
    tools: &BuildTools,
    module: &Module,
    embedded: &[(&str, Vec<Vec<u8>>)],
    gzip: impl Fn(&[u8]) -> Result<u64>,
) -> Result {
    let built = module.staging(root).join(module.wasm());
    if !built.exists() {
        println!("\n(no breakdown: wasm-pack's output is gone; remove target/pkg and run again)");
        return Ok(());
    }
    let named = root
        .join("target")
        .join("tmp")
        .join(format!("{}_named.wasm", module.name));
    fs::create_dir_all(named.parent().unwrap_or(root))
        .map_err(|e| format!("cannot create target/tmp: {e}"))?;
    run(Command::new(&tools.wasm_opt)
        .arg(&built)
        .arg("-o")
        .arg(&named)
        .arg("--debuginfo")
        .args(WASM_OPT_FLAGS))?;
    let module = fs::read(&named).map_err(|e| format!("cannot read {}: {e}", named.display()))?;
    let sections = Sections::read(&module).ok_or_else(|| {
        format!(
            "{} is not a WebAssembly module it can read",
            named.display()
        )
    })?;

    let mut parts: Vec<Part> = Vec::new();
    for (name, body) in &sections.functions {
        let what = part_of(name);
        match parts.iter_mut().find(|part| part.what == what) {
            Some(part) => {
                part.functions += 1;
                part.bytes.extend_from_slice(body);
            }
            None => parts.push(Part {
                what,
                functions: 1,
                bytes: body.to_vec(),
            }),
        }
    }
    parts.sort_by_key(|part| std::cmp::Reverse(part.bytes.len()));
    println!(
        "\nwhere the wasm's bytes go (wasm-opt's output with names, {}; each part gzipped \
         alone, so the parts add up to more than the whole)",
        named.strip_prefix(root).unwrap_or(&named).display()
    );
    println!(
        "  {:<38} {:>9} {:>10} {:>10}",
        "code of", "functions", "raw", "gzipped"
    );
    let mut code = Vec::new();
    for part in &parts {
        code.extend_from_slice(&part.bytes);
        println!(
            "  {:<38} {:>9} {:>10} {:>10}",
            part.what,
            part.functions,
            group(part.bytes.len() as u64),
            group(gzip(&part.bytes)?)
        );
    }
    println!(
        "  {:<38} {:>9} {:>10} {:>10}",
        "all code",
        sections.functions.len(),
        group(code.len() as u64),
        group(gzip(&code)?)
    );
    let mut data = sections.data.to_vec();
    println!("  {:<48} {:>10} {:>10}", "data section", "raw", "gzipped");
    for (what, files) in embedded {
        let mut found = Vec::new();
        for file in files {
            if let Some(at) = find(&data, file) {
                data.drain(at..at + file.len());
                found.extend_from_slice(file);
            }
        }
        print_data(what, &found, &gzip)?;
    }
    print_data(
        "the rest: the code's strings (keys, messages, field names, selectors, std's) and tables",
        &data,
        &gzip,
    )?;
    Ok(())
}

/// One line of the data section's table.
fn print_data(what: &str, bytes: &[u8], gzip: &impl Fn(&[u8]) -> Result<u64>) -> Result {
    if what.len() > 48 {
        println!(
            "  {what}\n  {:<48} {:>10} {:>10}",
            "",
            group(bytes.len() as u64),
            group(gzip(bytes)?)
        );
    } else {
        println!(
            "  {:<48} {:>10} {:>10}",
            what,
            group(bytes.len() as u64),
            group(gzip(bytes)?)
        );
    }
    Ok(())
}

/// Where `needle` starts in `haystack`.
fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() || needle.len() > haystack.len() {
        return None;
    }
    haystack
        .windows(needle.len())
        .position(|window| window == needle)
}

/// The parts of a module the breakdown reads.
struct Sections<'m> {
    /// Each function defined in the module: its name (empty when it has
    /// none) and its body.
    functions: Vec<(String, &'m [u8])>,
    /// The data section's content, segments and all.
    data: &'m [u8],
}

impl<'m> Sections<'m> {
    fn read(module: &'m [u8]) -> Option<Sections<'m>> {
        let mut at = 8;
        let (mut imported, mut bodies, mut names, mut data) = (0, Vec::new(), Vec::new(), &[][..]);
        while at < module.len() {
            let id = *module.get(at)?;
            at += 1;
            let size = leb(module, &mut at)?;
            let content = module.get(at..at.checked_add(size)?)?;
            at += size;
            match id {
                2 => imported = imported_functions(content)?,
                10 => {
                    let mut pos = 0;
                    for _ in 0..leb(content, &mut pos)? {
                        let size = leb(content, &mut pos)?;
                        bodies.push(content.get(pos..pos.checked_add(size)?)?);
                        pos += size;
                    }
                }
                11 => data = content,
                0 => {
                    let mut pos = 0;
                    let length = leb(content, &mut pos)?;
                    if content.get(pos..pos.checked_add(length)?)? == b"name" {
                        names = function_names(content.get(pos + length..)?)?;
                    }
                }
                _ => {}
            }
        }
        let functions = bodies
            .into_iter()
            .enumerate()
            .map(|(i, body)| {
                let index = imported + i;
                let name = names
                    .iter()
                    .find(|(at, _)| *at == index)
                    .map(|(_, name)| name.clone())
                    .unwrap_or_default();
                (name, body)
            })
            .collect();
        Some(Sections { functions, data })
    }
}

/// An unsigned LEB128 number at `*at`, moving `*at` past it.
fn leb(bytes: &[u8], at: &mut usize) -> Option<usize> {
    let (mut value, mut shift) = (0usize, 0u32);
    loop {
        let byte = *bytes.get(*at)?;
        *at += 1;
        value |= usize::from(byte & 0x7f).checked_shl(shift)?;
        if byte & 0x80 == 0 {
            return Some(value);
        }
        shift += 7;
    }
}

/// How many functions the import section imports.
fn imported_functions(section: &[u8]) -> Option<usize> {
    let mut at = 0;
    let mut functions = 0;
    for _ in 0..leb(section, &mut at)? {
        for _ in 0..2 {
            let length = leb(section, &mut at)?;
            at += length;
        }
        let kind = *section.get(at)?;
        at += 1;
        match kind {
            0 => {
                leb(section, &mut at)?;
                functions += 1;
            }
            1 => {
                at += 1;
                limits(section, &mut at)?;
            }
            2 => limits(section, &mut at)?,
            3 => at += 2,
            4 => {
                at += 1;
                leb(section, &mut at)?;
            }
            _ => return None,
        }
    }
    Some(functions)
}

/// Skips a table's or a memory's limits.
fn limits(section: &[u8], at: &mut usize) -> Option<()> {
    let flags = *section.get(*at)?;
    *at += 1;
    leb(section, at)?;
    if flags & 1 == 1 {
        leb(section, at)?;
    }
    Some(())
}

/// The function names of a `name` section: (index, name).
fn function_names(section: &[u8]) -> Option<Vec<(usize, String)>> {
    let mut at = 0;
    while at < section.len() {
        let id = *section.get(at)?;
        at += 1;
        let size = leb(section, &mut at)?;
        let content = section.get(at..at.checked_add(size)?)?;
        at += size;
        if id == 1 {
            let mut pos = 0;
            let mut names = Vec::new();
            for _ in 0..leb(content, &mut pos)? {
                let index = leb(content, &mut pos)?;
                let length = leb(content, &mut pos)?;
                let name = content.get(pos..pos.checked_add(length)?)?;
                pos += length;
                names.push((index, String::from_utf8_lossy(name).into_owned()));
            }
            return Some(names);
        }
    }
    Some(Vec::new())
}

/// `1234567` as `1 234 567`.
pub(crate) fn group(n: u64) -> String {
    let digits = n.to_string();
    let first = match digits.len() % 3 {
        0 => 3.min(digits.len()),
        short => short,
    };
    let mut grouped = digits[..first].to_owned();
    for chunk in digits.as_bytes()[first..].chunks(3) {
        grouped.push(' ');
        grouped.push_str(&String::from_utf8_lossy(chunk));
    }
    grouped
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_functions_names_and_data() {
        // (module (func $f) (func $g) (data "hi")), with a name section.
        let mut module = b"\0asm\x01\0\0\0".to_vec();
        module.extend([1, 4, 1, 0x60, 0, 0]); // type () -> ()
        module.extend([3, 3, 2, 0, 0]); // two functions of type 0
        module.extend([5, 3, 1, 0, 1]); // memory
        module.extend([10, 7, 2, 2, 0, 0x0b, 2, 0, 0x0b]); // two empty bodies
        module.extend([11, 8, 1, 0, 0x41, 0, 0x0b, 2, b'h', b'i']); // data "hi"
        let names = [1u8, 7, 2, 0, 1, b'f', 1, 1, b'g'];
        let mut custom = vec![4, b'n', b'a', b'm', b'e'];
        custom.extend(names);
        module.push(0);
        module.push(custom.len() as u8);
        module.extend(custom);
        let sections = Sections::read(&module).unwrap();
        let found: Vec<_> = sections
            .functions
            .iter()
            .map(|(name, body)| (name.as_str(), body.len()))
            .collect();
        assert_eq!(found, [("f", 2), ("g", 2)]);
        assert!(sections.data.ends_with(b"hi"));
        assert!(Sections::read(&module[..module.len() - 3]).is_none());
    }

    #[test]
    fn functions_are_put_with_their_crate() {
        assert_eq!(
            part_of("passerelle_core::plan::Plan::build::h0123"),
            "passerelle-core"
        );
        assert_eq!(
            part_of("<passerelle_core::plan::Edit as serde_core::ser::Serialize>::serialize"),
            "serde, serde_json (all formats)"
        );
        assert_eq!(
            part_of("passerelle_wasm::api::engine::Engine::orient::h1"),
            "passerelle-wasm: JavaScript API"
        );
        assert_eq!(part_of("engine_orient"), "passerelle-wasm: JavaScript API");
        assert_eq!(
            part_of("passerelle_wasm::ui::diagnostic::Diagnostic::render"),
            "passerelle-wasm: widget"
        );
        assert_eq!(part_of("dlmalloc::malloc"), "Rust's std, and generic code");
    }
}
