#!/usr/bin/env node
// Checks catalogue files against docs/catalog.schema.json (JSON Schema 2020-12, with ajv)
// and then checks what a schema cannot: references between objects and the names used in
// expressions. It is the authoring-time check for data/catalog/*.json and for the synthetic
// generator's output; the C++ loader (`haoban catalog check`) is the authority at run time
// and also compiles every expression.
//
//   node scripts/check-catalog.mjs [--quiet] [--profiles PROFILES.json] FILE...   exit 0 clean, 2 on errors
//
// --profiles also checks test profiles (data/catalog/profiles.sample.json) against each FILE's
// profileFields and licenceTypes: declared names, value types, ID and USCC check digits.
//
// Every error names the JSON path of the offending value.

import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const schema = JSON.parse(readFileSync(join(repoRoot, 'docs', 'catalog.schema.json'), 'utf8'));

// The expression functions of docs/catalog-format.md. Keep in sync with the guide.
const FUNCTIONS = new Map([
  ['today', [0, 0]], ['age', [1, 1]], ['date_add', [3, 3]], ['date_diff', [3, 3]],
  ['working_days', [2, 2]], ['add_working_days', [2, 2]],
  ['id_valid', [1, 1]], ['id_birth_date', [1, 1]], ['id_sex', [1, 1]], ['id_division', [1, 1]],
  ['uscc_valid', [1, 1]], ['division_name', [1, 1]], ['division_contains', [2, 2]],
  ['len', [1, 1]], ['matches', [2, 2]], ['fen', [1, 1]],
]);
// Standard JsonLogic operations (besides the functions above) accepted in JsonLogic form.
const JSONLOGIC_OPS = new Set(['var', 'and', 'or', 'if', '?:', '==', '!=', '===', '!==', '<', '<=', '>', '>=',
  '!', '!!', '+', '-', '*', '/', '%', 'min', 'max', 'cat', 'substr', 'in', 'merge', 'missing', 'missing_some',
  '??', 'map', 'filter', 'reduce', 'all', 'some', 'none']);
const ITERATORS = new Set(['map', 'filter', 'reduce', 'all', 'some', 'none']);
const RESERVED = new Set(['applicant', 'licences', 'row', 'form', 'today', 'true', 'false', 'null', 'in']);
const DATE_LITERAL = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;

// --- infix tokenizer: enough to find names, calls and unbalanced brackets ------------------
function tokenize(src) {
  const tokens = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (/\s/.test(c)) { i++; continue; }
    if (c === '"') {
      let j = i + 1;
      while (j < src.length && src[j] !== '"') j += src[j] === '\\' ? 2 : 1;
      if (j >= src.length) throw new Error(`unterminated string at column ${i + 1}`);
      tokens.push({ t: 'str', v: JSON.parse(src.slice(i, j + 1)), at: i });
      i = j + 1;
      continue;
    }
    const num = /^[0-9]+(\.[0-9]+)?/.exec(src.slice(i));
    if (num) { tokens.push({ t: 'num', v: num[0], at: i }); i += num[0].length; continue; }
    const name = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*/.exec(src.slice(i));
    if (name) { tokens.push({ t: 'name', v: name[0], at: i }); i += name[0].length; continue; }
    const op = /^(&&|\|\||==|!=|<=|>=|[-+*/%<>!?:(),\[\]])/.exec(src.slice(i));
    if (op) { tokens.push({ t: 'op', v: op[0], at: i }); i += op[0].length; continue; }
    throw new Error(`unexpected character ${JSON.stringify(c)} at column ${i + 1}`);
  }
  return tokens;
}

// Returns the referenced names ({path, call, argc}) of an infix or JsonLogic expression.
function referencesOf(expr) {
  const refs = [];
  if (typeof expr === 'string') {
    const tokens = tokenize(expr);
    const stack = [];
    for (let k = 0; k < tokens.length; k++) {
      const tok = tokens[k];
      if (tok.t === 'op' && (tok.v === '(' || tok.v === '[')) {
        stack.push({ open: tok.v, call: null, args: 0, sawArg: false });
        const prev = tokens[k - 1];
        if (tok.v === '(' && prev && prev.t === 'name') stack[stack.length - 1].call = refs[refs.length - 1];
        continue;
      }
      if (tok.t === 'op' && (tok.v === ')' || tok.v === ']')) {
        const top = stack.pop();
        if (!top || (top.open === '(') !== (tok.v === ')')) throw new Error(`unbalanced ${tok.v} at column ${tok.at + 1}`);
        if (top.call) top.call.argc = top.sawArg ? top.args + 1 : 0;
        if (stack.length) stack[stack.length - 1].sawArg = true;
        continue;
      }
      if (tok.t === 'op' && tok.v === ',') {
        if (!stack.length) throw new Error(`comma outside a call or array at column ${tok.at + 1}`);
        stack[stack.length - 1].args++;
        continue;
      }
      if (stack.length) stack[stack.length - 1].sawArg = true;
      if (tok.t === 'name') {
        if (tok.v === 'true' || tok.v === 'false' || tok.v === 'null' || tok.v === 'in') continue;
        const isCall = tokens[k + 1] && tokens[k + 1].v === '(';
        refs.push({ path: tok.v, call: isCall });
      }
    }
    if (stack.length) throw new Error('unclosed bracket');
    return refs;
  }
  // inIterator: inside the per-element expression of map/filter/…, where var names the element
  const walk = (node, inIterator) => {
    if (Array.isArray(node)) return node.forEach((n) => walk(n, inIterator));
    if (node === null || typeof node !== 'object') return;
    const keys = Object.keys(node);
    if (keys.length !== 1) throw new Error(`a JsonLogic operation has exactly one key, found ${keys.length}`);
    const [op] = keys;
    const arg = node[op];
    if (op === 'var') {
      const path = Array.isArray(arg) ? arg[0] : arg;
      if (typeof path !== 'string') throw new Error('var needs a string path');
      if (!inIterator) refs.push({ path, call: false });
      return;
    }
    if (FUNCTIONS.has(op)) refs.push({ path: op, call: true, argc: Array.isArray(arg) ? arg.length : 1 });
    else if (!JSONLOGIC_OPS.has(op)) throw new Error(`unknown JsonLogic operation ${op}`);
    if (ITERATORS.has(op) && Array.isArray(arg)) {
      walk(arg[0], inIterator);
      arg.slice(1).forEach((n) => walk(n, true));
      return;
    }
    walk(arg, inIterator);
  };
  walk(expr, false);
  return refs;
}

// Resolves a simple JSON path ($.a.b[0].c) inside obj; undefined when it leads nowhere.
function resolvePath(obj, path) {
  if (!path.startsWith('$')) return undefined;
  const steps = path.slice(1).match(/\.[A-Za-z_$][A-Za-z0-9_$]*|\[[0-9]+\]/g) || [];
  if (steps.join('') !== path.slice(1)) return undefined;
  let cur = obj;
  for (const s of steps) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = s.startsWith('[') ? cur[Number(s.slice(1, -1))] : cur[s.slice(1)];
  }
  return cur;
}

class Checker {
  constructor(catalog) {
    this.c = catalog;
    this.errors = [];
    this.profile = new Set((catalog.profileFields || []).map((p) => p.path));
    this.licences = new Map((catalog.licenceTypes || []).map((l) => [l.id, new Set(l.fields.map((f) => f.id))]));
    this.commitments = new Map((catalog.commitmentTemplates || []).map((t) => [t.id, t]));
  }
  err(path, msg) { this.errors.push(`${path}: ${msg}`); }

  // scope: {fields:Set of form field ids, row:Set|null}
  expr(path, expr, scope) {
    let refs;
    try {
      refs = referencesOf(expr);
    } catch (e) {
      this.err(path, `expression does not parse: ${e.message}`);
      return;
    }
    for (const r of refs) {
      if (r.call) {
        const arity = FUNCTIONS.get(r.path);
        if (!arity) this.err(path, `unknown function ${r.path}()`);
        else if (r.argc !== undefined && (r.argc < arity[0] || r.argc > arity[1]))
          this.err(path, `${r.path}() takes ${arity[0]} argument(s), given ${r.argc}`);
        continue;
      }
      this.name(path, r.path, scope);
    }
  }

  name(path, p, scope) {
    const parts = p.split('.');
    if (parts[0] === 'applicant') {
      if (!this.profile.has(parts.slice(0, 2).join('.'))) this.err(path, `unknown profile field ${p}`);
    } else if (parts[0] === 'licences') {
      const fields = this.licences.get(parts[1]);
      if (!fields) this.err(path, `unknown e-licence type ${parts[1]}`);
      else if (parts.length > 2 && !fields.has(parts[2])) this.err(path, `e-licence ${parts[1]} has no field ${parts[2]}`);
    } else if (parts[0] === 'row') {
      if (!scope.row) this.err(path, `row.${parts[1]} used outside a repeating group`);
      else if (!scope.row.has(parts[1])) this.err(path, `the group has no field ${parts[1]}`);
    } else {
      const id = parts[0] === 'form' ? parts[1] : parts[0];
      if (!scope.fields || !scope.fields.has(id)) this.err(path, `unknown field ${id}`);
    }
  }

  flag(path, v, scope) {
    if (v !== undefined && typeof v !== 'boolean') this.expr(path, v, scope);
  }

  prefill(path, from) {
    this.name(path, from, { fields: new Set() });
  }

  checkForm(ip, item) {
    const form = item.form;
    const all = new Map();  // id -> field
    const pageIds = new Set();
    form.pages.forEach((page, pi) => {
      if (pageIds.has(page.id)) this.err(`${ip}.form.pages[${pi}].id`, `duplicate page id ${page.id}`);
      pageIds.add(page.id);
      page.fields.forEach((f, fi) => {
        const fp = `${ip}.form.pages[${pi}].fields[${fi}]`;
        const add = (x, xp) => {
          if (RESERVED.has(x.id)) this.err(`${xp}.id`, `${x.id} is a reserved name`);
          if (all.has(x.id)) this.err(`${xp}.id`, `duplicate field id ${x.id}`);
          all.set(x.id, { f: x, path: xp });
        };
        add(f, fp);
        if (f.type === 'group') {
          f.fields.forEach((g, gi) => add(g, `${fp}.fields[${gi}]`));
        }
      });
    });
    const materials = new Set(item.materials.map((m) => m.id));
    const fieldScope = { fields: new Set([...all.keys()]), row: null };

    const checkField = (f, fp, scope) => {
      for (const k of ['required', 'visible', 'enabled', 'readonly']) this.flag(`${fp}.${k}`, f[k], scope);
      if (f.computed !== undefined) this.expr(`${fp}.computed`, f.computed, scope);
      if (f.prefill) this.prefill(`${fp}.prefill.from`, f.prefill.from);
      if (f.material && !materials.has(f.material)) this.err(`${fp}.material`, `unknown material ${f.material}`);
      for (const k of ['min', 'max'])
        if (typeof f[k] === 'string' && !DATE_LITERAL.test(f[k])) this.expr(`${fp}.${k}`, f[k], scope);
      if (f.options) {
        const codes = new Set();
        f.options.forEach((o, oi) => {
          if (codes.has(o.code)) this.err(`${fp}.options[${oi}].code`, `duplicate option code ${o.code}`);
          codes.add(o.code);
          if (o.visible !== undefined) this.expr(`${fp}.options[${oi}].visible`, o.visible, scope);
        });
        if (f.default !== undefined) {
          const ds = Array.isArray(f.default) ? f.default : [f.default];
          for (const d of ds) if (!codes.has(d)) this.err(`${fp}.default`, `default ${JSON.stringify(d)} is not an option code`);
        }
      }
      (f.rules || []).forEach((r, ri) => this.rule(`${fp}.rules[${ri}]`, r, scope, all));
    };

    form.pages.forEach((page, pi) => {
      const pp = `${ip}.form.pages[${pi}]`;
      this.flag(`${pp}.visible`, page.visible, fieldScope);
      page.fields.forEach((f, fi) => {
        const fp = `${pp}.fields[${fi}]`;
        if (f.type !== 'group') return checkField(f, fp, fieldScope);
        if (f.min > f.max) this.err(`${fp}.min`, `min ${f.min} exceeds max ${f.max}`);
        this.flag(`${fp}.visible`, f.visible, fieldScope);
        this.flag(`${fp}.required`, f.required, fieldScope);
        const rowScope = { fields: fieldScope.fields, row: new Set(f.fields.map((g) => g.id)) };
        f.fields.forEach((g, gi) => checkField(g, `${fp}.fields[${gi}]`, rowScope));
        (f.rowRules || []).forEach((r, ri) => this.rule(`${fp}.rowRules[${ri}]`, r, rowScope, all));
      });
    });
    (form.rules || []).forEach((r, ri) => this.rule(`${ip}.form.rules[${ri}]`, r, fieldScope, all));
    return fieldScope;
  }

  rule(path, r, scope, all) {
    this.expr(`${path}.assert`, r.assert, scope);
    for (const [k, id] of (r.fields || []).entries())
      if (!all.has(id)) this.err(`${path}.fields[${k}]`, `unknown field ${id}`);
  }

  checkItem(item, i) {
    const ip = `$.items[${i}]`;
    const scope = this.checkForm(ip, item);
    const materialIds = new Set();
    item.materials.forEach((m, mi) => {
      const mp = `${ip}.materials[${mi}]`;
      if (materialIds.has(m.id)) this.err(`${mp}.id`, `duplicate material id ${m.id}`);
      materialIds.add(m.id);
      if (m.when !== undefined) this.expr(`${mp}.when`, m.when, scope);
      if (m.replaceBy?.licence && !this.licences.has(m.replaceBy.licence))
        this.err(`${mp}.replaceBy.licence`, `unknown e-licence type ${m.replaceBy.licence}`);
      if (m.replaceBy?.commitment) {
        const t = this.commitments.get(m.replaceBy.commitment);
        if (!t) this.err(`${mp}.replaceBy.commitment`, `unknown commitment template ${m.replaceBy.commitment}`);
        else {
          const clash = (t.restrictedDomains || []).filter((d) => (item.domains || []).includes(d));
          if (clash.length) this.err(`${mp}.replaceBy.commitment`, `commitment ${t.id} is not allowed in domain ${clash.join(', ')}`);
        }
      }
    });
    const condIds = new Set();
    item.acceptanceConditions.forEach((c, ci) => {
      if (condIds.has(c.id)) this.err(`${ip}.acceptanceConditions[${ci}].id`, `duplicate condition id ${c.id}`);
      condIds.add(c.id);
      if (c.when !== undefined) this.expr(`${ip}.acceptanceConditions[${ci}].when`, c.when, scope);
    });
    (item.notes || []).forEach((n, ni) => {
      if (n.path !== undefined && resolvePath(item, n.path) === undefined)
        this.err(`${ip}.notes[${ni}].path`, `${n.path} does not point at a value of the item`);
    });
    if (item.result?.licence && !this.licences.has(item.result.licence))
      this.err(`${ip}.result.licence`, `unknown e-licence type ${item.result.licence}`);
    return scope;
  }

  run() {
    const c = this.c;
    c.commitmentTemplates.forEach((t, ti) => {
      if (t.excludedWhen !== undefined) this.expr(`$.commitmentTemplates[${ti}].excludedWhen`, t.excludedWhen, { fields: new Set() });
    });
    const seen = new Map();
    const scopes = new Map();
    const implCodes = new Set();
    c.items.forEach((item, i) => {
      if (seen.has(item.id)) this.err(`$.items[${i}].id`, `duplicate id ${item.id}`);
      seen.set(item.id, `items[${i}]`);
      if (implCodes.has(item.implCode)) this.err(`$.items[${i}].implCode`, `duplicate implCode ${item.implCode}`);
      implCodes.add(item.implCode);
      scopes.set(item.id, this.checkItem(item, i));
    });
    c.bundles.forEach((b, bi) => {
      if (seen.has(b.id)) this.err(`$.bundles[${bi}].id`, `duplicate id ${b.id}`);
      seen.set(b.id, `bundles[${bi}]`);
      const merged = new Set();
      b.items.forEach((e) => (scopes.get(e.item)?.fields || []).forEach((id) => merged.add(id)));
      b.items.forEach((e, ei) => {
        if (!scopes.has(e.item)) this.err(`$.bundles[${bi}].items[${ei}].item`, `unknown item ${e.item}`);
        if (e.when !== undefined) this.expr(`$.bundles[${bi}].items[${ei}].when`, e.when, { fields: merged });
      });
      (b.conditions || []).forEach((r, ri) => {
        if (r.when !== undefined) this.expr(`$.bundles[${bi}].conditions[${ri}].when`, r.when, { fields: merged });
      });
    });
    c.policies.forEach((p, pi) => {
      if (seen.has(p.id)) this.err(`$.policies[${pi}].id`, `duplicate id ${p.id}`);
      seen.set(p.id, `policies[${pi}]`);
      const none = { fields: new Set() };
      p.eligibility.forEach((e, ei) => e.when !== undefined && this.expr(`$.policies[${pi}].eligibility[${ei}].when`, e.when, none));
      if (p.benefit.amountFen !== undefined) this.expr(`$.policies[${pi}].benefit.amountFen`, p.benefit.amountFen, none);
      if (p.validFrom && p.validTo && p.validFrom > p.validTo) this.err(`$.policies[${pi}].validTo`, 'validTo is before validFrom');
    });
    return this.errors;
  }
}

// --- test profiles (data/catalog/profiles.sample.json) ------------------------------------
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
function idValid(s) {
  if (!/^[0-9]{17}[0-9X]$/.test(s)) return false;
  const sum = ID_WEIGHTS.reduce((acc, w, i) => acc + w * Number(s[i]), 0);
  return '10X98765432'[sum % 11] === s[17] && DATE_LITERAL.test(`${s.slice(6, 10)}-${s.slice(10, 12)}-${s.slice(12, 14)}`);
}
function usccValid(s) {
  if (s.length !== 18 || [...s].some((c) => !USCC_ALPHABET.includes(c))) return false;
  const sum = USCC_WEIGHTS.reduce((acc, w, i) => acc + w * USCC_ALPHABET.indexOf(s[i]), 0);
  return USCC_ALPHABET[(31 - (sum % 31)) % 31] === s[17];
}
function valueFits(type, v, codes) {
  switch (type) {
    case 'text': return typeof v === 'string' && v.length > 0;
    case 'number': return typeof v === 'number' && Number.isFinite(v);
    case 'money': return Number.isInteger(v) && v >= 0;
    case 'boolean': return typeof v === 'boolean';
    case 'date': return typeof v === 'string' && DATE_LITERAL.test(v);
    case 'code': return typeof v === 'string' && (!codes || codes.includes(v));
    case 'codes': return Array.isArray(v) && v.every((x) => !codes || codes.includes(x));
    case 'id_number': return typeof v === 'string' && idValid(v);
    case 'uscc': return typeof v === 'string' && usccValid(v);
    case 'mobile': return typeof v === 'string' && /^1[3-9][0-9]{9}$/.test(v);
    case 'email': return typeof v === 'string' && /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(v);
    case 'division': return typeof v === 'string' && /^[1-9][0-9]{5}$/.test(v);
    default: return false;
  }
}

// Checks a profiles document against the catalogue's profileFields and licenceTypes.
export function checkProfiles(catalog, doc) {
  const errors = [];
  const fields = new Map(catalog.profileFields.map((p) => [p.path.slice('applicant.'.length), p]));
  const licences = new Map(catalog.licenceTypes.map((l) => [l.id, new Map(l.fields.map((f) => [f.id, f]))]));
  const ids = new Set();
  (doc.profiles || []).forEach((p, pi) => {
    const pp = `$.profiles[${pi}]`;
    if (ids.has(p.id)) errors.push(`${pp}.id: duplicate profile id ${p.id}`);
    ids.add(p.id);
    const kind = p.applicant?.kind;
    if (kind !== '自然人' && kind !== '法人') errors.push(`${pp}.applicant.kind: must be 自然人 or 法人`);
    for (const [k, v] of Object.entries(p.applicant || {})) {
      const f = fields.get(k);
      if (!f) errors.push(`${pp}.applicant.${k}: not a declared profile field`);
      else if (!valueFits(f.type, v, f.codes)) errors.push(`${pp}.applicant.${k}: ${JSON.stringify(v)} is not a valid ${f.type}`);
      else if (!f.audience.includes(kind)) errors.push(`${pp}.applicant.${k}: not a fact of a ${kind} profile`);
    }
    for (const [t, data] of Object.entries(p.licences || {})) {
      const lf = licences.get(t);
      if (!lf) { errors.push(`${pp}.licences.${t}: unknown e-licence type`); continue; }
      for (const [k, v] of Object.entries(data)) {
        const f = lf.get(k);
        if (!f) errors.push(`${pp}.licences.${t}.${k}: not a field of ${t}`);
        else if (!valueFits(f.type, v)) errors.push(`${pp}.licences.${t}.${k}: ${JSON.stringify(v)} is not a valid ${f.type}`);
      }
    }
  });
  return errors;
}

export function checkCatalog(catalog) {
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true });
  ajv.addFormat('uri', /^https?:\/\/[^\s]+$/);
  const validate = ajv.compile(schema);
  if (!validate(catalog)) {
    // ajv reports "/items/0/form" style pointers; print them as $.items[0].form
    return validate.errors.map((e) => {
      const path = '$' + e.instancePath.split('/').slice(1).map((s) => (/^[0-9]+$/.test(s) ? `[${s}]` : `.${s}`)).join('');
      return `${path}: ${e.message}${e.params && Object.keys(e.params).length ? ' ' + JSON.stringify(e.params) : ''}`;
    });
  }
  return new Checker(catalog).run();
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const quiet = args.includes('--quiet');
  const pi = args.indexOf('--profiles');
  const profilesFile = pi >= 0 ? args[pi + 1] : null;
  const files = args.filter((a, i) => a !== '--quiet' && (pi < 0 || (i !== pi && i !== pi + 1)));
  if (!files.length) {
    console.error('usage: node scripts/check-catalog.mjs [--quiet] [--profiles PROFILES.json] FILE...');
    process.exit(64);
  }
  let failed = 0;
  for (const file of files) {
    let catalog;
    try {
      catalog = JSON.parse(readFileSync(file, 'utf8'));
    } catch (e) {
      console.error(`${file}: $: not readable JSON: ${e.message}`);
      failed++;
      continue;
    }
    const errors = checkCatalog(catalog);
    if (profilesFile && !errors.length) {
      for (const e of checkProfiles(catalog, JSON.parse(readFileSync(profilesFile, 'utf8')))) errors.push(`${profilesFile} ${e}`);
    }
    for (const e of errors.slice(0, 200)) console.error(`${file}: ${e}`);
    if (errors.length > 200) console.error(`${file}: … ${errors.length - 200} more`);
    if (errors.length) failed++;
    else if (!quiet)
      console.log(`${file}: ok (${catalog.items.length} items, ${catalog.bundles.length} bundles, ${catalog.policies.length} policies)`);
  }
  process.exit(failed ? 2 : 0);
}
