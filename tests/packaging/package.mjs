// Where the built package is, for the packaging tests: the folder named by
// PASSERELLE_PKG (or a file in it), else target/pkg/ (`cargo xtask package`).
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readlinkSync, renameSync, statSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

/** The package's name on npm (package.json's "name"). */
export const packageName = '@passerelle-insertion/passerelle';

/** The repository's root. */
export const root = path.resolve(here, '..', '..');

/** The folder of the built package. */
export const packageDir = (() => {
  const given = process.env.PASSERELLE_PKG;
  if (!given) return path.join(root, 'target', 'pkg');
  const resolved = path.resolve(given);
  return existsSync(resolved) && statSync(resolved).isFile() ? path.dirname(resolved) : resolved;
})();

/**
 * The package's WebAssembly modules: the whole engine, what a first
 * question needs (`<passerelle-diagnostic>`, `<passerelle-parcours>`),
 * and the catalogue editor.
 */
export const MODULES = ['passerelle_wasm_bg.wasm', 'passerelle_questionnaire_bg.wasm', 'passerelle_editor_bg.wasm'];

/** The URL of the package's Node entry. */
export const nodeEntry = pathToFileURL(path.join(packageDir, 'node.js')).href;

/** Throws a clear error when the package has not been built. */
export function requirePackage() {
  for (const file of ['node.js', 'passerelle_wasm.js', ...MODULES, 'package.json']) {
    if (!existsSync(path.join(packageDir, file))) {
      throw new Error(
        `${path.join(packageDir, file)} is missing: build the package first ` +
          '(`cargo xtask package`), or set PASSERELLE_PKG to its folder',
      );
    }
  }
}

/**
 * Makes the package resolvable by its name from tests/packaging/ as an
 * installed package would be: a link
 * tests/packaging/node_modules/@passerelle-insertion/passerelle to the package folder (replaced atomically, as test files run in parallel).
 * Returns the link's path.
 */
export function linkPackage() {
  requirePackage();
  const link = path.join(here, 'node_modules', ...packageName.split('/'));
  mkdirSync(path.dirname(link), { recursive: true });
  let current = null;
  try {
    current = readlinkSync(link);
  } catch {
    // No link yet.
  }
  if (current !== packageDir) {
    const temporary = `${link}.${process.pid}.tmp`;
    symlinkSync(packageDir, temporary, 'dir');
    renameSync(temporary, link);
  }
  return link;
}

/**
 * Answers every question by simple rules: a 19-year-old in
 * Seine-Saint-Denis. Used here, and written into the script the npm-pack
 * test runs (`answerAll.toString()`): it calls nothing but `assert`.
 */
export function answerAll(diagnosis) {
  let answered = 0;
  for (let question = diagnosis.current(); question; question = diagnosis.current()) {
    const { id, kind } = question;
    const answer = {
      yes_no: () => id === 'food_today',
      number: () => (id === 'age' ? 19 : kind.min),
      postal_code: () => '93200',
      commune: () => kind.options[0].id,
      date: () => '2007-05-02',
      short_text: () => 'x',
      need_ranking: () => diagnosis.needsFound(),
      multiple_choice: () => [kind.options[0].id],
      single_choice: () => (id === 'sleep_tonight' ? 'home' : kind.options.at(-1).id),
    }[kind.type]();
    diagnosis.answer(id, answer);
    answered += 1;
    assert.ok(answered < 200, 'the session does not end');
  }
  return answered;
}

/** Runs `call`, which must throw a Passerelle error of `code`, its details
 * each `{code, message, path}`; returns it. */
export function thrown(call, code) {
  let error = null;
  try {
    call();
  } catch (caught) {
    error = caught;
  }
  assert.ok(error, `expected a ${code} error, nothing was thrown`);
  assert.ok(error instanceof Error, `not an Error: ${error}`);
  assert.equal(typeof error.message, 'string');
  assert.ok(Array.isArray(error.details), `no details array: ${error}`);
  for (const detail of error.details) {
    assert.deepEqual(Object.keys(detail).sort(), ['code', 'message', 'path']);
  }
  assert.equal(error.code, code, `${error.code}: ${error.message}`);
  return error;
}
