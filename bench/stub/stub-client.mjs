// What every stub benchmark driver shares: starting a fresh `haoban serve`, talking to it over
// loopback with keep-alive, the applications it is sent, their Idempotency-Keys, and reading a
// process's CPU time. Used by load.mjs (Node as the load generator) and wrk.mjs (wrk as it).
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

// `--name value` pairs from the command line.
export function parseArgs(argv) {
  return Object.fromEntries(
    argv.reduce((pairs, arg, i, all) => {
      if (arg.startsWith('--')) pairs.push([arg.slice(2), all[i + 1]]);
      return pairs;
    }, []),
  );
}

// A fresh stub: rate limiting and the access log off, so neither the limiter nor log writes are
// what is measured. Resolves once it prints the port it listens on.
export function startStub(bin, dataDir, synchronous = 'full') {
  const child = spawn(bin, ['serve', '--port', '0', '--data-dir', dataDir, '--rate-burst', '0', '--access-log', 'off', '--synchronous', synchronous], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = /serving http:\/\/127\.0\.0\.1:(\d+)\//.exec(out);
      if (match) resolve({ child, port: Number(match[1]) });
    });
    child.once('exit', (code) => reject(new Error(`haoban serve exited (${code})`)));
  });
}

export const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

// cpp-httplib closes a keep-alive connection after a few requests or seconds; a request that
// raced that close on a reused socket is sent again (safe: submissions are idempotent by key).
export const counters = { resent: 0 };
export function request(port, method, urlPath, headers, body) {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path: urlPath, headers, agent }, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', (error) => {
      if (req.reusedSocket && error.code === 'ECONNRESET') {
        ++counters.resent;
        request(port, method, urlPath, headers, body).then(resolve, reject);
      } else {
        reject(error);
      }
    });
    if (body) req.write(body);
    req.end();
  });
}

// The identity every benchmark submits as.
export const APPLICANT = 'chen-fang-new-mother';

export async function login(port, identityId = APPLICANT) {
  const res = await request(port, 'POST', '/api/v1/session', { 'content-type': 'application/json' }, JSON.stringify({ identityId }));
  return JSON.parse(res.body).token;
}

// 陈芳 registers her newborn for resident medical insurance (complete: e-licences for the
// household register and birth certificate, the form uploaded); the bank account and the upload
// reference make every application, and so every package digest, distinct.
export function application(n) {
  return JSON.stringify({
    itemId: 'gz-resident-medical-insurance',
    claimedReady: true,
    answers: {
      insuredName: '林小雨', insuredIdNumber: '440106202611100029', category: 'newborn',
      insuredHukouDivision: '440106', guardianName: '陈芳', guardianIdNumber: '440106199208152342',
      contactMobile: '13912345678', bankAccount: `6222${String(n).padStart(15, '0')}`,
      accountHolderName: '陈芳', declaration: true,
    },
    materials: {
      householdRegister: { via: 'licence' },
      birthMedicalCert: { via: 'licence' },
      registrationForm: { via: 'upload', refs: [`upload-${n}`] },
    },
  });
}

export const submit = (port, token, body, key) =>
  request(port, 'POST', '/api/v1/submissions',
    { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'idempotency-key': key }, body);

// The Idempotency-Key is the digest of the canonical package the core computes; a phone gets
// it from its own check in wasm. Here the stub's answer to a wrong key names it (expectedKey):
// a re-check without a commit, done before anything is timed.
export async function keyFor(port, token, body) {
  const res = await submit(port, token, body, '0'.repeat(64));
  const answer = JSON.parse(res.body);
  if (res.status !== 422 || !answer.expectedKey) throw new Error(`probe: ${res.status} ${res.body.slice(0, 300)}`);
  return answer.expectedKey;
}

// Runs work(item) over items with at most `concurrency` in flight.
export async function pool(items, concurrency, work) {
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < items.length) await work(items[next++]);
  }));
}

// CPU seconds (user + system) the process has used: /proc/<pid>/stat fields 14 and 15, in ticks.
export function cpuSeconds(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;  // USER_HZ is 100 on Linux
}

// Context switches (voluntary + involuntary) over all of the process's threads so far: each is a
// sleep and a wake-up, which cost far more than usual on this VM's paravirtualised kernel.
export function contextSwitches(pid) {
  let total = 0;
  for (const task of readdirSync(`/proc/${pid}/task`)) {
    try {
      const status = readFileSync(`/proc/${pid}/task/${task}/status`, 'utf8');
      for (const match of status.matchAll(/^(?:non)?voluntary_ctxt_switches:\s+(\d+)$/gm)) total += Number(match[1]);
    } catch {
      // the thread ended between the listing and the read
    }
  }
  return total;
}

export const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
export const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
export const loadAverage = () => os.loadavg().map((v) => v.toFixed(2)).join(' ');
