// The H5 page against the real stub in headless Chromium: it loads the wasm core from /core/
// and validates a 公民身份号码 as the user types, with the message in Chinese.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { launchPhone, screenshot, startStub } from './harness.mjs';

const VALID = '11010519491231002X';  // DESIGN.md's worked example
const BAD_CHECK_DIGIT = '110105194912310021';

describe('validate page (app-mobile) in headless Chromium', () => {
  let stub;
  let phone;
  let page;
  const pageErrors = [];

  before(async () => {
    stub = await startStub();
    phone = await launchPhone();
    page = await phone.context.newPage();
    page.on('pageerror', (error) => pageErrors.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(`console: ${message.text()}`);
    });
    await page.goto(stub.url);
    // The input is enabled once the wasm core has loaded.
    await page.waitForSelector('#id-number:not([disabled])', { timeout: 30000 });
  });

  after(async () => {
    await phone?.close();
    const exit = await stub?.stop();
    // The stub must stop cleanly on SIGTERM, as `haoban serve` promises.
    if (exit) assert.equal(exit.code, 0, `haoban serve exited with ${JSON.stringify(exit)}\n${stub.stderr()}`);
  });

  // Replaces the field's text by typing it key by key, as a user would (input events).
  async function typeInto(text) {
    const input = page.getByLabel('公民身份号码');
    await input.fill('');
    await input.pressSequentially(text);
  }

  async function messageState() {
    const message = page.locator('#id-message');
    return { state: await message.getAttribute('data-state'), text: (await message.textContent()).trim() };
  }

  test('the page is zh-CN, has a labelled input and a live region', async () => {
    assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
    assert.equal(await page.getByLabel('公民身份号码').getAttribute('id'), 'id-number');
    assert.equal(await page.getAttribute('#id-message', 'aria-live'), 'polite');
    assert.match(await page.getAttribute('html', 'data-core-version'), /^\d+\.\d+\.\d+/);
    assert.deepEqual(await messageState(), { state: 'empty', text: '请输入18位公民身份号码。' });
  });

  test('a short number is incomplete, not yet wrong', async () => {
    await typeInto('1101051949');
    const { state, text } = await messageState();
    assert.equal(state, 'incomplete');
    assert.match(text, /[\u4e00-\u9fff]/, 'the message is in Chinese');
  });

  test(`${VALID} is shown valid, with birth date and sex, in Chinese`, async () => {
    await typeInto(VALID);
    await page.waitForSelector('#id-message[data-state="valid"]');
    assert.equal((await messageState()).text, '身份证号码有效');
    const facts = await page.locator('#id-facts').innerText();
    assert.match(facts, /1949年12月31日/);
    assert.match(facts, /女/);
    await screenshot(page, 'validate-page-valid.png');
  });

  test(`${BAD_CHECK_DIGIT} shows the check-digit error in Chinese, the same as the back office`, async () => {
    await typeInto(BAD_CHECK_DIGIT);
    await page.waitForSelector('#id-message[data-state="invalid"]');
    const { text } = await messageState();
    assert.match(text, /校验码/);
    assert.equal(await page.locator('#id-facts').isHidden(), true);

    // The stub runs the same core natively: its message for the same number is identical.
    const response = await fetch(new URL('/api/v1/validate', stub.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'resident_id', value: BAD_CHECK_DIGIT }),
    });
    const server = await response.json();
    assert.equal(server.error.code, 'checksum');
    assert.equal(text, server.error.zh);
    await screenshot(page, 'validate-page-check-digit.png');
  });

  test('full-width digits and a lower-case ｘ are normalised', async () => {
    await page.getByLabel('公民身份号码').fill('１１０１０５１９４９１２３１００２ｘ');
    await page.waitForSelector('#id-message[data-state="valid"]');
    assert.match(await page.locator('#id-facts').innerText(), /11010519491231002X/);
  });

  test('a pasted 256 KiB of text is answered, not a hang', async () => {
    await page.getByLabel('公民身份号码').fill('1'.repeat(256 * 1024));
    await page.waitForSelector('#id-message[data-state="invalid"]');
    assert.match((await messageState()).text, /[\u4e00-\u9fff]/);
  });

  test('the page logged no errors', () => {
    assert.deepEqual(pageErrors, []);
  });
});

describe('the stub serves the real wasm package', () => {
  let stub;
  before(async () => {
    stub = await startStub();
  });
  after(async () => {
    await stub?.stop();
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
});

describe('validate page without a core', () => {
  let stub;
  let phone;
  let emptyCore;
  before(async () => {
    emptyCore = await mkdtemp(path.join(os.tmpdir(), 'haoban-e2e-nocore-'));
    stub = await startStub({ extraArgs: ['--core-dir', emptyCore] });
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
    await page.waitForSelector('#id-message[data-state="error"]');
    assert.match(await page.locator('#id-message').textContent(), /校验模块加载失败/);
    assert.equal(await page.getByLabel('公民身份号码').isDisabled(), true);
  });
});
