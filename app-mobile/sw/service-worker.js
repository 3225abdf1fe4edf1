// The app's service worker (served as /sw.js; scripts/service-worker-plugin.mjs fills in
// __PRECACHE__ and __VERSION__ at build time). It makes the app open offline after one visit:
//   - install: the app shell (index.html, the hashed assets) and the wasm core (/core/…) are put
//     in one cache named after the build. Taken from the HTTP cache when the page has just
//     fetched them (cache: 'force-cache'), so a first visit does not download the core twice.
//   - hashed /assets/…: cache first (a name never changes content).
//   - the page and /core/… (not hashed, may be updated on the server without an app rebuild):
//     network first, the cached copy only when the network fails; a fresh answer refreshes it.
//   - /api/…: never touched. Offline, the app itself falls back to its SQLite store.
const VERSION = __VERSION__;
const PRECACHE = __PRECACHE__;
const CACHE = `haoban-app-${VERSION}`;

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      await Promise.all(
        PRECACHE.map(async (url) => {
          const response = await fetch(url, { cache: 'force-cache' });
          if (!response.ok) throw new Error(`precache ${url}: HTTP ${response.status}`);
          await cache.put(url, response);
        }),
      );
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) if (name.startsWith('haoban-app-') && name !== CACHE) await caches.delete(name);
      await self.clients.claim();
    })(),
  );
});

async function networkFirst(request, key) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(key, response.clone());
    return response;
  } catch (error) {
    const cached = await cache.match(key);
    if (cached) return cached;
    throw error;
  }
}

async function cacheFirst(request) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(request.url);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) await cache.put(request.url, response.clone());
  return response;
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') event.respondWith(networkFirst(request, '/'));
  else if (url.pathname.startsWith('/assets/')) event.respondWith(cacheFirst(request));
  else if (url.pathname.startsWith('/core/')) event.respondWith(networkFirst(request, url.pathname));
});
