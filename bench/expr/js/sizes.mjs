// Shipped size of an engine: its wasm and its JS (as published, not re-minified), raw and
// brotli (quality 11, what a CDN or mini-program package build would use).
import fs from 'node:fs';
import zlib from 'node:zlib';

function measure(files = []) {
  let raw = 0;
  let brotli = 0;
  for (const f of files) {
    const bytes = fs.readFileSync(f);
    raw += bytes.length;
    brotli += zlib.brotliCompressSync(bytes, {
      params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
    }).length;
  }
  return { raw, brotli, files: files.length };
}

export function engineSize(sizeFiles) {
  const out = {};
  for (const [kind, files] of Object.entries(sizeFiles)) out[kind] = measure(files);
  return out;
}
