// Our engine in wasm, in Node, through the @haoban/core package's typed API (wasm/package,
// lib/expr.mjs; filled by the wasm build: run-expr.sh builds it): compile once, evaluate many.
//   haoban-wasm: h.expr.loadData(data) once per data document (exprLoadData, wasm/bindings/
//     expr_data_bindings.cpp), then per evaluation expr.evaluateOn(document): only the result
//     crosses the boundary. How a host evaluates 40 rules over one applicant. The load is not
//     timed (one per document, reused across passes), as a host loads an applicant once.
//   haoban-wasm-text: expr.evaluate(data): the data is stringified and parsed again on every
//     evaluation (exprEvaluate), the cost of a JSON-string-per-call binding.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from './workloads.mjs';

// HAOBAN_BENCH_PACKAGE_DIR: a copy of the package whose dist/ a separate wasm build filled
// (-DHAOBAN_PACKAGE_DIST=…), so a before/after does not replace the modules the stub serves.
const packageDir = process.env.HAOBAN_BENCH_PACKAGE_DIR
  ? path.resolve(process.env.HAOBAN_BENCH_PACKAGE_DIR)
  : path.join(repoRoot, 'wasm/package');

function textBinding(h) {
  return {
    api: "h.expr.compile(JSON.stringify(rule), {syntax: 'jsonlogic'}) once; expr.evaluate(data) per eval (JSON text of the data per call)",
    compile: (rule) => {
      const expr = h.expr.compile(JSON.stringify(rule), { syntax: 'jsonlogic' }); // text: a rule may be a bare string
      return (data) => expr.evaluate(data);
    },
  };
}

function handleBinding(h) {
  if (typeof h.expr.loadData !== 'function') {
    throw new Error('the @haoban/core package has no expr.loadData (wasm/bindings/expr_data_bindings.cpp not built in)');
  }
  // One engine-side document per distinct data object (the workloads reuse their objects).
  const documents = new Map();
  const documentOf = (data) => {
    let document = documents.get(data);
    if (document === undefined) {
      document = h.expr.loadData(data);
      documents.set(data, document);
    }
    return document;
  };
  return {
    api: "h.expr.compile(JSON.stringify(rule), {syntax: 'jsonlogic'}) once per rule, h.expr.loadData(data) once per document; expr.evaluateOn(document) per eval",
    compile: (rule) => {
      const expr = h.expr.compile(JSON.stringify(rule), { syntax: 'jsonlogic' }); // text: a rule may be a bare string
      return (data) => expr.evaluateOn(documentOf(data));
    },
  };
}

export async function haobanWasm(mode = 'handle') {
  const { load } = await import(pathToFileURL(path.join(packageDir, 'index.mjs')).href);
  const haoban = await load();
  if (!haoban.expr || typeof haoban.expr.compile !== 'function') {
    throw new Error('the @haoban/core package has no expression API (lib/expr.mjs)');
  }
  const binding = mode === 'text' ? textBinding(haoban) : handleBinding(haoban);
  return {
    name: mode === 'text' ? 'haoban-wasm-text' : 'haoban-wasm',
    version: haoban.version,
    mode: 'wasm',
    api: binding.api,
    sizeFiles: {
      wasm: [path.join(packageDir, 'dist/haoban-core.wasm')],
      js: [path.join(packageDir, 'dist/haoban-core.mjs'), path.join(packageDir, 'lib/api.mjs'), path.join(packageDir, 'lib/expr.mjs'),
        path.join(packageDir, 'lib/boundary.mjs'), path.join(packageDir, 'index.mjs')],
    },
    prepare: binding.compile,
  };
}
