// Writes .br and .gz siblings of every compressible file under a folder (app-mobile/dist by
// default), so the stub can send them with Content-Encoding and never compress per request.
//   node app-mobile/scripts/precompress.mjs [dir]
// A sibling is kept only when it is smaller than the original.
import { readdir, readFile, stat, writeFile, unlink } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

const COMPRESSIBLE = /\.(html|js|mjs|css|json|svg|wasm|txt|map)$/;
const dir = path.resolve(process.argv[2] ?? fileURLToPath(new URL('../dist', import.meta.url)));

async function* files(folder) {
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) yield* files(full);
    else if (COMPRESSIBLE.test(entry.name)) yield full;
  }
}

let raw = 0;
let brTotal = 0;
let count = 0;
async function isFresh(file) {
  try {
    const [original, br, gz] = await Promise.all([stat(file), stat(`${file}.br`), stat(`${file}.gz`)]);
    return br.mtimeMs >= original.mtimeMs && gz.mtimeMs >= original.mtimeMs;
  } catch {
    return false;
  }
}

for await (const file of files(dir)) {
  if (await isFresh(file)) continue;  // unchanged since the last run (the wasm core, say)
  const data = await readFile(file);
  const br = zlib.brotliCompressSync(data, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length,
      [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
    },
  });
  const gz = zlib.gzipSync(data, { level: 9 });
  for (const [suffix, bytes] of [['.br', br], ['.gz', gz]]) {
    if (bytes.length < data.length) await writeFile(file + suffix, bytes);
    else await unlink(file + suffix).catch(() => {});
  }
  raw += data.length;
  brTotal += Math.min(br.length, data.length);
  count += 1;
}
console.log(`precompress: ${count} files (re)compressed in ${path.relative(process.cwd(), dir) || '.'}: ${raw} bytes, ${brTotal} brotli`);
