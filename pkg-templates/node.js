// Passerelle for Node (20 or later) and other runtimes without a DOM: the
// engine only (Engine, Diagnosis, Plan, Reasons, DataInclusionImport), no custom element. The
// WebAssembly module is read from the file next to this one and
// instantiated synchronously when this module is first imported.
import { readFileSync, readdirSync } from 'node:fs';
import {
  initSync, Engine, Diagnosis, Plan, Reasons, DataInclusionImport, hasLanguage, registerCatalogue, registerLanguage,
} from './passerelle_wasm.js';
import { fetchedOptions } from './fetch-options.js';

initSync({ module: readFileSync(new URL('./passerelle_wasm_bg.wasm', import.meta.url)) });
// English's messages are in the module; its questionnaire's and
// catalogue's texts are its file, read here once, so that Node speaks
// English whole from the start, as it always has.
registerLanguage(readFileSync(new URL('./locales/en.json', import.meta.url), 'utf8'));
// The national catalogue, a file of the package (data/catalogue.json).
registerCatalogue(readFileSync(new URL('./data/catalogue.json', import.meta.url), 'utf8'));

/**
 * Resolves at once: the module is loaded on import. For code shared with
 * the browser entry, where `load()` fetches the module.
 * @returns {Promise<void>}
 */
export function load() {
  return Promise.resolve();
}

const COMMUNES = new URL('./communes/', import.meta.url);

/**
 * The commune parts of `departments` (`["93", "2A"]`; every department
 * when left out), read from this package's `communes/` folder, for
 * `new Engine({communes})`. Throws an Error with code `fetch_failed` when
 * one cannot be read.
 * @param {string[]} [departments]
 * @returns {Promise<string[]>}
 */
export async function loadCommunes(departments) {
  const names = departments?.map((department) => `${department}.txt`)
    ?? readdirSync(COMMUNES).filter((name) => name.endsWith('.txt')).sort();
  return names.map((name) => {
    const url = new URL(encodeURIComponent(name), COMMUNES);
    try {
      return readFileSync(url, 'utf8');
    } catch (error) {
      const failure = new Error(`Could not read the commune part ${url}: ${error.message}`);
      failure.code = 'fetch_failed';
      failure.details = [{ path: '$.communes', code: 'fetch_failed', message: error.message }];
      throw failure;
    }
  });
}

/**
 * Creates an Engine with its questionnaire and catalogues fetched from the
 * URLs given (`questionnaireUrl`, `catalogueUrl`, `localCatalogueUrl`;
 * nothing else is fetched) and, unless `communes` is given, every commune
 * part of the package read from disk. Other options are those of
 * `new Engine`. Throws an Error with code `fetch_failed`, or the engine's
 * own codes.
 * @param {object} [options]
 * @returns {Promise<Engine>}
 */
export async function createEngine(options) {
  const resolved = await fetchedOptions(options ?? {});
  // `resolved` has no prototype: only the caller's own `communes` count.
  resolved.communes ??= await loadCommunes();
  return new Engine(resolved);
}

/**
 * Makes the language `tag` speakable by engines (`new Engine({locale})`,
 * `engine.setLocale`): French is in the module and English is read on
 * import; any other is read once from this package's `locales/<tag>.json`. Throws an Error
 * with code `fetch_failed` (no such file) or `bad_language_file`.
 * @param {string} tag
 * @returns {Promise<string>}
 */
export async function loadLanguage(tag) {
  if (hasLanguage(tag)) return tag;
  const url = new URL(`./locales/${encodeURIComponent(tag)}.json`, import.meta.url);
  let text;
  try {
    text = readFileSync(url, 'utf8');
  } catch (error) {
    const failure = new Error(`Could not read the language file ${url}: ${error.message}`);
    failure.code = 'fetch_failed';
    failure.details = [{ path: '$.lang', code: 'fetch_failed', message: error.message }];
    throw failure;
  }
  return registerLanguage(text);
}

export { Engine, Diagnosis, Plan, Reasons, DataInclusionImport, registerLanguage };
