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

export function exprApi(module) {
  const release = finalizer((handle) => module.exprFree(handle));

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
