// 容缺受理 and supplying the material later: 王强 registers his newborn (出生登记). He holds no
// e-licence of his marriage certificate, a 容缺后补 material, so the core accepts the
// application without it, with a date to supply it by; the stub agrees (status
// accepted_pending_materials). From "my applications" he supplies it before that date and the
// stub records it and accepts the case. The place of birth is chosen in the 省/市/区 picker.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { at, fill, loggedInApp, next, shot, stubSubmissions, uploadMissing, waitForReceipt } from './app-harness.mjs';

const ITEM = 'gz-birth-registration';

// A valid 公民身份号码 (GB 11643: weights and "10X98765432").
function residentId(first17) {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((acc, digit, i) => acc + Number(digit) * weights[i], 0);
  return first17 + '10X98765432'[sum % 11];
}
const MOTHER_ID = residentId('44010519900315002');  // sequence 002: even, female

// A birth date ten days before the browser's today, so the child is within the month allowed.
const tenDaysAgo = () => new Date(Date.now() - 10 * 86400000).toISOString().slice(0, 10);

describe('H5 app: 容缺 — submit without the marriage certificate, supply it later', () => {
  const ctx = loggedInApp('王强');

  test('the form, with the parents married and no marriage e-licence', async () => {
    const { page } = ctx;
    await page.goto(at(ctx, `#/apply/item/${ITEM}/form`));
    await page.locator(`#f-${ITEM}-childName`).waitFor();
    await fill(page, ITEM, 'childName', '王小明');
    await fill(page, ITEM, 'childSex', '男');
    await fill(page, ITEM, 'childBirthDate', tenDaysAgo());
    await fill(page, ITEM, 'birthCertNo', 'R440012345');
    // The place of birth is picked 省 → 市 → 区 (Guangdong, from the core's GB/T 2260 table).
    await page.locator(`#f-${ITEM}-birthPlace`).click();
    const sheet = page.locator('.van-cascader').filter({ visible: true });
    await sheet.getByRole('menuitemradio', { name: '广东省' }).click();
    await sheet.getByRole('menuitemradio', { name: '广州市' }).click();
    await sheet.getByRole('menuitemradio', { name: '海珠区' }).waitFor();
    await shot(page, 'division-picker');
    await sheet.getByRole('menuitemradio', { name: '海珠区' }).click();
    await sheet.waitFor({ state: 'hidden' });
    assert.equal(await page.locator(`#f-${ITEM}-birthPlace`).innerText(), '广东省 / 广州市 / 海珠区');
    assert.equal(await page.locator(`#f-${ITEM}-birthPlace`).getAttribute('data-code'), '440105');
    await next(page);
    await fill(page, ITEM, 'fatherName', '王强');
    await fill(page, ITEM, 'fatherIdNumber', '440103198503091112');
    await fill(page, ITEM, 'motherName', '李娟');
    await fill(page, ITEM, 'motherIdNumber', MOTHER_ID);
    await fill(page, ITEM, 'motherHukouDivision', '440105');
    await fill(page, ITEM, 'parentsMarried', '是');
    await fill(page, ITEM, 'followParent', '随父入户');
    await fill(page, ITEM, 'fatherHukouDivision', '440103');
    await next(page);
    await fill(page, ITEM, 'householdType', '家庭户');
    await fill(page, ITEM, 'householderName', '王强');
    await fill(page, ITEM, 'relationToHouseholder', 'child');
    await fill(page, ITEM, 'registrationAddress', '广州市荔湾区示例路8号');
    await fill(page, ITEM, 'applicantMobile', '13712345678');
    await fill(page, ITEM, 'declaration', true);
    await fill(page, ITEM, 'signature', '王强');
    await page.getByRole('button', { name: '下一步：材料' }).click();
    await page.getByRole('heading', { name: '材料清单' }).waitFor({ timeout: 10000 }).catch(async () => {
      throw new Error(`still on the form:\n${await page.locator('main').innerText()}`);
    });
  });

  test('materials: the marriage certificate is 容缺 with a date; the rest is uploaded', async () => {
    const { page } = ctx;
    const marriage = page.locator('[data-material="marriageCert"]');
    assert.equal(await marriage.getAttribute('data-state'), 'deferred');
    assert.match(await marriage.innerText(), /请在\d{4}-\d{2}-\d{2}前补交/);
    await uploadMissing(page);
    await shot(page, 'materials-deferred');
    await page.getByRole('link', { name: '下一步：一次性告知单' }).click();
    await page.getByRole('heading', { name: '一次性告知单' }).waitFor();
    assert.equal(await page.locator('.verdict').getAttribute('data-ready'), 'true', await page.locator('main').innerText());
    await page.getByRole('button', { name: '确认提交' }).click();
    await waitForReceipt(page);
    const [atStub] = await stubSubmissions(page, ctx.url);
    assert.equal(atStub.status, 'accepted_pending_materials');
    assert.deepEqual(atStub.deferredMaterials.map((d) => [d.materialId, d.suppliedOn]), [['marriageCert', null]]);
  });

  test('my applications: supply it before the due date; the stub accepts the case', async () => {
    const { page } = ctx;
    await page.goto(at(ctx, '#/mine'));
    await page.getByRole('link', { name: '出生登记（新生儿入户）' }).click();
    const owed = page.locator('.owed[data-material="marriageCert"]');
    await owed.waitFor();
    assert.match(await owed.innerText(), /父母结婚证/);
    await owed.getByLabel(/材料|reference/i).fill('JH440103-2020-001234');
    await owed.getByRole('button', { name: '补交材料' }).click();
    await owed.locator('.tag.ok').waitFor();
    assert.match(await owed.innerText(), /已补交 \d{4}-\d{2}-\d{2}/);
    await shot(page, 'case-supplied');
    const [atStub] = await stubSubmissions(page, ctx.url);
    assert.equal(atStub.status, 'accepted');
    assert.match(atStub.deferredMaterials[0].suppliedOn, /^\d{4}-\d{2}-\d{2}$/);
    // Once supplied, it cannot be supplied again (the stub answers 409 already_supplied).
    assert.equal(await owed.getByRole('button', { name: '补交材料' }).count(), 0);
  });

  test('the app logged no errors', () => {
    assert.deepEqual(ctx.app.errors, []);
  });
});
