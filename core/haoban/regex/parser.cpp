// Recursive-descent parser over the pattern's code points. Recursion depth is bounded by
// Limits::max_nesting (groups are the only construct that nests), and the pattern length by
// Limits::max_pattern_bytes, so a hostile pattern cannot exhaust the stack.
#include "haoban/regex/parser.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "haoban/text/utf8.h"

namespace haoban::regex {
namespace {

bool is_hex(char32_t c) {
  return (c >= U'0' && c <= U'9') || (c >= U'a' && c <= U'f') || (c >= U'A' && c <= U'F');
}

int hex_value(char32_t c) {
  if (c >= U'0' && c <= U'9') return static_cast<int>(c - U'0');
  if (c >= U'a' && c <= U'f') return static_cast<int>(c - U'a' + 10);
  return static_cast<int>(c - U'A' + 10);
}

bool is_ascii_punct(char32_t c) {
  return (c >= 0x21 && c <= 0x2F) || (c >= 0x3A && c <= 0x40) || (c >= 0x5B && c <= 0x60) ||
         (c >= 0x7B && c <= 0x7E);
}

bool is_quantifier_start(char32_t c) { return c == U'*' || c == U'+' || c == U'?' || c == U'{'; }

// One element of a class or an escape: either one code point (usable as a range end) or a
// predefined set such as \d.
struct ClassAtom {
  CodePointSet set;
  std::optional<char32_t> single;
};

class Parser {
 public:
  Parser(std::vector<char32_t> cps, const Limits& limits) : s_(std::move(cps)), limits_(limits) {}

  std::variant<SyntaxNode, Error> run() {
    SyntaxNode node = alternation(0);
    if (!error_ && pos_ < s_.size()) fail(pos_, "unmatched ')'");
    if (error_) return *error_;
    return node;
  }

 private:
  bool at_end() const { return pos_ >= s_.size(); }
  char32_t peek(size_t ahead = 0) const {
    return pos_ + ahead < s_.size() ? s_[pos_ + ahead] : char32_t{0};
  }
  bool has(size_t ahead) const { return pos_ + ahead < s_.size(); }

  void fail(size_t at, std::string message, ErrorCode code = ErrorCode::syntax) {
    if (!error_) error_ = Error{code, std::move(message), at};
  }

  SyntaxNode alternation(int depth) {
    SyntaxNode first = concatenation(depth);
    if (error_ || at_end() || peek() != U'|') return first;
    SyntaxNode alt;
    alt.kind = SyntaxNode::Kind::alternate;
    alt.children.push_back(std::move(first));
    while (!error_ && !at_end() && peek() == U'|') {
      ++pos_;
      alt.children.push_back(concatenation(depth));
    }
    return alt;
  }

  SyntaxNode concatenation(int depth) {
    SyntaxNode seq;
    seq.kind = SyntaxNode::Kind::concat;
    while (!error_ && !at_end() && peek() != U'|' && peek() != U')') {
      seq.children.push_back(repetition(depth));
    }
    if (seq.children.size() == 1) return std::move(seq.children.front());
    if (seq.children.empty()) return SyntaxNode{};
    return seq;
  }

  SyntaxNode repetition(int depth) {
    SyntaxNode node = atom(depth);
    if (error_ || at_end() || !is_quantifier_start(peek())) return node;
    const size_t quant_at = pos_;
    if (node.kind == SyntaxNode::Kind::assert_begin || node.kind == SyntaxNode::Kind::assert_end) {
      fail(quant_at, "an anchor cannot be repeated");
      return {};
    }
    int min = 0, max = -1;
    const char32_t q = peek();
    ++pos_;
    if (q == U'*') {
      min = 0, max = -1;
    } else if (q == U'+') {
      min = 1, max = -1;
    } else if (q == U'?') {
      min = 0, max = 1;
    } else if (!counted(quant_at, min, max)) {
      return {};
    }
    if (!at_end() && peek() == U'?') ++pos_;  // lazy: same answer for a boolean match
    if (!at_end() && is_quantifier_start(peek())) {
      fail(pos_, "nothing to repeat (a quantifier cannot follow a quantifier)");
      return {};
    }
    SyntaxNode rep;
    rep.kind = SyntaxNode::Kind::repeat;
    rep.min = min;
    rep.max = max;
    rep.children.push_back(std::move(node));
    return rep;
  }

  // After '{': m}, m,} or m,n}.
  bool counted(size_t at, int& min, int& max) {
    auto number = [&](int& out) {
      if (at_end() || peek() < U'0' || peek() > U'9') return false;
      long long v = 0;
      while (!at_end() && peek() >= U'0' && peek() <= U'9') {
        if (v <= limits_.max_repeat) v = v * 10 + (peek() - U'0');  // stop growing once too big
        ++pos_;
      }
      out = v > limits_.max_repeat ? limits_.max_repeat + 1 : static_cast<int>(v);
      return true;
    };
    if (!number(min)) {
      fail(at, "incomplete quantifier: write \\{ for a literal brace");
      return false;
    }
    max = min;
    if (!at_end() && peek() == U',') {
      ++pos_;
      max = -1;
      if (!at_end() && peek() != U'}' && !number(max)) {
        fail(at, "incomplete quantifier: write \\{ for a literal brace");
        return false;
      }
    }
    if (at_end() || peek() != U'}') {
      fail(at, "incomplete quantifier: write \\{ for a literal brace");
      return false;
    }
    ++pos_;
    if (min > limits_.max_repeat || max > limits_.max_repeat) {
      fail(at, "repeat count above " + std::to_string(limits_.max_repeat),
           ErrorCode::program_too_large);
      return false;
    }
    if (max >= 0 && min > max) {
      fail(at, "numbers out of order in {m,n}");
      return false;
    }
    return true;
  }

  SyntaxNode atom(int depth) {
    const size_t at = pos_;
    const char32_t c = peek();
    ++pos_;
    switch (c) {
      case U'(':
        return group(at, depth);
      case U'[':
        return char_class(at);
      case U'.':
        return set_node(CodePointSet::any_but_line());
      case U'^': {
        SyntaxNode n;
        n.kind = SyntaxNode::Kind::assert_begin;
        return n;
      }
      case U'$': {
        SyntaxNode n;
        n.kind = SyntaxNode::Kind::assert_end;
        return n;
      }
      case U'\\': {
        ClassAtom a = escape(at, /*in_class=*/false);
        return set_node(std::move(a.set));
      }
      case U'*':
      case U'+':
      case U'?':
      case U'{':
        fail(at, "nothing to repeat");
        return {};
      case U']':
      case U'}':
        fail(at, std::string("lone '") + static_cast<char>(c) + "': escape it with a backslash");
        return {};
      default:
        return set_node(CodePointSet::single(c));
    }
  }

  SyntaxNode group(size_t at, int depth) {
    if (depth + 1 > limits_.max_nesting) {
      fail(at, "groups nested deeper than " + std::to_string(limits_.max_nesting),
           ErrorCode::nesting_too_deep);
      return {};
    }
    if (!at_end() && peek() == U'?') {
      const char32_t kind = peek(1);
      if (kind == U':') {
        pos_ += 2;
      } else if (kind == U'<' && peek(2) != U'=' && peek(2) != U'!') {
        pos_ += 2;  // named group: the name is checked and ignored (no captures are reported)
        const size_t name_at = pos_;
        while (!at_end() && peek() != U'>') {
          const char32_t n = peek();
          const bool ok = (n >= U'a' && n <= U'z') || (n >= U'A' && n <= U'Z') || n == U'_' ||
                          n == U'$' || (pos_ > name_at && n >= U'0' && n <= U'9');
          if (!ok) {
            fail(pos_, "invalid group name");
            return {};
          }
          ++pos_;
        }
        if (at_end() || pos_ == name_at) {
          fail(at, "invalid group name");
          return {};
        }
        ++pos_;  // '>'
      } else if (kind == U'=' || kind == U'!' || kind == U'<') {
        fail(at, "lookaround is not supported: it is not a regular construct");
        return {};
      } else {
        fail(at, "invalid group: '(?' must be followed by ':' or '<name>'");
        return {};
      }
    }
    SyntaxNode inner = alternation(depth + 1);
    if (error_) return {};
    if (at_end() || peek() != U')') {
      fail(at, "unterminated group: missing ')'");
      return {};
    }
    ++pos_;
    return inner;
  }

  SyntaxNode char_class(size_t at) {
    bool negate = false;
    if (!at_end() && peek() == U'^') {
      negate = true;
      ++pos_;
    }
    CodePointSet set;
    while (true) {
      if (error_) return {};
      if (at_end()) {
        fail(at, "unterminated character class: missing ']'");
        return {};
      }
      if (peek() == U']') {
        ++pos_;
        break;
      }
      const size_t lo_at = pos_;
      ClassAtom lo = class_atom();
      if (error_) return {};
      if (!at_end() && peek() == U'-' && has(1) && peek(1) != U']') {
        ++pos_;
        ClassAtom hi = class_atom();
        if (error_) return {};
        if (!lo.single || !hi.single) {
          fail(lo_at, "a class like \\d cannot be the end of a range");
          return {};
        }
        if (*lo.single > *hi.single) {
          fail(lo_at, "range out of order in character class");
          return {};
        }
        set.add(*lo.single, *hi.single);
      } else {
        set.add(lo.set);
      }
    }
    return set_node(negate ? set.complement() : std::move(set));
  }

  ClassAtom class_atom() {
    const size_t at = pos_;
    const char32_t c = peek();
    ++pos_;
    if (c == U'\\') return escape(at, /*in_class=*/true);
    return ClassAtom{CodePointSet::single(c), c};
  }

  // pos_ is just after the backslash at `at`.
  ClassAtom escape(size_t at, bool in_class) {
    if (at_end()) {
      fail(at, "pattern ends with a lone backslash");
      return {};
    }
    const char32_t c = peek();
    ++pos_;
    auto one = [](char32_t cp) { return ClassAtom{CodePointSet::single(cp), cp}; };
    switch (c) {
      case U'd':
        return {CodePointSet::digits(), std::nullopt};
      case U'D':
        return {CodePointSet::digits().complement(), std::nullopt};
      case U'w':
        return {CodePointSet::word(), std::nullopt};
      case U'W':
        return {CodePointSet::word().complement(), std::nullopt};
      case U's':
        return {CodePointSet::space(), std::nullopt};
      case U'S':
        return {CodePointSet::space().complement(), std::nullopt};
      case U't':
        return one(U'\t');
      case U'n':
        return one(U'\n');
      case U'r':
        return one(U'\r');
      case U'f':
        return one(U'\f');
      case U'v':
        return one(U'\v');
      case U'0':
        if (!at_end() && peek() >= U'0' && peek() <= U'9') {
          fail(at, "octal escapes are not supported");
          return {};
        }
        return one(0);
      case U'x': {
        if (!has(1) || !is_hex(peek()) || !is_hex(peek(1))) {
          fail(at, "\\x needs two hex digits");
          return {};
        }
        const char32_t v = static_cast<char32_t>(hex_value(peek()) * 16 + hex_value(peek(1)));
        pos_ += 2;
        return one(v);
      }
      case U'u': {
        std::optional<char32_t> v = unicode_escape(at);
        if (!v) return {};
        return one(*v);
      }
      case U'b':
        if (in_class) return one(U'\b');
        fail(at, "\\b (word boundary) is not supported");
        return {};
      default:
        break;
    }
    if (c >= U'1' && c <= U'9') {
      fail(at, "backreferences are not supported: they are not regular");
      return {};
    }
    if (is_ascii_punct(c)) return one(c);
    fail(at, "unknown escape");
    return {};
  }

  // After "\u": XXXX (with a following \uXXXX low surrogate combined) or {X…}.
  std::optional<char32_t> unicode_escape(size_t at) {
    if (!at_end() && peek() == U'{') {
      ++pos_;
      char32_t v = 0;
      size_t digits = 0;
      while (!at_end() && is_hex(peek())) {
        v = v * 16 + static_cast<char32_t>(hex_value(peek()));
        if (v > kMaxCodePoint) break;
        ++pos_;
        ++digits;
      }
      if (digits == 0 || v > kMaxCodePoint || at_end() || peek() != U'}') {
        fail(at, "invalid \\u{...} escape");
        return std::nullopt;
      }
      ++pos_;
      return v;
    }
    auto four = [&](size_t from) -> std::optional<char32_t> {
      if (from + 4 > s_.size()) return std::nullopt;
      char32_t v = 0;
      for (size_t i = 0; i < 4; ++i) {
        if (!is_hex(s_[from + i])) return std::nullopt;
        v = v * 16 + static_cast<char32_t>(hex_value(s_[from + i]));
      }
      return v;
    };
    std::optional<char32_t> v = four(pos_);
    if (!v) {
      fail(at, "\\u needs four hex digits");
      return std::nullopt;
    }
    pos_ += 4;
    // A UTF-16 surrogate pair written as two escapes, as JavaScript sources do.
    if (*v >= 0xD800 && *v <= 0xDBFF && has(1) && peek() == U'\\' && peek(1) == U'u') {
      std::optional<char32_t> low = four(pos_ + 2);
      if (low && *low >= 0xDC00 && *low <= 0xDFFF) {
        pos_ += 6;
        return 0x10000 + ((*v - 0xD800) << 10) + (*low - 0xDC00);
      }
    }
    return v;
  }

  static SyntaxNode set_node(CodePointSet set) {
    SyntaxNode n;
    n.kind = SyntaxNode::Kind::set;
    n.set = std::move(set);
    return n;
  }

  std::vector<char32_t> s_;
  const Limits& limits_;
  size_t pos_ = 0;
  std::optional<Error> error_;
};

}  // namespace

std::variant<SyntaxNode, Error> parse(std::string_view pattern, const Limits& limits) {
  if (pattern.size() > limits.max_pattern_bytes) {
    return Error{ErrorCode::pattern_too_long,
                 "pattern longer than " + std::to_string(limits.max_pattern_bytes) + " bytes",
                 text::char_count(pattern.substr(0, limits.max_pattern_bytes))};
  }
  std::vector<char32_t> cps;
  size_t byte = 0;
  while (byte < pattern.size()) {
    std::optional<char32_t> c = text::decode_next(pattern, byte);
    if (!c) return Error{ErrorCode::syntax, "pattern is not valid UTF-8", cps.size()};
    cps.push_back(*c);
  }
  return Parser(std::move(cps), limits).run();
}

}  // namespace haoban::regex
