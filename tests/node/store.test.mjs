// SQLite inside the wasm module: the same haoban::store::Database as natively, on ":memory:"
// and on a MEMFS file (the first step towards IDBFS persistence in the browser).
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { loadCjs, loadEsm } from './helpers.mjs';

for (const [name, loader] of Object.entries({ esm: loadEsm, cjs: loadCjs })) {
  describe(`store (${name})`, () => {
    let haoban;
    before(async () => {
      haoban = await loader();
    });

    it('opens :memory:, migrates, and round-trips a draft', () => {
      const store = haoban.store.open(':memory:');
      assert.ok(store.schemaVersion >= 1);
      store.putDraft('d1', '{"name":"张三","step":2}');
      assert.equal(store.getDraft('d1'), '{"name":"张三","step":2}');
      assert.equal(store.getDraft('missing'), null);
      store.putDraft('d1', '{"step":3}');
      assert.equal(store.getDraft('d1'), '{"step":3}');
      assert.equal(store.close(), true);
      assert.equal(store.close(), false);
      assert.throws(() => store.getDraft('d1'), (e) => e.type === 'bad_handle');
    });

    it('stores SQL metacharacters verbatim', () => {
      const store = haoban.store.open(':memory:');
      const ids = ["'; DROP TABLE drafts; --", '" OR 1=1 --', '%_?1:x@y$z', '身份证\'X'];
      for (const id of ids) store.putDraft(id, `{"id":${JSON.stringify(id)},"q":"');--"}`);
      for (const id of ids) assert.equal(store.getDraft(id), `{"id":${JSON.stringify(id)},"q":"');--"}`);
      assert.equal(store.getDraft('%'), null);
      store.close();
    });

    it('keeps a draft in a MEMFS file across close and reopen', () => {
      const path = `/tmp/haoban-${name}.sqlite`;
      const first = haoban.store.open(path);
      first.putDraft('kept', '{"step":5}');
      first.close();
      assert.ok(haoban.module.FS.stat(path).size > 0, 'the database file exists in MEMFS');
      const again = haoban.store.open(path);
      assert.equal(again.schemaVersion, first.schemaVersion);
      assert.equal(again.getDraft('kept'), '{"step":5}');
      again.close();
    });

    it('links IDBFS in for browser persistence', () => {
      assert.equal(typeof haoban.module.FS.filesystems.IDBFS, 'object');
      assert.equal(typeof haoban.module.FS.syncfs, 'function');
    });

    it('fails cleanly on a file that is not a database', () => {
      const path = `/tmp/not-a-db-${name}.sqlite`;
      haoban.module.FS.writeFile(path, 'plain text, not SQLite\n'.repeat(100));
      assert.throws(
        () => haoban.store.open(path),
        (e) => e.name === 'HaobanError' && e.type === 'store_error' && /not a database/.test(e.message),
      );
      // The module is still usable afterwards.
      const store = haoban.store.open(':memory:');
      store.putDraft('ok', '{}');
      assert.equal(store.getDraft('ok'), '{}');
      store.close();
    });

    it('refuses oversized ids and empty ids with store_error', () => {
      const store = haoban.store.open(':memory:');
      assert.throws(() => store.putDraft('x'.repeat(257), '{}'), (e) => e.type === 'store_error');
      assert.throws(() => store.putDraft('', '{}'), (e) => e.type === 'store_error');
      store.close();
    });
  });
}
