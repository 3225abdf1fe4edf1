// Vite plugin: writes dist/sw.js from sw/service-worker.js once the bundle is written, with the
// list of files to precache (the app shell: "/" and every emitted file but source maps; the
// wasm core the app imports from /core/) and a version that changes whenever any of them does
// (the hashed names, and the content of the core files as built), so a new build installs a
// new cache and drops the old one.
import { createHash } from 'node:crypto';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const appDir = fileURLToPath(new URL('..', import.meta.url));
const corePackage = path.join(appDir, '..', 'wasm', 'package');

// What the app loads from /core/ (see wasm/package/index.mjs): the entry, its lib/, the browser
// glue and the wasm.
async function coreFiles() {
  const lib = (await readdir(path.join(corePackage, 'lib'))).filter((name) => name.endsWith('.mjs')).sort();
  return ['index.mjs', ...lib.map((name) => `lib/${name}`), 'dist/haoban-core.mjs', 'dist/haoban-core.wasm'];
}

export function serviceWorker() {
  let outDir = null;
  return {
    name: 'haoban-service-worker',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    async writeBundle(_options, bundle) {
      const shell = Object.keys(bundle)
        .filter((name) => !name.endsWith('.map') && name !== 'index.html')
        .sort()
        .map((name) => `/${name}`);
      const core = await coreFiles();
      const hash = createHash('sha256');
      for (const name of shell) hash.update(name);
      for (const name of core) {
        hash.update(name);
        // A package not built yet (a fresh clone building the app first) still gets a worker.
        hash.update(await readFile(path.join(corePackage, name)).catch(() => Buffer.alloc(0)));
      }
      hash.update(await readFile(path.join(outDir, 'index.html')));
      const version = hash.digest('hex').slice(0, 16);
      const precache = ['/', ...shell, ...core.map((name) => `/core/${name}`)];
      const source = (await readFile(path.join(appDir, 'sw', 'service-worker.js'), 'utf8'))
        .replace('const VERSION = __VERSION__;', `const VERSION = ${JSON.stringify(version)};`)
        .replace('const PRECACHE = __PRECACHE__;', `const PRECACHE = ${JSON.stringify(precache)};`);
      if (source.includes('= __')) throw new Error('sw/service-worker.js: a placeholder was not filled in');
      await writeFile(path.join(outDir, 'sw.js'), source);
    },
  };
}
