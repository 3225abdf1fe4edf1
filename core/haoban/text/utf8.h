// UTF-8 helpers. Government forms receive text from every kind of keyboard and IME, so
// invalid byte sequences are detected, never trusted; lengths are counted in characters.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace haoban::text {

inline constexpr char32_t kReplacementChar = 0xFFFD;

// Decodes one code point starting at pos and advances pos. Invalid, overlong or truncated
// sequences and surrogates yield nullopt and advance pos by one byte.
std::optional<char32_t> decode_next(std::string_view s, size_t& pos);

bool is_valid_utf8(std::string_view s);

// Number of code points; each invalid byte counts as one.
size_t char_count(std::string_view s);

void append_utf8(std::string& out, char32_t cp);

// Substring by code points: start and length in characters (clamped).
std::string substr_chars(std::string_view s, size_t start, size_t length);

}  // namespace haoban::text
