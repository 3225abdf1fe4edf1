// 我的办件: the receipts the back office holds for this identity, plus anything still in the
// outbox (sent while offline) with a button to send it again under the same Idempotency-Key.
'use strict';

const services = require('../../lib/services.js');
const submit = require('../../lib/submit.js');

function receiptView(r) {
  return {
    id: r.receiptNumber || r.id,
    itemId: r.itemId,
    status: r.statusZh || r.status,
    receivedOn: r.receivedOn,
    promisedDate: r.promisedDate,
    owed: (r.deferredMaterials || []).filter((m) => !m.suppliedOn).map((m) => `${m.materialId}（${m.dueDate}前）`).join('、'),
  };
}

Page({
  data: { loading: true, error: '', receipts: [], pending: 0 },

  onLoad() {
    return this.refresh();
  },

  async refresh() {
    try {
      const { session } = await services.ready();
      let list;
      try {
        list = await submit.fetchReceipts(session);
      } catch (e) {
        if (e.type !== 'network') throw e;
        list = submit.receipts(session.identity.id); // offline: what this phone kept
      }
      const pending = submit.outbox().filter((x) => x.owner === session.identity.id).length;
      this.setData({ loading: false, receipts: list.map(receiptView), pending });
    } catch (e) {
      this.setData({ loading: false, error: services.messageOf(e) });
    }
  },

  async onRetry() {
    const { session } = await services.ready();
    await submit.flushOutbox(session);
    return this.refresh();
  },
});
