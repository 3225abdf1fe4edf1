// The identity validators through the wasm package, via both the ES and the CommonJS entry:
// the worked examples of DESIGN.md, normalisation, hostile input, and both entries agreeing.
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { loadCjs, loadEsm, TODAY } from './helpers.mjs';

const flavours = { esm: loadEsm, cjs: loadCjs };

for (const [name, loader] of Object.entries(flavours)) {
  describe(`validate (${name})`, () => {
    let haoban;
    before(async () => {
      haoban = await loader();
    });

    it('reports its version and the bundled SQLite', () => {
      assert.match(haoban.version, /^\d+\.\d+\.\d+$/);
      assert.match(haoban.sqliteVersion, /^3\.\d+\.\d+$/);
    });

    it('accepts 11010519491231002X with its facts', () => {
      const r = haoban.validate('resident_id', '11010519491231002X', { today: TODAY });
      assert.equal(r.valid, true);
      assert.equal(r.kind, 'resident_id');
      assert.equal(r.normalized, '11010519491231002X');
      assert.equal(r.error, null);
      assert.equal(r.facts.birthDate, '1949-12-31');
      assert.equal(r.facts.sex, 'female');
      assert.equal(r.facts.division, '110105');
    });

    it('rejects 110105194912310021 with a check-digit error in Chinese', () => {
      const r = haoban.validate('resident_id', '110105194912310021', { today: TODAY });
      assert.equal(r.valid, false);
      assert.equal(r.error.code, 'checksum');
      assert.match(r.error.zh, /校验/);
      assert.ok(r.error.en.length > 0);
    });

    it('normalises full-width digits, spaces and a lower-case x', () => {
      const r = haoban.validate('resident_id', ' １１０１０５１９４９１２３１００２ｘ ', { today: TODAY });
      assert.equal(r.valid, true, JSON.stringify(r));
      assert.equal(r.normalized, '11010519491231002X');
    });

    it('rejects a birth date after today', () => {
      // Same number, but "today" is before 1949-12-31.
      const r = haoban.validate('resident_id', '11010519491231002X', { today: '1949-12-30' });
      assert.equal(r.valid, false);
      assert.notEqual(r.error.code, 'checksum');
    });

    it('accepts the USCC 91350100M000100Y43 and rejects a changed check character', () => {
      const ok = haoban.validate('uscc', '91350100M000100Y43');
      assert.equal(ok.valid, true, JSON.stringify(ok));
      assert.equal(ok.normalized, '91350100M000100Y43');
      const bad = haoban.validate('uscc', '91350100M000100Y44');
      assert.equal(bad.valid, false);
      assert.equal(typeof bad.error.code, 'string');
    });

    it('validates mobile numbers and travel documents', () => {
      assert.equal(haoban.validate('mobile', '+86 138 0013 8000').normalized, '13800138000');
      assert.equal(haoban.validate('mobile', '12800138000').valid, false);
      assert.equal(haoban.validate('hk_macau_permit', 'C12345678').valid, true);
      assert.equal(haoban.validate('mainland_travel_permit', 'H1234567801').valid, true);
      assert.equal(haoban.validate('passport', 'EA1234567').valid, true);
      assert.equal(haoban.validate('passport', 'EI1234567').valid, false);
    });

    it('answers an unknown kind with valid=false and unknown_kind, not an exception', () => {
      const r = haoban.validate('library_card', '123');
      assert.equal(r.valid, false);
      assert.equal(r.error.code, 'unknown_kind');
    });

    it('survives hostile input: empty, 1 MB, lone surrogates, NUL', () => {
      for (const value of ['', '1'.repeat(1 << 20), '\uD800\uDC00\uD800', '1101051949\u00001231002X']) {
        const r = haoban.validate('resident_id', value, { today: TODAY });
        assert.equal(r.valid, false, `accepted ${JSON.stringify(value.slice(0, 40))}`);
        assert.equal(typeof r.error.code, 'string');
        assert.ok(r.error.zh.length > 0);
      }
    });

    it('defaults "today" to the host date when none is given', () => {
      assert.equal(haoban.validate('resident_id', '11010519491231002X').valid, true);
    });
  });
}

describe('both entries', () => {
  it('give identical answers', async () => {
    const [esm, cjs] = await Promise.all([loadEsm(), loadCjs()]);
    const cases = [
      ['resident_id', '11010519491231002X'],
      ['resident_id', '110105194912310021'],
      ['resident_id', '44010619900230123X'],
      ['uscc', '91350100M000100Y43'],
      ['uscc', 'abc'],
      ['mobile', '0086-139-0000-0000'],
      ['passport', 'E12345678'],
    ];
    for (const [kind, value] of cases) {
      assert.deepEqual(esm.validate(kind, value, { today: TODAY }), cjs.validate(kind, value, { today: TODAY }));
    }
  });

  it('load the ES entry with no options in Node (it reads the .wasm itself)', async () => {
    const { load } = await import('../../wasm/package/index.mjs');
    const haoban = await load();
    assert.equal(haoban.validate('resident_id', '11010519491231002X', { today: TODAY }).valid, true);
  });
});
