// The WebAssembly object the Emscripten glue expects, made from WXWebAssembly. A mini-program
// has no WebAssembly global; WXWebAssembly offers instantiate(path, imports) — a path inside the
// code package, .wasm or .wasm.br — plus Memory, Table and Global. The glue only needs these
// constructors and RuntimeError (for abort()); instantiation goes through instantiateWasm in
// core.js, so the glue never compiles bytes itself.
'use strict';

function makeRuntimeError() {
  function RuntimeError(message) {
    const e = new Error(message);
    Object.setPrototypeOf(e, RuntimeError.prototype);
    return e;
  }
  RuntimeError.prototype = Object.create(Error.prototype, {
    constructor: { value: RuntimeError },
    name: { value: 'RuntimeError' },
  });
  return RuntimeError;
}

function fromWX(WX) {
  if (!WX || typeof WX.instantiate !== 'function') {
    throw new Error('WXWebAssembly is not available (基础库 2.13.0 or later is required)');
  }
  return {
    Memory: WX.Memory,
    Table: WX.Table,
    Global: WX.Global,
    RuntimeError: WX.RuntimeError || makeRuntimeError(),
    instantiate() {
      throw new Error('the core is instantiated from its package path only');
    },
  };
}

module.exports = { fromWX };
