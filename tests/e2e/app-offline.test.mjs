// Submitting offline, then reconnecting: the application waits in the outbox (kept on the
// phone) and is sent exactly once when the phone is back online — the stub ends up with one
// submission, also after a reload that could have tempted a second send.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { fill, loginAs, next, openHome, shot, startApp, stubSubmissions, uploadMissing, waitForReceipt } from './app-harness.mjs';

const ITEM = 'gz-residence-permit';

describe('H5 app: submit offline, send once when back online', () => {
  let app;
  let page;

  before(async () => {
    app = await startApp();
    page = app.page;
    await openHome(page, app.stub.url);
    await loginAs(page, '李明');
  });

  after(async () => {
    await app?.close();
  });

  test('fill the residence permit online', async () => {
    await page.goto(new URL(`#/apply/item/${ITEM}/form`, app.stub.url).href);
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
    await app.phone.context.setOffline(true);
    await page.locator('.offline-banner').waitFor();
    await page.getByRole('button', { name: '确认提交' }).click();
    await page.locator('.queued').waitFor();
    assert.match(await page.locator('.queued').innerText(), /联网后将自动提交/);
    await shot(page, 'offline-queued');
    assert.equal((await stubSubmissions(page, app.stub.url)).length, 0);
    const outbox = await page.evaluate(() => JSON.parse(localStorage.getItem('haoban.outbox')));
    assert.equal(outbox.length, 1);
    assert.match(outbox[0].key, /^[0-9a-f]{64}$/);
  });

  test('back online: sent once, the receipt appears', async () => {
    await app.phone.context.setOffline(false);
    await waitForReceipt(page);
    assert.match(await page.locator('.receipt-number').innerText(), /^GZ/);
    await shot(page, 'offline-sent');
    assert.equal((await stubSubmissions(page, app.stub.url)).length, 1);
    assert.deepEqual(await page.evaluate(() => JSON.parse(localStorage.getItem('haoban.outbox'))), []);
  });

  test('a reload and another flush do not send it again', async () => {
    await page.reload();
    await page.locator('main h1').waitFor();
    await page.goto(new URL('#/mine', app.stub.url).href);
    await page.getByRole('heading', { name: '我的办件' }).waitFor();
    await page.locator('.case').first().waitFor();
    assert.equal(await page.locator('.case').count(), 1);
    assert.equal((await stubSubmissions(page, app.stub.url)).length, 1);
  });

  test('the app logged no errors', () => {
    assert.deepEqual(app.errors, []);
  });
});
