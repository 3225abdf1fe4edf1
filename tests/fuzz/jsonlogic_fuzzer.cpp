// Fuzzes JsonLogic: the bounded JSON parse of rule and data, compile (with and without
// declared field types), evaluate, explain, and the printers. Input: rule text, a NUL byte,
// data text (no NUL: the data is null). Property checked: a compiled rule printed as
// JsonLogic compiles again and, on the same data, evaluates to the same value or error type.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_support.h"
#include "haoban/expr/explain.h"
#include "haoban/expr/printer.h"

using namespace haoban;

namespace {

std::string describe(const expr::Outcome& outcome) {
  return outcome.ok ? outcome.value.dump() : "error " + outcome.error.type;
}

// NaN never equals itself; compare printed forms instead of json values.
bool same_outcome(const expr::Outcome& a, const expr::Outcome& b) {
  if (a.ok != b.ok) return false;
  return a.ok ? a.value.dump() == b.value.dump() : a.error.type == b.error.type;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* bytes, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(bytes), size);
  const size_t nul = input.find('\0');
  const std::string_view rule_text = input.substr(0, nul);
  const std::string_view data_text =
      nul == std::string_view::npos ? std::string_view("null") : input.substr(nul + 1);

  const expr::CompileOptions options = fuzz::small_limits();
  expr::Error data_error;
  const std::optional<nlohmann::json> data = expr::parse_bounded_json(
      data_text, options.limits.max_data_depth, options.limits.max_source_bytes, &data_error);
  const nlohmann::json& facts = data ? *data : fuzz::sample_data();

  // With declared types too: the type checker walks the same trees.
  static const expr::Declarations declarations = {{"age", expr::Type::Number},
                                                  {"flag", expr::Type::Bool},
                                                  {"applicant", expr::Type::Object},
                                                  {"rooms", expr::Type::Array},
                                                  {"text", expr::Type::String}};
  expr::CompileOptions typed = options;
  typed.declarations = &declarations;
  (void)expr::compile_jsonlogic_text(rule_text, typed);

  const expr::Compiled compiled = expr::compile_jsonlogic_text(rule_text, options);
  if (!compiled.ok()) return 0;
  const expr::Program& program = *compiled.program;
  const expr::EvalEnv env = fuzz::sample_env();
  const expr::Outcome first = expr::evaluate(program, facts, env);
  (void)expr::explain(program, facts, env, "fuzz");
  (void)expr::to_infix(program);

  const nlohmann::json printed = expr::to_jsonlogic(program);
  const expr::Compiled again = expr::compile_jsonlogic(printed, options);
  if (!again.ok()) {
    fuzz::property_failed("printed JsonLogic does not compile",
                          "rule: " + std::string(rule_text) + "\nprinted: " + printed.dump() +
                              "\nerror: " + again.error.message);
  }
  const expr::Outcome second = expr::evaluate(*again.program, facts, env);
  // Running out of steps may happen at a different point after folding; not a difference.
  const bool step_bound = (!first.ok && first.error.type == expr::error_type::kTooManySteps) ||
                          (!second.ok && second.error.type == expr::error_type::kTooManySteps);
  if (!step_bound && !same_outcome(first, second)) {
    fuzz::property_failed("printed JsonLogic evaluates differently",
                          "rule: " + std::string(rule_text) + "\nprinted: " + printed.dump() +
                              "\nfirst: " + describe(first) + "\nsecond: " + describe(second));
  }
  return 0;
}
