// The C++ core in the mini-program: loaded once with WXWebAssembly from the code package path
// (/core/haoban-core.wasm.br, brotli), then wrapped so that pages call plain functions with
// plain objects. Mirrors the @haoban/core API (catalog.load, form.open, check.item/bundle/package,
// matchPolicies, canonicalJson); every binding answers a JSON string, and a
// {"error":{type,message}} answer becomes a thrown HaobanError.
'use strict';

const { fromWX } = require('./wasm-shim.js');

const WASM_PATH = '/core/haoban-core.wasm.br';

class HaobanError extends Error {
  constructor(type, message) {
    super(message);
    this.name = 'HaobanError';
    this.type = type;
  }
}

function unwrap(json) {
  const value = JSON.parse(json);
  if (value && typeof value === 'object' && !('valid' in value) && value.error && typeof value.error.type === 'string') {
    throw new HaobanError(value.error.type, value.error.message);
  }
  return value;
}

function wrap(m) {
  function openForm(catalogHandle, itemId, options) {
    const opened = unwrap(m.formOpen(catalogHandle, itemId, JSON.stringify(options)));
    const h = opened.handle;
    return {
      opened,
      set: (path, value) => unwrap(m.formSet(h, path, JSON.stringify(value === undefined ? null : value))),
      addRow: (group) => unwrap(m.formAddRow(h, group)),
      removeRow: (group, index) => unwrap(m.formRemoveRow(h, group, index)),
      validateAll: () => unwrap(m.formValidateAll(h)),
      answers: () => unwrap(m.formAnswers(h)),
      draft: () => unwrap(m.formDraft(h)),
      states: () => unwrap(m.formStates(h)),
      materials: () => unwrap(m.formMaterials(h)),
      free: () => unwrap(m.formFree(h)),
    };
  }

  function loadCatalog(text, options) {
    const loaded = unwrap(m.catalogLoad(typeof text === 'string' ? text : JSON.stringify(text), JSON.stringify(options || {})));
    const h = loaded.handle;
    const opts = (o) => JSON.stringify(o || {});
    return {
      handle: h,
      summary: loaded.summary,
      item: (id) => unwrap(m.catalogItem(h, id)),
      search: (query, o) => unwrap(m.catalogSearch(h, query, opts(o))).hits,
      matchPolicies: (profile, o) => unwrap(m.policyMatch(h, JSON.stringify(profile), opts(o))),
      checkItem: (itemId, application, o) => unwrap(m.checkItem(h, itemId, JSON.stringify(application), opts(o))),
      checkBundle: (bundleId, application, o) => unwrap(m.checkBundle(h, bundleId, JSON.stringify(application), opts(o))),
      checkPackage: (itemId, application, o) => unwrap(m.checkPackage(h, itemId, JSON.stringify(application), opts(o))),
      openForm: (itemId, o) => openForm(h, itemId, o),
      free: () => unwrap(m.catalogFree(h)),
    };
  }

  return {
    module: m,
    catalog: { load: loadCatalog },
    setCalendar: (holidays) => unwrap(m.checkSetCalendar(typeof holidays === 'string' ? holidays : JSON.stringify(holidays))),
    canonicalJson: (value) => unwrap(m.canonicalJson(JSON.stringify(value))),
    validate: (kind, value, today) => unwrap(m.validate(kind, value, today)),
  };
}

let loading = null;

// One instance per app run. instantiateWasm hands the glue an instance made by WXWebAssembly
// from the package path; nothing is fetched and nothing is compiled from a string.
function loadCore() {
  if (loading) return loading;
  loading = new Promise((resolve, reject) => {
    let factory;
    try {
      factory = require('../core/haoban-core.js');
    } catch (e) {
      reject(new HaobanError('core_missing', `the core is not built into the package: ${e.message}`));
      return;
    }
    const WX = typeof WXWebAssembly === 'object' ? WXWebAssembly : undefined;
    let shim;
    try {
      shim = fromWX(WX);
    } catch (e) {
      reject(new HaobanError('no_wasm', e.message));
      return;
    }
    const createHaobanCore = factory(shim);
    createHaobanCore({
      // The wasm package's own mini-program glue reads its WebAssembly from here (its pre-js);
      // the glue linked by scripts/build.mjs gets it from the wrapper. Either finds the shim.
      WebAssembly: shim,
      instantiateWasm(imports, receiveInstance) {
        WX.instantiate(WASM_PATH, imports).then(
          (result) => receiveInstance(result.instance || result, result.module),
          (error) => reject(new HaobanError('wasm_instantiate', String((error && error.message) || error))),
        );
        return {}; // asynchronous: exports arrive through receiveInstance
      },
      print: (text) => console.log(text),
      printErr: (text) => console.warn(text),
    }).then((m) => {
      const core = wrap(m);
      core.setCalendar(require('../core/holidays.js'));
      resolve(core);
    }, reject);
  });
  loading.catch(() => {
    loading = null; // a failed load may be retried
  });
  return loading;
}

module.exports = { loadCore, HaobanError, WASM_PATH };
