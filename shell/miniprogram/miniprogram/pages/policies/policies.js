// 政策兑现 / 免申即享: the core matches the catalogue's policies against this business's profile
// (the back office's copy: /me and /me/licences) on today's date; every policy comes with the
// conditions it was judged on and why each holds or fails.
'use strict';

const services = require('../../lib/services.js');
const { policiesView } = require('../../lib/policies.js');

Page({
  data: { loading: true, error: '', name: '', today: '', matched: [], notMatched: [], showNotMatched: false },

  onLoad() {
    return this.refresh();
  },

  async refresh() {
    try {
      const { catalog, profile, session, today } = await services.ready();
      const view = policiesView(catalog.compiled.matchPolicies(profile, { today }));
      this.setData({ loading: false, name: session.identity.displayName, today, matched: view.matched, notMatched: view.notMatched });
    } catch (e) {
      this.setData({ loading: false, error: services.messageOf(e) });
    }
  },

  onToggleNotMatched() {
    this.setData({ showNotMatched: !this.data.showNotMatched });
  },
});
