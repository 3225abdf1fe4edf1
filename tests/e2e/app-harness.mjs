// Shared by the H5 app's browser tests (app-*.test.mjs): builds app-mobile/dist when it is
// missing or older than its sources, starts the stub serving it, opens a 360×640 phone, and
// drives the app the way a user does (labels, buttons, links).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { after, before } from 'node:test';

import { launchPhone, repoRoot, resultsDir, startStub } from './harness.mjs';

const appDir = path.join(repoRoot, 'app-mobile');
const distIndex = path.join(appDir, 'dist', 'index.html');

function newestSource(folder) {
  let newest = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(full));
    else newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

// The production build the stub serves (scripts/build.sh app does the same).
export function ensureAppBuilt() {
  const sources = Math.max(
    newestSource(path.join(appDir, 'src')),
    newestSource(path.join(appDir, 'sw')),
    newestSource(path.join(appDir, 'scripts')),
    statSync(path.join(appDir, 'index.html')).mtimeMs,
    statSync(path.join(appDir, 'vite.config.mjs')).mtimeMs,
  );
  if (existsSync(distIndex) && statSync(distIndex).mtimeMs >= sources) return;
  const build = spawnSync('bash', [path.join(repoRoot, 'scripts/build.sh'), 'app'], { cwd: repoRoot, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`building app-mobile failed:\n${build.stdout}\n${build.stderr}`);
}

export async function startApp() {
  ensureAppBuilt();
  // HAOBAN_E2E_CORE_DIR: another built wasm package (a local build dir) instead of wasm/package.
  const coreDir = process.env.HAOBAN_E2E_CORE_DIR ? ['--core-dir', process.env.HAOBAN_E2E_CORE_DIR] : [];
  const stub = await startStub({ extraArgs: ['--app-dir', path.join(appDir, 'dist'), ...coreDir] });
  const phone = await launchPhone();
  const errors = [];
  const page = await phone.context.newPage();
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    // A request refused while offline is expected in the offline test; anything else is not.
    if (message.type() === 'error' && !/ERR_INTERNET_DISCONNECTED|Failed to load resource/.test(message.text())) {
      errors.push(`console: ${message.text()}`);
    }
  });
  return {
    stub,
    phone,
    page,
    errors,
    async close() {
      await phone.close();
      return stub.stop();
    },
  };
}

// The set-up every app test file shares, as before/after hooks of the calling describe(): the
// stub and a phone, the home screen, and (when a name is given) that test identity logged in.
// Returns {app, page, url}, filled in once the before hook has run; the after hook closes the
// phone and checks that the stub exited cleanly.
export function loggedInApp(displayName = null) {
  const ctx = { app: null, page: null, url: null };
  before(async () => {
    ctx.app = await startApp();
    ctx.page = ctx.app.page;
    ctx.url = ctx.app.stub.url;
    await openHome(ctx.page, ctx.url);
    if (displayName) await loginAs(ctx.page, displayName);
  });
  after(async () => {
    const exit = await ctx.app?.close();
    if (exit) assert.equal(exit.code, 0, `haoban serve exited with ${JSON.stringify(exit)}`);
  });
  return ctx;
}

// Where the app's hash routes live: at(ctx, '#/mine').
export const at = (ctx, hash) => new URL(hash, ctx.url).href;

export async function openHome(page, url) {
  await page.goto(url);
  await page.waitForSelector('#home-search', { timeout: 60000 });
}

export async function shot(page, name) {
  const dir = path.join(resultsDir, 'screens');
  await mkdir(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}

export async function loginAs(page, displayName) {
  await page.goto(new URL('#/login', page.url()).href);
  await page.getByRole('button', { name: new RegExp(displayName) }).click();
  // Logged in once the app has gone back home (the login screen also has a heading).
  await page.waitForSelector('#home-search');
  await page.getByRole('button', { name: new RegExp(`退出登录|Log out`) }).waitFor();
}

// The outbox as "my applications" shows it: [{key, state}] for every entry not yet sent.
export async function outboxEntries(page) {
  return page.locator('.outbox-entry').evaluateAll((els) => els.map((el) => ({ key: el.dataset.key, state: el.dataset.state })));
}

// Waits until the latest draft write is in IndexedDB (the form says 草稿已保存 only then).
export async function draftSaved(page) {
  await page.locator('.draft-status[data-draft="saved"]').waitFor({ state: 'attached' });
}

export const fieldId = (item, fieldPath) => `f-${item}-${fieldPath}`.replace(/[^A-Za-z0-9_-]+/g, '-');

// Sets a field the way a user would: types into text inputs key by key, picks options, ticks boxes.
export async function fill(page, item, fieldPath, value) {
  const container = page.locator(`.field[data-path="${fieldPath}"]`);
  const control = page.locator(`#${fieldId(item, fieldPath)}`);
  const tag = await control.evaluate((el) => el.tagName.toLowerCase());
  if (tag === 'button' && (await control.getAttribute('class'))?.includes('division-trigger')) {
    await pickDivision(page, control, value);
  } else if (tag === 'select') {
    await control.selectOption(value);
  } else if (tag === 'legend') {
    await container.getByLabel(value, { exact: true }).check();
  } else if ((await control.getAttribute('type')) === 'date') {
    await control.fill(value);  // a date picker takes the whole value at once
  } else if ((await control.getAttribute('type')) === 'checkbox') {
    if (value) await control.check();
    else await control.uncheck();
  } else {
    await control.fill('');
    await control.pressSequentially(value);
  }
}

// A division: opens the 省/市/区 picker and taps province, city and district (a city with no
// districts, such as 东莞, is the last tap); outside Guangdong, switches to typing the code.
async function pickDivision(page, control, code) {
  const levels = [...new Set([`${code.slice(0, 2)}0000`, `${code.slice(0, 4)}00`, code])];
  await control.click();
  const sheet = page.locator('.van-popup .van-cascader').filter({ visible: true });
  await sheet.waitFor();
  for (const level of levels) {
    const option = sheet.locator(`.van-cascader__option:has([data-code="${level}"])`);
    if ((await option.count()) === 0) break;
    await option.click();
  }
  await sheet.waitFor({ state: 'hidden' });
  if ((await control.getAttribute('data-code')) !== code) throw new Error(`the division picker did not choose ${code}`);
}

export async function messageUnder(page, item, fieldPath) {
  return (await page.locator(`#${fieldId(item, fieldPath)}-msg`).textContent()).trim();
}

export async function next(page) {
  await page.getByRole('button', { name: /^(下一步|Next)/ }).click();
}

// The stub's own view of the caller's submissions (the ground truth for "exactly once").
export async function stubSubmissions(page, url) {
  const session = await page.evaluate(() => JSON.parse(localStorage.getItem('haoban.session')));
  const response = await fetch(new URL('/api/v1/submissions', url), { headers: { Authorization: `Bearer ${session.token}` } });
  return (await response.json()).submissions;
}

// Waits for the receipt screen; on failure, says what the screen shows instead.
export async function waitForReceipt(page) {
  try {
    await page.getByRole('heading', { name: '提交成功' }).waitFor({ timeout: 30000 });
  } catch (error) {
    throw new Error(`no receipt: the screen shows\n${await page.locator('main').innerText()}`);
  }
}

// Uploads a stand-in file for every material still missing, one at a time (each upload re-runs
// the core's check and re-renders the list).
export async function uploadMissing(page) {
  for (let guard = 0; guard < 20; guard += 1) {
    const missing = page.locator('[data-state="required_missing"]');
    if ((await missing.count()) === 0) return;
    const id = await missing.first().getAttribute('data-material');
    await missing.first().locator('input[type=file]').setInputFiles({ name: `${id}.pdf`, mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4') });
    await page.waitForFunction((m) => !document.querySelector(`[data-material="${m}"][data-state="required_missing"]`), id);
  }
  throw new Error('materials still missing after 20 uploads');
}
