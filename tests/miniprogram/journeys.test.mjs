// The mini-program's journeys, end to end: its real page code in the simulated runtime (no DOM,
// no fetch, no eval; the core from the package's .wasm.br through WXWebAssembly), talking HTTP
// to a real `haoban serve`. What the pages show is checked against the stub's answers and, for
// policy matching, against the native CLI (`haoban match`): the same core, compiled twice.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { after, before, describe, test } from 'node:test';
import path from 'node:path';
import { ensureBuilt, field, fillAll, launch, loginAs, repoRoot, setField, startStub, WxStorage } from './setup.mjs';

const RECEIPT_NUMBER = /^GZ[0-9]{8}[0-9A-Z]{12}[0-9]{6}[0-9A-Z]$/;
const USCC = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

let stub;
// The first run links the core (em++ with wasm-opt): minutes on a loaded machine.
before(
  async () => {
    ensureBuilt();
    stub = await startStub();
  },
  { timeout: 20 * 60 * 1000 },
);
after(async () => {
  await stub?.stop();
});

// The native CLI's verdict on the same profile: what the mini-program's wasm must agree with.
function nativeMatch(identityId, today) {
  const bin = process.env.HAOBAN_BIN ?? path.join(repoRoot, 'build/native-release/server-stub/haoban');
  const out = execFileSync(bin, [
    'match', '--catalog', 'data/catalog/guangzhou.json', '--profile', 'data/catalog/profiles.sample.json',
    '--profile-id', identityId, '--today', today,
  ], { cwd: repoRoot, encoding: 'utf8' });
  return JSON.parse(out);
}

describe('business login', () => {
  test('lists 法人 identities with their USCC and logs in with one', async () => {
    const mp = await launch(stub);
    const login = mp.current();
    assert.equal(login.route, 'pages/login/login');
    assert.equal(login.data.error, '');
    assert.ok(login.data.businesses.length >= 1, 'at least one business identity');
    for (const b of login.data.businesses) assert.match(b.number, USCC, `${b.name} carries a USCC`);
    const business = login.data.businesses.find((b) => b.id === 'huang-ji-noodles');
    assert.ok(business);

    const home = await loginAs(mp, business.id);
    assert.equal(home.route, 'pages/home/home');
    assert.equal(home.data.error, '');
    assert.equal(home.data.who.kind, '法人');
    assert.equal(home.data.who.number, business.number);
    // The login went through wx.request to the stub, and later calls carry its token.
    const session = mp.requests.find((r) => r.method === 'POST' && r.url.endsWith('/api/v1/session'));
    assert.equal(session.status, 201);
    const me = mp.requests.find((r) => r.url.endsWith('/api/v1/me'));
    assert.match(me.header.Authorization, /^Bearer v1\./);
    // The core came from the package path, brotli-compressed.
    assert.equal(mp.wasmLoaded.path, '/core/haoban-core.wasm.br');

    const items = Object.fromEntries(home.data.items.map((i) => [i.id, i]));
    assert.ok(items['gz-food-business-licence'].fits, '食品经营许可 is for 法人');
    assert.equal(items['gz-individual-business'].fits, false, '个体工商户设立 is applied for by the operator in person');
    assert.ok(home.data.bundles.some((b) => b.id === 'open-restaurant'));
  });

  test('a session survives a restart, and 退出 forgets it', async () => {
    const storage = new WxStorage();
    const first = await launch(stub, { storage });
    await loginAs(first, 'nanfeng-manufacturing');
    const again = await launch(stub, { storage });
    assert.equal(again.current().route, 'pages/home/home', 'the saved token skips the login page');
    assert.equal(again.current().data.who.name, '广州南风示例制造有限公司');
    await again.fire('onLogout');
    assert.equal(again.current().route, 'pages/login/login');
    const third = await launch(stub, { storage });
    assert.equal(third.current().route, 'pages/login/login');
  });
});

describe('政策兑现 / 免申即享', () => {
  for (const identity of ['huang-ji-noodles', 'nanfeng-manufacturing']) {
    test(`${identity}: the policies it qualifies for, each with reasons, as the native core decides`, async () => {
      const mp = await launch(stub);
      await loginAs(mp, identity);
      await mp.fire('onPolicies');
      const page = mp.current();
      assert.equal(page.route, 'pages/policies/policies');
      assert.equal(page.data.error, '');
      const native = nativeMatch(identity, page.data.today);
      assert.deepEqual(page.data.matched.map((p) => p.id).sort(), native.matched.map((p) => p.id).sort());
      assert.deepEqual(page.data.notMatched.map((p) => p.id).sort(), native.notMatched.map((p) => p.id).sort());
      // The sample's 稳岗返还 and 扩岗补助 ran until 2025-12-31: after that, 南风 qualifies on every
      // condition but the period, and the page must say so rather than show nothing.
      if (identity === 'huang-ji-noodles') assert.ok(page.data.matched.length > 0, '黄记面馆 qualifies for the halved taxes');
      for (const p of page.data.matched) {
        assert.ok(p.conditions.length > 0, `${p.id} says what it was judged on`);
        for (const c of p.conditions.filter((x) => x.status !== 'informational')) {
          assert.equal(c.status, 'passed');
          assert.ok(c.reason.length > 0, `${p.id}/${c.id} has a reason`);
        }
        const n = native.matched.find((x) => x.id === p.id);
        if (typeof n.benefit.amountFen === 'number') assert.equal(p.amount, `¥${(n.benefit.amountFen / 100).toFixed(2).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}`);
      }
      for (const p of page.data.notMatched) {
        const n = native.notMatched.find((x) => x.id === p.id);
        assert.ok(p.whyNot.length > 0, `${p.id}: why not is shown`);
        if (n.period.status === 'ended') assert.ok(p.whyNot.some((w) => w.includes(`至 ${n.period.validTo}，已结束`)), `${p.id}: the ended period is named`);
        for (const c of p.unmet) assert.ok(c.reason || c.missing, `${p.id}/${c.id} names the fact that failed`);
      }
    });
  }

  test('the reasons name the business’s own facts', async () => {
    const mp = await launch(stub);
    await loginAs(mp, 'huang-ji-noodles');
    await mp.fire('onPolicies');
    const halved = mp.current().data.matched.find((p) => p.id === 'gz-six-taxes-two-fees-halved');
    assert.ok(halved, '黄记面馆 is a small-scale VAT payer');
    assert.match(halved.conditions[0].reason, /isSmallScaleVatPayer/);
    const refund = mp.current().data.notMatched.find((p) => p.id === 'gz-stable-jobs-refund');
    assert.ok(refund.unmet.some((c) => /unemploymentInsuranceMonthsLastYear 为 0/.test(c.reason)));
  });
});

// The 个体工商户 form as the operator fills it: first with mistakes, then corrected.
const INDIVIDUAL_BUSINESS = {
  industryTerm: '餐饮',
  orgForm: 'restaurant',
  premisesUse: 'rented',
  premisesDistrict: '４４０１０５', // full-width digits, as a Chinese IME types them
  premisesAddress: ' 广州市海珠区示例路20号首层 ',
  mainIndustry: 'catering',
  businessScope: '餐饮服务',
  capitalFen: '５００００',
  employeeCount: ' 3 ',
  declaration: true,
  signature: '王强',
};

describe('个体工商户设立 (the operator, in person)', () => {
  test('errors shown field by field, the 一次性告知单 lists them all, fixed, submitted, receipt', async () => {
    const storage = new WxStorage();
    const mp = await launch(stub, { storage });
    await loginAs(mp, 'wang-qiang-operator');
    await mp.fire('onOpenItem', { dataset: { id: 'gz-individual-business' } });
    const form = mp.current();
    assert.equal(form.route, 'packages/apply/form/form');
    assert.equal(form.data.error, '');
    assert.equal(form.data.blocked, '');
    // Prefilled from the identity, read-only.
    assert.equal(field(form, 'operatorName').value, '王强');
    assert.equal(field(form, 'operatorName').readonly, true);

    // A trade name that is not Chinese: the field says so at once, in the catalogue's words.
    await setField(mp, 'tradeName', 'ab');
    assert.deepEqual(field(form, 'tradeName').errors.map((e) => e.zh), ['字号应由2个以上汉字组成。']);
    await setField(mp, 'employeeCount', '0');
    assert.ok(field(form, 'employeeCount').hasError, 'at least one worker');

    // 一次性告知 now: every problem at once, not ready.
    await mp.fire('onCheck');
    let notice = mp.current();
    assert.equal(notice.route, 'packages/apply/notice/notice');
    assert.equal(notice.data.notice.ready, false);
    const listed = notice.data.notice.errorGroups.flatMap((g) => g.errors.map((e) => e.path));
    for (const p of ['tradeName', 'industryTerm', 'premisesAddress', 'declaration', 'signature']) assert.ok(listed.includes(p), `${p} is on the notice`);
    assert.ok(notice.data.notice.materials.some((m) => m.id === 'premisesProof' && m.blocking), 'the missing premises proof blocks');
    assert.ok(notice.data.notice.materials.some((m) => m.id === 'operatorId' && m.state === 'satisfied_by_licence'), 'ID card from the e-licence: 免提交');
    assert.equal(await mp.fire('onSubmit'), null, 'not submittable');

    // Back to the form; the values typed so far are in a draft that survives a restart.
    await mp.fire('onBack');
    assert.equal(mp.current().route, 'packages/apply/form/form');
    await setField(mp, 'tradeName', '　强记 ');
    assert.deepEqual(field(mp.current(), 'tradeName').errors, [], 'full-width spaces around a trade name are forgiven');
    const restarted = await launch(stub, { storage });
    await restarted.fire('onOpenItem', { dataset: { id: 'gz-individual-business' } });
    assert.equal(field(restarted.current(), 'tradeName').value, '强记');
    assert.match(restarted.current().data.draftNote, /草稿/);

    // Fix everything in the restarted app and attach the lease.
    await fillAll(restarted, INDIVIDUAL_BUSINESS);
    await restarted.fire('onMaterial', { dataset: { path: 'premisesProofSlot', via: 'upload' } });
    const f = restarted.current();
    assert.equal(field(f, 'capitalFen').value, 5000000, '５００００ yuan typed full-width is 5,000,000 fen');
    assert.equal(field(f, 'premisesDistrict').value, '440105');
    assert.equal(f.data.errorCount, 0, JSON.stringify(f.data.pages.flatMap((p) => p.fields.filter((x) => x.hasError).map((x) => [x.path, x.errors]))));

    await restarted.fire('onCheck');
    notice = restarted.current();
    assert.equal(notice.data.notice.ready, true, JSON.stringify(notice.data.notice.errorGroups));
    assert.equal(notice.data.notice.verdict, 'eligible');
    const age = notice.data.notice.conditions.find((c) => c.id === 'operatorAge');
    assert.equal(age.status, 'passed');
    assert.match(age.reason, /age\(operatorBirthDate\) 为 \d+/, 'the reason names the operator’s age');
    assert.equal(notice.data.notice.deadlines.length, 1);

    await restarted.fire('onSubmit');
    const receipt = restarted.current();
    assert.equal(receipt.route, 'packages/apply/receipt/receipt');
    const [r] = receipt.data.results;
    assert.equal(r.ok, true, r.problem);
    assert.match(r.number, RECEIPT_NUMBER);
    assert.equal(r.itemId, 'gz-individual-business');
    // Sent with the package digest as the Idempotency-Key; the draft is gone, the receipt kept.
    const post = restarted.requests.find((q) => q.method === 'POST' && q.url.endsWith('/api/v1/submissions') && q.status === 201);
    assert.match(post.header['Idempotency-Key'], /^[0-9a-f]{64}$/);
    assert.equal(post.data.claimedReady, true);
    assert.equal(post.data.itemId, 'gz-individual-business');

    await restarted.fire('onReceipts');
    const list = restarted.current();
    assert.equal(list.route, 'pages/receipts/receipts');
    assert.ok(list.data.receipts.some((x) => x.id === r.number), 'the stub lists the new case');
    assert.equal(list.data.pending, 0);

    // Sending the same package again (a retry after a lost answer) files nothing new.
    const submit = restarted.requireModule('/lib/submit.js');
    const sessions = restarted.requireModule('/lib/session.js');
    const [again] = await submit.submit(sessions.current(), { key: post.header['Idempotency-Key'], body: post.data });
    assert.equal(again.ok, true);
    assert.equal(again.replayed, true);
    assert.equal(again.receipt.receiptNumber, r.number);
  });

  test('告知承诺 instead of the lease; offline submission waits in the outbox and is sent later', async () => {
    const mp = await launch(stub);
    await loginAs(mp, 'wang-qiang-operator');
    await mp.fire('onOpenItem', { dataset: { id: 'gz-individual-business' } });
    await fillAll(mp, { tradeName: '强记', ...INDIVIDUAL_BUSINESS });
    // Declining the commitment changes nothing; accepting it records it.
    mp.modalAnswers.push(false, true);
    await mp.fire('onMaterial', { dataset: { path: 'premisesProofSlot', via: 'commitment' } });
    assert.equal(field(mp.current(), 'premisesProofSlot').givenVia, '');
    await mp.fire('onMaterial', { dataset: { path: 'premisesProofSlot', via: 'commitment' } });
    assert.equal(field(mp.current(), 'premisesProofSlot').givenVia, 'commitment');
    assert.equal(mp.modals.length, 2);
    assert.match(mp.modals[0].title, /承诺书/);
    assert.match(mp.modals[0].content, /本人承诺/, 'the commitment text is shown before signing');

    await mp.fire('onCheck');
    const notice = mp.current().data.notice;
    assert.equal(notice.ready, true, JSON.stringify(notice.errorGroups));
    assert.equal(notice.materials.find((m) => m.id === 'premisesProof').state, 'commitment_accepted');

    // The network drops: the submission stays in the outbox, the page says so, nothing is lost.
    const config = mp.requireModule('/lib/config.js');
    config.setApiBase('http://127.0.0.1:9');
    const [offline] = await mp.fire('onSubmit');
    assert.equal(offline.ok, false);
    assert.equal(offline.retry, true);
    assert.match(mp.current().data.serverMessage, /网络/);
    const submit = mp.requireModule('/lib/submit.js');
    assert.equal(submit.outbox().length, 1);

    // Back online, 我的办件 → 重新发送: the same key, one receipt, an empty outbox.
    config.setApiBase(stub.url.replace(/\/+$/, ''));
    await mp.fire('onBack');
    mp.navigate('navigateTo', '/pages/receipts/receipts');
    await mp.idle();
    assert.equal(mp.current().data.pending, 1);
    await mp.fire('onRetry');
    assert.equal(mp.current().data.pending, 0);
    assert.equal(submit.outbox().length, 0);
    const posts = mp.requests.filter((q) => q.method === 'POST' && q.url.endsWith('/api/v1/submissions'));
    assert.equal(posts[0].status, undefined, 'the first attempt never reached the stub');
    assert.equal(new Set(posts.map((q) => q.header['Idempotency-Key'])).size, 1, 'one key for every attempt');
    assert.equal(posts[posts.length - 1].status, 201);
    const number = submit.receipts('wang-qiang-operator')[0].receiptNumber;
    assert.ok(mp.current().data.receipts.some((x) => x.id === number));
  });

  test('a 法人 login cannot apply for it, and is told why', async () => {
    const mp = await launch(stub);
    await loginAs(mp, 'huang-ji-noodles');
    await mp.fire('onOpenItem', { dataset: { id: 'gz-individual-business' } });
    assert.match(mp.current().data.blocked, /面向自然人/);
    assert.deepEqual(mp.current().data.pages, []);
  });
});

describe('食品经营许可 (the business)', () => {
  test('prefilled from the business licence, completed, submitted, receipt', async () => {
    const mp = await launch(stub);
    await loginAs(mp, 'huang-ji-noodles');
    await mp.fire('onOpenItem', { dataset: { id: 'gz-food-business-licence' } });
    const form = mp.current();
    assert.equal(form.data.error, '');
    assert.equal(field(form, 'entityName').value, '广州市天河区黄记面馆');
    assert.equal(field(form, 'uscc').value, '92440106MA5D123456');
    assert.equal(field(form, 'uscc').readonly, true);
    await fillAll(mp, {
      contactName: '黄志明',
      premisesDistrict: '440106',
      premisesAddress: '广州市天河区示例路66号首层',
      premisesArea: '45',
      operatorCategory: 'catering',
      businessItems: ['hot_food', 'cold_food'],
      diningSeats: '24',
      safetyManagerName: '黄志明',
      safetyManagerIdNumber: '440106199605201531',
      safetyManagerMobile: '13600001111',
    });
    await mp.fire('onAddRow', { dataset: { group: 'foodHandlers' } });
    await fillAll(mp, {
      'foodHandlers[0].staffName': '黄志明',
      'foodHandlers[0].staffIdNumber': '440106199605201531',
      'foodHandlers[0].post': 'kitchen',
      'foodHandlers[0].healthCertNo': 'JK2026088',
      'foodHandlers[0].healthCertValidTo': '2027-09-30',
      declaration: true,
      signature: '黄志明',
    });
    await mp.fire('onMaterial', { dataset: { path: 'floorPlanSlot', via: 'upload' } });
    await mp.fire('onMaterial', { dataset: { path: 'safetyRulesSlot', via: 'upload' } });
    assert.equal(mp.current().data.errorCount, 0);
    await mp.fire('onCheck');
    const notice = mp.current().data.notice;
    assert.equal(notice.ready, true, JSON.stringify(notice.errorGroups));
    assert.ok(notice.materials.some((m) => m.id === 'businessLicence' && m.state === 'satisfied_by_licence'), '营业执照 from the e-licence');
    await mp.fire('onSubmit');
    const [r] = mp.current().data.results;
    assert.equal(r.ok, true, r.problem);
    assert.match(r.number, RECEIPT_NUMBER);
  });
});

describe('开办餐馆一件事', () => {
  test('one merged form, one notice with what the merge saved, filed item by item', async () => {
    const storage = new WxStorage();
    const mp = await launch(stub, { storage });
    await loginAs(mp, 'wang-qiang-operator');
    await mp.fire('onOpenBundle', { dataset: { id: 'open-restaurant' } });
    const page = mp.current();
    assert.equal(page.route, 'packages/apply/bundle/bundle');
    assert.equal(page.data.error, '');
    assert.match(page.data.audienceNote, /食品经营许可（新办）”面向法人/, 'the operator is told which item needs the business');
    const paths = page.data.pages.flatMap((p) => p.fields.map((f) => f.path));
    assert.equal(paths.filter((p) => p === 'premisesAddress').length, 1, 'a shared fact is asked once');
    assert.ok(!paths.includes('legalRepName'), 'the food licence’s legal representative is the operator, already asked');
    await fillAll(mp, {
      tradeName: '强记',
      industryTerm: '餐饮',
      orgForm: 'restaurant',
      premisesUse: 'rented',
      premisesDistrict: '440105',
      premisesAddress: '广州市海珠区示例路20号首层',
      mainIndustry: 'catering',
      businessScope: '餐饮服务',
      capitalFen: '50000',
      employeeCount: '3',
      entityName: '广州市海珠区强记餐饮店',
      uscc: '92440105MA5D65432F',
      contactName: '王强',
      premisesArea: '60',
      operatorCategory: 'catering',
      businessItems: ['hot_food'],
      diningSeats: '20',
      safetyManagerName: '王强',
      safetyManagerIdNumber: '440103198503091112',
      safetyManagerMobile: '13712345678',
      declaration: true,
      signature: '王强',
    });
    await mp.fire('onAddRow', { dataset: { group: 'foodHandlers' } });
    await fillAll(mp, {
      'foodHandlers[0].staffName': '王强',
      'foodHandlers[0].staffIdNumber': '440103198503091112',
      'foodHandlers[0].post': 'kitchen',
      'foodHandlers[0].healthCertNo': 'JK2026001',
      'foodHandlers[0].healthCertValidTo': '2027-06-30',
    });
    for (const slot of ['premisesProofSlot', 'floorPlanSlot', 'safetyRulesSlot']) await mp.fire('onMaterial', { dataset: { path: slot, via: 'upload' } });
    assert.equal(mp.current().data.errorCount, 0, JSON.stringify(mp.current().data.pages.flatMap((p) => p.fields.filter((x) => x.hasError || (x.rows || []).length).map((x) => [x.path, x.errors, (x.rows || []).map((r) => r.fields.filter((c) => c.hasError).map((c) => [c.path, c.errors]))]))));

    // The merged draft comes back after a restart, listed on the home page.
    const restarted = await launch(stub, { storage });
    assert.ok(restarted.current().data.drafts.some((d) => d.target === 'open-restaurant' && d.kind === 'bundle'));
    await restarted.fire('onOpenDraft', { dataset: { target: 'open-restaurant', kind: 'bundle' } });
    assert.match(restarted.current().data.draftNote, /草稿/);
    assert.equal(field(restarted.current(), 'entityName').value, '广州市海珠区强记餐饮店');
    assert.equal(field(restarted.current(), 'foodHandlers[0].healthCertNo').value, 'JK2026001');

    await mp.fire('onCheck');
    const notice = mp.current().data.notice;
    assert.equal(notice.kind, 'bundle');
    assert.equal(notice.ready, true, JSON.stringify(notice.errorGroups));
    assert.ok(notice.saved.fields > 0, 'the merge saved fields');
    assert.ok(notice.saved.materials > 0, 'the merge saved materials');
    assert.ok(notice.materials.some((m) => m.item === 'gz-food-business-licence' && m.id === 'businessLicence' && m.state === 'satisfied_by_licence'), '营业执照 comes from the first item');
    assert.equal(notice.deadlines.length, 2);

    await mp.fire('onSubmit');
    const results = mp.current().data.results;
    assert.equal(mp.current().route, 'packages/apply/receipt/receipt');
    const posts = mp.requests.filter((q) => q.method === 'POST' && q.url.endsWith('/api/v1/submissions'));
    assert.equal(posts[0].data.bundleId, 'open-restaurant', 'the bundle is sent whole, as the core checked it');
    assert.equal(posts[0].header['Idempotency-Key'], notice.idempotencyKey);
    if (posts[0].status === 201) {
      // A stub that files bundles: one case, one 受理编号.
      assert.deepEqual(results.map((r) => [r.itemId, r.ok]), [['open-restaurant', true]]);
      assert.match(results[0].number, RECEIPT_NUMBER);
    } else {
      // A stub of the first API version (no bundles: 400) gets the items one by one; it files the
      // food licence only for a 法人, and the operator's business does not exist yet.
      assert.equal(posts[0].status, 400);
      assert.deepEqual(results.map((r) => r.itemId), ['gz-individual-business', 'gz-food-business-licence']);
      assert.equal(results[0].ok, true, results[0].problem);
      assert.match(results[0].number, RECEIPT_NUMBER);
      assert.equal(results[1].ok, false);
      assert.ok(results[1].problems.some((p) => /不面向自然人/.test(p)), JSON.stringify(results[1]));
    }
  });
});
