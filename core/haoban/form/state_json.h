// The JSON text of field states written straight into a string, for the per-keystroke path
// (formSet in wasm): the same bytes as to_json(…).dump(-1, ' ', false, replace), without
// building a nlohmann tree of every changed state first (one allocation per key and value).
#pragma once

#include <string>

#include "haoban/form/field_state.h"
#include "haoban/form/session.h"

namespace haoban::form {

// Appends to `out` the text of to_json(result) (keys in nlohmann's sorted order).
void append_json(const SetResult& result, std::string& out);
void append_json(const FieldState& state, std::string& out);

}  // namespace haoban::form
