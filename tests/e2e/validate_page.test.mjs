// What the stub serves to the H5 app: the wasm package at /core/ with the MIME types browsers
// insist on, the app's hashed, precompressed build, and — without a core — a page that says so
// in Chinese instead of loading forever. (The former single-field ID page is now part of the
// app's form: see app-residence-permit.test.mjs.)
import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { ensureAppBuilt } from './app-harness.mjs';
import { launchPhone, repoRoot, startStub } from './harness.mjs';

const dist = path.join(repoRoot, 'app-mobile', 'dist');

describe('the stub serves the real wasm package and the built app', () => {
  let stub;
  before(async () => {
    ensureAppBuilt();
    stub = await startStub({ extraArgs: ['--app-dir', dist] });
  });
  after(async () => {
    const exit = await stub?.stop();
    if (exit) assert.equal(exit.code, 0, `haoban serve exited with ${JSON.stringify(exit)}\n${stub.stderr()}`);
  });

  test('/core/ files have the MIME types browsers require', async () => {
    const module = await fetch(new URL('/core/index.mjs', stub.url));
    assert.equal(module.status, 200);
    assert.match(module.headers.get('content-type'), /^text\/javascript/);
    const wasm = await fetch(new URL('/core/dist/haoban-core.wasm', stub.url));
    assert.equal(wasm.status, 200);
    assert.equal(wasm.headers.get('content-type'), 'application/wasm');
    const bytes = new Uint8Array(await wasm.arrayBuffer());
    assert.deepEqual([...bytes.subarray(0, 4)], [0x00, 0x61, 0x73, 0x6d]);  // "\0asm"
  });

  test('/healthz reports the SQLite schema of the file under the data dir', async () => {
    const health = await (await fetch(new URL('/healthz', stub.url))).json();
    assert.equal(health.status, 'ok');
    assert.ok(health.schemaVersion >= 1);
  });

  test('the app is hashed and precompressed; br is sent when accepted, gzip otherwise', async () => {
    const assets = await readdir(path.join(dist, 'assets'));
    const js = assets.find((name) => /^index-[\w-]{8}\.js$/.test(name));
    assert.ok(js, `a hashed entry script in ${assets}`);
    assert.ok(assets.includes(`${js}.br`) && assets.includes(`${js}.gz`));
    const br = await fetch(new URL(`/assets/${js}`, stub.url), { headers: { 'Accept-Encoding': 'br' } });
    assert.equal(br.headers.get('content-encoding'), 'br');
    assert.match(br.headers.get('content-type'), /^text\/javascript/);
    const text = await br.text();  // fetch decodes: the bytes really are brotli
    assert.match(text, /createApp|__vue/);
    const gz = await fetch(new URL(`/assets/${js}`, stub.url), { headers: { 'Accept-Encoding': 'gzip' } });
    assert.equal(gz.headers.get('content-encoding'), 'gzip');
    assert.equal(await gz.text(), text);
    const index = await (await fetch(new URL('/', stub.url))).text();
    assert.match(index, new RegExp(`/assets/${js}`));
  });
});

describe('the app without a core', () => {
  let stub;
  let phone;
  let emptyCore;
  before(async () => {
    ensureAppBuilt();
    emptyCore = await mkdtemp(path.join(os.tmpdir(), 'haoban-e2e-nocore-'));
    stub = await startStub({ extraArgs: ['--core-dir', emptyCore, '--app-dir', dist] });
    phone = await launchPhone();
  });
  after(async () => {
    await phone?.close();
    await stub?.stop();
    if (emptyCore) await rm(emptyCore, { recursive: true, force: true });
  });

  test('says so in Chinese instead of loading forever', async () => {
    const page = await phone.context.newPage();
    await page.goto(stub.url);
    await page.locator('.load-error').waitFor({ timeout: 30000 });
    assert.match(await page.locator('.load-error').textContent(), /办事引擎加载失败/);
    assert.equal(await page.locator('.load-error').getAttribute('role'), 'alert');
  });
});
