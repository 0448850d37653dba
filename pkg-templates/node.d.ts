// Types of `passerelle` in Node (the "node" export condition): the engine
// API only. No DOM type is used.
export * from './engine.js';

/** Resolves at once: in Node the module is loaded when imported. */
export function load(): Promise<void>;

/**
 * Creates an Engine with its documents fetched from the URLs given (and
 * nothing else). Rejects with a `PasserelleError` of code `fetch_failed`, or
 * the engine's own codes.
 */
export function create_engine(options?: import('./engine.js').FetchedEngineOptions | null): Promise<import('./engine.js').Engine>;
