// The package itself: WeChat's structure, package sizes, the rules a mini-program runs under
// (no eval, no fetch, no DOM), templates that bind to what their pages define, and drafts kept
// within wx storage's limits.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import { packageSizes, PACKAGE_LIMIT_BYTES, subpackageRoots } from '../../shell/miniprogram/scripts/package-size.mjs';
import { ensureBuilt, MiniProgram, packageRoot, WxStorage } from './setup.mjs';

before(() => ensureBuilt(), { timeout: 20 * 60 * 1000 });

const app = JSON.parse(fs.readFileSync(path.join(packageRoot, 'app.json'), 'utf8'));
const routes = [...app.pages, ...app.subpackages.flatMap((s) => s.pages.map((p) => `${s.root}/${p}`))];

function walk(dir, out = []) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) walk(full, out);
    else out.push(full);
  }
  return out;
}

// Values made inside the vm context have that realm's prototypes: compare them as JSON.
const plain = (v) => (v === null || v === undefined ? v : JSON.parse(JSON.stringify(v)));

// A runtime with no stub behind it: for what needs no network.
function offline(storage) {
  return new MiniProgram({ packageRoot, apiBase: 'http://127.0.0.1:9', storage });
}

describe('package structure and size', () => {
  test('every page of app.json has its .js, .wxml, .wxss and .json', () => {
    assert.ok(routes.length >= 8);
    for (const r of routes) for (const ext of ['js', 'wxml', 'wxss', 'json']) assert.ok(fs.existsSync(path.join(packageRoot, `${r}.${ext}`)), `${r}.${ext}`);
  });

  test('the main package and each subpackage are at most 2 MB, the .wasm.br included', () => {
    const sizes = packageSizes(packageRoot);
    assert.deepEqual(sizes.map((s) => s.name), ['main', ...subpackageRoots(packageRoot)]);
    const br = fs.statSync(path.join(packageRoot, 'core/haoban-core.wasm.br')).size;
    const main = sizes.find((s) => s.name === 'main');
    assert.ok(main.bytes > br, 'the core is counted in the main package');
    for (const s of sizes) assert.ok(s.bytes <= PACKAGE_LIMIT_BYTES, `${s.name}: ${s.bytes} bytes > 2 MB`);
  });

  test('the core ships brotli-compressed and only so', () => {
    const files = walk(packageRoot).map((f) => path.relative(packageRoot, f));
    assert.ok(files.includes('core/haoban-core.wasm.br'));
    assert.ok(!files.some((f) => f.endsWith('.wasm')), 'no uncompressed .wasm in the package');
  });
});

describe('mini-program rules', () => {
  test('the runtime has no eval, Function constructor, fetch, WebAssembly, TextDecoder or DOM', () => {
    const mp = offline();
    const vmRun = (code) => {
      try {
        return String(mp.evaluate(code));
      } catch (e) {
        return `threw ${e.name}: ${e.message}`;
      }
    };
    for (const name of ['eval', 'Function', 'fetch', 'WebAssembly', 'TextDecoder', 'TextEncoder', 'document', 'window', 'XMLHttpRequest', 'process', 'require']) {
      assert.equal(vmRun(`typeof ${name}`), 'undefined', name);
    }
    assert.match(vmRun('(function () {}).constructor("return 1")()'), /EvalError/);
    assert.equal(vmRun('typeof WXWebAssembly.instantiate'), 'function');
  });

  test('the package’s own code calls no eval, Function, fetch or DOM API', () => {
    const own = walk(packageRoot).filter((f) => f.endsWith('.js') && !f.includes(`${path.sep}core${path.sep}`));
    assert.ok(own.length > 10);
    const banned = [/\beval\s*\(/, /\bnew Function\b/, /\bfetch\s*\(/, /\bdocument\./, /\bwindow\./, /\bXMLHttpRequest\b/, /\bimport\s*\(/];
    for (const f of own) {
      const text = fs.readFileSync(f, 'utf8');
      for (const b of banned) assert.ok(!b.test(text), `${path.relative(packageRoot, f)} matches ${b}`);
    }
  });

  test('WXWebAssembly accepts only a package path to .wasm or .wasm.br', async () => {
    const mp = offline();
    await assert.rejects(mp.makeWXWebAssembly().instantiate(new Uint8Array([0, 97, 115, 109]), {}), /package path/);
    await assert.rejects(mp.makeWXWebAssembly().instantiate('/app.json', {}), /not a .wasm/);
    await assert.rejects(mp.makeWXWebAssembly().instantiate('/../../secret.wasm', {}), /outside the code package/);
  });

  test('the core loads from the package and answers in the simulated runtime', async () => {
    const mp = offline();
    const { loadCore } = mp.requireModule('/lib/core.js');
    const core = await mp.track(loadCore());
    assert.equal(mp.wasmLoaded.path, '/core/haoban-core.wasm.br');
    assert.equal(core.validate('uscc', '91350100M000100Y43', '2026-11-28').valid, true);
    assert.equal(core.validate('uscc', '91350100M000100Y44', '2026-11-28').valid, false);
    assert.equal(core.canonicalJson({ b: 1, a: '广州' }).canonical, '{"a":"广州","b":1}');
  });
});

// Every handler a template binds must exist on its page; every name a page template reads at
// the top level must be in the page's initial data (a typo would render as blank on a phone).
describe('templates bind to their pages', () => {
  const templateBlocks = /<template name="[^"]*">[\s\S]*?<\/template>/g;
  const JS_WORDS = new Set(['true', 'false', 'null', 'undefined', 'item', 'index']);

  function identifiersOf(wxml) {
    const loopNames = new Set([...wxml.matchAll(/wx:for-(?:item|index)="(\w+)"/g)].map((m) => m[1]));
    const outside = wxml.replace(templateBlocks, '');
    const names = new Set();
    for (const [, expr] of outside.matchAll(/\{\{([\s\S]*?)\}\}/g)) {
      const stripped = expr.replace(/'[^']*'|"[^"]*"/g, '').replace(/^\s*\.\.\./, '');
      for (const m of stripped.matchAll(/(^|[^.\w$])([A-Za-z_$][\w$]*)/g)) {
        if (!JS_WORDS.has(m[2]) && !loopNames.has(m[2])) names.add(m[2]);
      }
    }
    return names;
  }

  // Tags open and close in order (WeChat's compiler rejects a page that does not).
  function assertBalanced(file, text) {
    const stack = [];
    const body = text.replace(/<!--[\s\S]*?-->/g, '').replace(/\{\{[\s\S]*?\}\}/g, 'x');
    for (const m of body.matchAll(/<(\/?)([a-z][\w-]*)([^>]*?)(\/?)>/g)) {
      const [, closing, name, , selfClosing] = m;
      if (selfClosing) continue;
      if (!closing) stack.push(name);
      else assert.equal(stack.pop(), name, `${file}: </${name}> closes the wrong tag`);
    }
    assert.deepEqual(stack, [], `${file}: unclosed ${stack.join(', ')}`);
  }

  test('every .wxml is balanced', () => {
    const files = walk(packageRoot).filter((f) => f.endsWith('.wxml'));
    assert.ok(files.length >= 9);
    for (const f of files) assertBalanced(path.relative(packageRoot, f), fs.readFileSync(f, 'utf8'));
  });

  for (const route of routes) {
    test(route, () => {
      const mp = offline();
      const def = mp.pageDef(route);
      let wxml = fs.readFileSync(path.join(packageRoot, `${route}.wxml`), 'utf8');
      const own = wxml;
      for (const [, src] of wxml.matchAll(/<import src="([^"]+)"/g)) {
        const file = path.resolve(path.dirname(path.join(packageRoot, route)), src);
        assert.ok(fs.existsSync(file), `${route} imports ${src}`);
        wxml += fs.readFileSync(file, 'utf8');
      }
      const defined = new Set([...wxml.matchAll(/<template name="([^"]+)"/g)].map((m) => m[1]));
      for (const [, used] of wxml.matchAll(/<template[^>]*\bis="([^"]+)"/g)) assert.ok(defined.has(used), `${route} uses template ${used}`);
      for (const [, handler] of wxml.matchAll(/\b(?:bind|catch)\w+="(\w+)"/g)) assert.equal(typeof def[handler], 'function', `${route}: handler ${handler}`);
      for (const name of identifiersOf(own)) assert.ok(name in (def.data || {}), `${route}: {{${name}}} is not in the page's data`);
    });
  }
});

describe('drafts within wx storage limits', () => {
  test('the simulated wx enforces 1 MB per key and 10 MB in all', () => {
    const s = new WxStorage();
    assert.throws(() => s.set('big', 'x'.repeat(1024 * 1024)), /entry size limit/);
    for (let i = 0; i < 10; i++) s.set(`k${i}`, 'x'.repeat(1000 * 1000));
    assert.throws(() => s.set('one-more', 'x'.repeat(600 * 1000)), /10MB/);
  });

  test('a value over 1 MB is chunked under the limit and read back whole', () => {
    const mp = offline();
    const storage = mp.requireModule('/lib/storage.js');
    const value = { text: '广州市天河区'.repeat(120000), n: 1 }; // ≈ 2.2 MB of UTF-8
    const bytes = storage.putJson('big', value);
    assert.ok(bytes > 2 * 1024 * 1024);
    assert.deepEqual(plain(storage.getJson('big')), value);
    for (const [k, v] of mp.storage.map) assert.ok(Buffer.byteLength(k) + Buffer.byteLength(v) <= 1024 * 1024, `${k} within 1 MB`);
    // Rewritten smaller: the old chunks go.
    storage.putJson('big', { n: 2 });
    assert.deepEqual(plain(storage.getJson('big')), { n: 2 });
    assert.equal([...mp.storage.map.keys()].filter((k) => k.startsWith('hb:big#')).length, 1);
  });

  test('a write that would pass 10 MB fails cleanly and leaves the old value readable', () => {
    const mp = offline();
    const storage = mp.requireModule('/lib/storage.js');
    storage.putJson('keep', { v: 'old' });
    let caught = null;
    try {
      storage.putJson('keep', { text: 'x'.repeat(11 * 1024 * 1024) });
    } catch (e) {
      caught = e;
    }
    assert.equal(caught?.name, 'StorageFullError');
    assert.match(caught.zh, /存储空间不足/);
    assert.deepEqual(plain(storage.getJson('keep')), { v: 'old' });
  });

  test('drafts: saved, listed per identity, restored, capped in size', () => {
    const mp = offline();
    const drafts = mp.requireModule('/lib/drafts.js');
    drafts.save('a', { kind: 'item', target: 'gz-food-business-licence', answers: { contactName: '黄志明' }, savedOn: '2026-11-28' });
    drafts.save('b', { kind: 'bundle', target: 'open-restaurant', answers: {}, savedOn: '2026-11-28' });
    assert.deepEqual(plain(drafts.list('a').map((d) => d.target)), ['gz-food-business-licence']);
    assert.equal(drafts.load('a', 'gz-food-business-licence').answers.contactName, '黄志明');
    assert.throws(() => drafts.save('a', { kind: 'item', target: 'x', answers: { t: 'x'.repeat(300 * 1024) } }), (e) => e.name === 'DraftTooLargeError' && /草稿/.test(e.zh));
    drafts.remove('a', 'gz-food-business-licence');
    assert.equal(drafts.load('a', 'gz-food-business-licence'), null);
    assert.deepEqual(plain(drafts.list('a')), []);
  });
});
