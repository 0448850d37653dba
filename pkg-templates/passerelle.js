// Passerelle: importing this module registers <passerelle-parcours>,
// <passerelle-diagnostic>, <passerelle-orientation> and <passerelle-plan>.
// It also exports the engine API (Engine, Diagnosis, Plan, Reasons,
// DataInclusionImport, registerLanguage): call load() before using it;
// those names are undefined until the whole module has loaded.
//
// The element is a thin shim: wasm-bindgen cannot subclass HTMLElement, so
// this class forwards the element's life cycle to the widget written in
// Rust (DiagnosticWidget), which renders into the element's shadow root.
//
// The questionnaire module's glue is bundled into this file; the whole
// module's glue (`passerelle_wasm.js`) is a file of its own, imported only
// when the whole module is loaded: a page that begins with questions does
// not load it before its first question.
import initQuestionnaire, * as questionnaire from './passerelle_questionnaire.js';
import { fetchedOptions, fetchText } from './fetch-options.js';

/**
 * One of the package's three WebAssembly modules, fetched next to this
 * module once something needs it: `QUESTIONNAIRE`
 * (`passerelle_questionnaire_bg.wasm`), what a first question needs
 * (`<passerelle-diagnostic>`, `<passerelle-parcours>`), `WHOLE`
 * (`passerelle_wasm_bg.wasm` and its glue `passerelle_wasm.js`), the
 * engine API and every other widget (`<passerelle-orientation>`,
 * `<passerelle-plan>`, `<passerelle-suivi>`, `load()`), and `EDITOR`
 * (`passerelle_editor_bg.wasm`, `passerelle_editor.js`), the catalogue
 * editor. A page whose first element asks
 * questions loads only the first before its first question; each
 * registers the languages and the catalogue it needs (docs/size.md).
 */
class WasmModule {
  /** The loading under way or done, or `null`. */
  loading = null;
  /** Whether it has loaded: the elements made after need no numbers first. */
  loaded = false;
  /** The module's glue (its classes and functions) once it has loaded, else `null`. */
  exports = null;
  /** The national catalogue registered in it, or being registered, or `null`. */
  catalogue = null;
  #drawn;
  /** Resolves once an element has made its widget with this module, or given up. */
  firstDrawn = new Promise((resolve) => {
    this.#drawn = resolve;
  });

  /**
   * `start` instantiates the module and resolves to its glue; `after`,
   * if given, resolves when the loading may begin (without it, the
   * `.wasm` is requested at once, within the call to `load()`).
   */
  constructor(start, after = null) {
    this.start = start;
    this.after = after;
  }

  /** An element made its widget with this module (its first question, for the questionnaire's), or gave up. */
  drawn() {
    this.#drawn();
  }

  /** Loads the module (once). */
  load() {
    if (this.loading) return this.loading;
    // Started within this call when nothing is awaited: the request goes
    // out before the caller draws anything (the first question waits for
    // the `.wasm`, and on a slow network every millisecond of it counts).
    const started = this.after
      ? this.after().then(() => this.start())
      : new Promise((resolve) => resolve(this.start()));
    this.loading = started.then((glue) => {
      this.exports = glue;
      this.loaded = true;
      // The commune table: a file of the package per department, fetched
      // only when a widget needs one (a postal code answered, a place to name).
      glue.setCommuneSource(textOfCommunes);
    });
    return this.loading;
  }
}

const QUESTIONNAIRE = new WasmModule(() => initQuestionnaire().then(() => questionnaire));

/**
 * The engine API, exported by this module: `undefined` until the whole
 * module has loaded (`await load()`, `await createEngine()`, or an element
 * that needs it), then the whole module's own classes and function. A
 * module that imports them by name (`import { Engine } from …`) sees them
 * change, as ES modules' exports do; a copy taken before (`const { Engine }
 * = await import(…)` before `load()`) stays `undefined`.
 */
export let Engine;
export let Diagnosis;
export let Plan;
export let Reasons;
export let DataInclusionImport;
export let registerLanguage;
/** The whole module's widgets (the elements make theirs): `undefined` until it has loaded, as the engine API. */
export let DiagnosticWidget;
export let OrientationWidget;
export let ParcoursWidget;
export let PlanWidget;

/**
 * Imports the whole module's glue, `passerelle_wasm.js`, and instantiates
 * the module; resolves to the glue. The `.wasm` is fetched while the glue
 * is, not once it has come: a page that needs the whole module first
 * (`<passerelle-orientation>`, `load()`) waits one round trip, not two.
 * The glue's own request is the same (`fetch(url)`), so a preload hint
 * for the `.wasm` still serves it.
 */
async function startWhole() {
  const wasm = fetch(new URL('./passerelle_wasm_bg.wasm', import.meta.url));
  // Told by the glue's instantiation when it awaits it, not as unhandled when the glue fails first.
  wasm.catch(() => {});
  const glue = await import('./passerelle_wasm.js');
  await glue.default({ module_or_path: wasm });
  ({
    Engine, Diagnosis, Plan, Reasons, DataInclusionImport, registerLanguage,
    DiagnosticWidget, OrientationWidget, ParcoursWidget, PlanWidget,
  } = glue);
  return glue;
}

/**
 * The whole module waits for the first question when a questionnaire is
 * being made (its widget made and a frame drawn): on a slow connection it
 * never shares the bandwidth with what the question needs. The catalogue
 * the questionnaire adapts to comes first, being smaller.
 */
const WHOLE = new WasmModule(startWhole, () => (QUESTIONNAIRE.loading
  ? QUESTIONNAIRE.firstDrawn.then(afterFirstFrame).then(() => textOfCatalogue()).catch(() => {})
  : Promise.resolve()));

/**
 * Imports the catalogue editor's glue, `passerelle_editor.js`, and
 * instantiates its module (`passerelle_editor_bg.wasm`, the `.wasm`
 * fetched while the glue is); resolves to the glue. Only a page with
 * `<passerelle-catalogue-editor>` loads it.
 */
async function startEditor() {
  const wasm = fetch(new URL('./passerelle_editor_bg.wasm', import.meta.url));
  wasm.catch(() => {});
  const glue = await import('./passerelle_editor.js');
  await glue.default({ module_or_path: wasm });
  return glue;
}

/** The catalogue editor's module: a structure's staff tool, apart from the people's pages. */
const EDITOR = new WasmModule(startEditor);

/**
 * Resolves once the page has drawn a frame (the first question, made as
 * soon as the module has loaded), or after 50 ms when no frame comes (a
 * page in a background tab draws none).
 */
function afterFirstFrame() {
  return new Promise((resolve) => {
    const late = setTimeout(resolve, 50);
    globalThis.requestAnimationFrame?.(() => {
      clearTimeout(late);
      setTimeout(resolve, 0);
    });
  });
}

/** The national catalogue's text, fetched or being fetched, or `null`. */
let catalogueText = null;

/**
 * The text of the national catalogue, a file of this package
 * (`data/catalogue.json`, which the host may replace with a copy in the
 * same format): fetched once for both modules. A failure is thrown to the
 * callers waiting, and the next call tries again.
 * @returns {Promise<string>}
 */
function textOfCatalogue() {
  if (!catalogueText) {
    const fetching = fetchText('catalogue', new URL('./data/catalogue.json', import.meta.url), '$.catalogue');
    fetching.catch(() => {
      if (catalogueText === fetching) catalogueText = null;
    });
    catalogueText = fetching;
  }
  return catalogueText;
}

/**
 * Registers the national catalogue in `module`: once, and only after the
 * module has loaded and the page has drawn a frame (the first question),
 * so that on a slow connection it never shares the bandwidth with the
 * module and never delays the first question. A failure is thrown to the
 * callers waiting, and the next call tries again.
 * @returns {Promise<void>}
 */
function loadCatalogue(module) {
  if (!module.catalogue) {
    const loading = module.load()
      .then(afterFirstFrame)
      .then(textOfCatalogue)
      .then((text) => {
        module.exports.registerCatalogue(text);
      });
    loading.catch(() => {
      if (module.catalogue === loading) module.catalogue = null;
    });
    module.catalogue = loading;
  }
  return module.catalogue;
}

/**
 * Loads the WebAssembly module, then the national catalogue (each once;
 * later calls share the same loading). An `Engine` made after it starts
 * from the national catalogue. Rejects with an Error of code
 * `fetch_failed` or `invalid_catalogue` when the catalogue cannot be had.
 * @returns {Promise<void>}
 */
export function load() {
  return loadCatalogue(WHOLE);
}

/** The URL of the commune part of `department`: a file of this package. */
function communePart(department) {
  return new URL(`./communes/${encodeURIComponent(department)}.txt`, import.meta.url);
}

/** The commune parts fetched or being fetched: department → promise of the text. */
const communeParts = new Map();

/**
 * The text of the commune part of `department`, fetched once for both
 * modules; a failed fetch may be tried again later.
 */
function textOfCommunes(department) {
  if (!communeParts.has(department)) {
    const fetching = fetchText('communes', communePart(department));
    fetching.catch(() => communeParts.delete(department));
    communeParts.set(department, fetching);
  }
  return communeParts.get(department);
}

/**
 * The commune parts of `departments` (`["93", "2A", "974"]`), fetched
 * from this package's own files, for `new Engine({communes})`. Throws an
 * Error with code `fetch_failed` when one cannot be fetched.
 * @param {string[]} departments
 * @returns {Promise<string[]>}
 */
export function loadCommunes(departments) {
  return Promise.all(departments.map((department) => fetchText('communes', communePart(department), '$.communes')));
}

/** The language for an element: its own `lang`, else the nearest one. */
function languageOf(element) {
  return element.closest('[lang]')?.getAttribute('lang') ?? 'fr';
}

/** The language files fetched or being fetched: tag → promise of the text. */
const languageFiles = new Map();

/** The text of `locales/<tag>.json`, fetched once for both modules; a failed fetch may be tried again later. */
function textOfLanguage(tag) {
  if (!languageFiles.has(tag)) {
    const url = new URL(`./locales/${encodeURIComponent(tag)}.json`, import.meta.url);
    const fetching = fetchText('language', url, '$.lang');
    fetching.catch(() => languageFiles.delete(tag));
    languageFiles.set(tag, fetching);
  }
  return languageFiles.get(tag);
}

/**
 * Makes the language `tag` speakable in `module`: French is in the
 * modules; any other is a file of this package, fetched once, only when a
 * page shows it. Resolves to the tag registered.
 */
async function languageIn(module, tag) {
  await module.load();
  if (module.exports.hasLanguage(tag)) return tag;
  const text = await textOfLanguage(tag);
  // Registered meanwhile by another call.
  if (module.exports.hasLanguage(tag)) return tag;
  return module.exports.registerLanguage(text);
}

/**
 * Makes the language `tag` speakable by the engine: French is in the
 * module; any other, English included (its messages, its questionnaire's
 * and catalogue's texts), is a file of this package (`locales/<tag>.json`),
 * fetched once, only when a page shows it. Rejects with an Error of code
 * `fetch_failed` or `bad_language_file`.
 * @param {string} tag
 * @returns {Promise<string>}
 */
export function loadLanguage(tag) {
  return languageIn(WHOLE, tag);
}

/**
 * The language an element shows, loaded in its module: what its `lang`
 * (or the nearest one) asks, `auto` for the browser's languages, along
 * the chain of docs/languages.md. When it is not the language asked, the
 * element sends `passerelle:language` with `{asked, shown}`.
 */
async function languageFor(element) {
  const { module } = element;
  await module.load();
  const lang = languageOf(element).trim();
  const asked = lang.toLowerCase() === 'auto' ? [...(navigator.languages ?? [navigator.language])] : [lang];
  const choice = module.exports.chooseLanguage(asked);
  let shown = choice.tag;
  let fellBackFrom = choice.fell_back_from;
  try {
    await languageIn(module, shown);
  } catch (error) {
    // The file could not come: English, else French (in the module), and
    // the page is told.
    reportError(element, error);
    fellBackFrom ??= shown;
    shown = await languageIn(module, 'en').catch(() => 'fr');
  }
  if (fellBackFrom != null) {
    element.dispatchEvent(new CustomEvent('passerelle:language', {
      bubbles: true,
      composed: true,
      detail: { asked: fellBackFrom, shown },
    }));
  }
  return shown;
}

/** The elements whose language follows their ancestors' `lang` and the browser's. */
const following = new Set();

/** Watches `lang` anywhere on the page, and the browser's languages, once. */
function followLanguages() {
  if (followLanguages.watching || typeof MutationObserver === 'undefined') return;
  followLanguages.watching = true;
  new MutationObserver((records) => {
    for (const element of following) {
      if (records.some((record) => record.target.contains(element))) element.languageChanged();
    }
  }).observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
  addEventListener('languagechange', () => following.forEach((element) => element.languageChanged()));
}

function reportError(element, error, code = error?.code ?? 'load_failed') {
  element.dispatchEvent(new CustomEvent('passerelle:error', {
    bubbles: true,
    composed: true,
    detail: { code, message: String(error?.message ?? error) },
  }));
}

/**
 * The national emergency numbers, readable from the moment an element is
 * on the page: the module cannot say them before it arrives, so they live
 * here too. Each is free, day and night (service-public.fr F33954, the
 * 115's, 119's and 3919's own pages). A test checks this list against the
 * core's contact table (`passerelle_core::diagnosis`): keep one entry a
 * line. `service` is the key of its name in the translation files
 * (alerts.json).
 */
const EMERGENCY_NUMBERS = [
  { number: '115', sms: false, service: 'service-shelter-115' },
  { number: '3919', sms: false, service: 'service-violence-women-3919' },
  { number: '17', sms: false, service: 'service-police-17' },
  { number: '112', sms: false, service: 'service-emergency-112' },
  { number: '114', sms: true, service: 'service-sms-114' },
  { number: '119', sms: false, service: 'service-child-in-danger-119' },
  { number: '15', sms: false, service: 'service-samu-15' },
];

/**
 * The words shown before the module arrives (the numbers' panel) and when
 * it cannot load (the fallback sentence: the page's policy refusing
 * WebAssembly, no 'wasm-unsafe-eval', told apart from any other failure),
 * in every language Passerelle ships: `{languages: {tag: {dir, "numbers-title", "fallback-wasm-blocked",
 * "fallback-load-failed", "fallback-file-protocol", services: {key: name}}}, aliases: {tag: tag}}`.
 * `cargo xtask package` writes them here from the translation files
 * (`first-words.json`, `alerts.json`; crates/xtask/first-words.mjs).
 */
const FIRST_WORDS = /*@first-words*/{};

/**
 * The language of the words shown before the module: the element's
 * `lang` (or the browser's, for `auto`), else an alias's language, else
 * English, as the module's chain would choose (docs/languages.md).
 */
function firstLanguage(element) {
  const known = FIRST_WORDS.languages ?? {};
  const lang = languageOf(element).trim().toLowerCase();
  const asked = lang === 'auto' ? [...(navigator.languages ?? [navigator.language])] : [lang];
  for (const tag of asked) {
    const primary = String(tag ?? '').toLowerCase().split(/[-_]/)[0];
    const found = known[primary] ? primary : FIRST_WORDS.aliases?.[primary];
    if (found && known[found]) return found;
  }
  return known.en ? 'en' : 'fr';
}

/** The shim's words in `lang`, with the language's direction. */
function firstWords(lang) {
  return FIRST_WORDS.languages?.[lang] ?? { dir: 'ltr', services: {} };
}

/** The numbers' look, in the shadow root before the widget's own. */
let numbersStyle = null;

function numbersSheet() {
  if (!numbersStyle) {
    numbersStyle = new CSSStyleSheet();
    numbersStyle.replaceSync(`
      :host { display: block; }
      .numbers { margin: 0 0 1rem; padding: 0.5rem 0.75rem; border: 2px solid #ce0500; border-radius: 0.25rem; background: #ffe9e6; color: #161616; font: 1rem/1.4 system-ui, sans-serif; }
      .numbers p { margin: 0 0 0.25rem; font-weight: 700; }
      .numbers ul { margin: 0; padding: 0; list-style: none; display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; }
      .numbers a { color: #161616; font-weight: 700; display: inline-block; min-height: 1.5rem; }
    `);
  }
  return numbersStyle;
}

/** The emergency numbers as a small section (`part="emergency-numbers"`), in `lang`. */
function numbersPanel(lang) {
  const words = firstWords(lang);
  const section = document.createElement('section');
  section.className = 'numbers';
  section.setAttribute('part', 'emergency-numbers');
  section.setAttribute('lang', lang);
  section.setAttribute('dir', words.dir);
  const title = document.createElement('p');
  title.id = 'passerelle-numbers-title';
  title.textContent = words['numbers-title'] ?? '';
  section.setAttribute('aria-labelledby', title.id);
  const list = document.createElement('ul');
  for (const line of EMERGENCY_NUMBERS) {
    const item = document.createElement('li');
    const link = document.createElement('a');
    link.href = `${line.sms ? 'sms' : 'tel'}:${line.number}`;
    link.textContent = line.number;
    // The number stays left to right inside a right-to-left sentence.
    link.setAttribute('dir', 'ltr');
    item.append(link, ` ${words.services[line.service] ?? ''}`);
    list.append(item);
  }
  section.append(title, list);
  return section;
}

/** Shows the emergency numbers in `element` while the module loads. */
function showNumbers(element) {
  const root = element.shadowRoot ?? element.attachShadow({ mode: 'open' });
  if (root.childNodes.length > 0) return; // a widget, or the numbers already
  try {
    root.adoptedStyleSheets = [numbersSheet()];
  } catch {
    // No constructable style sheets: the numbers show unstyled.
  }
  root.replaceChildren(numbersPanel(firstLanguage(element)));
}

/** Whether `error` is the page's policy refusing to compile WebAssembly. */
function blockedByPolicy(error) {
  return /wasm-unsafe-eval|unsafe-eval|Content Security Policy|\bCSP\b/i.test(String(error?.message ?? error));
}

/** The sentence of each code `showFallback` sends. */
const FALLBACK_WORDS = {
  wasm_blocked: 'fallback-wasm-blocked',
  file_protocol: 'fallback-file-protocol',
  load_failed: 'fallback-load-failed',
};

/**
 * Shows in `element` why it cannot work (a paragraph, `part="fallback"`,
 * in the element's language) after the emergency numbers, which stay,
 * and sends `passerelle:error` with the code `wasm_blocked`,
 * `file_protocol` (a page opened as a file: browsers fetch no module or
 * WebAssembly from `file://`) or `load_failed`; or with `told`, the code
 * of what failed once the module was there (the catalogue's
 * `fetch_failed`…).
 */
function showFallback(element, error, told) {
  const code = blockedByPolicy(error) ? 'wasm_blocked'
    : globalThis.location?.protocol === 'file:' ? 'file_protocol' : 'load_failed';
  const lang = firstLanguage(element);
  const root = element.shadowRoot ?? element.attachShadow({ mode: 'open' });
  const words = document.createElement('p');
  words.setAttribute('part', 'fallback');
  words.setAttribute('lang', lang);
  words.setAttribute('dir', firstWords(lang).dir);
  words.textContent = firstWords(lang)[FALLBACK_WORDS[code]] ?? '';
  try {
    root.adoptedStyleSheets = [numbersSheet()];
  } catch {
    // No constructable style sheets: the numbers show unstyled.
  }
  root.replaceChildren(numbersPanel(lang), words);
  reportError(element, error, told ?? code);
}

/** Runs `call`; a failure becomes a `passerelle:error` event on `element`. */
function reporting(element, call) {
  try {
    call();
  } catch (error) {
    reportError(element, error);
  }
}

/**
 * What every element shares: its widget, made once the module is loaded
 * and `prepare()` is done (by `makeWidget(lang)`, then `ready()`), freed
 * when the element leaves the page. An element moved within the page
 * keeps its widget.
 *
 * An element taken off the page and put back later (Vue's KeepAlive, a
 * portal, a tab panel: at once, in another task or minutes later) keeps
 * the person's work. Its widget cannot stay while it is off: an element
 * removed for good would hold its WebAssembly memory for ever (nothing
 * tells the page it is gone). So the widget is freed, and first hands its
 * state to the element, in memory: the texts persistence writes
 * (`suspend()`: the session's snapshot, the plan's JSON, the parcours's
 * step), which the element gives to the widget it makes when it comes
 * back (`resume()`). An element removed for good is collected with those
 * few texts; no WebAssembly memory stays taken. See "Element life cycle
 * and races" in docs/robustness.md.
 */
class WidgetElement extends HTMLElement {
  #widget = null;
  /** The making of the widget under way (an object of its own), or `null`. */
  #making = null;
  /** What the freed widget handed over, until the next one takes it back. */
  #kept = null;

  /** The widget, once the module is loaded. */
  get widget() {
    return this.#widget;
  }

  /** The WebAssembly module the element's widget is in. */
  get module() {
    return WHOLE;
  }

  connectedCallback() {
    following.add(this);
    followLanguages();
    if (this.#widget || this.#making) return; // moved within the page
    this.#make();
  }

  /** The language the widget shows now. */
  #shownLanguage = null;
  /** The number of the last language change asked: only the last one is applied. */
  #languageAsked = 0;

  /**
   * The element's language may have changed (its `lang`, an ancestor's,
   * the browser's for `auto`): the widget switches, keeping everything
   * the person did.
   */
  languageChanged() {
    if (!this.#widget) return;
    const asked = ++this.#languageAsked;
    languageFor(this).then((lang) => {
      if (asked !== this.#languageAsked || !this.#widget || lang === this.#shownLanguage) return;
      this.#shownLanguage = lang;
      reporting(this, () => this.#widget.setLocale(lang));
      this.#drawLanguageMenu();
    });
  }

  /** Makes the widget: the module loaded and `prepare()` done, then `ready()`. */
  #make() {
    const making = {};
    this.#making = making;
    // The module requested first, then the emergency numbers drawn, at
    // once, until the widget replaces them.
    const loaded = this.module.loaded;
    const loading = this.module.load();
    if (!loaded) showNumbers(this);
    const language = languageFor(this);
    Promise.all([loading, language, this.prepare()])
      .then(async ([, lang]) => {
        // Off the page meanwhile (another making may have begun since).
        if (this.#making !== making || !this.isConnected || this.#widget) return;
        this.#widget = this.makeWidget(lang);
        this.#shownLanguage = lang;
        this.#drawLanguageMenu();
        if (this.hasAttribute('quick-exit-url')) this.#quickExit();
        await this.ready();
        if (this.#making === making) this.#resume();
      })
      .catch(async (error) => {
        // The module itself failed: the element says so instead of staying blank.
        const loaded = await loading.then(() => true, () => false);
        if (!loaded) showFallback(this, error);
        // No widget (its catalogue could not be fetched…): the words, not a blank.
        else if (!this.#widget && this.#making === making && this.isConnected) showFallback(this, error, error?.code);
        else reportError(this, error);
      })
      .finally(() => {
        this.module.drawn();
        if (this.#making === making) this.#making = null;
      });
  }

  disconnectedCallback() {
    following.delete(this);
    // Later, not now: the element may only be moving, and this may run
    // inside one of the widget's own event handlers.
    queueMicrotask(() => {
      if (this.isConnected) return;
      this.#suspend();
      // A making under way is dropped: back on the page, the element
      // makes its widget again.
      this.#making = null;
    });
  }

  /** Frees the widget, its state (and its inner elements') handed to the element first. */
  #suspend() {
    const widget = this.#widget;
    if (!widget) return;
    this.#widget = null;
    // State not taken back yet (put back, then off again at once) stays.
    if (this.#kept === null) {
      try {
        const inner = this.innerElements().filter((element) => element instanceof WidgetElement);
        this.#kept = { own: widget.suspend(), inner: inner.map((element) => element.#release()) };
        // Out of the way: put back, they would start making widgets of
        // their own before the new widget draws new ones in their place.
        for (const element of inner) element.remove();
      } catch (error) {
        reportError(this, error);
      }
    }
    widget.free();
  }

  /** Frees the widget, and gives what it handed over (for an outer element to keep). */
  #release() {
    this.#suspend();
    this.#making = null;
    const kept = this.#kept;
    this.#kept = null;
    return kept;
  }

  /** Gives the widget made the state its element kept, if any (its inner elements theirs). */
  #resume() {
    const kept = this.#kept;
    if (kept === null || !this.#widget) return;
    this.#kept = null;
    reporting(this, () => this.#widget.resume(kept.own));
    const inner = this.innerElements().filter((element) => element instanceof WidgetElement);
    inner.forEach((element, index) => element.#takeBack(kept.inner[index] ?? null));
  }

  /** Takes `kept` from an outer element: given to the widget now, or once it is made. */
  #takeBack(kept) {
    if (kept === null) return;
    this.#kept = kept;
    if (!this.#making) this.#resume();
  }

  attributeChangedCallback(name) {
    if (this.#widget) {
      if (name === 'lang') this.languageChanged();
      else if (name === 'language-menu') this.#drawLanguageMenu();
      else if (name === 'quick-exit-url') this.#quickExit();
      else this.changed(name);
    } else if (this.#making) {
      this.changedWhileMaking(name);
    }
  }

  /** The language menu drawn (`language-menu`), or `null`. */
  #languageMenu = null;

  /**
   * With `language-menu`, a menu above the widget lists the package's
   * languages, each by its own name; the person's choice becomes the
   * element's `lang`, so the widget switches keeping everything done.
   */
  #drawLanguageMenu() {
    const root = this.shadowRoot;
    this.#languageMenu?.remove();
    this.#languageMenu = null;
    if (!root || !this.#widget || !this.hasAttribute('language-menu')) return;
    reporting(this, () => {
      const { label, languages } = this.module.exports.languageMenu(this.#shownLanguage ?? 'fr');
      const box = document.createElement('div');
      box.className = 'language-menu';
      box.setAttribute('part', 'language-menu');
      const words = document.createElement('label');
      words.htmlFor = 'passerelle-language-menu';
      words.textContent = label;
      const select = document.createElement('select');
      select.id = 'passerelle-language-menu';
      for (const language of languages) {
        const option = new Option(language.name, language.tag);
        option.lang = language.tag;
        option.dir = language.direction;
        option.selected = language.tag === this.#shownLanguage;
        select.append(option);
      }
      select.addEventListener('change', () => this.setAttribute('lang', select.value));
      box.append(words, ' ', select);
      root.prepend(box);
      this.#languageMenu = box;
    });
  }

  /** Where "Quitter rapidement" leads: `quick-exit-url`, else the default. */
  #quickExit() {
    reporting(this, () => this.#widget.setQuickExitUrl(this.getAttribute('quick-exit-url')));
  }

  /** What the widget freed while the element is off the page handed over (its `suspend()`), or `null`. */
  keptWhileOff() {
    return this.#kept?.own ?? null;
  }

  /** The elements inside this one whose widgets it frees and makes with its own. */
  innerElements() {
    return [];
  }

  /** What the element fetches while the module loads. */
  async prepare() {}

  /** What the element does once its widget is made. */
  async ready() {}

  /** What the element does when attribute `name` (not `lang`) changes. */
  changed() {}

  /** What the element does when attribute `name` changes while its widget is being made. */
  changedWhileMaking() {}
}

/**
 * Registers `element` under `name`. A name another script took first is
 * not taken from it: a console warning names the element, and
 * `passerelle:error` (code `element_name_taken`) is sent on `document`.
 */
function define(name, element) {
  const taken = customElements.get(name);
  if (!taken) {
    customElements.define(name, element);
    return;
  }
  if (taken === element) return;
  const message = `Passerelle: <${name}> is already defined by another script (or another copy of Passerelle); Passerelle's own <${name}> is not registered, and the element on this page is not Passerelle's.`;
  console.warn(message);
  document.dispatchEvent(new CustomEvent('passerelle:error', {
    detail: { code: 'element_name_taken', message, element: name },
  }));
}

/**
 * The text at the URL an attribute names (`questionnaire-src`,
 * `catalog-src`), fetched each time the attribute changes. Each fetch is
 * numbered: the response to any but the last one asked is dropped, so the
 * text is the one of the attribute as it is now, whatever order the
 * responses come in.
 */
class LatestText {
  #asked = 0;
  /** The text fetched last (`null` without a URL), and the URL it came from. */
  text = null;
  from = null;

  /**
   * Fetches `src` (`what` and `path` name it in errors); with `reuse`,
   * the text already fetched from the same URL serves. Resolves to whether
   * `text` now answers this call: `false` when a later call was made
   * meanwhile. A failure is thrown only to the last call.
   */
  async fetch(src, what, path, { reuse = false } = {}) {
    const asked = ++this.#asked;
    if (reuse && src && src === this.from && this.text !== null) return true;
    let text = null;
    if (src) {
      try {
        text = await fetchText(what, new URL(src, document.baseURI), path);
      } catch (error) {
        if (asked === this.#asked) throw error;
        return false;
      }
    }
    if (asked !== this.#asked) return false;
    this.text = text;
    this.from = src;
    return true;
  }
}

/**
 * `<passerelle-diagnostic>`: the diagnosis questionnaire; the site's own
 * questionnaire from `questionnaire-src` (fetched without cookies) or the
 * `questionnaire` property (which wins), else the default one.
 */
export class PasserelleDiagnostic extends WidgetElement {
  static observedAttributes = ['lang', 'language-menu', 'persist', 'questionnaire-src', 'quick-exit-url'];

  #questionnaire = null;
  /** The text fetched from `questionnaire-src`. */
  #fetched = new LatestText();

  /** The questionnaire given (an object or its JSON text), or `null`. */
  get questionnaire() {
    return this.#questionnaire;
  }

  set questionnaire(value) {
    this.#questionnaire = value ?? null;
    if (this.widget) this.#apply();
  }

  get module() {
    return QUESTIONNAIRE;
  }

  makeWidget(lang) {
    return new questionnaire.DiagnosticWidget(this, lang);
  }

  async prepare() {
    // Back on the page: the questionnaire fetched before serves.
    await this.#fetchQuestionnaire({ reuse: true });
  }

  async ready() {
    // The questionnaire first: the answers kept are taken back on it.
    if (this.#questionnaire !== null || this.#fetched.text !== null) this.#apply();
    this.changed('persist');
    // The first question is shown: now the catalogue, for the questions to come.
    loadCatalogue(QUESTIONNAIRE)
      .then(() => this.widget && reporting(this, () => this.widget.catalogueArrived()))
      .catch((error) => reportError(this, error));
  }

  changed(name) {
    if (name === 'questionnaire-src') {
      this.#fetchQuestionnaire().then((fresh) => {
        if (fresh && this.widget) this.#apply(); // else the questions stay
      });
      return;
    }
    reporting(this, () => this.widget.setPersistence(this.getAttribute('persist'), this.id || null));
  }

  changedWhileMaking(name) {
    // The making waits for the fetch it began; this later one wins.
    if (name === 'questionnaire-src') this.changed(name);
  }

  #apply() {
    reporting(this, () => this.widget.setQuestionnaire(this.#questionnaire ?? this.#fetched.text));
  }

  /**
   * Fetches the text at `questionnaire-src` (`null` without it). Returns
   * whether it did: `false` when it cannot be fetched (told), and when the
   * attribute changed while it was fetched.
   */
  #fetchQuestionnaire(options) {
    return this.#fetched.fetch(this.getAttribute('questionnaire-src'), 'questionnaire', 'questionnaire-src', options)
      .catch((error) => {
        reportError(this, error);
        return false;
      });
  }
}

define('passerelle-diagnostic', PasserelleDiagnostic);

/**
 * What `<passerelle-orientation>` and `<passerelle-plan>` share: a widget
 * made from a diagnosis (`element.diagnosis = detail.diagnosis` from
 * `passerelle:diagnosis-complete`, or `Diagnosis.result()`); `catalog-src`,
 * a local catalogue to merge: the only URL it fetches; `territory`, where
 * to place a person whose answers do not say where they live.
 */
class DiagnosisElement extends WidgetElement {
  static observedAttributes = ['lang', 'language-menu', 'catalog-src', 'territory', 'quick-exit-url'];

  #diagnosis = null;
  /** The catalogue fetched from `catalog-src`. */
  #catalogue = new LatestText();

  /** The diagnosis given (a `DiagnosisResult` object or its JSON text), or `null`. */
  get diagnosis() {
    return this.#diagnosis;
  }

  set diagnosis(value) {
    this.#diagnosis = value ?? null;
    if (this.widget) reporting(this, () => this.widget.setDiagnosis(this.#diagnosis));
  }

  /** The national catalogue, which the widget starts from. */
  async prepare() {
    await loadCatalogue(WHOLE);
  }

  async ready() {
    reporting(this, () => this.widget.setTerritory(this.getAttribute('territory')));
    // A catalogue that cannot be fetched is told; the national one serves.
    await this.#loadCatalogue().catch((error) => reportError(this, error));
    if (this.#diagnosis !== null && this.widget) reporting(this, () => this.widget.setDiagnosis(this.#diagnosis));
  }

  changed(name) {
    if (name === 'territory') reporting(this, () => this.widget.setTerritory(this.getAttribute('territory')));
    else this.#loadCatalogue().catch((error) => reportError(this, error));
  }

  /**
   * Fetches `catalog-src`, if set, and merges it into the catalogue; the
   * text fetched before serves a widget made again for the same URL. The
   * response to the last attribute wins, not the last response.
   */
  async #loadCatalogue() {
    const src = this.getAttribute('catalog-src');
    const fresh = await this.#catalogue.fetch(src, 'catalog-src', 'catalog-src', { reuse: true });
    if (fresh && src && this.widget) this.widget.setLocalCatalogue(this.#catalogue.text);
  }
}

/**
 * `<passerelle-orientation>`: the schemes and services for the needs of a
 * diagnosis, with their eligibility in words, the reasons and how to get in.
 */
export class PasserelleOrientation extends DiagnosisElement {
  static observedAttributes = [...DiagnosisElement.observedAttributes, 'national'];

  /** A catalogue shown alone (`element.catalog`), or `null`. */
  #own = null;

  makeWidget(lang) {
    return new WHOLE.exports.OrientationWidget(this, lang);
  }

  async ready() {
    this.#national();
    await super.ready();
    if (this.#own !== null && this.widget) reporting(this, () => this.widget.setCatalogue(this.#own));
  }

  changed(name) {
    if (name === 'national') this.#national();
    else super.changed(name);
  }

  /** `national="off"` hides the national orientation at the end. */
  #national() {
    if (this.widget) reporting(this, () => this.widget.setNational(this.getAttribute('national') !== 'off'));
  }

  /** The catalogue shown alone, as given, or `null`. */
  get catalog() {
    return this.#own;
  }

  /**
   * Shows this catalogue alone (its value or JSON text), instead of the
   * national one and `catalog-src`'s; `null` goes back to them. A
   * catalogue with problems is told by a `passerelle:error` event
   * (`invalid_catalogue`, every problem in `details`).
   */
  set catalog(value) {
    this.#own = value ?? null;
    if (!this.widget) return;
    reporting(this, () => this.widget.setCatalogue(this.#own));
    if (this.#own === null) this.changed('catalog-src');
  }
}

/**
 * `<passerelle-plan>`: the personalised plan built with the person from a
 * diagnosis; its value is `element.plan` once built, and a plan given to
 * `element.plan` is shown. `persist` keeps it on the device, as
 * `<passerelle-diagnostic>` keeps the answers; `mode="advisor"` records
 * the changes as the advisor's.
 */
export class PasserellePlan extends DiagnosisElement {
  static observedAttributes = [...DiagnosisElement.observedAttributes, 'persist', 'mode'];

  /** A plan given before the widget was made (`undefined`: none given). */
  #given = undefined;

  makeWidget(lang) {
    return new WHOLE.exports.PlanWidget(this, lang);
  }

  async ready() {
    this.changed('mode');
    // The plan kept on the device shows at once, before any catalogue.
    this.changed('persist');
    if (this.#given !== undefined) reporting(this, () => this.widget.setPlan(this.#given));
    this.#given = undefined;
    await super.ready();
  }

  changed(name) {
    if (name === 'mode') reporting(this, () => this.widget.setMode(this.getAttribute('mode')));
    else if (name !== 'persist') super.changed(name);
    else reporting(this, () => this.widget.setPersistence(this.getAttribute('persist'), this.id || null));
  }

  /** The plan's value (`docs/plan-format.md`), or `null` before it is built; off the page, the plan it keeps. */
  get plan() {
    if (this.widget) return this.widget.plan();
    if (this.#given !== undefined) return typeof this.#given === 'string' ? JSON.parse(this.#given) : this.#given;
    const kept = this.keptWhileOff();
    return kept ? JSON.parse(kept) : null;
  }

  /** Shows this plan (its value or JSON text); `null` shows none. A plan that cannot be read is told by a `passerelle:error` event. */
  set plan(value) {
    if (this.widget) reporting(this, () => this.widget.setPlan(value ?? null));
    else this.#given = value ?? null;
  }
}

define('passerelle-orientation', PasserelleOrientation);
define('passerelle-plan', PasserellePlan);

/**
 * `<passerelle-suivi>`: the advisor's desk. The people followed and their
 * plans, review points, the agenda by week, the funder report, the
 * encrypted backup; kept in IndexedDB on this device, encrypted with the
 * advisor's passphrase (`vault.js`, loaded only by this element). `name`
 * names the caseload (several desks on one origin keep theirs apart;
 * read when the element is made); `lock-after`, the minutes without
 * activity before it locks (10 by default).
 */
export class PasserelleSuivi extends WidgetElement {
  static observedAttributes = ['lang', 'language-menu', 'lock-after'];

  makeWidget(lang) {
    return new WHOLE.exports.SuiviWidget(this, lang);
  }

  async ready() {
    this.changed('lock-after');
    const widget = this.widget;
    // A vault that cannot be opened (no IndexedDB, no WebCrypto) is told by the desk.
    const opened = import('./vault.js').then(({ openVault }) => openVault(this.getAttribute('name') || this.id || 'default'));
    await opened.then(
      (vault) => { if (this.widget === widget) reporting(this, () => widget.setVault(vault)); },
      (error) => { if (this.widget === widget) reporting(this, () => widget.setVaultFailure(error)); },
    );
  }

  changed(name) {
    if (name === 'lock-after') reporting(this, () => this.widget.setLockAfter(this.getAttribute('lock-after')));
  }

  /**
   * Adds a person followed, with their plan (`element.plan` of a
   * `<passerelle-plan>`, a plan value or its JSON text) and a label
   * (initials or a pseudonym); returns their id. Throws `locked` while
   * the desk is locked or not made yet.
   */
  add(plan, label) {
    if (!this.widget) throw Object.assign(new Error('The desk is not open yet.'), { code: 'locked' });
    return this.widget.add(plan, label);
  }

  /** Locks the desk now: the caseload leaves the page's memory. */
  lock() {
    if (this.widget) reporting(this, () => this.widget.lock());
  }
}

define('passerelle-suivi', PasserelleSuivi);

/**
 * `<passerelle-catalogue-editor>`: a structure's own catalogue of
 * partners, written with forms, checked as it is typed by the engine's
 * own checks, previewed through sample people, imported from
 * data·inclusion, saved as the file `catalog-src` serves. `territory`
 * (a department or commune code) is where the structure serves: the
 * import's filter and the sample people's place. `element.catalog` is
 * the catalogue being written (its JSON value); giving one opens it.
 */
export class PasserelleCatalogueEditor extends WidgetElement {
  static observedAttributes = ['lang', 'language-menu', 'territory'];

  /** A catalogue given before the widget was made (`undefined`: none). */
  #given = undefined;

  /** The editor's own module, not the whole one. */
  get module() {
    return EDITOR;
  }

  makeWidget(lang) {
    return new EDITOR.exports.CatalogueEditorWidget(this, lang);
  }

  async ready() {
    this.changed('territory');
    // An information sheet in a language not loaded yet fetches it first.
    reporting(this, () => this.widget.setLanguageSource((tag) => languageIn(EDITOR, tag)));
    if (this.#given !== undefined) reporting(this, () => this.widget.open(this.#given));
    this.#given = undefined;
  }

  changed(name) {
    if (name === 'territory') reporting(this, () => this.widget.setTerritory(this.getAttribute('territory')));
  }

  /** The catalogue being written, as a JSON value; `null` before the editor is made. */
  get catalog() {
    if (this.widget) return JSON.parse(this.widget.catalogue());
    if (this.#given != null) return typeof this.#given === 'string' ? JSON.parse(this.#given) : this.#given;
    return null;
  }

  /** Opens this catalogue (its value or JSON text); one that cannot be opened is told in the editor. */
  set catalog(value) {
    if (this.widget) reporting(this, () => this.widget.open(value ?? null));
    else this.#given = value ?? null;
  }
}

define('passerelle-catalogue-editor', PasserelleCatalogueEditor);

/**
 * `<passerelle-parcours>`: the questionnaire, the help and services, and
 * the plan, chained with a list of steps. `catalog-src`, `territory`,
 * `theme`, `persist`, `questionnaire-src` and `quick-exit-url` are passed on
 * to its steps, when it is made and when they change.
 */
export class PasserelleParcours extends WidgetElement {
  static observedAttributes = [
    'lang', 'language-menu', 'quick-exit-url', 'catalog-src', 'persist', 'theme', 'territory', 'questionnaire-src',
  ];

  get module() {
    return QUESTIONNAIRE;
  }

  makeWidget(lang) {
    return new questionnaire.ParcoursWidget(this, lang, this.getAttribute('catalog-src'), this.getAttribute('persist'));
  }

  async ready() {
    // Its questions are drawn: the whole module and the catalogue, for
    // the help and the plan at the end (an error is told by their steps).
    loadCatalogue(WHOLE).catch(() => {});
  }

  /** An attribute changed after the parcours was made: passed on to its steps. */
  changed(name) {
    reporting(this, () => this.widget.passOn(name, this.getAttribute(name)));
  }

  /** The three steps' elements: off the page with the parcours, their work kept with its own. */
  innerElements() {
    return [...(this.shadowRoot?.querySelectorAll('passerelle-diagnostic, passerelle-orientation, passerelle-plan') ?? [])];
  }
}

define('passerelle-parcours', PasserelleParcours);

/**
 * Loads the module, then creates an Engine with its questionnaire and
 * catalogues fetched from the URLs given (`questionnaireUrl`,
 * `catalogueUrl`, `localCatalogueUrl`; nothing else is fetched, with no
 * cookie). Other options are those of `new Engine`. Throws an Error with
 * code `fetch_failed`, or the engine's own codes.
 * @param {object} [options]
 * @returns {Promise<Engine>}
 */
export async function createEngine(options) {
  // An engine given its own catalogue does not need the national one.
  const own = options?.catalogue != null || options?.catalogueUrl != null;
  const [resolved] = await Promise.all([fetchedOptions(options ?? {}), own ? WHOLE.load() : load()]);
  return new Engine(resolved);
}
