// map, filter, all, some, none and reduce. Each item is evaluated in its own scope frame,
// so "var"/"val" see the item and val's [[n], …] can reach the enclosing scopes.
#include <string>

#include "haoban/expr/error.h"
#include "haoban/expr/evaluator.h"

namespace haoban::expr {

Value Evaluator::eval_iteration(const Node& n) {
  if (n.count < 2) fail(error_type::kInvalidArguments, "an iteration needs [list, logic]");
  const Value list = eval(program_->child(n, 0));
  const bool quantifier = n.op == Op::All || n.op == Op::Some || n.op == Op::None;
  if (list.kind != Kind::Array) {
    // map/filter over nothing give nothing; a quantifier needs a real list.
    if (list.is_null() && !quantifier) return Value::array(nullptr, 0);
    fail(error_type::kInvalidArguments, "the first argument must be an array");
  }
  const uint32_t logic = program_->child(n, 1);
  const size_t count = list.size();
  const size_t depth = frames_.size();
  std::vector<Value>* out = nullptr;
  if (n.op == Op::Map || n.op == Op::Filter) {
    check_array_size(count);
    out = &arena_.new_array();
    out->reserve(count);
  }
  for (size_t i = 0; i < count; ++i) {
    if (++steps_ > max_steps_) {
      fail_limit(error_type::kTooManySteps,
                 "evaluation took more than " + std::to_string(max_steps_) + " steps");
    }
    const Value item = list.at(i);
    push_frame(item, static_cast<int64_t>(i), false, Value::null());
    const Value v = eval(logic);
    frames_.resize(depth);
    switch (n.op) {
      case Op::Map:
        out->push_back(v);
        break;
      case Op::Filter:
        if (truthy(v)) out->push_back(item);
        break;
      case Op::All:
        if (!truthy(v)) return Value::of(false);
        break;
      case Op::Some:
        if (truthy(v)) return Value::of(true);
        break;
      case Op::None:
        if (truthy(v)) return Value::of(false);
        break;
      default:
        break;
    }
  }
  switch (n.op) {
    case Op::All:
      return Value::of(count > 0);  // the suites: "all" of an empty list is false
    case Op::Some:
      return Value::of(false);
    case Op::None:
      return Value::of(true);
    default:
      return make_array(*out);
  }
}

Value Evaluator::eval_reduce(const Node& n) {
  if (n.count < 2) fail(error_type::kInvalidArguments, "reduce needs [list, logic, initial]");
  const Value list = eval(program_->child(n, 0));
  Value acc = n.count > 2 ? eval(program_->child(n, 2)) : Value::null();
  if (list.kind != Kind::Array) {
    if (list.is_null()) return acc;
    fail(error_type::kInvalidArguments, "the first argument must be an array");
  }
  const uint32_t logic = program_->child(n, 1);
  const size_t count = list.size();
  const size_t depth = frames_.size();
  for (size_t i = 0; i < count; ++i) {
    if (++steps_ > max_steps_) {
      fail_limit(error_type::kTooManySteps,
                 "evaluation took more than " + std::to_string(max_steps_) + " steps");
    }
    push_frame(list.at(i), static_cast<int64_t>(i), true, acc);
    acc = eval(logic);
    frames_.resize(depth);
  }
  return acc;
}

}  // namespace haoban::expr
