import fs from 'node:fs';
const dir = '../build/bench-wasm/bench/';
const { default: create } = await import(dir + 'haoban-expr-bench.mjs');
const m = await create({ wasmBinary: new Uint8Array(fs.readFileSync(dir + 'haoban-expr-bench.wasm')) });
const w = JSON.parse(fs.readFileSync('expr/workloads/eligibility.json'));
const text = JSON.stringify(w.data);
const ascii = text.replace(/[^\x00-\x7f]/g, 'x');
for (const [name, t] of [['utf8', text], ['ascii', ascii], ['small', '{"a":1,"b":[1,2,3]}']]) {
  const bytes = new TextEncoder().encode(t);
  const p = m._malloc(bytes.length); m.HEAPU8.set(bytes, p);
  for (let b = 0; b < 3; b++) {
    const N = 2000; const s = process.hrtime.bigint();
    for (let i = 0; i < N; i++) m._hb_load_data(p, bytes.length);
    console.log(name, bytes.length, 'bytes', Number(process.hrtime.bigint() - s) / N, 'ns/parse');
  }
}
