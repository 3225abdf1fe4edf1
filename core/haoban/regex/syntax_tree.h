// The parsed form of a pattern, before it is compiled to a program. Internal to the regex module.
#pragma once

#include <vector>

#include "haoban/regex/code_point_set.h"

namespace haoban::regex {

struct SyntaxNode {
  enum class Kind {
    empty,         // matches the empty string: "" or "()"
    set,           // one code point from `set` (literals are one-element sets)
    concat,        // children in sequence
    alternate,     // one of the children
    repeat,        // children[0], between min and max times (max < 0: unbounded)
    assert_begin,  // ^
    assert_end,    // $
  };
  Kind kind = Kind::empty;
  CodePointSet set;
  std::vector<SyntaxNode> children;
  int min = 0;
  int max = -1;
};

}  // namespace haoban::regex
