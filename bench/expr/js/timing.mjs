// The timing method shared with the native runner (bench/expr/native/timing.cpp): calibrate
// a pass count so one run lasts at least minRunMs, then time `runs` runs and take the median.
// Before that, a warm-up of warmupMs: V8 first runs wasm in its baseline compiler (Liftoff) and
// JS in its interpreter, and moves hot functions to TurboFan on a background thread, which on a
// loaded 2-core machine can take a second or more (seen: 50 µs → 2.7 µs per call after ~0.3 s).
// The table reports steady-state speed; cold-start cost is a different question.
const nowNs = () => process.hrtime.bigint();

export function timePasses(pass, { runs = 5, minRunMs = 200, warmupMs = 2000 } = {}) {
  const warmStart = nowNs();
  while (Number(nowNs() - warmStart) < warmupMs * 1e6) pass();
  let passes = 1;
  for (;;) {
    const start = nowNs();
    for (let i = 0; i < passes; i += 1) pass();
    if (Number(nowNs() - start) >= minRunMs * 1e6 || passes >= 2 ** 30) break;
    passes *= 2;
  }
  const nsPerEval = [];
  // The process's CPU time too (user + system, all its threads): on a shared machine the wall
  // clock also counts the time the process waited for a core.
  const cpuNsPerEval = [];
  let evalsPerRun = 0;
  for (let r = 0; r < runs; r += 1) {
    let evals = 0;
    const cpuStart = process.cpuUsage();
    const start = nowNs();
    for (let i = 0; i < passes; i += 1) evals += pass();
    const ns = Number(nowNs() - start);
    const cpu = process.cpuUsage(cpuStart);
    evalsPerRun = evals;
    nsPerEval.push(ns / evals);
    cpuNsPerEval.push(((cpu.user + cpu.system) * 1000) / evals);
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return { median: median(nsPerEval), nsPerEval, cpuMedian: median(cpuNsPerEval), cpuNsPerEval, passesPerRun: passes, evalsPerRun };
}
