// h.store: the same haoban::store code as natively (SQLite compiled into the module), by handle:
// drafts, the submission outbox, receipts and the cached catalogue. In a browser,
// openPersistent() keeps the file in IndexedDB (IDBFS) and syncs after every committed write.
import { HaobanError, requireInteger, requireString, toJson, unwrap } from './boundary.mjs';

function nowFrom(options) {
  const now = options && options.now !== undefined ? options.now : Date.now();
  if (typeof now !== 'number' || !Number.isFinite(now)) throw new HaobanError('bad_argument', 'now must be ms since the epoch');
  return Math.floor(now);
}

// Bodies are stored verbatim: a string as given, anything else as its JSON text.
function bodyText(name, body) {
  return typeof body === 'string' ? body : toJson(name, body);
}

// After each committed write, one IDBFS sync; writes during a sync coalesce into one more sync.
// flush() resolves once everything written so far is in IndexedDB (or rejects with the error).
function syncQueue(module) {
  let running = null;
  let dirty = false;
  let lastError = null;
  const syncOnce = () =>
    new Promise((resolve) => {
      module.FS.syncfs(false, (err) => {
        lastError = err ? new HaobanError('sync_error', `IndexedDB sync failed: ${err.message || err}`) : null;
        resolve();
      });
    });
  const loop = async () => {
    while (dirty) {
      dirty = false;
      await syncOnce();
    }
    running = null;
  };
  return {
    schedule() {
      dirty = true;
      if (!running) running = loop();
    },
    async flush() {
      while (running) await running;
      if (lastError) throw lastError;
    },
  };
}

function openStore(module, path, options, afterWrite) {
  const opts = {};
  if (options && options.backoff) opts.backoff = options.backoff;
  const { handle, schemaVersion } = unwrap(module.storeOpenWith(requireString('path', path), toJson('options', opts)));
  // Every write goes through here, so that a persistent store syncs after each commit.
  const write = (json) => {
    const value = unwrap(json);
    afterWrite.schedule();
    return value;
  };
  const key = (k) => requireString('idempotencyKey', k);
  const outbox = {
    enqueue(entry, options = {}) {
      if (!entry || typeof entry !== 'object') throw new HaobanError('bad_argument', 'enqueue takes {idempotencyKey, itemId, body}');
      return write(
        module.outboxEnqueue(handle, key(entry.idempotencyKey), requireString('itemId', entry.itemId), bodyText('body', entry.body), nowFrom(options)),
      );
    },
    due(options = {}) {
      const limit = options && options.limit !== undefined ? requireInteger('limit', options.limit) : 50;
      return unwrap(module.outboxDue(handle, nowFrom(options), limit)).entries;
    },
    pending() {
      return unwrap(module.outboxPending(handle)).entries;
    },
    get(idempotencyKey) {
      return unwrap(module.outboxGet(handle, key(idempotencyKey))).entry;
    },
    beginSend(idempotencyKey, options = {}) {
      return write(module.outboxBeginSend(handle, key(idempotencyKey), nowFrom(options))).started;
    },
    markSent(idempotencyKey, receiptNumber, options = {}) {
      return write(module.outboxMarkSent(handle, key(idempotencyKey), requireString('receiptNumber', receiptNumber), nowFrom(options))).entry;
    },
    markRetry(idempotencyKey, reason, options = {}) {
      return write(module.outboxMarkRetry(handle, key(idempotencyKey), String(reason ?? ''), nowFrom(options))).entry;
    },
    markFailed(idempotencyKey, reason, options = {}) {
      return write(module.outboxMarkFailed(handle, key(idempotencyKey), String(reason ?? ''), nowFrom(options))).entry;
    },
    remove(idempotencyKey) {
      return write(module.outboxRemove(handle, key(idempotencyKey))).removed;
    },
    // Sends every due entry once through send(entry), which resolves to
    //   {status: 'sent', receiptNumber, receipt?}  → sent (and the receipt stored, when given)
    //   {status: 'retry', reason}                  → queued again after the backoff
    //   {status: 'failed', reason}                 → failed for good (e.g. 422)
    // A send that throws counts as retry. Entries another tab is sending are skipped.
    // Resolves to a count of each outcome.
    async drain(send, options = {}) {
      const counts = { sent: 0, retry: 0, failed: 0 };
      for (const entry of outbox.due(options)) {
        if (!outbox.beginSend(entry.idempotencyKey, options)) continue;
        let outcome;
        try {
          outcome = await send(entry);
        } catch (e) {
          outcome = { status: 'retry', reason: e && e.message ? e.message : String(e) };
        }
        const status = outcome && outcome.status;
        if (status === 'sent') {
          outbox.markSent(entry.idempotencyKey, requireString('receiptNumber', outcome.receiptNumber), options);
          if (outcome.receipt !== undefined) {
            receipts.put({
              receiptNumber: outcome.receiptNumber,
              idempotencyKey: entry.idempotencyKey,
              itemId: entry.itemId,
              body: outcome.receipt,
              receivedMs: nowFrom(options),
            });
          }
          counts.sent++;
        } else if (status === 'failed') {
          outbox.markFailed(entry.idempotencyKey, outcome.reason, options);
          counts.failed++;
        } else {
          outbox.markRetry(entry.idempotencyKey, (outcome && outcome.reason) || 'retry', options);
          counts.retry++;
        }
      }
      return counts;
    },
  };
  const receipts = {
    put(receipt) {
      if (!receipt || typeof receipt !== 'object') throw new HaobanError('bad_argument', 'put takes a receipt object');
      const received = receipt.receivedMs !== undefined ? receipt.receivedMs : Date.now();
      write(
        module.receiptsPut(
          handle,
          requireString('receiptNumber', receipt.receiptNumber),
          requireString('idempotencyKey', receipt.idempotencyKey),
          requireString('itemId', receipt.itemId),
          bodyText('body', receipt.body),
          nowFrom({ now: received }),
        ),
      );
    },
    list() {
      return unwrap(module.receiptsList(handle)).receipts;
    },
    get(receiptNumber) {
      return unwrap(module.receiptsGet(handle, requireString('receiptNumber', receiptNumber))).receipt;
    },
  };
  const cachedCatalog = {
    put(catalog, options = {}) {
      if (!catalog || typeof catalog !== 'object') throw new HaobanError('bad_argument', 'put takes {version, etag, body}');
      write(
        module.catalogCachePut(
          handle,
          requireString('slot', catalog.slot ?? 'default'),
          requireString('version', catalog.version),
          requireString('etag', catalog.etag ?? ''),
          bodyText('body', catalog.body),
          nowFrom(options),
        ),
      );
    },
    get(slot = 'default') {
      return unwrap(module.catalogCacheGet(handle, requireString('slot', slot))).catalog;
    },
    /** Version and ETag without the body: what an If-None-Match request needs. */
    head(slot = 'default') {
      return unwrap(module.catalogCacheHead(handle, requireString('slot', slot))).catalog;
    },
  };
  return {
    handle,
    schemaVersion,
    path,
    putDraft(id, body) {
      write(module.storePutDraft(handle, requireString('id', id), bodyText('body', body)));
    },
    getDraft(id) {
      const { found, body } = unwrap(module.storeGetDraft(handle, requireString('id', id)));
      return found ? body : null;
    },
    listDrafts() {
      return unwrap(module.storeListDrafts(handle)).drafts;
    },
    deleteDraft(id) {
      return write(module.storeDeleteDraft(handle, requireString('id', id))).deleted;
    },
    outbox,
    receipts,
    cachedCatalog,
    /** Resolves once every committed write is persisted (immediately for a non-persistent store). */
    flush() {
      return afterWrite.flush();
    },
    close() {
      return unwrap(module.storeClose(handle)).closed;
    },
  };
}

const NO_SYNC = { schedule() {}, flush: async () => {} };

export function storeApi(module) {
  const mounted = new Set();
  // One open persistent store per path: a second openPersistent() of the same file returns the
  // first (reloading from IndexedDB under an open store would drop its unsynced writes).
  const persistent = new Map();
  async function openPersistentOnce(path, options) {
    const FS = module.FS;
    if (typeof indexedDB === 'undefined' || !FS.filesystems || !FS.filesystems.IDBFS) {
      throw new HaobanError('persistence_unavailable', 'IndexedDB is not available here; use store.open(path)');
    }
    const slash = path.lastIndexOf('/');
    const dir = slash > 0 ? path.slice(0, slash) : '';
    if (!dir) throw new HaobanError('bad_argument', 'path must be in a directory, e.g. /haoban/haoban.sqlite');
    if (!mounted.has(dir)) {
      FS.mkdirTree(dir);
      FS.mount(FS.filesystems.IDBFS, {}, dir);
      mounted.add(dir);
      await new Promise((resolve, reject) =>
        FS.syncfs(true, (err) => (err ? reject(new HaobanError('sync_error', `IndexedDB load failed: ${err.message || err}`)) : resolve())),
      );
    }
    const queue = syncQueue(module);
    const store = openStore(module, path, options, queue);
    const close = store.close;
    store.close = () => {
      persistent.delete(path);
      return close();
    };
    // Migrations may have written on open: persist them too.
    queue.schedule();
    await queue.flush();
    return store;
  }
  return {
    open(path, options = {}) {
      return openStore(module, path, options, NO_SYNC);
    },
    // IndexedDB-backed (browser, worker): mounts IDBFS on the file's directory, loads what an
    // earlier visit saved, opens, and syncs after each committed write. Await store.flush()
    // before reporting a write as safe (3.1.6 has no autoPersist: a tab closed mid-sync
    // loses that write; the previous state stays intact).
    openPersistent(path = '/haoban/haoban.sqlite', options = {}) {
      requireString('path', path);
      if (!persistent.has(path)) {
        const opening = openPersistentOnce(path, options);
        persistent.set(path, opening);
        opening.catch(() => persistent.delete(path));
      }
      return persistent.get(path);
    },
  };
}
