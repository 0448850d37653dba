/** Loads the WebAssembly module once; the .wasm file sits next to the module. */
export function load(): Promise<void>;

/** `<passerelle-diagnostic>`: registered when this module is imported. */
export class PasserelleDiagnostic extends HTMLElement {
  static observedAttributes: string[];
  connectedCallback(): void;
  disconnectedCallback(): void;
  attributeChangedCallback(): void;
}

/**
 * An answer: `true`/`false` (yes/no), a number, a text (a choice's option
 * id, a date `YYYY-MM-DD`, a postal code, a short text), or a list of
 * option ids (multiple choice) or need themes (ranking, most important first).
 */
export type AnswerValue = boolean | number | string | string[];

/** How pressing a need is. */
export type Priority = 'urgent' | 'high' | 'normal';

/** The answer that raised a need or an alert (`null`: the question was skipped). */
export interface RaisedBy {
  question: string;
  answer: AnswerValue | null;
}

/** Someone to contact at once. */
export interface Contact {
  /** The number to call or text, if any. */
  phone: string | null;
  reach: 'call' | 'text_message' | 'visit';
  /** Who answers, in words, in the diagnosis's language. */
  name: string;
  /** The id of the national catalogue entry describing it, if any. */
  catalogue_entry: string | null;
}

/** The result of the diagnosis questionnaire. */
export interface Diagnosis {
  questionnaire_id: string;
  /** The day the answers speak of, `YYYY-MM-DD`. */
  reference_date: string;
  /** What the answers say of the person (see the facts vocabulary). */
  facts: Record<string, unknown>;
  /** Urgent alerts, most pressing first. */
  urgent: Array<{
    alert: 'shelter' | 'food' | 'violence' | 'child_in_danger' | 'medical_emergency';
    text: string;
    contacts: Contact[];
    raised_by: RaisedBy[];
  }>;
  /** Needs: urgent first, then in the person's own order, then by priority. */
  needs: Array<{
    /** A data·inclusion theme or category. */
    theme: string;
    label: string;
    priority: Priority;
    /** The person's own rank (1 = most important), if given. */
    rank: number | null;
    raised_by: RaisedBy[];
  }>;
  /** Whether the person put the needs in order. */
  ranked_by_person: boolean;
}

/** `detail` of the `passerelle:diagnosis-complete` event. */
export interface DiagnosisCompleteDetail {
  questionnaireId: string;
  locale: 'fr' | 'en';
  /** Answers keyed by question id. */
  answers: Record<string, AnswerValue>;
  diagnosis: Diagnosis;
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
