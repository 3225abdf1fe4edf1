// In-process (Node) runner of the form budgets of DESIGN.md on bench-form-80 (80 fields, a
// 50-row group; made by scripts/gen-synthetic-catalog.mjs --bench-only), with, in the same run,
// the same form built in survey-core@3 (SurveyJS, installed in bench/ only).
//   haoban-wasm: the @haoban/core package's bindings (formOpen, formSet(handle, path, valueJson)
//     → changed states as JSON, formValidateAll): what a host pays per keystroke, JSON included.
//   survey-core: survey.setValue(name, value) then that question's validate(); validate-all is
//     survey.validate(). The ID-number check and the birth date from an ID are registered as
//     custom functions (SurveyJS has neither); everything else uses SurveyJS's own features.
// Each keystroke kind: 2 s warm-up, then p50/p95 over 2,000 timed calls (or what fits in 10 s,
// at least 50); validate-all: median of 5 runs of 50 calls (after 50 warm-up calls). Wall time (CPU time alongside: the machine is often shared).
//   node bench/form/form_bench.mjs BENCH.json [--dist DIR] [--no-peers]
// --no-peers runs haoban-wasm only (survey-core takes minutes; for before/after runs and profiles).
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { surveyJson, idValid, idBirthDate } from './survey-form.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--'));
const distAt = args.indexOf('--dist');
const dist = distAt >= 0 ? args[distAt + 1] : path.join(repoRoot, 'wasm/package/dist');
const noPeers = args.includes('--no-peers');
if (!file) {
  console.error('usage: node bench/form/form_bench.mjs BENCH.json [--dist DIR] [--no-peers]');
  process.exit(64);
}
const now = () => process.hrtime.bigint();
const TODAY = '2026-11-27';

// The same keystrokes as the native bench (bench/form/form_bench.cpp).
const keystrokes = [
  { name: 'text field', path: () => 'g1', value: (i) => `文字${i % 100}` },
  { name: 'number feeding a 9-step computed chain', path: () => 'n1', value: (i) => i % 1000 },
  { name: 'switch showing/hiding 4 fields', path: () => 's1', value: (i) => (i % 2 ? 'yes' : 'no') },
  { name: 'one cell of a 50-row group', path: (i) => `members[${i % 50}].memberName`, value: (i) => `成员${i % 7}`, row: (i) => i % 50, cell: 'memberName' },
];

function percentiles(samplesNs) {
  const s = [...samplesNs].sort((a, b) => a - b);
  return { p50_us: s[Math.floor(s.length / 2)] / 1e3, p95_us: s[Math.floor(s.length * 0.95)] / 1e3 };
}

function timeKeystroke(set) {
  const warm = now();
  let i = 0;
  while (Number(now() - warm) < 2e9) set(i++);
  const samples = [];
  const c0 = process.cpuUsage();
  const start = now();
  // 2,000 calls, or as many as fit in 10 s (at least 50): a slow engine still finishes.
  for (let k = 0; k < 2000 && (k < 50 || Number(now() - start) < 1e10); k += 1, i += 1) {
    const t0 = now();
    set(i);
    samples.push(Number(now() - t0));
  }
  const c = process.cpuUsage(c0);
  return { ...percentiles(samples), cpu_mean_us: (c.user + c.system) / samples.length, calls: samples.length };
}

function timeBatch(call, reps = 50, runs = 5) {
  for (let k = 0; k < reps; k += 1) call();
  const wall = [];
  const cpu = [];
  for (let r = 0; r < runs; r += 1) {
    const c0 = process.cpuUsage();
    const t0 = now();
    for (let k = 0; k < reps; k += 1) call();
    wall.push(Number(now() - t0) / 1e3 / reps);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / reps);
  }
  const mid = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return { median_us: mid(wall), cpu_us: mid(cpu) };
}

const emit = (engine, what, detail, numbers) => console.log(JSON.stringify({ engine, what, detail, ...numbers }));

async function haoban() {
  const { default: create } = await import(pathToFileURL(path.join(dist, 'haoban-core.mjs')).href);
  const m = await create({ wasmBinary: new Uint8Array(fs.readFileSync(path.join(dist, 'haoban-core.wasm'))) });
  const unwrap = (text) => {
    const v = JSON.parse(text);
    if (v && v.error) throw new Error(JSON.stringify(v.error));
    return v;
  };
  const catalog = unwrap(m.catalogLoad(fs.readFileSync(file, 'utf8'), '{"lazy":true}')).handle;
  const open = () => {
    const h = unwrap(m.formOpen(catalog, 'bench-form-80', JSON.stringify({ today: TODAY, profile: { applicant: { birthDate: '1990-01-01' } } }))).handle;
    const set = (p, v) => unwrap(m.formSet(h, p, JSON.stringify(v)));
    set('applicantName', '张三');
    set('idNumber', '11010519491231002X');
    for (let i = 1; i <= 10; i += 1) set(`s${i}`, 'yes');
    for (let i = 1; i <= 10; i += 1) set(`n${i}`, i * 100);
    set('members', Array.from({ length: 50 }, (_, r) => ({ memberName: `成员${r}`, memberIdNumber: '11010519491231002X', relation: 'parent', monthlyIncome: '3000' })));
    return h;
  };
  for (const k of keystrokes) {
    const h = open();
    let changed = 0;
    const r = timeKeystroke((i) => {
      changed = JSON.parse(m.formSet(h, k.path(i), JSON.stringify(k.value(i)))).changed.length;
    });
    emit('haoban-wasm', 'set', k.name, { ...r, changed });
    m.formFree(h);
  }
  const h = open();
  let errors = 0;
  const v = timeBatch(() => {
    errors = JSON.parse(m.formValidateAll(h)).errors.length;
  });
  emit('haoban-wasm', 'validateAll', '80 fields + 50 rows', { ...v, errors });
}

async function survey() {
  const require = createRequire(path.join(repoRoot, 'bench/package.json'));
  const SurveyCore = await import(pathToFileURL(require.resolve('survey-core')).href);
  const { Model, FunctionFactory } = SurveyCore.default ?? SurveyCore;
  FunctionFactory.Instance.register('idValid', (params) => idValid(params[0]));
  FunctionFactory.Instance.register('idBirthDate', (params) => idBirthDate(params[0]));
  const version = JSON.parse(fs.readFileSync(path.join(repoRoot, 'bench/node_modules/survey-core/package.json'), 'utf8')).version;
  const open = () => {
    const s = new Model(surveyJson());
    s.setValue('applicantName', '张三');
    s.setValue('idNumber', '11010519491231002X');
    for (let i = 1; i <= 10; i += 1) s.setValue(`s${i}`, 'yes');
    for (let i = 1; i <= 10; i += 1) s.setValue(`n${i}`, i * 100);
    s.setValue('members', Array.from({ length: 50 }, (_, r) => ({ memberName: `成员${r}`, memberIdNumber: '11010519491231002X', relation: 'parent', monthlyIncome: 3000 })));
    return s;
  };
  for (const k of keystrokes) {
    const s = open();
    const members = s.getQuestionByName('members');
    const r = timeKeystroke((i) => {
      if (k.row) {
        const q = members.panels[k.row(i)].getQuestionByName(k.cell);
        q.value = k.value(i);
        q.validate(true);
      } else {
        s.setValue(k.path(i), k.value(i));
        s.getQuestionByName(k.path(i)).validate(true);
      }
    });
    emit(`survey-core ${version}`, 'set', k.name, r);
  }
  const s = open();
  let hasErrors = false;
  const v = timeBatch(() => {
    hasErrors = !s.validate(false, false);
  });
  emit(`survey-core ${version}`, 'validateAll', '80 fields + 50 rows', { ...v, hasErrors });
}

console.log(JSON.stringify({ machine: { load: fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' '), node: process.version } }));
await haoban();
if (!noPeers) await survey();
