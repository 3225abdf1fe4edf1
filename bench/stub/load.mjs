// Load generator for `haoban serve` (issue 7, item 9): submissions with the full re-check and a
// durable SQLite commit, driven from this process over loopback with keep-alive connections.
//
//   node bench/stub/load.mjs [--bin build/native-release/server-stub/haoban] [--runs 3]
//                            [--count 4000] [--concurrency 16] [--soak-seconds 0]
//                            [--synchronous full|normal]
//
// Throughput runs: each run starts a fresh stub on a fresh data dir, computes the keys of
// `count` distinct applications first (see keyFor), warms up, then times `count` new
// submissions (each a 201: re-check + commit); it prints submissions/s and p50/p99, and the
// median over the runs. Soak (--soak-seconds N): one stub under continuous load for N seconds,
// its RSS read from /proc/<pid>/status every 10 s, printed as a table. Never pass/fail.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  agent, application, counters, cpuSeconds, keyFor, loadAverage as load, login, median, parseArgs,
  pool, quantile, repoRoot, startStub as startStubWith, submit,
} from './stub-client.mjs';

const args = parseArgs(process.argv.slice(2));
const BIN = path.resolve(args.bin ?? path.join(repoRoot, 'build/native-release/server-stub/haoban'));
const RUNS = Number(args.runs ?? 3);
const COUNT = Number(args.count ?? 4000);
const CONCURRENCY = Number(args.concurrency ?? 16);
const SOAK_SECONDS = Number(args['soak-seconds'] ?? 0);
const SYNCHRONOUS = args.synchronous ?? 'full';  // 'normal': no fsync per commit (comparison only)
const WARM_UP = 300;

const startStub = (dataDir) => startStubWith(BIN, dataDir, SYNCHRONOUS);

async function throughputRun(run) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'haoban-bench-stub-'));
  const { child, port } = await startStub(dataDir);
  try {
    const token = await login(port);
    const jobs = Array.from({ length: WARM_UP + COUNT }, (_, n) => ({ body: application(run * 1e6 + n) }));
    await pool(jobs, CONCURRENCY, async (job) => { job.key = await keyFor(port, token, job.body); });
    const timed = jobs.slice(WARM_UP);
    await pool(jobs.slice(0, WARM_UP), CONCURRENCY, async (job) => { await submit(port, token, job.body, job.key); });
    const latencies = [];
    let failures = 0;
    const loadBefore = load();
    const serverCpuBefore = cpuSeconds(child.pid);
    const clientCpuBefore = process.cpuUsage();
    const started = performance.now();
    await pool(timed, CONCURRENCY, async (job) => {
      const t0 = performance.now();
      const res = await submit(port, token, job.body, job.key);
      latencies.push(performance.now() - t0);
      if (res.status !== 201) ++failures;
    });
    const seconds = (performance.now() - started) / 1000;
    const serverCpuMs = ((cpuSeconds(child.pid) - serverCpuBefore) * 1000) / timed.length;
    const clientCpu = process.cpuUsage(clientCpuBefore);
    const clientCpuMs = (clientCpu.user + clientCpu.system) / 1000 / timed.length;
    latencies.sort((a, b) => a - b);
    return { run: run + 1, perSecond: timed.length / seconds, p50: quantile(latencies, 0.5), p99: quantile(latencies, 0.99), failures, serverCpuMs, clientCpuMs, loadBefore, loadAfter: load() };
  } finally {
    child.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function rssKiB(pid) {
  const match = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) : NaN;
}

async function soak(seconds) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'haoban-soak-stub-'));
  const { child, port } = await startStub(dataDir);
  const samples = [];
  let done = 0;
  let failures = 0;
  try {
    const token = await login(port);
    const started = performance.now();
    const sample = () => samples.push({ t: Math.round((performance.now() - started) / 1000), rssKiB: rssKiB(child.pid), done, load: load() });
    sample();
    const timer = setInterval(sample, 10000);
    let n = 0;
    const end = started + seconds * 1000;
    await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < end) {
        const body = application(9e6 + n++);
        const key = await keyFor(port, token, body);  // a re-check without a commit
        const res = await submit(port, token, body, key);  // a re-check and a commit
        if (res.status === 201) ++done; else ++failures;
      }
    }));
    clearInterval(timer);
    sample();
  } finally {
    child.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  }
  console.log(`\nSoak: ${seconds} s, ${CONCURRENCY} concurrent clients, each loop a probe (re-check) and a submission (re-check + commit); ${failures} failures`);
  console.log('| t (s) | server RSS (MiB) | submissions so far | load average (1/5/15 min) |');
  console.log('|---:|---:|---:|---|');
  for (const s of samples) console.log(`| ${s.t} | ${(s.rssKiB / 1024).toFixed(1)} | ${s.done} | ${s.load} |`);
}

console.log(`haoban stub bench: ${BIN}\n${os.cpus().length} CPUs (${os.cpus()[0]?.model}), node ${process.version}, data dir on ${os.tmpdir()}`);
if (RUNS > 0) {
  const results = [];
  for (let run = 0; run < RUNS; ++run) results.push(await throughputRun(run));
  console.log(`\nThroughput: ${COUNT} new submissions per run after ${WARM_UP} warm-up, ${CONCURRENCY} concurrent keep-alive clients, synchronous=${SYNCHRONOUS}`);
  console.log('| run | submissions/s | p50 (ms) | p99 (ms) | non-201 | stub CPU ms / submission | load generator CPU ms / submission | load before → after |');
  console.log('|---:|---:|---:|---:|---:|---:|---:|---|');
  for (const r of results) console.log(`| ${r.run} | ${r.perSecond.toFixed(0)} | ${r.p50.toFixed(2)} | ${r.p99.toFixed(2)} | ${r.failures} | ${r.serverCpuMs.toFixed(3)} | ${r.clientCpuMs.toFixed(3)} | ${r.loadBefore} → ${r.loadAfter} |`);
  const cpu = median(results.map((r) => r.serverCpuMs));
  console.log(`| median | ${median(results.map((r) => r.perSecond)).toFixed(0)} | ${median(results.map((r) => r.p50)).toFixed(2)} | ${median(results.map((r) => r.p99)).toFixed(2)} | | ${cpu.toFixed(3)} | ${median(results.map((r) => r.clientCpuMs)).toFixed(3)} | |`);
  console.log(`CPU-bound ceiling of the stub alone on 2 idle cores: ${(2000 / cpu).toFixed(0)} submissions/s (2 CPU-seconds per second / stub CPU per submission; ignores the load generator and fsync waits).`);
  console.log('Budget (DESIGN.md): >= 2,000 submissions/s on 2 cores, p99 <= 25 ms.');
  console.log(`Requests re-sent after a keep-alive close race: ${counters.resent}`);
}
if (SOAK_SECONDS > 0) await soak(SOAK_SECONDS);
agent.destroy();
