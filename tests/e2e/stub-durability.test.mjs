// Durability of the stub's receipts (issue 7): this process drives submissions at a real
// `haoban serve` (a separate process) over loopback, kill -9s it while requests are in flight,
// restarts it on the same data dir, and compares what was acknowledged with the SQLite file:
// every acknowledged receipt is there with its key, nothing is there twice, nothing is there
// that was never sent; re-sending the requests whose answers were lost creates nothing new
// for those that had committed.
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { promisify } from 'node:util';

import { repoRoot } from './harness.mjs';

const BIN = process.env.HAOBAN_BIN ?? path.join(repoRoot, 'build/native-release/server-stub/haoban');
const IDENTITY = 'chen-fang-new-mother';
const CONCURRENCY = 12;
const KILL_AFTER_ACKS = 120;

function start(dataDir) {
  const child = spawn(
    BIN,
    ['serve', '--port', '0', '--data-dir', dataDir, '--rate-burst', '0', '--access-log', 'off'],
    { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk) => { stderr = (stderr + chunk).slice(-4096); });
  const url = new Promise((resolve, reject) => {
    let stdout = '';
    const timer = setTimeout(() => reject(new Error(`no URL printed\n${stderr}`)), 20000);
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      const match = /^haoban: serving (http:\/\/\S+\/)$/m.exec(stdout);
      if (match) {
        clearTimeout(timer);
        resolve(match[1].replace(/\/$/, ''));
      }
    });
    exited.then(({ code, signal }) => reject(new Error(`exited early: ${code} ${signal}\n${stderr}`)));
  });
  return { child, exited, url };
}

async function login(base) {
  const res = await fetch(`${base}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ identityId: IDENTITY }),
  });
  assert.equal(res.status, 201);
  return (await res.json()).token;
}

// 陈芳's newborn medical insurance registration; the bank account makes each package distinct.
function application(n) {
  return {
    itemId: 'gz-resident-medical-insurance',
    claimedReady: true,
    answers: {
      insuredName: '林小雨',
      insuredIdNumber: '440106202611100029',
      category: 'newborn',
      insuredHukouDivision: '440106',
      guardianName: '陈芳',
      guardianIdNumber: '440106199208152342',
      contactMobile: '13912345678',
      bankAccount: `6222${String(n).padStart(15, '0')}`,
      accountHolderName: '陈芳',
      declaration: true,
    },
    materials: {
      householdRegister: { via: 'licence' },
      birthMedicalCert: { via: 'licence' },
      registrationForm: { via: 'upload', refs: [`upload-${n}`] },
    },
  };
}

function submit(base, token, body, key) {
  return fetch(`${base}/api/v1/submissions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'idempotency-key': key },
    body: JSON.stringify(body),
  });
}

// The key is the digest of the canonical package the core computes. A phone gets it from its
// own check (wasm); here the stub's answer to a wrong key names it (expectedKey), which keeps
// this test to the stub alone.
async function keyFor(base, token, body) {
  const res = await submit(base, token, body, '0'.repeat(64));
  assert.equal(res.status, 422);
  const answer = await res.json();
  assert.equal(answer.error.type, 'idempotency_key_mismatch');
  return answer.expectedKey;
}

async function rows(dataDir) {
  const { stdout } = await promisify(execFile)('sqlite3', [
    '-readonly', '-separator', ' ', path.join(dataDir, 'haoban.sqlite'),
    'SELECT idempotency_key, receipt_number FROM office_submissions ORDER BY receipt_number;',
  ]);
  return stdout.trim().split('\n').filter(Boolean).map((line) => line.split(' '));
}

test('kill -9 under load loses no acknowledged submission and duplicates none', { timeout: 180000 }, async (t) => {
  if (!existsSync(BIN)) return t.skip(`no stub binary at ${BIN}`);
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'haoban-durability-'));
  t.after(() => rm(dataDir, { recursive: true, force: true }));

  let server = start(dataDir);
  let base = await server.url;
  const token = await login(base);
  // Keys first (the probes create nothing), then the load: only the load races the kill.
  const packages = [];
  for (let n = 0; n < KILL_AFTER_ACKS * 3; ++n) {
    const body = application(n);
    packages.push({ body, key: await keyFor(base, token, body) });
  }

  const acknowledged = new Map();  // key → receipt number
  const unanswered = new Set();    // sent, no answer: committed or not, nobody knows
  let next = 0;
  let killed = false;
  const worker = async () => {
    while (!killed && next < packages.length) {
      const { body, key } = packages[next++];
      unanswered.add(key);
      try {
        const res = await submit(base, token, body, key);
        const answer = await res.json();
        assert.equal(res.status, 201, JSON.stringify(answer));
        acknowledged.set(key, answer.receiptNumber);
        unanswered.delete(key);
        if (acknowledged.size >= KILL_AFTER_ACKS && !killed) {
          killed = true;
          server.child.kill('SIGKILL');
        }
      } catch (error) {
        if (!killed) throw error;  // only the kill may cut a request short
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  assert.deepEqual(await server.exited, { code: null, signal: 'SIGKILL' });
  assert.ok(acknowledged.size >= KILL_AFTER_ACKS);

  // Straight after the kill, before any restart: the file alone.
  const sent = new Set([...acknowledged.keys(), ...unanswered]);
  const afterKill = await rows(dataDir);
  const byKey = new Map(afterKill);
  assert.equal(byKey.size, afterKill.length, 'a key stored twice');
  assert.equal(new Set(afterKill.map(([, number]) => number)).size, afterKill.length);
  for (const [key, number] of acknowledged) assert.equal(byKey.get(key), number, `lost ${number}`);
  for (const [key] of afterKill) assert.ok(sent.has(key), `a row nobody sent: ${key}`);

  // Restart on the same data dir: the same receipts are served, and re-sending what had no
  // answer either replays a committed case (200) or creates it now (201), once.
  server = start(dataDir);
  base = await server.url;
  const again = await login(base);
  for (const [key, number] of acknowledged) {
    const res = await fetch(`${base}/api/v1/submissions/${number}`, { headers: { authorization: `Bearer ${again}` } });
    assert.equal(res.status, 200);
    assert.equal((await res.json()).idempotencyKey, key);
  }
  let replayed = 0;
  for (const key of unanswered) {
    const { body } = packages.find((p) => p.key === key);
    const res = await submit(base, again, body, key);
    if (byKey.has(key)) {
      assert.equal(res.status, 200);
      assert.equal((await res.json()).receiptNumber, byKey.get(key));
      ++replayed;
    } else {
      assert.equal(res.status, 201);
    }
  }
  server.child.kill('SIGTERM');
  await server.exited;
  const final = await rows(dataDir);
  assert.equal(final.length, sent.size);
  assert.equal(new Map(final).size, final.length);
  t.diagnostic(`acknowledged ${acknowledged.size}, in flight at the kill ${unanswered.size} ` +
    `(${replayed} had committed), rows ${final.length}`);
});
