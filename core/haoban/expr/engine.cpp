#include "haoban/expr/engine.h"

#include "haoban/expr/evaluator.h"
#include "haoban/expr/infix_parser.h"
#include "haoban/expr/jsonlogic_compiler.h"

namespace haoban::expr {

Compiled compile_jsonlogic(const json& rule, const CompileOptions& options) {
  Compiled out;
  try {
    auto program = std::make_shared<Program>();
    compile_jsonlogic_into(*program, rule, options);
    out.program = std::move(program);
  } catch (const EvalFailure& failure) {
    out.error = failure.error();
  } catch (const std::bad_alloc&) {
    out.error = Error{error_type::kArrayTooLong, "out of memory while compiling", {}, nullptr};
  }
  return out;
}

Compiled compile_jsonlogic_text(std::string_view text, const CompileOptions& options) {
  Error error;
  auto rule =
      parse_bounded_json(text, options.limits.max_depth, options.limits.max_source_bytes, &error);
  if (!rule) {
    Compiled out;
    out.error = std::move(error);
    return out;
  }
  return compile_jsonlogic(*rule, options);
}

Compiled compile_infix(std::string_view source, const CompileOptions& options) {
  Compiled out;
  try {
    InfixParse parsed = parse_infix(source, options.limits);
    CompileOptions with_positions = options;
    with_positions.positions = &parsed.positions;
    auto program = std::make_shared<Program>();
    compile_jsonlogic_into(*program, parsed.rule, with_positions);
    out.program = std::move(program);
  } catch (const EvalFailure& failure) {
    out.error = failure.error();
  } catch (const std::bad_alloc&) {
    out.error = Error{error_type::kStringTooLong, "out of memory while compiling", {}, nullptr};
  }
  return out;
}

namespace {

template <typename Data>
Outcome evaluate_on(const Program& program, const Data& data, const EvalEnv& env) {
  Outcome out;
  try {
    // One evaluator per thread, reused, so that its stacks and arena keep their capacity and
    // the common case allocates nothing but the result. Not re-entrant: no engine code calls
    // evaluate() from inside an evaluation.
    thread_local Evaluator evaluator(program);
    evaluator.rebind(program);
    out.value = to_json(evaluator.run(data, env));
    out.ok = true;
  } catch (const EvalFailure& failure) {
    out.error = failure.error();
  } catch (const std::bad_alloc&) {
    out.error = Error{error_type::kArrayTooLong, "out of memory while evaluating", {}, nullptr};
  }
  return out;
}

}  // namespace

Outcome evaluate(const Program& program, const json& data, const EvalEnv& env) {
  return evaluate_on(program, data, env);
}

Outcome evaluate(const Program& program, const Document& data, const EvalEnv& env) {
  return evaluate_on(program, data, env);
}

std::optional<json> parse_bounded_json(std::string_view text, int max_depth, size_t max_bytes,
                                       Error* error) {
  if (text.size() > max_bytes) {
    if (error) {
      *error = Error{error_type::kStringTooLong,
                     "the JSON text is larger than " + std::to_string(max_bytes) + " bytes",
                     {},
                     nullptr};
    }
    return std::nullopt;
  }
  // A byte scan for nesting before parsing: cheap, and it keeps every later recursive walk of
  // the document (copies, comparisons, compilation) within bounds.
  int depth = 0;
  bool in_string = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > max_depth) {
        if (error) {
          *error = Error{error_type::kNestingTooDeep,
                         "the JSON is nested deeper than " + std::to_string(max_depth) + " levels",
                         {},
                         nullptr};
        }
        return std::nullopt;
      }
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  // nlohmann's lexer takes a NUL byte for the end of the input, so "{…}\0junk" would parse as
  // "{…}": refuse it (a raw NUL is never valid JSON, inside a string or out).
  json parsed = text.find('\0') == std::string_view::npos
                    ? json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false)
                    : json(json::value_t::discarded);
  if (parsed.is_discarded()) {
    if (error) *error = Error{error_type::kBadJson, "the text is not valid JSON", {}, nullptr};
    return std::nullopt;
  }
  return parsed;
}

}  // namespace haoban::expr
