#include "haoban/text/normalize.h"

#include "haoban/text/utf8.h"

namespace haoban::text {
namespace {

char32_t to_halfwidth(char32_t cp) {
  if (cp >= 0xFF01 && cp <= 0xFF5E) return cp - 0xFF01 + 0x21;
  if (cp == 0x3000 || cp == 0x00A0 || cp == 0x202F) return U' ';
  return cp;
}

bool is_space(char32_t cp) {
  return cp == U' ' || cp == U'\t' || cp == U'\n' || cp == U'\r' || cp == U'\f' || cp == U'\v' ||
         cp == 0x3000 || cp == 0x00A0 || cp == 0x202F || cp == 0xFEFF || cp == 0x200B;
}

// Calls f(cp, begin, end) for every decoded code point; invalid bytes arrive as U+FFFD.
template <typename F>
void for_each_cp(std::string_view s, F&& f) {
  size_t pos = 0;
  while (pos < s.size()) {
    const size_t begin = pos;
    const auto cp = decode_next(s, pos);
    f(cp ? *cp : kReplacementChar, begin, pos);
  }
}

}  // namespace

std::string fullwidth_to_halfwidth(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for_each_cp(s, [&](char32_t cp, size_t, size_t) { append_utf8(out, to_halfwidth(cp)); });
  return out;
}

std::string trim(std::string_view s) {
  size_t first = s.size(), last = 0;
  for_each_cp(s, [&](char32_t cp, size_t begin, size_t end) {
    if (is_space(cp)) return;
    if (first == s.size()) first = begin;
    last = end;
  });
  if (first == s.size()) return {};
  return std::string(s.substr(first, last - first));
}

std::string strip_spaces(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for_each_cp(s, [&](char32_t cp, size_t begin, size_t end) {
    if (!is_space(cp)) out.append(s.substr(begin, end - begin));
  });
  return out;
}

std::string normalize_code(std::string_view s) {
  std::string out = strip_spaces(fullwidth_to_halfwidth(s));
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

}  // namespace haoban::text
