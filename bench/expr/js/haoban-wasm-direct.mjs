// Our engine in wasm through the bench-only module (bench/expr/wasm/bench_module.cpp, a plain
// C ABI, built by run-expr.sh into build/bench-wasm/bench/). Two ways a host can call it:
//   text:   data as JSON text on every call (stringify → UTF-8 into wasm memory → parse → evaluate
//           → dump → JSON.parse), the cost of any JSON-string binding;
//   loaded: data parsed into the engine once per data document, then each evaluation only
//           returns its result as JSON text (dump → JSON.parse): how a host evaluates 40 rules
//           over one applicant.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from './workloads.mjs';

const buildDir = process.env.HAOBAN_BENCH_WASM_DIR || path.join(repoRoot, 'build/bench-wasm');
const moduleJs = path.join(buildDir, 'bench/haoban-expr-bench.mjs');
const moduleWasm = path.join(buildDir, 'bench/haoban-expr-bench.wasm');

async function instantiate() {
  if (!fs.existsSync(moduleWasm)) throw new Error(`${moduleWasm} missing: run bench/run-expr.sh (it builds it)`);
  const { default: create } = await import(pathToFileURL(moduleJs).href);
  const m = await create({ wasmBinary: new Uint8Array(fs.readFileSync(moduleWasm)) });
  const encoder = new TextEncoder();
  const decoder = new TextDecoder();
  let buffer = 0;
  let capacity = 0;
  // Copies a string into a reused buffer in wasm memory; returns its byte length there.
  const put = (text) => {
    const need = text.length * 3 + 1;
    if (need > capacity) {
      if (buffer) m._free(buffer);
      capacity = Math.max(need, 2 * capacity, 4096);
      buffer = m._malloc(capacity);
    }
    return encoder.encodeInto(text, m.HEAPU8.subarray(buffer, buffer + capacity)).written;
  };
  const resultText = (ptr) => decoder.decode(m.HEAPU8.subarray(ptr, ptr + m._hb_result_length()));
  // The module answers an evaluation error as {"error":{"type","message"}}: thrown here.
  const take = (ptr) => {
    if (!ptr) throw new Error('bad handle');
    const value = JSON.parse(resultText(ptr));
    if (value !== null && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 1 &&
        value.error && typeof value.error.type === 'string') {
      throw Object.assign(new Error(value.error.message), { type: value.error.type });
    }
    return value;
  };
  const compile = (rule) => {
    const length = put(JSON.stringify(rule)); // first: put() may move the buffer
    const handle = m._hb_compile(buffer, length);
    if (handle < 0) throw new Error(resultText(m._hb_result()));
    return handle;
  };
  const evaluateText = (program, data) => {
    const length = put(JSON.stringify(data));
    return take(m._hb_evaluate_text(program, buffer, length));
  };
  // One engine-side document per distinct data object (the workloads reuse their objects).
  const documents = new Map();
  const documentOf = (data) => {
    let handle = documents.get(data);
    if (handle === undefined) {
      const length = put(JSON.stringify(data));
      handle = m._hb_load_data(buffer, length);
      if (handle < 0) throw new Error(resultText(m._hb_result()));
      documents.set(data, handle);
    }
    return handle;
  };
  // Scalars come back as a kind code and a number: no text crosses for most condition results.
  const evaluateLoaded = (program, data) => {
    const document = documentOf(data);
    switch (m._hb_evaluate_loaded_scalar(program, document)) {
      case 0: return null;
      case 1: return false;
      case 2: return true;
      case 3: return m._hb_number();
      case 4: return JSON.parse(resultText(m._hb_result()));
      case 5: return take(m._hb_result());
      default: throw new Error('bad handle');
    }
  };
  return { compile, evaluateText, evaluateLoaded };
}

const sizeFiles = { wasm: [moduleWasm], js: [moduleJs] };

export async function haobanWasmDirect(mode) {
  const { compile, evaluateText, evaluateLoaded } = await instantiate();
  const text = mode === 'text';
  if (!text && mode !== 'loaded') throw new Error(`unknown mode ${mode}`);
  return {
    name: text ? 'haoban-wasm-direct-text' : 'haoban-wasm-direct-loaded',
    version: 'bench module',
    mode: 'wasm',
    api: text
      ? 'bench module (C ABI): compile once; per eval JSON.stringify(data) → evaluate → JSON.parse(result)'
      : 'bench module (C ABI): compile once, data parsed once per document into an expr::Document; per eval a kind code (+ number) for scalar results, JSON text otherwise',
    sizeFiles,
    prepare: (rule) => {
      const program = compile(rule);
      return text ? (data) => evaluateText(program, data) : (data) => evaluateLoaded(program, data);
    },
  };
}
