// Times one engine in this Node process (one process per engine, so no engine's JIT or GC
// state affects another's) and prints one JSON line per workload, in the native runner's shape.
//   node run-engine.mjs --engine NAME [--workload all|conformance|eligibility]
//                       [--cases FILE] [--runs 5] [--min-run-ms 200]
// Exit status 2 when a timed workload has wrong results (they are listed, not timed).
import { parseArgs } from 'node:util';
import { loadEngine } from './engines.mjs';
import { engineSize } from './sizes.mjs';
import { jsonEqual, loadConformance, loadEligibility, loadSelection } from './workloads.mjs';
import { timePasses } from './timing.mjs';

const { values: args } = parseArgs({
  options: {
    engine: { type: 'string' },
    workload: { type: 'string', default: 'all' },
    cases: { type: 'string' },
    runs: { type: 'string', default: '5' },
    'min-run-ms': { type: 'string', default: '200' },
    'warmup-ms': { type: 'string', default: '2000' },
  },
});
if (!args.engine) {
  console.error('usage: node run-engine.mjs --engine NAME [--workload W] [--cases FILE] [--runs N]');
  process.exit(64);
}
const runs = Number(args.runs);
const minRunMs = Number(args['min-run-ms']);
const warmupMs = Number(args['warmup-ms']);

function describe(error) {
  if (error && typeof error === 'object' && 'message' in error) return String(error.message);
  return JSON.stringify(error) ?? String(error);
}

function runWorkload(engine, workload) {
  // Once-per-rule work first (and timed once, for information).
  const compileStart = process.hrtime.bigint();
  const prepared = workload.items.map((item) => {
    try {
      return engine.prepare(item.rule);
    } catch {
      return null;
    }
  });
  const compileNs = Number(process.hrtime.bigint() - compileStart);

  // Correctness: only items the engine gets right are timed; the others are listed.
  const timed = [];
  const wrong = [];
  workload.items.forEach((item, i) => {
    let ok = false;
    if (prepared[i]) {
      try {
        ok = jsonEqual(prepared[i](item.data), item.expected);
      } catch {
        ok = false;
      }
    }
    if (ok) timed.push(i);
    else wrong.push(item.key);
  });

  const fns = timed.map((i) => prepared[i]);
  const datas = timed.map((i) => workload.items[i].data);
  let sink = 0;
  const pass = () => {
    for (let k = 0; k < fns.length; k += 1) {
      const r = fns[k](datas[k]);
      sink += r === null ? 0 : 1;
    }
    return fns.length;
  };
  const t = timePasses(pass, { runs, minRunMs, warmupMs });
  return {
    engine: engine.name,
    version: engine.version,
    workload: workload.name,
    median_ns_per_eval: t.median,
    runs,
    warmup_ms: warmupMs,
    ns_per_eval_runs: t.nsPerEval,
    cpu_median_ns_per_eval: t.cpuMedian,
    cpu_ns_per_eval_runs: t.cpuNsPerEval,
    evals_per_run: t.evalsPerRun,
    items: workload.items.length,
    timed_items: timed.length,
    wrong,
    compile_ns_per_rule: workload.items.length ? compileNs / workload.items.length : 0,
    skipped_error_cases: workload.skippedErrorCases,
    skipped_not_selected: workload.skippedNotSelected,
    mode: engine.mode,
    api: engine.api,
    size: engineSize(engine.sizeFiles),
    node: process.version,
    sink: sink % 2,
  };
}

let engine;
try {
  engine = await loadEngine(args.engine);
} catch (error) {
  // An engine that cannot be loaded is reported as such, not silently left out.
  console.log(JSON.stringify({ engine: args.engine, available: false, reason: describe(error) }));
  process.exit(3);
}

let status = 0;
const workloads = [];
if (args.workload === 'all' || args.workload === 'conformance') {
  workloads.push(loadConformance(args.cases ? loadSelection(args.cases) : null));
}
if (args.workload === 'all' || args.workload === 'eligibility') workloads.push(loadEligibility());
for (const workload of workloads) {
  const line = runWorkload(engine, workload);
  if (line.wrong.length) status = 2;
  console.log(JSON.stringify(line));
}
process.exit(status);
