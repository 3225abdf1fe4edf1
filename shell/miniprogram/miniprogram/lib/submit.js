// Submitting: the application as the core checks it, its canonical package digest as the
// Idempotency-Key (so a retry after a lost answer can never file twice), an outbox in wx storage
// for submissions not yet answered, and the receipts (受理编号) kept for the 我的办件 page.
'use strict';

const { request } = require('./http.js');
const storage = require('./storage.js');

const OUTBOX = 'outbox';
const RECEIPTS = 'receipts';
const MAX_RECEIPTS = 200;

// The materials no slot collects: an 申请表格文书 (kind 2) in electronic form is the application
// form itself, generated from the answers online; it is "uploaded" by submitting them.
function generatedMaterials(item) {
  const slots = new Set();
  for (const page of item.form.pages) for (const f of page.fields) if (f.type === 'material') slots.add(f.material);
  const out = {};
  for (const m of item.materials || []) {
    if (!slots.has(m.id) && m.kind === 2 && m.form === '电子' && m.necessity === '必要') {
      out[m.id] = { via: 'upload', refs: [`online-form:${item.id}`] };
    }
  }
  return out;
}

// How each material is provided, in the stub's first API version: [{id, via}] from the
// notice's material states.
const VIA_OF_STATE = {
  attached: 'upload',
  satisfied_by_licence: 'licence',
  commitment_accepted: 'commitment',
  deferred: 'deferred',
};

function materialsFromNotice(notice, itemId) {
  const out = [];
  for (const m of notice.materials || []) {
    if (itemId && m.item && m.item !== itemId) continue;
    const via = VIA_OF_STATE[m.state];
    if (via) out.push({ id: m.id, via });
  }
  return out;
}

function outbox() {
  return storage.getJson(OUTBOX) || [];
}

function receipts(identityId) {
  return (storage.getJson(RECEIPTS) || []).filter((r) => r.owner === identityId);
}

function keepReceipt(identityId, receipt) {
  const all = (storage.getJson(RECEIPTS) || []).filter((r) => r.receiptNumber !== receipt.receiptNumber);
  all.unshift(Object.assign({ owner: identityId }, receipt));
  storage.putJson(RECEIPTS, all.slice(0, MAX_RECEIPTS));
}

// The stub's answer to a refused application: its problems, in either of its two shapes
// ({problems} beside the core's notice, or {notice: {problems}} from the first version).
function problemsOf(body) {
  if (!body || typeof body !== 'object') return [];
  if (Array.isArray(body.problems)) return body.problems;
  return body.notice && Array.isArray(body.notice.problems) ? body.notice.problems : [];
}

async function post(session, key, body) {
  try {
    const res = await request({
      method: 'POST',
      path: '/api/v1/submissions',
      token: session.token,
      header: { 'Idempotency-Key': key },
      data: body,
    });
    keepReceipt(session.identity.id, res.data);
    return { ok: true, receipt: res.data, replayed: res.status === 200 };
  } catch (e) {
    const retry = e.type === 'network' || e.status >= 500 || e.status === 429;
    return { ok: false, retry, status: e.status, type: e.type, zh: e.zh, problems: problemsOf(e.body), expectedKey: e.body && e.body.expectedKey };
  }
}

// Sends one outbox entry: [{itemId, ok, receipt?, replayed?, zh?, problems?, retry?}].
// The entry's body is the application of docs/check-format.md with itemId or bundleId, under
// the check's package digest. A stub of the first API version refuses that envelope (400
// bad_request); the entry then carries that version's bodies (one per item, materials as
// [{id, via}]) and they are sent instead. A network failure leaves the entry for a retry.
async function send(session, entry) {
  const first = await post(session, entry.key, entry.body);
  let results;
  if (!first.ok && first.status === 400 && first.type === 'bad_request' && entry.legacy && entry.legacy.length) {
    results = [];
    for (const l of entry.legacy) results.push(Object.assign({ itemId: l.body.itemId }, await post(session, l.key, l.body)));
  } else {
    results = [Object.assign({ itemId: entry.body.itemId || entry.body.bundleId }, first)];
  }
  if (!results.some((r) => r.retry)) storage.putJson(OUTBOX, outbox().filter((e) => e.key !== entry.key));
  return results;
}

// Queues and sends one application (an item or a bundle). key: the notice's idempotencyKey.
async function submit(session, { key, body, legacy }) {
  const entry = { key, owner: session.identity.id, body, legacy: legacy || [] };
  storage.putJson(OUTBOX, outbox().filter((e) => e.key !== key).concat([entry]));
  return send(session, entry);
}

// Retries whatever a lost connection left in the outbox (same keys: no duplicates possible).
async function flushOutbox(session) {
  const results = [];
  for (const entry of outbox().filter((e) => e.owner === session.identity.id)) results.push(...(await send(session, entry)));
  return results;
}

async function fetchReceipts(session) {
  const { data } = await request({ path: '/api/v1/submissions', token: session.token });
  return data.submissions || [];
}

module.exports = { generatedMaterials, materialsFromNotice, submit, flushOutbox, outbox, receipts, fetchReceipts };
