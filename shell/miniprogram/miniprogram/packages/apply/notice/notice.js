// 一次性告知单: everything the core found, at once — field errors by page, each acceptance
// condition with its reason, each material's state, trips, the promised date — and, when it
// says ready, 提交: the canonical package's digest is the Idempotency-Key, the stub re-checks
// with the same core and answers a receipt (受理编号), or its own notice when it disagrees.
'use strict';

const services = require('../../../lib/services.js');
const { noticeView } = require('../../../lib/notice.js');
const submit = require('../../../lib/submit.js');
const drafts = require('../../../lib/drafts.js');
const { itemAnswers } = require('../../../lib/bundle.js');

Page({
  data: { notice: null, submitting: false, serverProblems: [], serverMessage: '', results: [] },

  onLoad() {
    this.pending = getApp().globalData.pending;
    if (!this.pending) {
      this.setData({ notice: { ok: false, error: '没有待检查的申请，请返回重新填写。' } });
      return;
    }
    this.setData({ notice: noticeView(this.pending.notice) });
  },

  onBack() {
    wx.navigateBack({ delta: 1 });
  },

  // One item: the package digest from the core, then POST with it as the Idempotency-Key.
  async submitItem(ctx, itemId, application, notice) {
    const pkg = ctx.catalog.compiled.checkPackage(itemId, application, { today: ctx.today, profile: ctx.profile });
    return submit.submit(ctx.session, {
      itemId,
      answers: application.answers,
      materials: submit.materialsFromNotice(notice, itemId),
      claimedReady: !!notice.ready,
      key: pkg.digest || notice.idempotencyKey,
    });
  },

  async onSubmit() {
    if (this.data.submitting || !this.data.notice || !this.data.notice.ready) return null;
    this.setData({ submitting: true, serverProblems: [], serverMessage: '' });
    const ctx = await services.ready();
    const p = this.pending;
    const results = [];
    if (p.kind === 'item') {
      results.push(Object.assign({ itemId: p.itemId }, await this.submitItem(ctx, p.itemId, p.application, p.notice)));
    } else {
      // A bundle is filed item by item, in the bundle's order, each under the key the bundle
      // check gave it: the stub has no bundle endpoint (see the README).
      for (const it of p.notice.items) {
        const answers = itemAnswers(p.aliases, it.id, p.application.answers);
        const body = { itemId: it.id, answers, materials: submit.materialsFromNotice(p.notice, it.id), claimedReady: !!it.ready, key: it.idempotencyKey };
        results.push(Object.assign({ itemId: it.id }, await submit.submit(ctx.session, body)));
      }
    }
    const accepted = results.filter((r) => r.ok);
    if (accepted.length === results.length) drafts.remove(ctx.session.identity.id, p.kind === 'item' ? p.itemId : p.bundleId);
    getApp().globalData.lastSubmission = { kind: p.kind, results };
    const failed = results.find((r) => !r.ok);
    this.setData({
      submitting: false,
      results: results.map((r) => ({ itemId: r.itemId, ok: r.ok, number: r.ok ? r.receipt.receiptNumber : '', zh: r.ok ? '' : r.zh })),
      serverMessage: failed ? failed.zh : '',
      serverProblems: failed && failed.notice ? failed.notice.problems.map((x) => ({ path: x.path, zh: x.zh })) : [],
    });
    if (accepted.length) wx.redirectTo({ url: '/packages/apply/receipt/receipt' });
    return results;
  },
});
