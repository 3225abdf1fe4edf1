import { haobanWasmDirect } from './expr/js/haoban-wasm-direct.mjs';
import { loadEligibility } from './expr/js/workloads.mjs';
const e = await haobanWasmDirect('text');
const l = await haobanWasmDirect('loaded');
const w = loadEligibility();
const g = e.prepare({"==":[1,1]});
for (let b=0;b<4;b++){ let t = process.hrtime.bigint(); for (let i=0;i<3000;i++) g(null); console.log('trivial text ns/eval', Number(process.hrtime.bigint()-t)/3000); }
const h = l.prepare(w.items[0].rule);
for (let b=0;b<4;b++){ let t = process.hrtime.bigint(); for (let i=0;i<3000;i++) h(w.data); console.log('adult loaded ns/eval', Number(process.hrtime.bigint()-t)/3000); }
