/** Loads the WebAssembly module once; the .wasm file sits next to the module. */
export function load(): Promise<void>;

/** `<passerelle-diagnostic>`: registered when this module is imported. */
export class PasserelleDiagnostic extends HTMLElement {
  static observedAttributes: string[];
  connectedCallback(): void;
  disconnectedCallback(): void;
  attributeChangedCallback(): void;
}

/** An answer: `true`/`false` (yes/no), a number, or a choice's option id. */
export type AnswerValue = boolean | number | string;

/** `detail` of the `passerelle:diagnosis-complete` event. */
export interface DiagnosisCompleteDetail {
  questionnaireId: string;
  locale: 'fr' | 'en';
  /** Answers keyed by question id. */
  answers: Record<string, AnswerValue>;
}

/** `detail` of the `passerelle:error` event. */
export interface PasserelleErrorDetail {
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

export { DiagnosticWidget } from './passerelle_wasm.js';
