// h.catalog: load a catalogue once (compiled, type-checked, with its search index, or with the
// index left to the first search: lazyIndex) and use it by handle: item details, form
// layouts, search, 免申即享 policy matching.
import { HaobanError, finalizer, requireString, toJson, unwrap } from './boundary.mjs';

export function catalogApi(module) {
  const release = finalizer((handle) => module.catalogFree(handle));

  // Bytes (a fetch's arrayBuffer(), a file read without decoding) go into the module's memory
  // as they are, with HEAPU8.set. A string goes through embind's conversion, a JS loop over
  // every character (~0.3 s for a 41 MB catalogue in Node 20, whose TextEncoder is no faster on
  // Chinese text), so a host that has the bytes should pass them.
  function loadSource(source, optionsJson) {
    let bytes = null;
    if (source instanceof Uint8Array) bytes = source;
    else if (source instanceof ArrayBuffer) bytes = new Uint8Array(source);
    if (!bytes) {
      const text = typeof source === 'string' ? source : toJson('catalogue', source);
      return module.catalogLoad(text, optionsJson);
    }
    if (typeof module._haoban_catalog_text_buffer !== 'function') return module.catalogLoad(bytes, optionsJson);
    const at = module._haoban_catalog_text_buffer(bytes.length);
    // Read HEAPU8 after the call: making room may have grown (and replaced) the memory.
    if (at) module.HEAPU8.set(bytes, at);
    return module.catalogLoadBuffered(optionsJson);
  }

  function load(source, options = {}) {
    const loadOptions = {
      strict: !!(options && options.strict),
      lazy: !!(options && options.lazy),
      lazyIndex: !!(options && options.lazyIndex),
    };
    const { handle, summary } = unwrap(loadSource(source, JSON.stringify(loadOptions)));
    const list = unwrap(module.catalogList(handle));
    let freed = false;
    const catalog = {
      handle,
      version: summary.catalogVersion,
      /** The load report: counts, skipped items, errors with JSON paths (a non-strict load keeps going). */
      summary,
      errors: summary.errors,
      skipped: summary.skipped,
      items: list.items,
      bundles: list.bundles,
      policies: list.policies,
      item(id) {
        return unwrap(module.catalogItem(handle, requireString('id', id)));
      },
      layout(itemId) {
        return unwrap(module.formLayout(handle, requireString('itemId', itemId)));
      },
      /** Builds the search index now if the load left it to the first search (lazyIndex). */
      prepareSearch() {
        return unwrap(module.catalogPrepareSearch(handle)).built;
      },
      search(query, searchOptions = {}) {
        const opts = {};
        for (const key of ['audience', 'department', 'limit']) {
          if (searchOptions && searchOptions[key] !== undefined) opts[key] = searchOptions[key];
        }
        return unwrap(module.catalogSearch(handle, requireString('query', query), toJson('options', opts))).hits;
      },
      matchPolicies(profile, matchOptions = {}) {
        const opts = {};
        if (matchOptions && matchOptions.today !== undefined) opts.today = requireString('today', matchOptions.today);
        if (matchOptions && matchOptions.explainAll !== undefined) opts.explainAll = !!matchOptions.explainAll;
        return unwrap(module.policyMatch(handle, toJson('profile', profile), toJson('options', opts)));
      },
      get freed() {
        return freed;
      },
      free() {
        release.unregister(catalog);
        const result = unwrap(module.catalogFree(handle)).freed;
        freed = true;
        return result;
      },
    };
    release.register(catalog, handle);
    return catalog;
  }

  return { load };
}

// Check and form calls take the Catalog object (or, for hosts keeping their own handles, its number).
export function catalogHandle(catalog) {
  if (catalog && typeof catalog === 'object' && Number.isInteger(catalog.handle)) return catalog.handle;
  if (Number.isInteger(catalog)) return catalog;
  throw new HaobanError('bad_argument', 'catalog must be a Catalog returned by h.catalog.load');
}
