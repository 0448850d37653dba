// A Node program using Passerelle's engine API with the package's types
// (resolved through package.json "exports", condition "node": node.d.ts).
// Type-checked only (tsc --noEmit), by ../types.test.mjs.
import {
  Engine,
  load,
  type AnswerValue,
  type Change,
  type DetailedOrientation,
  type Matched,
  type DiagnosisResult,
  type Edit,
  type Orientation,
  type OrientationOnDemand,
  type Reasons,
  type ChunkReport,
  type DataInclusionImport,
  type PasserelleError,
  type Plan,
  type PlanValue,
  type Question,
  type ReferralSheet,
  type ReplayedDiagnosis,
  type Report,
  type Step,
} from '@passerelle-insertion/passerelle';

// Without @types/node nor the DOM lib: only what this file uses.
declare const console: { log(...values: unknown[]): void };

await load();
const engine = new Engine({ locale: 'fr' });
const today = '2026-11-27';

/** An answer for any question, by its kind: the union narrows on `kind.type`. */
function answerFor(question: Question, needs: string[]): AnswerValue {
  const kind = question.kind;
  switch (kind.type) {
    case 'yes_no':
      return question.id === 'food_today';
    case 'number':
      return question.id === 'age' ? 19 : kind.min;
    case 'single_choice':
      return kind.options[kind.options.length - 1]?.id ?? '';
    case 'multiple_choice':
      return kind.options.slice(0, 1).map((option) => option.id);
    case 'date':
      return '2007-05-02';
    case 'postal_code':
      return '93200';
    case 'commune':
      return kind.options?.[0]?.id ?? '';
    case 'short_text':
      return 'x'.repeat(Math.min(1, kind.max_length));
    case 'need_ranking':
      return needs;
    default: {
      const unknown: never = kind;
      throw new Error(`unknown kind ${JSON.stringify(unknown)}`);
    }
  }
}

const diagnosis = engine.startDiagnosis(today);
diagnosis.answer('sleep_tonight', 'home');
for (let step: Step = diagnosis.step(); step.question; step = diagnosis.step()) {
  diagnosis.answer(step.question.id, answerFor(step.question, diagnosis.needsFound()));
}
const result: DiagnosisResult = diagnosis.result();
const alerts: string[] = result.urgent.flatMap((alert) => alert.contacts.map((contact) => contact.phone ?? contact.name));
const ranks: Array<number | null> = result.needs.map((need) => need.rank);
const age: number | undefined = result.facts.age;

const orientation: Orientation = diagnosis.orient();
const detailed: DetailedOrientation = diagnosis.orient({ detailed: true });
const names: string[] = detailed.needs.flatMap((need) => need.proposals.map((proposal) => proposal.name));
const missing = orientation.evaluations.flatMap((evaluation) => evaluation.missing);
const direct = engine.orient({
  facts: { birth_date: '2007-05-02', postal_code: '93200', employment_status: 'inactive' },
  needs: [{ theme: 'trouver-un-emploi' }],
  referenceDate: today,
  explain: false,
});
const statuses = direct.evaluations.map((evaluation) => evaluation.status);
const onDemand: OrientationOnDemand = engine.orient({ facts: { age: 19, postal_code: '93200' }, explain: 'on-demand' });
const handle: Reasons = onDemand.reasons;
const reasonsShown: string[] = handle
  .explain(onDemand.eligible.slice(0, 10))
  .map((evaluation) => `${evaluation.id}: ${evaluation.explanation.map((reason) => reason.text).join('; ')}`);
void reasonsShown;
handle.free();
const matched: Matched = engine.eligible({ facts: { age: 19, postal_code: '93200' }, referenceDate: today });
const entitled: string[] = [...matched.eligible, ...matched.undetermined];
void entitled;
const importing: DataInclusionImport = engine.startImport();
const chunk: ChunkReport = importing.add('{"id": "dora--1"}\n');
const pageReport: ChunkReport = importing.add({ items: [{ id: 'dora--2', nom: 'Atelier' }], total: 1 });
const importedEntries: number = importing.finish().local_entries + chunk.imported + pageReport.records;
void importedEntries;
importing.free();

const plan = diagnosis.buildPlan({ needs: ['trouver-un-emploi'], by: 'person' });
const later: Plan = engine.buildPlan(JSON.stringify(result), { needs: ['trouver-un-emploi'] });
const saved: Record<string, AnswerValue> = diagnosis.answers();
const replayed: ReplayedDiagnosis = engine.replayDiagnosis(saved, today);
const stoppedAt: string[] = replayed.problems.map((problem) => `${problem.code} ${problem.path}`);
const again: DiagnosisResult = replayed.diagnosis.result();
void later;
void stoppedAt;
void again;
const value: PlanValue = plan.value();
const action = value.objectives[0]?.actions[0];
if (action) {
  const edit: Edit = { op: 'set_status', action: action.id, status: 'in_progress' };
  const change: Change = plan.apply(edit, 'person', today);
  if (change.edit.op === 'set_status') {
    const status: 'planned' | 'in_progress' | 'done' | 'on_hold' | 'dropped' = change.edit.status;
    void status;
  }
  if (action.entry) {
    plan.apply({ op: 'give_consent', consent: { entry: action.entry, date: today } }, 'person', today);
    const sheet: ReferralSheet = plan.referralSheet(action.entry, today);
    const shared: string[] = sheet.included;
    void shared;
  }
}
for (const proposal of plan.proposals(today)) {
  plan.apply({ op: 'add_action', objective: proposal.objective, action: proposal.action }, 'advisor', today);
}
const html: string = plan.printView(today);
const copy = engine.planFromJson(plan.toJsonText());
const report: Report = engine.report([plan, copy.value(), plan.toJsonText()]);
const plans: number | '<5' = report.plans;
if ('needs' in report) {
  const interval = report.review_intervals;
  const median: number | undefined = interval.count === '<5' ? undefined : interval.median_days;
  void median;
}

try {
  engine.startDiagnosis('2026-02-30');
} catch (thrown) {
  const error = thrown as PasserelleError;
  const paths: string[] = error.details.map((detail) => detail.path);
  if (error.code === 'invalid_date' || error.code === 'answer_out_of_range') {
    console.log(error.message, paths);
  }
  // @ts-expect-error: not a code the engine throws
  if (error.code === 'no_such_code') console.log('never');
}

// The types are precise, not `any`: each wrong call below must be an error.
// @ts-expect-error: a date is a string `YYYY-MM-DD`
engine.startDiagnosis(20261127);
// @ts-expect-error: "finished" is not an action status
plan.apply({ op: 'set_status', action: 'a1', status: 'finished' }, 'person');
// @ts-expect-error: the author is "person" or "advisor"
plan.apply({ op: 'set_next_review', date: null }, 'robot');
// @ts-expect-error: options are camelCase
new Engine({ local_catalogue: '{}' });
// @ts-expect-error: an answer is not an object
diagnosis.answer('age', { years: 19 });
// @ts-expect-error: an orientation with reasons on demand has no evaluations
onDemand.evaluations;
// @ts-expect-error: explain is true, false or "on-demand"
engine.orient({ explain: 'later' });
// @ts-expect-error: a detailed orientation has no evaluations
detailed.evaluations;
// @ts-expect-error: needs are themes
diagnosis.buildPlan({ needs: [1] });
// @ts-expect-error: replayed answers are answer values
engine.replayDiagnosis({ age: { years: 19 } });

console.log(alerts, ranks, age, names, missing, statuses, html.length, plans);
