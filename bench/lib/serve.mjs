// The web server of the browser benchmarks: a page at / and the built
// package at /pkg/, on 127.0.0.1 (a free port), the package's files
// cacheable for an hour, as a site would serve them. With `gzip`, text and
// WebAssembly go gzip-compressed to a browser that takes it, as a host
// configured as the README says sends them: a file's precompressed
// `<file>.gz` of the package when it has one (nginx's `gzip_static`),
// otherwise the file compressed once at zlib's default level 6 (the level
// of Apache's mod_deflate and of `gzip` itself).
import { readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

import { packageDir } from './package.mjs';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

/** The extensions sent compressed (text, and WebAssembly, which gzip shrinks to a third). */
const COMPRESSED = new Set(['.html', '.css', '.js', '.json', '.txt', '.wasm']);

/** Whether the request's Accept-Encoding takes gzip (`gzip;q=0` refuses it). */
export function takesGzip(header) {
  return String(header ?? '').split(',').some((coding) => {
    const [name, ...params] = coding.split(';').map((part) => part.trim());
    const refused = params.some((param) => /^q=0(\.0*)?$/.test(param));
    return (name.toLowerCase() === 'gzip' || name === '*') && !refused;
  });
}

/** The package's `<file>.gz`, when there is one at least as new as `file`. */
async function precompressed(file, mtimeMs) {
  const found = await stat(`${file}.gz`).catch(() => null);
  return found?.isFile() && found.mtimeMs >= mtimeMs ? readFile(`${file}.gz`) : null;
}

/**
 * Serves `page` (HTML text) at / (or `{path: text}`, each page at its
 * path; pages added to the object later are served too) and the package
 * at /pkg/. Returns
 * `{url, served, close}`: `served` lists every path asked, in order, with
 * whether it was sent compressed (`{pathname, gzip, bytes}`).
 */
export async function serve(page, { gzip = false } = {}) {
  const served = [];
  // path -> {mtime, body}: each file read, and compressed, once per version.
  const files = new Map();
  const body = async (file) => {
    const { mtimeMs } = await stat(file);
    let known = files.get(file);
    if (!known || known.mtime !== mtimeMs) {
      const raw = await readFile(file);
      known = { mtime: mtimeMs, raw, gzip: gzip && COMPRESSED.has(path.extname(file)) ? await precompressed(file, mtimeMs) ?? gzipSync(raw) : null };
      files.set(file, known);
    }
    return known;
  };
  const pages = typeof page === 'string' ? { '/': page } : page;
  // text -> {raw, gzip}: each page compressed once.
  const pageBodies = new Map();
  const pageBody = (text) => {
    if (!pageBodies.has(text)) {
      const raw = Buffer.from(text);
      pageBodies.set(text, { raw, gzip: gzip ? gzipSync(raw) : null });
    }
    return pageBodies.get(text);
  };
  const send = (request, response, content, headers) => {
    const compressed = content.gzip && takesGzip(request.headers['accept-encoding']);
    const bytes = compressed ? content.gzip : content.raw;
    served.push({ pathname: new URL(request.url, 'http://127.0.0.1').pathname, gzip: Boolean(compressed), bytes: bytes.length });
    response.writeHead(200, {
      ...headers,
      'content-length': bytes.length,
      ...(compressed ? { 'content-encoding': 'gzip' } : {}),
      ...(content.gzip ? { vary: 'Accept-Encoding' } : {}),
    });
    response.end(request.method === 'HEAD' ? undefined : bytes);
  };
  const server = createServer(async (request, response) => {
    try {
      const { pathname } = new URL(request.url, 'http://127.0.0.1');
      const html = Object.hasOwn(pages, pathname) ? pages[pathname] : pathname === '/index.html' ? pages['/'] : undefined;
      if (typeof html === 'string') {
        send(request, response, pageBody(html), { 'content-type': TYPES['.html'], 'cache-control': 'no-store' });
        return;
      }
      const file = path.join(packageDir, decodeURIComponent(pathname.replace(/^\/pkg\//, '/')));
      const found = pathname.startsWith('/pkg/') && file.startsWith(packageDir)
        && (await stat(file).catch(() => null))?.isFile();
      if (!found) {
        served.push({ pathname, gzip: false, bytes: 0, status: 404 });
        response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      // Cacheable, as a site would serve the package: the warm loads use it.
      send(request, response, await body(file), {
        'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
        'cache-control': 'public, max-age=3600',
      });
    } catch (error) {
      response.writeHead(500, { 'content-type': 'text/plain' }).end(String(error));
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  return {
    url: `http://127.0.0.1:${server.address().port}/`,
    served,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
