// The first code of the app's script to run (main.js imports it before Vue and the screens, and
// the bundle keeps that order). It starts at once what the first screen waits for, instead of
// one after the other once the app has mounted:
//   - the wasm core, compiled: handed over by the worker index.html started while the page was
//     still being parsed (window.haobanBoot), or else downloaded and compiled here;
//   - the core's JS (/core/index.mjs and its modules, preloaded by index.html): imported;
//   - the catalogue download: the worker's too, or else started here.
// Nothing is decided here: core.js instantiates the compiled module through the package's own
// load() (its instantiateWasm option), store.js loads the catalogue into the core.
//
// Without the worker: WebAssembly.compile on the whole response, not compileStreaming, because
// Chromium decodes a stream on the main thread as it is read (traces at 4× CPU: 100–460 ms of
// main-thread tasks), where WebAssembly.compile decodes it on a background thread. Function
// bodies are compiled lazily, on first call, either way.
import { api } from './api.js';

const WASM_URL = '/core/dist/haoban-core.wasm';
const CORE_URL = '/core/index.mjs';

const mark = (name) => (value) => (performance.mark(`haoban:${name}`), value);

// What the worker of index.html hands over (promises of the compiled module and the catalogue
// text), or null where it could not be started.
const boot = window.haobanBoot ?? null;

const compileHere = () =>
  fetch(WASM_URL, { credentials: 'same-origin' })
    .then((response) => {
      if (!response.ok) throw new Error(`${WASM_URL}: HTTP ${response.status}`);
      return response.arrayBuffer();
    })
    .then((bytes) => WebAssembly.compile(bytes));

// The compiled module, or null if that failed (the package then fetches and compiles the wasm
// itself, and reports what went wrong).
export const wasmModule = (boot ? boot.module.catch(compileHere) : compileHere())
  .then(mark('core-compiled'))
  .catch((error) => {
    console.warn('haoban: early compilation of the core failed, loading it the usual way:', error.message);
    return null;
  });

export const coreModule = import(/* @vite-ignore */ CORE_URL).then(mark('core-imported'));

// The catalogue: its UTF-8 bytes from the worker (a Uint8Array), or its text fetched here.
export const catalogText = (boot ? boot.catalogue.catch(() => api.catalogText()) : api.catalogText()).then(mark('catalog-fetched'));

// Resolves once the boot worker runs (its first message), or it failed, or after 300 ms, or at
// once without a worker: main.js mounts the app after it.
export const bootWorkerStarted = boot
  ? Promise.race([boot.started, new Promise((resolve) => setTimeout(resolve, 300))])
  : Promise.resolve();

// Each is awaited later, where a failure is handled (the catalogue falls back to the store's copy).
coreModule.catch(() => {});
catalogText.catch(() => {});
