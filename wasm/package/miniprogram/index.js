// @haoban/core for mini-programs (WeChat and alike): CommonJS only, no fetch, no DOM, no
// TextDecoder assumed, no eval or new Function. The module is instantiated from a file in the
// mini-program package through an injected WXWebAssembly-like object:
//   const { load } = require('@haoban/core');              // after 微信开发者工具 "构建 npm"
//   const h = await load({ WXWebAssembly });               // wasmPath defaults to the npm path
// The build copies this file into dist/miniprogram/ beside haoban-core.js (the glue),
// haoban-api.js (lib/*.mjs as CommonJS) and haoban-core.wasm.br; package.json's "miniprogram"
// field points WeChat's npm build at that folder.
'use strict';

const createHaobanCore = require('./haoban-core.js');
const api = require('./haoban-api.js');

const DEFAULT_WASM_PATH = '/miniprogram_npm/@haoban/core/haoban-core.wasm.br';

// The glue only needs WebAssembly for its "is wasm supported" check and RuntimeError on abort
// (instantiation goes through instantiateWasm below), so a host without a global WebAssembly
// (WeChat on iOS) gets a stand-in.
function webAssemblyFor(host) {
  const global = typeof WebAssembly === 'object' ? WebAssembly : null;
  class RuntimeError extends Error {}
  return {
    RuntimeError: (global && global.RuntimeError) || (host && host.RuntimeError) || RuntimeError,
    instantiate: host.instantiate.bind(host),
  };
}

function load(options) {
  const opts = options || {};
  const host = opts.WXWebAssembly || (typeof WXWebAssembly === 'object' ? WXWebAssembly : null); // eslint-disable-line no-undef
  if (!host || typeof host.instantiate !== 'function') {
    return Promise.reject(new api.HaobanError('no_wasm_host', 'pass { WXWebAssembly } to load()'));
  }
  const wasmPath = opts.wasmPath || DEFAULT_WASM_PATH;
  const moduleArgs = {
    WebAssembly: webAssemblyFor(host),
    // Never used to fetch (instantiateWasm below does the loading); given so that the glue does
    // not build a URL from import.meta or document.
    locateFile: (name) => name,
    instantiateWasm(imports, done) {
      host.instantiate(wasmPath, imports).then(
        (result) => done(result.instance, result.module),
        (error) => {
          if (opts.printErr) opts.printErr(`haoban: instantiating ${wasmPath} failed: ${error && error.message}`);
          failed(error);
        },
      );
      return {};
    },
    print: opts.print || function () {},
    printErr: opts.printErr || function () {},
  };
  let failed;
  const instantiationFailed = new Promise((resolve, reject) => {
    failed = reject;
  });
  return Promise.race([createHaobanCore(moduleArgs), instantiationFailed]).then(api.wrap);
}

module.exports = { load, HaobanError: api.HaobanError };
