// Writes (stdout) the JSON array of conformance case keys that every peer engine gets right,
// so that the conformance-common workload times the same cases on every engine. Our own
// engine is held to all 1,138 cases by tests/expr; its runners list any case it gets wrong.
// Also prints (stderr) each peer's count of correct results, for the report.
import { loadEngine, peerNames } from './engines.mjs';
import { jsonEqual, loadConformance } from './workloads.mjs';

const workload = loadConformance(null);
let common = workload.items.map((item) => item.key);
const counts = {};
for (const name of peerNames) {
  const engine = await loadEngine(name);
  const right = new Set();
  for (const item of workload.items) {
    try {
      if (jsonEqual(engine.prepare(item.rule)(item.data), item.expected)) right.add(item.key);
    } catch {
      // a throw on a case that expects a result is a wrong answer
    }
  }
  counts[name] = right.size;
  common = common.filter((key) => right.has(key));
}
console.error(JSON.stringify({ result_cases: workload.items.length, correct: counts, common: common.length }));
console.log(JSON.stringify(common, null, 0));
