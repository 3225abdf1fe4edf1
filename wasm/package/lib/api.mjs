// The JS half of the boundary, shared by index.mjs (ESM) and index.cjs (CommonJS, through a
// dynamic import): it turns an instantiated Emscripten module into the Haoban API.
// Every binding returns a JSON string; lib/boundary.mjs turns failures into thrown HaobanErrors.
import { HaobanError, localToday, requireString, todayFrom, unwrap } from './boundary.mjs';
import { catalogApi } from './catalog.mjs';
import { canonicalJson, checkApi, setCalendar } from './check.mjs';
import { exprApi } from './expr.mjs';
import { formApi } from './form.mjs';
import { storeApi } from './store.mjs';

export { HaobanError, localToday };

// Only these Emscripten module settings are passed through from load(options).
const MODULE_OPTIONS = ['wasmBinary', 'locateFile', 'instantiateWasm', 'print', 'printErr'];

export function moduleArgsFrom(options) {
  const args = {};
  for (const key of MODULE_OPTIONS) {
    if (options && options[key] !== undefined) args[key] = options[key];
  }
  return args;
}

export function isNode() {
  return typeof process === 'object' && process !== null && !!(process.versions && process.versions.node);
}

export function wrap(module) {
  return {
    version: module.version(),
    sqliteVersion: module.sqliteVersion(),
    validate(kind, value, options = {}) {
      return unwrap(module.validate(requireString('kind', kind), requireString('value', value), todayFrom(options)));
    },
    setCalendar(holidays) {
      setCalendar(module, holidays);
    },
    canonicalJson(value) {
      return canonicalJson(module, value);
    },
    expr: exprApi(module),
    catalog: catalogApi(module),
    form: formApi(module),
    check: checkApi(module),
    store: storeApi(module),
    // The Emscripten module itself (FS for IDBFS, HEAP8 for diagnostics, the raw JSON bindings).
    module,
  };
}
