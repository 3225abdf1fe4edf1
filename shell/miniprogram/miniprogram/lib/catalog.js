// The service catalogue: fetched from the back office with its ETag, cached in wx storage (so a
// restart costs a 304, not 240 KB), and loaded once into the core, which compiles and
// type-checks it. The raw JSON is kept too: labels, option names and page titles for the
// forms come from it, the field states from the core.
'use strict';

const { request, headerValue } = require('./http.js');
const storage = require('./storage.js');

const KEY = 'catalog';
// The themes of the items a business (or someone about to open one) comes here for.
const BUSINESS_THEMES = ['开办企业', '市场主体登记'];

async function fetchCatalog() {
  const cached = storage.getJson(KEY);
  const header = cached && cached.etag ? { 'If-None-Match': cached.etag } : {};
  const res = await request({ path: '/api/v1/catalog', header });
  if (res.status === 304 && cached) return { raw: cached.catalog, fromCache: true };
  const raw = res.data;
  if (!raw || typeof raw !== 'object' || !Array.isArray(raw.items)) throw new Error('the catalogue answer is not a catalogue');
  const etag = headerValue(res.header, 'ETag');
  try {
    storage.putJson(KEY, { etag, catalog: raw });
  } catch (e) {
    // A full storage only costs the cache; the app works on.
    if (e.name !== 'StorageFullError') throw e;
  }
  return { raw, fromCache: false };
}

function audienceFits(entry, kinds) {
  return (entry.audience || []).some((a) => kinds.indexOf(a) >= 0);
}

// What the home page lists: items for 法人, and the 开办 items an operator applies for before the
// business exists; bundles for businesses.
function businessEntries(raw) {
  const items = raw.items.filter(
    (i) => audienceFits(i, ['法人']) || (i.themes || []).some((t) => BUSINESS_THEMES.indexOf(t) >= 0),
  );
  const bundles = (raw.bundles || []).filter((b) => audienceFits(b, ['法人']));
  return { items, bundles };
}

// Wraps the raw catalogue and its compiled twin in the core.
function indexCatalog(raw, compiled) {
  const items = new Map(raw.items.map((i) => [i.id, i]));
  const bundles = new Map((raw.bundles || []).map((b) => [b.id, b]));
  const templates = new Map((raw.commitmentTemplates || []).map((t) => [t.id, t]));
  return {
    raw,
    compiled,
    version: raw.catalogVersion,
    item: (id) => items.get(id) || null,
    bundle: (id) => bundles.get(id) || null,
    template: (id) => templates.get(id) || null,
    entries: () => businessEntries(raw),
  };
}

module.exports = { fetchCatalog, businessEntries, indexCatalog, audienceFits };
