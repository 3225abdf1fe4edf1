// One application in progress — a single item or a 一件事 bundle — held in the core's form
// sessions (one per member item). The core decides every field state, error and the notice;
// this module only routes values to it, keeps the draft, and hands the pages what to render.
//
// Bundles: each member item has its own session; a shared fact (same shareKey) is shown once, in
// the first member that asks it, and the value is passed to every member session that asks it.
// The merged check (check.bundle) is the core's, as is the list of what the merge saved.
import { markRaw, reactive } from 'vue';

import { localToday } from './core.js';
import { drafts } from './persist.js';
import { app, findBundle, findItem } from './store.js';

const draftId = (kind, id) => `${app.session?.identity?.id ?? 'anonymous'}.${kind}.${id}`;

// The renderable pages of the application: [{key, item, title, fields: [{field, item, shared}]}]
function buildPages(memberIds) {
  const seenShare = new Map();  // shareKey → owning item id
  const pages = [];
  const shareTargets = new Map();  // `${item}:${fieldId}` → [{item, path}] that receive the value
  for (const itemId of memberIds) {
    const item = findItem(itemId);
    for (const page of item?.form?.pages ?? []) {
      const fields = [];
      for (const field of page.fields) {
        if (field.shareKey && seenShare.has(field.shareKey)) {
          const owner = seenShare.get(field.shareKey);
          const key = `${owner.item}:${owner.field}`;
          if (!shareTargets.has(key)) shareTargets.set(key, []);
          shareTargets.get(key).push({ item: itemId, path: field.id });
          continue;
        }
        if (field.shareKey) seenShare.set(field.shareKey, { item: itemId, field: field.id });
        fields.push({ field, item: itemId });
      }
      if (fields.length) {
        pages.push({ key: `${itemId}/${page.id}`, item: itemId, itemName: item.name, title: page.title, fields });
      }
    }
  }
  return { pages, shareTargets };
}

export function openApplication(kind, id) {
  const core = app.core;
  const today = localToday();
  const bundle = kind === 'bundle' ? findBundle(id) : null;
  const memberIds = bundle ? bundle.items.map((entry) => entry.item) : [id];
  const key = draftId(kind, id);
  const saved = drafts.get(key);
  const { pages, shareTargets } = buildPages(memberIds);

  const state = reactive({
    kind,
    id,
    title: bundle ? bundle.name : findItem(id)?.name,
    pages,
    states: {},  // `${item}:${path}` → the core's field state
    restored: !!saved,
    savedAt: saved?.savedAt ?? null,
    saving: false,  // a draft write not yet in IndexedDB
    materials: saved?.materials ?? {},  // {itemId: {materialId: {via, refs}}}
    notice: null,
    page: saved?.page ?? 0,
  });

  const sessions = {};
  for (const itemId of memberIds) {
    const options = { today, profile: app.profile ?? {} };
    if (saved?.sessions?.[itemId]) options.draft = saved.sessions[itemId];
    sessions[itemId] = markRaw(core.form.open(app.catalog, itemId, options));
    for (const s of sessions[itemId].initialStates ?? sessions[itemId].states()) {
      state.states[`${itemId}:${s.path}`] = s;
    }
  }

  // Shared facts already known (prefilled, or from the draft) reach the later members too.
  for (const [owner, targets] of shareTargets) {
    const value = state.states[owner]?.value;
    if (value == null) continue;
    for (const target of targets) absorbInto(target.item, sessions[target.item].set(target.path, value));
  }

  function absorbInto(itemId, result) {
    if (result?.ok) for (const s of result.changed) state.states[`${itemId}:${s.path}`] = s;
  }

  function absorb(itemId, result) {
    if (!result?.ok) return result;
    for (const s of result.changed) state.states[`${itemId}:${s.path}`] = s;
    return result;
  }

  // "草稿已保存" only once the write is in IndexedDB (the latest write: earlier ones may finish
  // while a newer one is still on its way).
  let saves = 0;
  function save() {
    const out = { sessions: {}, materials: state.materials, page: state.page };
    for (const [itemId, session] of Object.entries(sessions)) out.sessions[itemId] = session.draft();
    const mine = ++saves;
    state.saving = true;
    drafts.put(key, out).then(
      () => {
        if (mine !== saves) return;
        state.saving = false;
        state.savedAt = new Date().toISOString();
      },
      (error) => {
        if (mine === saves) state.saving = false;
        console.warn('haoban: the draft is kept in memory only:', error.message);
      },
    );
  }

  // Passes one value to the core (and to members that share the fact); returns the result.
  function set(itemId, path, value) {
    const result = absorb(itemId, sessions[itemId].set(path, value));
    const topLevel = path.split('[')[0];
    for (const target of shareTargets.get(`${itemId}:${topLevel}`) ?? []) {
      if (target.path === topLevel && !path.includes('[')) absorb(target.item, sessions[target.item].set(target.path, value));
    }
    save();
    return result;
  }

  function addRow(itemId, group) {
    const result = absorb(itemId, sessions[itemId].addRow(group));
    save();
    return result;
  }

  function removeRow(itemId, group, index) {
    // Row paths shift: take every state afresh from the core.
    const result = sessions[itemId].removeRow(group, index);
    for (const k of Object.keys(state.states)) if (k.startsWith(`${itemId}:${group}[`)) delete state.states[k];
    for (const s of sessions[itemId].states()) state.states[`${itemId}:${s.path}`] = s;
    save();
    return result;
  }

  function setMaterial(itemId, materialId, choice) {
    state.materials = { ...state.materials, [itemId]: { ...(state.materials[itemId] ?? {}), [materialId]: choice } };
    save();
  }

  function merged(fn) {
    const out = {};
    for (const session of Object.values(sessions)) Object.assign(out, fn(session));
    return out;
  }

  // The application in the core's check format (docs/check-format.md).
  function application() {
    if (kind === 'bundle') {
      const itemAnswers = {};
      for (const [itemId, session] of Object.entries(sessions)) itemAnswers[itemId] = session.answers();
      return { answers: merged((s) => s.answers()), itemAnswers, materials: state.materials };
    }
    return { answers: sessions[id].answers(), materials: state.materials[id] ?? {} };
  }

  // The 一次性告知单, from the core. Field errors come back with page and field.
  function check() {
    const options = { today: localToday(), profile: app.profile ?? {} };
    const notice =
      kind === 'bundle'
        ? core.check.bundle(app.catalog, id, application(), options)
        : core.check.item(app.catalog, id, application(), options);
    state.notice = markRaw(notice);
    return notice;
  }

  function eligibility() {
    if (kind === 'bundle') return check().eligibility;
    return core.check.eligibility(app.catalog, id, application(), { today: localToday(), profile: app.profile ?? {} });
  }

  // The body POSTed to /api/v1/submissions, and its key (the core's package digest).
  function submission() {
    const notice = check();
    const body = { ...application(), claimedReady: !!notice.ready };
    if (kind === 'bundle') body.bundleId = id;
    else body.itemId = id;
    return { key: notice.idempotencyKey, body, notice };
  }

  function validateAll() {
    const errors = [];
    for (const [itemId, session] of Object.entries(sessions)) {
      const result = session.validateAll();
      for (const s of session.states()) state.states[`${itemId}:${s.path}`] = s;
      for (const e of result.errors) errors.push({ ...e, item: itemId });
    }
    return errors;
  }

  // After submitting: the draft is done with (the outbox holds the application now).
  function discardDraft() {
    drafts.remove(key);
  }

  function discard() {
    drafts.remove(key);
    for (const session of Object.values(sessions)) session.free();
  }

  function close() {
    for (const session of Object.values(sessions)) session.free();
  }

  const itemsData = memberIds.map(findItem).filter(Boolean);

  return { state, itemsData, set, addRow, removeRow, setMaterial, check, eligibility, submission, validateAll, save, discard, discardDraft, close };
}

// The application being worked on, kept across its screens (precheck → form → materials →
// notice) and reopened from the draft after a reload.
let current = null;

export function useApplication(kind, id) {
  if (current && current.state.kind === kind && current.state.id === id) return current;
  current?.close();
  current = openApplication(kind, id);
  return current;
}

export function finishApplication() {
  current?.discard();
  current = null;
}
