// Submit offline, come back online, and exactly one submission reaches the stub. The page checks
// the residence-permit application with the core, queues it in the persistent outbox under its
// package digest, tries to send while Chromium is offline (each failure re-queues it with
// backoff), survives a reload, and sends once the phone is online again; a double tap and later
// drains send nothing more. The stub's own list of submissions is the judge.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { repoRoot } from './harness.mjs';
import { openPhone, servePages } from './wasm-pages.mjs';

const PAGE = `<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,"><title>outbox</title>
<script type="module">
  import { load } from '/core/index.mjs';
  window.haobanReady = (async () => {
    window.h = await load();
    window.catalog = window.h.catalog.load(await (await fetch('/catalog.json')).text());
    // One round of the outbox loop through fetch, as an app would run it on 'online' events.
    window.sendDue = async (token, now) => {
      const store = await window.h.store.openPersistent('/haoban/outbox.sqlite');
      const counts = await store.outbox.drain(async (entry) => {
        const response = await fetch('/api/v1/submissions', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: 'Bearer ' + token, 'Idempotency-Key': entry.idempotencyKey },
          body: entry.body,
        });
        const body = await response.json();
        if (response.status === 200 || response.status === 201) return { status: 'sent', receiptNumber: body.receiptNumber, receipt: body };
        if (response.status >= 500 || response.status === 429) return { status: 'retry', reason: 'HTTP ' + response.status };
        return { status: 'failed', reason: 'HTTP ' + response.status + ' ' + JSON.stringify(body.error || body) };
      }, { now });
      await store.flush();
      return counts;
    };
    return true;
  })();
</script>`;

describe('outbox in Chromium: offline, reload, online, exactly one submission', () => {
  let server;
  let phone;
  let page;
  let token;
  before(async () => {
    server = await servePages({ 'outbox.html': PAGE });
    ({ phone, page } = await openPhone());
    const session = await fetch(new URL('/api/v1/session', server.url), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ identityId: 'li-ming-migrant' }),
    });
    assert.equal(session.status, 201);
    token = (await session.json()).token;
  });
  after(async () => {
    await phone?.close();
    await server?.stop();
  });

  const submissions = async () => {
    const list = await fetch(new URL('/api/v1/submissions', server.url), { headers: { Authorization: `Bearer ${token}` } });
    assert.equal(list.status, 200);
    const body = await list.json();
    return body.submissions;
  };

  test('queued offline, retried with backoff, sent once online', async () => {
    const headers = { Authorization: `Bearer ${token}` };
    const me = await (await fetch(new URL('/api/v1/me', server.url), { headers })).json();
    const licences = await (await fetch(new URL('/api/v1/me/licences', server.url), { headers })).json();
    const profile = { applicant: me.applicant, licences: licences.licences };
    const application = JSON.parse(readFileSync(path.join(repoRoot, 'tests/data/check/residence-permit.pass.json'), 'utf8'));

    await page.goto(new URL('/outbox.html', server.url).href);
    await page.evaluate(() => window.haobanReady);
    const queued = await page.evaluate(
      async ({ profile, application }) => {
        const notice = window.h.check.item(window.catalog, 'gz-residence-permit', application, { profile });
        const body = { itemId: 'gz-residence-permit', answers: application.answers, materials: application.materials, claimedReady: notice.ready };
        const store = await window.h.store.openPersistent('/haoban/outbox.sqlite');
        const entry = { idempotencyKey: notice.idempotencyKey, itemId: 'gz-residence-permit', body };
        const first = store.outbox.enqueue(entry, { now: 1000 });
        const doubleTap = store.outbox.enqueue(entry, { now: 1001 });
        await store.flush();
        return { ready: notice.ready, key: notice.idempotencyKey, created: [first.created, doubleTap.created] };
      },
      { profile, application },
    );
    assert.equal(queued.ready, true);
    assert.deepEqual(queued.created, [true, false]);

    await phone.context.setOffline(true);
    assert.deepEqual(await page.evaluate((t) => window.sendDue(t, 1000), token), { sent: 0, retry: 1, failed: 0 });
    assert.deepEqual(await page.evaluate((t) => window.sendDue(t, 1500), token), { sent: 0, retry: 0, failed: 0 }, 'backoff: not due yet');
    assert.deepEqual(await page.evaluate((t) => window.sendDue(t, 3000), token), { sent: 0, retry: 1, failed: 0 });
    assert.equal((await submissions()).length, 0, 'nothing reached the stub while offline');

    // The tab is reloaded while offline (the app was closed); the queue is in IndexedDB.
    await phone.context.setOffline(false);
    await page.reload();
    await page.evaluate(() => window.haobanReady);
    const pending = await page.evaluate(async () => {
      const store = await window.h.store.openPersistent('/haoban/outbox.sqlite');
      return store.outbox.pending().map((e) => ({ state: e.state, attempts: e.attempts, next: e.nextAttemptMs }));
    });
    assert.deepEqual(pending, [{ state: 'queued', attempts: 2, next: 3000 + 4000 }]);

    assert.deepEqual(await page.evaluate((t) => window.sendDue(t, 7000), token), { sent: 1, retry: 0, failed: 0 });
    assert.deepEqual(await page.evaluate((t) => window.sendDue(t, 10_000_000), token), { sent: 0, retry: 0, failed: 0 });
    const list = await submissions();
    assert.equal(list.length, 1, JSON.stringify(list));
    assert.equal(list[0].idempotencyKey, queued.key);

    const stored = await page.evaluate(async () => {
      const store = await window.h.store.openPersistent('/haoban/outbox.sqlite');
      return { receipts: store.receipts.list().map((r) => r.receiptNumber), pending: store.outbox.pending().length };
    });
    assert.deepEqual(stored, { receipts: [list[0].receiptNumber], pending: 0 });
  });
});
