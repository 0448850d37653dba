// Generated local catalogues (docs/catalogue-format.md) for the catalogue
// load benchmark: a department's partner services at data·inclusion scale,
// each entry the size of a real local entry (about 1 KB of JSON, as the
// demo's local catalogue). Half of them carry an eligibility rule of the
// matching benchmark's generator (bench/lib/rules.mjs), so loading checks
// and compiles rules of the same shapes.
import { random } from './measure.mjs';
import { generateRules } from './rules.mjs';

const DEPARTMENTS = ['93', '75', '69', '13', '974', '2A', '59', '33', '31', '67'];
const TYPES = ['accompagnement', 'aide-financiere', 'aide-materielle', 'atelier', 'formation', 'information'];
const THEMES = [
  'choisir-un-metier--connaitre-les-opportunites-demploi',
  'equipement-et-alimentation--alimentation',
  'equipement-et-alimentation--habillement',
  'logement-hebergement--rechercher-une-solution-dhebergement-temporaire',
  'logement-hebergement--se-maintenir-dans-le-logement',
  'mobilite--preparer-un-permis',
  'numerique--acceder-a-des-services-en-ligne',
  'difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives',
  'trouver-un-emploi--repondre-a-des-offres-demploi',
];
const PUBLICS = ['jeunes', 'familles', 'femmes', 'demandeurs-emploi', 'beneficiaires-des-minimas-sociaux'];
const PLACES = ['Espace solidarité', 'Permanence sociale', 'Atelier d’insertion', 'Point conseil budget', 'Épicerie sociale'];

/** `n` local service entries (the same ones for the same `n` and seed). */
export function localEntries(n, seed = 0x1b873593) {
  const r = random(seed);
  const rules = generateRules(n, seed ^ 0x5bd1e995);
  return rules.map(({ condition }, i) => {
    const place = r.pick(PLACES);
    const department = r.pick(DEPARTMENTS);
    const entry = {
      id: `service-${i}`,
      name: { fr: `${place} n° ${i}`, en: `Local service ${i}` },
      description: {
        fr: `${place} du département ${department} : accueil, conseils et accompagnement dans les démarches, sur rendez-vous. Service généré pour mesurer le chargement.`,
        en: `Reception, advice and help with procedures, by appointment. A service generated to measure loading.`,
      },
      kind: 'service',
      types: r.some(TYPES, r.int(1, 2)),
      themes: r.some(THEMES, r.int(1, 3)),
      publics: r.next() < 0.4 ? ['tous-publics'] : r.some(PUBLICS, r.int(1, 2)),
      ...(i % 2 === 0 ? { eligibility: condition } : {}),
      eligibility_notes: { fr: 'Sur orientation d’un travailleur social ou sur rendez-vous, selon les places.' },
      zone: { departments: [department] },
      access: {
        through: ['usagers', 'professionnels'],
        modes: ['telephoner', 'se-presenter'],
        phone: `01 ${String(10 + (i % 90))} ${String(10 + (i % 89))} ${String(10 + (i % 83))} ${String(10 + (i % 79))}`,
        details: { fr: 'Du lundi au vendredi, de 9 h à 12 h et de 14 h à 17 h.' },
      },
      cost: 'gratuit',
      source_url: `https://services.example.org/${department}/service-${i}`,
      last_verified: '2026-11-26',
    };
    return entry;
  });
}

/** A local catalogue of `entries` (as `localEntries` makes them). */
export function localCatalogue(entries) {
  return {
    format_version: 1,
    id: 'bench-local',
    name: 'Catalogue local généré (banc de mesure)',
    fictional: true,
    entries,
  };
}
