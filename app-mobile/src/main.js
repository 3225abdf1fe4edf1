// Entry. Vant 4 supplies the display components (steps, tags, buttons) with its styles, each
// imported on its own so the bundle stays small; form controls are native <input>/<select>,
// which screen readers and IMEs handle best and the core's per-keystroke messages attach to.
// boot.js first: it starts the core's compilation and the catalogue download before the rest
// of this bundle (Vue, Vant, the screens) is evaluated.
import './boot.js';
import { createApp } from 'vue';
import { Button, Step, Steps, Tag } from 'vant';
import 'vant/es/style/base.css';
import 'vant/es/button/style/index.mjs';
import 'vant/es/steps/style/index.mjs';
import 'vant/es/step/style/index.mjs';
import 'vant/es/tag/style/index.mjs';

import App from './App.vue';
import { startOutbox } from './outbox.js';
import { start } from './store.js';
import './app.css';

const vueApp = createApp(App);
for (const component of [Button, Step, Steps, Tag]) vueApp.use(component);
vueApp.mount('#app');
start().then(() => {
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
