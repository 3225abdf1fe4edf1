// validate(kind, value, today) for JS: the identity validators of core/haoban/ids, JSON out.
#include <emscripten/bind.h>

#include <string>

#include "boundary.h"
#include "haoban/ids/validators.h"
#include "haoban/time/civil_date.h"

namespace haoban::wasm {
namespace {

// "today" is the host's business (the engine has no clock); the JS wrapper supplies the
// local date when the caller gives none, so an unusable value here is a caller bug.
time::CivilDate parse_today(const std::string& today) {
  if (today.size() > 32) throw BoundaryError("bad_today", "today must be YYYY-MM-DD");
  auto date = time::parse_iso(today);
  if (!date)
    throw BoundaryError("bad_today",
                        "today must be a real date as YYYY-MM-DD, got \"" + today + "\"");
  return *date;
}

std::string validate(const std::string& kind, const std::string& value, const std::string& today) {
  return guarded(
      [&] { return to_json_string(ids::to_json(ids::validate(kind, value, parse_today(today)))); });
}

}  // namespace
}  // namespace haoban::wasm

EMSCRIPTEN_BINDINGS(haoban_ids) { emscripten::function("validate", &haoban::wasm::validate); }
