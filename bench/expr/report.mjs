// Turns the runners' JSON lines into the markdown report: one table of timings (median of
// the runs, and each engine relative to ours), one of sizes, the issue's targets, and the
// machine the numbers came from. Reads results.jsonl, machine.json and correctness.json
// from the output directory given as the only argument.
import fs from 'node:fs';
import path from 'node:path';

const outDir = process.argv[2];
if (!outDir) {
  console.error('usage: node report.mjs OUT_DIR');
  process.exit(64);
}
const read = (name) => fs.readFileSync(path.join(outDir, name), 'utf8');
const lines = read('results.jsonl')
  .split('\n')
  .filter((l) => l.trim().startsWith('{'))
  .map((l) => JSON.parse(l));
const machine = JSON.parse(read('machine.json'));
const correctness = fs.existsSync(path.join(outDir, 'correctness.json')) ? JSON.parse(read('correctness.json')) : null;

const timed = lines.filter((l) => l.available !== false && typeof l.median_ns_per_eval === 'number');
const unavailable = lines.filter((l) => l.available === false);
const find = (engine, workload) => timed.find((l) => l.engine === engine && l.workload === workload);

// "Our wasm": the package's expression API when it exists, else the bench module with data as
// JSON text per call (the same boundary cost a JSON-string binding has).
const ourWasm = (workload) => find('haoban-wasm', workload) ?? find('haoban-wasm-direct-text', workload);
const ns = (v) => (v >= 100 ? Math.round(v).toLocaleString('en-US') : v.toFixed(1));
const kb = (bytes) => `${(bytes / 1024).toFixed(0)} KB`;
const ratio = (row, ours) => (ours ? `${(row.median_ns_per_eval / ours.median_ns_per_eval).toFixed(2)}×` : '—');

const out = [];
out.push(`Run ${machine.date}: ${machine.cpu}, ${machine.nproc} cores, Node ${machine.node}, g++ ${machine.gxx}, emcc ${machine.emcc}.`);
out.push(`Load average (1/5/15 min) before: ${machine.load_before}; after: ${machine.load_after}.`);
out.push('');
out.push('ns/eval is the median of the runs (each run ≥ the calibrated time; min–max in brackets). "÷ ours" is');
out.push('that engine\'s time divided by ours: above 1 means ours is faster.');
out.push('');
out.push('| engine | workload | rules timed | ns/eval (median of 5) | ÷ our wasm | ÷ our native |');
out.push('|---|---|---:|---:|---:|---:|');
const order = ['haoban-native', 'haoban-native-reused', 'haoban-native-json', 'haoban-wasm', 'haoban-wasm-text', 'haoban-wasm-direct-text', 'haoban-wasm-direct-loaded', 'json-logic-engine-compiled', 'json-logic-engine-interpreted', 'json-logic-js', 'datalogic-wasm'];
const workloads = [...new Set(timed.map((l) => l.workload))];
for (const workload of workloads) {
  const oursWasm = ourWasm(workload);
  const oursNative = find('haoban-native', workload);
  for (const engine of order) {
    const row = find(engine, workload);
    if (!row) continue;
    const spread = `[${ns(Math.min(...row.ns_per_eval_runs))}–${ns(Math.max(...row.ns_per_eval_runs))}]`;
    const wrong = row.wrong.length ? ` (${row.wrong.length} wrong, not timed)` : '';
    out.push(
      `| ${engine}${row.version ? ` ${row.version}` : ''} | ${workload} | ${row.timed_items}/${row.items}${wrong} | ${ns(row.median_ns_per_eval)} ${spread} | ${ratio(row, oursWasm)} | ${ratio(row, oursNative)} |`,
    );
  }
}
for (const u of unavailable) out.push(`| ${u.engine} | — | not run: ${u.reason} | | | |`);
out.push('');

out.push('Sizes as shipped (published files, not re-minified; brotli at quality 11):');
out.push('');
out.push('| engine | wasm raw | wasm brotli | JS raw | JS brotli |');
out.push('|---|---:|---:|---:|---:|');
const seen = new Set();
for (const row of timed) {
  if (!row.size || seen.has(row.engine)) continue;
  seen.add(row.engine);
  const w = row.size.wasm;
  const j = row.size.js;
  out.push(`| ${row.engine} | ${w ? kb(w.raw) : '—'} | ${w ? kb(w.brotli) : '—'} | ${j ? kb(j.raw) : '—'} | ${j ? kb(j.brotli) : '—'} |`);
}
out.push('');

out.push('Targets of issue 3 (reported, never asserted):');
out.push('');
const target = (label, faster, slower, factor) => {
  for (const workload of workloads) {
    const a = faster === 'our-wasm' ? ourWasm(workload) : find(faster, workload);
    const b = find(slower, workload);
    if (!a || !b) {
      out.push(`- ${label}, ${workload}: not measured (${!a ? faster : slower} missing).`);
      continue;
    }
    const speedup = b.median_ns_per_eval / a.median_ns_per_eval;
    const met = speedup >= factor;
    out.push(`- ${label} (${a.engine} vs ${b.engine}), ${workload}: ${ns(a.median_ns_per_eval)} vs ${ns(b.median_ns_per_eval)} ns/eval → ${speedup.toFixed(2)}× — ${met ? 'met' : 'NOT met'}.`);
  }
};
target('our wasm faster than datalogic wasm', 'our-wasm', 'datalogic-wasm', 1);
target('our wasm faster than json-logic-engine interpreted', 'our-wasm', 'json-logic-engine-interpreted', 1);
target('our native ≥ 5× json-logic-engine compiled', 'haoban-native', 'json-logic-engine-compiled', 5);
out.push('');

if (correctness) {
  out.push(`Correct results on the ${correctness.result_cases} conformance cases that expect a result (the ${correctness.common} that every peer gets right form "conformance-common"):`);
  out.push(Object.entries(correctness.correct).map(([k, v]) => `${k} ${v}`).join(', ') + '; ours: see "rules timed" (wrong results are listed by the runners and never timed).');
  out.push('');
}
for (const row of timed) {
  if (row.workload === workloads[0]) out.push(`- ${row.engine}: ${row.api}`);
}
console.log(out.join('\n'));
