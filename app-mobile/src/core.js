// The wasm core, loaded at run time from /core/index.mjs (the same file the back office serves
// to every client; it is deliberately not bundled by Vite). Every decision the app shows —
// field states, errors, eligibility, materials, the 一次性告知单, the package digest — comes
// from here; the pages only render. The app uses @haoban/core's own API (wasm/package/lib,
// typed in index.d.ts): catalog, form, check, store. There is no second wrapper here.

const CORE_URL = '/core/index.mjs';

let loading = null;

// Loads the core once per page.
export function loadCore() {
  loading ??= (async () => {
    const { load } = await import(/* @vite-ignore */ CORE_URL);
    const h = await load();
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
