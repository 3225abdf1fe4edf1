// Operators whose arguments are all evaluated first: arithmetic, min/max, strings, merge,
// missing, and registered functions. Arguments are gathered on a reusable stack.
#include <cmath>
#include <string>

#include "haoban/expr/error.h"
#include "haoban/expr/evaluator.h"
#include "haoban/text/utf8.h"

namespace haoban::expr {

size_t Evaluator::gather(const Node& n) {
  const size_t base = args_.size();
  if (n.flags & kSpread) {
    // {"+": {"preserve": [7, 8]}}: one expression whose array result supplies the arguments.
    const Value v = eval(program_->child(n, 0));
    if (v.kind == Kind::Array) {
      const size_t count = v.size();
      for (size_t i = 0; i < count; ++i) args_.push_back(v.at(i));
    } else {
      args_.push_back(v);
    }
  } else {
    for (uint32_t k = 0; k < n.count; ++k) {
      const Value v = eval(program_->child(n, k));
      args_.push_back(v);
    }
  }
  return base;
}

namespace {

double finite(double x) {
  if (!std::isfinite(x)) fail(error_type::kNaN, "the result is not a finite number");
  return x;
}

// substr(s, start, length) in characters, with JavaScript's negative start and length.
bool all_ascii(std::string_view s) {
  for (const char c : s)
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  return true;
}

std::string substr_chars(std::string_view s, double start, bool has_length, double length) {
  // ASCII (codes, ids, dates): characters are bytes, no UTF-8 decoding needed.
  const bool ascii = all_ascii(s);
  const double len = static_cast<double>(ascii ? s.size() : text::char_count(s));
  double from = start < 0 ? std::max(0.0, len + start) : std::min(start, len);
  double to = len;
  if (has_length) to = length < 0 ? std::max(from, len + length) : std::min(len, from + length);
  if (to <= from) return {};
  if (ascii)
    return std::string(s.substr(static_cast<size_t>(from), static_cast<size_t>(to - from)));
  return text::substr_chars(s, static_cast<size_t>(from), static_cast<size_t>(to - from));
}

}  // namespace

Value Evaluator::eval_eager(const Node& n) {
  const size_t base = gather(n);
  const size_t count = args_.size() - base;
  struct Pop {  // arguments leave the stack however this function exits
    std::vector<Value>& stack;
    size_t base;
    ~Pop() { stack.resize(base); }
  } pop{args_, base};
  const Value* a = args_.data() + base;
  switch (n.op) {
    case Op::Add: {
      double sum = 0;
      for (size_t i = 0; i < count; ++i) sum += to_number(a[i]);
      return Value::of(finite(sum));
    }
    case Op::Mul: {
      double product = 1;
      for (size_t i = 0; i < count; ++i) product *= to_number(a[i]);
      return Value::of(finite(product));
    }
    case Op::Sub: {
      if (count == 0) fail(error_type::kInvalidArguments, "\"-\" needs at least one value");
      double x = to_number(a[0]);
      if (count == 1) return Value::of(-x);
      for (size_t i = 1; i < count; ++i) x -= to_number(a[i]);
      return Value::of(finite(x));
    }
    case Op::Div: {
      if (count == 0) fail(error_type::kInvalidArguments, "\"/\" needs at least one value");
      double x = to_number(a[0]);
      if (count == 1) {
        if (x == 0) fail(error_type::kNaN, "division by zero");
        return Value::of(finite(1 / x));
      }
      for (size_t i = 1; i < count; ++i) {
        const double d = to_number(a[i]);
        if (d == 0) fail(error_type::kNaN, "division by zero");
        x /= d;
      }
      return Value::of(finite(x));
    }
    case Op::Mod: {
      if (count < 2) fail(error_type::kInvalidArguments, "\"%\" needs at least two values");
      double x = to_number(a[0]);
      for (size_t i = 1; i < count; ++i) {
        const double d = to_number(a[i]);
        if (d == 0) fail(error_type::kNaN, "modulo by zero");
        x = std::fmod(x, d);
      }
      return Value::of(finite(x));
    }
    case Op::Max:
    case Op::Min: {
      if (count == 0) return Value::null();
      double best = to_number(a[0]);
      for (size_t i = 1; i < count; ++i) {
        const double x = to_number(a[i]);
        best = n.op == Op::Max ? std::max(best, x) : std::min(best, x);
      }
      return Value::of(best);
    }
    case Op::Cat: {
      std::string out;
      for (size_t i = 0; i < count; ++i) {
        append_string(out, a[i]);
        if (out.size() > program_->limits.max_string_bytes) break;
      }
      CallContext ctx{arena_, program_->limits, env_};
      return keep_string(ctx, std::move(out));
    }
    case Op::Substr: {
      if (count == 0) return Value::of(std::string_view());
      const std::string s = a[0].kind == Kind::String ? std::string() : to_string(a[0]);
      const std::string_view sv = a[0].kind == Kind::String ? a[0].str() : std::string_view(s);
      const double start = count > 1 ? to_number(a[1]) : 0;
      const bool has_length = count > 2 && !a[2].is_null();
      const double length = has_length ? to_number(a[2]) : 0;
      CallContext ctx{arena_, program_->limits, env_};
      return keep_string(ctx, substr_chars(sv, std::trunc(start), has_length, std::trunc(length)));
    }
    case Op::In: {
      if (count < 2) return Value::of(false);
      const Value& needle = a[0];
      const Value& hay = a[1];
      if (hay.kind == Kind::String) {
        if (needle.kind == Kind::String)
          return Value::of(hay.str().find(needle.str()) != std::string_view::npos);
        return Value::of(hay.str().find(to_string(needle)) != std::string_view::npos);
      }
      if (hay.kind == Kind::Array) {
        const size_t m = hay.size();
        for (size_t i = 0; i < m; ++i) {
          if (strict_equal(hay.at(i), needle)) return Value::of(true);
        }
      }
      return Value::of(false);
    }
    case Op::Merge: {
      size_t total = 0;
      for (size_t i = 0; i < count; ++i) total += a[i].kind == Kind::Array ? a[i].size() : 1;
      check_array_size(total);
      std::vector<Value>& items = arena_.new_array();
      items.reserve(total);
      for (size_t i = 0; i < count; ++i) {
        if (a[i].kind == Kind::Array) {
          const size_t m = a[i].size();
          for (size_t j = 0; j < m; ++j) items.push_back(a[i].at(j));
        } else {
          items.push_back(a[i]);
        }
      }
      return make_array(items);
    }
    case Op::Missing:
      return eval_missing(n, base, count, false);
    case Op::MissingSome:
      return eval_missing(n, base, count, true);
    case Op::Call: {
      const FunctionDef& f = function_at(n.aux);
      if (static_cast<int>(count) < f.min_args || static_cast<int>(count) > f.max_args) {
        fail(error_type::kInvalidArguments, std::string(f.name) + ": wrong number of arguments");
      }
      CallContext ctx{arena_, program_->limits, env_,
                      n.prepared ? program_->prepared[n.prepared - 1].get() : nullptr};
      return f.fn(ctx, a, count);
    }
    default:
      fail(error_type::kUnknownOperator, "operator not implemented");
  }
}

// "missing": the keys (dotted paths) whose value is absent, null or "". "missing_some":
// [need, keys] is [] once at least `need` keys are present, else the missing ones.
Value Evaluator::eval_missing(const Node& n, size_t base, size_t count, bool some) {
  (void)n;
  Value keys;
  double need = 0;
  std::vector<Value> list_storage;
  const Value* list = nullptr;
  size_t list_size = 0;
  if (some) {
    if (count < 2 || args_[base + 1].kind != Kind::Array) {
      fail(error_type::kInvalidArguments, "missing_some needs [count, [keys]]");
    }
    need = to_number(args_[base]);
    keys = args_[base + 1];
  } else if (count > 0 && args_[base].kind == Kind::Array) {
    keys = args_[base];
  } else {
    list = args_.data() + base;
    list_size = count;
  }
  if (keys.kind == Kind::Array) {
    list_size = keys.size();
    list_storage.reserve(list_size);
    for (size_t i = 0; i < list_size; ++i) list_storage.push_back(keys.at(i));
    list = list_storage.data();
  }
  std::vector<Value>& missing = arena_.new_array();
  const Frame& frame = frames_.back();
  for (size_t i = 0; i < list_size; ++i) {
    const std::string key = to_string(list[i]);
    const auto steps = split_var_path(key);
    Value v;
    bool found;
    if (steps.empty()) {
      v = frame_value(frame);
      found = true;
    } else {
      found = resolve_steps(frame, false, steps.data(), steps.size(), v);
    }
    if (!found || v.is_null() || (v.kind == Kind::String && v.count == 0)) {
      missing.push_back(list[i].kind == Kind::String ? list[i] : Value::of(arena_.keep(key)));
    }
  }
  if (some && static_cast<double>(list_size - missing.size()) >= need) missing.clear();
  return make_array(missing);
}

}  // namespace haoban::expr
