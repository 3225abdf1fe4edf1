// Our engine in wasm, in Node, through the @haoban/core package (wasm/package, built by the
// wasm preset or bench/run-expr.sh): compile once to a handle, evaluate many times.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from './workloads.mjs';

const packageDir = path.join(repoRoot, 'wasm/package');

export async function haobanWasm() {
  const { load } = await import(pathToFileURL(path.join(packageDir, 'index.mjs')).href);
  const haoban = await load();
  const expr = haoban.expr;
  if (!expr || typeof expr.compileLogic !== 'function') {
    throw new Error('the @haoban/core package has no expression API yet (wasm/bindings/expr_bindings.cpp)');
  }
  return {
    name: 'haoban-wasm',
    version: haoban.version,
    mode: 'wasm',
    api: 'haoban.expr.compileLogic(rule) once; handle.evaluate(data) per eval',
    sizeFiles: {
      wasm: [path.join(packageDir, 'dist/haoban-core.wasm')],
      js: [path.join(packageDir, 'dist/haoban-core.mjs'), path.join(packageDir, 'lib/api.mjs'), path.join(packageDir, 'index.mjs')],
    },
    prepare: (rule) => {
      const handle = expr.compileLogic(rule);
      return (data) => handle.evaluate(data);
    },
  };
}

export const haobanPackageBuilt = () => fs.existsSync(path.join(packageDir, 'dist/haoban-core.wasm'));
