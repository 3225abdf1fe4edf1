// Shared by the Node tests of the wasm package: where the package is, and loaders for both entries.
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

// HAOBAN_TEST_PACKAGE_DIR: test a copy of the package whose dist/ another wasm build filled
// (-DHAOBAN_PACKAGE_DIST=…) instead of wasm/package.
export const packageDir = process.env.HAOBAN_TEST_PACKAGE_DIR
  ? path.resolve(process.env.HAOBAN_TEST_PACKAGE_DIR)
  : path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../wasm/package');
export const distDir = path.join(packageDir, 'dist');

// A clear message instead of a module-not-found stack when the wasm build has not run.
export function requireBuilt() {
  for (const file of ['haoban-core.mjs', 'haoban-core.wasm', 'haoban-core.cjs', 'haoban-core.node.wasm']) {
    if (!existsSync(path.join(distDir, file))) {
      throw new Error(`${file} missing in ${distDir}: build the wasm preset first (cmake --build --preset wasm-release)`);
    }
  }
}

// ES entry, with the .wasm bytes read from disk and handed over (as TOOLCHAIN.md prescribes for Node).
export async function loadEsm() {
  requireBuilt();
  const { load } = await import(path.join(packageDir, 'index.mjs'));
  const wasmBinary = await readFile(path.join(distDir, 'haoban-core.wasm'));
  return load({ wasmBinary });
}

// CommonJS entry through require(), as a CommonJS consumer would load it.
export async function loadCjs() {
  requireBuilt();
  const require = createRequire(import.meta.url);
  const { load } = require(path.join(packageDir, 'index.cjs'));
  return load();
}

export const TODAY = '2026-11-27';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

// Repository data the API tests run on: the sample catalogue, its profiles, applications, holidays.
export async function repoText(relative) {
  return readFile(path.join(repoRoot, relative), 'utf8');
}
export async function repoJson(relative) {
  return JSON.parse(await repoText(relative));
}
export async function sampleProfile(id) {
  const { profiles } = await repoJson('data/catalog/profiles.sample.json');
  const p = profiles.find((x) => x.id === id);
  if (!p) throw new Error(`no sample profile ${id}`);
  return { applicant: p.applicant, licences: p.licences ?? {} };
}
