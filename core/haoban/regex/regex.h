// A linear-time regular-expression engine for form rules (pattern checks on answers).
//
// Why hand-written: std::regex backtracks, so a pattern such as (a+)+$ on a long answer runs
// for exponential time and can overflow the stack; a catalogue or an answer must never be able
// to hang a phone or the back office. RE2 is linear but too large for the wasm size budget and
// is not packaged for Emscripten 3.1.6 here. This engine compiles a pattern to a small program
// and runs it as a Thompson NFA simulation (a Pike VM without captures): every input code point
// is examined once against at most one copy of each instruction, so matching costs
// O(input length × program size), whatever the pattern.
//
// Syntax (JavaScript's with the `u` flag, minus what is not regular): literals; `.`; classes
// `[...]` with ranges and `^` negation; `\d \w \s \D \W \S`; escapes `\t \n \r \f \v \0`,
// `\xHH`, `\uXXXX`, `\u{X…}` and escaped punctuation; anchors `^ $` (whole input, no multiline);
// groups `(...)`, `(?:...)`, `(?<name>...)`; alternation `|`; quantifiers `* + ? {m} {m,} {m,n}`
// (a trailing `?` makes them lazy, which changes nothing for a yes/no match). Backreferences,
// lookaround and `\b` are rejected as syntax errors: they are not regular.
// Text is UTF-8 and matched by code point, so `[\u4e00-\u9fa5]{2,}` and `。` work; an invalid
// byte in the input is read as U+FFFD.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <variant>

namespace haoban::regex {

struct Limits {
  size_t max_pattern_bytes = 1000;   // longer patterns: pattern_too_long
  size_t max_program_size = 2000;    // instructions after expanding {m,n}: program_too_large
  int max_repeat = 1000;             // largest m or n in {m,n}: program_too_large
  int max_nesting = 100;             // group depth: nesting_too_deep
  size_t max_input_bytes = 1 << 20;  // longer inputs: MatchStatus::input_too_long
  uint64_t max_steps = 200'000'000;  // instruction visits per match: MatchStatus::step_limit
};

enum class ErrorCode { syntax, pattern_too_long, program_too_large, nesting_too_deep };

// "syntax", "pattern_too_long", "program_too_large", "nesting_too_deep".
std::string_view error_code_name(ErrorCode code);

struct Error {
  ErrorCode code = ErrorCode::syntax;
  std::string message;  // English, for logs and authors; hosts localise by code
  size_t position = 0;  // 0-based offset in the pattern, counted in code points
};

struct Program;  // the compiled form; see program.h
class CompileResult;

enum class MatchStatus { no_match, match, input_too_long, step_limit };

// An immutable compiled pattern: cheap to copy, safe to share between threads.
class Regex {
 public:
  // Whole input must match (as if the pattern were wrapped in ^(?:…)$).
  bool full_match(std::string_view input) const;
  // Some part of the input matches (JavaScript's RegExp.prototype.test).
  bool search(std::string_view input) const;

  // The same, but saying why a bound stopped the match instead of answering false.
  MatchStatus full_match_status(std::string_view input) const;
  MatchStatus search_status(std::string_view input) const;

  const std::string& pattern() const;
  size_t program_size() const;

 private:
  friend CompileResult compile(std::string_view, const Limits&);
  explicit Regex(std::shared_ptr<const Program> program) : program_(std::move(program)) {}
  std::shared_ptr<const Program> program_;
};

// An expected-like result: either a Regex or an Error.
class CompileResult {
 public:
  CompileResult(Regex regex) : value_(std::move(regex)) {}
  CompileResult(Error error) : value_(std::move(error)) {}

  bool ok() const { return std::holds_alternative<Regex>(value_); }
  explicit operator bool() const { return ok(); }
  const Regex& value() const { return std::get<Regex>(value_); }
  const Regex& operator*() const { return value(); }
  const Regex* operator->() const { return &value(); }
  const Error& error() const { return std::get<Error>(value_); }

 private:
  std::variant<Regex, Error> value_;
};

CompileResult compile(std::string_view pattern, const Limits& limits = {});

}  // namespace haoban::regex
