// What a form session reports about a field: its value and flags, and its errors. Paths name
// top-level fields ("mobile") and group cells ("familyMembers[2].memberName").
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace haoban::form {

using json = nlohmann::json;

struct FieldError {
  std::string page;  // page id
  std::string path;  // field path
  std::string code;  // "required", a built-in check's code, or the rule id
  std::string zh;
  std::string en;
  bool warning = false;  // severity "warning": shown, does not block submission
  bool operator==(const FieldError&) const = default;
};

struct FieldState {
  std::string path;
  json value;  // the normalised value (null when hidden or empty)
  bool visible = true;
  bool required = false;
  bool enabled = true;
  bool readonly = false;
  std::vector<std::string> options;  // visible option codes (option fields only)
  std::vector<FieldError> errors;
  bool operator==(const FieldState&) const = default;
};

json to_json(const FieldError& error);
json to_json(const FieldState& state);

}  // namespace haoban::form
