// Errors of the expression engine. Inside the evaluator an error unwinds as an EvalFailure
// (errors are rare and the stack can be deep); at every public boundary it becomes a value.
#pragma once

#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>

namespace haoban::expr {

// The error types. The first three are JsonLogic's own (the conformance suites test them);
// the others are ours, one per bound or compile-time check, so hosts can tell them apart.
namespace error_type {
inline constexpr const char* kNaN = "NaN";
inline constexpr const char* kInvalidArguments = "Invalid Arguments";
inline constexpr const char* kUnknownOperator = "Unknown Operator";
inline constexpr const char* kNestingTooDeep = "Nesting Too Deep";
inline constexpr const char* kTooManySteps = "Too Many Steps";
inline constexpr const char* kStringTooLong = "String Too Long";
inline constexpr const char* kArrayTooLong = "Array Too Long";
inline constexpr const char* kRegexTooLarge = "Regex Too Large";
inline constexpr const char* kBadRegex = "Bad Regex";
inline constexpr const char* kSyntaxError = "Syntax Error";
inline constexpr const char* kUnknownVariable = "Unknown Variable";
inline constexpr const char* kTypeMismatch = "Type Mismatch";
inline constexpr const char* kBadJson = "Bad JSON";
inline constexpr const char* kBadInput = "Bad Input";
}  // namespace error_type

// Where an error was found: a JSON pointer into a JsonLogic rule, and for infix sources a
// 1-based line and column (0 when unknown).
struct SourceLocation {
  std::string json_path;
  int line = 0;
  int column = 0;
};

struct Error {
  std::string type;     // one of error_type, or the type given to "throw"
  std::string message;  // English detail for developers; hosts localise by type
  SourceLocation where;
  nlohmann::json payload;  // what "throw" threw (an object with "type"), else null
};

// {"type":…, "message":…, "path"?:…, "line"?:…, "column"?:…}
nlohmann::json to_json(const Error& error);

// Thrown inside the compiler and the evaluator only; never escapes a public function.
class EvalFailure : public std::exception {
 public:
  explicit EvalFailure(Error error, bool catchable = true)
      : error_(std::move(error)), catchable_(catchable) {}
  const Error& error() const { return error_; }
  // Bounds (steps, sizes) cannot be swallowed by "try": a hostile rule must not loop past them.
  bool catchable() const { return catchable_; }
  const char* what() const noexcept override { return error_.message.c_str(); }

 private:
  Error error_;
  bool catchable_;
};

[[noreturn]] void fail(const char* type, std::string message);
[[noreturn]] void fail_limit(const char* type, std::string message);

}  // namespace haoban::expr
