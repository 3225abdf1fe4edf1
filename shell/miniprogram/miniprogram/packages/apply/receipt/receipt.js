// 受理回执: the receipt numbers (受理编号) the back office issued, with status, the promised
// completion date and any 容缺 material owed; for a bundle, one per member item.
'use strict';

Page({
  data: { results: [] },

  onLoad() {
    const last = getApp().globalData.lastSubmission;
    const results = ((last && last.results) || []).map((r) => ({
      itemId: r.itemId,
      ok: r.ok,
      number: r.ok ? r.receipt.receiptNumber : '',
      status: r.ok ? r.receipt.statusZh || r.receipt.status : '',
      receivedOn: r.ok ? r.receipt.receivedOn : '',
      promisedDate: r.ok ? r.receipt.promisedDate : '',
      replayed: !!r.replayed,
      owed: r.ok ? (r.receipt.deferredMaterials || []).map((m) => `${m.materialId}（${m.dueDate}前）`).join('、') : '',
      problem: r.ok ? '' : r.zh,
      problems: r.ok ? [] : (r.problems || []).map((p) => p.zh),
    }));
    this.setData({ results });
  },

  onHome() {
    wx.reLaunch({ url: '/pages/home/home' });
  },

  onReceipts() {
    wx.redirectTo({ url: '/pages/receipts/receipts' });
  },
});
