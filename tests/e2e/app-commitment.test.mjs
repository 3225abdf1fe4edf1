// 告知承诺 (a signed commitment instead of a document): 张伟 enrols in the pension as a flexible
// worker with no employer; the core offers the commitment in place of the proof, the app shows
// its text and liability, and once signed the material no longer blocks the application.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { fill, loginAs, next, openHome, shot, startApp, stubSubmissions, uploadMissing, waitForReceipt } from './app-harness.mjs';

const ITEM = 'gz-flexible-pension-enrolment';

describe('H5 app: the 告知承诺 commitment flow', () => {
  let app;
  let page;

  before(async () => {
    app = await startApp();
    page = app.page;
    await openHome(page, app.stub.url);
    await loginAs(page, '张伟');
  });

  after(async () => {
    await app?.close();
  });

  test('the form', async () => {
    await page.goto(new URL(`#/apply/item/${ITEM}/form`, app.stub.url).href);
    await fill(page, ITEM, 'hukouNature', '城镇');
    await next(page);
    await fill(page, ITEM, 'flexibleType', '未在用人单位参保的灵活就业人员');
    await fill(page, ITEM, 'startMonth', '2026-12-01');
    await fill(page, ITEM, 'employmentCommitment', true);
    await fill(page, ITEM, 'declaration', true);
    await page.getByRole('button', { name: '下一步：材料' }).click();
    await page.getByRole('heading', { name: '材料清单' }).waitFor({ timeout: 10000 }).catch(async () => {
      throw new Error(`still on the form:\n${await page.locator('main').innerText()}`);
    });
  });

  test('the proof of no employer can be replaced by signing the commitment', async () => {
    const material = page.locator('[data-material="noEmployerProof"]');
    assert.equal(await material.getAttribute('data-state'), 'commitment_available');
    assert.match(await material.innerText(), /告知承诺/);
    assert.ok((await material.locator('.commitment-text').innerText()).length > 20, 'the commitment text is shown');
    await shot(page, 'materials-commitment-offered');
    await material.getByRole('button', { name: '我已阅读并签署承诺' }).click();
    await page.locator('[data-material="noEmployerProof"][data-state="commitment_accepted"]').waitFor();
    await shot(page, 'materials-commitment-signed');
  });

  test('with the commitment signed the application is ready and is accepted', async () => {
    await uploadMissing(page);
    await page.getByRole('link', { name: '下一步：一次性告知单' }).click();
    await page.getByRole('heading', { name: '一次性告知单' }).waitFor();
    assert.equal(await page.locator('.verdict').getAttribute('data-ready'), 'true', await page.locator('main').innerText());
    await page.getByRole('button', { name: '确认提交' }).click();
    await waitForReceipt(page);
    assert.equal((await stubSubmissions(page, app.stub.url)).length, 1);
  });

  test('the app logged no errors', () => {
    assert.deepEqual(app.errors, []);
  });
});
