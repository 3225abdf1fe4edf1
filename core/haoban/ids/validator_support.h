// Shared plumbing of the identity validators (internal to core/haoban/ids): the input
// gate every validator passes first, and the builders of results and common messages,
// so that all validators word the same problem the same way.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "haoban/ids/validation_result.h"

namespace haoban::ids::detail {

// How a kind of identifier is called in messages: "身份证号码" / "resident ID number".
struct KindNoun {
  std::string_view zh;
  std::string_view en;
};
KindNoun noun_for(std::string_view kind);

// The input gate: rejects raw input that is too long (checked before decoding), not
// UTF-8, or empty once normalised. On success returns nullopt and sets `normalized`
// to haoban::text::normalize_code(input); on failure returns the finished result.
std::optional<ValidationResult> prepare_input(std::string_view kind, std::string_view input,
                                              std::string& normalized);

ValidationResult failure(std::string_view kind, std::string normalized, std::string_view code,
                         LocalizedText message);
ValidationResult success(std::string_view kind, std::string normalized, LocalizedText message);

// "身份证号码应为18位，您输入了17位。" — `expected` is already worded ("18", "9或11").
LocalizedText length_message(std::string_view kind, std::string_view expected_zh,
                             std::string_view expected_en, std::size_t actual);
// "身份证号码校验码错误，…" — the check character does not match.
LocalizedText checksum_message(std::string_view kind);
// The first character that may not appear, quoted back to the user ("含有不允许的字符“A”").
LocalizedText charset_message(std::string_view kind, std::string_view bad,
                              std::string_view allowed_zh, std::string_view allowed_en);

// The first UTF-8 character of s that fails `allowed`, or empty if none does.
template <typename Pred>
std::string_view first_disallowed(std::string_view s, std::size_t from, Pred allowed);

std::size_t count_chars(std::string_view s);
std::string_view char_at(std::string_view s, std::size_t byte_pos);

template <typename Pred>
std::string_view first_disallowed(std::string_view s, std::size_t from, Pred allowed) {
  for (std::size_t i = from; i < s.size();) {
    const std::string_view c = char_at(s, i);
    if (c.size() != 1 || !allowed(c[0])) return c;
    i += c.size();
  }
  return {};
}

inline bool is_digit(char c) { return c >= '0' && c <= '9'; }

}  // namespace haoban::ids::detail
