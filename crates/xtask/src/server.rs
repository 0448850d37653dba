//! A small static file server for the demo site and the end-to-end tests.
//! It listens on 127.0.0.1 only: `www/` at `/`, the built package at `/pkg/`,
//! the shipped catalogues and questionnaire (`crates/passerelle-core/data/`)
//! at `/data/`, for the demo's `catalog-src`, and the State design system
//! (`@gouvfr/dsfr` from npm, `www/package-lock.json`) at `/dsfr/`.

use std::io::{BufRead, BufReader, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::Duration;

use crate::Result;

/// A running server; [`Server::stop`] stops it.
pub struct Server {
    address: SocketAddr,
    stopping: Arc<AtomicBool>,
    thread: JoinHandle<()>,
}

/// Which folder serves which URL prefix, longest prefix first.
struct Mounts(Vec<(&'static str, PathBuf)>);

impl Server {
    /// Serves the demo site on 127.0.0.1:`port` (0: any free port).
    pub fn start(root: &Path, port: u16) -> Result<Server> {
        let listener = TcpListener::bind(("127.0.0.1", port))
            .map_err(|e| format!("cannot listen on 127.0.0.1:{port}: {e} (try --port)"))?;
        let address = listener
            .local_addr()
            .map_err(|e| format!("cannot read the server address: {e}"))?;
        let mounts = Arc::new(Mounts(vec![
            ("/pkg/", crate::package::package_dir(root)),
            (
                "/data/",
                root.join("crates").join("passerelle-core").join("data"),
            ),
            (
                "/dsfr/",
                root.join("www")
                    .join("node_modules")
                    .join("@gouvfr")
                    .join("dsfr")
                    .join("dist"),
            ),
            ("/", root.join("www")),
        ]));
        let stopping = Arc::new(AtomicBool::new(false));
        let stop = Arc::clone(&stopping);
        let thread = std::thread::spawn(move || {
            for stream in listener.incoming() {
                if stop.load(Ordering::SeqCst) {
                    break;
                }
                let Ok(stream) = stream else { continue };
                let mounts = Arc::clone(&mounts);
                std::thread::spawn(move || {
                    // A broken connection concerns only that request.
                    let _ = serve(stream, &mounts);
                });
            }
        });
        Ok(Server {
            address,
            stopping,
            thread,
        })
    }

    /// The address the server listens on.
    pub fn address(&self) -> SocketAddr {
        self.address
    }

    /// Serves until the process is stopped (Ctrl-C).
    pub fn wait(self) {
        let _ = self.thread.join();
    }

    /// Stops accepting connections and waits for the server to end.
    pub fn stop(self) {
        self.stopping.store(true, Ordering::SeqCst);
        // Wake the accept loop so that it sees the flag.
        let _ = TcpStream::connect(self.address);
        let _ = self.thread.join();
    }
}

fn serve(stream: TcpStream, mounts: &Mounts) -> std::io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    // Of the headers, only whether the browser takes gzip changes the answer.
    let mut header = String::new();
    let mut takes_gzip = false;
    while reader.read_line(&mut header)? > 2 {
        if let Some((name, value)) = header.split_once(':') {
            if name.trim().eq_ignore_ascii_case("accept-encoding") {
                takes_gzip = value.split(',').any(|coding| {
                    let mut parts = coding.split(';').map(str::trim);
                    let name = parts.next().unwrap_or("");
                    // `gzip;q=0` refuses it.
                    let refused = parts.any(|param| {
                        param
                            .strip_prefix("q=")
                            .and_then(|q| q.parse::<f32>().ok())
                            .is_some_and(|q| q <= 0.0)
                    });
                    name.eq_ignore_ascii_case("gzip") && !refused
                });
            }
        }
        header.clear();
    }
    let mut parts = request_line.split_whitespace();
    let (method, target) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
    let mut stream = stream;
    if method != "GET" && method != "HEAD" {
        return respond(
            &mut stream,
            "405 Method Not Allowed",
            "text/plain",
            b"GET only\n",
            true,
        );
    }
    let path = target.split(['?', '#']).next().unwrap_or("");
    match mounts
        .resolve(path)
        .and_then(|file| Some((std::fs::read(&file).ok()?, file)))
    {
        Some((body, file)) => {
            let compressed = (takes_gzip && compressible(&file))
                .then(|| precompressed(&file).or_else(|| gzipped(&file, &body)))
                .flatten();
            match compressed {
                Some(gzip) => respond_with(
                    &mut stream,
                    "200 OK",
                    content_type(&file),
                    &gzip,
                    method == "GET",
                    "Content-Encoding: gzip\r\nVary: Accept-Encoding\r\n",
                ),
                None => respond_with(
                    &mut stream,
                    "200 OK",
                    content_type(&file),
                    &body,
                    method == "GET",
                    "Vary: Accept-Encoding\r\n",
                ),
            }
        }
        None => respond(
            &mut stream,
            "404 Not Found",
            "text/plain",
            b"not found\n",
            method == "GET",
        ),
    }
}

impl Mounts {
    /// The file for a URL path, if it is inside a mounted folder.
    fn resolve(&self, url_path: &str) -> Option<PathBuf> {
        let decoded = percent_decode(url_path)?;
        let (prefix, folder) = self
            .0
            .iter()
            .find(|(prefix, _)| decoded.starts_with(prefix))?;
        let relative = Path::new(&decoded[prefix.len()..]);
        if !relative
            .components()
            .all(|component| matches!(component, Component::Normal(_)))
        {
            return None;
        }
        let file = folder.join(relative);
        let file = if file.is_dir() {
            file.join("index.html")
        } else {
            file
        };
        file.is_file().then_some(file)
    }
}

fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    let decoded = String::from_utf8(out).ok()?;
    (!decoded.contains(['\0', '\\'])).then_some(decoded)
}

fn content_type(file: &Path) -> &'static str {
    match file.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ts" | "md" | "txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

/// Whether a file is worth compressing: text and WebAssembly, not images.
fn compressible(file: &Path) -> bool {
    matches!(
        file.extension().and_then(|e| e.to_str()).unwrap_or(""),
        "html" | "js" | "mjs" | "wasm" | "css" | "json" | "svg" | "txt" | "md" | "ts"
    )
}

/// The package's own gzip stream of `file` (`<file>.gz`, written by
/// `crates/xtask/src/precompress.rs`), as nginx's `gzip_static` sends it,
/// when there is one at least as new as the file.
fn precompressed(file: &Path) -> Option<Arc<Vec<u8>>> {
    let mut gz = file.as_os_str().to_owned();
    gz.push(".gz");
    let gz = PathBuf::from(gz);
    let modified = |path: &Path| std::fs::metadata(path).and_then(|m| m.modified()).ok();
    if modified(&gz)? < modified(file)? {
        return None;
    }
    std::fs::read(gz).ok().map(Arc::new)
}

/// `body` (the content of `file`) gzipped, as a web server configured as
/// the README says would send it, so that the demo loads at real-world
/// speed. Made once per version of the file (its length and time), with
/// the system's gzip; `None` when gzip cannot run (the file is then sent
/// as it is).
fn gzipped(file: &Path, body: &[u8]) -> Option<Arc<Vec<u8>>> {
    use std::collections::HashMap;
    use std::sync::{Mutex, OnceLock};
    type Cache = Mutex<HashMap<PathBuf, (Option<std::time::SystemTime>, usize, Arc<Vec<u8>>)>>;
    static CACHE: OnceLock<Cache> = OnceLock::new();
    let modified = std::fs::metadata(file).and_then(|m| m.modified()).ok();
    let cache = CACHE.get_or_init(Cache::default);
    if let Some((when, len, gzip)) = cache.lock().ok()?.get(file) {
        if *when == modified && *len == body.len() {
            return Some(Arc::clone(gzip));
        }
    }
    let gzip = Arc::new(crate::size::gzip(body, file).ok()?);
    cache.lock().ok()?.insert(
        file.to_path_buf(),
        (modified, body.len(), Arc::clone(&gzip)),
    );
    Some(gzip)
}

fn respond(
    stream: &mut TcpStream,
    status: &str,
    content_type: &str,
    body: &[u8],
    with_body: bool,
) -> std::io::Result<()> {
    respond_with(stream, status, content_type, body, with_body, "")
}

/// A response with `headers` (each ending in CRLF) besides the usual ones.
fn respond_with(
    stream: &mut TcpStream,
    status: &str,
    content_type: &str,
    body: &[u8],
    with_body: bool,
    headers: &str,
) -> std::io::Result<()> {
    write!(
        stream,
        "HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n{headers}\
         Cache-Control: no-cache\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n",
        body.len()
    )?;
    if with_body {
        stream.write_all(body)?;
    }
    stream.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_outside_the_mounts_are_refused() {
        let root = crate::workspace_root();
        let mounts = Mounts(vec![("/", root.join("www"))]);
        assert_eq!(mounts.resolve("/"), Some(root.join("www/index.html")));
        assert_eq!(mounts.resolve("/../Cargo.toml"), None);
        assert_eq!(mounts.resolve("/%2e%2e/Cargo.toml"), None);
        assert_eq!(mounts.resolve("/%zz"), None);
        assert_eq!(mounts.resolve("/nothing-here.html"), None);
    }

    #[test]
    fn serves_files_over_http() {
        let server = Server::start(&crate::workspace_root(), 0).unwrap();
        let mut stream = TcpStream::connect(server.address()).unwrap();
        stream
            .write_all(b"GET /index.html HTTP/1.1\r\nHost: x\r\n\r\n")
            .unwrap();
        let mut response = String::new();
        std::io::Read::read_to_string(&mut stream, &mut response).unwrap();
        assert!(response.starts_with("HTTP/1.1 200 OK\r\n"), "{response}");
        assert!(response.contains("<passerelle-diagnostic"), "{response}");
        server.stop();
    }

    /// The response to `request`: its head, and its body as bytes.
    fn fetch(server: &Server, request: &str) -> (String, Vec<u8>) {
        let mut stream = TcpStream::connect(server.address()).unwrap();
        stream.write_all(request.as_bytes()).unwrap();
        let mut response = Vec::new();
        std::io::Read::read_to_end(&mut stream, &mut response).unwrap();
        let end = response.windows(4).position(|w| w == b"\r\n\r\n").unwrap();
        let head = String::from_utf8_lossy(&response[..end]).into_owned();
        (head, response[end + 4..].to_vec())
    }

    #[test]
    fn compresses_for_a_browser_that_takes_gzip_as_a_real_server_would() {
        let root = crate::workspace_root();
        let server = Server::start(&root, 0).unwrap();
        let page = std::fs::read(root.join("www/index.html")).unwrap();
        let (head, body) = fetch(
            &server,
            "GET /index.html HTTP/1.1\r\nHost: x\r\nAccept-Encoding: gzip, deflate, br\r\n\r\n",
        );
        assert!(head.contains("Content-Encoding: gzip"), "{head}");
        assert!(
            head.contains(&format!("Content-Length: {}", body.len())),
            "{head}"
        );
        assert!(body.len() < page.len(), "{} >= {}", body.len(), page.len());
        let mut gunzip = std::process::Command::new("gzip")
            .arg("-dc")
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        gunzip.stdin.take().unwrap().write_all(&body).unwrap();
        assert_eq!(gunzip.wait_with_output().unwrap().stdout, page);
        // Without gzip asked, or refused, the file as it is.
        for asked in [
            "",
            "Accept-Encoding: br\r\n",
            "Accept-Encoding: gzip;q=0\r\n",
        ] {
            let (head, body) = fetch(
                &server,
                &format!("GET /index.html HTTP/1.1\r\nHost: x\r\n{asked}\r\n"),
            );
            assert!(!head.contains("Content-Encoding"), "{head}");
            assert_eq!(body, page);
        }
        server.stop();
    }
}
