// The evaluator's core: dispatch, variables and scopes, and the lazy control operators.
// Arithmetic, strings and other eager operators are in eager_operators.cpp; iteration in
// iteration_operators.cpp.
#include "haoban/expr/evaluator.h"

#include <string>

#include "haoban/expr/document.h"
#include "haoban/expr/error.h"

namespace haoban::expr {

void Evaluator::begin_with(const Value& root, const EvalEnv& env) {
  env_ = env;
  max_steps_ = env.max_steps ? env.max_steps : program_->limits.max_steps;
  steps_ = 0;
  built_elements_ = 0;
  arena_.clear();
  args_.clear();
  frames_.clear();
  push_frame(root, -1, false, Value::null());
}

void Evaluator::begin(const json& data, const EvalEnv& env) {
  doc_ = nullptr;
  begin_with(Value::view(data), env);
}

void Evaluator::begin(const Document& data, const EvalEnv& env) {
  doc_ = &data;
  begin_with(data.root(), env);
}

Value Evaluator::run(const json& data, const EvalEnv& env) {
  begin(data, env);
  return eval(program_->root);
}

Value Evaluator::run(const Document& data, const EvalEnv& env) {
  begin(data, env);
  return eval(program_->root);
}

void Evaluator::check_array_size(size_t n) {
  if (n > program_->limits.max_array_elements) {
    fail_limit(error_type::kArrayTooLong,
               "array longer than " + std::to_string(program_->limits.max_array_elements));
  }
  built_elements_ += n;
  if (built_elements_ > program_->limits.max_total_array_elements) {
    fail_limit(error_type::kArrayTooLong,
               "the arrays built by one evaluation exceed " +
                   std::to_string(program_->limits.max_total_array_elements) + " elements");
  }
}

Value Evaluator::make_array(std::vector<Value>& items) {
  return Value::array(items.data(), items.size());
}

// A reduce frame is {"current":…, "accumulator":…}; it is only built as JSON when a rule asks
// for the whole frame (rare), never for ordinary "current.x" lookups.
Value Evaluator::frame_value(const Frame& f) {
  if (!f.reduce) return f.value;
  json obj = {{"current", to_json(f.value)}, {"accumulator", to_json(f.accumulator)}};
  return Value::view(arena_.keep(std::move(obj)));
}

bool Evaluator::step_into(const Value& v, const PathStep& step, Value& out) const {
  if (v.kind == Kind::Object) {
    if (doc_) {
      switch (doc_->find(v, step, out)) {
        case Document::Lookup::Found:
          return true;
        case Document::Lookup::Absent:
          return false;
        case Document::Lookup::NotIndexed:
          break;
      }
    }
    auto it = v.ref->find(step.key);
    if (it == v.ref->end()) return false;
    out = Value::view(*it);
    return true;
  }
  if (v.kind == Kind::Array) {
    if (step.index < 0 || static_cast<size_t>(step.index) >= v.size()) return false;
    out = v.at(static_cast<size_t>(step.index));
    return true;
  }
  return false;
}

bool Evaluator::resolve_steps(const Frame& frame, bool meta, const PathStep* steps, size_t count,
                              Value& out) const {
  size_t i = 0;
  Value cur;
  if (meta) {
    // The metadata level of an iteration holds only "index".
    if (count == 0 || steps[0].key != "index" || frame.index < 0) return false;
    cur = Value::of(static_cast<double>(frame.index));
    i = 1;
  } else if (frame.reduce) {
    if (count == 0) return false;  // whole frame: handled by the caller
    if (steps[0].key == "current") {
      cur = frame.value;
    } else if (steps[0].key == "accumulator") {
      cur = frame.accumulator;
    } else {
      return false;
    }
    i = 1;
  } else {
    cur = frame.value;
  }
  for (; i < count; ++i) {
    Value next;
    if (!step_into(cur, steps[i], next)) return false;
    cur = next;
  }
  out = cur;
  return true;
}

Value Evaluator::eval_var(const Node& n) {
  Value out;
  bool found;
  if (n.flags & kDynamic) {
    const Value spec = eval(program_->child(n, 0));
    found = false;
    out = lookup_dynamic(n, spec, /*var_style=*/true, &found);
  } else {
    const Path& path = program_->paths[n.aux];
    const Frame& frame = frames_.back();
    if (path.steps.empty()) {
      out = frame_value(frame);
      found = true;
    } else {
      found = resolve_steps(frame, false, path.steps.data(), path.steps.size(), out);
    }
  }
  if ((!found || out.is_null()) && (n.flags & kDefault)) {
    return eval(program_->child(n, n.count - 1));
  }
  return found ? out : Value::null();
}

Value Evaluator::lookup_dynamic(const Node& n, const Value& spec, bool var_style, bool* found) {
  (void)n;
  std::vector<PathStep> steps;
  uint32_t up = 0;
  if (var_style) {
    if (spec.kind == Kind::Array) {
      // {"var":[{"…"}]} where the operator returned a list: its first element is the path.
      if (spec.size() > 0) steps = split_var_path(to_string(spec.at(0)));
    } else if (!spec.is_null()) {
      steps = split_var_path(to_string(spec));
    }
  } else if (spec.kind == Kind::Array) {
    const size_t count = spec.size();
    for (size_t i = 0; i < count; ++i) {
      const Value part = spec.at(i);
      if (i == 0 && part.kind == Kind::Array && part.size() == 1) {
        double levels = 0;
        if (try_number(part.at(0), levels))
          up = static_cast<uint32_t>(levels < 0 ? -levels : levels);
        continue;
      }
      steps.push_back(make_step(to_string(part)));
    }
  } else if (!spec.is_null()) {
    steps.push_back(make_step(to_string(spec)));
  }
  const size_t level = std::min<size_t>(up / 2, frames_.size() - 1);
  const Frame& frame = frames_[frames_.size() - 1 - level];
  const bool meta = (up % 2 == 1) && level < frames_.size() - 1;
  Value out;
  if (steps.empty() && !meta) {
    *found = true;
    return frame_value(frame);
  }
  *found = resolve_steps(frame, meta, steps.data(), steps.size(), out);
  return out;
}

Value Evaluator::eval_val(const Node& n, bool exists) {
  Value out;
  bool found;
  if (n.flags & kDynamic) {
    const Value spec = eval(program_->child(n, 0));
    out = lookup_dynamic(n, spec, /*var_style=*/false, &found);
  } else {
    const Path& path = program_->paths[n.aux];
    const size_t level = std::min<size_t>(path.scope_up / 2, frames_.size() - 1);
    const Frame& frame = frames_[frames_.size() - 1 - level];
    const bool meta = (path.scope_up % 2 == 1) && level < frames_.size() - 1;
    if (path.steps.empty() && !meta) {
      out = frame_value(frame);
      found = true;
    } else {
      found = resolve_steps(frame, meta, path.steps.data(), path.steps.size(), out);
    }
  }
  if (exists) return Value::of(found);
  return found ? out : Value::null();
}

void Evaluator::eval_throw(const Node& n) {
  const Value v = n.count ? eval(program_->child(n, 0)) : Value::null();
  Error error;
  if (v.kind == Kind::Object) {
    auto it = v.ref->find("type");
    error.type = (it != v.ref->end() && it->is_string()) ? it->get<std::string>() : "Error";
    error.payload = *v.ref;
  } else {
    error.type = to_string(v);
    error.payload = {{"type", error.type}};
  }
  error.message = "thrown: " + error.type;
  throw EvalFailure(std::move(error));
}

Value Evaluator::eval_try(const Node& n) {
  const size_t frames = frames_.size();
  const size_t args = args_.size();
  std::optional<Error> last;
  for (uint32_t k = 0; k < n.count; ++k) {
    try {
      const Value v = eval(program_->child(n, k));
      frames_.resize(frames);
      return v;
    } catch (const EvalFailure& failure) {
      if (!failure.catchable()) throw;
      frames_.resize(frames);
      args_.resize(args);
      last = failure.error();
      // The next alternative sees the error as its data: {"val":"type"}.
      json payload = last->payload.is_object() ? last->payload : json{{"type", last->type}};
      frames_.push_back(Frame{Value::view(arena_.keep(std::move(payload)))});
    }
  }
  frames_.resize(frames);
  if (last) throw EvalFailure(*last);
  return Value::null();
}

Value Evaluator::eval(uint32_t index) {
  if (++steps_ > max_steps_) {
    fail_limit(error_type::kTooManySteps,
               "evaluation took more than " + std::to_string(max_steps_) + " steps");
  }
  const Node& n = program_->nodes[index];
  switch (n.op) {
    case Op::Const:
      return program_->const_values[n.aux];
    case Op::Var:
      return eval_var(n);
    case Op::Val:
      return eval_val(n, false);
    case Op::Exists:
      return eval_val(n, true);
    case Op::Array: {
      check_array_size(n.count);
      std::vector<Value>& items = arena_.new_array();
      items.reserve(n.count);
      for (uint32_t k = 0; k < n.count; ++k) items.push_back(eval(program_->child(n, k)));
      return make_array(items);
    }
    case Op::And: {
      Value v = Value::of(false);
      for (uint32_t k = 0; k < n.count; ++k) {
        v = eval(program_->child(n, k));
        if (!truthy(v)) return v;
      }
      return v;
    }
    case Op::Or: {
      Value v = Value::of(false);
      for (uint32_t k = 0; k < n.count; ++k) {
        v = eval(program_->child(n, k));
        if (truthy(v)) return v;
      }
      return v;
    }
    case Op::Not:
      return Value::of(n.count == 0 || !truthy(eval(program_->child(n, 0))));
    case Op::NotNot:
      return Value::of(n.count > 0 && truthy(eval(program_->child(n, 0))));
    case Op::If: {
      uint32_t k = 0;
      for (; k + 1 < n.count; k += 2) {
        if (truthy(eval(program_->child(n, k)))) return eval(program_->child(n, k + 1));
      }
      return k < n.count ? eval(program_->child(n, k)) : Value::null();
    }
    case Op::Coalesce:
      for (uint32_t k = 0; k < n.count; ++k) {
        const Value v = eval(program_->child(n, k));
        if (!v.is_null()) return v;
      }
      return Value::null();
    case Op::Eq:
    case Op::Ne:
    case Op::StrictEq:
    case Op::StrictNe:
    case Op::Lt:
    case Op::Le:
    case Op::Gt:
    case Op::Ge:
      return eval_compare(n);
    case Op::Map:
    case Op::Filter:
    case Op::All:
    case Op::Some:
    case Op::None:
      return eval_iteration(n);
    case Op::Reduce:
      return eval_reduce(n);
    case Op::Throw:
      eval_throw(n);
    case Op::Try:
      return eval_try(n);
    default:
      return eval_eager(n);
  }
}

Value Evaluator::eval_compare(const Node& n) {
  if (n.count < 2) fail(error_type::kInvalidArguments, "a comparison needs at least two values");
  Value left = eval(program_->child(n, 0));
  for (uint32_t k = 1; k < n.count; ++k) {
    const Value right = eval(program_->child(n, k));
    bool ok = false;
    switch (n.op) {
      case Op::Eq:
        ok = loose_equal(left, right);
        break;
      case Op::Ne:
        ok = !loose_equal(left, right);
        break;
      case Op::StrictEq:
        ok = strict_equal(left, right);
        break;
      case Op::StrictNe:
        ok = !strict_equal(left, right);
        break;
      case Op::Lt:
        ok = compare(left, right) < 0;
        break;
      case Op::Le:
        ok = compare(left, right) <= 0;
        break;
      case Op::Gt:
        ok = compare(left, right) > 0;
        break;
      case Op::Ge:
        ok = compare(left, right) >= 0;
        break;
      default:
        break;
    }
    if (!ok) return Value::of(false);  // chains stop at the first failing pair (lazy)
    left = right;
  }
  return Value::of(true);
}

}  // namespace haoban::expr
