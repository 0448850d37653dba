// The generated questionnaire of the questionnaire benchmark, written both
// as a Passerelle questionnaire (docs/questionnaire-format.md) and as a
// SurveyJS model, with the same questions, conditions and pages.
//
// It mirrors the Rust benchmark (crates/passerelle-core/benches/
// questionnaire.rs), with the same pseudo-random generator and seed: for
// 1,000 questions the questions and conditions are the same as there,
// only cut in sections (pages) of 20 questions instead of 10 sections.

/** The Rust benchmark's xorshift generator (64-bit, so BigInt). */
function xorshift(seed) {
  const mask = (1n << 64n) - 1n;
  let state = BigInt.asUintN(64, seed);
  return {
    /** A number below `n`. */
    below(n) {
      state ^= (state << 13n) & mask;
      state ^= state >> 7n;
      state ^= (state << 17n) & mask;
      return Number(state % BigInt(n));
    },
  };
}

const OPTIONS = ['a', 'b', 'c'];

/** The kind of question `i`: single choice (i % 4 is 0 or 1), yes/no (2), number (3). */
export function kindOf(i) {
  return ['single_choice', 'single_choice', 'yes_no', 'number'][i % 4];
}

/**
 * The questions of the questionnaire of `size` questions, in a neutral
 * form: `{i, id, kind, condition}`, where `condition` is null or a tree of
 * `{all: [...]}`, `{any: [...]}`, `{not: c}`, `{answer: {question, values}}`
 * (values: option ids, or 'yes'/'no') and `{rqth: true}` (the fact set by
 * question q2, a yes/no question, is true).
 */
export function generate(size) {
  const random = xorshift(0x9e3779b97f4a7c15n);
  const choices = [];
  const questions = [];
  // Answers the journey gives, and answers it never gives.
  const values = (q) => (q % 4 === 2 ? ['yes'] : ['a', 'b']);
  const otherValues = (q) => (q % 4 === 2 ? ['no'] : ['c']);
  const answer = (q, vals) => ({ answer: { question: `q${q}`, values: vals } });
  for (let i = 0; i < size; i += 1) {
    let condition = null;
    if (choices.length > 0) {
      const earlier = choices[choices.length - 1];
      const other = choices[random.below(choices.length)];
      const rqth = i > 2 ? { rqth: true } : answer(earlier, values(earlier));
      switch (random.below(4)) {
        case 0:
          condition = answer(earlier, values(earlier));
          break;
        case 1:
          condition = { all: [answer(earlier, values(earlier)), { not: answer(other, otherValues(other)) }] };
          break;
        case 2:
          condition = { any: [answer(other, values(other)), rqth] };
          break;
        default:
          // Ruled out by the journey's answers: some questions are never asked.
          condition = { all: [answer(earlier, values(earlier)), answer(other, otherValues(other))] };
      }
    }
    if (i % 4 !== 3) choices.push(i);
    questions.push({ i, id: `q${i}`, kind: kindOf(i), condition });
  }
  return questions;
}

const text = (fr, en) => ({ fr, en });

/** A condition of `generate` in Passerelle's language. */
function passerelleCondition(condition) {
  if (condition.all) return { all: condition.all.map(passerelleCondition) };
  if (condition.any) return { any: condition.any.map(passerelleCondition) };
  if (condition.not) return { not: passerelleCondition(condition.not) };
  if (condition.rqth) return { equals: { fact: 'rqth', value: true } };
  return condition;
}

/**
 * The same condition as a SurveyJS expression. SurveyJS's logic has two
 * values (an empty answer compares as not equal), Passerelle's three (an
 * answer not given leaves the condition unknown, and a question whose
 * condition is unknown is not asked): the two agree once every `not` is
 * pushed down to the answer it tests, as "the answer is one of the other
 * options". `and`/`or` then agree (unknown and false both hide).
 */
function surveyCondition(condition, negated = false) {
  if (condition.all || condition.any) {
    const parts = (condition.all ?? condition.any).map((part) => surveyCondition(part, negated));
    const joiner = (condition.all !== undefined) !== negated ? ' and ' : ' or ';
    return `(${parts.join(joiner)})`;
  }
  if (condition.not) return surveyCondition(condition.not, !negated);
  if (condition.rqth) {
    if (negated) throw new Error('a negated fact has no SurveyJS equivalent here');
    return '{q2} = true';
  }
  const { question, values } = condition.answer;
  const index = Number(question.slice(1));
  if (kindOf(index) === 'yes_no') {
    const yes = values.includes('yes') !== negated;
    const no = values.includes('no') !== negated;
    if (yes && no) return `({${question}} = true or {${question}} = false)`;
    if (!yes && !no) return 'false';
    return `{${question}} = ${yes}`;
  }
  const chosen = negated ? OPTIONS.filter((option) => !values.includes(option)) : values;
  if (chosen.length === 1) return `{${question}} = '${chosen[0]}'`;
  return `{${question}} anyof [${chosen.map((option) => `'${option}'`).join(', ')}]`;
}

/** The questions cut in pages (sections) of `pageSize`. */
function pages(questions, pageSize) {
  const cut = [];
  for (let start = 0; start < questions.length; start += pageSize) {
    cut.push(questions.slice(start, start + pageSize));
  }
  return cut;
}

/** The Passerelle questionnaire (an object), sections of `pageSize` questions. */
export function passerelleQuestionnaire(questions, pageSize = 20) {
  const sections = pages(questions, pageSize).map((section, s) => ({
    id: `s${s}`,
    title: text(`Partie ${s}`, `Part ${s}`),
    questions: section.map(({ i, id, kind, condition }) => {
      const label = text(`Question ${i} ?`, `Question ${i}?`);
      const question = { id, kind: { type: kind }, label, help: label };
      if (kind === 'single_choice') {
        question.kind.options = OPTIONS.map((option) => ({ id: option, label: text(option.toUpperCase(), option.toUpperCase()) }));
      } else if (kind === 'number') {
        Object.assign(question.kind, { min: 0, max: 100 });
      }
      if (i === 2) question.sets = 'rqth';
      if (condition) question.ask_when = passerelleCondition(condition);
      return question;
    }),
  }));
  return { format_version: 1, id: 'bench', locales: ['fr', 'en'], sections };
}

/** SurveyJS's localisable text: `default` (English) and French. */
const surveyText = (fr, en) => ({ default: en, fr });

/** The SurveyJS model JSON (an object), pages of `pageSize` questions. */
export function surveyModel(questions, pageSize = 20) {
  return {
    pages: pages(questions, pageSize).map((page, p) => ({
      name: `s${p}`,
      title: surveyText(`Partie ${p}`, `Part ${p}`),
      elements: page.map(({ i, id, kind, condition }) => {
        const title = surveyText(`Question ${i} ?`, `Question ${i}?`);
        const element = { name: id, title, description: title, isRequired: true };
        if (kind === 'single_choice') {
          Object.assign(element, {
            type: 'radiogroup',
            choices: OPTIONS.map((option) => ({ value: option, text: surveyText(option.toUpperCase(), option.toUpperCase()) })),
          });
        } else if (kind === 'yes_no') {
          element.type = 'boolean';
        } else {
          Object.assign(element, { type: 'text', inputType: 'number', min: 0, max: 100 });
        }
        if (condition) element.visibleIf = surveyCondition(condition);
        return element;
      }),
    })),
  };
}

/**
 * The answer a script gives to question `id`, as Passerelle takes it
 * (`true`/`false`, an option id, a number). `script` is 'journey' (the
 * Rust benchmark's: the first option, yes, 7: most questions stay asked)
 * or a seeded `random` (lib/measure.mjs) for varied answers.
 */
export function scriptedAnswer(id, script) {
  const kind = kindOf(Number(id.slice(1)));
  if (script === 'journey') {
    return { single_choice: 'a', yes_no: true, number: 7 }[kind];
  }
  // 'c' (which rules out most follow-ups) one time in six.
  if (kind === 'single_choice') return script.next() < 1 / 6 ? 'c' : script.pick(['a', 'b']);
  if (kind === 'yes_no') return script.next() < 0.7;
  return script.int(0, 100);
}
