// The JS half of the boundary rule (wasm/bindings/boundary.h): every binding returns a JSON
// string, and a failure is a value in it. Here a failure becomes a thrown HaobanError, anything
// else is returned parsed. Two failure shapes exist:
//   {"error":{"type","message",…}}          boundary and expression failures (type + message,
//                                           expressions add line/column or path)
//   {"ok":false,"error":{"code","zh","en"}}  domain refusals (unknown item, read-only field …)
// A validation result ({"valid":…,"error":null|{code,zh,en}}) is a value, never thrown.
// This file has no imports and only plain syntax: it is also concatenated into the CommonJS
// build for mini-programs (see wasm/package/scripts/build-cjs.mjs).

export class HaobanError extends Error {
  constructor(type, message, details) {
    super(message);
    this.name = 'HaobanError';
    this.type = type;
    // Extra facts when the core gave them: code, zh, en (bilingual refusals), line and column
    // (infix syntax errors), path (JSON path in a catalogue or a JsonLogic rule), summary
    // (a catalogue load report).
    if (details && typeof details === 'object') {
      for (const key of ['code', 'zh', 'en', 'line', 'column', 'path', 'summary']) {
        if (details[key] !== undefined) this[key] = details[key];
      }
    }
  }
}

export function unwrap(json) {
  const value = JSON.parse(json);
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const error = value.error;
  if (!('valid' in value) && error && typeof error === 'object') {
    if (typeof error.type === 'string') {
      const details = Object.assign({}, error);
      if (value.summary) details.summary = value.summary;
      throw new HaobanError(error.type, error.message, details);
    }
    if (value.ok === false && typeof error.code === 'string') {
      throw new HaobanError(error.code, error.en || error.zh || error.code, error);
    }
  }
  return value;
}

export function requireString(name, value) {
  if (typeof value !== 'string') throw new HaobanError('bad_argument', `${name} must be a string`);
  return value;
}

export function requireInteger(name, value) {
  if (!Number.isInteger(value) || value < 0 || value > 0x7fffffff) {
    throw new HaobanError('bad_argument', `${name} must be a non-negative integer`);
  }
  return value;
}

// JS value → JSON text for a binding. undefined becomes null (JSON.stringify would drop it);
// cycles and BigInt are caller errors, reported as HaobanError rather than a TypeError.
export function toJson(name, value) {
  try {
    const text = JSON.stringify(value === undefined ? null : value);
    if (text === undefined) throw new TypeError('not representable in JSON');
    return text;
  } catch (e) {
    throw new HaobanError('bad_argument', `${name} cannot be sent as JSON: ${e.message}`);
  }
}

// The host's local calendar date, YYYY-MM-DD: the engine has no clock, so the host decides "today".
export function localToday(now = new Date()) {
  const pad = (n) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function todayFrom(options) {
  const today = options && options.today !== undefined ? options.today : localToday();
  return requireString('today', today);
}

// Frees a handle when its JS wrapper is garbage-collected and was never freed explicitly.
// Explicit free() is still the rule (GC timing is unspecified); this only stops slow leaks.
// Mini-program runtimes may lack FinalizationRegistry: then nothing is registered.
export function finalizer(release) {
  if (typeof FinalizationRegistry !== 'function') return { register() {}, unregister() {} };
  const registry = new FinalizationRegistry((handle) => {
    try {
      release(handle);
    } catch (e) {
      // The module may be gone already; nothing to do.
    }
  });
  return {
    register(owner, handle) {
      registry.register(owner, handle, owner);
    },
    unregister(owner) {
      registry.unregister(owner);
    },
  };
}
