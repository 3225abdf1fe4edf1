// Vite plugin: <link rel="modulepreload"> for every module of the wasm package's lib/ (imported
// by /core/index.mjs), so the browser fetches them with the app instead of one import level at
// a time after index.mjs has arrived. The list is read from wasm/package/lib at build time.
import { readdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const LIB = fileURLToPath(new URL('../../wasm/package/lib', import.meta.url));

export function corePreloads() {
  return {
    name: 'haoban-core-preloads',
    apply: 'build',
    async transformIndexHtml() {
      const modules = (await readdir(LIB)).filter((name) => name.endsWith('.mjs')).sort();
      return modules.map((name) => ({ tag: 'link', attrs: { rel: 'modulepreload', href: `/core/lib/${name}` }, injectTo: 'head' }));
    },
  };
}
