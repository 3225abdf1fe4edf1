// Checks the shipped catalogue data and its tools: data/catalog/guangzhou.json against
// docs/catalog.schema.json and its references (scripts/check-catalog.mjs), that the checker
// really catches broken references with their JSON paths, the pinyin table, and the synthetic
// catalogue generator's determinism. Needs only Node and the root devDependencies (npm ci).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkCatalog, checkProfiles } from '../../scripts/check-catalog.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const sample = () => JSON.parse(readFileSync(join(root, 'data', 'catalog', 'guangzhou.json'), 'utf8'));

function fieldCounts(item) {
  let top = 0;
  let groups = 0;
  for (const page of item.form.pages) {
    for (const f of page.fields) {
      if (f.type === 'group') groups++;
      else top++;
    }
  }
  return { top, groups };
}

test('the Guangzhou sample passes the schema and every reference check', () => {
  assert.deepEqual(checkCatalog(sample()), []);
});

test('the sample has the required items, big forms, bundles and policies', () => {
  const c = sample();
  const names = c.items.map((i) => i.name.zh);
  for (const required of ['广东省居住证申领', '出生登记（新生儿入户）', '个体工商户设立登记', '食品经营许可（新办）',
    '灵活就业人员企业职工基本养老保险参保登记', '住房公积金租房提取']) {
    assert.ok(names.includes(required), `missing ${required}`);
  }
  assert.ok(c.items.length >= 8);
  const big = (id) => {
    const item = c.items.find((i) => i.id === id);
    const { top, groups } = fieldCounts(item);
    assert.ok(top >= 20, `${id} has ${top} fields`);
    assert.ok(groups >= 1, `${id} has no repeating group`);
  };
  big('gz-residence-permit');       // citizen item
  big('gz-individual-business');    // business items
  big('gz-food-business-licence');
  assert.deepEqual(c.bundles.find((b) => b.name.zh === '开办餐馆一件事').items.map((e) => e.item),
    ['gz-individual-business', 'gz-food-business-licence']);
  assert.ok(c.bundles.some((b) => b.name.zh === '出生一件事'));
  assert.ok(c.policies.length >= 2 && c.policies.every((p) => p.mode === '免申即享' && p.audience.includes('法人')));
  for (const item of c.items) {
    assert.equal(item.basicCode.length, 12);
    assert.ok(item.implCode.length <= 36);
    assert.ok(item.sources.length >= 1, `${item.id} cites no source`);
  }
});

test('the checker reports broken references with their JSON paths', () => {
  const c = sample();
  const residence = c.items.findIndex((i) => i.id === 'gz-residence-permit');
  const food = c.items.findIndex((i) => i.id === 'gz-food-business-licence');
  c.items[residence].form.rules[0].assert = 'registeredDayz >= 183';
  c.items[residence].materials[0].replaceBy.licence = 'no_such_licence';
  c.items[residence].acceptanceConditions[0].when = 'age(applicant.birthDate, 3) >= 18 && bogus(1)';
  c.items[food].materials[1].replaceBy = { commitment: 'premises_commitment' };
  c.bundles[0].items[0].item = 'gz-missing';
  const errors = checkCatalog(c);
  const has = (prefix, text) => assert.ok(errors.some((e) => e.startsWith(prefix) && e.includes(text)),
    `expected "${prefix}… ${text}" in\n${errors.join('\n')}`);
  has(`$.items[${residence}].form.rules[0].assert`, 'unknown field registeredDayz');
  has(`$.items[${residence}].materials[0].replaceBy.licence`, 'unknown e-licence type no_such_licence');
  has(`$.items[${residence}].acceptanceConditions[0].when`, 'age() takes 1 argument(s), given 2');
  has(`$.items[${residence}].acceptanceConditions[0].when`, 'unknown function bogus()');
  has(`$.items[${food}].materials[1].replaceBy.commitment`, 'is not allowed in domain');
  has('$.bundles[0].items[0].item', 'unknown item gz-missing');
  assert.equal(errors.length, 6, errors.join('\n'));
});

test('the schema rejects structural errors with JSON paths', () => {
  const c = sample();
  c.items[1].basicCode = '12345';
  c.items[2].materials[0].necessity = '容缺后补';  // without deferralWorkingDays
  const errors = checkCatalog(c);
  assert.ok(errors.some((e) => e.startsWith('$.items[1].basicCode')), errors.join('\n'));
  assert.ok(errors.some((e) => e.startsWith('$.items[2].materials[0]')), errors.join('\n'));
});

test('the sample profiles fit the catalogue, and bad ones are reported', () => {
  const profiles = JSON.parse(readFileSync(join(root, 'data', 'catalog', 'profiles.sample.json'), 'utf8'));
  assert.deepEqual(checkProfiles(sample(), profiles), []);
  const kinds = profiles.profiles.map((p) => p.applicant.kind);
  assert.ok(kinds.includes('自然人') && kinds.includes('法人'));
  profiles.profiles[0].applicant.idNumber = '430524199506123412';  // wrong check digit
  profiles.profiles[0].applicant.nope = 1;
  assert.deepEqual(checkProfiles(sample(), profiles), [
    '$.profiles[0].applicant.idNumber: "430524199506123412" is not a valid id_number',
    '$.profiles[0].applicant.nope: not a declared profile field',
  ]);
});

test('the pinyin table covers the 6,763 GB2312 hanzi with all readings', () => {
  const lines = readFileSync(join(root, 'data', 'pinyin', 'gb2312-pinyin.tsv'), 'utf8').split('\n')
    .filter((l) => l && !l.startsWith('#'));
  assert.equal(lines.length, 6763);
  const table = new Map(lines.map((l) => {
    const [ch, readings] = l.split('\t');
    assert.equal([...ch].length, 1, l);
    assert.match(readings, /^[a-z]+(,[a-z]+)*$/, l);
    return [ch, readings.split(',')];
  }));
  assert.equal(table.size, 6763);
  assert.deepEqual(['居', '住', '证'].map((ch) => table.get(ch)[0]), ['ju', 'zhu', 'zheng']);
  assert.ok(table.get('行').includes('xing') && table.get('行').includes('hang'));
  assert.equal(table.get('绿')[0], 'lv');
  // the committed table is what the generator produces from the pinned pinyin-pro
  execFileSync(process.execPath, [join(root, 'scripts', 'gen-pinyin.mjs'), '--check'], { stdio: 'pipe' });
});

test('the synthetic generator is deterministic and its output checks clean', () => {
  const dir = mkdtempSync(join(tmpdir(), 'haoban-syn-'));
  try {
    const gen = (out, seed) => execFileSync(process.execPath,
      [join(root, 'scripts', 'gen-synthetic-catalog.mjs'), out, '--items', '300', '--seed', String(seed)], { stdio: 'pipe' });
    gen(join(dir, 'a.json'), 7);
    gen(join(dir, 'b.json'), 7);
    gen(join(dir, 'c.json'), 8);
    const a = readFileSync(join(dir, 'a.json'), 'utf8');
    assert.equal(a, readFileSync(join(dir, 'b.json'), 'utf8'));
    assert.notEqual(a, readFileSync(join(dir, 'c.json'), 'utf8'));
    const catalog = JSON.parse(a);
    assert.equal(catalog.items.length, 300);
    assert.equal(new Set(catalog.items.map((i) => i.id)).size, 300);
    assert.equal(catalog.items[8].id, 'bench-form-80');
    // Guide-heavy like 花城事好办's list (scripts/gen-synthetic-catalog.mjs): most items have a
    // few fields besides the declaration, a few have 20–80.
    const tops = catalog.items.slice(9).map((item) => fieldCounts(item).top);
    for (const [i, top] of tops.entries()) assert.ok(top >= 1 && top <= 81, `item ${i + 9} has ${top} fields`);
    assert.ok(tops.filter((t) => t <= 11).length > tops.length * 0.8, 'most items are short');
    assert.ok(tops.some((t) => t >= 20), 'some items are long');
    assert.deepEqual(checkCatalog(catalog), []);

    // the benchmark form of DESIGN.md's budgets: 80 fields and a group of up to 50 rows
    execFileSync(process.execPath, [join(root, 'scripts', 'gen-synthetic-catalog.mjs'), join(dir, 'bench.json'), '--bench-only'], { stdio: 'pipe' });
    const bench = JSON.parse(readFileSync(join(dir, 'bench.json'), 'utf8'));
    assert.equal(bench.items.length, 1);
    assert.deepEqual(fieldCounts(bench.items[0]), { top: 80, groups: 1 });
    assert.equal(bench.items[0].form.pages.at(-1).fields[0].max, 50);
    assert.deepEqual(checkCatalog(bench), []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
