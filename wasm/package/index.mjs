// @haoban/core, ES module entry: browsers, workers and Node.
//   import { load } from '@haoban/core';   (or '/core/index.mjs' from the stub)
//   const haoban = await load();
//   haoban.validate('resident_id', '11010519491231002X', { today: '2026-01-01' });
import createHaobanCore from './dist/haoban-core.mjs';
import { HaobanError, isNode, moduleArgsFrom, wrap } from './lib/api.mjs';

export { HaobanError };

export async function load(options = {}) {
  const args = moduleArgsFrom(options);
  // Emscripten 3.1.6 would fetch() a file path under Node (global fetch exists since 18)
  // and fail; read the binary beside this file instead. Browsers fetch it next to dist/haoban-core.mjs.
  if (!args.wasmBinary && !args.instantiateWasm && isNode()) {
    const { readFile } = await import('node:fs/promises');
    args.wasmBinary = new Uint8Array(await readFile(new URL('./dist/haoban-core.wasm', import.meta.url)));
  }
  return wrap(await createHaobanCore(args));
}
