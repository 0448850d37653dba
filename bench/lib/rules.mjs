// Generated eligibility rules and profiles for the matching benchmark,
// written once in Passerelle's condition language (docs/catalogue-format.md)
// and translated, condition by condition, into json-logic-js and
// json-rules-engine rules. The shapes mirror the core's own benchmark
// (crates/passerelle-core/benches/orientation.rs): age bounds, department
// sets, status flags, benefit sets, nested any/all/not.
import { random } from './measure.mjs';

const DEPARTMENTS = ['93', '75', '69', '13', '974', '2A', '59', '33', '31', '67'];
const STATUSES = ['jobseeker', 'inactive', 'student', 'employed', 'in_training', 'self_employed'];
const BENEFITS = ['rsa', 'ass', 'aah', 'are', 'prime_activite'];
const FLAGS = ['rqth', 'registered_jobseeker', 'in_education', 'single_parent'];

/** The facts every rule may read: every profile gives all of them. */
export const FACTS = [
  'age', 'department', 'employment_status', 'benefits', 'unemployment_months', 'monthly_resources', ...FLAGS,
];

/**
 * The shapes of generated rule sets: `mixed`, the six shapes of the core's
 * benchmark, one drawn per rule; `deep`, all/any nested six levels deep;
 * `wide`, an any[] of 30 leaves.
 */
export const SHAPES = ['mixed', 'deep', 'wide'];

/** How deep the `deep` shape nests, and how many leaves the `wide` shape's any[] has. */
export const DEPTH = 6;
export const WIDTH = 30;

/** One generated rule of `shape`, as a Passerelle condition. */
function rule(r, shape) {
  if (shape === 'deep') return deepRule(r);
  if (shape === 'wide') return wideRule(r);
  return mixedRule(r);
}

/** One of the leaves the six shapes use, drawn at random. */
function leaf(r) {
  const age = () => {
    const min = r.int(16, 30);
    return { age: { min, max: min + r.int(5, 35) } };
  };
  const choices = [
    age,
    () => ({ in_zone: { departments: r.some(DEPARTMENTS, r.int(2, 6)) } }),
    () => ({ in: { fact: 'employment_status', values: r.some(STATUSES, r.int(1, 4)) } }),
    () => ({ has_any: { fact: 'benefits', values: r.some(BENEFITS, r.int(1, 3)) } }),
    () => ({ equals: { fact: r.pick(FLAGS), value: r.next() < 0.5 } }),
    () => ({ compare: { fact: 'unemployment_months', op: r.pick(['>=', '>', '<', '<=']), value: r.int(1, 35) } }),
    () => ({ not: { equals: { fact: r.pick(FLAGS), value: true } } }),
  ];
  return r.pick(choices)();
}

/**
 * all/any nested `DEPTH` levels deep, alternating (all at the top), each
 * level a leaf and the next level; the deepest has two leaves:
 * `all[leaf, any[leaf, all[leaf, any[leaf, all[leaf, any[leaf, leaf]]]]]]`.
 */
function deepRule(r) {
  let condition = { [DEPTH % 2 ? 'all' : 'any']: [leaf(r), leaf(r)] };
  for (let level = DEPTH - 1; level >= 1; level -= 1) {
    condition = { [level % 2 ? 'all' : 'any']: [leaf(r), condition] };
  }
  return condition;
}

/**
 * An any[] of `WIDTH` leaves, each true for few people (an exact age, a
 * number of months out of work, a band of resources), then a department
 * set, so that 2–50 % of the people match: `all[any[30 leaves], department set]`.
 */
function wideRule(r) {
  const leaves = Array.from({ length: WIDTH }, () => {
    switch (r.int(0, 2)) {
      case 0: {
        const age = r.int(16, 70);
        return { age: { min: age, max: age } };
      }
      case 1: {
        const months = r.int(0, 36);
        return { between: { fact: 'unemployment_months', min: months, max: months } };
      }
      default: {
        const min = r.int(0, 30) * 100;
        return { between: { fact: 'monthly_resources', min, max: min + 50 } };
      }
    }
  });
  return { all: [{ any: leaves }, { in_zone: { departments: r.some(DEPARTMENTS, r.int(3, 6)) } }] };
}

/** One of the six mixed shapes. */
function mixedRule(r) {
  const age = () => {
    const min = r.int(16, 30);
    return { age: { min, max: min + r.int(5, 35) } };
  };
  const departments = () => ({ in_zone: { departments: r.some(DEPARTMENTS, r.int(1, 4)) } });
  const status = () => ({ in: { fact: 'employment_status', values: r.some(STATUSES, r.int(1, 3)) } });
  const benefits = () => ({ has_any: { fact: 'benefits', values: r.some(BENEFITS, r.int(1, 2)) } });
  const flag = (value = r.next() < 0.7) => ({ equals: { fact: r.pick(FLAGS), value } });
  const months = () => ({ compare: { fact: 'unemployment_months', op: r.pick(['>=', '>', '<', '<=']), value: r.int(1, 24) } });
  const resources = () => {
    const min = r.int(0, 4) * 100;
    return { between: { fact: 'monthly_resources', min, max: min + r.int(5, 20) * 100 } };
  };
  switch (r.int(0, 5)) {
    case 0:
      return { all: [age(), departments(), status()] };
    case 1:
      return { all: [age(), { any: [benefits(), flag(true)] }] };
    case 2:
      return { any: [{ all: [status(), months()] }, { all: [benefits(), departments()] }] };
    case 3:
      return { all: [{ not: flag(true) }, age(), { any: [status(), months()] }] };
    case 4:
      return {
        all: [
          departments(),
          { any: [{ all: [flag(), months()] }, { all: [age(), flag(false)] }] },
          { not: benefits() },
        ],
      };
    default:
      return { all: [age(), departments(), benefits(), { any: [flag(), resources()] }] };
  }
}

/** `n` rules `{id, condition}` of `shape` (the same ones for the same `n`, shape and seed). */
export function generateRules(n, { shape = 'mixed', seed = 0x2545f491 } = {}) {
  if (!SHAPES.includes(shape)) throw new Error(`no rule shape ${shape}: ${SHAPES.join(', ')}`);
  const r = random(seed);
  return Array.from({ length: n }, (_, i) => ({ id: `entry-${i}`, condition: rule(r, shape) }));
}

/** `count` profiles giving every fact of FACTS (so nothing is unknown). */
export function generateProfiles(count, seed = 0x4f6cdd1d) {
  const r = random(seed);
  return Array.from({ length: count }, () => ({
    age: r.int(16, 70),
    department: r.pick(DEPARTMENTS),
    employment_status: r.pick(STATUSES),
    benefits: r.some(BENEFITS, r.int(0, 2)),
    unemployment_months: r.int(0, 36),
    monthly_resources: r.int(0, 30) * 100,
    rqth: r.next() < 0.2,
    registered_jobseeker: r.next() < 0.5,
    in_education: r.next() < 0.3,
    single_parent: r.next() < 0.2,
  }));
}

/** A Passerelle catalogue of the rules, every entry national. */
export function passerelleCatalogue(rules) {
  return {
    format_version: 1,
    id: 'bench-matching',
    name: 'Matching benchmark',
    fictional: true,
    entries: rules.map(({ id, condition }, i) => ({
      id,
      name: { fr: `Dispositif ${i}`, en: `Scheme ${i}` },
      description: { fr: 'Un dispositif généré pour mesurer.' },
      kind: 'scheme',
      types: ['accompagnement'],
      themes: ['trouver-un-emploi--repondre-a-des-offres-demploi'],
      publics: ['tous-publics'],
      eligibility: condition,
      zone: { national: true },
      access: { through: ['usagers'], modes: ['telephoner'], phone: '3949' },
      cost: 'gratuit',
      source_url: 'https://www.service-public.fr/',
      last_verified: '2026-11-26',
    })),
  };
}

const unknown = (condition) => new Error(`no translation for ${JSON.stringify(condition)}`);

/** The same condition as a json-logic-js rule (the profile is the data). */
export function toJsonLogic(condition) {
  const v = (name) => ({ var: name });
  if (condition.all) return { and: condition.all.map(toJsonLogic) };
  if (condition.any) return { or: condition.any.map(toJsonLogic) };
  if (condition.not) return { '!': [toJsonLogic(condition.not)] };
  if (condition.age) {
    const { min, max } = condition.age;
    return { '<=': [min, v('age'), max] };
  }
  if (condition.in_zone) return { in: [v('department'), condition.in_zone.departments] };
  if (condition.in) return { in: [v(condition.in.fact), condition.in.values] };
  if (condition.has_any) {
    return { some: [v(condition.has_any.fact), { in: [v(''), condition.has_any.values] }] };
  }
  if (condition.equals) return { '===': [v(condition.equals.fact), condition.equals.value] };
  if (condition.compare) {
    const { fact, op, value } = condition.compare;
    return { [op]: [v(fact), value] };
  }
  if (condition.between) {
    const { fact, min, max } = condition.between;
    return { '<=': [min, v(fact), max] };
  }
  throw unknown(condition);
}

const OPERATORS = { '<': 'lessThan', '<=': 'lessThanInclusive', '>': 'greaterThan', '>=': 'greaterThanInclusive' };

/** The same condition as json-rules-engine conditions (facts: the profile's keys). */
export function toRulesEngine(condition) {
  const fact = (name, operator, value) => ({ fact: name, operator, value });
  if (condition.all) return { all: condition.all.map(toRulesEngine) };
  if (condition.any) return { any: condition.any.map(toRulesEngine) };
  if (condition.not) return { not: toRulesEngine(condition.not) };
  if (condition.age) {
    const { min, max } = condition.age;
    return { all: [fact('age', 'greaterThanInclusive', min), fact('age', 'lessThanInclusive', max)] };
  }
  if (condition.in_zone) return fact('department', 'in', condition.in_zone.departments);
  if (condition.in) return fact(condition.in.fact, 'in', condition.in.values);
  // Some element of the fact (an array) is in the values.
  if (condition.has_any) return fact(condition.has_any.fact, 'someFact:in', condition.has_any.values);
  if (condition.equals) return fact(condition.equals.fact, 'equal', condition.equals.value);
  if (condition.compare) {
    const { fact: name, op, value } = condition.compare;
    return fact(name, OPERATORS[op], value);
  }
  if (condition.between) {
    const { fact: name, min, max } = condition.between;
    return { all: [fact(name, 'greaterThanInclusive', min), fact(name, 'lessThanInclusive', max)] };
  }
  throw unknown(condition);
}
