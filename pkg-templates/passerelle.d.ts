// Types of `passerelle` in the browser: the <passerelle-parcours>,
// <passerelle-diagnostic>, <passerelle-orientation> and <passerelle-plan>
// custom elements, their events, and the engine API (Engine, Diagnosis, Plan), whose
// types are in engine.d.ts (shared with the Node entry, node.d.ts).
//
// In the browser, the engine API's classes (Engine, Diagnosis, Plan,
// Reasons, DataInclusionImport), `registerLanguage` and the widgets'
// classes are `undefined` until the whole module has loaded (`await
// load()`, `await createEngine()`): they come with its glue, imported
// then. They are declared as what they are from then on, the only time a
// page may use them; a module that imports them by name sees them change
// (ES modules' live bindings). See docs/js-api.md, "Loading".
import type { AnswerValue, CatalogueInput, DetailedOrientation, DiagnosisResult, Locale, PlanValue } from './engine.js';

export * from './engine.js';

/**
 * Loads the WebAssembly module, then the national catalogue
 * (`data/catalogue.json`), each once (later calls share the loading); the
 * files are fetched next to this module. Call it before using `Engine`,
 * which is `undefined` until it has resolved (as are `Diagnosis`, `Plan`,
 * `Reasons`, `DataInclusionImport` and `registerLanguage`); the custom
 * elements load what they need themselves. Rejects with code
 * `fetch_failed` or `invalid_catalogue` when the catalogue cannot be had.
 */
export function load(): Promise<void>;

/**
 * Creates an Engine with its documents fetched from the URLs given (and
 * nothing else). Rejects with a `PasserelleError` of code `fetch_failed`, or
 * the engine's own codes.
 */
export function createEngine(options?: import('./engine.js').FetchedEngineOptions | null): Promise<import('./engine.js').Engine>;

/**
 * Makes the language `tag` (`"ar"`, `"uk"`…) speakable by widgets and
 * engines: French is in the module; any other, English included, is this
 * package's `locales/<tag>.json`, fetched once (the elements load theirs). Rejects with an Error of code
 * `fetch_failed` or `bad_language_file`. Resolves to the tag.
 */
export function loadLanguage(tag: string): Promise<string>;

/**
 * Registers a language from a file in the layout of the package's
 * `locales/<tag>.json` (a site's own language): widgets and engines speak
 * it by its tag from then on. Returns the tag; throws an Error of code
 * `bad_language_file`. Register each language once. `undefined` until
 * `load()` has resolved.
 */
export function registerLanguage(file: string): string;

/**
 * The commune parts of `departments` (`["93", "2A"]`), fetched from the
 * package's own `communes/` files, for `new Engine({communes})`. The
 * elements fetch the parts they need themselves. Rejects with a
 * `PasserelleError` of code `fetch_failed`.
 */
export function loadCommunes(departments: readonly string[]): Promise<string[]>;

/**
 * `<passerelle-diagnostic>`: registered when this module is imported. It
 * asks the default questionnaire, or the site's own: the `questionnaire`
 * property, else the JSON at `questionnaire-src` (fetched without cookies).
 */
export class PasserelleDiagnostic extends HTMLElement {
  static observedAttributes: string[];
  /**
   * The site's own questionnaire (`docs/questionnaire-format.md`, an object
   * or its JSON text), asked from its first question; wins over
   * `questionnaire-src`; `null` goes back to `questionnaire-src` or the
   * default one. One that cannot be read is told by `passerelle:error`
   * (`invalid_questionnaire`) and the questions shown stay.
   */
  questionnaire: object | string | null;
  connectedCallback(): void;
  disconnectedCallback(): void;
  attributeChangedCallback(): void;
}

/**
 * `<passerelle-orientation>`: registered when this module is imported.
 * Set `diagnosis` to show the schemes and services for its needs.
 */
export class PasserelleOrientation extends HTMLElement {
  static observedAttributes: string[];
  /** The diagnosis shown (`DiagnosisResult` or its JSON text), or `null`. */
  diagnosis: DiagnosisResult | string | null;
  /**
   * A catalogue shown alone (its value or JSON text), instead of the
   * national one and `catalog-src`'s; `null` goes back to them.
   */
  catalog: CatalogueInput | string | null;
  connectedCallback(): void;
  disconnectedCallback(): void;
  attributeChangedCallback(name: string): void;
}

/**
 * `<passerelle-plan>`: registered when this module is imported. Set
 * `diagnosis`; the person chooses the needs and the pace, then follows
 * and reviews the plan.
 */
export class PasserellePlan extends HTMLElement {
  static observedAttributes: string[];
  /** The diagnosis the plan is built from (`DiagnosisResult` or its JSON text), or `null`. */
  diagnosis: DiagnosisResult | string | null;
  /**
   * The plan's value, or `null` before it is built; also while the
   * element is off the page. Set it (a value or its JSON text) to show a
   * plan; one that cannot be read is told by `passerelle:error`.
   */
  get plan(): PlanValue | null;
  set plan(value: PlanValue | string | null);
  connectedCallback(): void;
  disconnectedCallback(): void;
  attributeChangedCallback(name: string): void;
}

/**
 * `<passerelle-suivi>`: the advisor's desk, registered when this module is
 * imported. The people followed and their plans, review points, the
 * agenda by week, the funder report, the encrypted backup; kept in
 * IndexedDB on the device, encrypted with the advisor's passphrase.
 * Attributes: `name` (the caseload's name, read when made), `lock-after`
 * (minutes without activity before it locks; 10).
 */
export class PasserelleSuivi extends HTMLElement {
  static observedAttributes: string[];
  /**
   * Adds a person followed with their plan (a value, its JSON text, or
   * `element.plan` of a `<passerelle-plan>`) and a label (initials or a
   * pseudonym); returns their id. Throws `locked` while the desk is
   * locked, `label_empty`, `label_too_long`, `too_many_people`, or the
   * plan's codes.
   */
  add(plan: PlanValue | string, label: string): string;
  /** Locks the desk now: the caseload leaves the page's memory. */
  lock(): void;
  connectedCallback(): void;
  disconnectedCallback(): void;
  attributeChangedCallback(name: string): void;
}

/**
 * `<passerelle-catalogue-editor>`: the structure's own catalogue of
 * partners, written with forms, checked as it is typed by the engine's
 * own checks, previewed through sample people, imported from
 * data·inclusion, saved as the file `catalog-src` serves. `territory`:
 * where the structure serves (a department or commune code).
 */
export class PasserelleCatalogueEditor extends HTMLElement {
  static observedAttributes: string[];
  /**
   * The catalogue being written, as a JSON value (problems or not), or
   * `null` before the editor is made; setting one opens it.
   */
  catalog: CatalogueInput | string | null;
  connectedCallback(): void;
  disconnectedCallback(): void;
  attributeChangedCallback(name: string): void;
}

/** `detail` of the `passerelle:catalogue-change` event (the catalogue itself is `element.catalog`). */
export interface CatalogueChangeDetail {
  /** How many entries the catalogue has. */
  entries: number;
  /** How many problems it has (0: it can be saved and served). */
  problems: number;
}

/**
 * `<passerelle-parcours>`: the questionnaire, the help and services, and
 * the plan, chained with a list of steps; the one tag most sites need.
 * The events of the three widgets bubble out of it.
 */
export class PasserelleParcours extends HTMLElement {
  static observedAttributes: string[];
  connectedCallback(): void;
  disconnectedCallback(): void;
  attributeChangedCallback(): void;
}

/** `detail` of the `passerelle:plan-change` event. */
export interface PlanChangeDetail {
  /** The plan as it is now (`docs/plan-format.md`); `null` once the person erased it. */
  plan: PlanValue | null;
}

/** `detail` of the `passerelle:orientation` event. */
export interface OrientationDetail {
  /** As `Engine.orient` gives it with `detailed: true`; worked out when first read. */
  orientation: DetailedOrientation;
}

/** `detail` of the `passerelle:diagnosis-complete` event. */
export interface DiagnosisCompleteDetail {
  questionnaire_id: string;
  locale: Locale;
  /** Answers keyed by question id. */
  answers: Record<string, AnswerValue>;
  diagnosis: DiagnosisResult;
}

/** `detail` of the `passerelle:error` event. */
export interface PasserelleErrorDetail {
  /**
   * `wasm_blocked` when the page's Content-Security-Policy refuses
   * WebAssembly (no `'wasm-unsafe-eval'`); `file_protocol` when the page
   * was opened as a file (`file://`); `load_failed` when the module
   * could not be loaded otherwise (each also said in the element, part
   * `fallback`); `fetch_failed` when
   * `catalog-src` or `questionnaire-src` could not be fetched;
   * `invalid_questionnaire`, `invalid_catalogue`…: the code of the error.
   * `element_name_taken`, sent on `document` when the module is imported,
   * when another script defined one of the five element names first
   * (Passerelle's element is not registered under it).
   */
  code: string;
  message: string;
  /** With `element_name_taken`: the name taken (`"passerelle-diagnostic"`…). */
  element?: string;
}

/**
 * `detail` of the `passerelle:language` event: the element shows another
 * language than the one its `lang` asks (none of the package's languages,
 * a variety shown in its standard language such as `prs` in `fa`, or a
 * file that could not be fetched). See docs/languages.md for the chain.
 */
export interface LanguageDetail {
  /** The tag asked (`lang`, or the browser's first language for `auto`). */
  asked: string;
  /** The tag shown. */
  shown: string;
}

declare global {
  interface HTMLElementTagNameMap {
    'passerelle-diagnostic': PasserelleDiagnostic;
    'passerelle-orientation': PasserelleOrientation;
    'passerelle-plan': PasserellePlan;
    'passerelle-parcours': PasserelleParcours;
    'passerelle-suivi': PasserelleSuivi;
    'passerelle-catalogue-editor': PasserelleCatalogueEditor;
  }
  interface HTMLElementEventMap {
    'passerelle:diagnosis-complete': CustomEvent<DiagnosisCompleteDetail>;
    'passerelle:orientation': CustomEvent<OrientationDetail>;
    'passerelle:plan-change': CustomEvent<PlanChangeDetail>;
    'passerelle:error': CustomEvent<PasserelleErrorDetail>;
    'passerelle:language': CustomEvent<LanguageDetail>;
    'passerelle:catalogue-change': CustomEvent<CatalogueChangeDetail>;
  }
}

/**
 * The widget behind `<passerelle-diagnostic>`, written in Rust; the element
 * makes it. (Declared here rather than re-exported from
 * passerelle_wasm.d.ts, whose `[Symbol.dispose]` needs the "esnext" lib.)
 * The four widgets' classes exported are the whole module's: `undefined`
 * until `load()` has resolved.
 */
export class DiagnosticWidget {
  /** Renders the questionnaire into `host`'s shadow root, in `lang` (French by default). */
  constructor(host: HTMLElement, lang?: string | null);
  /** Frees the WebAssembly memory it holds. */
  free(): void;
  /** The answers given so far, keyed by question id. */
  answers(): Record<string, AnswerValue>;
  /**
   * What the person did, for the element to hold while it is off the page
   * (the texts persistence writes); the element frees the widget, then
   * gives it to `resume` of the widget it makes when it comes back.
   */
  suspend(): string;
  /** Takes back what `suspend` gave, on the questionnaire asked now; `false` when it does not fit it. */
  resume(kept: string): boolean;
  /** Shows the widget in another language; an unknown one gives French. */
  setLocale(lang?: string | null): void;
  /**
   * Keeps the answers on the device between visits: `"session"` or
   * `"local"` (any case, spaces around ignored); `null` for nowhere (what
   * this widget kept is erased); any other value keeps and erases
   * nothing and throws `bad_persist`. `key` (the element's id) keeps two
   * questionnaires' answers apart; the questionnaire's id is in the key
   * too. A kept value that cannot be read (a newer version) stays, never
   * written over, and is told.
   */
  setPersistence(mode?: string | null, key?: string | null): void;
  /**
   * Asks the questions of `questionnaire` (an object or its JSON text) from
   * the first one; `null` for the default questionnaire. With persistence
   * on, answers kept for this same questionnaire come back. Throws
   * `invalid_questionnaire` (every problem in `details`) and keeps the
   * questions and answers it had.
   */
  setQuestionnaire(questionnaire: object | string | null): void;
  /**
   * Where "Quitter rapidement" leads (`quick-exit-url`): an `https:` or
   * `http:` address, resolved against the page; `null` for the default,
   * `https://www.google.fr/`. Throws `invalid_argument` for another kind.
   */
  setQuickExitUrl(url?: string | null): void;
}

/** The widget behind `<passerelle-orientation>`, written in Rust; the element makes it. */
export class OrientationWidget {
  /** Renders into `host`'s shadow root, in `lang` (French by default), with the national catalogue. */
  constructor(host: HTMLElement, lang?: string | null);
  free(): void;
  /** Shows the widget in another language; an unknown one gives French. */
  setLocale(lang?: string | null): void;
  /** Orients from a diagnosis result (object or JSON text); `null` clears it. */
  setDiagnosis(diagnosis: DiagnosisResult | string | null): void;
  /**
   * The filters the person chose, for the element to hold while it is off the page
   * (the texts persistence writes); the element frees the widget, then
   * gives it to `resume` of the widget it makes when it comes back.
   */
  suspend(): string;
  /** Takes back the filters of `suspend`. */
  resume(kept: string): boolean;
  /** Places a person whose answers do not say where they live in a department or commune; `null` for none. */
  setTerritory(territory?: string | null): void;
  /** Merges a local catalogue (object or JSON text) into the national one. */
  setLocalCatalogue(catalogue: object | string): void;
  /**
   * Where "Quitter rapidement" leads (`quick-exit-url`): an `https:` or
   * `http:` address, resolved against the page; `null` for the default,
   * `https://www.google.fr/`. Throws `invalid_argument` for another kind.
   */
  setQuickExitUrl(url?: string | null): void;
}

/** The widget behind `<passerelle-plan>`, written in Rust; the element makes it. */
export class PlanWidget {
  /** Renders into `host`'s shadow root, in `lang` (French by default), with the national catalogue. */
  constructor(host: HTMLElement, lang?: string | null);
  free(): void;
  /** Shows the widget in another language; an unknown one gives French. */
  setLocale(lang?: string | null): void;
  /** The diagnosis to build from (object or JSON text); `null` clears it. */
  setDiagnosis(diagnosis: DiagnosisResult | string | null): void;
  /** Places a person whose answers do not say where they live in a department or commune; `null` for none. */
  setTerritory(territory?: string | null): void;
  /** Merges a local catalogue (object or JSON text) into the national one. */
  setLocalCatalogue(catalogue: object | string): void;
  /** The plan's value, or `null` before it is built. */
  plan(): PlanValue | null;
  /**
   * The plan's JSON (`null` before it is built), for the element to hold while it is off the page
   * (the texts persistence writes); the element frees the widget, then
   * gives it to `resume` of the widget it makes when it comes back.
   */
  suspend(): string | null;
  /** Takes back the plan of `suspend`; `false` when there is none. */
  resume(kept: string | null): boolean;
  /**
   * Keeps the plan on the device between visits: `"session"` or
   * `"local"` (any case, spaces around ignored); `null` for nowhere (what
   * this widget kept is erased); any other value keeps and erases
   * nothing and throws `bad_persist`. `key` (the element's id) keeps two
   * plans apart. A plan kept before, or changed in another tab, is taken
   * back and told by `passerelle:plan-change`; one that cannot be read
   * (a newer format) stays, never written over, and is told.
   */
  setPersistence(mode?: string | null, key?: string | null): void;
  /**
   * Where "Quitter rapidement" leads (`quick-exit-url`): an `https:` or
   * `http:` address, resolved against the page; `null` for the default,
   * `https://www.google.fr/`. Throws `invalid_argument` for another kind.
   */
  setQuickExitUrl(url?: string | null): void;
}

/** The widget behind `<passerelle-parcours>`, written in Rust; the element makes it. */
export class ParcoursWidget {
  /** Renders the steps into `host`'s shadow root, in `lang`, passing `catalog_src` and `persist` on. */
  constructor(host: HTMLElement, lang?: string | null, catalog_src?: string | null, persist?: string | null);
  free(): void;
  /** Shows the parcours and its widgets in another language. */
  setLocale(lang?: string | null): void;
  /** The step shown: 0 the questions, 1 the help and services, 2 the plan. */
  step(): number;
  /**
   * Where the parcours stands (the step, the diagnoses given on), for the element to hold while it is off the page
   * (the texts persistence writes); the element frees the widget, then
   * gives it to `resume` of the widget it makes when it comes back.
   */
  suspend(): string;
  /** Takes back where the parcours stood. */
  resume(kept: string): boolean;
  /** Where "Quitter rapidement" leads on the three steps (`quick-exit-url`, passed on); `null` for the default. */
  setQuickExitUrl(url?: string | null): void;
  /**
   * Passes the parcours' attribute `name` (`catalog-src`, `persist`, `theme`, `territory`,
   * `questionnaire-src`, `quick-exit-url`) on to the steps that take it; `null` removes it.
   */
  passOn(name: string, value?: string | null): void;
}
