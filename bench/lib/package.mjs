// The built package the benchmarks measure: PASSERELLE_PKG, else
// target/pkg/ (`cargo xtask bench` builds it first, in release).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

/** The repository's root. */
export const root = path.resolve(here, '..', '..');

/** The folder of the built package. */
export const packageDir = path.resolve(process.env.PASSERELLE_PKG ?? path.join(root, 'target', 'pkg'));

/**
 * The package's Node entry (`Engine`, `load`…), loaded. Throws a clear
 * error when the package has not been built.
 */
export async function loadPasserelle() {
  const entry = path.join(packageDir, 'node.js');
  if (!existsSync(entry)) {
    throw new Error(`${entry} is missing: build the package first (\`cargo xtask package\`), or set PASSERELLE_PKG`);
  }
  const passerelle = await import(pathToFileURL(entry).href);
  await passerelle.load();
  return passerelle;
}

/** Headless Chromium as the tests start it, or null when not given. */
export function chromiumOptions() {
  const executablePath = process.env.PASSERELLE_CHROMIUM;
  const flags = process.env.PASSERELLE_CHROMIUM_FLAGS;
  if (!executablePath || !flags) return null;
  return { executablePath, headless: true, args: flags.split(' ').filter(Boolean) };
}
