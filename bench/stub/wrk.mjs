// Stub benchmark with wrk as the load generator (issue 7, item 9). wrk (C, epoll) costs far less
// CPU per request than Node's http client, so on a 2-core machine more of the cores are left to
// the stub than with load.mjs.
//
//   node bench/stub/wrk.mjs [--bin build/native-release/server-stub/haoban] [--runs 3]
//        [--seconds 10] [--threads 2] [--connections 16] [--count 30000] [--warm-seconds 1]
//        [--synchronous full|normal] [--show-wrk yes] [--compare other/haoban]
//
// Untimed first: one stub computes the Idempotency-Keys of count + WARM_COUNT distinct
// applications (stub-client.mjs keyFor) and they are written to two files, "<key>\t<body>" a
// line. Each run then starts a fresh stub on a fresh data dir (so the same keys are new again),
// runs wrk for --warm-seconds on the warm-up file, then for --seconds on the timed file with
// wrk-submit.lua, which sends every line at most once and counts the status codes. A run whose
// threads ran out of lines, or that got anything but 201, is reported as such. Reported per run:
// submissions/s (201s / wrk's duration), p50/p99 from wrk's latency histogram, the stub's CPU per
// submission (/proc/<pid>/stat around the timed wrk) and wrk's own (worker threads only), and
// the load average; then the median of the runs. --compare B alternates runs of --bin (A) and B
// (A, B, A, B, …; --runs each) on the same keys, so a before/after sees the same machine load.
// Never pass/fail; never run in CI.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  agent, application, contextSwitches, cpuSeconds, keyFor, loadAverage, login, median, parseArgs, pool, repoRoot,
  startStub,
} from './stub-client.mjs';

const args = parseArgs(process.argv.slice(2));
const BIN = path.resolve(args.bin ?? path.join(repoRoot, 'build/native-release/server-stub/haoban'));
const BINS = [BIN, ...(args.compare ? [path.resolve(args.compare)] : [])];
const LABELS = BINS.length > 1 ? ['A', 'B'] : [''];
const RUNS = Number(args.runs ?? 3);
const SECONDS = Number(args.seconds ?? 10);
const THREADS = Number(args.threads ?? 2);
const CONNECTIONS = Number(args.connections ?? 16);
const COUNT = Number(args.count ?? 30000);  // must exceed what SECONDS can send: checked per run
const WARM_SECONDS = Number(args['warm-seconds'] ?? 1);
const WARM_COUNT = 4000;  // running out during the warm-up only means it sends GET /health
const SYNCHRONOUS = args.synchronous ?? 'full';
const SHOW_WRK = args['show-wrk'] === 'yes';
const SCRIPT = path.join(repoRoot, 'bench/stub/wrk-submit.lua');

// wrk from Debian, installed here if missing: as root and non-interactively, never in CI (a CI
// job that wants this benchmark installs wrk in its image).
function ensureWrk() {
  if (spawnSync('wrk', ['--version']).error === undefined) return;
  if (process.env.CI) throw new Error('wrk is not installed (not installing it in CI)');
  if (process.getuid?.() !== 0) throw new Error('wrk is not installed; as root: apt-get install -y wrk');
  console.log('installing wrk: apt-get install -y wrk');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const install = () => spawnSync('apt-get', ['install', '-y', '-q', 'wrk'], { env, stdio: 'inherit' }).status;
  if (install() !== 0) {
    spawnSync('apt-get', ['update', '-q'], { env, stdio: 'inherit' });
    if (install() !== 0) throw new Error('apt-get install -y wrk failed');
  }
}

// The keys of WARM_COUNT + COUNT distinct applications, from a stub that is then stopped.
async function prepareFiles(dir) {
  const keyDir = mkdtempSync(path.join(os.tmpdir(), 'haoban-bench-keys-'));
  const { child, port } = await startStub(BINS[0], keyDir, SYNCHRONOUS);
  try {
    const token = await login(port);
    const jobs = Array.from({ length: WARM_COUNT + COUNT }, (_, n) => ({ body: application(n) }));
    const started = performance.now();
    await pool(jobs, 16, async (job) => { job.key = await keyFor(port, token, job.body); });
    console.log(`keys of ${jobs.length} applications in ${((performance.now() - started) / 1000).toFixed(1)} s (untimed)`);
    const lines = (some) => some.map((job) => `${job.key}\t${job.body}\n`).join('');
    const files = { warm: path.join(dir, 'warm.tsv'), timed: path.join(dir, 'timed.tsv') };
    writeFileSync(files.warm, lines(jobs.slice(0, WARM_COUNT)));
    writeFileSync(files.timed, lines(jobs.slice(WARM_COUNT)));
    return files;
  } finally {
    agent.destroy();  // no idle keep-alive connection may hold a stub thread
    child.kill('SIGTERM');
    rmSync(keyDir, { recursive: true, force: true });
  }
}

function runWrk(port, token, file, seconds) {
  const wrkArgs = [`-t${THREADS}`, `-c${CONNECTIONS}`, `-d${seconds}s`, '--timeout', '5s', '-s', SCRIPT,
    `http://127.0.0.1:${port}`, '--', file, token, String(THREADS)];
  return new Promise((resolve, reject) => {
    const child = spawn('wrk', wrkArgs, { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk) => { out += chunk; });
    child.once('exit', (code) => {
      const line = out.split('\n').find((l) => l.startsWith('WRK-RESULT '));
      if (code !== 0 || !line) return reject(new Error(`wrk exited ${code}:\n${out}`));
      if (SHOW_WRK) console.log(out.split('\n').filter((l) => !l.startsWith('WRK-RESULT ')).join('\n'));
      resolve(JSON.parse(line.slice('WRK-RESULT '.length)));
    });
  });
}

async function run(index, files) {
  const which = index % BINS.length;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'haoban-bench-stub-'));
  const { child, port } = await startStub(BINS[which], dataDir, SYNCHRONOUS);
  try {
    const token = await login(port);
    agent.destroy();
    await runWrk(port, token, files.warm, WARM_SECONDS);
    const loadBefore = loadAverage();
    const stubCpuBefore = cpuSeconds(child.pid);
    const switchesBefore = contextSwitches(child.pid);
    const result = await runWrk(port, token, files.timed, SECONDS);
    const stubCpu = cpuSeconds(child.pid) - stubCpuBefore;
    const switches = contextSwitches(child.pid) - switchesBefore;
    const created = result.statuses['201'] ?? 0;
    const other = Object.entries(result.statuses).filter(([status]) => status !== '201');
    const errors = Object.values(result.errors).reduce((a, b) => a + b, 0);
    return {
      run: `${index + 1}${LABELS[which]}`, which, perSecond: created / result.seconds, p50: result.p50Ms, p99: result.p99Ms,
      created, nonCreated: other.reduce((sum, [, n]) => sum + n, 0) - result.exhausted,
      otherStatuses: other.map(([status, n]) => `${status}×${n}`).join(' '), errors,
      exhausted: result.exhausted, stubCpuMs: (stubCpu * 1000) / created, switches: switches / created,
      wrkCpuMs: (result.cpuSeconds * 1000) / created, loadBefore, loadAfter: loadAverage(),
    };
  } finally {
    child.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  }
}

ensureWrk();
const wrkVersion = spawnSync('wrk', ['--version'], { encoding: 'utf8' }).stdout.split('\n')[0];
console.log(`haoban stub bench (wrk): ${BINS.map((bin, i) => `${LABELS[i]} ${bin}`.trim()).join(', ')}\n${os.cpus().length} CPUs (${os.cpus()[0]?.model}), ${wrkVersion}, data dir on ${os.tmpdir()}`);
const fileDir = mkdtempSync(path.join(os.tmpdir(), 'haoban-bench-wrk-'));
try {
  const files = await prepareFiles(fileDir);
  const results = [];
  for (let i = 0; i < RUNS * BINS.length; ++i) results.push(await run(i, files));
  console.log(`\nwrk -t${THREADS} -c${CONNECTIONS} -d${SECONDS}s after a ${WARM_SECONDS} s warm-up; every request a new submission (${COUNT} prepared), synchronous=${SYNCHRONOUS}`);
  console.log('| run | submissions/s | p50 (ms) | p99 (ms) | 201 | non-201 | socket errors | ran out of keys | stub CPU ms / submission | stub context switches / submission | wrk CPU ms / submission | load before → after |');
  console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|');
  for (const r of results) {
    console.log(`| ${r.run} | ${r.perSecond.toFixed(0)} | ${r.p50.toFixed(2)} | ${r.p99.toFixed(2)} | ${r.created} | ${r.nonCreated}${r.otherStatuses ? ` (${r.otherStatuses})` : ''} | ${r.errors} | ${r.exhausted} | ${r.stubCpuMs.toFixed(3)} | ${r.switches.toFixed(2)} | ${r.wrkCpuMs.toFixed(3)} | ${r.loadBefore} → ${r.loadAfter} |`);
  }
  for (const [which, label] of LABELS.entries()) {
    const med = (key) => median(results.filter((r) => r.which === which).map((r) => r[key]));
    console.log(`| median${label ? ` ${label}` : ''} | ${med('perSecond').toFixed(0)} | ${med('p50').toFixed(2)} | ${med('p99').toFixed(2)} | | | | | ${med('stubCpuMs').toFixed(3)} | ${med('switches').toFixed(2)} | ${med('wrkCpuMs').toFixed(3)} | |`);
  }
  if (results.some((r) => r.exhausted > 0)) console.log(`A run ran out of keys: its numbers are invalid; raise --count above ${COUNT}.`);
  if (results.some((r) => r.nonCreated > 0 || r.errors > 0)) console.log('Some requests were not answered 201: see the non-201 and socket-error columns.');
  console.log('Budget (DESIGN.md): >= 2,000 submissions/s on 2 cores, p99 <= 25 ms.');
} finally {
  rmSync(fileDir, { recursive: true, force: true });
}
