// The mini-program loader (dist/miniprogram/, built from wasm/package/miniprogram/index.js) in
// a Node vm sandbox shaped like WeChat's runtime: CommonJS through a tiny require, a
// WXWebAssembly that instantiates a .wasm.br from a package path (brotli-decoded as WeChat does),
// and none of fetch, DOM, TextDecoder, URL, process, a global WebAssembly, eval or new Function
// (codeGeneration.strings = false makes both throw inside the sandbox).
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { brotliDecompressSync } from 'node:zlib';
import { distDir, repoJson, repoText, sampleProfile } from './helpers.mjs';

const mpDir = path.join(distDir, 'miniprogram');
const PACKAGE_PATH = '/miniprogram_npm/@haoban/core/';

function sandbox() {
  const logs = [];
  const context = vm.createContext(
    {
      console: { log: (...a) => logs.push(a.join(' ')), warn: (...a) => logs.push(a.join(' ')), error: (...a) => logs.push(a.join(' ')) },
      setTimeout,
      clearTimeout,
    },
    { codeGeneration: { strings: false, wasm: true } },
  );
  vm.runInContext('delete globalThis.WebAssembly;', context);
  const instantiated = [];
  // WeChat's WXWebAssembly.instantiate(path, imports): a path inside the package, .wasm or .wasm.br.
  context.WXWebAssembly = {
    async instantiate(packagePath, imports) {
      assert.ok(packagePath.startsWith(PACKAGE_PATH), packagePath);
      const file = path.join(mpDir, packagePath.slice(PACKAGE_PATH.length));
      let bytes = readFileSync(file);
      if (file.endsWith('.br')) bytes = brotliDecompressSync(bytes);
      instantiated.push(packagePath);
      return WebAssembly.instantiate(bytes, imports);
    },
  };
  // CommonJS as the mini-program runtime provides it: one module per file of the folder.
  const cache = new Map();
  const requireFrom = (name) => {
    const file = path.join(mpDir, name.replace(/^\.\//, ''));
    if (!cache.has(file)) {
      const module = { exports: {} };
      cache.set(file, module);
      const wrapper = vm.runInContext(`(function (module, exports, require) {${readFileSync(file, 'utf8')}\n})`, context, { filename: file });
      wrapper(module, module.exports, requireFrom);
    }
    return cache.get(file).exports;
  };
  return { context, requireFrom, instantiated, logs };
}

describe('mini-program loader in a WeChat-like sandbox', () => {
  let box;
  let h;
  before(async () => {
    for (const f of ['index.js', 'haoban-core.js', 'haoban-api.js', 'haoban-core.wasm.br']) {
      assert.ok(existsSync(path.join(mpDir, f)), `${f} missing in ${mpDir}: build the wasm preset`);
    }
    box = sandbox();
    const { load } = box.requireFrom('./index.js');
    h = await load({ WXWebAssembly: box.context.WXWebAssembly });
  });

  it('the sandbox really lacks the browser and Node globals, and refuses eval and new Function', () => {
    for (const name of ['fetch', 'window', 'document', 'TextDecoder', 'URL', 'process', 'require', 'WebAssembly', 'XMLHttpRequest']) {
      assert.equal(vm.runInContext(`typeof ${name}`, box.context), 'undefined', name);
    }
    assert.throws(() => vm.runInContext('eval("1 + 1")', box.context), /EvalError|Code generation from strings disallowed/);
    assert.throws(() => vm.runInContext('new Function("return 1")', box.context), /EvalError|Code generation from strings disallowed/);
  });

  it('instantiates the brotli module from its package path', () => {
    assert.deepEqual(box.instantiated, [`${PACKAGE_PATH}haoban-core.wasm.br`]);
    assert.match(h.version, /^\d+\.\d+\.\d+$/);
    assert.match(h.sqliteVersion, /^3\./);
  });

  it('runs the whole API: validate, catalogue, form, check, expressions, store', async () => {
    assert.equal(h.validate('uscc', '91350100M000100Y43', { today: '2026-11-27' }).valid, true);
    const catalog = h.catalog.load(await repoText('data/catalog/guangzhou.json'));
    assert.ok(catalog.search('gtgsh').some((hit) => hit.id === 'gz-individual-business'));
    const profile = await sampleProfile('wang-qiang-operator');
    const form = h.form.open(catalog, 'gz-individual-business', { profile, today: '2026-11-27' });
    assert.ok(form.prefilled > 0);
    form.free();
    const app = await repoJson('tests/data/check/individual-business.pass.json');
    const notice = h.check.item(catalog, 'gz-individual-business', app, { profile, today: '2026-11-27' });
    assert.equal(notice.ready, true);
    assert.match(notice.idempotencyKey, /^[0-9a-f]{64}$/);
    const bundle = h.check.bundle(catalog, 'open-restaurant', await repoJson('tests/data/check/open-restaurant.pass.json'), {
      profile: await sampleProfile('wang-qiang-operator'),
      today: '2026-11-27',
    });
    assert.equal(bundle.kind, 'bundle');
    const store = h.store.open(':memory:');
    store.putDraft('d', form.initialStates.length ? '{"ok":1}' : '{}');
    assert.equal(store.getDraft('d'), '{"ok":1}');
    store.close();
  });

  it('errors arrive as HaobanError with a type, and Chinese text survives without TextDecoder', () => {
    let caught;
    try {
      h.expr.compile('年龄 >= ');
    } catch (e) {
      caught = e;
    }
    assert.equal(caught.name, 'HaobanError');
    assert.equal(typeof caught.type, 'string');
    assert.equal(typeof caught.column, 'number');
    const canon = h.canonicalJson({ 名称: '好办', n: 1 });
    assert.equal(canon.canonical, '{"n":1,"名称":"好办"}');
  });

  it('reports a missing WXWebAssembly as an error, not a crash', async () => {
    const fresh = sandbox();
    delete fresh.context.WXWebAssembly;
    const { load } = fresh.requireFrom('./index.js');
    await assert.rejects(load({}), (e) => e.type === 'no_wasm_host');
  });
});
