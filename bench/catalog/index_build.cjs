// The search index build alone, in wasm: a lazy load from bytes with lazyIndex, then
// catalogPrepareSearch timed (CPU), per run. Uses the Node flavour of a package's dist.
//   node bench/catalog/index_build.cjs DIST CATALOG.json RUNS
const fs = require('fs');
const [dist, file, runs] = process.argv.slice(2);
require(dist + '/haoban-core.cjs')({ wasmBinary: fs.readFileSync(dist + '/haoban-core.node.wasm') }).then((m) => {
  const raw = fs.readFileSync(file); const out = [];
  for (let r = 0; r < +runs; r++) {
    const at = m._haoban_catalog_text_buffer(raw.length); m.HEAPU8.set(raw, at);
    const v = JSON.parse(m.catalogLoadBuffered(JSON.stringify({ lazy: true, lazyIndex: true })));
    const c0 = process.cpuUsage(); m.catalogPrepareSearch(v.handle); const c = process.cpuUsage(c0);
    out.push(((c.user + c.system) / 1e3).toFixed(0)); m.catalogFree(v.handle);
  }
  console.log(dist.split('/').slice(-2)[0], 'index build CPU ms:', out.join(' '));
});
