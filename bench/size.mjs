// Size: what a page loads of Passerelle (the .wasm with its CSS and
// default data compiled in, and the JavaScript), gzipped and brotli'd,
// against survey-core's minified bundle alone.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

import { fileURLToPath } from 'node:url';

import { packageDir } from './lib/package.mjs';

/**
 * The package files a page that begins with questions loads before its
 * first question (the Node entry, types and docs are not; the whole
 * module, and its glue `passerelle_wasm.js`, come after the first
 * question): `passerelle.js` holds the questionnaire module's glue and
 * `fetch-options.js`, bundled with it.
 */
const PAGE_FILES = ['passerelle_questionnaire_bg.wasm', 'passerelle.js'];

/** The budget of issue 6 and the target of issue 8, gzipped, in KB (1,000 bytes). */
const BUDGET_KB = 150;

function sizes(bytes) {
  return {
    raw: bytes.length / 1000,
    gzip: gzipSync(bytes, { level: 9 }).length / 1000,
    brotli: brotliCompressSync(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
    }).length / 1000,
  };
}

/** Sizes of each file, and their sum (each file compressed on its own, as served). */
function measureFiles(files) {
  const rows = files.map(({ name, file }) => ({ subject: name, ...sizes(readFileSync(file)) }));
  const total = { subject: 'total', raw: 0, gzip: 0, brotli: 0 };
  for (const row of rows) {
    for (const key of ['raw', 'gzip', 'brotli']) total[key] += row[key];
  }
  return { rows, total };
}

export async function run() {
  const passerelle = measureFiles(PAGE_FILES.map((name) => ({ name, file: path.join(packageDir, name) })));
  const surveyDir = fileURLToPath(new URL('node_modules/survey-core/', import.meta.url));
  const surveyVersion = JSON.parse(readFileSync(path.join(surveyDir, 'package.json'), 'utf8')).version;
  const survey = measureFiles([
    { name: 'survey.core.min.js', file: path.join(surveyDir, 'survey.core.min.js') },
  ]);
  const surveyCss = sizes(readFileSync(path.join(surveyDir, 'survey-core.min.css')));
  const ratio = survey.total.gzip / passerelle.total.gzip;
  return {
    id: 'size',
    title: 'Size: what a page loads',
    description: [
      `Passerelle: the files a page loads from the package (${PAGE_FILES.map((f) => `\`${f}\``).join(', ')}); `,
      'the CSS of the widgets and the default data needed before the first question (questionnaire, referentials) are compiled into the `.wasm`; the national catalogue (`data/catalogue.json`) comes after the first question and is not counted. ',
      `SurveyJS: \`survey-core\` ${surveyVersion}'s minified bundle alone, \`survey.core.min.js\`, `,
      'which has no rendering: a page also needs a UI package (`survey-js-ui`, or React, Angular, Vue) and its CSS ',
      `(\`survey-core.min.css\`: ${surveyCss.gzip.toFixed(1)} KB gzipped), not counted here. `,
      'Each file is compressed on its own, as a server sends it: gzip level 9, brotli quality 11; 1 KB = 1,000 bytes.',
    ].join(''),
    checks: [],
    cases: [
      {
        name: 'Passerelle, the files a page loads',
        kind: 'size',
        results: [...passerelle.rows, passerelle.total],
      },
      {
        name: `survey-core ${surveyVersion}, minified bundle`,
        kind: 'size',
        results: survey.rows,
      },
    ],
    targets: [
      {
        what: `Passerelle under ${BUDGET_KB} KB gzipped`,
        value: `${passerelle.total.gzip.toFixed(1)} KB`,
        met: passerelle.total.gzip < BUDGET_KB,
        by: passerelle.total.gzip < BUDGET_KB ? null : `${(passerelle.total.gzip - BUDGET_KB).toFixed(1)} KB over`,
      },
      {
        what: 'Passerelle less than half of survey-core alone (gzipped)',
        value: `${(passerelle.total.gzip / survey.total.gzip * 100).toFixed(0)} % of it (survey-core is ${ratio.toFixed(2)}× Passerelle)`,
        met: passerelle.total.gzip * 2 < survey.total.gzip,
        by: passerelle.total.gzip * 2 < survey.total.gzip ? null
          : `${(passerelle.total.gzip - survey.total.gzip / 2).toFixed(1)} KB over half`,
      },
    ],
  };
}
