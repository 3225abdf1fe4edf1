// 出生一件事 end to end at 360×640: one merged application for 出生登记 and 城乡居民医保参保登记.
// 陈芳's e-licences prefill the child and parents (出生医学证明, 户口簿) and make the documents
// 免提交; a fact shared by both items (the child's name, the mobile) is asked once.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { fieldId, fill, loggedInApp, next, shot, stubSubmissions, uploadMissing, waitForReceipt } from './app-harness.mjs';

const BIRTH = 'gz-birth-registration';
const INSURANCE = 'gz-resident-medical-insurance';

// A valid 公民身份号码 for the child (GB 11643: weights and "10X98765432"), born 2026-11-10.
function residentId(first17) {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((acc, digit, i) => acc + Number(digit) * weights[i], 0);
  return first17 + '10X98765432'[sum % 11];
}
const CHILD_ID = residentId('44010620261110002');

describe('H5 app: 出生一件事 (bundle), the whole journey', () => {
  const ctx = loggedInApp('陈芳');

  test('the bundle guide lists both items; the pre-check passes on the e-licences', async () => {
    await ctx.page.goto(new URL('#/', ctx.url).href);
    await ctx.page.getByRole('link', { name: '出生一件事' }).click();
    await ctx.page.getByRole('heading', { name: '出生一件事' }).waitFor();
    const guide = await ctx.page.locator('main').innerText();
    assert.match(guide, /出生登记（新生儿入户）/);
    assert.match(guide, /城乡居民基本医疗保险参保登记/);
    await shot(ctx.page, 'guide-birth-bundle');
    await ctx.page.getByRole('link', { name: '在线办理' }).click();
    await ctx.page.getByRole('heading', { name: '资格预检' }).waitFor();
    assert.equal(await ctx.page.locator('.condition[data-status="failed"]').count(), 0);
    await shot(ctx.page, 'precheck-birth-bundle');
    await ctx.page.getByRole('link', { name: '开始填写' }).click();
  });

  test('the child page is prefilled from the 出生医学证明 e-licence', async () => {
    await ctx.page.locator(`#${fieldId(BIRTH, 'childName')}`).waitFor();
    assert.equal(await ctx.page.inputValue(`#${fieldId(BIRTH, 'childName')}`), '林小雨');
    await fill(ctx.page, BIRTH, 'birthPlace', '440106');
    await shot(ctx.page, 'form-birth-child');
    await next(ctx.page);
  });

  test('parents and household pages', async () => {
    await fill(ctx.page, BIRTH, 'motherHukouDivision', '440106');
    await fill(ctx.page, BIRTH, 'followParent', '随父入户');
    await fill(ctx.page, BIRTH, 'fatherHukouDivision', '440106');
    await next(ctx.page);
    await fill(ctx.page, BIRTH, 'relationToHouseholder', 'child');
    await fill(ctx.page, BIRTH, 'declaration', true);
    await fill(ctx.page, BIRTH, 'signature', '陈芳');
    await next(ctx.page);
  });

  test('the insurance pages do not ask the child\'s name again (shared fact)', async () => {
    await ctx.page.locator(`#${fieldId(INSURANCE, 'insuredIdNumber')}`).waitFor();
    assert.equal(await ctx.page.locator(`#${fieldId(INSURANCE, 'insuredName')}`).count(), 0);
    await fill(ctx.page, INSURANCE, 'insuredIdNumber', CHILD_ID);
    await fill(ctx.page, INSURANCE, 'category', '新生儿（出生6个月内）');
    await fill(ctx.page, INSURANCE, 'insuredHukouDivision', '440106');
    await next(ctx.page);
    assert.equal(await ctx.page.locator(`#${fieldId(INSURANCE, 'contactMobile')}`).count(), 0);
    await fill(ctx.page, INSURANCE, 'bankAccount', '6222020200112233445');
    await fill(ctx.page, INSURANCE, 'accountHolderName', '陈芳');
    await fill(ctx.page, INSURANCE, 'declaration', true);
    await ctx.page.getByRole('button', { name: '下一步：材料' }).click();
    await ctx.page.getByRole('heading', { name: '材料清单' }).waitFor({ timeout: 10000 }).catch(async () => {
      throw new Error(`still on the form:\n${await ctx.page.locator('main').innerText()}`);
    });
  });

  test('materials: the certificates are 免提交; the rest is uploaded', async () => {
    assert.equal(await ctx.page.locator('[data-material="birthMedicalCert"]').first().getAttribute('data-state'), 'satisfied_by_licence');
    await shot(ctx.page, 'materials-birth-bundle');
    await uploadMissing(ctx.page);
    assert.equal(await ctx.page.locator('[data-state="required_missing"]').count(), 0);
  });

  test('the notice is ready, says what the bundle saved, and the receipt comes back', async () => {
    await ctx.page.getByRole('link', { name: '下一步：一次性告知单' }).click();
    await ctx.page.getByRole('heading', { name: '一次性告知单' }).waitFor();
    assert.equal(await ctx.page.locator('.verdict').getAttribute('data-ready'), 'true', await ctx.page.locator('main').innerText());
    assert.match(await ctx.page.locator('.saved').innerText(), /少填\d+项/);
    assert.equal(await ctx.page.locator('.deadline').count(), 2);  // one promised date per item
    await shot(ctx.page, 'notice-birth-bundle');
    await ctx.page.getByRole('button', { name: '确认提交' }).click();
    await waitForReceipt(ctx.page);
    assert.match(await ctx.page.locator('.receipt-number').innerText(), /^GZ/);
    await shot(ctx.page, 'receipt-birth-bundle');
    assert.equal((await stubSubmissions(ctx.page, ctx.url)).length, 1);
  });

  test('the app logged no errors', () => {
    assert.deepEqual(ctx.app.errors, []);
  });
});
