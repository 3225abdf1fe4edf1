// Drafts survive a reload in Chromium: the page fills half of the residence-permit form through
// the real package (served by haoban serve at /core/), autosaves the session's draft to the
// SQLite store on IDBFS (store.openPersistent, synced after each committed write), reloads, and
// reopens the form from the stored draft. Also: the browser loader instantiates by streaming.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { COUNT_INSTANTIATION, openPhone, servePages } from './wasm-pages.mjs';

const PAGE = `<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,"><title>persist</title>
<script type="module">
  import { load } from '/core/index.mjs';
  window.haobanReady = (async () => {
    window.h = await load();
    window.catalog = window.h.catalog.load(await (await fetch('/catalog.json')).text());
    return true;
  })();
</script>`;

describe('wasm package in Chromium: IDBFS persistence and streaming instantiation', () => {
  let server;
  let phone;
  let page;
  let problems;
  before(async () => {
    server = await servePages({ 'persist.html': PAGE });
    ({ phone, page, problems } = await openPhone());
    await page.addInitScript(COUNT_INSTANTIATION);
  });
  after(async () => {
    await phone?.close();
    const exit = await server?.stop();
    if (exit) assert.equal(exit.code, 0);
  });

  test('the module is instantiated by streaming from an application/wasm response', async () => {
    await page.goto(new URL('/persist.html', server.url).href);
    assert.equal(await page.evaluate(() => window.haobanReady), true);
    const wasm = await page.evaluate(() => window.__wasm);
    assert.equal(wasm.streaming, 1);
    assert.equal(wasm.fromBytes, 0, 'no fallback to ArrayBuffer instantiation');
    assert.deepEqual(wasm.contentTypes, ['application/wasm']);
    assert.deepEqual(problems, []);
  });

  test('half a form, autosaved on every change, is back after a reload', async () => {
    await page.goto(new URL('/persist.html', server.url).href);
    await page.evaluate(() => window.haobanReady);
    const saved = await page.evaluate(async () => {
      const store = await window.h.store.openPersistent('/haoban/drafts.sqlite');
      const form = window.h.form.open(window.catalog, 'gz-residence-permit', { today: '2026-11-27' });
      // Autosave on every change, as the app does: each put is one commit and one IDBFS sync.
      for (const [path, value] of [
        ['housingType', 'rented'],
        ['landlordName', '张房东'],
        ['mobile', '１３９００１３９０００'],
      ]) {
        form.set(path, value);
        store.putDraft('gz-residence-permit', form.draft());
      }
      await store.flush();
      return form.answers();
    });
    assert.equal(saved.landlordName, '张房东');
    assert.equal(saved.mobile, '13900139000');

    await page.reload();
    await page.evaluate(() => window.haobanReady);
    const restored = await page.evaluate(async () => {
      const store = await window.h.store.openPersistent('/haoban/drafts.sqlite');
      const body = store.getDraft('gz-residence-permit');
      const form = window.h.form.open(window.catalog, 'gz-residence-permit', { today: '2026-11-27', draft: JSON.parse(body) });
      const states = Object.fromEntries(form.states().map((s) => [s.path, s]));
      return { drafts: store.listDrafts().map((d) => d.id), report: form.draftReport, answers: form.answers(), landlordVisible: states.landlordName.visible };
    });
    assert.deepEqual(restored.drafts, ['gz-residence-permit']);
    assert.equal(restored.report.loaded, true);
    assert.equal(restored.answers.housingType, 'rented');
    assert.equal(restored.answers.landlordName, '张房东');
    assert.equal(restored.answers.mobile, '13900139000');
    assert.equal(restored.landlordVisible, true);
    assert.deepEqual(problems, []);
  });

  test('the outbox and receipts persist too, and a deleted draft stays deleted', async () => {
    await page.evaluate(async () => {
      const store = await window.h.store.openPersistent('/haoban/drafts.sqlite');
      store.outbox.enqueue({ idempotencyKey: 'a'.repeat(64), itemId: 'gz-residence-permit', body: { answers: {} } }, { now: 1 });
      store.receipts.put({ receiptNumber: 'R1', idempotencyKey: 'b'.repeat(64), itemId: 'gz-residence-permit', body: {}, receivedMs: 2 });
      store.deleteDraft('gz-residence-permit');
      await store.flush();
    });
    await page.reload();
    await page.evaluate(() => window.haobanReady);
    const after = await page.evaluate(async () => {
      const store = await window.h.store.openPersistent('/haoban/drafts.sqlite');
      return { outbox: store.outbox.pending().map((e) => e.state), receipts: store.receipts.list().length, drafts: store.listDrafts().length };
    });
    assert.deepEqual(after, { outbox: ['queued'], receipts: 1, drafts: 0 });
  });
});
