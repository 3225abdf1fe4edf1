#include "haoban/expr/value.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "haoban/expr/error.h"

namespace haoban::expr {

Value Value::view(const json& j) {
  Value v;
  switch (j.type()) {
    case json::value_t::boolean:
      v.kind = Kind::Bool;
      v.boolean = j.get<bool>();
      break;
    case json::value_t::number_integer:
      v.kind = Kind::Number;
      v.number = static_cast<double>(j.get<int64_t>());
      break;
    case json::value_t::number_unsigned:
      v.kind = Kind::Number;
      v.number = static_cast<double>(j.get<uint64_t>());
      break;
    case json::value_t::number_float:
      v.kind = Kind::Number;
      v.number = j.get<double>();
      break;
    case json::value_t::string:
      return of(std::string_view(j.get_ref<const std::string&>()));
    case json::value_t::array:
      v.kind = Kind::Array;
      v.is_view = true;
      v.ref = &j;
      break;
    case json::value_t::object:
      v.kind = Kind::Object;
      v.is_view = true;
      v.ref = &j;
      break;
    default:
      break;
  }
  return v;
}

bool truthy(const Value& v) {
  switch (v.kind) {
    case Kind::Null:
      return false;
    case Kind::Bool:
      return v.boolean;
    case Kind::Number:
      return v.number != 0 && !std::isnan(v.number);
    case Kind::String:
      return v.count > 0;
    case Kind::Array:
      return v.size() > 0;
    case Kind::Object:
      return true;
  }
  return false;
}

namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// JavaScript's Number(string) for the decimal forms JSON data carries: optional sign, digits,
// fraction, exponent, surrounding white space; "" and white space alone are 0.
bool parse_number(std::string_view s, double& out) {
  size_t b = 0, e = s.size();
  while (b < e && is_space(s[b])) ++b;
  while (e > b && is_space(s[e - 1])) --e;
  if (b == e) {
    out = 0;
    return true;
  }
  std::string_view t = s.substr(b, e - b);
  if (t.size() > 64) return false;  // no real number needs more; bounds the copy below
  size_t i = 0;
  if (t[i] == '+' || t[i] == '-') ++i;
  bool digits = false;
  while (i < t.size() && t[i] >= '0' && t[i] <= '9') ++i, digits = true;
  if (i < t.size() && t[i] == '.') {
    ++i;
    while (i < t.size() && t[i] >= '0' && t[i] <= '9') ++i, digits = true;
  }
  if (!digits) {
    std::string_view rest = t.substr(t[0] == '+' || t[0] == '-' ? 1 : 0);
    if (rest == "Infinity") {
      out = t[0] == '-' ? -HUGE_VAL : HUGE_VAL;
      return true;
    }
    return false;
  }
  if (i < t.size() && (t[i] == 'e' || t[i] == 'E')) {
    ++i;
    if (i < t.size() && (t[i] == '+' || t[i] == '-')) ++i;
    bool exp_digits = false;
    while (i < t.size() && t[i] >= '0' && t[i] <= '9') ++i, exp_digits = true;
    if (!exp_digits) return false;
  }
  if (i != t.size()) return false;
  char buf[72];
  std::memcpy(buf, t.data(), t.size());
  buf[t.size()] = 0;
  out = std::strtod(buf, nullptr);
  return true;
}

}  // namespace

bool try_number(const Value& v, double& out) {
  switch (v.kind) {
    case Kind::Null:
      out = 0;
      return true;
    case Kind::Bool:
      out = v.boolean ? 1 : 0;
      return true;
    case Kind::Number:
      out = v.number;
      return true;
    case Kind::String:
      return parse_number(v.str(), out);
    default:
      return false;
  }
}

double to_number(const Value& v) {
  double n;
  if (!try_number(v, n) || std::isnan(n)) {
    fail(error_type::kNaN, std::string("cannot use ") + kind_name(v.kind) + " as a number");
  }
  return n;
}

std::string format_number(double n) {
  if (std::isnan(n)) return "NaN";
  if (std::isinf(n)) return n > 0 ? "Infinity" : "-Infinity";
  if (n == 0) return "0";
  if (std::fabs(n) < 1e21 && n == std::trunc(n)) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.0f", n);
    return buf;
  }
  // Shortest representation that reads back to the same double, as JavaScript prints.
  char buf[40];
  for (int precision = 1; precision <= 17; ++precision) {
    std::snprintf(buf, sizeof buf, "%.*g", precision, n);
    if (std::strtod(buf, nullptr) == n) break;
  }
  return buf;
}

void append_string(std::string& out, const Value& v) {
  switch (v.kind) {
    case Kind::Null:
      return;
    case Kind::Bool:
      out += v.boolean ? "true" : "false";
      return;
    case Kind::Number:
      out += format_number(v.number);
      return;
    case Kind::String:
      out.append(v.str());
      return;
    case Kind::Array: {
      const size_t n = v.size();
      for (size_t i = 0; i < n; ++i) {
        if (i) out += ',';
        append_string(out, v.at(i));
      }
      return;
    }
    case Kind::Object:
      out += "[object Object]";
      return;
  }
}

std::string to_string(const Value& v) {
  std::string s;
  append_string(s, v);
  return s;
}

bool loose_equal(const Value& a, const Value& b) {
  if (a.kind == Kind::String && b.kind == Kind::String) return a.str() == b.str();
  if (a.kind == Kind::Null && b.kind == Kind::Null) return true;
  return to_number(a) == to_number(b);
}

bool strict_equal(const Value& a, const Value& b) {
  if (a.kind != b.kind) return false;
  switch (a.kind) {
    case Kind::Null:
      return true;
    case Kind::Bool:
      return a.boolean == b.boolean;
    case Kind::Number:
      return a.number == b.number;
    case Kind::String:
      return a.str() == b.str();
    case Kind::Array: {
      if (a.is_view && b.is_view) return *a.ref == *b.ref;
      const size_t n = a.size();
      if (n != b.size()) return false;
      for (size_t i = 0; i < n; ++i) {
        if (!strict_equal(a.at(i), b.at(i))) return false;
      }
      return true;
    }
    case Kind::Object:
      return *a.ref == *b.ref;
  }
  return false;
}

int compare(const Value& a, const Value& b) {
  if (a.kind == Kind::String && b.kind == Kind::String) {
    const int c = a.str().compare(b.str());
    return c < 0 ? -1 : (c > 0 ? 1 : 0);
  }
  const double x = to_number(a), y = to_number(b);
  return x < y ? -1 : (x > y ? 1 : 0);
}

json to_json(const Value& v) {
  switch (v.kind) {
    case Kind::Null:
      return nullptr;
    case Kind::Bool:
      return v.boolean;
    case Kind::Number: {
      const double n = v.number;
      if (n == std::trunc(n) && std::fabs(n) <= 9007199254740992.0) return static_cast<int64_t>(n);
      if (!std::isfinite(n)) return nullptr;
      return n;
    }
    case Kind::String:
      return std::string(v.str());
    case Kind::Array: {
      if (v.is_view) return *v.ref;
      json out = json::array();
      for (uint32_t i = 0; i < v.count; ++i) out.push_back(to_json(v.items[i]));
      return out;
    }
    case Kind::Object:
      return *v.ref;
  }
  return nullptr;
}

const char* kind_name(Kind kind) {
  switch (kind) {
    case Kind::Null:
      return "null";
    case Kind::Bool:
      return "boolean";
    case Kind::Number:
      return "number";
    case Kind::String:
      return "string";
    case Kind::Array:
      return "array";
    case Kind::Object:
      return "object";
  }
  return "?";
}

}  // namespace haoban::expr
