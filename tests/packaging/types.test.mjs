// The package's TypeScript types, checked by compiling two sample
// consumers (strict, no skipLibCheck) against the built package: a Node
// program (ts/consumer.ts, "node" export condition: node.d.ts, no DOM lib)
// and a page's script (ts/browser.ts, default condition: passerelle.d.ts).
// Each has `// @ts-expect-error` lines on wrong calls: were the types
// `any`, tsc would report those directives as unused.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

import { linkPackage } from './package.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const tsc = path.join(here, '..', 'node_modules', 'typescript', 'bin', 'tsc');

async function compile(project) {
  linkPackage();
  try {
    await promisify(execFile)(process.execPath, [tsc, '--noEmit', '-p', project], { cwd: here });
  } catch (error) {
    assert.fail(`tsc -p ${project} failed:\n${error.stdout}${error.stderr}`);
  }
}

test('a Node program type-checks against node.d.ts', () => compile('ts/tsconfig.json'));

test('a page script type-checks against passerelle.d.ts', () =>
  compile('ts/tsconfig.browser.json'));
