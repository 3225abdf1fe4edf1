// WebAssembly runner of the catalogue budgets, in Node through the @haoban/core package's
// bindings (wasm/bindings/catalog_bindings.cpp: catalogLoad(text, {"lazy":…}) → handle,
// catalogSearch(handle, query, "") → hits). What is timed is what a host pays: the catalogue
// text crosses into wasm, is loaded (and, in catalogLoad, indexed for search), and a summary
// comes back. Median of N runs, wall time and this process's CPU time (the machine is often
// shared). One JSON line per measurement on stdout.
// With --pack FILE (a packed catalogue of the same, from `haoban catalog pack` or the native
// bench's --pack), its loads are timed too: catalogLoadBuffered recognises the pack's header.
//   node bench/catalog/catalog_bench.mjs CATALOG.json [--runs N] [--dist DIR] [--pack FILE]
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const file = args.find((a, i) => !a.startsWith('--') && !(i > 0 && args[i - 1].startsWith('--')));
if (!file) {
  console.error('usage: node bench/catalog/catalog_bench.mjs CATALOG.json [--runs N] [--dist DIR]');
  process.exit(64);
}
const runs = Number(option('--runs', 5));
const dist = option('--dist', path.join(repoRoot, 'wasm/package/dist'));
const packFile = option('--pack', null);

const { default: create } = await import(pathToFileURL(path.join(dist, 'haoban-core.mjs')).href);
const m = await create({ wasmBinary: new Uint8Array(fs.readFileSync(path.join(dist, 'haoban-core.wasm'))) });
const unwrap = (text) => {
  const v = JSON.parse(text);
  if (v && v.error) throw Object.assign(new Error(`${v.error.type}: ${v.error.message}`), { detail: v });
  return v;
};
const text = fs.readFileSync(file, 'utf8');

// `after`, untimed, after each run: freeing what a timed load made is not part of the load.
function medianOf(reps, body, after = () => {}) {
  const wall = [];
  const cpu = [];
  for (let r = 0; r < runs; r += 1) {
    const c0 = process.cpuUsage();
    const w0 = process.hrtime.bigint();
    body();
    const w1 = process.hrtime.bigint();
    const c = process.cpuUsage(c0);
    after();
    wall.push(Number(w1 - w0) / 1e6 / reps);
    cpu.push((c.user + c.system) / 1e3 / reps);
  }
  const mid = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return { wall_ms: mid(wall), cpu_ms: mid(cpu) };
}
const emit = (what, detail, sample, extra = {}) =>
  console.log(JSON.stringify({ runner: 'wasm', what, detail, ...sample, ...extra }));

// A host that fetched the catalogue has its UTF-8 bytes: lib/catalog.mjs copies them into the
// module (HEAPU8.set) and loads them there. A string is converted by embind in JS first.
const bytes = fs.readFileSync(file);
const packed = packFile ? fs.readFileSync(packFile) : null;
const buffered = typeof m._haoban_catalog_text_buffer === 'function';
const loadBytes = (options, data = bytes) => {
  const at = m._haoban_catalog_text_buffer(data.length);
  m.HEAPU8.set(data, at);
  return m.catalogLoadBuffered(options);
};

// The first load in a process runs in V8's baseline (Liftoff) code and grows the memory: a
// page's one load pays that. Reported on its own; the medians below are of later loads. With
// --pack, the pack's first load comes first (a host loads one or the other).
for (const data of packed && buffered ? [packed, bytes] : [bytes]) {
  const c0 = process.cpuUsage();
  const w0 = process.hrtime.bigint();
  const options = JSON.stringify({ lazy: true });
  const r = unwrap(buffered ? loadBytes(options, data) : m.catalogLoad(text, options));
  const w1 = process.hrtime.bigint();
  const c = process.cpuUsage(c0);
  m.catalogFree(r.handle);
  const what = data === packed ? 'packed' : `lazy forms, from ${buffered ? 'bytes' : 'string'}`;
  emit('load', `first load in the process, ${what} (+ search index)`,
    { wall_ms: Number(w1 - w0) / 1e6, cpu_ms: (c.user + c.system) / 1e3 }, { items: r.summary.items, bytes: data.length });
}

if (packed && buffered) {
  let summary = null;
  let loaded = 0;
  const s = medianOf(1, () => {
    const r = unwrap(loadBytes(JSON.stringify({ lazy: true }), packed));
    summary = r.summary;
    loaded = r.handle;
  }, () => m.catalogFree(loaded));
  emit('load', 'packed, forms on first use (+ search index), from bytes', s,
    { items: summary.items, errors: summary.errors.length, bytes: packed.length });
}

let handle = 0;
for (const [lazy, from] of [[true, 'bytes'], [true, 'string'], [false, 'bytes']]) {
  if (!lazy && process.env.HAOBAN_BENCH_SKIP_EAGER) continue;
  if (from === 'bytes' && !buffered) continue;  // a module from before the byte path
  let summary = null;
  let loaded = 0;
  const s = medianOf(1, () => {
    const options = JSON.stringify({ lazy });
    const r = unwrap(from === 'bytes' ? loadBytes(options) : m.catalogLoad(text, options));
    summary = r.summary;
    loaded = r.handle;
  }, () => {
    if (lazy && !handle) handle = loaded;
    else m.catalogFree(loaded);
  });
  const what = lazy ? 'lazy forms (+ search index)' : 'eager (every form compiled, + search index)';
  emit('load', `${what}, from ${from}`, s,
    { items: summary.items, errors: summary.errors.length, bytes: bytes.length });
}

for (const query of ['居住证', '出生', '营业执照', 'jzz', 'juzhuzheng', 'gtgsh', 'spjy']) {
  let hits = 0;
  const reps = 50;
  // Warm-up: V8 compiles wasm in Liftoff first and tiers up hot functions later.
  for (let k = 0; k < 200; k += 1) m.catalogSearch(handle, query, '');
  const s = medianOf(reps, () => {
    for (let k = 0; k < reps; k += 1) hits = unwrap(m.catalogSearch(handle, query, '')).hits.length;
  });
  emit('search', query, s, { hits });
}
