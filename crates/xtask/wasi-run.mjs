// Runs a wasm32-wasip1 program (a benchmark) in Node's WASI, so that the
// core is measured as WebAssembly in V8, the engine of Chromium.
// Usage: node --single-threaded wasi-run.mjs program.wasm [args…]
// (--single-threaded: Node 20 crashes at exit, SIGSEGV, when V8's
// background threads are still compiling the module.)
import { readFile } from 'node:fs/promises';
import { WASI } from 'node:wasi';

const [program, ...args] = process.argv.slice(2);
const wasi = new WASI({ version: 'preview1', args: [program, ...args], env: {}, returnOnExit: true });
const module = await WebAssembly.compile(await readFile(program));
const instance = await WebAssembly.instantiate(module, wasi.getImportObject());
process.exitCode = wasi.start(instance);
