// The package as npm publishes it, for the packaging tests: `npm pack` of
// the package folder into a temporary folder, and that tarball installed
// (offline: the package has no dependencies) into a temporary project.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

import { packageDir, packageName, requirePackage } from './package.mjs';

const run = promisify(execFile);

/** Runs npm with `args` in `cwd`, with a cache of its own in `cache`. */
export async function npm(args, cwd, cache) {
  const { stdout } = await run('npm', [...args, '--no-audit', '--no-fund', '--cache', cache], {
    cwd,
    env: { ...process.env, npm_config_update_notifier: 'false' },
    maxBuffer: 16 * 1024 * 1024,
  });
  return stdout;
}

/**
 * Packs the package and installs the tarball into a new project. Returns
 * { folder, tarball, packed (npm pack's JSON report), app (the project's
 * folder), installed (its node_modules/@passerelle-insertion/passerelle), remove() }.
 */
export async function packAndInstall() {
  requirePackage();
  const folder = await mkdtemp(path.join(os.tmpdir(), 'passerelle-packed-'));
  try {
    const cache = path.join(folder, 'npm-cache');
    const [packed] = JSON.parse(
      await npm(['pack', packageDir, '--json', '--pack-destination', folder], folder, cache),
    );
    const tarball = path.join(folder, packed.filename);
    const app = path.join(folder, 'app');
    await run('mkdir', [app]);
    await writeFile(
      path.join(app, 'package.json'),
      `${JSON.stringify({ name: 'passerelle-consumer', private: true, type: 'module' }, null, 2)}\n`,
    );
    await npm(['install', '--offline', '--ignore-scripts', '--no-package-lock', tarball], app, cache);
    return {
      folder,
      tarball,
      packed,
      app,
      installed: path.join(app, 'node_modules', ...packageName.split('/')),
      remove: () => rm(folder, { recursive: true, force: true }),
    };
  } catch (error) {
    await rm(folder, { recursive: true, force: true });
    throw error;
  }
}
