// The app's shared state: the loaded core, the catalogue (loaded into the core; its JSON is
// parsed in JS only when a screen first needs more than the core's summaries), and the
// logged-in identity with its e-licences (the profile the core reads).
import { reactive, markRaw } from 'vue';

import holidays from '../../data/holidays/cn-mainland.json';
import { api, forgetSession, savedSession } from './api.js';
import { catalogText } from './boot.js';
import { loadCore } from './core.js';
import { catalogCache, openStores } from './persist.js';

export const app = reactive({
  ready: false,  // core and catalogue loaded: home, search, guide and login work
  storeReady: false,  // the holiday calendar is set and the SQLite store open: forms, checks, drafts, the outbox, receipts
  failed: null,
  core: null,  // the @haoban/core API (markRaw: never proxied)
  catalog: null,  // the core's loaded catalogue (.items, .bundles: the summaries home and search draw)
  session: savedSession(),
  profile: null,  // {applicant, licences}
  licenceTypes: [],
  online: navigator.onLine,
});

window.addEventListener('online', () => (app.online = true));
window.addEventListener('offline', () => (app.online = false));

// The catalogue from the stub, or (offline) the copy kept in the store at the last visit.
async function catalogueText(fetched, openStore) {
  try {
    return { text: await fetched, fresh: true };
  } catch (error) {
    await openStore();
    const cached = catalogCache.get();
    if (cached) return { text: cached, fresh: false };
    throw error;
  }
}

// mounted: resolves once the app is mounted (main.js mounts it a little after this starts).
export async function start(mounted = Promise.resolve()) {
  try {
    // The catalogue download (started by boot.js, like the core's compile) is under way.
    // A logged-in user's profile (two API calls) is fetched alongside, not after the catalogue load.
    const profileLoaded = app.session ? loadProfile() : null;
    profileLoaded?.catch(() => {});  // awaited below
    const core = await loadCore();
    performance.mark('haoban:core-ready');
    app.core = markRaw(core);
    // The store (SQLite loaded from IndexedDB) opens after the home screen is up: opening it is
    // main-thread work that delayed the first screen by 1–2 s at 4× CPU (bench/h5). Only the
    // screens that keep or read drafts, the outbox and receipts wait for it (app.storeReady).
    let storeOpening = null;
    const openStore = () => {
      storeOpening ??= openStores(core).then(() => performance.mark('haoban:store-open'));
      return storeOpening;
    };
    const { text, fresh } = await catalogueText(catalogText, openStore);
    // lazy: item forms are compiled when first opened, not all at start. lazyIndex: the search
    // index is built just after the first frame (below), or by a search before that.
    // text: the catalogue's UTF-8 bytes from the boot worker (loaded into the core with one
    // copy), or a string (fetched here, or the store's copy).
    app.catalog = markRaw(core.catalog.load(text, { lazy: true, lazyIndex: true }));
    catalogJson = text;
    performance.mark('haoban:catalog-loaded');
    await profileLoaded;
    app.ready = true;
    await mounted;
    // For bench/h5: the moment the home screen is usable (core compiled, catalogue loaded).
    await new Promise((resolve) => {
      requestAnimationFrame(() => {
        performance.mark('haoban:interactive');
        setTimeout(resolve, 0);  // after that frame has been painted
      });
      setTimeout(resolve, 250);  // a tab in the background gets no frames
    });
    // The search index (the pinyin table, each name's readings): the first search would build
    // it, but the user has not typed one yet. Not fatal: search builds it itself if need be.
    try {
      app.catalog.prepareSearch();
      performance.mark('haoban:search-ready');
    } catch (error) {
      console.warn('haoban: search index not prepared ahead:', error.message);
    }
    // The holiday calendar is read by the form sessions and checks only (working days,
    // deadlines): set after the first screen, before the screens that use them open.
    core.setCalendar(holidays);
    performance.mark('haoban:calendar-set');
    await openStore();
    app.storeReady = true;
    if (fresh) catalogCache.put(String(app.catalog.version ?? ''), catalogueString(text));
  } catch (error) {
    console.error('haoban: start failed', error);
    app.failed = error.message ?? String(error);
  }
}

const PROFILE_KEY = 'haoban.profile';

// The applicant facts and e-licences, from the stub when online, else the copy kept at login.
export async function loadProfile() {
  try {
    const [me, licences] = await Promise.all([api.me(), api.licences()]);
    app.profile = markRaw({ applicant: me.applicant, licences: licences.licences });
    app.licenceTypes = licences.types;
    localStorage.setItem(PROFILE_KEY, JSON.stringify({ profile: app.profile, types: licences.types }));
  } catch (error) {
    if (error.status === 401) return logout();
    const kept = JSON.parse(localStorage.getItem(PROFILE_KEY) ?? 'null');
    if (!kept) throw error;
    app.profile = markRaw(kept.profile);
    app.licenceTypes = kept.types;
  }
}

export async function login(identityId) {
  app.session = await api.login(identityId);
  await loadProfile();
}

export function logout() {
  forgetSession();
  localStorage.removeItem(PROFILE_KEY);
  app.session = null;
  app.profile = null;
}

// The catalogue JSON, parsed on first use: the guide, the application screens and the case
// screen read materials, forms and descriptions from it; home and search draw from the core's
// summaries (app.catalog.items / .bundles) and do not need it.
let catalogJson = null;  // a string or UTF-8 bytes, until parsed
let catalogData = null;
const catalogueString = (source) => (typeof source === 'string' ? source : new TextDecoder().decode(source));
function catalogue() {
  if (!catalogData && catalogJson) {
    catalogData = markRaw(JSON.parse(catalogueString(catalogJson)));
    catalogJson = null;
  }
  return catalogData;
}

export const findItem = (id) => catalogue()?.items.find((item) => item.id === id) ?? null;
export const findBundle = (id) => catalogue()?.bundles?.find((bundle) => bundle.id === id) ?? null;
