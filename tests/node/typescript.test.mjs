// The package's TypeScript declarations (wasm/package/index.d.ts) compile under --strict against
// a typed usage file, and its @ts-expect-error lines really are errors (so nothing is `any`).
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './helpers.mjs';

it('index.d.ts type-checks a strict usage file (tsc --noEmit --strict)', () => {
  const tsc = path.join(repoRoot, 'node_modules', '.bin', 'tsc');
  assert.ok(existsSync(tsc), 'typescript is a root devDependency: run npm ci');
  const args = [
    '--noEmit',
    '--strict',
    '--target', 'es2022',
    '--module', 'es2022',
    '--moduleResolution', 'bundler',
    '--lib', 'es2022,dom',
    path.join('tests', 'node', 'types', 'usage.ts'),
  ];
  const run = spawnSync(tsc, args, { cwd: repoRoot, encoding: 'utf8' });
  assert.equal(run.status, 0, `tsc failed:\n${run.stdout}${run.stderr}`);
});
