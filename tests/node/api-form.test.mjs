// h.form on the residence permit of the sample catalogue: prefill from the profile, states that
// change as fields are set, rows, validateAll, drafts that restore a session, refusals thrown.
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { loadEsm, repoText, sampleProfile, TODAY } from './helpers.mjs';

const ITEM = 'gz-residence-permit';

describe('h.form', () => {
  let h;
  let catalog;
  let profile;
  before(async () => {
    h = await loadEsm();
    catalog = h.catalog.load(await repoText('data/catalog/guangzhou.json'));
    profile = await sampleProfile('li-ming-migrant');
  });

  it('opens with the profile prefilled and the missing required fields in error', () => {
    const form = h.form.open(catalog, ITEM, { profile, today: TODAY });
    assert.ok(form.prefilled >= 5);
    const byPath = Object.fromEntries(form.initialStates.map((s) => [s.path, s]));
    assert.equal(byPath.applicantName.value, '李明');
    assert.equal(byPath.applicantName.readonly, true);
    assert.equal(byPath.housingType.errors[0].code, 'required');
    assert.equal(byPath.landlordName.visible, false);
    form.free();
  });

  it('setting housingType=rented shows landlordName, required, and clears housingType\'s error', () => {
    const form = h.form.open(catalog, ITEM, { profile, today: TODAY });
    const { ok, changed } = form.set('housingType', 'rented');
    assert.equal(ok, true);
    const byPath = Object.fromEntries(changed.map((s) => [s.path, s]));
    assert.deepEqual(byPath.housingType.errors, []);
    assert.equal(byPath.housingType.value, 'rented');
    assert.equal(byPath.landlordName.visible, true);
    assert.equal(byPath.landlordName.required, true);
    assert.equal(byPath.landlordName.errors[0].code, 'required');
    // Back to owned: the landlord field hides again, and its state is reported as changed.
    const back = form.set('housingType', 'owned').changed;
    assert.equal(back.find((s) => s.path === 'landlordName').visible, false);
    form.free();
  });

  it('normalises full-width input and reports a bad mobile number on the field', () => {
    const form = h.form.open(catalog, ITEM, { profile, today: TODAY });
    const good = form.set('mobile', '１３９００１３９０００ ').changed.find((s) => s.path === 'mobile');
    assert.equal(good.value, '13900139000');
    assert.deepEqual(good.errors, []);
    const bad = form.set('mobile', '12345').changed.find((s) => s.path === 'mobile');
    assert.ok(bad.errors.length > 0);
    assert.ok(bad.errors[0].zh.length > 0 && bad.errors[0].en.length > 0);
    form.free();
  });

  it('validateAll lists every problem, and is complete once the form is filled', async () => {
    const form = h.form.open(catalog, ITEM, { profile, today: TODAY });
    const first = form.validateAll();
    assert.equal(first.complete, false);
    assert.ok(first.errors.some((e) => e.path === 'declaration' && e.page === 'confirm'));
    const pass = JSON.parse(await repoText('tests/data/check/residence-permit.pass.json'));
    for (const [path, value] of Object.entries(pass.answers)) form.set(path, value);
    const done = form.validateAll();
    assert.deepEqual(done.errors.filter((e) => e.severity !== 'warning'), []);
    assert.equal(done.complete, true);
    assert.equal(form.answers().landlordName, '张房东');
    assert.ok(form.materials().some((m) => m.id === 'idCard' && m.via.includes('licence')));
    form.free();
  });

  it('adds and removes rows of a repeating group', () => {
    const form = h.form.open(catalog, ITEM, { profile, today: TODAY });
    const group = form.layout().pages.flatMap((p) => p.fields).find((f) => f.type === 'group');
    const added = form.addRow(group.id);
    assert.ok(added.changed.some((s) => s.path.startsWith(`${group.id}[0].`)));
    assert.equal(form.answers()[group.id].length, 1);
    form.removeRow(group.id, 0);
    assert.equal(form.answers()[group.id].length, 0);
    assert.throws(() => form.removeRow(group.id, 5), (e) => e.name === 'HaobanError' && typeof e.zh === 'string');
    form.free();
  });

  it('a draft restores the answers in a new session', () => {
    const form = h.form.open(catalog, ITEM, { profile, today: TODAY });
    form.set('housingType', 'rented');
    form.set('landlordName', '张房东');
    const draft = form.draft();
    assert.equal(draft.item, ITEM);
    form.free();
    const again = h.form.open(catalog, ITEM, { profile, today: TODAY, draft });
    assert.equal(again.draftReport.loaded, true);
    assert.equal(again.answers().landlordName, '张房东');
    again.free();
  });

  it('throws HaobanError for refused changes and stale sessions', () => {
    const form = h.form.open(catalog, ITEM, { profile, today: TODAY });
    assert.throws(() => form.set('noSuchField', 'x'), (e) => e.type === 'unknown_field' && /nofield|noSuchField/i.test(e.en) && e.zh.includes('noSuchField'));
    assert.throws(() => form.set('applicantName', '别人'), (e) => e.name === 'HaobanError');
    assert.equal(form.free(), true);
    assert.throws(() => form.states(), (e) => e.type === 'bad_handle');
    assert.throws(() => h.form.open(catalog, 'no-such-item', { today: TODAY }), (e) => e.name === 'HaobanError');
    assert.throws(() => h.form.open(catalog, ITEM, { today: '2026-02-30' }), (e) => e.type === 'bad_today');
    assert.throws(() => h.form.open({}, ITEM), (e) => e.type === 'bad_argument');
  });
});
