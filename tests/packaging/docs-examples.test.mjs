// Every ```js example of docs/js-api.md, run in order in Node against the
// built package, each as a module made of the shared prelude (the ```js
// block after `<!-- prelude -->`) and the example: an example that throws
// fails its test, and so does a `console.log` whose output differs from
// its `// → …` comment (on its line, or on the comment lines after it: one
// per call when it runs in a loop). The comment shows the values as
// JavaScript literals (double quotes, `{ key: value }`), several values
// separated by a space; `…` stands for any text. ```html and ```ts blocks
// are not run (browser only, or types; the types are checked by
// types.test.mjs).
//
// Set PASSERELLE_SHOW_EXAMPLES=1 to print what each example logs.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { pathToFileURL } from 'node:url';

import { nodeEntry, requirePackage, root } from './package.mjs';

const docPath = path.join(root, 'docs', 'js-api.md');
const doc = readFileSync(docPath, 'utf8');

/** The fenced code blocks: language, first line (1-based), code, and the heading above. */
function codeBlocks(markdown) {
  const blocks = [];
  const lines = markdown.split('\n');
  let heading = '';
  let previous = '';
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i];
    const fence = /^```(\w*)\s*$/.exec(line);
    if (!fence) {
      if (line.startsWith('#')) heading = line.replace(/^#+\s*/, '');
      if (line.trim() !== '') previous = line.trim();
      continue;
    }
    const start = i + 1;
    const body = [];
    for (i += 1; i < lines.length && !/^```\s*$/.test(lines[i]); i += 1) body.push(lines[i]);
    assert.ok(i < lines.length, `docs/js-api.md:${start}: code block not closed`);
    blocks.push({ language: fence[1], line: start + 1, code: body.join('\n'), heading, marker: previous });
    previous = '';
  }
  return blocks;
}

const blocks = codeBlocks(doc);
const runnable = blocks.filter((block) => ['js', 'javascript', 'mjs'].includes(block.language));
const preludes = runnable.filter((block) => block.marker === '<!-- prelude -->');
assert.equal(preludes.length, 1, 'docs/js-api.md has one ```js block after <!-- prelude -->');
const prelude = preludes[0];
const examples = runnable.filter((block) => block !== prelude);

/** The code with the package name pointing at the built Node entry. */
function resolved(code) {
  return code.replace(/(from\s*|import\s*\(\s*)(['"])@passerelle-insertion\/passerelle\2/g, `$1'${nodeEntry}'`);
}

/**
 * `value` as the `// →` comments write it; the non-breaking spaces of
 * French typography written out (`\u00a0`, `\u202f`), as they cannot be
 * seen.
 */
function show(value) {
  if (typeof value === 'string') {
    return JSON.stringify(value).replace(/\u00a0/g, '\\u00a0').replace(/\u202f/g, '\\u202f');
  }
  if (value === null || typeof value !== 'object') return String(value);
  if (Array.isArray(value)) return `[${value.map(show).join(', ')}]`;
  const entries = Object.entries(value);
  if (entries.length === 0) return '{}';
  const key = (name) => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name));
  return `{ ${entries.map(([name, item]) => `${key(name)}: ${show(item)}`).join(', ')} }`;
}

/** Whether `shown` is what the comment `expected` says, `…` standing for any text. */
function matches(shown, expected) {
  const pattern = expected
    .split('…')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('[\\s\\S]*?');
  return new RegExp(`^${pattern}$`).test(shown);
}

/**
 * The example with each `console.log` that has `// →` comments sent to
 * `__logged(line, …)`, and the comments by line of the example.
 */
function instrumented(code) {
  const lines = code.split('\n');
  const expected = new Map();
  for (let i = 0; i < lines.length; i += 1) {
    const inline = /console\.log\(.*\/\/ → (.*)$/.exec(lines[i]);
    if (!inline && !lines[i].includes('console.log(')) continue;
    const comments = inline ? [inline[1]] : [];
    for (let next = i + 1; next < lines.length; next += 1) {
      const alone = /^\s*\/\/ → (.*)$/.exec(lines[next]);
      if (!alone) break;
      comments.push(alone[1]);
    }
    if (comments.length === 0) continue;
    expected.set(i + 1, comments.map((comment) => comment.trim()));
    lines[i] = lines[i].replace('console.log(', `__logged(${i + 1}, `);
  }
  return { code: lines.join('\n'), expected };
}

const folder = mkdtempSync(path.join(tmpdir(), 'passerelle-doc-examples-'));
after(() => rmSync(folder, { recursive: true, force: true }));

test('the documentation has examples for every method', () => {
  requirePackage();
  assert.ok(examples.length >= 30, `${examples.length} examples`);
  const code = examples.map((example) => example.code).join('\n');
  const methods = {
    Engine: ['locale', 'setLocale', 'questionnaire', 'catalogue', 'loadCatalogue', 'importDataInclusion',
      'startDiagnosis', 'resumeDiagnosis', 'orient', 'planFromJson', 'report'],
    Diagnosis: ['current', 'step', 'answer', 'answerInput', 'skip', 'back', 'previousAnswer', 'progress',
      'isComplete', 'referenceDate', 'snapshot', 'result', 'facts', 'needsFound', 'orient', 'buildPlan'],
    Plan: ['apply', 'proposals', 'toJsonText', 'value', 'nextSteps', 'printView', 'referralSheet'],
  };
  for (const [owner, names] of Object.entries(methods)) {
    for (const name of names) {
      assert.match(code, new RegExp(`\\.${name}\\(`), `no example calls ${owner}.${name}`);
    }
  }
  assert.match(code, /new Engine\(/);
});

test('the examples cover every method the package exports', async () => {
  const { Engine, Diagnosis, Plan, DataInclusionImport } = await import(nodeEntry);
  const code = examples.map((example) => example.code).join('\n');
  for (const type of [Engine, Diagnosis, Plan, DataInclusionImport]) {
    const names = Object.getOwnPropertyNames(type.prototype).filter(
      (name) => !['constructor', 'free', 'toJSON', '__destroy_into_raw'].includes(name),
    );
    for (const name of names) {
      assert.match(code, new RegExp(`\\.${name}\\(`), `no example calls ${type.name}.${name}`);
    }
  }
});

for (const [index, example] of examples.entries()) {
  test(`example ${index + 1} (docs/js-api.md:${example.line}, "${example.heading}")`, async () => {
    requirePackage();
    const file = path.join(folder, `example-${index + 1}.mjs`);
    const { code, expected } = instrumented(resolved(example.code));
    const source = `${resolved(prelude.code)}\n// docs/js-api.md:${example.line}\n${code}\n`;
    writeFileSync(file, source);
    const logged = [];
    const shown = new Map();
    const log = console.log;
    console.log = (...values) => logged.push(values);
    globalThis.__logged = (line, ...values) => {
      logged.push(values);
      shown.set(line, [...(shown.get(line) ?? []), values.map(show).join(' ')]);
    };
    try {
      await import(pathToFileURL(file).href);
    } catch (error) {
      error.message = `docs/js-api.md:${example.line}: ${error.message}`;
      throw error;
    } finally {
      console.log = log;
    }
    if (process.env.PASSERELLE_SHOW_EXAMPLES) {
      log(`--- docs/js-api.md:${example.line}`);
      for (const values of logged) log(...values);
    }
    for (const [line, comments] of expected) {
      const where = `docs/js-api.md:${example.line + line - 1}`;
      const outputs = shown.get(line) ?? [];
      assert.equal(outputs.length, comments.length, `${where}: logged ${outputs.length} times, ${comments.length} → comments`);
      for (const [i, comment] of comments.entries()) {
        assert.ok(matches(outputs[i], comment), `${where}: logged\n  ${outputs[i]}\nthe comment says\n  ${comment}`);
      }
    }
  });
}
