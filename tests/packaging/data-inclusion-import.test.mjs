// A department's data·inclusion services imported in chunks through the
// Node entry (issue 20): 20,000 generated records, more JSON than one
// document holds (16 MiB), given as chunks of 2,000 JSON lines, loaded into
// the engine without a JSON round trip, and oriented against.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { nodeEntry, requirePackage, thrown } from './package.mjs';

requirePackage();
const { Engine, DataInclusionImport } = await import(nodeEntry);

const TODAY = '2026-11-27';
const RECORDS = 20_000;
const PER_CHUNK = 2_000;
const DOCUMENT_LIMIT = 16 * 1024 * 1024;
const DIGITAL = 'numerique--acceder-a-une-connexion-internet';
const CV = 'preparer-sa-candidature--realiser-un-cv-et-ou-une-lettre-de-motivation';

/**
 * The generated record `n`, about a kilobyte like a real one: services of
 * Seine-Saint-Denis (93) for even `n`, of Paris (75) for odd `n`; every
 * fourth about digital access, the others about CVs.
 */
function service(n) {
  return {
    source: 'dora', structure_id: `dora--s${n % 500}`, id: `dora--${n}`,
    nom: `Atelier ${n}`,
    description: `Service ${n}. Un accompagnement individuel ou en petit groupe, sur rendez-vous, `
      + 'dans les locaux de la structure ou à distance. Les conseillers vous aident à faire le point '
      + 'sur votre situation, à préparer vos démarches et à trouver les bons interlocuteurs. '
      + 'Venez avec une pièce d’identité et, si vous en avez, votre dernier justificatif de ressources.',
    date_maj: '2026-10-01', type: 'accompagnement',
    thematiques: [n % 4 === 0 ? DIGITAL : CV],
    publics: ['tous-publics'], frais: 'gratuit',
    zone_eligibilite: [n % 2 === 0 ? '93' : '75'],
    mobilisable_par: ['usagers', 'professionnels'], modes_mobilisation: ['se-presenter', 'telephoner'],
    mobilisation_precisions: 'Du lundi au vendredi, de 9 h à 12 h et de 14 h à 17 h.',
    telephone: '01 23 45 67 89', courriel: `contact-${n}@example.org`,
    lien_source: `https://dora.inclusion.beta.gouv.fr/services/${n}`,
  };
}

test('a department\'s services over 16 MiB import in chunks of JSON lines and orient', () => {
  const started = performance.now();
  const lines = Array.from({ length: RECORDS }, (_, n) => JSON.stringify(service(n)));
  // Chunk 8 gives again the id of record 10 (chunk 1) in place of a 93
  // service; chunk 4 has a 93 service's line cut short.
  lines[7 * PER_CHUNK + 6] = JSON.stringify({ ...service(10), nom: 'Copie' });
  lines[3 * PER_CHUNK + 100] = lines[3 * PER_CHUNK + 100].slice(0, 200);
  const total = lines.reduce((bytes, line) => bytes + Buffer.byteLength(line) + 1, 0);
  assert.ok(total > DOCUMENT_LIMIT, `${total} bytes of records`);

  const engine = new Engine();
  const national = engine.catalogue().entries.length;
  // In one document, the same records are refused: too large.
  thrown(() => engine.importDataInclusion(`[${lines.join(',')}]`), 'input_too_large');

  const importing = engine.startImport();
  assert.ok(importing instanceof DataInclusionImport);
  const reports = [];
  for (let start = 0; start < RECORDS; start += PER_CHUNK) {
    const chunk = `${lines.slice(start, start + PER_CHUNK).join('\n')}\n`;
    assert.ok(chunk.length < DOCUMENT_LIMIT);
    reports.push(importing.add(chunk));
  }
  assert.deepEqual(reports.map((report) => report.records), Array(10).fill(PER_CHUNK));
  assert.equal(reports.reduce((sum, report) => sum + report.imported, 0), RECORDS - 2);
  assert.deepEqual(reports[3].report.map((problem) => `${problem.path} ${problem.code}`),
    ['chunk 4, line 101: $ invalid_json']);
  assert.deepEqual(reports[7].report.map((problem) => `${problem.path} ${problem.code}`),
    ['chunk 8, line 7: $.id duplicate_id']);
  assert.match(reports[7].report[0].message, /di-dora-10 .*chunk 1, line 11/);

  const loaded = importing.finish();
  assert.equal(loaded.local_entries, RECORDS - 2);
  assert.equal(loaded.entries, national + RECORDS - 2);
  assert.equal(loaded.report.length, 2);
  thrown(() => importing.add(lines[0]), 'import_finished');
  thrown(() => importing.finish(), 'import_finished');
  importing.free();

  // A person of Seine-Saint-Denis is offered its services, not Paris's.
  const { eligible } = engine.eligible({ facts: { postal_code: '93200' }, referenceDate: TODAY });
  const imported = eligible.filter((id) => id.startsWith('di-dora-'));
  assert.equal(imported.length, RECORDS / 2 - 2, 'every 93 service but the line cut short and the copy');
  assert.ok(imported.every((id) => Number(id.slice('di-dora-'.length)) % 2 === 0));
  const orientation = engine.orient({
    facts: { postal_code: '93200' }, needs: [{ theme: DIGITAL }], referenceDate: TODAY, explain: false,
  });
  const offered = orientation.needs[0].proposals.map((proposal) => proposal.id);
  assert.ok(offered.some((id) => id.startsWith('di-dora-')), offered.join());
  assert.ok(offered.filter((id) => id.startsWith('di-dora-'))
    .every((id) => Number(id.slice('di-dora-'.length)) % 4 === 0), offered.join());

  const seconds = (performance.now() - started) / 1000;
  console.log(`# ${RECORDS} records, ${(total / 2 ** 20).toFixed(1)} MiB of JSON lines: ${seconds.toFixed(1)} s`);
  assert.ok(seconds < 20, `${seconds.toFixed(1)} s`);
  engine.free();
});
