// 登录: pick a test identity. Businesses (法人) log in with their 统一社会信用代码; someone about
// to open a business (个体工商户设立 is applied for by the operator in person) logs in as a person.
'use strict';

const sessions = require('../../lib/session.js');
const services = require('../../lib/services.js');

Page({
  data: { loading: true, error: '', businesses: [], operators: [] },

  onLoad() {
    if (sessions.current()) {
      wx.redirectTo({ url: '/pages/home/home' });
      return;
    }
    return this.refresh();
  },

  async refresh() {
    this.setData({ loading: true, error: '' });
    try {
      const { businesses, operators } = await sessions.listIdentities();
      this.setData({
        loading: false,
        businesses: businesses.map((i) => ({ id: i.id, name: i.displayName, number: i.number })),
        operators: operators.map((i) => ({ id: i.id, name: i.displayName, number: maskId(i.number) })),
      });
    } catch (e) {
      this.setData({ loading: false, error: services.messageOf(e) });
    }
  },

  async onLogin(e) {
    const id = e.currentTarget.dataset.id;
    wx.showLoading({ title: '登录中' });
    try {
      services.forgetProfiles();
      await sessions.login(id);
      wx.hideLoading();
      wx.redirectTo({ url: '/pages/home/home' });
    } catch (err) {
      wx.hideLoading();
      this.setData({ error: services.messageOf(err) });
    }
  },
});

// A person's ID number is not shown in full on a login list: 4401**********1112.
function maskId(number) {
  const n = String(number || '');
  return n.length > 8 ? `${n.slice(0, 4)}${'*'.repeat(n.length - 8)}${n.slice(-4)}` : n;
}
