// The rule console: an author types an expression in infix or JsonLogic and sees what it
// gives on the current answers — the value, the explanation tree for a boolean rule, the
// other syntax's rendering, or the compile/evaluation error with its position. No ImGui here.
#pragma once

#include "haoban/calendar/holiday_calendar.h"
#include "haoban/time/civil_date.h"

#include <array>
#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace haoban::workbench {

class RuleConsoleState {
 public:
  enum class Syntax { infix, jsonlogic };
  // A rule is a line or a small JSON document; hostile paste is cut here.
  static constexpr std::size_t kSourceCapacity = 4096;

  Syntax syntax = Syntax::infix;
  void set_source(std::string_view text);
  std::string_view source() const { return source_.data(); }
  char* source_buffer() { return source_.data(); }
  std::size_t source_buffer_size() const { return source_.size(); }

  // Compiles and evaluates on `data` (see ApplicationWorkspace::rule_data).
  void evaluate(const nlohmann::json& data, const time::CivilDate& today,
                const calendar::HolidayCalendar* calendar = nullptr);

  bool has_result() const { return evaluated_; }
  bool ok() const { return ok_; }
  const nlohmann::json& value() const { return value_; }
  const nlohmann::json& reason() const { return reason_; }       // explain tree (booleans), or null
  const std::string& translated() const { return translated_; }  // the other syntax
  const nlohmann::json& error() const { return error_; }         // expr::to_json(Error)

 private:
  std::array<char, kSourceCapacity> source_{};
  bool evaluated_ = false;
  bool ok_ = false;
  nlohmann::json value_, reason_, error_;
  std::string translated_;
};

}  // namespace haoban::workbench
