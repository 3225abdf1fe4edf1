// h.expr: compile infix and JsonLogic, evaluate with a host-given today, explain with values,
// print in both syntaxes, declared types, and errors thrown with their position.
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { loadEsm, TODAY } from './helpers.mjs';

describe('h.expr', () => {
  let h;
  before(async () => {
    h = await loadEsm();
  });

  it('evaluates an infix rule with today from the host', () => {
    const adult = h.expr.compile('age(applicant.birthDate) >= 18');
    assert.equal(adult.evaluate({ applicant: { birthDate: '2008-11-27' } }, { today: TODAY }), true);
    assert.equal(adult.evaluate({ applicant: { birthDate: '2008-11-28' } }, { today: TODAY }), false);
    adult.free();
  });

  it('explains a result with the values compared', () => {
    const adult = h.expr.compile('age(applicant.birthDate) >= 18');
    const why = adult.explain({ applicant: { birthDate: '2010-01-01' } }, { today: TODAY, id: 'adult' });
    assert.equal(why.id, 'adult');
    assert.equal(why.value, false);
    assert.equal(why.reason.operands[0].value, 16);
    assert.match(why.reason.zh, /16/);
    adult.free();
  });

  it('round-trips between infix and JsonLogic', () => {
    const infix = h.expr.compile('hukou.city == "440100" && age >= 18');
    const rule = infix.toJsonLogic();
    const again = h.expr.compile(rule, { syntax: 'jsonlogic' });
    assert.deepEqual(again.toJsonLogic(), rule);
    assert.equal(again.evaluate({ hukou: { city: '440100' }, age: 20 }), true);
    assert.equal(typeof again.toInfix(), 'string');
    const fromText = h.expr.compile('{"+":[1,2]}', { syntax: 'jsonlogic' });
    assert.equal(fromText.evaluate(null), 3);
    for (const e of [infix, again, fromText]) e.free();
  });

  it('a bad infix expression throws HaobanError with line and column', () => {
    assert.throws(
      () => h.expr.compile('age(applicant.birthDate) >= 18 &&'),
      (e) => e.name === 'HaobanError' && e.type === 'Syntax Error' && e.line === 1 && e.column === 34,
    );
    assert.throws(() => h.expr.compile('{"==":[1', { syntax: 'jsonlogic' }), (e) => e.type === 'Bad JSON');
    assert.throws(() => h.expr.compile('1', { syntax: 'lisp' }), (e) => e.type === 'bad_syntax');
  });

  it('declared types make unknown variables and mismatches compile errors', () => {
    const types = { age: 'number', name: 'string' };
    const ok = h.expr.compile('age >= 18', { types });
    assert.equal(ok.evaluate({ age: 30 }), true);
    ok.free();
    assert.throws(() => h.expr.compile('agee >= 18', { types }), (e) => e.type === 'Unknown Variable' && e.column > 0);
    assert.throws(() => h.expr.compile('name * 2', { types }), (e) => e.type === 'Type Mismatch');
    assert.throws(() => h.expr.compile('age > 1', { types: { age: 'integer' } }), (e) => e.type === 'bad_options');
  });

  it('an evaluation failure throws and leaves the rule usable', () => {
    const adult = h.expr.compile('age(applicant.birthDate) >= 18');
    assert.throws(
      () => adult.evaluate({ applicant: { birthDate: 5 } }, { today: TODAY }),
      (e) => e.name === 'HaobanError' && e.type === 'Invalid Arguments',
    );
    assert.equal(adult.evaluate({ applicant: { birthDate: '2000-01-01' } }, { today: TODAY }), true);
    assert.equal(adult.free(), true);
    assert.throws(() => adult.evaluate({}), (e) => e.type === 'bad_handle');
  });
});
