// The size budget of DESIGN.md for the core module with SQLite: ≤ 900 KB after brotli.
// Sizes are reported as diagnostics so the CI log shows how close we are.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { distDir, requireBuilt } from './helpers.mjs';

const BUDGET_BROTLI_BYTES = 900 * 1024;

it('the core module with SQLite fits the 900 KB brotli budget', (t) => {
  requireBuilt();
  const web = readFileSync(path.join(distDir, 'haoban-core.wasm'));
  const node = readFileSync(path.join(distDir, 'haoban-core.node.wasm'));
  // Both flavours link the same objects; compress the Node one only if its bytes differ.
  const sizes = [['haoban-core.wasm', web]];
  if (!node.equals(web)) sizes.push(['haoban-core.node.wasm', node]);
  else t.diagnostic('haoban-core.node.wasm is byte-identical to haoban-core.wasm');
  for (const [file, raw] of sizes) {
    const brotli = brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
    t.diagnostic(`${file}: ${raw.length} bytes raw, ${brotli} bytes brotli`);
    assert.ok(brotli <= BUDGET_BROTLI_BYTES, `${file} is ${brotli} bytes after brotli`);
  }
});
