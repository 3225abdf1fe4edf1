// Entry. Form controls are native <input>/<select>, which screen readers and IMEs handle best
// and the core's per-keystroke messages attach to. Vant 4 supplies display components (steps,
// tags, the division picker), each imported with its styles by the screen that shows it; those
// screens are chunks of their own (App.vue), so neither Vant's code nor its styles (with its
// inlined icon font) are loaded before the first screen.
// boot.js first: it starts the core's compilation and the catalogue download before the rest
// of this bundle (Vue, the first screens) is evaluated.
import { bootWorkerStarted } from './boot.js';
import { createApp } from 'vue';

import App from './App.vue';
import { startOutbox } from './outbox.js';
import { start } from './store.js';
import './app.css';

// Mounted once the boot worker runs (or after 300 ms at most). Chromium starts a dedicated
// worker only in a main-thread task that it runs after the page's pending script, layout and
// paint: mounted at once, the app's first render and layout (~0.3 s at 4x CPU) held the boot
// worker back (it started 0.2-1 s after it was created), and with it the compiled core the
// page then waited for (bench/h5/README.md, 2026-11-28 22:58). start() loads the core and the
// catalogue meanwhile.
const mounted = bootWorkerStarted.then(() => {
  createApp(App).mount('#app');
});
start(mounted).then(() => {
  startOutbox();
  registerServiceWorker();
});

// The service worker (dist/sw.js) caches the app shell and the wasm core, so the app opens
// offline after this visit. Registered once the app is interactive, so that its precaching
// (taken from the HTTP cache where it can) never competes with the first start.
function registerServiceWorker() {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  navigator.serviceWorker.register('/sw.js').catch((error) => console.warn('haoban: no offline start:', error.message));
  navigator.serviceWorker.ready.then(() => (document.documentElement.dataset.offlineReady = 'true'));
}
