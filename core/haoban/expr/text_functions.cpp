// Text functions: len counts characters (code points), never bytes, so 张三 has length 2;
// matches uses the linear-time regex engine (haoban/regex), so no pattern can backtrack.
#include <memory>
#include <string>

#include "haoban/expr/error.h"
#include "haoban/expr/functions.h"
#include "haoban/regex/regex.h"
#include "haoban/text/utf8.h"

namespace haoban::expr {

namespace {

Value fn_len(CallContext&, const Value* a, size_t) {
  switch (a[0].kind) {
    case Kind::Null:
      return Value::of(0.0);
    case Kind::String:
      return Value::of(static_cast<double>(text::char_count(a[0].str())));
    case Kind::Array:
      return Value::of(static_cast<double>(a[0].size()));
    default:
      fail(error_type::kInvalidArguments, "len: expected a string or an array");
  }
}

regex::Limits regex_limits(const Limits& limits) {
  regex::Limits out;
  out.max_pattern_bytes = limits.max_regex_bytes;
  out.max_input_bytes = std::max(limits.max_string_bytes, out.max_input_bytes);
  return out;
}

std::shared_ptr<const regex::Regex> compile_pattern(std::string_view pattern,
                                                    const Limits& limits) {
  if (pattern.size() > limits.max_regex_bytes) {
    fail(error_type::kRegexTooLarge, "matches: the pattern is longer than " +
                                         std::to_string(limits.max_regex_bytes) + " bytes");
  }
  auto compiled = regex::compile(pattern, regex_limits(limits));
  if (!compiled) {
    const auto& e = compiled.error();
    const bool size = e.code != regex::ErrorCode::syntax;
    fail(size ? error_type::kRegexTooLarge : error_type::kBadRegex,
         "matches: " + e.message + " (at character " + std::to_string(e.position) + ")");
  }
  return std::make_shared<const regex::Regex>(compiled.value());
}

// A literal pattern is compiled once, when the rule is compiled.
std::shared_ptr<const void> prepare_matches(const Value& pattern, const Limits& limits) {
  if (pattern.kind != Kind::String)
    fail(error_type::kInvalidArguments, "matches: the pattern must be a string");
  return compile_pattern(pattern.str(), limits);
}

// matches(s, pattern): the whole string matches. null never matches.
Value fn_matches(CallContext& ctx, const Value* a, size_t) {
  if (a[0].is_null()) return Value::of(false);
  if (a[1].kind != Kind::String)
    fail(error_type::kInvalidArguments, "matches: the pattern must be a string");
  std::shared_ptr<const regex::Regex> owned;
  const auto* re = static_cast<const regex::Regex*>(ctx.prepared);
  if (!re) {
    owned = compile_pattern(a[1].str(), ctx.limits);
    re = owned.get();
  }
  const std::string converted = a[0].kind == Kind::String ? std::string() : to_string(a[0]);
  const std::string_view input =
      a[0].kind == Kind::String ? a[0].str() : std::string_view(converted);
  switch (re->full_match_status(input)) {
    case regex::MatchStatus::match:
      return Value::of(true);
    case regex::MatchStatus::no_match:
      return Value::of(false);
    case regex::MatchStatus::input_too_long:
      fail_limit(error_type::kStringTooLong, "matches: the text is too long to match");
    case regex::MatchStatus::step_limit:
      fail_limit(error_type::kTooManySteps, "matches: the match took too many steps");
  }
  return Value::of(false);
}

const FunctionDef kTextFunctions[] = {
    {"len", 1, 1, fn_len, Type::Number, {Type::Any}, true},
    {"matches",
     2,
     2,
     fn_matches,
     Type::Bool,
     {Type::String, Type::String},
     true,
     prepare_matches,
     1},
};

}  // namespace

std::span<const FunctionDef> text_functions() { return kTextFunctions; }

}  // namespace haoban::expr
