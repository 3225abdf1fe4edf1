// The wasm core, loaded at run time from /core/index.mjs (the same file the back office serves
// to every client; it is deliberately not bundled by Vite). Every decision the app shows —
// field states, errors, eligibility, materials, the 一次性告知单, the package digest — comes
// from here; the pages only render. The app uses @haoban/core's own API (wasm/package/lib,
// typed in index.d.ts): catalog, form, check, store. There is no second wrapper here.

import { coreModule, wasmModule } from './boot.js';

let loading = null;

// Loads the core once per page: the package's load(), given the module boot.js compiled while
// the app's script was still starting (or, if that failed, left to fetch and compile it itself).
export function loadCore() {
  loading ??= (async () => {
    const [{ load }, compiled] = await Promise.all([coreModule, wasmModule]);
    let h;
    if (compiled) {
      let failed;
      const instantiationFailed = new Promise((_, reject) => (failed = reject));
      const instantiateWasm = (imports, receive) => {
        WebAssembly.instantiate(compiled, imports).then((instance) => receive(instance, compiled), failed);
        return {};  // Emscripten: the exports arrive asynchronously through receive()
      };
      h = await Promise.race([load({ instantiateWasm }), instantiationFailed]);
    } else {
      h = await load();
    }
    document.documentElement.dataset.coreVersion = h.version;
    return h;
  })();
  return loading;
}

// The device's local calendar date, YYYY-MM-DD: the app is the host and decides "today".
export function localToday(now = new Date()) {
  const pad = (n) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
