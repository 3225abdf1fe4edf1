// h.expr.loadData + expr.evaluateOn: the fast path (kind code and number, options parsed once
// per slot; wasm/bindings/expr_data_bindings.cpp) gives exactly what exprEvaluateOn (JSON text
// per call) and expr.evaluate give: the same values (-0 as 0, non-finite as null, strings with
// invalid UTF-8 replaced) and the same HaobanErrors.
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { loadEsm, repoJson, TODAY } from './helpers.mjs';

// What the JSON-text binding gives for the same call (the reference).
function slowEvaluateOn(h, expr, document, options) {
  const env = {};
  if (options && options.today !== undefined) env.today = options.today;
  if (options && options.maxSteps !== undefined) env.maxSteps = options.maxSteps;
  const reply = JSON.parse(h.module.exprEvaluateOn(expr.handle, document.handle, JSON.stringify(env)));
  return reply;
}

function outcome(fn) {
  try {
    return { value: fn() };
  } catch (e) {
    return { error: { name: e.name, type: e.type, message: e.message, line: e.line, column: e.column, path: e.path } };
  }
}

describe('h.expr evaluateOn', () => {
  let h;
  before(async () => {
    h = await loadEsm();
    // The module has the fast path (else evaluateOn would quietly take exprEvaluateOn).
    assert.equal(typeof h.module._haoban_expr_evaluate_on, 'function');
  });

  it('returns scalars, strings, arrays and objects as exprEvaluateOn does', () => {
    const doc = h.expr.loadData({
      n: 5, f: 1.25, neg: -0, big: 2 ** 60, s: 'abc', zh: '广州市天河区', long: 'x'.repeat(100) + '市',
      emoji: 'a😀b', bom: '\ufeffx', bomLong: '\ufeff' + '长'.repeat(40), a: [1, 'two', null, { k: true }], o: { k: [1, 2] }, t: true, nul: null,
    });
    const cases = [
      ['n', 5], ['f', 1.25], ['neg', 0], ['big', 2 ** 60], ['s', 'abc'], ['zh', '广州市天河区'],
      ['long', 'x'.repeat(100) + '市'], ['emoji', 'a😀b'], ['bom', '\ufeffx'], ['bomLong', '\ufeff' + '长'.repeat(40)], ['a', [1, 'two', null, { k: true }]],
      ['o', { k: [1, 2] }], ['t', true], ['nul', null], ['missing', null], ['n > 3', true], ['n < 3', false],
      ['n / 0', undefined], ['-n * 0', undefined], ['0 - 0', 0], ['""', ''],
    ];
    for (const [source, expected] of cases) {
      const expr = h.expr.compile(source);
      const got = outcome(() => expr.evaluateOn(doc));
      if (expected !== undefined) assert.deepStrictEqual(got, { value: expected }, source);
      assert.ok(!Object.is(got.value, -0), `${source}: -0 is read as 0`);
      const slow = slowEvaluateOn(h, expr, doc);
      if (slow.error) assert.equal(got.error.type, slow.error.type, source);
      else assert.deepStrictEqual(got.value, slow.value, `${source}: as exprEvaluateOn`);
      expr.free();
    }
    doc.free();
  });

  it('array and object results come back as cells (kind 7) equal to the JSON text path, else as JSON text', () => {
    const data = {
      xs: [0, 1.5, -2], zs: [-0, 3], strs: ['广州市', 'a😀b', '\ufeffx', 'x'.repeat(40) + '长', ''],
      nested: [[1, [2, [3, []]]], [true, false, null]], withObject: [1, { k: 2 }], empty: [], people: [{ a: 1 }, { a: 2, n: [0.5] }],
      obj: { ['__proto__']: { polluted: true }, 广州: { a: [1, { b: null }] }, z: 0, e: {}, 10: 'ten', 2: 'two' },
      deep: JSON.parse('['.repeat(40) + '1' + ']'.repeat(40)),
    };
    const doc = h.expr.loadData(data);
    // A rule given as text keeps a -0.0 that JSON.stringify would write as 0.
    const jl = (rule) => h.expr.compile(typeof rule === 'string' ? rule : JSON.stringify(rule), { syntax: 'jsonlogic' });
    const cases = [
      // [rule, the kind the fast path gives]
      [{ var: 'xs' }, 7], [{ var: 'zs' }, 7], [{ var: 'strs' }, 7], [{ var: 'nested' }, 7], [{ var: 'empty' }, 7],
      [{ map: [{ var: 'xs' }, { '*': [{ var: '' }, -1] }] }, 7], // an engine-built -0: 0, as to_json writes it
      [{ map: [{ var: 'xs' }, { '*': [{ var: '' }, 1e308, 10] }] }, undefined], // non-finite
      [{ merge: [[1, ['二', [true]]], { var: 'xs' }, null] }, 7],
      [{ filter: [{ var: 'strs' }, { '!!': [{ var: '' }] }] }, 7],
      ['{"var":["missing",[-0.0,"x",[null]]]}', 7], // a constant: a JSON view keeps its -0.0 …
      ['{"merge":[[-0.0]]}', 7], // … an array the engine builds has 0, as to_json writes it
      [{ var: 'withObject' }, 7], [{ var: 'obj' }, 7], [{ var: 'obj.广州' }, 7], [{ filter: [{ var: 'people' }, { '>': [{ var: 'a' }, 1] }] }, 7],
      [{ var: 'deep' }, 5], // deeper than the cells go: JSON text
    ];
    for (const [rule, kind] of cases) {
      const expr = jl(rule);
      const key = typeof rule === 'string' ? rule : JSON.stringify(rule);
      const got = outcome(() => expr.evaluateOn(doc));
      const slow = slowEvaluateOn(h, expr, doc);
      if (slow.error) assert.equal(got.error.type, slow.error.type, key);
      else assert.deepStrictEqual(got.value, slow.value, key);
      assert.deepStrictEqual(got, outcome(() => expr.evaluate(data)), key);
      if (kind !== undefined) assert.equal(h.module._haoban_expr_evaluate_on(expr.handle, doc.handle, 0), kind, key);
      if (got.value && typeof got.value === 'object') assert.deepStrictEqual(Object.keys(got.value), Object.keys(slow.value), `${key}: key order`);
      expr.free();
    }
    assert.equal(Object.getPrototypeOf(jl({ var: 'obj' }).evaluateOn(doc)), Object.prototype, '__proto__ stays a key');
    doc.free();
  });

  it('agrees with evaluate() and exprEvaluateOn on every conformance case', async () => {
    const index = await repoJson('tests/data/jsonlogic/index.json');
    let compared = 0;
    let errors = 0;
    for (const file of index) {
      for (const c of await repoJson(`tests/data/jsonlogic/${file}`)) {
        if (typeof c !== 'object' || c === null) continue;
        let expr;
        try {
          expr = h.expr.compile(JSON.stringify(c.rule), { syntax: 'jsonlogic' });
        } catch (e) {
          continue; // a compile error: nothing to evaluate
        }
        const data = 'data' in c ? c.data : null;
        const doc = h.expr.loadData(data);
        const fast = outcome(() => expr.evaluateOn(doc, { today: TODAY }));
        const text = outcome(() => expr.evaluate(data, { today: TODAY }));
        const slow = slowEvaluateOn(h, expr, doc, { today: TODAY });
        const key = `${file}: ${JSON.stringify(c.rule)}`;
        assert.deepStrictEqual(fast, text, key);
        if (fast.error) {
          errors += 1;
          assert.equal(fast.error.name, 'HaobanError', key);
          assert.equal(fast.error.type, slow.error.type, key);
          assert.equal(fast.error.message, slow.error.message, key);
        } else {
          assert.deepStrictEqual(fast.value, slow.value, key);
        }
        compared += 1;
        doc.free();
        expr.free();
      }
    }
    assert.ok(compared > 1000, `compared ${compared}`);
    assert.ok(errors > 50, `errors ${errors}`);
  });

  it('today and maxSteps: each distinct option set parsed once, changes seen on the next call', () => {
    const adult = h.expr.compile('age(applicant.birthDate) >= 18');
    const doc = h.expr.loadData({ applicant: { birthDate: '2008-11-27' } });
    assert.equal(adult.evaluateOn(doc, { today: '2026-11-27' }), true);
    assert.equal(adult.evaluateOn(doc, { today: '2026-11-26' }), false);
    assert.equal(adult.evaluateOn(doc, { today: '2026-11-27' }), true);
    // More distinct days than the module has slots: slots are reused, results stay right.
    for (let day = 1; day <= 150; day += 1) {
      const today = new Date(Date.UTC(2026, 10, 27) + (day - 75) * 86400000).toISOString().slice(0, 10);
      assert.equal(adult.evaluateOn(doc, { today }), today >= '2026-11-27', today);
    }
    // No today: the same error as before; then today again.
    assert.throws(() => adult.evaluateOn(doc), (e) => e.name === 'HaobanError' && e.type === slowEvaluateOn(h, adult, doc).error.type);
    assert.equal(adult.evaluateOn(doc, { today: TODAY }), true);
    // maxSteps: a step budget too small fails, a large one passes, per call.
    const sum = h.expr.compile('{"reduce":[{"var":"xs"},{"+":[{"var":"current"},{"var":"accumulator"}]},0]}', { syntax: 'jsonlogic' });
    const xs = h.expr.loadData({ xs: Array.from({ length: 50 }, (_, i) => i) });
    const tight = outcome(() => sum.evaluateOn(xs, { maxSteps: 10 }));
    assert.equal(tight.error.name, 'HaobanError');
    assert.equal(tight.error.type, slowEvaluateOn(h, sum, xs, { maxSteps: 10 }).error.type);
    assert.equal(sum.evaluateOn(xs, { maxSteps: 100000 }), 1225);
    assert.equal(sum.evaluateOn(xs, { today: TODAY, maxSteps: 100000 }), 1225);
    assert.deepStrictEqual(outcome(() => sum.evaluateOn(xs, { today: TODAY, maxSteps: 10 })), tight);
    assert.equal(sum.evaluateOn(xs), 1225);
    // Options the fast path leaves to exprEvaluateOn behave as there.
    assert.equal(sum.evaluateOn(xs, { maxSteps: '10' }), 1225);
    assert.equal(sum.evaluateOn(xs, { maxSteps: -1 }), 1225);
    assert.equal(sum.evaluateOn(xs, null), 1225);
    for (const e of [adult, sum, doc, xs]) e.free();
  });

  it('bad options and handles throw the same HaobanErrors as before', () => {
    const adult = h.expr.compile('age(applicant.birthDate) >= 18');
    const doc = h.expr.loadData({ applicant: { birthDate: 5 } });
    assert.throws(() => adult.evaluateOn(doc, { today: 20261127 }), (e) => e.name === 'HaobanError' && e.type === 'bad_argument');
    assert.throws(() => adult.evaluateOn(doc, { today: '2026-13-01' }), (e) => e.name === 'HaobanError' && e.type === 'bad_today');
    assert.throws(() => adult.evaluateOn(doc, { today: '2026-13-01' }), (e) => e.type === 'bad_today'); // not cached
    assert.throws(() => adult.evaluateOn(doc, { today: '', maxSteps: 5 }), (e) => e.type === 'bad_today');
    assert.throws(() => adult.evaluateOn(doc, { maxSteps: 10n }), (e) => e.type === 'bad_argument');
    const failure = outcome(() => adult.evaluateOn(doc, { today: TODAY }));
    const slow = slowEvaluateOn(h, adult, doc, { today: TODAY });
    assert.equal(failure.error.type, 'Invalid Arguments');
    assert.equal(failure.error.message, slow.error.message);
    // A freed document or rule: bad_handle with the same message, before any options check.
    const other = h.expr.loadData({});
    other.free();
    assert.throws(() => adult.evaluateOn(other, { today: TODAY }), (e) => e.type === 'bad_handle' && e.message === slowEvaluateOn(h, adult, other).error.message);
    const gone = h.expr.compile('1 + 1');
    gone.free();
    assert.throws(() => gone.evaluateOn(doc), (e) => e.type === 'bad_handle' && /compiled expression/.test(e.message));
    assert.throws(() => gone.evaluateOn(doc, { today: '2026-13-01' }), (e) => e.type === 'bad_handle');
    // Not a document: as before (a TypeError from reading .handle, or embind's refusal).
    assert.throws(() => adult.evaluateOn(undefined), TypeError);
    assert.throws(() => adult.evaluateOn({ handle: 'x' }));
    adult.free();
    doc.free();
  });

  it('a lone surrogate in the data is refused at load or comes back as in the JSON text path', () => {
    let doc;
    try {
      doc = h.expr.loadData({ s: 'a\ud800b' });
    } catch (e) {
      assert.equal(e.name, 'HaobanError'); // JSON has no lone surrogates: the parser refuses it
      return;
    }
    const s = h.expr.compile('s');
    assert.deepStrictEqual(s.evaluateOn(doc), slowEvaluateOn(h, s, doc).value);
    s.free();
    doc.free();
  });
});
