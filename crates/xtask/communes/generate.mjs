// Writes the commune table of Passerelle, one part per department, from
// its two build-time sources (pinned in package.json and
// package-lock.json beside this file; never fetched at run time):
//
// - codes-postaux: which communes each postal code serves (Etalab's
//   postal-code table, built from INSEE's Code officiel géographique and
//   the DGFiP's FIMOCT);
// - @etalab/decoupage-administratif: the communes of today, their names
//   (INSEE's Code officiel géographique) and their own postal codes.
//
// Run by `cargo xtask communes`: node generate.mjs OUT_DIR
//
// A part, `OUT_DIR/<department>.txt`, is UTF-8 text, one commune a line:
//
//   # passerelle-communes 1 93
//   93001<TAB>Aubervilliers<TAB>93300
//
// (INSEE code, name, its postal codes separated by a space). It holds every
// commune of the department, and every commune of another department that
// a postal code of the department serves (a postal code's department is
// read from its first digits, as `geo::department_of_postal_code` does):
// so the part of a postal code's department knows all its communes. Lines
// are in the order of the names (French collation), so a postal code's
// communes come in the order a person looks for them.
//
// The communes of today only: a postal code's commune merged into another
// (commune déléguée or associée) counts as the commune it is part of, an
// arrondissement of Paris, Lyon or Marseille as the city. Overseas
// collectivities that are not departments (975, 977, 978, 98x) and Monaco
// have no part.

import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const out = process.argv[2];
if (!out) {
  console.error('usage: node generate.mjs OUT_DIR');
  process.exit(2);
}

const postal = require('codes-postaux/codes-postaux.json');
const communes = require('@etalab/decoupage-administratif/data/communes.json');
const departments = require('@etalab/decoupage-administratif/data/departements.json');
const versions = {
  'codes-postaux': require('codes-postaux/package.json').version,
  '@etalab/decoupage-administratif': require('@etalab/decoupage-administratif/package.json').version,
};

/** The department of a postal code, from its first digits (geo.rs). */
function departmentOfPostalCode(code) {
  if (!/^\d{5}$/.test(code)) return null;
  let department;
  if (code.startsWith('20')) department = code[2] < '2' ? '2A' : '2B';
  else if (code.startsWith('97')) {
    if (code === '97133' || code === '97150') return null;
    department = code.slice(0, 3);
  } else department = code.slice(0, 2);
  return departmentCodes.has(department) ? department : null;
}

// The departments of `geo::DEPARTMENTS`: not the overseas collectivities
// that the Code officiel géographique also lists (975, 977, 978, 98x).
const departmentCodes = new Set(departments.map((d) => d.code).filter((code) => code.length === 2 || /^97[1-46]$/.test(code)));
const current = new Map();
for (const commune of communes) {
  if (commune.type === 'commune-actuelle' && departmentCodes.has(commune.departement)) {
    current.set(commune.code, { ...commune, postal: new Set(commune.codesPostaux ?? []) });
  }
}
const byCode = new Map();
for (const commune of communes) {
  if (!byCode.has(commune.code)) byCode.set(commune.code, []);
  byCode.get(commune.code).push(commune);
}

/** The commune of today that `code` is or is part of, if any. */
function today(code) {
  if (current.has(code)) return current.get(code);
  for (const commune of byCode.get(code) ?? []) {
    const parent = commune.type === 'arrondissement-municipal' ? commune.commune : commune.chefLieu;
    if (current.has(parent)) return current.get(parent);
  }
  return null;
}

let unplaced = 0;
for (const entry of postal) {
  const commune = today(entry.codeCommune);
  if (commune) commune.postal.add(entry.codePostal);
  else unplaced += 1;
}

const parts = new Map([...departmentCodes].map((code) => [code, new Set()]));
for (const commune of current.values()) {
  parts.get(commune.departement).add(commune);
  for (const code of commune.postal) {
    const department = departmentOfPostalCode(code);
    if (department) parts.get(department).add(commune);
  }
}

const collator = new Intl.Collator('fr', { sensitivity: 'base' });
mkdirSync(out, { recursive: true });
for (const file of readdirSync(out)) {
  if (file.endsWith('.txt')) rmSync(join(out, file));
}
let lines = 0;
for (const [department, members] of parts) {
  const sorted = [...members].sort((a, b) => collator.compare(a.nom, b.nom) || a.code.localeCompare(b.code));
  const text = [`# passerelle-communes 1 ${department}`]
    .concat(sorted.map((c) => `${c.code}\t${c.nom}\t${[...c.postal].sort().join(' ')}`))
    .join('\n') + '\n';
  writeFileSync(join(out, `${department}.txt`), text);
  lines += sorted.length;
}

// Homonyms within one postal code would be two options a person cannot tell apart.
const byPostal = new Map();
for (const commune of current.values()) {
  for (const code of commune.postal) {
    if (!byPostal.has(code)) byPostal.set(code, []);
    byPostal.get(code).push(commune);
  }
}
for (const [code, list] of byPostal) {
  const names = list.map((c) => c.nom);
  const twice = names.filter((name, i) => names.indexOf(name) !== i);
  if (twice.length) console.warn(`${code} serves two communes named ${twice.join(', ')}: its question tells them apart by department`);
}

writeFileSync(join(out, 'manifest.json'), JSON.stringify({
  sources: versions,
  departments: parts.size,
  communes: current.size,
  lines,
  postal_codes: byPostal.size,
}, null, 2) + '\n');
console.log(`${parts.size} parts, ${current.size} communes (${lines} lines), ${byPostal.size} postal codes; ${unplaced} postal-code rows of communes gone without successor left out`);
