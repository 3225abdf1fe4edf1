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

  return { compile };
}
