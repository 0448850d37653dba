// Types of `passerelle` in the browser: the <passerelle-diagnostic> custom
// element, its events, and the engine API (Engine, Diagnosis, Plan), whose
// types are in engine.d.ts (shared with the Node entry, node.d.ts).
import type { AnswerValue, DiagnosisResult, Locale } from './engine.js';

export * from './engine.js';

/**
 * Loads the WebAssembly module once (later calls return the same promise);
 * the .wasm file is fetched next to this module. Call it before using
 * `Engine`; the custom element calls it itself.
 */
export function load(): Promise<void>;

/**
 * Creates an Engine with its documents fetched from the URLs given (and
 * nothing else). Rejects with a `PasserelleError` of code `fetch_failed`, or
 * the engine's own codes.
 */
export function create_engine(options?: import('./engine.js').FetchedEngineOptions | null): Promise<import('./engine.js').Engine>;

/** `<passerelle-diagnostic>`: registered when this module is imported. */
export class PasserelleDiagnostic extends HTMLElement {
  static observedAttributes: string[];
  connectedCallback(): void;
  disconnectedCallback(): void;
  attributeChangedCallback(): void;
}

/** `detail` of the `passerelle:diagnosis-complete` event. */
export interface DiagnosisCompleteDetail {
  questionnaireId: string;
  locale: Locale;
  /** Answers keyed by question id. */
  answers: Record<string, AnswerValue>;
  diagnosis: DiagnosisResult;
}

/** `detail` of the `passerelle:error` event. */
export interface PasserelleErrorDetail {
  /** `load_failed` when the module could not be loaded; else the code of the error. */
  code: string;
  message: string;
}

declare global {
  interface HTMLElementTagNameMap {
    'passerelle-diagnostic': PasserelleDiagnostic;
  }
  interface HTMLElementEventMap {
    'passerelle:diagnosis-complete': CustomEvent<DiagnosisCompleteDetail>;
    'passerelle:error': CustomEvent<PasserelleErrorDetail>;
  }
}

/**
 * The widget behind `<passerelle-diagnostic>`, written in Rust; the element
 * makes it. (Declared here rather than re-exported from
 * passerelle_wasm.d.ts, whose `[Symbol.dispose]` needs the "esnext" lib.)
 */
export class DiagnosticWidget {
  /** Renders the questionnaire into `host`'s shadow root, in `lang` (French by default). */
  constructor(host: HTMLElement, lang?: string | null);
  /** Frees the WebAssembly memory it holds. */
  free(): void;
  /** The answers given so far, keyed by question id. */
  answers(): Record<string, AnswerValue>;
  /** Shows the widget in another language; an unknown one gives French. */
  set_locale(lang?: string | null): void;
}
