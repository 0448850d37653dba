// Passerelle for Node (20 or later) and other runtimes without a DOM: the
// engine only (Engine, Diagnosis, Plan), no custom element. The
// WebAssembly module is read from the file next to this one and
// instantiated synchronously when this module is first imported.
import { readFileSync } from 'node:fs';
import { initSync, Engine, Diagnosis, Plan } from './passerelle_wasm.js';
import { fetchedOptions } from './fetch-options.js';

initSync({ module: readFileSync(new URL('./passerelle_wasm_bg.wasm', import.meta.url)) });

/**
 * Resolves at once: the module is loaded on import. For code shared with
 * the browser entry, where `load()` fetches the module.
 * @returns {Promise<void>}
 */
export function load() {
  return Promise.resolve();
}

/**
 * Creates an Engine with its questionnaire and catalogues fetched from the
 * URLs given (`questionnaire_url`, `catalogue_url`, `local_catalogue_url`;
 * nothing else is fetched). Other options are those of `new Engine`.
 * Throws an Error with code `fetch_failed`, or the engine's own codes.
 * @param {object} [options]
 * @returns {Promise<Engine>}
 */
export async function create_engine(options) {
  return new Engine(await fetchedOptions(options ?? {}));
}

export { Engine, Diagnosis, Plan };
