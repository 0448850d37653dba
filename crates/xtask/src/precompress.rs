//! The package's files compressed ahead of time: next to each file a
//! browser fetches (`.wasm`, `.js`, `.json`, `.txt`), its gzip stream as
//! `<file>.gz`, made with Zopfli, which writes ordinary gzip about 4 %
//! smaller than `gzip -9`. A server that sends a file's `.gz` when there is
//! one (nginx's `gzip_static`, the README's Apache rules, the demo server,
//! the benchmarks' server) sends those bytes; any browser reads them.

use std::fs;
use std::path::{Path, PathBuf};

use crate::Result;

/// The extensions of the files a browser fetches from the package.
const FETCHED: &[&str] = &["wasm", "js", "json", "txt"];

/// Files a browser never fetches, though their extension says it could:
/// the manifests, and the Node entry with what it imports that
/// `passerelle.js` bundles.
const NOT_FETCHED: &[&str] = &[
    "package.json",
    "custom-elements.json",
    "node.js",
    "fetch-options.js",
];

/// Writes `<file>.gz` next to every file of `package` a browser fetches.
pub fn write(package: &Path) -> Result {
    let mut files = Vec::new();
    collect(package, &mut files)?;
    // Zopfli takes about a second per 100 KB: the largest first, each
    // thread taking the next file left.
    files.sort_by_cached_key(|file| std::cmp::Reverse(fs::metadata(file).map_or(0, |m| m.len())));
    let next = std::sync::atomic::AtomicUsize::new(0);
    let threads = std::thread::available_parallelism().map_or(2, usize::from);
    std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| loop {
                    let at = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    match files.get(at) {
                        Some(file) => compress(file)?,
                        None => return Ok(()),
                    }
                })
            })
            .collect();
        workers.into_iter().try_for_each(|worker| {
            worker
                .join()
                .unwrap_or_else(|_| Err("a compression thread failed".into()))
        })
    })
}

/// The files of `folder` (and below) a browser fetches.
fn collect(folder: &Path, files: &mut Vec<PathBuf>) -> Result {
    let mut all = Vec::new();
    crate::files::collect(folder, &mut all)?;
    files.extend(all.into_iter().filter(|path| {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        let extension = path.extension().and_then(|e| e.to_str()).unwrap_or("");
        FETCHED.contains(&extension) && !NOT_FETCHED.contains(&name)
    }));
    Ok(())
}

/// Writes `file`'s gzip stream to `<file>.gz`.
fn compress(file: &Path) -> Result {
    let content = fs::read(file).map_err(|e| format!("cannot read {}: {e}", file.display()))?;
    let mut gzip = Vec::with_capacity(content.len() / 3);
    zopfli::compress(
        zopfli::Options::default(),
        zopfli::Format::Gzip,
        content.as_slice(),
        &mut gzip,
    )
    .map_err(|e| format!("cannot compress {}: {e}", file.display()))?;
    let mut target = file.as_os_str().to_owned();
    target.push(".gz");
    fs::write(&target, gzip).map_err(|e| format!("cannot write {}.gz: {e}", file.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_precompressed_file_is_ordinary_gzip_of_the_file() {
        let folder = std::env::temp_dir().join(format!("xtask-precompress-{}", std::process::id()));
        fs::create_dir_all(folder.join("locales")).unwrap();
        let text = "Où allez-vous dormir ce soir ? ".repeat(200);
        fs::write(folder.join("locales/fr.json"), &text).unwrap();
        fs::write(folder.join("package.json"), "{}").unwrap();
        fs::write(folder.join("README.md"), "# Passerelle").unwrap();
        write(&folder).unwrap();
        let gzip = fs::read(folder.join("locales/fr.json.gz")).unwrap();
        assert!(gzip.len() < text.len() / 10);
        // Read back by the system's gzip, as a browser would.
        let output = std::process::Command::new("gzip")
            .args(["-d", "-c"])
            .arg(folder.join("locales/fr.json.gz"))
            .output()
            .unwrap();
        assert_eq!(String::from_utf8(output.stdout).unwrap(), text);
        assert!(!folder.join("package.json.gz").exists());
        assert!(!folder.join("README.md.gz").exists());
        fs::remove_dir_all(&folder).unwrap();
    }
}
