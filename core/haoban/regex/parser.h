// Pattern text → syntax tree, with positions for every error. Internal to the regex module.
#pragma once

#include <string_view>
#include <variant>

#include "haoban/regex/regex.h"
#include "haoban/regex/syntax_tree.h"

namespace haoban::regex {

std::variant<SyntaxNode, Error> parse(std::string_view pattern, const Limits& limits);

}  // namespace haoban::regex
