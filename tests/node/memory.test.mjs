// 100,000 failing calls do not grow the wasm heap: every failure path (a C++ exception caught at
// the boundary, an error value from the engine, a refused form change, a stale handle) frees what
// it allocated, and the module stays usable afterwards. The heap is linear memory
// (module.HEAP8.length, which only grows, in 64 KiB pages): after a warm-up that lets the
// allocator reach its working size, it must not grow by more than one page per 10,000 calls.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { loadEsm, repoText, sampleProfile, TODAY } from './helpers.mjs';

const CALLS = 100_000;
const WARM_UP = 2_000;
const BOUND_BYTES = 10 * 64 * 1024;

it(`${CALLS.toLocaleString('en')} failing calls leave the wasm heap where warm-up left it`, async (t) => {
  const h = await loadEsm();
  const catalog = h.catalog.load(await repoText('data/catalog/guangzhou.json'));
  const form = h.form.open(catalog, 'gz-residence-permit', { profile: await sampleProfile('li-ming-migrant'), today: TODAY });
  const rule = h.expr.compile('age(applicant.birthDate) >= 18');
  const store = h.store.open(':memory:');

  // Each one fails differently; all must come back as HaobanError with a type.
  const failing = [
    () => h.validate('resident_id', '11010519491231002X', { today: '2026-02-30' }), // C++ BoundaryError thrown and caught
    () => h.expr.compile('age(applicant.birthDate) >= 18 &&'), // syntax error value with a position
    () => rule.evaluate({ applicant: { birthDate: 5 } }, { today: TODAY }), // EvalFailure thrown in the engine
    () => h.check.item(catalog, 'no-such-item', { answers: {} }, { today: TODAY }), // domain refusal
    () => form.set('noSuchField', '张三'), // refused change
    () => catalog.item('missing-' + 'x'.repeat(200)), // unknown item with a long id
    () => store.outbox.markRetry('missing', 'x'), // store error
    () => h.check.item(catalog, 'gz-residence-permit', [1, 2], { today: TODAY }), // not an object
    () => h.store.open('/no/such/dir/x.sqlite'), // SQLite cannot open
  ];
  const run = (n) => {
    for (let i = 0; i < n; i++) {
      const call = failing[i % failing.length];
      try {
        call();
      } catch (e) {
        if (e.name !== 'HaobanError' || typeof e.type !== 'string') throw e;
        continue;
      }
      assert.fail(`call ${i % failing.length} did not fail`);
    }
  };

  run(WARM_UP);
  const before = h.module.HEAP8.length;
  run(CALLS);
  const after = h.module.HEAP8.length;
  t.diagnostic(`heap ${before} → ${after} bytes after ${CALLS} failing calls`);
  assert.ok(after - before <= BOUND_BYTES, `heap grew by ${after - before} bytes`);

  // Still usable.
  assert.equal(h.validate('mobile', '+86 138 0013 8000', { today: TODAY }).valid, true);
  assert.equal(rule.evaluate({ applicant: { birthDate: '2000-01-01' } }, { today: TODAY }), true);
  assert.equal(form.set('housingType', 'rented').ok, true);
  rule.free();
  form.free();
  store.close();
  catalog.free();
});
