#include "rule_console_state.h"

#include "haoban/expr/engine.h"
#include "haoban/expr/explain.h"
#include "haoban/expr/printer.h"

#include <algorithm>

namespace haoban::workbench {

void RuleConsoleState::set_source(std::string_view text) {
  const std::size_t n = std::min(text.size(), source_.size() - 1);
  std::copy_n(text.data(), n, source_.data());
  source_[n] = '\0';
}

void RuleConsoleState::evaluate(const nlohmann::json& data, const time::CivilDate& today,
                                const calendar::HolidayCalendar* calendar) {
  evaluated_ = true;
  ok_ = false;
  value_ = reason_ = error_ = nullptr;
  translated_.clear();
  const auto compiled = syntax == Syntax::infix ? expr::compile_infix(source())
                                                : expr::compile_jsonlogic_text(source());
  if (!compiled.ok()) {
    error_ = expr::to_json(compiled.error);
    return;
  }
  const auto& program = *compiled.program;
  translated_ =
      syntax == Syntax::infix ? expr::to_jsonlogic(program).dump() : expr::to_infix(program);
  expr::EvalEnv env;
  env.today = today;
  env.calendar = calendar;
  const auto outcome = expr::evaluate(program, data, env);
  if (!outcome.ok) {
    error_ = expr::to_json(outcome.error);
    return;
  }
  ok_ = true;
  value_ = outcome.value;
  if (value_.is_boolean()) {
    const auto explained = expr::explain(program, data, env, "console");
    if (explained.value("ok", false) && explained.contains("reason")) reason_ = explained["reason"];
  }
}

}  // namespace haoban::workbench
