// h.check on the sample catalogue: the 一次性告知单 of a complete and an incomplete residence
// permit application, eligibility with reasons, the canonical package (idempotency key), a bundle,
// the working-day calendar, and canonicalJson.
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { loadEsm, repoJson, repoText, sampleProfile } from './helpers.mjs';

const ITEM = 'gz-residence-permit';

describe('h.check', () => {
  let h;
  let catalog;
  let profile;
  let complete;
  before(async () => {
    h = await loadEsm();
    catalog = h.catalog.load(await repoText('data/catalog/guangzhou.json'));
    profile = await sampleProfile('li-ming-migrant');
    complete = await repoJson('tests/data/check/residence-permit.pass.json');
  });

  it('a complete application is ready, with one trip and an idempotency key', () => {
    const notice = h.check.item(catalog, ITEM, complete, { profile, today: '2026-09-30' });
    assert.equal(notice.ok, true);
    assert.equal(notice.ready, true);
    assert.deepEqual(notice.fieldErrors, []);
    assert.equal(notice.eligibility.verdict, 'eligible');
    assert.equal(notice.trips.count, 1);
    assert.equal(notice.materials.find((m) => m.id === 'idCard').state, 'satisfied_by_licence');
    assert.match(notice.idempotencyKey, /^[0-9a-f]{64}$/);
  });

  it('an incomplete application lists every problem at once', () => {
    const incomplete = structuredClone(complete);
    delete incomplete.answers.declaration;
    delete incomplete.answers.landlordName;
    delete incomplete.materials.photoReceipt;
    const notice = h.check.item(catalog, ITEM, incomplete, { profile, today: '2026-09-30' });
    assert.equal(notice.ready, false);
    const paths = notice.fieldErrors.map((e) => e.path);
    assert.ok(paths.includes('declaration') && paths.includes('landlordName'), paths.join());
    const declaration = notice.fieldErrors.find((e) => e.path === 'declaration');
    assert.equal(declaration.item, ITEM);
    assert.ok(declaration.label.zh.length > 0 && declaration.pageTitle.zh.length > 0);
    assert.equal(notice.materials.find((m) => m.id === 'photoReceipt').blocking, true);
    assert.equal(notice.summary.fieldErrors, notice.fieldErrors.filter((e) => e.severity !== 'warning').length);
    const text = h.check.item(catalog, ITEM, incomplete, { profile, today: '2026-09-30', format: 'text' }).text;
    assert.match(text, /^一次性告知单：广东省居住证申领/);
    assert.match(text, /暂不能提交/);
  });

  it('a missing profile fact makes eligibility undetermined, naming the fact', () => {
    const partial = structuredClone(profile);
    delete partial.applicant.residenceRegisteredOn;
    const result = h.check.eligibility(catalog, ITEM, complete, { profile: partial, today: '2026-09-30' });
    assert.equal(result.item, ITEM);
    assert.equal(result.verdict, 'undetermined');
    assert.deepEqual(result.missing, ['applicant.residenceRegisteredOn']);
  });

  it('the package digest is the SHA-256 of the canonical text and equals the notice key', async () => {
    const pkg = h.check.package(catalog, ITEM, complete, { profile, today: '2026-09-30' });
    const { createHash } = await import('node:crypto');
    assert.equal(pkg.digest, createHash('sha256').update(pkg.canonical, 'utf8').digest('hex'));
    const notice = h.check.item(catalog, ITEM, complete, { profile, today: '2026-09-30' });
    assert.equal(notice.idempotencyKey, pkg.digest);
    assert.equal(h.canonicalJson(JSON.parse(pkg.canonical)).digest, pkg.digest);
  });

  it('the working-day calendar moves the promised date across 国庆', async () => {
    h.setCalendar(await repoJson('data/holidays/cn-mainland.json'));
    const notice = h.check.item(catalog, ITEM, complete, { profile, today: '2026-09-30' });
    assert.equal(notice.deadline.calendarCovered, true);
    assert.equal(notice.deadline.due, '2026-10-20');
    assert.throws(() => h.setCalendar({ format: 'nope' }), (e) => e.type === 'bad_calendar');
  });

  it('checks the 出生一件事 bundle with what the merge saved', async () => {
    const app = await repoJson('tests/data/check/birth-one-thing.pass.json');
    const notice = h.check.bundle(catalog, 'birth-one-thing', app, { profile: await sampleProfile('chen-fang-new-mother'), today: '2026-11-27' });
    assert.equal(notice.kind, 'bundle');
    assert.equal(notice.bundle.id, 'birth-one-thing');
    assert.ok(notice.items.length >= 2);
    assert.ok(notice.saved.fields > 0, JSON.stringify(notice.saved));
  });

  it('canonicalJson sorts keys and gives one digest for equal values', () => {
    const a = h.canonicalJson({ b: 1, a: [2, '好'] });
    assert.equal(a.canonical, '{"a":[2,"好"],"b":1}');
    assert.equal(h.canonicalJson({ a: [2, '好'], b: 1 }).digest, a.digest);
  });

  it('throws HaobanError for an unknown item, a bad application and a missing catalogue', () => {
    assert.throws(
      () => h.check.item(catalog, 'zzz', complete, { today: '2026-09-30' }),
      (e) => e.name === 'HaobanError' && e.type === 'unknown_item' && e.zh.includes('zzz'),
    );
    assert.throws(() => h.check.item(catalog, ITEM, [1, 2], { today: '2026-09-30' }), (e) => e.name === 'HaobanError');
    assert.throws(() => h.check.item(null, ITEM, complete), (e) => e.type === 'bad_argument');
    assert.throws(() => h.check.item(987654, ITEM, complete), (e) => e.type === 'bad_handle');
  });
});
