// The outbox: an application is queued first and sent from here, so a submission made offline
// is sent when the phone is back online. The queue is the core's SQLite outbox (persist.js),
// keyed by the package digest, which is also the Idempotency-Key: a double tap queues once, a
// retry after a lost answer gets the same receipt back (200, Idempotent-Replayed) instead of a
// second case, and the store's sending lease keeps two tabs from sending the same entry.
import { reactive } from 'vue';

import { ApiError, api } from './api.js';
import { flushStore, outboxStore, receipts } from './persist.js';

// What the pages show: every entry not yet sent. state: 'queued' | 'sending' | 'refused'.
export const outboxState = reactive({ entries: [], sending: false });

function refresh() {
  outboxState.entries = outboxStore()
    .pending()
    .map((e) => ({ key: e.idempotencyKey, itemId: e.itemId, state: e.state === 'failed' ? 'refused' : e.state, error: e.lastError }));
}

// body: the POSTed application ({itemId | bundleId, answers, materials, …}).
export function enqueue({ key, body }) {
  outboxStore().enqueue({ idempotencyKey: key, itemId: body.itemId ?? body.bundleId, body });
  refresh();
  return flushStore();
}

let flushing = null;
let retryTimer = null;

// When an entry waits on its backoff (or on another tab's lease), flush again once it is due.
function scheduleRetry() {
  clearTimeout(retryTimer);
  const waiting = outboxStore()
    .pending()
    .filter((e) => e.state !== 'failed')
    .map((e) => e.nextAttemptMs);
  if (!waiting.length) return;
  const delay = Math.min(Math.max(Math.min(...waiting) - Date.now(), 0) + 50, 10 * 60 * 1000);
  retryTimer = setTimeout(() => flush(), delay);
}

// Sends every due entry once. Nothing is tried while the phone says it is offline; a network
// failure, 5xx or 429 goes back to queued with the store's backoff; a refusal by the back
// office (other 4xx) is failed for good and stays visible with its message.
async function sendAll() {
  const outbox = outboxStore();
  try {
    for (const entry of outbox.due()) {
      if (!navigator.onLine) break;
      const key = entry.idempotencyKey;
      if (!outbox.beginSend(key)) continue;
      outboxState.sending = true;  // "正在提交" only while a request is out
      refresh();
      try {
        const receipt = await api.submit(JSON.parse(entry.body), key);
        outbox.markSent(key, receipt.receiptNumber);
        receipts.put(receipt, entry);
      } catch (error) {
        if (error instanceof ApiError && error.status >= 400 && error.status < 500 && error.status !== 429) {
          outbox.markFailed(key, error.zh);
        } else {
          outbox.markRetry(key, error?.message ?? String(error));
          console.warn('haoban: outbox entry kept for a retry:', error?.message ?? error);
        }
        if (!(error instanceof ApiError)) break;  // the network is gone: the rest would fail too
      } finally {
        outboxState.sending = false;
        refresh();
      }
    }
    await flushStore();
  } finally {
    outboxState.sending = false;
    refresh();
    scheduleRetry();
  }
}

// One flush at a time per tab.
// A flush asked for while one runs (a submit during a retry) runs once more after it, so a
// newly queued entry is never left for the next event.
let again = false;
export function flush() {
  if (flushing) {
    again = true;
    return flushing;
  }
  flushing = (async () => {
    do {
      again = false;
      await sendAll();
    } while (again);
  })().finally(() => {
    flushing = null;
  });
  return flushing;
}

export function startOutbox() {
  refresh();
  window.addEventListener('online', () => flush());
  flush();
}
