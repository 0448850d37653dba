// A page's script using Passerelle in the browser with the package's types
// (resolved through package.json "exports" without the "node" condition:
// passerelle.d.ts). Type-checked only (tsc --noEmit), by ../types.test.mjs.
import { Engine, load, type DiagnosisResult, type PasserelleErrorDetail } from '@passerelle-insertion/passerelle';

const element = document.querySelector('passerelle-diagnostic');
element?.addEventListener('passerelle:diagnosis-complete', (event) => {
  const diagnosis: DiagnosisResult = event.detail.diagnosis;
  const themes: string[] = diagnosis.needs.map((need) => need.theme);
  const locale: 'fr' | 'en' = event.detail.locale;
  console.log(themes, locale, event.detail.answers);
});
element?.addEventListener('passerelle:error', (event) => {
  const detail: PasserelleErrorDetail = event.detail;
  console.error(detail.code, detail.message);
});
const made = document.createElement('passerelle-diagnostic');
made.setAttribute('lang', 'en');
document.body.append(made);

// The engine API, once the module is loaded.
await load();
const engine = new Engine({ locale: navigator.language });
const diagnosis = engine.startDiagnosis();
const question = diagnosis.current();
if (question?.kind.type === 'single_choice') {
  const first = question.kind.options[0];
  if (first) diagnosis.answer(question.id, first.id);
}
// @ts-expect-error: `current()` may be null at the end of the questionnaire
console.log(diagnosis.current().id);
