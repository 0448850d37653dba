// Runs a wasm32-wasip1 program (a benchmark) in Node's WASI, so that the
// core is measured as WebAssembly in V8, the engine of Chromium.
// Usage: node wasi-run.mjs program.wasm [args…]
import { readFile } from 'node:fs/promises';
import { WASI } from 'node:wasi';

const [program, ...args] = process.argv.slice(2);
const wasi = new WASI({ version: 'preview1', args: [program, ...args], env: {} });
const module = await WebAssembly.compile(await readFile(program));
const instance = await WebAssembly.instantiate(module, wasi.getImportObject());
// Exit at once: letting Node tear down the WASI instance crashes Node 20 (SIGSEGV).
process.exit(wasi.start(instance));
