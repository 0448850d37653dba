// Passerelle on a page opened as a file (file://): a classic script, for
// pages that may be opened that way (a prototype, a page sent by e-mail,
// the example page of the zip). Browsers load no module script from
// file:// (Chromium: "blocked by CORS policy"), so `passerelle.js` never
// runs there and its elements would stay blank. This script runs anyway:
// once the page has loaded, each Passerelle element that no module
// defined says, in its language, that the page must be opened from a web
// site, and sends `passerelle:error` with the code `file_protocol`. On a
// page served over http or https it does nothing.
//
//   <script src="passerelle/file-protocol.js"></script>
//
// `cargo xtask package` writes the sentence of every language below, from
// the translation files (`first-words.json`, key `fallback-file-protocol`).
(() => {
  if (globalThis.location?.protocol !== 'file:') return;
  const WORDS = /*@first-words*/{};
  const ELEMENTS = ['passerelle-parcours', 'passerelle-diagnostic', 'passerelle-orientation', 'passerelle-plan', 'passerelle-suivi'];
  const KEY = 'fallback-file-protocol';

  /** The element's language (its `lang`, else the nearest, `auto`: the browser's), as passerelle.js chooses it. */
  function language(element) {
    const known = WORDS.languages ?? {};
    const lang = (element.closest('[lang]')?.getAttribute('lang') ?? 'fr').trim().toLowerCase();
    const asked = lang === 'auto' ? [...(navigator.languages ?? [navigator.language])] : [lang];
    for (const tag of asked) {
      const primary = String(tag ?? '').toLowerCase().split(/[-_]/)[0];
      const found = known[primary] ? primary : WORDS.aliases?.[primary];
      if (found && known[found]) return found;
    }
    return known.en ? 'en' : 'fr';
  }

  function tell() {
    let told = 0;
    for (const name of ELEMENTS) {
      // The module ran after all (a browser that allows it): it speaks for itself.
      if (customElements.get(name)) continue;
      for (const element of document.querySelectorAll(name)) {
        if (element.shadowRoot) continue;
        const lang = language(element);
        const words = WORDS.languages[lang];
        const sentence = document.createElement('p');
        sentence.setAttribute('part', 'fallback');
        sentence.setAttribute('lang', lang);
        sentence.setAttribute('dir', words.dir);
        sentence.textContent = words[KEY];
        const style = document.createElement('style');
        style.textContent = ':host{display:block}p{margin:0 0 1rem;padding:0.5rem 0.75rem;'
          + 'border:2px solid #ce0500;border-radius:0.25rem;background:#ffe9e6;color:#161616;'
          + 'font:1rem/1.4 system-ui,sans-serif}';
        element.attachShadow({ mode: 'open' }).append(style, sentence);
        told += 1;
        element.dispatchEvent(new CustomEvent('passerelle:error', {
          bubbles: true,
          composed: true,
          detail: { code: 'file_protocol', message: WORDS.languages.en?.[KEY] ?? sentence.textContent },
        }));
      }
    }
    if (told === 0) return;
    console.warn('Passerelle: this page was opened from file://, where browsers load no module script '
      + 'nor WebAssembly. Serve its folder over http, for instance `python3 -m http.server` in it, '
      + 'then open http://localhost:8000/.');
  }

  if (document.readyState === 'complete') tell();
  else addEventListener('load', tell, { once: true });
})();
