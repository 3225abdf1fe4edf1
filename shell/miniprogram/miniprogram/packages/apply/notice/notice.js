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

  async onSubmit() {
    if (this.data.submitting || !this.data.notice || !this.data.notice.ready) return null;
    this.setData({ submitting: true, serverProblems: [], serverMessage: '' });
    const ctx = await services.ready();
    const p = this.pending;
    const notice = p.notice;
    // The application exactly as the core checked it, under the digest of its canonical package.
    const body =
      p.kind === 'item'
        ? { itemId: p.itemId, revision: p.application.revision, answers: p.application.answers, materials: p.application.materials, claimedReady: !!notice.ready }
        : { bundleId: p.bundleId, answers: p.application.answers, materials: p.application.materials, claimedReady: !!notice.ready };
    // For a stub of the first API version: one body per item, materials as [{id, via}].
    const legacy =
      p.kind === 'item'
        ? [{ key: notice.idempotencyKey, body: { itemId: p.itemId, answers: p.application.answers, materials: submit.materialsFromNotice(notice, p.itemId), claimedReady: !!notice.ready } }]
        : notice.items.map((it) => ({
            key: it.idempotencyKey,
            body: { itemId: it.id, answers: itemAnswers(p.aliases, it.id, p.application.answers), materials: submit.materialsFromNotice(notice, it.id), claimedReady: !!it.ready },
          }));
    const results = await submit.submit(ctx.session, { key: notice.idempotencyKey, body, legacy });
    const accepted = results.filter((r) => r.ok);
    if (accepted.length === results.length) drafts.remove(ctx.session.identity.id, p.kind === 'item' ? p.itemId : p.bundleId);
    getApp().globalData.lastSubmission = { kind: p.kind, results };
    const failed = results.find((r) => !r.ok);
    this.setData({
      submitting: false,
      results: results.map((r) => ({ itemId: r.itemId, ok: r.ok, number: r.ok ? r.receipt.receiptNumber : '', zh: r.ok ? '' : r.zh })),
      serverMessage: failed ? failed.zh : '',
      serverProblems: failed ? (failed.problems || []).map((x) => ({ path: `${x.item || ''}/${x.path}`, zh: x.zh })) : [],
    });
    if (accepted.length) wx.redirectTo({ url: '/packages/apply/receipt/receipt' });
    return results;
  },
});
