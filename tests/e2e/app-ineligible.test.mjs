// An applicant who does not qualify sees why, in the core's words with her own values, before
// filling anything: 陈芳 is registered in Guangzhou, so she cannot apply for a 广东省居住证.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { loginAs, openHome, shot, startApp } from './app-harness.mjs';

describe('H5 app: an ineligible applicant', () => {
  let app;
  let page;

  before(async () => {
    app = await startApp();
    page = app.page;
    await openHome(page, app.stub.url);
    await loginAs(page, '陈芳');
  });

  after(async () => {
    await app?.close();
  });

  test('the pre-check says 不符合受理条件 and names the failed condition', async () => {
    await page.goto(new URL('#/apply/item/gz-residence-permit/precheck', app.stub.url).href);
    await page.getByRole('heading', { name: '资格预检' }).waitFor();
    assert.equal(await page.locator('.verdict').getAttribute('data-verdict'), 'not_eligible');
    assert.match(await page.locator('.verdict').innerText(), /不符合受理条件/);
    const failed = page.locator('.condition[data-status="failed"]');
    assert.ok((await failed.count()) >= 1);
    assert.match(await failed.first().innerText(), /申请人不是广州市户籍人员/);
    // No way forward into the form, only back.
    assert.equal(await page.getByRole('link', { name: '开始填写' }).count(), 0);
    await shot(page, 'precheck-ineligible');
  });

  test('in English too', async () => {
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.getByRole('heading', { name: 'Eligibility pre-check' }).waitFor();
    assert.match(await page.locator('.condition[data-status="failed"]').first().innerText(), /not registered in Guangzhou/);
    await shot(page, 'precheck-ineligible-en');
    await page.getByRole('button', { name: '切换到中文' }).click();
  });

  test('the app logged no errors', () => {
    assert.deepEqual(app.errors, []);
  });
});
