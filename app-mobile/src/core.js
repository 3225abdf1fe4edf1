// The wasm core, loaded at run time from /core/index.mjs (the same file the back office serves
// to every client; it is deliberately not bundled by Vite). Every decision the app shows —
// field states, errors, eligibility, materials, the 一次性告知单, the package digest — comes
// from here; the pages only render.
//
// The pages code against the shapes of the @haoban/core JS API contract (catalog / form /
// check). contractShim() provides them over the raw embind bindings (h.module.catalogLoad …,
// JSON strings in and out), which are stable; switching to the package's own typed wrappers
// is a one-line change here once they have landed and been checked against these shapes.

const CORE_URL = '/core/index.mjs';

class CoreError extends Error {
  constructor(type, message) {
    super(message);
    this.name = 'HaobanError';
    this.type = type;
  }
}

function unwrap(json) {
  const value = JSON.parse(json);
  if (value && typeof value === 'object' && value.error && typeof value.error.type === 'string') {
    throw new CoreError(value.error.type, value.error.message);
  }
  return value;
}

const str = (value) => JSON.stringify(value ?? {});

function contractShim(m) {
  const formSession = (handle, opened) => ({
    opened,
    set: (path, value) => unwrap(m.formSet(handle, path, JSON.stringify(value ?? null))),
    addRow: (group) => unwrap(m.formAddRow(handle, group)),
    removeRow: (group, index) => unwrap(m.formRemoveRow(handle, group, index)),
    validateAll: () => unwrap(m.formValidateAll(handle)),
    answers: () => unwrap(m.formAnswers(handle)),
    draft: () => unwrap(m.formDraft(handle)),
    states: () => unwrap(m.formStates(handle)),
    materials: () => unwrap(m.formMaterials(handle)),
    free: () => unwrap(m.formFree(handle)),
  });
  return {
    setCalendar: (holidays) => {
      const text = typeof holidays === 'string' ? holidays : JSON.stringify(holidays);
      unwrap(m.checkSetCalendar(text));
      if (m.exprSetCalendar) unwrap(m.exprSetCalendar(text));
    },
    catalog: {
      load(text, options = {}) {
        const source = typeof text === 'string' ? text : JSON.stringify(text);
        const { handle, summary } = unwrap(m.catalogLoad(source, str(options)));
        return {
          handle,
          summary,
          errors: summary.errors,
          item: (id) => unwrap(m.catalogItem(handle, id)),
          search: (query, opts = {}) => unwrap(m.catalogSearch(handle, query, str(opts))).hits,
          matchPolicies: (profile, opts = {}) => unwrap(m.policyMatch(handle, str(profile), str(opts))),
          free: () => unwrap(m.catalogFree(handle)),
        };
      },
    },
    form: {
      open(catalog, itemId, options = {}) {
        const opened = unwrap(m.formOpen(catalog.handle, itemId, str(options)));
        return formSession(opened.handle, opened);
      },
    },
    check: {
      item: (c, id, app, opts) => unwrap(m.checkItem(c.handle, id, str(app), str(opts))),
      bundle: (c, id, app, opts) => unwrap(m.checkBundle(c.handle, id, str(app), str(opts))),
      eligibility: (c, id, app, opts) => unwrap(m.checkEligibility(c.handle, id, str(app), str(opts))),
      package: (c, id, app, opts) => unwrap(m.checkPackage(c.handle, id, str(app), str(opts))),
    },
    canonicalJson: (value) => unwrap(m.canonicalJson(JSON.stringify(value))),
  };
}

let loading = null;

// Loads the core once per page. Resolves to the contract API plus version facts.
export function loadCore() {
  loading ??= (async () => {
    const { load } = await import(/* @vite-ignore */ CORE_URL);
    const h = await load();
    const api = { version: h.version, validate: h.validate, store: h.store, module: h.module, ...contractShim(h.module) };
    document.documentElement.dataset.coreVersion = h.version;
    return api;
  })();
  return loading;
}

// The device's local calendar date, YYYY-MM-DD: the app is the host and decides "today".
export function localToday(now = new Date()) {
  const pad = (n) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
