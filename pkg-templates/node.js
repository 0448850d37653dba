// Passerelle for Node (20 or later) and other runtimes without a DOM: the
// engine only (Engine, Diagnosis, Plan), no custom element. The
// WebAssembly module is read from the file next to this one and
// instantiated synchronously when this module is first imported.
import { readFileSync } from 'node:fs';
import { initSync, Engine, Diagnosis, Plan } from './passerelle_wasm.js';

initSync({ module: readFileSync(new URL('./passerelle_wasm_bg.wasm', import.meta.url)) });

/**
 * Resolves at once: the module is loaded on import. For code shared with
 * the browser entry, where `load()` fetches the module.
 * @returns {Promise<void>}
 */
export function load() {
  return Promise.resolve();
}

export { Engine, Diagnosis, Plan };
