#!/usr/bin/env node
// Sizes of the wasm core: raw, gzip -9 and brotli -q 11, for the module with SQLite (what the
// package ships) and without it (core alone: the haoban_core_nostore target), against the
// DESIGN.md budgets: core ≤ 350 KB brotli, with SQLite ≤ 900 KB brotli. Measures, never fails.
//   node bench/size/size.mjs [--build-dir build/wasm-release] [--build]
//   --build first runs `ninja -C <dir> -j2 haoban_wasm haoban_core_nostore` (NODE_PATH set).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const args = process.argv.slice(2);
const dirArg = args.indexOf('--build-dir');
const buildDir = path.resolve(repoRoot, dirArg >= 0 ? args[dirArg + 1] : 'build/wasm-release');
const KB = 1024;
const BUDGETS = { core: 350 * KB, withSqlite: 900 * KB };

if (args.includes('--build')) {
  const run = spawnSync('ninja', ['-C', buildDir, '-j2', 'haoban_wasm', 'haoban_core_nostore'], {
    stdio: 'inherit',
    env: { ...process.env, NODE_PATH: '/usr/share/nodejs' },
  });
  if (run.status !== 0) process.exit(run.status ?? 1);
}

const sizes = (file) => {
  const raw = readFileSync(file);
  return {
    raw: raw.length,
    gzip: gzipSync(raw, { level: 9 }).length,
    brotli: brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_LGWIN]: 24 } }).length,
  };
};

const rows = [
  ['with SQLite: web .wasm (shipped)', path.join(buildDir, 'wasm/web/haoban-core.wasm'), BUDGETS.withSqlite],
  ['with SQLite: web glue .mjs', path.join(buildDir, 'wasm/web/haoban-core.mjs')],
  ['with SQLite: node .wasm', path.join(buildDir, 'wasm/node/haoban-core.node.wasm'), BUDGETS.withSqlite],
  ['with SQLite: mini-program .wasm', path.join(buildDir, 'wasm/miniprogram/haoban-core.wasm'), BUDGETS.withSqlite],
  ['without SQLite: web .wasm', path.join(buildDir, 'wasm/nostore/haoban-core.wasm'), BUDGETS.core],
  ['without SQLite: web glue .mjs', path.join(buildDir, 'wasm/nostore/haoban-core.mjs')],
];

const fmt = (n) => `${(n / KB).toFixed(1)} KB`.padStart(10);
console.log(`wasm sizes from ${path.relative(repoRoot, buildDir)} (KB = 1024 bytes)`);
console.log(`${'module'.padEnd(36)}${'raw'.padStart(10)}${'gzip -9'.padStart(10)}${'brotli 11'.padStart(10)}   budget (brotli)`);
for (const [name, file, budget] of rows) {
  if (!existsSync(file)) {
    console.log(`${name.padEnd(36)}  missing: ${path.relative(repoRoot, file)} (run with --build)`);
    continue;
  }
  const s = sizes(file);
  const verdict = budget ? `${fmt(budget)} ${s.brotli <= budget ? 'within' : 'OVER'} (${Math.round((100 * s.brotli) / budget)}%)` : '';
  console.log(`${name.padEnd(36)}${fmt(s.raw)}${fmt(s.gzip)}${fmt(s.brotli)}   ${verdict}`);
}
const web = path.join(buildDir, 'wasm/web/haoban-core.wasm');
const nostore = path.join(buildDir, 'wasm/nostore/haoban-core.wasm');
if (existsSync(web) && existsSync(nostore)) {
  const a = sizes(web);
  const b = sizes(nostore);
  console.log(`SQLite + store + IDBFS add ${fmt(a.raw - b.raw).trim()} raw, ${fmt(a.brotli - b.brotli).trim()} brotli`);
}
