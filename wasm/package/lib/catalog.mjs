// h.catalog: load a catalogue once (compiled, type-checked, with its search index, or with the
// index left to the first search: lazyIndex) and use it by handle: item details, form
// layouts, search, 免申即享 policy matching.
import { HaobanError, finalizer, requireString, toJson, unwrap } from './boundary.mjs';

export function catalogApi(module) {
  const release = finalizer((handle) => module.catalogFree(handle));

  function load(textOrObject, options = {}) {
    const text = typeof textOrObject === 'string' ? textOrObject : toJson('catalogue', textOrObject);
    const loadOptions = {
      strict: !!(options && options.strict),
      lazy: !!(options && options.lazy),
      lazyIndex: !!(options && options.lazyIndex),
    };
    const { handle, summary } = unwrap(module.catalogLoad(text, JSON.stringify(loadOptions)));
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
