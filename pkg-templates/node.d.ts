// Types of `passerelle` in Node (the "node" export condition): the engine
// API only. No DOM type is used.
export * from './engine.js';

/** Resolves at once: in Node the module is loaded when imported. */
export function load(): Promise<void>;
