// "What the phone accepts is accepted": the back office (the native `haoban` executable) and the
// phone (the wasm package) must produce the same 一次性告知单 and byte-identical canonical
// packages, hence the same digest (the Idempotency-Key). This test runs both on the same inputs.
import test from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadEsm } from './helpers.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const bin = process.env.HAOBAN_BIN || path.join(root, 'build/native-release/server-stub/haoban');
const catalogPath = path.join(root, 'data/catalog/guangzhou.json');
const profilesPath = path.join(root, 'data/catalog/profiles.sample.json');
const calendarPath = path.join(root, 'data/holidays/cn-mainland.json');
const scratch = mkdtempSync(path.join(tmpdir(), 'haoban-identity-'));

const applicationOf = (name) => JSON.parse(readFileSync(path.join(root, 'tests/data/check', name), 'utf8'));

function profileOf(id) {
  const all = JSON.parse(readFileSync(profilesPath, 'utf8'));
  const one = all.profiles.find((p) => p.id === id);
  assert.ok(one, `profile ${id} in ${profilesPath}`);
  return { applicant: one.applicant, licences: one.licences ?? {} };
}

// The native side: `haoban check` with the same catalogue, profile, calendar and date.
function nativeCheck(itemId, application, profileId, today, format, what = '--item') {
  assert.ok(existsSync(bin), `${bin} missing: build the native-release preset first`);
  const appFile = path.join(scratch, `${itemId}-${format}.json`);
  writeFileSync(appFile, JSON.stringify(application));
  // Exit 0: ready; 1: not ready (the notice is still printed); anything else is a failure.
  const run = spawnSync(
    bin,
    ['check', '--catalog', catalogPath, what, itemId, '--application', appFile, '--profile', profilesPath,
      '--profile-id', profileId, '--today', today, '--calendar', calendarPath, '--format', format],
    { encoding: 'utf8', maxBuffer: 64 << 20 },
  );
  assert.ok(run.status === 0 || run.status === 1, `haoban check exited ${run.status}: ${run.stderr}`);
  const out = run.stdout;
  return format === 'package' ? out.replace(/\n$/, '') : JSON.parse(out);
}

const cases = [
  { item: 'gz-residence-permit', file: 'residence-permit.pass.json', profile: 'li-ming-migrant', today: '2026-09-30' },
  { item: 'gz-individual-business', file: 'individual-business.pass.json', profile: 'wang-qiang-operator', today: '2026-11-27' },
];

let core;
let catalog;
test.after(() => rmSync(scratch, { recursive: true, force: true }));
test.before(async () => {
  core = await loadEsm();
  const m = core.module;
  const loaded = JSON.parse(m.catalogLoad(readFileSync(catalogPath, 'utf8'), '{}'));
  assert.ok(Number.isInteger(loaded.handle), `catalogLoad: ${JSON.stringify(loaded).slice(0, 300)}`);
  catalog = loaded.handle;
  const cal = JSON.parse(m.checkSetCalendar(readFileSync(calendarPath, 'utf8')));
  assert.equal(cal.ok, true);
});

for (const c of cases) {
  test(`${c.item}: native and wasm packages are byte-identical`, () => {
    const application = applicationOf(c.file);
    const options = JSON.stringify({ profile: profileOf(c.profile), today: c.today });
    const wasm = JSON.parse(core.module.checkPackage(catalog, c.item, JSON.stringify(application), options));
    assert.equal(typeof wasm.canonical, 'string', JSON.stringify(wasm).slice(0, 500));
    const native = nativeCheck(c.item, application, c.profile, c.today, 'package');
    assert.equal(wasm.canonical, native);
    assert.match(wasm.digest, /^[0-9a-f]{64}$/);
    // The digest is the SHA-256 of exactly those bytes, on both sides.
    assert.equal(createHash('sha256').update(native, 'utf8').digest('hex'), wasm.digest);
  });

  test(`${c.item}: a changed answer changes the package on both sides alike`, () => {
    const application = applicationOf(c.file);
    const [firstKey] = Object.keys(application.answers);
    application.answers[firstKey] = typeof application.answers[firstKey] === 'string'
      ? `${application.answers[firstKey]}（改）`
      : application.answers[firstKey];
    const options = JSON.stringify({ profile: profileOf(c.profile), today: c.today });
    const wasm = JSON.parse(core.module.checkPackage(catalog, c.item, JSON.stringify(application), options));
    if (typeof wasm.canonical === 'string') {
      assert.equal(wasm.canonical, nativeCheck(c.item, application, c.profile, c.today, 'package'));
    } else {
      // Not ready any more: both sides must then give the same notice.
      assert.deepEqual(wasm, nativeCheck(c.item, application, c.profile, c.today, 'json'));
    }
  });

  test(`${c.item}: an application with several problems gets the same 告知单 from both`, () => {
    const application = applicationOf(c.file);
    const keys = Object.keys(application.answers);
    // Blank three answers and drop every attached material: many problems at once.
    for (const k of keys.slice(0, 3)) application.answers[k] = '';
    application.materials = {};
    const options = JSON.stringify({ profile: profileOf(c.profile), today: c.today });
    const wasm = JSON.parse(core.module.checkItem(catalog, c.item, JSON.stringify(application), options));
    const native = nativeCheck(c.item, application, c.profile, c.today, 'json');
    assert.equal(wasm.ready, false);
    // Several problems, all reported at once (field errors and missing materials).
    assert.ok(wasm.summary.fieldErrors + wasm.summary.missingMaterials >= 2, JSON.stringify(wasm.summary));
    assert.deepEqual(wasm, native);
  });
}

// 一件事 bundles: one application, several items; the whole bundle notice must agree.
const bundles = [
  { bundle: 'open-restaurant', file: 'open-restaurant.pass.json', profile: 'wang-qiang-operator', today: '2026-11-27' },
  { bundle: 'birth-one-thing', file: 'birth-one-thing.pass.json', profile: 'chen-fang-new-mother', today: '2026-11-27' },
];
for (const b of bundles) {
  for (const broken of [false, true]) {
    test(`bundle ${b.bundle}${broken ? ' with materials missing' : ''}: native and wasm notices agree`, () => {
      const application = applicationOf(b.file);
      if (broken) application.materials = {};
      const options = JSON.stringify({ profile: profileOf(b.profile), today: b.today });
      const wasm = JSON.parse(core.module.checkBundle(catalog, b.bundle, JSON.stringify(application), options));
      assert.ok(!wasm.error, JSON.stringify(wasm).slice(0, 300));
      const native = nativeCheck(b.bundle, application, b.profile, b.today, 'json', '--bundle');
      assert.deepEqual(wasm, native);
    });
  }
}
