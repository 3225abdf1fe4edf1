// The first code of the app's script to run (main.js imports it before Vue and the screens, and
// the bundle keeps that order). It starts at once what the first screen waits for, instead of
// one after the other once the app has mounted:
//   - the wasm core: its download (preloaded by index.html) is compiled as soon as it is in;
//   - the core's JS (/core/index.mjs and its modules, also preloaded): imported;
//   - the catalogue download (preloaded too).
// Nothing is decided here: core.js instantiates the compiled module through the package's own
// load() (its instantiateWasm option), store.js loads the catalogue into the core.
//
// WebAssembly.compile on the whole response, not compileStreaming: the stub sends
// application/wasm, so streaming works, but by the time this runs the preloaded bytes are all
// in, and Chromium then decodes the whole 1.4 MB module on the main thread as the stream is read
// (traces at 4× CPU: 100–460 ms of main-thread tasks), where WebAssembly.compile decodes it on a
// background thread. Function bodies are compiled lazily, on first call, either way.
import { api } from './api.js';

const WASM_URL = '/core/dist/haoban-core.wasm';
const CORE_URL = '/core/index.mjs';

const mark = (name) => (value) => (performance.mark(`haoban:${name}`), value);

// The compiled module, or null if that failed (the package then fetches and compiles the wasm
// itself, and reports what went wrong).
export const wasmModule = fetch(WASM_URL, { credentials: 'same-origin' })
  .then((response) => {
    if (!response.ok) throw new Error(`${WASM_URL}: HTTP ${response.status}`);
    return response.arrayBuffer();
  })
  .then((bytes) => WebAssembly.compile(bytes))
  .then(mark('core-compiled'))
  .catch((error) => {
    console.warn('haoban: early compilation of the core failed, loading it the usual way:', error.message);
    return null;
  });

export const coreModule = import(/* @vite-ignore */ CORE_URL).then(mark('core-imported'));

export const catalogText = api.catalogText().then(mark('catalog-fetched'));

// Each is awaited later, where a failure is handled (the catalogue falls back to the store's copy).
coreModule.catch(() => {});
catalogText.catch(() => {});
