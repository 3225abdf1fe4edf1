// The checks every field type carries without a rule (docs/catalog-format.md, "Field types"):
// lengths and patterns, numeric ranges, real dates, visible option codes, GB 11643 / GB 32100
// check digits, mobile and email shapes, divisions, material routes. Each failure is one
// FieldError with a stable code and zh-CN / en messages.
#pragma once

#include <string>
#include <vector>

#include "haoban/catalog/model.h"
#include "haoban/form/field_state.h"
#include "haoban/time/civil_date.h"

namespace haoban::form {

struct CheckContext {
  time::CivilDate today;
  const std::vector<std::string>* visible_options = nullptr;  // option fields
  std::string min_date, max_date;                             // resolved date bounds
  const catalog::Material* material = nullptr;                // material slots
  bool commitment_allowed = true;  // the applicant may sign the material's commitment
};

// Appends the errors of a non-empty value (emptiness is the `required` check's job).
void builtin_errors(const catalog::Field& field, const json& value, const CheckContext& context,
                    const std::string& page, const std::string& path, std::vector<FieldError>* out);

// Empty: null, "", [] and (agreement) false.
bool is_empty_value(const catalog::Field* field, const json& value);

}  // namespace haoban::form
