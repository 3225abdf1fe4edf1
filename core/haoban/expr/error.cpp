#include "haoban/expr/error.h"

namespace haoban::expr {

nlohmann::json to_json(const Error& error) {
  nlohmann::json out = {{"type", error.type}, {"message", error.message}};
  if (!error.where.json_path.empty()) out["path"] = error.where.json_path;
  if (error.where.line > 0) {
    out["line"] = error.where.line;
    out["column"] = error.where.column;
  }
  return out;
}

void fail(const char* type, std::string message) {
  throw EvalFailure(Error{type, std::move(message), {}, nullptr});
}

void fail_limit(const char* type, std::string message) {
  throw EvalFailure(Error{type, std::move(message), {}, nullptr}, /*catchable=*/false);
}

}  // namespace haoban::expr
