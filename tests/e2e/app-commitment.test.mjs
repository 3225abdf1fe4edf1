// 告知承诺 (a signed commitment instead of a document): 张伟 enrols in the pension as a flexible
// worker with no employer; the core offers the commitment in place of the proof, the app shows
// its text and liability, and once signed the material no longer blocks the application.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { fill, loggedInApp, next, shot, stubSubmissions, uploadMissing, waitForReceipt } from './app-harness.mjs';

const ITEM = 'gz-flexible-pension-enrolment';

describe('H5 app: the 告知承诺 commitment flow', () => {
  const ctx = loggedInApp('张伟');

  test('the form', async () => {
    await ctx.page.goto(new URL(`#/apply/item/${ITEM}/form`, ctx.url).href);
    await fill(ctx.page, ITEM, 'hukouNature', '城镇');
    await next(ctx.page);
    await fill(ctx.page, ITEM, 'flexibleType', '未在用人单位参保的灵活就业人员');
    await fill(ctx.page, ITEM, 'startMonth', '2026-12-01');
    await fill(ctx.page, ITEM, 'employmentCommitment', true);
    await fill(ctx.page, ITEM, 'declaration', true);
    await ctx.page.getByRole('button', { name: '下一步：材料' }).click();
    await ctx.page.getByRole('heading', { name: '材料清单' }).waitFor({ timeout: 10000 }).catch(async () => {
      throw new Error(`still on the form:\n${await ctx.page.locator('main').innerText()}`);
    });
  });

  test('the proof of no employer can be replaced by signing the commitment', async () => {
    const material = ctx.page.locator('[data-material="noEmployerProof"]');
    assert.equal(await material.getAttribute('data-state'), 'commitment_available');
    assert.match(await material.innerText(), /告知承诺/);
    assert.ok((await material.locator('.commitment-text').innerText()).length > 20, 'the commitment text is shown');
    await shot(ctx.page, 'materials-commitment-offered');
    await material.getByRole('button', { name: '我已阅读并签署承诺' }).click();
    await ctx.page.locator('[data-material="noEmployerProof"][data-state="commitment_accepted"]').waitFor();
    await shot(ctx.page, 'materials-commitment-signed');
  });

  test('with the commitment signed the application is ready and is accepted', async () => {
    await uploadMissing(ctx.page);
    await ctx.page.getByRole('link', { name: '下一步：一次性告知单' }).click();
    await ctx.page.getByRole('heading', { name: '一次性告知单' }).waitFor();
    assert.equal(await ctx.page.locator('.verdict').getAttribute('data-ready'), 'true', await ctx.page.locator('main').innerText());
    await ctx.page.getByRole('button', { name: '确认提交' }).click();
    await waitForReceipt(ctx.page);
    assert.equal((await stubSubmissions(ctx.page, ctx.url)).length, 1);
  });

  test('the app logged no errors', () => {
    assert.deepEqual(ctx.app.errors, []);
  });
});
