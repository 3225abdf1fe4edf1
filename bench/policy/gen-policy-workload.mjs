// Generates the 免申即享 workload of issue 5 item 6: a catalogue whose policy list has the size
// of 花城事好办's whole item list (11,449) and a register of 10,000 business profiles.
//
//   node bench/policy/gen-policy-workload.mjs [--policies 11449] [--profiles 10000] [--out DIR]
//
// Policies are variations of the three real sample policies of data/catalog/guangzhou.json
// (their thresholds, audiences and periods shifted), so every one compiles through the real
// loader and exercises the same rule shapes. Profiles vary the two sample businesses' facts.
// A fixed-seed PRNG makes the output identical on every run (same bytes, same matches).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
};
const policyCount = Number(opt('policies', 11449));
const profileCount = Number(opt('profiles', 10000));
const outDir = path.resolve(opt('out', path.join(root, 'build/bench-policy')));

// mulberry32: tiny, seeded, good enough to spread values.
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = prng(20261128);
const pick = (list) => list[Math.floor(rand() * list.length)];
const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));

const catalog = JSON.parse(readFileSync(path.join(root, 'data/catalog/guangzhou.json'), 'utf8'));
const samples = catalog.policies;

// Shift the integer literals of a rule by a small amount: same shape, other thresholds.
function shiftThresholds(when) {
  if (typeof when === 'string') return when.replace(/>= (\d+)/g, (_, n) => `>= ${Math.max(0, Number(n) + int(-1, 3))}`);
  return JSON.parse(JSON.stringify(when), (k, v) => (typeof v === 'number' && v >= 10 && v <= 100 ? v + int(-5, 5) : v));
}

const years = [['2024-01-01', '2024-12-31'], ['2025-01-01', '2025-12-31'], ['2026-01-01', '2026-12-31'], ['2023-01-01', '2027-12-31']];
const policies = [];
for (let i = 0; i < policyCount; i++) {
  const base = samples[i % samples.length];
  const p = JSON.parse(JSON.stringify(base));
  p.id = `${base.id}-v${i}`;
  p.name = { zh: `${base.name.zh}（第${i}号）`, en: `${base.name.en} (#${i})` };
  const [from, to] = pick(years);
  p.validFrom = from;
  p.validTo = to;
  if (rand() < 0.1) p.audience = ['法人', '自然人'];
  p.eligibility = p.eligibility.map((rule) => ({ ...rule, when: shiftThresholds(rule.when) }));
  policies.push(p);
}
catalog.catalogVersion = `bench-policy-${policyCount}`;
catalog.policies = policies;

const profilesFile = JSON.parse(readFileSync(path.join(root, 'data/catalog/profiles.sample.json'), 'utf8'));
const businesses = profilesFile.profiles.filter((p) => p.applicant.kind === '法人');
const profiles = [];
for (let i = 0; i < profileCount; i++) {
  const base = businesses[i % businesses.length];
  const a = { ...base.applicant };
  a.uscc = base.applicant.uscc;  // identity facts are not what policies test
  a.orgName = `${base.applicant.orgName}${i}`;
  a.orgType = pick(['company', 'company', 'individual_business', 'partnership']);
  a.enterpriseScale = pick(['micro', 'small', 'medium', 'large']);
  a.insuredEmployeesLastYearEnd = int(0, 400);
  a.insuredEmployees = a.insuredEmployeesLastYearEnd + int(-5, 10);
  a.layoffsLastYear = rand() < 0.6 ? 0 : int(1, 40);
  a.unemploymentInsuranceMonthsLastYear = int(0, 12);
  a.unemploymentInsurancePaidLastYearFen = a.insuredEmployeesLastYearEnd * int(8000, 20000);
  a.socialInsuranceArrears = rand() < 0.08;
  a.graduatesHiredThisYear = rand() < 0.5 ? 0 : int(1, 12);
  a.isSmallLowProfit = rand() < 0.3;
  a.isSmallScaleVatPayer = rand() < 0.4;
  a.creditStatus = pick(['good', 'good', 'good', 'good', 'minor', 'serious']);
  profiles.push({ id: `biz-${i}`, applicant: a, licences: base.licences ?? {} });
}

mkdirSync(outDir, { recursive: true });
writeFileSync(path.join(outDir, 'catalog.json'), JSON.stringify(catalog));
writeFileSync(path.join(outDir, 'profiles.json'), JSON.stringify({ profiles }));
console.log(`gen-policy-workload: ${policies.length} policies, ${profiles.length} profiles → ${outDir}`);
