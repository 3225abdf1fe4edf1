// Our engine in wasm, in Node, through the @haoban/core package (wasm/package, filled by the
// wasm build: run-expr.sh builds it): compile once to a handle, evaluate many times.
// The package's embind layer is JSON strings in and out (wasm/bindings/expr_bindings.cpp:
// exprCompile(source, "jsonlogic") → {"handle"}, exprEvaluate(handle, dataJson, envJson) →
// {"value"}), so every evaluation pays JSON.stringify(data), the engine's parse of it, the
// dump of the result and JSON.parse: that cost is real for a JS host and is timed here.
// The bindings are called through haoban.module (the package exposes the Emscripten module);
// a JS wrapper in lib/api.mjs would add its own (small) cost on top.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from './workloads.mjs';

const packageDir = path.join(repoRoot, 'wasm/package');

function rawBinding(module) {
  const unwrap = (text) => {
    const value = JSON.parse(text);
    if (value && value.error) throw Object.assign(new Error(value.error.message), { type: value.error.type });
    return value;
  };
  return {
    api: 'module.exprCompile(JSON.stringify(rule), "jsonlogic") once; JSON.parse(module.exprEvaluate(handle, JSON.stringify(data), "")).value per eval',
    compile: (rule) => {
      const { handle } = unwrap(module.exprCompile(JSON.stringify(rule), 'jsonlogic'));
      return (data) => unwrap(module.exprEvaluate(handle, JSON.stringify(data), '')).value;
    },
  };
}

export async function haobanWasm() {
  const { load } = await import(pathToFileURL(path.join(packageDir, 'index.mjs')).href);
  const haoban = await load();
  if (!haoban.module || typeof haoban.module.exprCompile !== 'function') {
    throw new Error('the @haoban/core package has no expression API (wasm/bindings/expr_bindings.cpp not built in)');
  }
  const binding = rawBinding(haoban.module);
  return {
    name: 'haoban-wasm',
    version: haoban.version,
    mode: 'wasm',
    api: binding.api,
    sizeFiles: {
      wasm: [path.join(packageDir, 'dist/haoban-core.wasm')],
      js: [path.join(packageDir, 'dist/haoban-core.mjs'), path.join(packageDir, 'lib/api.mjs'), path.join(packageDir, 'index.mjs')],
    },
    prepare: binding.compile,
  };
}

