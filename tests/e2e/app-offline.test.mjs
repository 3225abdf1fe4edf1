// Submitting offline, then reconnecting: the application waits in the outbox (the core's SQLite
// store, kept in IndexedDB) and is sent exactly once when the phone is back online — the stub
// ends up with one submission, also after a reload that could have tempted a second send.
// First, a draft left in localStorage by an earlier version of the app moves into the store,
// and after that one visit the app opens offline (service worker) with the draft.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { at, fill, loggedInApp, next, outboxEntries, shot, stubSubmissions, uploadMissing, waitForReceipt } from './app-harness.mjs';

const ITEM = 'gz-residence-permit';

describe('H5 app: submit offline, send once when back online', () => {
  const ctx = loggedInApp('李明');

  test('a localStorage draft of an earlier version is moved into the store, once', async () => {
    const { page } = ctx;
    const legacyKey = await page.evaluate((item) => {
      const identity = JSON.parse(localStorage.getItem('haoban.session')).identity.id;
      const key = `haoban.draft.${identity}.item.${item}`;
      const draft = { item, answers: { education: 'college', mobile: '13800138000' } };
      localStorage.setItem(key, JSON.stringify({ sessions: { [item]: draft }, materials: {}, page: 0, savedAt: '2026-11-01T08:00:00Z' }));
      return key;
    }, ITEM);
    await page.reload();
    await page.goto(at(ctx, `#/apply/item/${ITEM}/form`));
    await page.locator(`#f-${ITEM}-education`).waitFor({ timeout: 60000 });
    assert.equal(await page.inputValue(`#f-${ITEM}-education`), 'college');
    assert.match(await page.locator('main').innerText(), /已恢复上次填写的草稿/);
    assert.equal(await page.evaluate((key) => localStorage.getItem(key), legacyKey), null);
  });

  test('after one visit the app opens offline (service worker) and reaches the saved draft', async () => {
    const { page } = ctx;
    // The worker has precached the app shell and the wasm core.
    await page.waitForFunction(() => document.documentElement.dataset.offlineReady === 'true', null, { timeout: 30000 });
    await ctx.app.phone.context.setOffline(true);
    const response = await page.reload();
    assert.ok(response.fromServiceWorker(), 'the page came from the service worker');
    await page.locator(`#f-${ITEM}-education`).waitFor({ timeout: 60000 });
    assert.equal(await page.inputValue(`#f-${ITEM}-education`), 'college');
    assert.match(await page.locator('main').innerText(), /已恢复上次填写的草稿/);
    await page.locator('.offline-banner').waitFor();
    await shot(page, 'offline-reload-draft');
    await ctx.app.phone.context.setOffline(false);
  });

  test('fill the residence permit online', async () => {
    const { page } = ctx;
    await fill(page, ITEM, 'education', 'college');
    await next(page);
    await fill(page, ITEM, 'housingType', 'owned');
    await fill(page, ITEM, 'applyBasis', '合法稳定就业');
    await next(page);
    await fill(page, ITEM, 'employerName', '广州示例科技有限公司');
    await fill(page, ITEM, 'occupation', 'it');
    await next(page);
    await next(page);
    await fill(page, ITEM, 'photoReceiptNo', 'GZ2026112800999');
    await page.locator('[data-path="employmentProofSlot"] input[type=file]').setInputFiles({ name: 'contract.pdf', mimeType: 'application/pdf', buffer: Buffer.from('x') });
    await fill(page, ITEM, 'declaration', true);
    await fill(page, ITEM, 'signature', '李明');
    await page.getByRole('button', { name: '下一步：材料' }).click();
    await page.getByRole('heading', { name: '材料清单' }).waitFor();
    await uploadMissing(page);
    await page.getByRole('link', { name: '下一步：一次性告知单' }).click();
    await page.getByRole('heading', { name: '一次性告知单' }).waitFor();
    assert.equal(await page.locator('.verdict').getAttribute('data-ready'), 'true', await page.locator('main').innerText());
  });

  test('offline: submit queues it in the outbox; nothing reaches the stub', async () => {
    const { page } = ctx;
    await ctx.app.phone.context.setOffline(true);
    await page.locator('.offline-banner').waitFor();
    await page.getByRole('button', { name: '确认提交' }).click();
    await page.locator('.queued').waitFor();
    assert.match(await page.locator('.queued').innerText(), /联网后将自动提交/);
    await shot(page, 'offline-queued');
    const receiptUrl = page.url();
    const key = receiptUrl.split('/receipt/')[1];
    assert.match(key, /^[0-9a-f]{64}$/);
    assert.equal((await stubSubmissions(page, ctx.url)).length, 0);
    // My applications shows the one queued entry, under the core's package digest.
    await page.goto(at(ctx, '#/mine'));
    await page.getByRole('heading', { name: '我的办件' }).waitFor();
    assert.deepEqual(await outboxEntries(page), [{ key, state: 'queued' }]);
    await shot(page, 'offline-mine-outbox');
    await page.goto(receiptUrl);
    await page.locator('.queued').waitFor();
  });

  test('back online: sent once, the receipt appears', async () => {
    const { page } = ctx;
    await ctx.app.phone.context.setOffline(false);
    await waitForReceipt(page);
    assert.match(await page.locator('.receipt-number').innerText(), /^GZ/);
    await shot(page, 'offline-sent');
    assert.equal((await stubSubmissions(page, ctx.url)).length, 1);
  });

  test('a reload and another flush do not send it again; the outbox is empty', async () => {
    const { page } = ctx;
    await page.reload();
    await page.locator('main h1').waitFor();
    await page.goto(at(ctx, '#/mine'));
    await page.getByRole('heading', { name: '我的办件' }).waitFor();
    await page.locator('.case').first().waitFor();
    assert.equal(await page.locator('.case').count(), 1);
    assert.deepEqual(await outboxEntries(page), []);
    assert.equal((await stubSubmissions(page, ctx.url)).length, 1);
  });

  test('the app logged no errors', () => {
    assert.deepEqual(ctx.app.errors, []);
  });
});
