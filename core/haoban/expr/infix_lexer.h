// Tokens of the readable infix syntax, each with its 1-based line and column (in characters),
// so that syntax errors point at the place an author can find.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "haoban/expr/error.h"

namespace haoban::expr {

enum class Tok : uint8_t { End, Number, String, Name, Punct };

struct Token {
  Tok kind = Tok::End;
  std::string text;  // the name, the punctuation, the number as written, or the decoded string
  double number = 0;
  int line = 1;
  int column = 1;
};

// Throws EvalFailure ("Syntax Error", with line and column) on a malformed token.
std::vector<Token> tokenize(std::string_view source);

}  // namespace haoban::expr
