// The benchmark workloads, loaded exactly as the native runner loads them
// (bench/expr/native/workload.cpp): conformance cases that expect a result, in index.json
// order, keyed "<suite file>#<case number>"; and the 40-rule eligibility workload.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, '../../..');
export const suitesDir = path.join(repoRoot, 'tests/data/jsonlogic');
export const eligibilityPath = path.join(repoRoot, 'bench/expr/workloads/eligibility.json');

const readJson = (p) => JSON.parse(fs.readFileSync(p, 'utf8'));

// selection: a Set of keys, or null for every case that expects a result.
export function loadConformance(selection = null) {
  const workload = {
    name: selection ? 'conformance-common' : 'conformance',
    items: [],
    skippedErrorCases: 0,
    skippedNotSelected: 0,
  };
  for (const file of readJson(path.join(suitesDir, 'index.json'))) {
    let number = 0;
    for (const c of readJson(path.join(suitesDir, file))) {
      if (typeof c !== 'object' || c === null) continue; // a string is a section heading
      number += 1;
      if ('error' in c) {
        workload.skippedErrorCases += 1;
        continue;
      }
      const key = `${file}#${number}`;
      if (selection && !selection.has(key)) {
        workload.skippedNotSelected += 1;
        continue;
      }
      workload.items.push({ key, rule: c.rule, data: 'data' in c ? c.data : null, expected: c.result });
    }
  }
  return workload;
}

export function loadEligibility() {
  const file = readJson(eligibilityPath);
  if (!file.expected || typeof file.expected !== 'object') throw new Error('eligibility.json: "expected" missing');
  return {
    name: 'eligibility',
    items: file.rules.map((r) => ({ key: r.id, rule: r.rule, data: file.data, expected: file.expected[r.id] })),
    skippedErrorCases: 0,
    skippedNotSelected: 0,
  };
}

export function loadSelection(p) {
  return new Set(readJson(p));
}

// JSON equality as nlohmann::json's operator== sees it: key order does not matter,
// numbers compare by value.
export function jsonEqual(a, b) {
  if (a === b) return true;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') {
    return typeof a === 'number' && typeof b === 'number' && Number.isNaN(a) && Number.isNaN(b);
  }
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) return a.length === b.length && a.every((x, i) => jsonEqual(x, b[i]));
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => Object.hasOwn(b, k) && jsonEqual(a[k], b[k]));
}
