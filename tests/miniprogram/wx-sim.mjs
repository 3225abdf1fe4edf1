// A simulated WeChat mini-program runtime for Node, enough to run shell/miniprogram's pages:
//   wx.request          real HTTP (node:http) to the running stub
//   wx storage          in memory, with WeChat's limits enforced: 1 MB per key, 10 MB in all
//   wx.getFileSystemManager  read-only access to files of the code package
//   WXWebAssembly       instantiate(path, imports) from a package path, .wasm or .wasm.br
//                       (brotli through node:zlib, as WeChat does), plus Memory/Table/Global
//   App, Page, getApp, getCurrentPages, navigation, modals, toasts, file picking
// Page code runs in a node:vm context whose globals have no fetch, eval, Function constructor,
// WebAssembly, TextDecoder/TextEncoder, document or window, and whose code generation from
// strings is off: a page that needs any of them fails here as it would on a phone.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import vm from 'node:vm';
import zlib from 'node:zlib';

export const KEY_LIMIT_BYTES = 1024 * 1024;
export const TOTAL_LIMIT_BYTES = 10 * 1024 * 1024;
export const SET_DATA_LIMIT_BYTES = 1024 * 1024;

function utf8(text) {
  return Buffer.byteLength(text, 'utf8');
}

// WeChat stores a value JSON-serialised; its size counts against the key and the total.
export class WxStorage {
  constructor() {
    this.map = new Map();
  }
  bytesOf(key, text) {
    return utf8(key) + utf8(text);
  }
  total() {
    let n = 0;
    for (const [k, v] of this.map) n += this.bytesOf(k, v);
    return n;
  }
  set(key, value) {
    if (typeof key !== 'string' || key === '') throw new Error('setStorageSync:fail parameter error: key must be a non-empty string');
    if (value === undefined) throw new Error('setStorageSync:fail parameter error: data is undefined');
    const text = JSON.stringify(value);
    const size = this.bytesOf(key, text);
    if (size > KEY_LIMIT_BYTES) throw new Error(`setStorageSync:fail entry size limit reached (${size} bytes > 1 MB)`);
    const old = this.map.has(key) ? this.bytesOf(key, this.map.get(key)) : 0;
    if (this.total() - old + size > TOTAL_LIMIT_BYTES) throw new Error('setStorageSync:fail exceed storage max size 10MB');
    this.map.set(key, text);
  }
  get(key) {
    return this.map.has(key) ? JSON.parse(this.map.get(key)) : '';
  }
  remove(key) {
    this.map.delete(key);
  }
  info() {
    return { keys: [...this.map.keys()], currentSize: Math.ceil(this.total() / 1024), limitSize: TOTAL_LIMIT_BYTES / 1024 };
  }
}

function httpRequest({ url, method, data, header, timeout }) {
  return new Promise((resolve, reject) => {
    const u = new URL(url);
    let body = null;
    const headers = { ...(header || {}) };
    if (method === 'GET' || method === 'HEAD') {
      if (data && typeof data === 'object') for (const [k, v] of Object.entries(data)) u.searchParams.set(k, String(v));
    } else if (data !== undefined && data !== null) {
      body = typeof data === 'string' ? data : JSON.stringify(data);
    }
    if (body !== null) headers['Content-Length'] = Buffer.byteLength(body);
    const req = http.request(u, { method, headers, timeout }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ statusCode: res.statusCode, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    if (body !== null) req.write(body);
    req.end();
  });
}

// Routes of app.json: "pages/home/home" and "packages/apply/form/form".
function routesOf(app) {
  const routes = new Set(app.pages);
  for (const sub of app.subpackages || app.subPackages || []) for (const p of sub.pages) routes.add(`${sub.root.replace(/\/+$/, '')}/${p}`);
  return routes;
}

function parseUrl(url, from) {
  const [p, q = ''] = url.split('?');
  let route = p.startsWith('/') ? p.slice(1) : path.posix.normalize(path.posix.join(path.posix.dirname(from || ''), p));
  route = route.replace(/\.js$/, '');
  const query = {};
  for (const part of q.split('&').filter(Boolean)) {
    const [k, v = ''] = part.split('=');
    query[decodeURIComponent(k)] = decodeURIComponent(v);
  }
  return { route, query };
}

// "a.b[2].c" → ["a", "b", 2, "c"]
function dataPath(key) {
  const parts = [];
  for (const m of key.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) parts.push(m[2] !== undefined ? Number(m[2]) : m[1]);
  return parts;
}

export class MiniProgram {
  // packageRoot: the mini-program root (with app.json); apiBase: the stub's URL.
  constructor({ packageRoot, apiBase, storage, modalAnswers }) {
    this.root = packageRoot;
    this.appJson = JSON.parse(fs.readFileSync(path.join(packageRoot, 'app.json'), 'utf8'));
    this.routes = routesOf(this.appJson);
    this.storage = storage || new WxStorage();
    this.stack = [];
    this.pageDefs = new Map();
    this.modules = new Map();
    this.pendingWork = new Set();
    this.errors = [];
    this.requests = [];
    this.toasts = [];
    this.modals = [];
    this.modalAnswers = modalAnswers || [];
    this.pickedFiles = 0;
    this.warnings = [];
    this.apiBase = apiBase;
    this.context = this.makeContext();
  }

  // Remembers async work (hooks, handlers, requests) so idle() can wait for it; a failure in
  // it is kept and thrown by idle(), so a page that crashes fails its test.
  track(result) {
    if (result && typeof result.then === 'function') {
      const p = Promise.resolve(result)
        .catch((e) => this.errors.push(e))
        .finally(() => this.pendingWork.delete(p));
      this.pendingWork.add(p);
    }
    return result;
  }

  throwErrors() {
    if (this.errors.length) {
      const [first] = this.errors.splice(0);
      throw first;
    }
  }

  // Waits until every lifecycle hook, handler and request started so far has finished.
  async idle() {
    for (let i = 0; i < 1000; i++) {
      await new Promise((r) => setImmediate(r));
      if (this.pendingWork.size === 0) {
        await new Promise((r) => setImmediate(r));
        if (this.pendingWork.size === 0) return this.throwErrors();
      }
      await Promise.allSettled([...this.pendingWork]);
    }
    throw new Error('the mini-program never became idle');
  }

  resolveFile(p, fromDir) {
    const abs = p.startsWith('/') ? path.join(this.root, p) : path.resolve(fromDir || this.root, p);
    const rel = path.relative(this.root, abs);
    if (rel.startsWith('..') || path.isAbsolute(rel)) throw new Error(`${p}: outside the code package`);
    return abs;
  }

  makeWx() {
    const mp = this;
    const storage = this.storage;
    const call = (opts, fn) => {
      mp.track(
        Promise.resolve()
          .then(fn)
          .then(
            (res) => {
              opts.success?.(res);
              opts.complete?.(res);
            },
            (err) => {
              const e = { errMsg: String(err && err.message ? err.message : err) };
              opts.fail?.(e);
              opts.complete?.(e);
            },
          ),
      );
    };
    // A navigation to a page that does not exist is a bug in the page: kept as an error.
    const navigate = (kind) => (opts) => {
      call(opts, () => {
        try {
          return mp.navigate(kind, opts.url);
        } catch (e) {
          mp.errors.push(e);
          throw e;
        }
      });
    };
    return {
      request(opts) {
        const entry = { url: opts.url, method: opts.method || 'GET', header: { ...(opts.header || {}) }, data: opts.data };
        mp.requests.push(entry);
        let aborted = false;
        const work = httpRequest({ url: opts.url, method: entry.method, data: opts.data, header: opts.header, timeout: opts.timeout || 60000 }).then(
          (res) => {
            if (aborted) return;
            let data = res.text;
            if ((opts.dataType || 'json') === 'json') {
              try {
                data = JSON.parse(res.text);
              } catch {
                // WeChat hands the text over when it is not JSON
              }
            }
            entry.status = res.statusCode;
            const result = { data, statusCode: res.statusCode, header: res.headers, errMsg: 'request:ok' };
            opts.success?.(result);
            opts.complete?.(result);
          },
          (err) => {
            const e = { errMsg: `request:fail ${err.message}` };
            opts.fail?.(e);
            opts.complete?.(e);
          },
        );
        mp.track(work);
        return { abort: () => (aborted = true) };
      },
      setStorageSync: (k, v) => storage.set(k, v),
      getStorageSync: (k) => storage.get(k),
      removeStorageSync: (k) => storage.remove(k),
      clearStorageSync: () => storage.map.clear(),
      getStorageInfoSync: () => storage.info(),
      setStorage: (o) => call(o, () => storage.set(o.key, o.data)),
      getStorage: (o) => call(o, () => {
        if (!storage.map.has(o.key)) throw new Error('getStorage:fail data not found');
        return { data: storage.get(o.key) };
      }),
      getFileSystemManager: () => ({
        readFileSync: (p, encoding) => {
          const buf = fs.readFileSync(mp.resolveFile(p));
          return encoding ? buf.toString(encoding === 'utf-8' ? 'utf8' : encoding) : new Uint8Array(buf).buffer;
        },
        readFile: (o) => call(o, () => {
          const buf = fs.readFileSync(mp.resolveFile(o.filePath));
          return { data: o.encoding ? buf.toString('utf8') : new Uint8Array(buf).buffer };
        }),
        accessSync: (p) => {
          if (!fs.existsSync(mp.resolveFile(p))) throw new Error(`accessSync:fail no such file or directory ${p}`);
        },
      }),
      navigateTo: navigate('navigateTo'),
      redirectTo: navigate('redirectTo'),
      reLaunch: navigate('reLaunch'),
      switchTab: navigate('reLaunch'),
      navigateBack: (opts = {}) => call(opts, () => mp.back(opts.delta || 1)),
      showToast: (o) => mp.toasts.push(o.title),
      showLoading: () => {},
      hideLoading: () => {},
      showModal: (o) => {
        mp.modals.push({ title: o.title, content: o.content });
        const confirm = mp.modalAnswers.length ? mp.modalAnswers.shift() : true;
        call(o, () => ({ confirm, cancel: !confirm }));
      },
      chooseMessageFile: (o) => {
        mp.pickedFiles += 1;
        const name = `picked-${mp.pickedFiles}.pdf`;
        call(o, () => ({ tempFiles: [{ name, path: `wxfile://tmp/${name}`, size: 1024, type: 'file' }] }));
      },
    };
  }

  makeWXWebAssembly() {
    const mp = this;
    return {
      instantiate(p, imports) {
        if (typeof p !== 'string') return Promise.reject(new TypeError('WXWebAssembly.instantiate: path must be a code package path'));
        if (!/\.wasm(\.br)?$/.test(p)) return Promise.reject(new Error(`WXWebAssembly.instantiate: not a .wasm or .wasm.br path: ${p}`));
        let bytes;
        try {
          bytes = fs.readFileSync(mp.resolveFile(p));
        } catch (e) {
          return Promise.reject(new Error(`WXWebAssembly.instantiate: ${p}: ${e.message}`));
        }
        if (p.endsWith('.br')) bytes = zlib.brotliDecompressSync(bytes);
        mp.wasmLoaded = { path: p, bytes: bytes.length };
        return WebAssembly.instantiate(bytes, imports);
      },
      Memory: WebAssembly.Memory,
      Table: WebAssembly.Table,
      Global: WebAssembly.Global,
    };
  }

  makeContext() {
    const mp = this;
    const sandbox = {
      console: {
        log: () => {},
        info: () => {},
        warn: (...a) => mp.warnings.push(a.join(' ')),
        error: (...a) => mp.warnings.push(a.join(' ')),
      },
      setTimeout,
      clearTimeout,
      setInterval,
      clearInterval,
      wx: this.makeWx(),
      WXWebAssembly: this.makeWXWebAssembly(),
      App: (def) => {
        mp.appDef = def;
      },
      Page: (def) => {
        mp.pageDefs.set(mp.loadingRoute, def);
      },
      Component: () => {
        throw new Error('Component() is not used by this package');
      },
      getApp: () => mp.app,
      getCurrentPages: () => mp.stack.slice(),
    };
    const context = vm.createContext(sandbox, { name: 'miniprogram', codeGeneration: { strings: false, wasm: false } });
    // A fresh context has these built in; a mini-program has none of them.
    vm.runInContext('delete globalThis.eval; delete globalThis.WebAssembly; delete globalThis.Function;', context);
    return context;
  }

  // CommonJS require over the code package, as WeChat's: relative or package-absolute paths.
  requireModule(spec, fromDir) {
    let file = this.resolveFile(spec, fromDir);
    if (!file.endsWith('.js')) file += '.js';
    if (this.modules.has(file)) return this.modules.get(file).exports;
    if (!fs.existsSync(file)) throw new Error(`module not found: ${spec} (from ${path.relative(this.root, fromDir || this.root)})`);
    const module = { exports: {} };
    this.modules.set(file, module);
    const fn = vm.compileFunction(fs.readFileSync(file, 'utf8'), ['module', 'exports', 'require'], {
      parsingContext: this.context,
      filename: file,
    });
    const dir = path.dirname(file);
    fn.call(undefined, module, module.exports, (s) => this.requireModule(s, dir));
    return module.exports;
  }

  // Runs a snippet as page code would (tests of the sandbox itself).
  evaluate(code) {
    return vm.runInContext(code, this.context);
  }

  launch(query = {}) {
    this.requireModule('/app.js');
    if (!this.appDef) throw new Error('app.js did not call App()');
    this.app = Object.assign({}, this.appDef, { globalData: structuredClone(this.appDef.globalData || {}) });
    for (const [k, v] of Object.entries(this.appDef)) if (typeof v === 'function') this.app[k] = v;
    this.track(this.app.onLaunch?.({ path: this.appJson.pages[0], query: { api: this.apiBase, ...query } }));
    return this.navigate('reLaunch', `/${this.appJson.pages[0]}`);
  }

  pageDef(route) {
    if (!this.routes.has(route)) throw new Error(`${route}: not a page of app.json`);
    if (!this.pageDefs.has(route)) {
      this.loadingRoute = route;
      this.requireModule(`/${route}.js`);
      this.loadingRoute = null;
      if (!this.pageDefs.has(route)) throw new Error(`${route}.js did not call Page()`);
    }
    return this.pageDefs.get(route);
  }

  createPage(route, query) {
    const def = this.pageDef(route);
    const mp = this;
    const page = { route, options: query, data: structuredClone(def.data || {}) };
    for (const [k, v] of Object.entries(def)) {
      if (k === 'data') continue;
      page[k] = typeof v === 'function' ? v : structuredClone(v);
    }
    page.setData = function setData(patch, cb) {
      const text = JSON.stringify(patch);
      if (utf8(text) > SET_DATA_LIMIT_BYTES) throw new Error(`setData: ${utf8(text)} bytes exceeds WeChat's 1 MB`);
      const copy = JSON.parse(text); // what crosses to the view layer is JSON
      for (const [key, value] of Object.entries(copy)) {
        const parts = dataPath(key);
        let target = this.data;
        for (let i = 0; i < parts.length - 1; i++) {
          if (target[parts[i]] === undefined || target[parts[i]] === null) target[parts[i]] = typeof parts[i + 1] === 'number' ? [] : {};
          target = target[parts[i]];
        }
        target[parts[parts.length - 1]] = value;
      }
      mp.setDataCalls = (mp.setDataCalls || 0) + 1;
      if (cb) cb();
    };
    return page;
  }

  navigate(kind, url) {
    const from = this.current() ? this.current().route : '';
    const { route, query } = parseUrl(url, from);
    if (!this.routes.has(route)) throw new Error(`${kind}:fail page "${route}" is not found`);
    if (kind === 'reLaunch') {
      while (this.stack.length) this.track(this.stack.pop().onUnload?.());
    } else if (kind === 'redirectTo') {
      const old = this.stack.pop();
      if (old) this.track(old.onUnload?.());
    } else if (this.current()) {
      this.track(this.current().onHide?.());
    }
    if (this.stack.length >= 10) throw new Error('navigateTo:fail webview count limit exceed');
    const page = this.createPage(route, query);
    this.stack.push(page);
    this.track(page.onLoad?.(query));
    this.track(page.onShow?.());
    return page;
  }

  back(delta) {
    for (let i = 0; i < delta && this.stack.length > 1; i++) this.track(this.stack.pop().onUnload?.());
    this.track(this.current().onShow?.());
  }

  current() {
    return this.stack[this.stack.length - 1];
  }

  // Fires a bound handler as a tap/input/change would: event.currentTarget.dataset and detail.value.
  async fire(handler, { dataset = {}, value } = {}) {
    const page = this.current();
    if (typeof page[handler] !== 'function') throw new Error(`${page.route} has no handler ${handler}`);
    const event = { type: 'tap', currentTarget: { dataset }, target: { dataset }, detail: { value } };
    const result = await this.track(page[handler](event));
    await this.idle();
    return result;
  }
}
