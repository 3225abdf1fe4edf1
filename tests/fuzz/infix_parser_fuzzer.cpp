// Fuzzes the infix expression syntax: lexer, parser, type-free compile, evaluation on sample
// data, explanation, and the printers. Property checked: whatever compiles prints back (as
// infix and as JsonLogic) to text that compiles again — authors round-trip rules through
// the workbench, so a printed rule that no longer parses would be a real bug.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_support.h"
#include "haoban/expr/explain.h"
#include "haoban/expr/printer.h"

using namespace haoban;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view source(reinterpret_cast<const char*>(data), size);
  const expr::CompileOptions options = fuzz::small_limits();
  const expr::Compiled compiled = expr::compile_infix(source, options);
  if (!compiled.ok()) return 0;

  const expr::Program& program = *compiled.program;
  const expr::EvalEnv env = fuzz::sample_env();
  (void)expr::evaluate(program, fuzz::sample_data(), env);
  (void)expr::explain(program, fuzz::sample_data(), env, "fuzz");

  const std::string printed = expr::to_infix(program);
  const expr::Compiled again = expr::compile_infix(printed, options);
  if (!again.ok()) {
    fuzz::property_failed("printed infix does not compile", "source: " + std::string(source) +
                                                                "\nprinted: " + printed +
                                                                "\nerror: " + again.error.message);
  }
  const nlohmann::json logic = expr::to_jsonlogic(program);
  const expr::Compiled from_logic = expr::compile_jsonlogic(logic, options);
  if (!from_logic.ok()) {
    fuzz::property_failed("printed JsonLogic does not compile",
                          "source: " + std::string(source) + "\nprinted: " + logic.dump() +
                              "\nerror: " + from_logic.error.message);
  }
  return 0;
}
