// The package runs under a Content-Security-Policy without 'unsafe-eval' (only
// 'wasm-unsafe-eval', which compiling WebAssembly needs): embind is built without new Function
// (DYNAMIC_EXECUTION=0), so nothing in the glue or the wrappers evaluates strings. The page
// loads only same-origin scripts; any violation is reported by the securitypolicyviolation
// event and fails the test. A control page proves the policy really blocks eval.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { repoRoot } from './harness.mjs';
import { openPhone, servePages } from './wasm-pages.mjs';

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; object-src 'none'";
const PAGE = `<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<title>csp</title><script type="module" src="/csp.mjs"></script>`;
const SCRIPT = `
window.violations = [];
document.addEventListener('securitypolicyviolation', (e) => window.violations.push(e.violatedDirective + ' ' + e.blockedURI));
window.evalBlocked = (() => { try { eval('1'); return false; } catch (e) { return e instanceof EvalError; } })();
import { load } from '/core/index.mjs';
window.result = (async () => {
  const h = await load();
  const catalog = h.catalog.load(await (await fetch('/catalog.json')).text());
  const form = h.form.open(catalog, 'gz-residence-permit', { today: '2026-11-27' });
  const changed = form.set('housingType', 'rented').changed.map((s) => s.path);
  let error = null;
  try { h.expr.compile('1 +'); } catch (e) { error = { name: e.name, type: e.type, column: e.column }; }
  const rule = h.expr.compile('age(birthDate) >= 18');
  return {
    valid: h.validate('resident_id', '11010519491231002X', { today: '2026-11-27' }).valid,
    hits: catalog.search('jzz').map((x) => x.id),
    changed,
    adult: rule.evaluate({ birthDate: '2000-01-01' }, { today: '2026-11-27' }),
    error,
  };
})();
`;

describe('wasm package under a CSP without unsafe-eval', () => {
  let server;
  let phone;
  let page;
  let problems;
  before(async () => {
    server = await servePages({ 'csp.html': PAGE, 'csp.mjs': SCRIPT });
    ({ phone, page, problems } = await openPhone());
  });
  after(async () => {
    await phone?.close();
    await server?.stop();
  });

  test('the glue of every flavour is free of eval and new Function', () => {
    const dist = path.join(repoRoot, 'wasm/package/dist');
    const files = [
      ...readdirSync(dist).filter((f) => /\.(mjs|cjs|js)$/.test(f)).map((f) => path.join(dist, f)),
      ...readdirSync(path.join(dist, 'miniprogram')).filter((f) => f.endsWith('.js')).map((f) => path.join(dist, 'miniprogram', f)),
    ];
    assert.ok(files.length >= 5, files.join());
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      assert.doesNotMatch(text, /\bnew Function\s*\(|[^.\w]Function\s*\(\s*["'`]|\beval\s*\(/, file);
    }
  });

  test('catalogue, form, check and expressions work, with no violation', async () => {
    await page.goto(new URL('/csp.html', server.url).href);
    const result = await page.evaluate(() => window.result);
    assert.equal(await page.evaluate(() => window.evalBlocked), true, 'the policy blocks eval');
    assert.equal(result.valid, true);
    assert.equal(result.hits[0], 'gz-residence-permit');
    assert.ok(result.changed.includes('landlordName'));
    assert.equal(result.adult, true);
    assert.deepEqual(result.error, { name: 'HaobanError', type: 'Syntax Error', column: 4 });
    // The eval probe itself is the only violation, and it is reported.
    const violations = await page.evaluate(() => window.violations);
    assert.ok(violations.every((v) => v.startsWith('script-src') && v.endsWith('eval')), violations.join('\n'));
    assert.deepEqual(problems.filter((p) => !/unsafe-eval|EvalError|eval/.test(p)), []);
  });
});
