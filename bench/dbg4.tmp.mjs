import fs from 'node:fs';
const dir = '../build/bench-wasm/bench/';
const { default: create } = await import(dir + 'haoban-expr-bench.mjs');
const m = await create({ wasmBinary: new Uint8Array(fs.readFileSync(dir + 'haoban-expr-bench.wasm')) });
const docs = {
  numbers: '[' + Array(300).fill('12345').join(',') + ']',
  strings: '[' + Array(300).fill('"abcd"').join(',') + ']',
  longstring: '"' + 'a'.repeat(1800) + '"',
  objects: '[' + Array(100).fill('{"k":true}').join(',') + ']',
  bools: '[' + Array(300).fill('true').join(',') + ']',
};
for (const [name, t] of Object.entries(docs)) {
  const bytes = new TextEncoder().encode(t);
  const p = m._malloc(bytes.length); m.HEAPU8.set(bytes, p);
  for (let i = 0; i < 500; i++) m._hb_load_data(p, bytes.length);
  const N = 1000; const s = process.hrtime.bigint();
  for (let i = 0; i < N; i++) m._hb_load_data(p, bytes.length);
  console.log(name, bytes.length, 'bytes', Math.round(Number(process.hrtime.bigint() - s) / N), 'ns/parse');
}
