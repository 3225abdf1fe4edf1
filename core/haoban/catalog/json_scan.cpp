#include "haoban/catalog/json_scan.h"

#include <nlohmann/json.hpp>

namespace haoban::catalog::json_scan {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

void Scanner::skip_spaces() {
  size_t p = pos_;  // a local, for the reason in string()
  while (p < s_.size() && is_space(s_[p])) ++p;
  pos_ = p;
}

bool Scanner::at_end() {
  skip_ws();
  return pos_ == s_.size();
}

bool Scanner::literal(std::string_view word) {
  if (s_.substr(pos_, word.size()) != word) return fail();
  pos_ += word.size();
  return true;
}

bool Scanner::number() {
  const size_t n = s_.size();
  if (pos_ < n && s_[pos_] == '-') ++pos_;
  if (pos_ >= n) return fail();
  if (s_[pos_] == '0') {
    ++pos_;
  } else if (s_[pos_] >= '1' && s_[pos_] <= '9') {
    while (pos_ < n && is_digit(s_[pos_])) ++pos_;
  } else {
    return fail();
  }
  if (pos_ < n && s_[pos_] == '.') {
    ++pos_;
    if (pos_ >= n || !is_digit(s_[pos_])) return fail();
    while (pos_ < n && is_digit(s_[pos_])) ++pos_;
  }
  if (pos_ < n && (s_[pos_] == 'e' || s_[pos_] == 'E')) {
    ++pos_;
    if (pos_ < n && (s_[pos_] == '+' || s_[pos_] == '-')) ++pos_;
    if (pos_ >= n || !is_digit(s_[pos_])) return fail();
    while (pos_ < n && is_digit(s_[pos_])) ++pos_;
  }
  return true;
}

// One multi-byte UTF-8 sequence at pos_ (RFC 3629: no overlong forms, no surrogates, ≤ U+10FFFF),
// the same ranges nlohmann's lexer accepts.
bool Scanner::utf8_sequence() {
  const auto byte = [&](size_t i) -> unsigned {
    return pos_ + i < s_.size() ? static_cast<unsigned char>(s_[pos_ + i]) : 0u;
  };
  const unsigned b0 = byte(0);
  const auto cont = [&](size_t i, unsigned lo = 0x80, unsigned hi = 0xBF) {
    const unsigned b = byte(i);
    return b >= lo && b <= hi;
  };
  size_t len = 0;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    len = cont(1) ? 2 : 0;
  } else if (b0 == 0xE0) {
    len = cont(1, 0xA0) && cont(2) ? 3 : 0;
  } else if ((b0 >= 0xE1 && b0 <= 0xEC) || b0 == 0xEE || b0 == 0xEF) {
    len = cont(1) && cont(2) ? 3 : 0;
  } else if (b0 == 0xED) {
    len = cont(1, 0x80, 0x9F) && cont(2) ? 3 : 0;
  } else if (b0 == 0xF0) {
    len = cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0;
  } else if (b0 >= 0xF1 && b0 <= 0xF3) {
    len = cont(1) && cont(2) && cont(3) ? 4 : 0;
  } else if (b0 == 0xF4) {
    len = cont(1, 0x80, 0x8F) && cont(2) && cont(3) ? 4 : 0;
  }
  if (len == 0) return fail();
  pos_ += len;
  return true;
}

bool Scanner::string(std::string* out) {
  const size_t start = pos_;
  ++pos_;  // the opening quote
  bool escaped = false;
  const size_t n = s_.size();
  for (;;) {
    // The common run: printable ASCII that is neither a quote nor a backslash, and the
    // three-byte sequences of U+1000–U+CFFF and U+E000–U+FFFF (Chinese text and full-width
    // punctuation: most of a catalogue's bytes), whose only rule is two continuation bytes.
    // Everything else (E0, ED, two- and four-byte sequences) goes to utf8_sequence().
    // Locals, not the members: a store to pos_ per byte would stay in memory (char loads may
    // alias it), which made this loop most of a lazy load's instructions.
    const auto* bytes = reinterpret_cast<const unsigned char*>(s_.data());
    size_t p = pos_;
    while (p < n) {
      const unsigned char c = bytes[p];
      if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
        ++p;
        continue;
      }
      const bool plain_three = (c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF;
      if (plain_three && p + 2 < n && (bytes[p + 1] & 0xC0) == 0x80 &&
          (bytes[p + 2] & 0xC0) == 0x80) {
        p += 3;
        continue;
      }
      break;
    }
    pos_ = p;
    if (pos_ >= n) return fail();
    const unsigned char c = static_cast<unsigned char>(s_[pos_]);
    if (c == '"') {
      ++pos_;
      break;
    }
    if (c < 0x20) return fail();
    if (c >= 0x80) {
      if (!utf8_sequence()) return false;
      continue;
    }
    // A backslash escape.
    escaped = true;
    if (pos_ + 1 >= n) return fail();
    const char e = s_[pos_ + 1];
    if (e == 'u') {
      auto code_at = [&](size_t at) {
        if (at + 4 > n) return -1;
        int v = 0;
        for (size_t k = 0; k < 4; ++k) {
          const int h = hex_value(s_[at + k]);
          if (h < 0) return -1;
          v = v * 16 + h;
        }
        return v;
      };
      const int unit = code_at(pos_ + 2);
      if (unit < 0) return fail();
      pos_ += 6;
      if (unit >= 0xDC00 && unit <= 0xDFFF) return fail();  // a lone low surrogate
      if (unit >= 0xD800 && unit <= 0xDBFF) {
        // A high surrogate must be followed by \u and a low one.
        if (pos_ + 1 >= n || s_[pos_] != '\\' || s_[pos_ + 1] != 'u') return fail();
        const int low = code_at(pos_ + 2);
        if (low < 0xDC00 || low > 0xDFFF) return fail();
        pos_ += 6;
      }
      continue;
    }
    if (e != '"' && e != '\\' && e != '/' && e != 'b' && e != 'f' && e != 'n' && e != 'r' &&
        e != 't')
      return fail();
    pos_ += 2;
  }
  if (out) {
    if (!escaped) {
      out->assign(s_.data() + start + 1, pos_ - start - 2);
    } else {
      // Rare in keys: let nlohmann decode the (already validated) escapes.
      const auto decoded =
          nlohmann::json::parse(s_.substr(start, pos_ - start), nullptr, /*exceptions=*/false);
      if (!decoded.is_string()) return fail();
      *out = decoded.get<std::string>();
    }
  }
  return true;
}

Span Scanner::value(int depth) {
  Span span;
  skip_ws();
  span.begin = pos_;
  if (pos_ >= s_.size()) {
    fail();
    return span;
  }
  switch (s_[pos_]) {
    case '{': {
      if (depth + 1 > max_depth_) {
        fail();
        return span;
      }
      bool first = true;
      if (!begin_object(first)) return span;
      while (next_member(first, nullptr)) {
        value(depth + 1);
        if (failed_) return span;
      }
      break;
    }
    case '[': {
      if (depth + 1 > max_depth_) {
        fail();
        return span;
      }
      bool first = true;
      if (!begin_array(first)) return span;
      while (next_element(first)) {
        value(depth + 1);
        if (failed_) return span;
      }
      break;
    }
    case '"':
      string(nullptr);
      break;
    case 't':
      literal("true");
      break;
    case 'f':
      literal("false");
      break;
    case 'n':
      literal("null");
      break;
    default:
      number();
      break;
  }
  span.end = pos_;
  return span;
}

bool Scanner::begin_object(bool& first) {
  if (peek() != '{') return fail();
  ++pos_;
  first = true;
  return true;
}

bool Scanner::next_member(bool& first, std::string* key) {
  if (failed_) return false;
  char c = peek();
  if (c == '}') {
    ++pos_;
    return false;
  }
  if (!first) {
    if (c != ',') return fail();
    ++pos_;
    c = peek();
  }
  first = false;
  if (c != '"') return fail();
  if (!string(key)) return false;
  if (peek() != ':') return fail();
  ++pos_;
  skip_ws();
  return true;
}

bool Scanner::begin_array(bool& first) {
  if (peek() != '[') return fail();
  ++pos_;
  first = true;
  return true;
}

bool Scanner::next_element(bool& first) {
  if (failed_) return false;
  const char c = peek();
  if (c == ']') {
    ++pos_;
    return false;
  }
  if (!first) {
    if (c != ',') return fail();
    ++pos_;
  }
  first = false;
  skip_ws();
  return true;
}

}  // namespace haoban::catalog::json_scan
