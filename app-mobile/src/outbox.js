// The outbox: an application is queued first and sent from here, so a submission made offline
// is sent when the phone is back online. Exactly once: the Idempotency-Key is the package's
// digest (computed by the core), so a retry after a lost answer gets the same receipt back
// (200, Idempotent-Replayed) instead of a second case; and one flush runs at a time per tab.
import { reactive } from 'vue';

import { ApiError, api } from './api.js';
import { outbox, receipts } from './persist.js';

export const outboxState = reactive({ entries: outbox.list(), sending: false });

function persist() {
  outbox.save(outboxState.entries);
}

export function enqueue({ key, body, title }) {
  if (!outboxState.entries.some((entry) => entry.key === key)) {
    outboxState.entries.push({ key, body, title, queuedAt: new Date().toISOString(), state: 'queued' });
    persist();
  }
}

const waiters = new Map();  // key → resolve(receipt) for a page waiting on its own submission

export function receiptFor(key) {
  return new Promise((resolve) => waiters.set(key, resolve));
}

let flushing = null;

// Sends every queued entry once. A network failure leaves it queued; a refusal by the back
// office (4xx) keeps it visible with the message, never silently retried.
async function sendAll() {
  outboxState.sending = true;
  try {
    for (const entry of [...outboxState.entries]) {
      if (entry.state !== 'queued') continue;
      if (!navigator.onLine) break;
      try {
        const receipt = await api.submit(entry.body, entry.key);
        receipts.put(receipt, entry.title);
        outboxState.entries = outboxState.entries.filter((e) => e.key !== entry.key);
        persist();
        waiters.get(entry.key)?.(receipt);
        waiters.delete(entry.key);
      } catch (error) {
        if (error instanceof ApiError && error.status >= 400 && error.status < 500 && error.status !== 429) {
          entry.state = 'refused';
          entry.error = error.zh;
          entry.notice = error.body?.notice ?? null;
          persist();
        } else {
          // offline, 5xx, 429: stays queued for the next flush
          console.warn('haoban: outbox entry kept for a retry:', error?.message ?? error);
        }
        if (!(error instanceof ApiError)) break;
      }
    }
  } finally {
    outboxState.sending = false;
  }
}

// One flush at a time per tab. (The promise is stored before it can settle: .finally runs
// asynchronously, so an empty outbox cannot leave a stale promise behind.)
export function flush() {
  flushing ??= sendAll().finally(() => {
    flushing = null;
  });
  return flushing;
}

export function startOutbox() {
  window.addEventListener('online', () => flush());
  flush();
}
