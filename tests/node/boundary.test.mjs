// Errors crossing the boundary: a C++ failure arrives as {"error":{"type","message"}} JSON from
// the raw binding and as a thrown HaobanError (with .type) from the package API, never as a number.
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { loadCjs, loadEsm, TODAY } from './helpers.mjs';

for (const [name, loader] of Object.entries({ esm: loadEsm, cjs: loadCjs })) {
  describe(`boundary errors (${name})`, () => {
    let haoban;
    before(async () => {
      haoban = await loader();
    });

    it('returns error JSON from the raw binding for an impossible today', () => {
      const raw = haoban.module.validate('resident_id', '11010519491231002X', '2026-02-30');
      assert.equal(typeof raw, 'string');
      const body = JSON.parse(raw);
      assert.deepEqual(Object.keys(body), ['error']);
      assert.equal(body.error.type, 'bad_today');
      assert.match(body.error.message, /2026-02-30/);
    });

    it('throws HaobanError with .type through the package API', () => {
      assert.throws(
        () => haoban.validate('resident_id', '11010519491231002X', { today: 'yesterday' }),
        (e) => e instanceof Error && e.name === 'HaobanError' && e.type === 'bad_today' && /yesterday/.test(e.message),
      );
    });

    it('rejects non-string arguments before they reach C++', () => {
      assert.throws(() => haoban.validate('resident_id', 11010519491231002), (e) => e.type === 'bad_argument');
      assert.throws(() => haoban.validate(null, '1'), (e) => e.type === 'bad_argument');
    });

    it('keeps working after an error (no aborted runtime)', () => {
      assert.throws(() => haoban.validate('uscc', 'x', { today: '' }), (e) => e.type === 'bad_today');
      assert.equal(haoban.validate('uscc', '91350100M000100Y43', { today: TODAY }).valid, true);
    });

    it('reports a stale store handle as bad_handle', () => {
      const body = JSON.parse(haoban.module.storeGetDraft(987654, 'x'));
      assert.equal(body.error.type, 'bad_handle');
    });
  });
}
