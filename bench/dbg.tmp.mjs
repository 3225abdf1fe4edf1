import { haobanWasmDirect } from './expr/js/haoban-wasm-direct.mjs';
import { loadEligibility } from './expr/js/workloads.mjs';
const e = await haobanWasmDirect('text');
const w = loadEligibility();
for (const it of w.items.slice(0,3)) { const f = e.prepare(it.rule); console.log(it.key, JSON.stringify(f(it.data)), JSON.stringify(f(it.data))); }
const f = e.prepare(w.items[0].rule);
let t = process.hrtime.bigint(); for (let i=0;i<1000;i++) f(w.items[0].data); console.log('ns/eval', Number(process.hrtime.bigint()-t)/1000);
const g = e.prepare({"==":[1,1]});
t = process.hrtime.bigint(); for (let i=0;i<1000;i++) g(null); console.log('trivial ns/eval', Number(process.hrtime.bigint()-t)/1000);
