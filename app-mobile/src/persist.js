// What the app keeps on the phone between visits: drafts, the outbox and receipts.
//
// Interim storage: localStorage. The core's SQLite store (h.store) is the intended home, with
// IDBFS persistence in the browser; @haoban/core does not yet expose IDBFS mounting, listDrafts,
// the outbox or receipts, so the app keeps the same records here under one prefix. Everything
// stored is plain JSON the core produced (form drafts, canonical packages), so moving it into
// the store later is a copy.

const PREFIX = 'haoban.';

function read(key, fallback) {
  try {
    const text = localStorage.getItem(PREFIX + key);
    return text === null ? fallback : JSON.parse(text);
  } catch {
    return fallback;
  }
}

function write(key, value) {
  localStorage.setItem(PREFIX + key, JSON.stringify(value));
}

export const drafts = {
  get: (id) => read(`draft.${id}`, null),
  put: (id, draft) => write(`draft.${id}`, { ...draft, savedAt: new Date().toISOString() }),
  remove: (id) => localStorage.removeItem(`${PREFIX}draft.${id}`),
};

export const catalogCache = {
  get: () => read('catalog', null),
  put: (text) => {
    try {
      write('catalog', text);
    } catch {
      // quota: the catalogue is fetched again next time
    }
  },
};

// Entries: {key (the package digest = Idempotency-Key), body, title, queuedAt, state, error?}
export const outbox = {
  list: () => read('outbox', []),
  save: (entries) => write('outbox', entries),
};

export const receipts = {
  list: () => read('receipts', []),
  put(receipt, title) {
    const list = receipts.list().filter((r) => r.id !== receipt.id);
    list.unshift({ ...receipt, title });
    write('receipts', list.slice(0, 200));
  },
};
