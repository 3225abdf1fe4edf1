// The residence permit (广东省居住证申领) end to end at 360×640, in Chinese: search by pinyin
// initials, the guide, log in as 李明, the pre-check, the form (a message under a field as it is
// typed, every error at once in the summary, a reload mid-form), materials (免提交 by e-licence),
// the 一次性告知单, submit, the receipt with 受理编号 and 承诺办结日期, my applications, 好差评.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { draftSaved, fieldId, fill, loggedInApp, messageUnder, next, shot, stubSubmissions, uploadMissing, waitForReceipt } from './app-harness.mjs';

const ITEM = 'gz-residence-permit';

describe('H5 app: residence permit, the whole journey', () => {
  const ctx = loggedInApp();

  test('home is zh-CN with themes, departments and bundles; en is one tap away', async () => {
    assert.equal(await ctx.page.getAttribute('html', 'lang'), 'zh-CN');
    assert.match(await ctx.page.getAttribute('html', 'data-core-version'), /^\d+\.\d+\.\d+/);
    await ctx.page.getByRole('heading', { name: '按主题' }).waitFor();
    assert.ok(await ctx.page.getByRole('link', { name: /户籍居住/ }).count());
    assert.ok(await ctx.page.getByRole('link', { name: '出生一件事' }).count());
    await shot(ctx.page, 'home-zh');
    await ctx.page.getByRole('button', { name: 'Switch to English' }).click();
    assert.equal(await ctx.page.getAttribute('html', 'lang'), 'en');
    await ctx.page.getByRole('heading', { name: 'By theme' }).waitFor();
    await shot(ctx.page, 'home-en');
    await ctx.page.getByRole('button', { name: '切换到中文' }).click();
    await ctx.page.getByRole('heading', { name: '按主题' }).waitFor();
  });

  test('pinyin initials "jzz" find 广东省居住证申领 (the core\'s search index)', async () => {
    await ctx.page.getByLabel('搜索事项').fill('jzz');
    await ctx.page.getByRole('button', { name: '搜索', exact: true }).click();
    await ctx.page.getByRole('link', { name: '广东省居住证申领' }).click();
    await ctx.page.getByRole('heading', { name: '广东省居住证申领' }).waitFor();
    const guide = await ctx.page.locator('main').innerText();
    for (const part of ['受理条件', '申请材料', '承诺办结时限', '到办事现场次数', '设定依据', '居住证暂行条例']) {
      assert.ok(guide.includes(part), `the guide shows ${part}`);
    }
    await shot(ctx.page, 'guide-residence-permit');
  });

  test('applying asks to log in; 李明 logs in and gets the pre-check', async () => {
    await ctx.page.getByRole('link', { name: '在线办理' }).click();
    await ctx.page.getByRole('heading', { name: '选择测试身份登录' }).waitFor();
    await ctx.page.getByRole('button', { name: /李明/ }).click();
    await ctx.page.getByRole('heading', { name: '资格预检' }).waitFor();
    const conditions = ctx.page.locator('.condition');
    assert.ok((await conditions.count()) >= 3);
    // Not from Guangzhou, registered for over half a year: those conditions pass now; the basis
    // of the application is not yet answered, so the verdict waits for the form.
    assert.equal(await ctx.page.locator('.condition[data-status="passed"]').count() >= 2, true);
    assert.notEqual(await ctx.page.locator('.verdict').getAttribute('data-verdict'), 'not_eligible');
    await shot(ctx.page, 'precheck-residence-permit');
    await ctx.page.getByRole('link', { name: '开始填写' }).click();
  });

  test('page 1: prefilled from the profile; a message appears under a field as it is typed', async () => {
    await ctx.page.locator(`#${fieldId(ITEM, 'applicantName')}`).waitFor();
    assert.equal(await ctx.page.inputValue(`#${fieldId(ITEM, 'applicantName')}`), '李明');
    assert.equal(await ctx.page.locator(`#${fieldId(ITEM, 'applicantName')}`).getAttribute('readonly'), '');
    await fill(ctx.page, ITEM, 'mobile', '1380013');
    assert.match(await messageUnder(ctx.page, ITEM, 'mobile'), /手机/);
    await fill(ctx.page, ITEM, 'mobile', '１３８００１３８０００');  // full-width digits are fine
    assert.equal(await messageUnder(ctx.page, ITEM, 'mobile'), '');
    await fill(ctx.page, ITEM, 'education', 'college');
    await next(ctx.page);
  });

  test('page 2: an empty required field blocks "next" with the summary, linked to the field', async () => {
    await ctx.page.locator(`#${fieldId(ITEM, 'housingType')}`).waitFor();
    await fill(ctx.page, ITEM, 'housingType', 'rented');
    await next(ctx.page);
    const summary = ctx.page.locator('.error-summary');
    await summary.waitFor();
    assert.match(await summary.innerText(), /房东（出租人）姓名/);
    await summary.getByRole('link', { name: /房东（出租人）姓名/ }).click();
    assert.equal(await ctx.page.evaluate(() => document.activeElement.id), fieldId(ITEM, 'landlordName'));
    await shot(ctx.page, 'form-summary-one-page');
    await fill(ctx.page, ITEM, 'landlordName', '张三');
    await fill(ctx.page, ITEM, 'applyBasis', '合法稳定就业');
    await next(ctx.page);
  });

  test('a reload mid-form keeps every answer (the draft autosaves)', async () => {
    await ctx.page.locator(`#${fieldId(ITEM, 'employerName')}`).waitFor();
    await fill(ctx.page, ITEM, 'employerName', '广州示例科技有限公司');
    await draftSaved(ctx.page);  // 草稿已保存: the draft is in IndexedDB
    await ctx.page.reload();
    await ctx.page.locator(`#${fieldId(ITEM, 'employerName')}`).waitFor({ timeout: 60000 });
    assert.equal(await ctx.page.inputValue(`#${fieldId(ITEM, 'employerName')}`), '广州示例科技有限公司');
    assert.match(await ctx.page.locator('main').innerText(), /已恢复上次填写的草稿/);
    await ctx.page.getByRole('button', { name: '上一步' }).click();
    assert.equal(await ctx.page.inputValue(`#${fieldId(ITEM, 'landlordName')}`), '张三');
    await next(ctx.page);
    await fill(ctx.page, ITEM, 'occupation', await ctx.page.locator(`#${fieldId(ITEM, 'occupation')} option`).nth(1).getAttribute('value'));
    await next(ctx.page);
  });

  test('skipping to the end lists every error of the application at once', async () => {
    // family page: no members
    await next(ctx.page);
    // confirm page: leave everything empty and ask for materials
    await ctx.page.getByRole('button', { name: '下一步：材料' }).click();
    const summary = ctx.page.locator('.error-summary');
    await summary.waitFor();
    const text = await summary.innerText();
    for (const label of ['数码相片回执号', '申领依据证明材料', '我承诺所填信息真实有效', '申请人签名']) {
      assert.ok(text.includes(label), `the summary lists ${label}:\n${text}`);
    }
    assert.match(text, /有\d+处需要修改/);
    assert.equal(await ctx.page.evaluate(() => document.activeElement.classList.contains('error-summary')), true);
    await shot(ctx.page, 'form-summary-all-errors');
  });

  test('completing the last page leads to materials: the ID card is 免提交 by e-licence', async () => {
    await fill(ctx.page, ITEM, 'photoReceiptNo', 'GZ2026112800123');
    await ctx.page.locator(`[data-path="employmentProofSlot"] input[type=file]`).setInputFiles({
      name: '劳动合同.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4 test'),
    });
    await fill(ctx.page, ITEM, 'declaration', true);
    await fill(ctx.page, ITEM, 'signature', '李明');
    await ctx.page.getByRole('button', { name: '下一步：材料' }).click();
    await ctx.page.getByRole('heading', { name: '材料清单' }).waitFor();
    const idCard = ctx.page.locator('[data-material="idCard"]');
    assert.equal(await idCard.getAttribute('data-state'), 'satisfied_by_licence');
    assert.match(await idCard.innerText(), /免提交/);
    await shot(ctx.page, 'materials-residence-permit');
  });

  test('the 一次性告知单 is ready, with the promised date; submit gives a receipt', async () => {
    // Materials the applicant brings (photo receipt, the application form) are uploaded here.
    await uploadMissing(ctx.page);
    assert.equal(await ctx.page.locator('[data-material="applicationForm"]').getAttribute('data-state'), 'attached');
    await ctx.page.getByRole('link', { name: '下一步：一次性告知单' }).click();
    await ctx.page.getByRole('heading', { name: '一次性告知单' }).waitFor();
    assert.equal(await ctx.page.locator('.verdict').getAttribute('data-ready'), 'true', await ctx.page.locator('main').innerText());
    assert.match(await ctx.page.locator('.deadline').first().innerText(), /^\d{4}-\d{2}-\d{2}（10个工作日）$/);
    await shot(ctx.page, 'notice-residence-permit');
    await ctx.page.getByRole('button', { name: '确认提交' }).click();
    await waitForReceipt(ctx.page);
    const number = await ctx.page.locator('.receipt-number').innerText();
    assert.match(number, /^GZ[0-9]{8}[0-9A-Z]{12}[0-9]{6}[0-9A-Z]$/);
    assert.match(await ctx.page.locator('.promised-date').innerText(), /^\d{4}-\d{2}-\d{2}$/);
    await shot(ctx.page, 'receipt-residence-permit');
    const atStub = await stubSubmissions(ctx.page, ctx.url);
    assert.equal(atStub.length, 1);
    assert.equal(atStub[0].receiptNumber, number);
  });

  test('my applications lists it; a rating (好差评) is accepted once', async () => {
    await ctx.page.getByRole('link', { name: '我的办件' }).click();
    await ctx.page.getByRole('heading', { name: '我的办件' }).waitFor();
    await ctx.page.getByRole('link', { name: '广东省居住证申领' }).click();
    await ctx.page.getByRole('heading', { name: '评价服务（好差评）' }).waitFor();
    await ctx.page.getByLabel('非常满意').check();
    await ctx.page.getByRole('button', { name: '提交评价' }).click();
    await ctx.page.locator('.rated').waitFor();
    assert.match(await ctx.page.locator('.rated').innerText(), /非常满意/);
    await shot(ctx.page, 'case-rated');
  });

  test('the app logged no errors', () => {
    assert.deepEqual(ctx.app.errors, []);
  });
});
