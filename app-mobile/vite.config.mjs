// Vite build of the H5 app: output app-mobile/dist with hashed file names (precompressed
// afterwards by scripts/precompress.mjs). The wasm core is NOT bundled: the app imports
// /core/index.mjs at run time, served by `haoban serve` from wasm/package. In development
// (`npx vite app-mobile`), /core and /api are proxied to a running stub (HAOBAN_STUB, default
// http://127.0.0.1:8080), which plays the role of the alias. dist/sw.js, the service worker that
// lets the app open offline, is written by scripts/service-worker-plugin.mjs.
import { fileURLToPath } from 'node:url';

import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

import { corePreloads } from './scripts/core-preload-plugin.mjs';
import { guangdongDivisions } from './scripts/divisions-plugin.mjs';
import { serviceWorker } from './scripts/service-worker-plugin.mjs';

const stub = process.env.HAOBAN_STUB ?? 'http://127.0.0.1:8080';
const repoRoot = fileURLToPath(new URL('..', import.meta.url));

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  plugins: [vue(), guangdongDivisions(), corePreloads(), serviceWorker()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2020',
    assetsInlineLimit: 0,
    rollupOptions: {
      external: [/^\/core\//],
      // index-*.js is the entry only: a shared chunk named after some index.mjs (a Vant
      // component's, since the screens of an application load theirs) gets another name.
      output: { chunkFileNames: (chunk) => (chunk.name === 'index' ? 'assets/shared-[hash].js' : 'assets/[name]-[hash].js') },
    },
    reportCompressedSize: false,
  },
  server: {
    fs: { allow: [repoRoot] },
    proxy: { '/core': stub, '/api': stub, '/healthz': stub },
  },
});
