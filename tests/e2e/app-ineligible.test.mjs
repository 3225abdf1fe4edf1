// An applicant who does not qualify sees why, in the core's words with her own values, before
// filling anything: 陈芳 is registered in Guangzhou, so she cannot apply for a 广东省居住证.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { loggedInApp, shot } from './app-harness.mjs';

describe('H5 app: an ineligible applicant', () => {
  const ctx = loggedInApp('陈芳');

  test('the pre-check says 不符合受理条件 and names the failed condition', async () => {
    await ctx.page.goto(new URL('#/apply/item/gz-residence-permit/precheck', ctx.url).href);
    await ctx.page.getByRole('heading', { name: '资格预检' }).waitFor();
    assert.equal(await ctx.page.locator('.verdict').getAttribute('data-verdict'), 'not_eligible');
    assert.match(await ctx.page.locator('.verdict').innerText(), /不符合受理条件/);
    const failed = ctx.page.locator('.condition[data-status="failed"]');
    assert.ok((await failed.count()) >= 1);
    assert.match(await failed.first().innerText(), /申请人不是广州市户籍人员/);
    // No way forward into the form, only back.
    assert.equal(await ctx.page.getByRole('link', { name: '开始填写' }).count(), 0);
    await shot(ctx.page, 'precheck-ineligible');
  });

  test('in English too', async () => {
    await ctx.page.getByRole('button', { name: 'Switch to English' }).click();
    await ctx.page.getByRole('heading', { name: 'Eligibility pre-check' }).waitFor();
    assert.match(await ctx.page.locator('.condition[data-status="failed"]').first().innerText(), /not registered in Guangzhou/);
    await shot(ctx.page, 'precheck-ineligible-en');
    await ctx.page.getByRole('button', { name: '切换到中文' }).click();
  });

  test('the app logged no errors', () => {
    assert.deepEqual(ctx.app.errors, []);
  });
});
