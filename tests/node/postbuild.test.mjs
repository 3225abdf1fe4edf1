// What the wasm build's post-build step ships: dist/haoban-core.wasm.br is exactly the module,
// brotli-compressed, and dist/miniprogram/ holds the loader and a CommonJS copy of lib/*.mjs
// that matches the current sources (it is generated, so it must never drift).
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { distDir, packageDir, requireBuilt } from './helpers.mjs';
import { libAsCommonJs } from '../../wasm/package/scripts/postbuild.mjs';

it('haoban-core.wasm.br decompresses to haoban-core.wasm', (t) => {
  requireBuilt();
  const wasm = readFileSync(path.join(distDir, 'haoban-core.wasm'));
  const br = readFileSync(path.join(distDir, 'haoban-core.wasm.br'));
  assert.ok(brotliDecompressSync(br).equals(wasm));
  t.diagnostic(`${wasm.length} bytes → ${br.length} bytes brotli`);
});

it('dist/miniprogram/ has the loader and an up-to-date CommonJS API', () => {
  const mp = path.join(distDir, 'miniprogram');
  assert.equal(readFileSync(path.join(mp, 'haoban-api.js'), 'utf8'), libAsCommonJs());
  assert.equal(
    readFileSync(path.join(mp, 'index.js'), 'utf8'),
    readFileSync(path.join(packageDir, 'miniprogram', 'index.js'), 'utf8'),
  );
  const glue = readFileSync(path.join(mp, 'haoban-core.js'), 'utf8');
  assert.doesNotMatch(glue, /import\.meta|^export /m, 'a classic script, not an ES module');
  assert.match(glue, /module\.exports\s*=\s*createHaobanCore/);
  assert.ok(brotliDecompressSync(readFileSync(path.join(mp, 'haoban-core.wasm.br'))).length > 100_000);
});
