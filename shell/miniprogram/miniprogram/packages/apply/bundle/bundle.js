// 一件事 (e.g. 开办餐馆一件事): one merged form for all member items. Each member item keeps a
// core form session; a fact shared between items (same id or shareKey) is asked once, on the
// first item that asks it, and every value is passed on to the other items' sessions.
// 一次性告知 runs the core's bundle check: one notice for everything, with what the merge saved.
'use strict';

const services = require('../../../lib/services.js');
const formModel = require('../../../lib/form-model.js');
const drafts = require('../../../lib/drafts.js');
const { generatedMaterials } = require('../../../lib/submit.js');
const { mergeFields, targetsOf } = require('../../../lib/bundle.js');

// "familyMembers[0].memberName" → "familyMembers"
function topId(path) {
  return String(path).split(/[[.]/)[0];
}

Page({
  data: { loading: true, error: '', blocked: '', audienceNote: '', title: '', description: '', pages: [], errorCount: 0, draftNote: '' },

  onLoad(query) {
    this.bundleId = query.bundle;
    return this.open();
  },

  onUnload() {
    for (const s of Object.values(this.sessions || {})) s.form.free();
    this.sessions = null;
  },

  async open() {
    try {
      const ctx = await services.ready();
      const bundle = ctx.catalog.bundle(this.bundleId);
      if (!bundle) throw Object.assign(new Error('no bundle'), { zh: '未找到该一件事。' });
      this.ctx = ctx;
      this.bundle = bundle;
      const { merged, aliases } = mergeFields(ctx.catalog, bundle);
      this.merged = merged;
      this.aliases = aliases;
      this.owner = {};
      for (const m of merged) this.owner[m.field.id] = m.item;
      const saved = drafts.load(ctx.session.identity.id, bundle.id);
      this.sessions = {};
      for (const entry of bundle.items) {
        const item = ctx.catalog.item(entry.item);
        const form = ctx.catalog.compiled.openForm(item.id, { today: ctx.today, profile: ctx.profile });
        this.sessions[item.id] = { item, form, states: formModel.statesMap(form.opened.states), materials: {} };
      }
      // Pass every known fact (prefilled, or from the draft) to the items that share it.
      const start = Object.assign({}, this.answers(), (saved && saved.answers) || {});
      for (const id of Object.keys(start)) if (start[id] !== null && start[id] !== undefined) this.setEverywhere(id, start[id]);
      // Members this identity cannot file itself (个体工商户设立 is for the operator in person).
      const kind = ctx.session.identity.kind;
      const others = bundle.items
        .map((e) => ctx.catalog.item(e.item))
        .filter((item) => item && !(item.audience || []).includes(kind))
        .map((item) => `“${item.name.zh}”面向${item.audience.join('、')}`);
      this.setData({
        loading: false,
        audienceNote: others.length ? `${others.join('；')}，以当前身份（${kind}）提交时将不被受理。` : '',
        title: bundle.name.zh,
        description: (bundle.description && bundle.description.zh) || '',
        draftNote: saved ? `已恢复 ${saved.savedOn} 保存的草稿` : '',
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

  // The merged answers: each merged field's value from the session of the item that owns it.
  answers() {
    const out = {};
    for (const itemId of Object.keys(this.sessions)) {
      const a = this.sessions[itemId].form.answers();
      for (const fieldId of Object.keys(a)) {
        const mergedId = this.aliases[itemId][fieldId];
        if (mergedId && this.owner[mergedId] === itemId) out[mergedId] = a[fieldId];
      }
    }
    return out;
  },

  // Sets a merged path in every member session that asks the fact. Returns the owner's answer.
  setEverywhere(path, value) {
    const id = topId(path);
    let ownerResult = null;
    for (const t of targetsOf(this.aliases, id)) {
      const s = this.sessions[t.itemId];
      const state = s.states[t.fieldId];
      // A read-only field (authoritative prefill, computed) keeps its own value in every item.
      if (state && state.readonly) continue;
      const p = t.fieldId + String(path).slice(id.length);
      const res = s.form.set(p, value);
      if (res.ok) formModel.statesMap(res.changed, s.states);
      if (t.itemId === this.owner[id]) {
        ownerResult = res;
        if (!res.ok && res.error) s.states[p] = Object.assign({}, s.states[p] || { path: p }, { errors: [{ code: res.error.code, zh: res.error.zh }] });
      }
    }
    return ownerResult;
  },

  redraw() {
    const pages = [];
    let errorCount = 0;
    for (const entry of this.bundle.items) {
      const s = this.sessions[entry.item];
      s.materials = {};
      for (const m of s.form.materials()) s.materials[m.id] = m;
      const mine = this.merged.filter((m) => m.item === s.item.id);
      const synthetic = {
        form: {
          pages: s.item.form.pages
            .map((p) => ({ id: p.id, title: p.title, fields: mine.filter((m) => m.page === p).map((m) => m.field) }))
            .filter((p) => p.fields.length),
        },
      };
      for (const p of formModel.buildPages(synthetic, s.states, s.materials)) {
        errorCount += p.errorCount;
        pages.push(Object.assign(p, { id: `${s.item.id}/${p.id}`, itemName: s.item.name.zh }));
      }
    }
    this.setData({ pages, errorCount });
  },

  saveDraft() {
    try {
      drafts.save(this.ctx.session.identity.id, { kind: 'bundle', target: this.bundle.id, answers: this.answers(), savedOn: this.ctx.today });
    } catch (e) {
      wx.showToast({ title: e.zh || '草稿未能保存', icon: 'none' });
    }
  },

  apply(path, value) {
    const res = this.setEverywhere(path, value);
    this.redraw();
    this.saveDraft();
    return res;
  },

  fieldOf(path) {
    const owner = this.owner[topId(path)];
    return owner ? formModel.fieldAt(this.sessions[owner].item, path) : null;
  },

  onFieldChange(e) {
    const path = e.currentTarget.dataset.path;
    const field = this.fieldOf(path);
    if (!field) return null;
    return this.apply(path, formModel.toValue(field, e.detail.value));
  },

  onMaterial(e) {
    const { path, via } = e.currentTarget.dataset;
    if (via === 'clear') return this.apply(path, null);
    if (via === 'upload') {
      return new Promise((resolve) => {
        wx.chooseMessageFile({
          count: 1,
          type: 'file',
          success: (res) => resolve(this.apply(path, { via: 'upload', refs: [res.tempFiles[0].name || res.tempFiles[0].path] })),
          fail: () => resolve(null),
        });
      });
    }
    if (via === 'deferred' || via === 'commitment') return this.apply(path, { via });
    return null;
  },

  onRowChange(group, fn) {
    for (const t of targetsOf(this.aliases, group)) {
      const s = this.sessions[t.itemId];
      fn(s.form, t.fieldId);
      s.states = formModel.statesMap(s.form.states());
    }
    this.redraw();
    this.saveDraft();
  },

  onAddRow(e) {
    this.onRowChange(e.currentTarget.dataset.group, (form, id) => form.addRow(id));
  },

  onRemoveRow(e) {
    const index = Number(e.currentTarget.dataset.index);
    this.onRowChange(e.currentTarget.dataset.group, (form, id) => form.removeRow(id, index));
  },

  onCheck() {
    const materials = {};
    for (const entry of this.bundle.items) materials[entry.item] = generatedMaterials(this.sessions[entry.item].item);
    const application = { answers: this.answers(), materials };
    const ctx = this.ctx;
    const notice = ctx.catalog.compiled.checkBundle(this.bundle.id, application, { today: ctx.today, profile: ctx.profile });
    getApp().globalData.pending = { kind: 'bundle', bundleId: this.bundle.id, application, aliases: this.aliases, notice };
    wx.navigateTo({ url: `/packages/apply/notice/notice?bundle=${this.bundle.id}` });
    return notice;
  },
});
