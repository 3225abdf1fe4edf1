// A validating JSON scanner that walks a document without building it: for a lazy load, the
// loader builds only item metadata and keeps each form and material list as text, parsed on
// first use. Parsing the whole 11,449-item catalogue into nlohmann::json was most of the load
// time (in wasm ~20 MB/s); skipping a value here costs a byte loop and no allocation.
//
// The scanner accepts exactly what nlohmann's parser accepts (RFC 8259 grammar, strings of valid
// UTF-8 with no raw control characters) so that a lazily kept text can always be parsed later,
// and it bounds nesting like parse_bounded_json does.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace haoban::catalog::json_scan {

struct Span {
  size_t begin = 0;
  size_t end = 0;  // one past the value's last byte
  std::string_view of(std::string_view text) const { return text.substr(begin, end - begin); }
};

class Scanner {
 public:
  Scanner(std::string_view text, int max_depth) : s_(text), max_depth_(max_depth) {}

  std::string_view text() const { return s_; }
  size_t pos() const { return pos_; }
  void seek(size_t pos) { pos_ = pos; }
  bool failed() const { return failed_; }
  int max_depth() const { return max_depth_; }

  static bool is_space(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }
  // Inline, with the common case (no space) first: called a few times per value, they were
  // ~8 % of a lazy load's instructions as calls.
  void skip_ws() {
    if (pos_ < s_.size() && is_space(s_[pos_])) skip_spaces();
  }
  // The next non-space byte, or 0 at the end.
  char peek() {
    skip_ws();
    return pos_ < s_.size() ? s_[pos_] : 0;
  }
  // Validates and skips one value at `depth` levels of nesting; its span, or failed().
  Span value(int depth);
  // Object members: call begin_object() at '{' (first = true), then next_member() until it
  // returns false; after a true, the position is at the member's value, which the caller must
  // consume (value(), or a nested walk). `first` is the caller's: one per open container.
  bool begin_object(bool& first);
  bool next_member(bool& first, std::string* key);
  // Array elements, the same way: after a true, the position is at the element.
  bool begin_array(bool& first);
  bool next_element(bool& first);
  // At the end, only spaces may remain.
  bool at_end();
  // A string value at the position (after spaces), decoded into *out.
  bool read_string(std::string* out) {
    if (peek() != '"') return fail();
    return string(out);
  }

 private:
  bool fail() {
    failed_ = true;
    return false;
  }
  void skip_spaces();             // at a space: past it and those that follow
  bool string(std::string* out);  // at '"'; decodes into out when given
  bool number();
  bool literal(std::string_view word);
  bool utf8_sequence();

  std::string_view s_;
  size_t pos_ = 0;
  int max_depth_;
  bool failed_ = false;
};

}  // namespace haoban::catalog::json_scan
