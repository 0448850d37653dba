// A page's script using Passerelle in the browser with the package's types
// (resolved through package.json "exports" without the "node" condition:
// passerelle.d.ts). Type-checked only (tsc --noEmit), by ../types.test.mjs.
import { Engine, load, type DiagnosisResult, type PasserelleErrorDetail } from '@passerelle-insertion/passerelle';
import type { Vault, VaultError } from '@passerelle-insertion/passerelle/vault.js';

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

// The caseload vault of <passerelle-suivi>, loaded when needed (vault.d.ts).
const { openVault, ITERATIONS } = await import('@passerelle-insertion/passerelle/vault.js');
const vault: Vault = await openVault('default', { iterations: ITERATIONS });
if ((await vault.state()) === 'locked') {
  try {
    const caseload: string = await vault.unlock('a passphrase');
    await vault.save(caseload);
    const backup: Uint8Array = await vault.exportBackup();
    console.log(await vault.readBackup(backup, 'a passphrase'));
  } catch (error) {
    const code: VaultError['code'] = (error as VaultError).code;
    console.error(code);
  }
}
// @ts-expect-error: `lock()` returns nothing to wait for
await vault.lock().then();
