// The timing method shared with the native runner (bench/expr/native/timing.cpp): calibrate
// a pass count so one run lasts at least minRunMs, then time `runs` runs and take the median.
const nowNs = () => process.hrtime.bigint();

export function timePasses(pass, { runs = 5, minRunMs = 200 } = {}) {
  let passes = 1;
  for (;;) {
    const start = nowNs();
    for (let i = 0; i < passes; i += 1) pass();
    if (Number(nowNs() - start) >= minRunMs * 1e6 || passes >= 2 ** 30) break;
    passes *= 2;
  }
  const nsPerEval = [];
  let evalsPerRun = 0;
  for (let r = 0; r < runs; r += 1) {
    let evals = 0;
    const start = nowNs();
    for (let i = 0; i < passes; i += 1) evals += pass();
    const ns = Number(nowNs() - start);
    evalsPerRun = evals;
    nsPerEval.push(ns / evals);
  }
  const sorted = [...nsPerEval].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)], nsPerEval, passesPerRun: passes, evalsPerRun };
}
