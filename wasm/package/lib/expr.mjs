// h.expr: one expression engine, two surface syntaxes (readable infix and JsonLogic). Compile
// once to a handle, evaluate many times. A syntax or type error throws a HaobanError whose
// line/column (infix) or path (JsonLogic) says where.
import { HaobanError, finalizer, requireString, toJson, unwrap } from './boundary.mjs';

function envJson(options) {
  const env = {};
  if (options && options.today !== undefined) env.today = requireString('today', options.today);
  if (options && options.maxSteps !== undefined) env.maxSteps = options.maxSteps;
  return toJson('options', env);
}

// Text the module left in its memory (valid UTF-8, see expr_data_bindings.cpp). Short ASCII
// text, the usual string result, is read byte by byte: cheaper than a TextDecoder call.
// ignoreBOM: a leading U+FEFF is part of the string (JSON.parse keeps it too).
const exprTextDecoder = typeof TextDecoder === 'function' ? new TextDecoder('utf-8', { ignoreBOM: true }) : null;
function exprUtf8(heap, start, length) {
  const end = start + length;
  if (length <= 32) {
    let text = '';
    let i = start;
    for (; i < end && heap[i] < 0x80; ++i) text += String.fromCharCode(heap[i]);
    if (i === end) return text;
  }
  if (exprTextDecoder) return exprTextDecoder.decode(heap.subarray(start, end));
  // Runtimes without TextDecoder (some mini-program bases): decode by hand.
  let text = '';
  for (let i = start; i < end; ) {
    const b = heap[i++];
    let cp = b;
    if (b >= 0xf0) cp = ((b & 0x07) << 18) | ((heap[i++] & 0x3f) << 12) | ((heap[i++] & 0x3f) << 6) | (heap[i++] & 0x3f);
    else if (b >= 0xe0) cp = ((b & 0x0f) << 12) | ((heap[i++] & 0x3f) << 6) | (heap[i++] & 0x3f);
    else if (b >= 0xc0) cp = ((b & 0x1f) << 6) | (heap[i++] & 0x3f);
    text += String.fromCodePoint(cp);
  }
  return text;
}

// An array or object result left as cells (kind 7, see Cell in expr_data_bindings.cpp): 16
// bytes per value in preorder, {u32 kind, u32 count, f64 number | u32 string pointer}; an
// array's cell is followed by its elements', an object's by key and value per member. Built
// here directly: JSON text and JSON.parse cost such a result several times its evaluation.
function exprCells(module, start) {
  const words = module.HEAPU32;
  const numbers = module.HEAPF64;
  const bytes = module.HEAPU8;
  let at = start >> 2; // the next cell, in 32-bit words
  const one = () => {
    const kind = words[at];
    const count = words[at + 1];
    const payload = at + 2;
    at += 4;
    switch (kind) {
      case 0: return null;
      case 1: return false;
      case 2: return true;
      case 3: return numbers[payload >> 1];
      case 4: return exprUtf8(bytes, words[payload], count);
      case 5: {
        const items = [];
        for (let i = 0; i < count; i += 1) items.push(one());
        return items;
      }
      default: {
        const object = {};
        for (let i = 0; i < count; i += 1) {
          const key = one();
          const value = one();
          // As JSON.parse: "__proto__" is an own property, not the prototype.
          if (key === '__proto__') Object.defineProperty(object, key, { value, writable: true, enumerable: true, configurable: true });
          else object[key] = value;
        }
        return object;
      }
    }
  };
  return one();
}

// evaluateOn without JSON text for its usual results (wasm/bindings/expr_data_bindings.cpp):
// the options are parsed once per distinct {today, maxSteps} into a numbered slot, and a
// scalar result comes back as a kind code and a number. Same results and errors as
// exprEvaluateOn, which stays the path for anything unusual (options that are not a string
// today and a number maxSteps, a document without a numeric handle) and for older modules.
const kEnvSlots = 64; // as expr_data_bindings.cpp
function exprFastPath(module) {
  if (typeof module._haoban_expr_evaluate_on !== 'function' || typeof module.exprSetEnvSlot !== 'function') return null;
  const record = module._haoban_expr_result_record(); // {double number; u32 data, length}
  const numberAt = record >> 3;
  const dataAt = (record >> 2) + 2;
  // Slot per options: today (a string) alone, or today (string or undefined) with a number maxSteps.
  const byToday = new Map();
  const bySteps = new Map();
  let nextSlot = 1;
  function slotFor(map, key, options) {
    const text = envJson(options); // throws for a today that is not a string, as before
    if (nextSlot === kEnvSlots) {
      // Slots are reused from 1 once all are taken (a host that changes today all the time).
      byToday.clear();
      bySteps.clear();
      nextSlot = 1;
    }
    const reply = JSON.parse(module.exprSetEnvSlot(nextSlot, text));
    if (typeof reply.slot !== 'number') return -1; // refused: the slow path throws the same error
    map.set(key, reply.slot);
    nextSlot += 1;
    return reply.slot;
  }
  // → a slot, or -1: take exprEvaluateOn.
  function envSlot(options) {
    if (options === undefined || options === null) return 0;
    const today = options.today;
    const maxSteps = options.maxSteps;
    if (maxSteps === undefined) {
      if (today === undefined) return 0;
      if (typeof today !== 'string') return -1;
      const slot = byToday.get(today);
      return slot !== undefined ? slot : slotFor(byToday, today, options);
    }
    if (typeof maxSteps !== 'number' || (today !== undefined && typeof today !== 'string')) return -1;
    const key = (today === undefined ? 'u' : 's' + today) + '\u0000' + maxSteps;
    const slot = bySteps.get(key);
    return slot !== undefined ? slot : slotFor(bySteps, key, options);
  }
  const text = () => exprUtf8(module.HEAPU8, module.HEAPU32[dataAt], module.HEAPU32[dataAt + 1]);
  return function evaluateOn(handle, document, options) {
    const dataHandle = document.handle;
    const slot = typeof dataHandle === 'number' ? envSlot(options) : -1;
    if (slot < 0) return unwrap(module.exprEvaluateOn(handle, dataHandle, envJson(options))).value;
    switch (module._haoban_expr_evaluate_on(handle, dataHandle, slot)) {
      case 0: return null;
      case 1: return false;
      case 2: return true;
      case 3: return module.HEAPF64[numberAt];
      case 4: return text();
      case 5: return JSON.parse(text());
      case 7: return exprCells(module, module.HEAPU32[dataAt]);
      default: return unwrap(text()).value; // {"error":…}: throws the HaobanError
    }
  };
}

export function exprApi(module) {
  const release = finalizer((handle) => module.exprFree(handle));
  const fastEvaluateOn = exprFastPath(module);

  function compile(source, options = {}) {
    const syntax = (options && options.syntax) || 'infix';
    if (syntax !== 'infix' && syntax !== 'jsonlogic') {
      throw new HaobanError('bad_syntax', 'syntax must be "infix" or "jsonlogic"');
    }
    // JsonLogic may be given as a rule object; infix is always text.
    const text = syntax === 'jsonlogic' && typeof source !== 'string' ? toJson('rule', source) : requireString('source', source);
    const opts = { syntax };
    if (options && options.types) opts.types = options.types;
    const { handle } = unwrap(module.exprCompileWith(text, toJson('options', opts)));
    const compiled = {
      handle,
      syntax,
      evaluate(data, evalOptions) {
        return unwrap(module.exprEvaluate(handle, toJson('data', data), envJson(evalOptions))).value;
      },
      // Against a document loaded once with h.expr.loadData: no data crosses per call.
      evaluateOn(document, evalOptions) {
        if (fastEvaluateOn) return fastEvaluateOn(handle, document, evalOptions);
        return unwrap(module.exprEvaluateOn(handle, document.handle, envJson(evalOptions))).value;
      },
      explain(data, evalOptions = {}) {
        const id = evalOptions && evalOptions.id !== undefined ? requireString('id', evalOptions.id) : '';
        return unwrap(module.exprExplain(handle, toJson('data', data), envJson(evalOptions), id));
      },
      toJsonLogic() {
        return unwrap(module.exprToJsonLogic(handle)).rule;
      },
      toInfix() {
        return unwrap(module.exprToInfix(handle)).infix;
      },
      free() {
        release.unregister(compiled);
        return unwrap(module.exprFree(handle)).freed;
      },
    };
    release.register(compiled, handle);
    return compiled;
  }

  // A data document (an applicant, a draft) parsed into the engine once, for evaluating many
  // compiled expressions against it (wasm/bindings/expr_data_bindings.cpp). Immutable: to
  // change the data, load a new document.
  const releaseData = finalizer((handle) => module.exprFreeData(handle));
  function loadData(data) {
    const { handle } = unwrap(module.exprLoadData(toJson('data', data)));
    const document = {
      handle,
      free() {
        releaseData.unregister(document);
        return unwrap(module.exprFreeData(handle)).freed;
      },
    };
    releaseData.register(document, handle);
    return document;
  }

  return { compile, loadData };
}
