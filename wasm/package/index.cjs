'use strict';
// @haoban/core, CommonJS entry for Node: const { load } = require('@haoban/core').
// Uses the Node flavour of the module (dist/haoban-core.cjs) and shares the API wrapper with
// the ES entry through a dynamic import (load() is async anyway).
const fs = require('node:fs');
const path = require('node:path');

async function load(options = {}) {
  const { moduleArgsFrom, wrap } = await import('./lib/api.mjs');
  const createHaobanCore = require('./dist/haoban-core.cjs');
  const args = moduleArgsFrom(options);
  if (!args.wasmBinary && !args.instantiateWasm) {
    // 3.1.6 would try fetch() on a path in Node 18+; hand it the bytes instead.
    args.wasmBinary = fs.readFileSync(path.join(__dirname, 'dist', 'haoban-core.node.wasm'));
  }
  return wrap(await createHaobanCore(args));
}

// Errors thrown by the API have name 'HaobanError' and a .type (the class itself is exported by the ES entry).
module.exports = { load };
