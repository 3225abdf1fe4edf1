#include "haoban/expr/printer.h"

#include <optional>

#include "haoban/expr/functions.h"

namespace haoban::expr {

namespace {

const char* builtin_name(Op op) {
  switch (op) {
    case Op::And:
      return "and";
    case Op::Or:
      return "or";
    case Op::Not:
      return "!";
    case Op::NotNot:
      return "!!";
    case Op::If:
      return "if";
    case Op::Coalesce:
      return "??";
    case Op::Eq:
      return "==";
    case Op::Ne:
      return "!=";
    case Op::StrictEq:
      return "===";
    case Op::StrictNe:
      return "!==";
    case Op::Lt:
      return "<";
    case Op::Le:
      return "<=";
    case Op::Gt:
      return ">";
    case Op::Ge:
      return ">=";
    case Op::Add:
      return "+";
    case Op::Sub:
      return "-";
    case Op::Mul:
      return "*";
    case Op::Div:
      return "/";
    case Op::Mod:
      return "%";
    case Op::Max:
      return "max";
    case Op::Min:
      return "min";
    case Op::Cat:
      return "cat";
    case Op::Substr:
      return "substr";
    case Op::In:
      return "in";
    case Op::Merge:
      return "merge";
    case Op::Missing:
      return "missing";
    case Op::MissingSome:
      return "missing_some";
    case Op::Map:
      return "map";
    case Op::Filter:
      return "filter";
    case Op::Reduce:
      return "reduce";
    case Op::All:
      return "all";
    case Op::Some:
      return "some";
    case Op::None:
      return "none";
    case Op::Throw:
      return "throw";
    case Op::Try:
      return "try";
    case Op::Var:
      return "var";
    case Op::Val:
      return "val";
    case Op::Exists:
      return "exists";
    default:
      return "";
  }
}

// Whether child k of n is a constant that its operator rejects when written literally, as a
// computed argument can fold to one: {"var": {"merge": [["a"], ["b"]]}} is not
// {"var": ["a", "b"]} (path "a", default "b"), {"var": true} and {"map": ["text", …]} do not
// compile, and {"map": [list, null]} is "no logic". Found by the JsonLogic fuzzer.
bool literal_rejected_at(const Program& p, const Node& n, uint32_t k) {
  const Node& c = p.nodes[p.child(n, k)];
  if (c.op != Op::Const) return false;
  const json& value = p.constants[c.aux];
  switch (n.op) {
    case Op::Var:
      return (n.flags & kDynamic) && k == 0 && (value.is_array() || value.is_boolean());
    case Op::Map:
    case Op::Filter:
    case Op::Reduce:
      return (k == 0 && !value.is_array() && !value.is_object()) || (k == 1 && value.is_null());
    default:
      return false;
  }
}

// Infix binding powers (as in infix_parser.cpp); 0 for anything printed as a call or atom.
int power_of(Op op) {
  switch (op) {
    case Op::If:
      return 10;
    case Op::Coalesce:
      return 20;
    case Op::Or:
      return 30;
    case Op::And:
      return 40;
    case Op::Eq:
    case Op::Ne:
    case Op::StrictEq:
    case Op::StrictNe:
      return 50;
    case Op::Lt:
    case Op::Le:
    case Op::Gt:
    case Op::Ge:
    case Op::In:
      return 60;
    case Op::Add:
    case Op::Sub:
      return 70;
    case Op::Mul:
    case Op::Div:
    case Op::Mod:
      return 80;
    case Op::Not:
      return 90;
    default:
      return 0;
  }
}

const char* infix_symbol(Op op) {
  switch (op) {
    case Op::And:
      return "&&";
    case Op::Or:
      return "||";
    case Op::Eq:
    case Op::StrictEq:
      return "==";
    case Op::Ne:
    case Op::StrictNe:
      return "!=";
    case Op::Coalesce:
      return "??";
    default:
      return builtin_name(op);
  }
}

bool is_identifier(const std::string& s) {
  if (s.empty() || std::isdigit(static_cast<unsigned char>(s[0]))) return false;
  for (unsigned char c : s) {
    if (!(std::isalnum(c) || c == '_' || c == '$' || c >= 0x80)) return false;
  }
  return s != "true" && s != "false" && s != "null" && s != "in";
}

class InfixPrinter {
 public:
  explicit InfixPrinter(const Program& p) : p_(p) {}

  std::string print(uint32_t index, int context) {
    const Node& n = p_.nodes[index];
    const int power = power_of(n.op);
    // Comparison chains of three or more ({"<":[a,b,c]}) have no infix form: printed as calls.
    const bool chain_ok = power != 50 && power != 60;
    const bool binary = power >= 20 && power <= 80 && !(n.flags & kSpread) &&
                        (n.count == 2 || (n.count > 2 && chain_ok));
    if (n.op == Op::Const) return p_.constants[n.aux].dump();
    if (n.op == Op::Var && !(n.flags & kDynamic) && !(n.flags & kDefault)) {
      const std::string path = print_path(p_.paths[n.aux]);
      if (!path.empty()) return path;
    }
    if (n.op == Op::Array) {
      std::string out = "[";
      for (uint32_t k = 0; k < n.count; ++k) out += (k ? ", " : "") + print(p_.child(n, k), 0);
      return out + "]";
    }
    if (n.op == Op::Val && (n.flags & kDynamic)) {
      if (auto member = print_member(p_.child(n, 0))) return *member;
    }
    if (n.op == Op::Not && n.count == 1) {
      return wrap(power < context, "!" + print(p_.child(n, 0), 90));
    }
    if (n.op == Op::Sub && n.count == 1 && !(n.flags & kSpread)) {
      return wrap(90 < context, "-" + print(p_.child(n, 0), 90));
    }
    if (n.op == Op::If && n.count == 3) {
      return wrap(10 <= context, print(p_.child(n, 0), 10) + " ? " + print(p_.child(n, 1), 0) +
                                     " : " + print(p_.child(n, 2), 9));
    }
    if (binary) {
      std::string out;
      for (uint32_t k = 0; k < n.count; ++k) {
        if (k) out += std::string(" ") + infix_symbol(n.op) + " ";
        // Left-associative: the right operand binds one tighter.
        out += print(p_.child(n, k), k == 0 ? power - 1 : power);
      }
      return wrap(power <= context, out);
    }
    return call(n);
  }

 private:
  static std::string wrap(bool parens, std::string s) { return parens ? "(" + s + ")" : s; }

  std::string print_path(const Path& path) {
    if (!path.var_style || path.steps.empty()) return "";
    std::string out;
    for (size_t k = 0; k < path.steps.size(); ++k) {
      const PathStep& step = path.steps[k];
      if (k == 0) {
        if (!is_identifier(step.key)) return "";
        out = step.key;
      } else if (step.index >= 0) {
        out += "[" + step.key + "]";
      } else if (is_identifier(step.key)) {
        out += "." + step.key;
      } else {
        out += "[" + json(step.key).dump() + "]";
      }
    }
    return out;
  }

  // val(["family", i, "name"]) as family[i].name, which the parser reads back the same way.
  std::optional<std::string> print_member(uint32_t spec) {
    const Node& a = p_.nodes[spec];
    if (a.op != Op::Array || a.count == 0) return std::nullopt;
    const Node& head = p_.nodes[p_.child(a, 0)];
    if (head.op != Op::Const || !p_.constants[head.aux].is_string()) return std::nullopt;
    const std::string first = p_.constants[head.aux].get<std::string>();
    if (!is_identifier(first)) return std::nullopt;
    std::string out = first;
    for (uint32_t k = 1; k < a.count; ++k) {
      const uint32_t part = p_.child(a, k);
      const Node& pn = p_.nodes[part];
      if (pn.op == Op::Const && p_.constants[pn.aux].is_string() &&
          is_identifier(p_.constants[pn.aux].get<std::string>())) {
        out += "." + p_.constants[pn.aux].get<std::string>();
      } else {
        out += "[" + print(part, 0) + "]";
      }
    }
    return out;
  }

  // A constant its operator rejects when written literally (literal_rejected_at), written as
  // an expression that folds back to it: merge(A) is the array A, (true ? v : null) is v.
  std::string print_argument(const Node& n, uint32_t k) {
    const uint32_t child = p_.child(n, k);
    if (literal_rejected_at(p_, n, k)) {
      const json& value = p_.constants[p_.nodes[child].aux];
      if (value.is_array()) return "merge(" + value.dump() + ")";
      return "(true ? " + value.dump() + " : null)";
    }
    return print(child, 0);
  }

  std::string call(const Node& n) {
    std::string out = op_name(p_, n) + "(";
    if (n.op == Op::Var || n.op == Op::Val || n.op == Op::Exists) {
      // val("a", "b"), var("a.b", default): the path as written, then the rest.
      const Path& path = p_.paths[n.aux];
      bool first = true;
      if (!(n.flags & kDynamic)) {
        if (path.source.is_array()) {
          for (const auto& part : path.source) {
            out += (first ? "" : ", ") + part.dump();
            first = false;
          }
        } else if (!path.source.is_null()) {
          out += path.source.dump();
          first = false;
        } else if (n.op == Op::Var) {
          out += "\"\"";
          first = false;
        }
      }
      for (uint32_t k = 0; k < n.count; ++k) {
        out += (first ? "" : ", ") + print_argument(n, k);
        first = false;
      }
      return out + ")";
    }
    for (uint32_t k = 0; k < n.count; ++k) {
      if (k) out += ", ";
      out += print_argument(n, k);
    }
    return out + ")";
  }

  const Program& p_;
};

}  // namespace

bool has_object(const json& j) {
  if (j.is_object()) return true;
  if (j.is_array()) {
    for (const auto& e : j) {
      if (has_object(e)) return true;
    }
  }
  return false;
}

std::string op_name(const Program& program, const Node& node) {
  (void)program;
  if (node.op == Op::Call) return std::string(function_at(node.aux).name);
  return builtin_name(node.op);
}

json to_jsonlogic(const Program& p, uint32_t index) {
  const Node& n = p.nodes[index];
  if (n.op == Op::Const) {
    const json& c = p.constants[n.aux];
    return has_object(c) ? json{{"preserve", c}} : c;
  }
  if (n.op == Op::Array) {
    json out = json::array();
    for (uint32_t k = 0; k < n.count; ++k) out.push_back(to_jsonlogic(p, p.child(n, k)));
    return out;
  }
  const std::string name = op_name(p, n);
  if (n.op == Op::Var || n.op == Op::Val || n.op == Op::Exists) {
    const Path& path = p.paths[n.aux];
    json spec = (n.flags & kDynamic) ? to_jsonlogic(p, p.child(n, 0)) : path.source;
    if ((n.flags & kDynamic) && literal_rejected_at(p, n, 0)) spec = {{"preserve", spec}};
    if (n.flags & kDefault)
      return {{name, json::array({spec, to_jsonlogic(p, p.child(n, n.count - 1))})}};
    return {{name, spec}};
  }
  if (n.flags & kSpread) {
    json arg = to_jsonlogic(p, p.child(n, 0));
    // A literal array here would read back as the argument list ({"/": []} has no arguments),
    // not as one value whose elements are spread: keep it one value.
    if (arg.is_array() && p.nodes[p.child(n, 0)].op == Op::Const) arg = {{"preserve", arg}};
    return {{name, arg}};
  }
  json args = json::array();
  for (uint32_t k = 0; k < n.count; ++k) {
    json arg = to_jsonlogic(p, p.child(n, k));
    args.push_back(literal_rejected_at(p, n, k) ? json{{"preserve", std::move(arg)}} : arg);
  }
  return {{name, args}};
}

std::string to_infix(const Program& program, uint32_t node) {
  return InfixPrinter(program).print(node, 0);
}

}  // namespace haoban::expr
