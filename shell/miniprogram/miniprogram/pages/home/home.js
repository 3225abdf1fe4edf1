// 首页: who is logged in, the items and 一件事 for businesses, saved drafts, and the way to
// 政策兑现 and 我的办件.
'use strict';

const services = require('../../lib/services.js');
const sessions = require('../../lib/session.js');
const drafts = require('../../lib/drafts.js');
const { audienceFits } = require('../../lib/catalog.js');

Page({
  data: { loading: true, error: '', who: null, items: [], bundles: [], drafts: [] },

  onLoad() {
    return this.refresh();
  },

  onShow() {
    if (!this.data.loading && this.data.who) this.setData({ drafts: this.draftList(this.data.who.id) });
  },

  draftList(identityId) {
    return drafts.list(identityId).map((d) => ({ target: d.target, kind: d.kind, savedOn: d.savedOn || '' }));
  },

  async refresh() {
    try {
      const { catalog, session, me } = await services.ready();
      const kind = session.identity.kind;
      const { items, bundles } = catalog.entries();
      this.setData({
        loading: false,
        who: {
          id: session.identity.id,
          name: session.identity.displayName,
          kind,
          number: session.identity.number,
          isBusiness: kind === '法人',
          orgType: (me.applicant && me.applicant.orgType) || '',
        },
        items: items.map((i) => ({
          id: i.id,
          name: i.name.zh,
          department: i.department.name.zh,
          fits: audienceFits(i, [kind]),
          audience: (i.audience || []).join('、'),
          visits: i.visits,
        })),
        bundles: bundles.map((b) => ({ id: b.id, name: b.name.zh, description: (b.description && b.description.zh) || '' })),
        drafts: this.draftList(session.identity.id),
      });
    } catch (e) {
      if (e.name === 'NotLoggedInError') {
        wx.redirectTo({ url: '/pages/login/login' });
        return;
      }
      this.setData({ loading: false, error: services.messageOf(e) });
    }
  },

  onOpenItem(e) {
    wx.navigateTo({ url: `/packages/apply/form/form?item=${e.currentTarget.dataset.id}` });
  },

  onOpenBundle(e) {
    wx.navigateTo({ url: `/packages/apply/bundle/bundle?bundle=${e.currentTarget.dataset.id}` });
  },

  onOpenDraft(e) {
    const { target, kind } = e.currentTarget.dataset;
    const url = kind === 'bundle' ? `/packages/apply/bundle/bundle?bundle=${target}` : `/packages/apply/form/form?item=${target}`;
    wx.navigateTo({ url });
  },

  onPolicies() {
    wx.navigateTo({ url: '/pages/policies/policies' });
  },

  onReceipts() {
    wx.navigateTo({ url: '/pages/receipts/receipts' });
  },

  onLogout() {
    sessions.logout();
    services.forgetProfiles();
    wx.reLaunch({ url: '/pages/login/login' });
  },
});
