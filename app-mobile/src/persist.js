// What the app keeps on the phone between visits: drafts, the outbox, receipts and the cached
// catalogue — in the core's SQLite store (the same haoban::store code as the back office),
// kept in IndexedDB through IDBFS (h.store.openPersistent). Every call here is synchronous once
// openStores() has resolved; a write is in IndexedDB when the store's flush() resolves.
//
// Two files: the catalogue copy (large, rewritten only when the catalogue changes) apart from
// drafts and the outbox (small, written on every keystroke), because IDBFS writes a changed
// file back whole.

const APP_DB = '/haoban/app.sqlite';
const CATALOG_DB = '/haoban/catalog.sqlite';
const LEGACY_PREFIX = 'haoban.';  // the localStorage keys of earlier versions

let store = null;
let catalogStore = null;

// Where IndexedDB is unavailable (private modes of some WebViews), the same store in memory: the
// app works, but nothing survives a reload.
async function openOne(core, path) {
  try {
    return await core.store.openPersistent(path);
  } catch (error) {
    console.warn(`haoban: ${path} is not persistent (${error.message}); drafts last until the page closes`);
    core.module.FS.mkdirTree('/memory');
    return core.store.open(`/memory/${path.split('/').pop()}`);
  }
}

export async function openStores(core) {
  [store, catalogStore] = await Promise.all([openOne(core, APP_DB), openOne(core, CATALOG_DB)]);
  await migrateLocalStorage();
  return store;
}

const parse = (text, fallback) => {
  try {
    return text ? JSON.parse(text) : fallback;
  } catch {
    return fallback;
  }
};

// Earlier versions kept drafts, the outbox and receipts in localStorage. Copied into the store
// once; the keys are removed only after the copy is in IndexedDB, so an interrupted migration
// runs again (every step is idempotent: a draft already in the store wins, the outbox dedupes on
// the key, receipts are keyed by their number).
async function migrateLocalStorage() {
  const done = [];
  for (let i = 0; i < localStorage.length; i += 1) {
    const key = localStorage.key(i);
    if (!key?.startsWith(`${LEGACY_PREFIX}draft.`)) continue;
    const id = key.slice(`${LEGACY_PREFIX}draft.`.length);
    const text = localStorage.getItem(key);
    if (id && text && parse(text, null) && store.getDraft(id) === null) store.putDraft(id, text);
    done.push(key);
  }
  const outbox = parse(localStorage.getItem(`${LEGACY_PREFIX}outbox`), null);
  if (Array.isArray(outbox)) {
    for (const entry of outbox) {
      const itemId = entry?.body?.itemId ?? entry?.body?.bundleId;
      if (typeof entry?.key !== 'string' || typeof itemId !== 'string') continue;
      const { created } = store.outbox.enqueue({ idempotencyKey: entry.key, itemId, body: entry.body });
      if (created && entry.state === 'refused') store.outbox.markFailed(entry.key, entry.error ?? '');
    }
  }
  if (outbox !== null) done.push(`${LEGACY_PREFIX}outbox`);
  const receiptList = parse(localStorage.getItem(`${LEGACY_PREFIX}receipts`), null);
  if (Array.isArray(receiptList)) {
    for (const r of receiptList) {
      if (typeof r?.receiptNumber !== 'string' || typeof r?.idempotencyKey !== 'string' || typeof r?.itemId !== 'string') continue;
      const { title, ...body } = r;
      store.receipts.put({ receiptNumber: r.receiptNumber, idempotencyKey: r.idempotencyKey, itemId: r.itemId, body });
    }
  }
  if (receiptList !== null) done.push(`${LEGACY_PREFIX}receipts`);
  if (localStorage.getItem(`${LEGACY_PREFIX}catalog`) !== null) done.push(`${LEGACY_PREFIX}catalog`);
  if (!done.length) return;
  await store.flush();
  for (const key of done) localStorage.removeItem(key);
}

// A draft: {sessions: {itemId: the core's FormDraft}, materials, page, savedAt}.
export const drafts = {
  get: (id) => parse(store.getDraft(id), null),
  // Resolves once the draft is in IndexedDB (what "草稿已保存" may claim).
  put(id, draft) {
    store.putDraft(id, JSON.stringify({ ...draft, savedAt: new Date().toISOString() }));
    return store.flush();
  },
  remove(id) {
    store.deleteDraft(id);
    return store.flush();
  },
};

export const catalogCache = {
  get: () => catalogStore?.cachedCatalog.get()?.body || null,
  // Written only when the version changed: the copy is a few hundred KB.
  put(version, text) {
    if (catalogStore.cachedCatalog.head()?.version === version) return;
    try {
      catalogStore.cachedCatalog.put({ version, body: text });
    } catch (error) {
      console.warn('haoban: the catalogue was not cached:', error.message);  // fetched again next time
    }
  },
};

// The outbox: the core's (keyed by the package digest; queued → sending → sent | failed).
export const outboxStore = () => store.outbox;
export const flushStore = () => store.flush();

// Receipts as the back office sent them, plus the key and item they belong to.
export const receipts = {
  list: () => store.receipts.list().map((r) => ({ ...parse(r.body, {}), idempotencyKey: r.idempotencyKey, itemId: r.itemId })),
  put(receipt, entry) {
    store.receipts.put({ receiptNumber: receipt.receiptNumber, idempotencyKey: entry.idempotencyKey, itemId: entry.itemId, body: receipt });
  },
};
