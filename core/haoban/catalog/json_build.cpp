#include "haoban/catalog/json_build.h"

#include <string>

namespace haoban::catalog::json_scan {

namespace {

using nlohmann::json;

// Numbers are rare in item metadata (a revision, a visit count): nlohmann converts the validated
// text itself, so integer/unsigned/float and range errors come out exactly as in a full parse.
bool build_number(Scanner& s, int depth, json* out, bool* bad) {
  const Span span = s.value(depth);
  if (s.failed()) return false;
  *out = json::parse(span.of(s.text()), nullptr, /*allow_exceptions=*/false);
  if (out->is_discarded()) {
    *bad = true;
    *out = nullptr;
  }
  return true;
}

}  // namespace

bool build_value(Scanner& s, int depth, json* out, bool* bad) {
  switch (s.peek()) {
    case '{':
      *out = json::object();
      return walk_object(s, depth, [&](const std::string& key) {
        json member;
        if (!build_value(s, depth + 1, &member, bad)) return false;
        (*out)[key] = std::move(member);  // a later duplicate replaces an earlier one
        return true;
      });
    case '[':
      *out = json::array();
      return walk_array(s, depth, [&] {
        json element;
        if (!build_value(s, depth + 1, &element, bad)) return false;
        out->push_back(std::move(element));
        return true;
      });
    case '"': {
      std::string text;
      if (!s.read_string(&text)) return false;
      *out = std::move(text);
      return true;
    }
    case 't':
    case 'f':
    case 'n': {
      const char c = s.peek();
      s.value(depth);
      if (s.failed()) return false;
      *out = c == 'n' ? json(nullptr) : json(c == 't');
      return true;
    }
    default:
      return build_number(s, depth, out, bad);
  }
}

}  // namespace haoban::catalog::json_scan
