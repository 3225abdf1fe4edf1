// The JS half of the boundary, shared by index.mjs (ESM) and index.cjs (CommonJS, through a
// dynamic import): it turns an instantiated Emscripten module into the Haoban API.
// Every binding returns a JSON string; a {"error":{"type",...}} answer becomes a thrown
// HaobanError, anything else is returned parsed.

export class HaobanError extends Error {
  constructor(type, message) {
    super(message);
    this.name = 'HaobanError';
    this.type = type;
  }
}

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

// A boundary failure carries error.type and no "valid"; a validation result carries
// "valid" and an error that is null or {code, zh, en}: that is a value, not an exception.
function unwrap(json) {
  const value = JSON.parse(json);
  if (value && typeof value === 'object' && !('valid' in value) && value.error && typeof value.error.type === 'string') {
    throw new HaobanError(value.error.type, value.error.message);
  }
  return value;
}

// The host's local calendar date, YYYY-MM-DD: the engine has no clock, so the host decides "today".
export function localToday(now = new Date()) {
  const pad = (n) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function requireString(name, value) {
  if (typeof value !== 'string') throw new HaobanError('bad_argument', `${name} must be a string`);
  return value;
}

export function wrap(module) {
  const store = {
    open(path) {
      const { handle, schemaVersion } = unwrap(module.storeOpen(requireString('path', path)));
      return {
        schemaVersion,
        putDraft(id, body) {
          unwrap(module.storePutDraft(handle, requireString('id', id), requireString('body', body)));
        },
        getDraft(id) {
          const { found, body } = unwrap(module.storeGetDraft(handle, requireString('id', id)));
          return found ? body : null;
        },
        close() {
          return unwrap(module.storeClose(handle)).closed;
        },
      };
    },
  };
  return {
    version: module.version(),
    sqliteVersion: module.sqliteVersion(),
    validate(kind, value, options = {}) {
      const today = options && options.today !== undefined ? options.today : localToday();
      return unwrap(
        module.validate(requireString('kind', kind), requireString('value', value), requireString('today', today)),
      );
    },
    store,
    // The Emscripten module itself (FS for IDBFS mounting, and bindings not yet wrapped here).
    module,
  };
}
