// Types of `passerelle` in Node (the "node" export condition): the engine
// API only. No DOM type is used.
export * from './engine.js';

/** Resolves at once: in Node the module is loaded when imported. */
export function load(): Promise<void>;

/**
 * Makes the language `tag` (`"ar"`, `"uk"`…) speakable by widgets and
 * engines: French is in the module and English is read on import; any
 * other is this package's `locales/<tag>.json`, read once. Rejects with an Error of code
 * `fetch_failed` or `bad_language_file`. Resolves to the tag.
 */
export function loadLanguage(tag: string): Promise<string>;

/**
 * Registers a language from a file in the layout of the package's
 * `locales/<tag>.json` (a site's own language): widgets and engines speak
 * it by its tag from then on. Returns the tag; throws an Error of code
 * `bad_language_file`. Register each language once.
 */
export function registerLanguage(file: string): string;

/**
 * The commune parts of `departments` (every department when left out),
 * read from the package's `communes/` folder, for `new Engine({communes})`.
 * Rejects with a `PasserelleError` of code `fetch_failed`.
 */
export function loadCommunes(departments?: readonly string[] | null): Promise<string[]>;

/**
 * Creates an Engine with its documents fetched from the URLs given (and
 * nothing else) and, unless `communes` is given, every commune part of the
 * package read from disk. Rejects with a `PasserelleError` of code
 * `fetch_failed`, or the engine's own codes.
 */
export function createEngine(options?: import('./engine.js').FetchedEngineOptions | null): Promise<import('./engine.js').Engine>;
