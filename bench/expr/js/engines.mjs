// One adapter per engine. prepare(rule) does the once-per-rule work (compile, build, or
// nothing for an interpreter) and returns evaluate(data) → the result as a JS value.
// What a JS host pays per call is inside evaluate: for engines whose API takes JSON strings
// (datalogic, and our wasm module if its binding does), that includes JSON.stringify of the
// data and JSON.parse of the result, because a host holds its data as JS objects.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { repoRoot } from './workloads.mjs';

const benchDir = path.join(repoRoot, 'bench');
const require = createRequire(path.join(benchDir, 'package.json'));
const moduleFile = (spec) => require.resolve(spec);
const packageDir = (name) => path.join(benchDir, 'node_modules', name);
const version = (name) => JSON.parse(fs.readFileSync(path.join(packageDir(name), 'package.json'), 'utf8')).version;

async function jsonLogicJs() {
  const { default: jsonLogic } = await import('json-logic-js');
  return {
    name: 'json-logic-js',
    version: version('json-logic-js'),
    mode: 'interpreted',
    api: 'jsonLogic.apply(rule, data) per eval (no compile step)',
    sizeFiles: { js: [moduleFile('json-logic-js')] },
    prepare: (rule) => (data) => jsonLogic.apply(rule, data),
  };
}

async function jsonLogicEngine(mode) {
  const { LogicEngine } = await import('json-logic-engine');
  const engine = new LogicEngine();
  const compiled = mode === 'compiled';
  return {
    name: compiled ? 'json-logic-engine-compiled' : 'json-logic-engine-interpreted',
    version: version('json-logic-engine'),
    mode,
    api: compiled
      ? 'engine.build(rule) once (new Function: forbidden in mini-programs); fn(data) per eval'
      : 'engine.run(rule, data) per eval (what a mini-program without eval can use)',
    sizeFiles: { js: [path.join(packageDir('json-logic-engine'), 'dist/esm/index.js')] },
    prepare: compiled
      ? (rule) => {
          const fn = engine.build(rule);
          return (data) => fn(data);
        }
      : (rule) => (data) => engine.run(rule, data),
  };
}

async function datalogic() {
  // Its Node build is CommonJS inside a "type": "module" package; the web build with
  // initSync on the wasm bytes works in Node (TOOLCHAIN.md).
  const dir = path.join(packageDir('@goplasmatic/datalogic'), 'web');
  const { initSync, CompiledRule } = await import(path.join(dir, 'datalogic_wasm.js'));
  initSync({ module: fs.readFileSync(path.join(dir, 'datalogic_wasm_bg.wasm')) });
  return {
    name: 'datalogic-wasm',
    version: version('@goplasmatic/datalogic'),
    mode: 'wasm',
    api: 'new CompiledRule(JSON.stringify(rule)) once; JSON.parse(rule.evaluate(JSON.stringify(data))) per eval',
    sizeFiles: {
      wasm: [path.join(dir, 'datalogic_wasm_bg.wasm')],
      js: [path.join(dir, 'datalogic_wasm.js')],
    },
    prepare: (rule) => {
      const compiled = new CompiledRule(JSON.stringify(rule), false);
      return (data) => JSON.parse(compiled.evaluate(JSON.stringify(data)));
    },
  };
}

export const engineNames = [
  'haoban-wasm',
  'haoban-wasm-text',
  'haoban-wasm-direct-text',
  'haoban-wasm-direct-loaded',
  'json-logic-engine-compiled',
  'json-logic-engine-interpreted',
  'json-logic-js',
  'datalogic-wasm',
];
export const peerNames = engineNames.filter((n) => !n.startsWith('haoban-'));

export async function loadEngine(name) {
  switch (name) {
    case 'haoban-wasm':
      return (await import('./haoban-wasm.mjs')).haobanWasm('handle');
    case 'haoban-wasm-text':
      return (await import('./haoban-wasm.mjs')).haobanWasm('text');
    case 'haoban-wasm-direct-text':
      return (await import('./haoban-wasm-direct.mjs')).haobanWasmDirect('text');
    case 'haoban-wasm-direct-loaded':
      return (await import('./haoban-wasm-direct.mjs')).haobanWasmDirect('loaded');
    case 'json-logic-engine-compiled':
      return jsonLogicEngine('compiled');
    case 'json-logic-engine-interpreted':
      return jsonLogicEngine('interpreted');
    case 'json-logic-js':
      return jsonLogicJs();
    case 'datalogic-wasm':
      return datalogic();
    default:
      throw new Error(`unknown engine ${name}`);
  }
}
