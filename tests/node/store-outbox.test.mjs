// The applicant-side store through the package API: drafts listed and deleted, the outbox
// (idempotent enqueue, states, backoff from a host-given now, drain with a transport that fails,
// retries and succeeds exactly once), receipts, the cached catalogue, and the flush() contract.
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { loadEsm, repoJson, repoText, sampleProfile } from './helpers.mjs';

const T0 = 1_795_000_000_000;

describe('h.store outbox, receipts, cached catalogue', () => {
  let h;
  before(async () => {
    h = await loadEsm();
  });

  it('migrates to schema 3 and lists and deletes drafts', async () => {
    const store = h.store.open(':memory:');
    assert.equal(store.schemaVersion, 3);
    store.putDraft('a', { step: 1 });
    store.putDraft('b', '{"名":"张三"}');
    assert.equal(store.getDraft('a'), '{"step":1}');
    const drafts = store.listDrafts();
    assert.deepEqual(drafts.map((d) => d.id).sort(), ['a', 'b']);
    assert.equal(drafts.find((d) => d.id === 'b').bytes, Buffer.byteLength('{"名":"张三"}'));
    assert.equal(store.deleteDraft('a'), true);
    assert.equal(store.deleteDraft('a'), false);
    assert.deepEqual(store.listDrafts().map((d) => d.id), ['b']);
    await store.flush();
    store.close();
  });

  it('queues a checked package once under its digest and sends it exactly once', async () => {
    const catalog = h.catalog.load(await repoText('data/catalog/guangzhou.json'));
    const application = await repoJson('tests/data/check/residence-permit.pass.json');
    const options = { profile: await sampleProfile('li-ming-migrant'), today: '2026-09-30' };
    const pkg = h.check.package(catalog, 'gz-residence-permit', application, options);
    const store = h.store.open(':memory:');
    const entry = { idempotencyKey: pkg.digest, itemId: 'gz-residence-permit', body: pkg.canonical };
    const first = store.outbox.enqueue(entry, { now: T0 });
    assert.equal(first.created, true);
    assert.equal(first.entry.state, 'queued');
    assert.equal(store.outbox.enqueue(entry, { now: T0 + 1 }).created, false, 'a double tap queues nothing');

    // Offline: the transport throws; the entry waits 2 s, then 4 s.
    const offline = async () => {
      throw new Error('net::ERR_INTERNET_DISCONNECTED');
    };
    assert.deepEqual(await store.outbox.drain(offline, { now: T0 }), { sent: 0, retry: 1, failed: 0 });
    let e = store.outbox.get(pkg.digest);
    assert.equal(e.state, 'queued');
    assert.equal(e.attempts, 1);
    assert.equal(e.nextAttemptMs, T0 + 2000);
    assert.match(e.lastError, /DISCONNECTED/);
    assert.deepEqual(await store.outbox.drain(offline, { now: T0 + 1999 }), { sent: 0, retry: 0, failed: 0 });
    await store.outbox.drain(offline, { now: T0 + 2000 });
    assert.equal(store.outbox.get(pkg.digest).nextAttemptMs, T0 + 2000 + 4000);

    // Online: one POST, keyed by the digest; a later drain sends nothing more.
    const posted = [];
    const online = async (x) => {
      posted.push(x.idempotencyKey);
      return { status: 'sent', receiptNumber: 'GZ-0001', receipt: { receiptNumber: 'GZ-0001', promisedDate: '2026-10-20' } };
    };
    assert.deepEqual(await store.outbox.drain(online, { now: T0 + 6000 }), { sent: 1, retry: 0, failed: 0 });
    assert.deepEqual(await store.outbox.drain(online, { now: T0 + 600_000 }), { sent: 0, retry: 0, failed: 0 });
    assert.deepEqual(posted, [pkg.digest]);
    e = store.outbox.get(pkg.digest);
    assert.equal(e.state, 'sent');
    assert.equal(e.receiptNumber, 'GZ-0001');
    assert.equal(e.attempts, 3);
    assert.deepEqual(store.outbox.pending(), []);
    const [receipt] = store.receipts.list();
    assert.equal(receipt.receiptNumber, 'GZ-0001');
    assert.equal(receipt.idempotencyKey, pkg.digest);
    assert.deepEqual(JSON.parse(receipt.body), { receiptNumber: 'GZ-0001', promisedDate: '2026-10-20' });
    store.close();
    catalog.free();
  });

  it('a refused submission is failed and kept; backoff and lease follow the options', async () => {
    const store = h.store.open(':memory:', { backoff: { baseMs: 100, maxMs: 250, leaseMs: 1000 } });
    store.outbox.enqueue({ idempotencyKey: 'k1', itemId: 'i', body: {} }, { now: T0 });
    assert.equal(store.outbox.beginSend('k1', { now: T0 }), true);
    assert.equal(store.outbox.beginSend('k1', { now: T0 + 999 }), false, 'leased to the first sender');
    assert.equal(store.outbox.beginSend('k1', { now: T0 + 1000 }), true, 'the lease expired');
    assert.equal(store.outbox.markRetry('k1', 'x', { now: T0 + 1000 }).nextAttemptMs, T0 + 1000 + 200);
    store.outbox.beginSend('k1', { now: T0 + 1200 });
    assert.equal(store.outbox.markRetry('k1', 'x', { now: T0 + 1200 }).nextAttemptMs, T0 + 1200 + 250, 'capped');
    const refused = await store.outbox.drain(async () => ({ status: 'failed', reason: '422 材料不齐' }), { now: T0 + 5000 });
    assert.deepEqual(refused, { sent: 0, retry: 0, failed: 1 });
    const e = store.outbox.get('k1');
    assert.equal(e.state, 'failed');
    assert.equal(e.lastError, '422 材料不齐');
    assert.deepEqual(store.outbox.pending().map((x) => x.idempotencyKey), ['k1']);
    assert.equal(store.outbox.remove('k1'), true);
    assert.equal(store.outbox.get('k1'), null);
    assert.throws(() => store.outbox.markRetry('nope', 'x'), (err) => err.type === 'store_error');
    assert.throws(() => store.outbox.enqueue({ idempotencyKey: '', itemId: 'i', body: {} }), (err) => err.type === 'store_error');
    assert.throws(() => store.outbox.beginSend('k1', { now: Number.NaN }), (err) => err.type === 'bad_argument');
    assert.equal(JSON.parse(h.module.outboxBeginSend(store.handle, 'k1', 1.5)).error.type, 'bad_argument', 'C++ refuses fractional ms');
    assert.throws(() => h.store.open(':memory:', { backoff: { baseMs: -1 } }), (err) => err.type === 'bad_options');
    store.close();
  });

  it('keeps the cached catalogue with its version and ETag, and receipts newest first', () => {
    const store = h.store.open(':memory:');
    assert.equal(store.cachedCatalog.get(), null);
    store.cachedCatalog.put({ version: '2026.11.1', etag: '"v1"', body: { items: [] } }, { now: T0 });
    assert.deepEqual(store.cachedCatalog.head(), { slot: 'default', version: '2026.11.1', etag: '"v1"', body: '', storedMs: T0 });
    store.cachedCatalog.put({ version: '2026.11.2', etag: '"v2"', body: '{"items":[1]}' }, { now: T0 + 1 });
    const got = store.cachedCatalog.get('default');
    assert.equal(got.version, '2026.11.2');
    assert.equal(got.body, '{"items":[1]}');
    store.receipts.put({ receiptNumber: 'R1', idempotencyKey: 'k1', itemId: 'i', body: { n: 1 }, receivedMs: T0 });
    store.receipts.put({ receiptNumber: 'R2', idempotencyKey: 'k2', itemId: 'i', body: { n: 2 }, receivedMs: T0 + 5 });
    assert.deepEqual(store.receipts.list().map((r) => r.receiptNumber), ['R2', 'R1']);
    assert.equal(store.receipts.get('R1').body, '{"n":1}');
    assert.equal(store.receipts.get('R9'), null);
    store.close();
  });

  it('openPersistent refuses cleanly where there is no IndexedDB (Node)', async () => {
    await assert.rejects(h.store.openPersistent('/haoban/x.sqlite'), (e) => e.type === 'persistence_unavailable');
  });

  it('a file-backed store keeps outbox and receipts across close and reopen', () => {
    const path = '/tmp/outbox-reopen.sqlite';
    const first = h.store.open(path);
    first.outbox.enqueue({ idempotencyKey: 'kept', itemId: 'i', body: 'b' }, { now: T0 });
    first.receipts.put({ receiptNumber: 'R1', idempotencyKey: 'kept', itemId: 'i', body: '{}', receivedMs: T0 });
    first.close();
    const again = h.store.open(path);
    assert.equal(again.outbox.get('kept').body, 'b');
    assert.equal(again.receipts.list().length, 1);
    again.close();
  });
});
