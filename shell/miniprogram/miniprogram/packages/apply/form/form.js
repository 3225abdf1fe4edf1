// 填写申请 for one item: a core form session per page visit; each change sends one path and one
// value to the core and redraws from the states it answers. The draft is saved to wx storage on
// every change; 一次性告知 runs the core's whole submission check and opens the notice page.
'use strict';

const services = require('../../../lib/services.js');
const formModel = require('../../../lib/form-model.js');
const drafts = require('../../../lib/drafts.js');
const { generatedMaterials } = require('../../../lib/submit.js');
const { audienceFits } = require('../../../lib/catalog.js');
const actions = require('./field-actions.js');

Page({
  data: { loading: true, error: '', blocked: '', title: '', pages: [], errorCount: 0, draftNote: '' },

  onLoad(query) {
    this.itemId = query.item;
    return this.open();
  },

  onUnload() {
    if (this.form) this.form.free();
    this.form = null;
  },

  async open() {
    try {
      const ctx = await services.ready();
      const item = ctx.catalog.item(this.itemId);
      if (!item) throw Object.assign(new Error('no item'), { zh: '未找到该事项。' });
      this.ctx = ctx;
      this.item = item;
      if (!audienceFits(item, [ctx.session.identity.kind])) {
        this.setData({
          loading: false,
          title: item.name.zh,
          blocked: `本事项面向${item.audience.join('、')}办理，当前登录身份为${ctx.session.identity.kind}。请退出后以相应身份登录。`,
        });
        return;
      }
      const saved = drafts.load(ctx.session.identity.id, item.id);
      const draft = saved ? { item: item.id, revision: saved.revision, answers: saved.answers } : undefined;
      this.form = ctx.catalog.compiled.openForm(item.id, { today: ctx.today, profile: ctx.profile, draft });
      this.states = formModel.statesMap(this.form.opened.states);
      this.materials = {};
      for (const m of this.form.materials()) this.materials[m.id] = m;
      const report = this.form.opened.draft;
      this.setData({
        loading: false,
        title: item.name.zh,
        draftNote: saved ? `已恢复 ${saved.savedOn} 保存的草稿${report && report.dropped && report.dropped.length ? `（${report.dropped.length} 项因事项更新未能保留）` : ''}` : '',
      });
      this.redraw();
    } catch (e) {
      if (e.name === 'NotLoggedInError') {
        wx.reLaunch({ url: '/pages/login/login' });
        return;
      }
      this.setData({ loading: false, error: services.messageOf(e) });
    }
  },

  redraw() {
    const pages = formModel.buildPages(this.item, this.states, this.materials);
    this.setData({ pages, errorCount: pages.reduce((n, p) => n + p.errorCount, 0) });
  },

  // Applies one value and keeps the draft. Returns the core's answer (for tests and callers).
  apply(path, value) {
    const res = this.form.set(path, value);
    if (res.ok) {
      formModel.statesMap(res.changed, this.states);
    } else if (res.error) {
      const s = this.states[path] || { path, errors: [] };
      this.states[path] = Object.assign({}, s, { errors: [{ code: res.error.code, zh: res.error.zh }] });
    }
    // Materials that apply depend on the answers (情形): refresh them with the states.
    this.materials = {};
    for (const m of this.form.materials()) this.materials[m.id] = m;
    this.redraw();
    this.saveDraft();
    return res;
  },

  refreshAll() {
    this.states = formModel.statesMap(this.form.states());
    this.redraw();
    this.saveDraft();
  },

  saveDraft() {
    const d = this.form.draft();
    try {
      drafts.save(this.ctx.session.identity.id, {
        kind: 'item',
        target: this.item.id,
        revision: d.revision,
        answers: d.answers,
        savedOn: this.ctx.today,
      });
    } catch (e) {
      wx.showToast({ title: e.zh || '草稿未能保存', icon: 'none' });
    }
  },

  // Every input, picker, radio group, checkbox group and switch of the form lands here.
  onFieldChange(e) {
    const path = e.currentTarget.dataset.path;
    const field = formModel.fieldAt(this.item, path);
    if (!field) return null;
    return this.apply(path, formModel.toValue(field, e.detail.value));
  },

  onMaterial(e) {
    return actions.provideMaterial(this, e.currentTarget.dataset.path, e.currentTarget.dataset.via);
  },

  onAddRow(e) {
    this.form.addRow(e.currentTarget.dataset.group);
    this.refreshAll();
  },

  onRemoveRow(e) {
    this.form.removeRow(e.currentTarget.dataset.group, Number(e.currentTarget.dataset.index));
    this.refreshAll();
  },

  // 一次性告知: the whole check, then the notice page (which submits when it says ready).
  onCheck() {
    const d = this.form.draft();
    const application = {
      item: this.item.id,
      revision: d.revision,
      answers: this.form.answers(),
      materials: generatedMaterials(this.item),
    };
    const ctx = this.ctx;
    const notice = ctx.catalog.compiled.checkItem(this.item.id, application, { today: ctx.today, profile: ctx.profile });
    getApp().globalData.pending = { kind: 'item', itemId: this.item.id, application, notice };
    wx.navigateTo({ url: `/packages/apply/notice/notice?item=${this.item.id}` });
    return notice;
  },
});
