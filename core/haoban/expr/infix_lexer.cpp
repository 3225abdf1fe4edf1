#include "haoban/expr/infix_lexer.h"

#include <cmath>
#include <cstdlib>

#include "haoban/text/utf8.h"

namespace haoban::expr {

namespace {

bool name_start(unsigned char c) { return std::isalpha(c) || c == '_' || c == '$' || c >= 0x80; }
bool name_char(unsigned char c) { return name_start(c) || std::isdigit(c); }

class Lexer {
 public:
  explicit Lexer(std::string_view s) : s_(s) {}

  std::vector<Token> run() {
    std::vector<Token> out;
    while (true) {
      skip_space();
      Token t;
      t.line = line_;
      t.column = column_;
      if (pos_ >= s_.size()) {
        out.push_back(t);
        return out;
      }
      const unsigned char c = s_[pos_];
      if (std::isdigit(c) || (c == '.' && pos_ + 1 < s_.size() &&
                              std::isdigit(static_cast<unsigned char>(s_[pos_ + 1])))) {
        lex_number(t);
      } else if (c == '"' || c == '\'') {
        lex_string(t, static_cast<char>(c));
      } else if (name_start(c)) {
        t.kind = Tok::Name;
        const size_t start = pos_;
        while (pos_ < s_.size() && name_char(static_cast<unsigned char>(s_[pos_]))) advance();
        t.text = std::string(s_.substr(start, pos_ - start));
        if (!text::is_valid_utf8(t.text)) error(t, "invalid UTF-8 in a name");
      } else {
        lex_punct(t);
      }
      out.push_back(std::move(t));
    }
  }

 private:
  [[noreturn]] void error(const Token& at, std::string message) {
    Error e{error_type::kSyntaxError, std::move(message), {}, nullptr};
    e.where.line = at.line;
    e.where.column = at.column;
    throw EvalFailure(std::move(e));
  }

  void advance() {
    const unsigned char c = s_[pos_++];
    if (c == '\n') {
      ++line_;
      column_ = 1;
    } else if ((c & 0xC0) != 0x80) {
      ++column_;  // count characters, not continuation bytes
    }
  }

  void skip_space() {
    while (pos_ < s_.size()) {
      const char c = s_[pos_];
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        advance();
      } else if (c == '/' && pos_ + 1 < s_.size() && s_[pos_ + 1] == '/') {
        while (pos_ < s_.size() && s_[pos_] != '\n') advance();  // a comment to end of line
      } else {
        break;
      }
    }
  }

  void lex_number(Token& t) {
    t.kind = Tok::Number;
    const size_t start = pos_;
    while (pos_ < s_.size() && std::isdigit(static_cast<unsigned char>(s_[pos_]))) advance();
    if (pos_ < s_.size() && s_[pos_] == '.') {
      advance();
      while (pos_ < s_.size() && std::isdigit(static_cast<unsigned char>(s_[pos_]))) advance();
    }
    if (pos_ < s_.size() && (s_[pos_] == 'e' || s_[pos_] == 'E')) {
      advance();
      if (pos_ < s_.size() && (s_[pos_] == '+' || s_[pos_] == '-')) advance();
      if (pos_ >= s_.size() || !std::isdigit(static_cast<unsigned char>(s_[pos_]))) {
        error(t, "a number's exponent needs digits");
      }
      while (pos_ < s_.size() && std::isdigit(static_cast<unsigned char>(s_[pos_]))) advance();
    }
    if (pos_ < s_.size() && name_start(static_cast<unsigned char>(s_[pos_]))) {
      error(t, "a number runs into a name");
    }
    t.text = std::string(s_.substr(start, pos_ - start));
    if (t.text.size() > 64) error(t, "the number is too long");
    t.number = std::strtod(t.text.c_str(), nullptr);
    // JSON has no infinity: a literal that overflows a double could not print as JsonLogic
    // (it would print as null) nor mean anything a catalogue author intended.
    if (!std::isfinite(t.number)) error(t, "the number is too large");
  }

  unsigned hex4(const Token& t) {
    unsigned v = 0;
    for (int i = 0; i < 4; ++i) {
      if (pos_ >= s_.size() || !std::isxdigit(static_cast<unsigned char>(s_[pos_]))) {
        error(t, "\\u needs four hexadecimal digits");
      }
      const char c = s_[pos_];
      v = v * 16 +
          (std::isdigit(static_cast<unsigned char>(c)) ? c - '0' : (std::tolower(c) - 'a' + 10));
      advance();
    }
    return v;
  }

  // JSON escapes; single quotes are accepted too, so rules can be written inside JSON strings.
  void lex_string(Token& t, char quote) {
    t.kind = Tok::String;
    advance();
    while (true) {
      if (pos_ >= s_.size()) error(t, "the string is not closed");
      const char c = s_[pos_];
      if (c == quote) {
        advance();
        break;
      }
      if (c == '\n') error(t, "the string is not closed before the end of the line");
      if (c != '\\') {
        t.text += c;
        advance();
        continue;
      }
      advance();
      if (pos_ >= s_.size()) error(t, "the string is not closed");
      const char e = s_[pos_];
      advance();
      switch (e) {
        case 'n':
          t.text += '\n';
          break;
        case 't':
          t.text += '\t';
          break;
        case 'r':
          t.text += '\r';
          break;
        case 'b':
          t.text += '\b';
          break;
        case 'f':
          t.text += '\f';
          break;
        case 'u': {
          char32_t cp = hex4(t);
          if (cp >= 0xD800 && cp <= 0xDBFF && pos_ + 1 < s_.size() && s_[pos_] == '\\' &&
              s_[pos_ + 1] == 'u') {
            advance();
            advance();
            const unsigned low = hex4(t);
            if (low < 0xDC00 || low > 0xDFFF) error(t, "a broken surrogate pair");
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
          } else if (cp >= 0xD800 && cp <= 0xDFFF) {
            error(t, "a lone surrogate");
          }
          text::append_utf8(t.text, cp);
          break;
        }
        default:
          t.text += e;  // \" \' \\ \/ and any other escaped character stand for themselves
      }
    }
    if (!text::is_valid_utf8(t.text)) error(t, "invalid UTF-8 in a string");
  }

  void lex_punct(Token& t) {
    static constexpr std::string_view kPuncts[] = {
        "===", "!==", "==", "!=", "<=", ">=", "&&", "||", "??", "(", ")", "[", "]",
        ",",   ".",   "?",  ":",  "!",  "<",  ">",  "+",  "-",  "*", "/", "%"};
    for (std::string_view p : kPuncts) {
      if (s_.substr(pos_, p.size()) == p) {
        t.kind = Tok::Punct;
        t.text = std::string(p);
        for (size_t i = 0; i < p.size(); ++i) advance();
        return;
      }
    }
    if (s_[pos_] == '=') error(t, "use == to compare (= is not an operator)");
    if (s_[pos_] == '&' || s_[pos_] == '|')
      error(t, "use && and || (single & and | are not operators)");
    error(t, std::string("unexpected character '") + s_[pos_] + "'");
  }

  std::string_view s_;
  size_t pos_ = 0;
  int line_ = 1;
  int column_ = 1;
};

}  // namespace

std::vector<Token> tokenize(std::string_view source) { return Lexer(source).run(); }

}  // namespace haoban::expr
