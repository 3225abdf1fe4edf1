// h.catalog on the sample catalogue (data/catalog/guangzhou.json): load report, summaries,
// item details, form layouts, search in hanzi and pinyin initials, 免申即享 matching, free.
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCjs, loadEsm, repoText, sampleProfile, TODAY } from './helpers.mjs';

// The sample packed by the native CLI (scripts/test.sh builds it before the Node tests).
function packSample(text) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
  const bin = process.env.HAOBAN_BIN || path.join(root, 'build/native-release/server-stub/haoban');
  const dir = mkdtempSync(path.join(tmpdir(), 'haoban-pack-'));
  try {
    writeFileSync(path.join(dir, 'c.json'), text);
    execFileSync(bin, ['catalog', 'pack', path.join(dir, 'c.json'), path.join(dir, 'c.pack')]);
    return new Uint8Array(readFileSync(path.join(dir, 'c.pack')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

for (const [name, loader] of Object.entries({ esm: loadEsm, cjs: loadCjs })) {
  describe(`h.catalog (${name})`, () => {
    let h;
    let catalog;
    before(async () => {
      h = await loader();
      catalog = h.catalog.load(await repoText('data/catalog/guangzhou.json'));
    });

    it('loads the sample with its version, summaries and an empty error report', () => {
      assert.equal(catalog.version, '2026.11.1');
      assert.deepEqual(catalog.errors, []);
      assert.deepEqual(catalog.skipped, []);
      assert.equal(catalog.items.length, 8);
      const permit = catalog.items.find((i) => i.id === 'gz-residence-permit');
      assert.equal(permit.name.zh, '广东省居住证申领');
      assert.deepEqual(permit.audience, ['自然人']);
      assert.equal(permit.department.zh, '广州市公安局');
      assert.deepEqual(
        catalog.bundles.map((b) => b.id).sort(),
        ['birth-one-thing', 'open-restaurant'],
      );
      const birth = catalog.bundles.find((b) => b.id === 'birth-one-thing');
      assert.ok(birth.items.some((e) => e.item === 'gz-birth-registration'));
      assert.equal(catalog.policies.length, 3);
    });

    it('gives item details with time limits and acceptance conditions', () => {
      const item = catalog.item('gz-residence-permit');
      assert.equal(item.basicCode.length, 12);
      assert.deepEqual(item.timeLimits.promised, { value: 10, unit: '工作日' });
      assert.ok(item.acceptanceConditions.some((c) => c.id === 'residenceRegistered'));
      assert.throws(() => catalog.item('no-such-item'), (e) => e.name === 'HaobanError' && e.type === 'unknown_item');
    });

    it('gives the form layout with pages, labels and option labels', () => {
      const layout = catalog.layout('gz-residence-permit');
      assert.equal(layout.item, 'gz-residence-permit');
      const fields = layout.pages.flatMap((p) => p.fields);
      const housing = fields.find((f) => f.id === 'housingType');
      assert.equal(housing.type, 'select');
      assert.ok(housing.label.zh.length > 0);
      assert.ok(housing.options.some((o) => o.code === 'rented' && o.label.zh.length > 0));
      const group = fields.find((f) => f.type === 'group');
      assert.ok(group && group.rowFields.length > 0, 'the permit form has a repeating group');
    });

    it('searches in hanzi and in pinyin initials', () => {
      const hits = catalog.search('居住证');
      assert.equal(hits[0].id, 'gz-residence-permit');
      assert.equal(hits[0].method, 'hanzi');
      const initials = catalog.search('jzz', { limit: 3 });
      assert.equal(initials[0].id, 'gz-residence-permit');
      assert.equal(initials[0].method, 'initials');
      assert.ok(catalog.search('餐馆').some((hit) => hit.id === 'open-restaurant'));
    });

    it('leaves the search index to the first search with lazyIndex, or builds it on prepareSearch', async () => {
      const text = await repoText('data/catalog/guangzhou.json');
      const lazy = h.catalog.load(text, { lazy: true, lazyIndex: true });
      try {
        assert.deepEqual(lazy.search('jzz', { limit: 3 }), catalog.search('jzz', { limit: 3 }));
        assert.equal(lazy.prepareSearch(), false, 'the first search built it');
      } finally {
        lazy.free();
      }
      const prepared = h.catalog.load(text, { lazyIndex: true });
      try {
        assert.equal(prepared.prepareSearch(), true);
        assert.equal(prepared.prepareSearch(), false);
        assert.deepEqual(prepared.search('居住证'), catalog.search('居住证'));
      } finally {
        prepared.free();
      }
      assert.equal(catalog.prepareSearch(), false, 'a load without lazyIndex builds the index');
    });

    it('loads the UTF-8 bytes (Uint8Array, ArrayBuffer) as it loads the text', async () => {
      const text = await repoText('data/catalog/guangzhou.json');
      const bytes = new TextEncoder().encode(text);
      const fromText = h.catalog.load(text, { lazy: true });
      const fromBytes = h.catalog.load(bytes, { lazy: true });
      const fromBuffer = h.catalog.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length));
      try {
        for (const c of [fromBytes, fromBuffer]) {
          assert.deepEqual(c.summary, fromText.summary);
          assert.deepEqual(c.items, fromText.items);
          assert.deepEqual(c.item('gz-residence-permit'), fromText.item('gz-residence-permit'));
          assert.deepEqual(c.search('居住证'), fromText.search('居住证'));
        }
        // The bytes are the host's: the load copies them and leaves them as they were.
        assert.equal(new TextDecoder().decode(bytes), text);
      } finally {
        for (const c of [fromText, fromBytes, fromBuffer]) c.free();
      }
    });

    it('loads a packed catalogue (haoban catalog pack) as the JSON it was packed from', async () => {
      const text = await repoText('data/catalog/guangzhou.json');
      const packed = packSample(text);
      const fromText = h.catalog.load(text, { lazy: true });
      const fromPack = h.catalog.load(packed, { lazy: true });
      try {
        assert.deepEqual(fromPack.summary, fromText.summary);
        assert.deepEqual(fromPack.items, fromText.items);
        for (const { id } of fromText.items) {
          assert.deepEqual(fromPack.item(id), fromText.item(id));
          assert.deepEqual(fromPack.layout(id), fromText.layout(id));  // the form, compiled now
        }
        assert.deepEqual(fromPack.search('jzz'), fromText.search('jzz'));
      } finally {
        fromText.free();
        fromPack.free();
      }
      // Damaged: refused with the reason, never read past its end.
      const cut = (() => { try { h.catalog.load(packed.subarray(0, packed.length - 100)); } catch (e) { return e; } })();
      assert.equal(cut.type, 'catalog_error');
      assert.equal(cut.summary.errors[0].code, 'bad_pack');
      assert.match(cut.summary.errors[0].en, /past the end/);
    });

    it('reports bad bytes with the same error as bad text', () => {
      const bad = '{"formatVersion": 1, "items": [ }';
      const fromText = (() => { try { h.catalog.load(bad); } catch (e) { return e; } })();
      const fromBytes = (() => { try { h.catalog.load(new TextEncoder().encode(bad)); } catch (e) { return e; } })();
      assert.equal(fromText.type, 'catalog_error');
      assert.deepEqual(fromBytes.summary, fromText.summary);
      // Not UTF-8 at all: an error with a message, never a crash.
      assert.throws(() => h.catalog.load(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])), (e) => e.type === 'catalog_error');
    });

    it('refuses a catalogue over the size bound before copying it', () => {
      const m = h.module;
      assert.equal(m._haoban_catalog_text_buffer(257 * 1024 * 1024), 0);
      const refused = JSON.parse(m.catalogLoadBuffered('{}')).error;
      assert.equal(refused.type, 'catalog_too_large');
      assert.match(refused.message, /269484032 bytes; at most 268435456/);
      // The refusal is forgotten once reported: the next buffered load is of what was written.
      const text = new TextEncoder().encode('{}');
      const at = m._haoban_catalog_text_buffer(text.length);
      assert.notEqual(at, 0);
      m.HEAPU8.set(text, at);
      assert.equal(JSON.parse(m.catalogLoadBuffered('{}')).error.type, 'catalog_error');
    });

    it('describes each bundle in its summary', () => {
      const birth = catalog.bundles.find((b) => b.id === 'birth-one-thing');
      assert.match(birth.description.zh, /出生登记/);
    });

    it('matches 免申即享 policies with reasons', async () => {
      const business = await sampleProfile('nanfeng-manufacturing');
      const result = catalog.matchPolicies(business, { today: TODAY });
      assert.equal(result.matched.length + result.notMatched.length, 3);
      for (const p of [...result.matched, ...result.notMatched]) {
        assert.equal(typeof p.name.zh, 'string');
        assert.equal(typeof p.matched, 'boolean');
      }
      const person = catalog.matchPolicies(await sampleProfile('li-ming-migrant'), { today: TODAY });
      assert.ok(person.notMatched.some((p) => p.audienceFits === false), 'a business policy does not fit a person');
    });

    it('reports a catalogue that does not load with JSON paths, and skips broken items', async () => {
      assert.throws(
        () => h.catalog.load('{"items":[{}]}', { strict: true }),
        (e) => e.type === 'catalog_error' && e.summary.errors.some((x) => x.path === '$.formatVersion'),
      );
      const sample = JSON.parse(await repoText('data/catalog/guangzhou.json'));
      delete sample.items[0].name;
      const partial = h.catalog.load(sample);
      assert.deepEqual(partial.skipped, [sample.items[0].id]);
      assert.ok(partial.errors.some((x) => x.path.startsWith('$.items[0]')));
      assert.equal(partial.items.length, 7);
      partial.free();
    });

    it('frees, after which calls fail with bad_handle', async () => {
      const extra = h.catalog.load(await repoText('data/catalog/guangzhou.json'));
      assert.equal(extra.free(), true);
      assert.equal(extra.freed, true);
      assert.throws(() => extra.search('居住证'), (e) => e.type === 'bad_handle');
      assert.equal(extra.free(), false);
    });
  });
}
