#include "haoban/expr/typecheck.h"

#include <string>

#include "haoban/expr/printer.h"

namespace haoban::expr {

Type type_of(const json& v) {
  switch (v.type()) {
    case json::value_t::null:
      return Type::Null;
    case json::value_t::boolean:
      return Type::Bool;
    case json::value_t::string:
      return Type::String;
    case json::value_t::array:
      return Type::Array;
    case json::value_t::object:
      return Type::Object;
    default:
      return v.is_number() ? Type::Number : Type::Any;
  }
}

namespace {

bool known(Type t) { return t != Type::Any && t != Type::Null; }

// Whether a value of type `got` may be used where `want` is expected. Dates are strings, and a
// declared string may hold a date, so the two are interchangeable here (the value is checked
// when it is used).
bool fits(Type want, Type got) {
  if (want == Type::Any || !known(got)) return true;
  if (want == got) return true;
  const bool want_text = want == Type::String || want == Type::Date;
  const bool got_text = got == Type::String || got == Type::Date;
  return want_text && got_text;
}

class Checker {
 public:
  Checker(const Program& p, const Declarations* d) : p_(p), decl_(d) {}

  Type infer(uint32_t index, bool in_item_scope) {
    const Node& n = p_.nodes[index];
    switch (n.op) {
      case Op::Const:
        return type_of(p_.constants[n.aux]);
      case Op::Var:
      case Op::Val: {
        for (uint32_t k = 0; k < n.count; ++k) infer(p_.child(n, k), in_item_scope);
        if (!decl_ || in_item_scope || (n.flags & kDynamic)) return Type::Any;
        return variable(index, p_.paths[n.aux]);
      }
      case Op::Exists:
      case Op::Not:
      case Op::NotNot:
        children(n, in_item_scope);
        return Type::Bool;
      case Op::Eq:
      case Op::Ne:
      case Op::StrictEq:
      case Op::StrictNe:
      case Op::Lt:
      case Op::Le:
      case Op::Gt:
      case Op::Ge: {
        const std::vector<Type> t = children(n, in_item_scope);
        if (decl_) {
          for (size_t k = 1; k < t.size(); ++k) {
            if (known(t[k - 1]) && known(t[k]) && !fits(t[k - 1], t[k])) {
              mismatch(index, "compares a " + std::string(type_name(t[k - 1])) + " with a " +
                                  type_name(t[k]));
            }
            const bool ordering =
                n.op == Op::Lt || n.op == Op::Le || n.op == Op::Gt || n.op == Op::Ge;
            if (ordering && (t[k] == Type::Array || t[k] == Type::Object || t[k] == Type::Bool)) {
              mismatch(index, std::string("cannot order a ") + type_name(t[k]));
            }
          }
        }
        return Type::Bool;
      }
      case Op::Add:
      case Op::Sub:
      case Op::Mul:
      case Op::Div:
      case Op::Mod:
      case Op::Max:
      case Op::Min: {
        const std::vector<Type> t = children(n, in_item_scope);
        if (decl_ && !(n.flags & kSpread)) {
          for (Type x : t) {
            if (known(x) && x != Type::Number) {
              mismatch(index, "arithmetic on a " + std::string(type_name(x)));
            }
          }
        }
        return Type::Number;
      }
      case Op::Cat:
      case Op::Substr:
        children(n, in_item_scope);
        return Type::String;
      case Op::In:
      case Op::All:
      case Op::Some:
      case Op::None:
        iteration_children(n, in_item_scope);
        return Type::Bool;
      case Op::Merge:
      case Op::Missing:
      case Op::MissingSome:
      case Op::Array:
        children(n, in_item_scope);
        return Type::Array;
      case Op::Map:
      case Op::Filter:
        iteration_children(n, in_item_scope);
        return Type::Array;
      case Op::Reduce:
        iteration_children(n, in_item_scope);
        return Type::Any;
      case Op::Call:
        return call(index, n, in_item_scope);
      default:
        children(n, in_item_scope);
        return Type::Any;
    }
  }

 private:
  std::vector<Type> children(const Node& n, bool scope) {
    std::vector<Type> out;
    for (uint32_t k = 0; k < n.count; ++k) out.push_back(infer(p_.child(n, k), scope));
    return out;
  }

  // The body of an iteration (child 1) sees each item: its names are not the form's.
  void iteration_children(const Node& n, bool scope) {
    const bool iterates = n.op != Op::In;
    for (uint32_t k = 0; k < n.count; ++k) infer(p_.child(n, k), scope || (iterates && k == 1));
  }

  Type call(uint32_t index, const Node& n, bool scope) {
    const FunctionDef& f = function_at(n.aux);
    const std::vector<Type> t = children(n, scope);
    if (!(n.flags & kSpread)) {
      for (size_t k = 0; k < t.size() && k < f.params.size(); ++k) {
        const bool literal = p_.nodes[p_.child(n, static_cast<uint32_t>(k))].op == Op::Const;
        if ((literal || decl_) && !fits(f.params[k], t[k])) {
          mismatch(index, std::string(f.name) + " expects a " + type_name(f.params[k]) +
                              " as argument " + std::to_string(k + 1) + ", got a " +
                              type_name(t[k]));
        }
      }
    }
    return f.result;
  }

  Type variable(uint32_t index, const Path& path) {
    std::string name;
    Type found = Type::Any;
    bool any_prefix = false;
    for (size_t k = 0; k < path.steps.size(); ++k) {
      if (k) name += '.';
      name += path.steps[k].key;
      auto it = decl_->find(name);
      if (it == decl_->end()) continue;
      any_prefix = true;
      found = k + 1 == path.steps.size() ? it->second : Type::Any;  // inside a declared object
    }
    if (path.steps.empty()) return Type::Any;
    if (!any_prefix) {
      Error e{error_type::kUnknownVariable, "unknown variable \"" + name + "\"", where(index),
              nullptr};
      throw EvalFailure(std::move(e));
    }
    return found;
  }

  SourceLocation where(uint32_t index) const {
    return index < p_.where.size() ? p_.where[index] : SourceLocation{};
  }

  [[noreturn]] void mismatch(uint32_t index, const std::string& what) {
    Error e{error_type::kTypeMismatch, to_infix(p_, index) + ": " + what, where(index), nullptr};
    throw EvalFailure(std::move(e));
  }

  const Program& p_;
  const Declarations* decl_;
};

}  // namespace

void typecheck(const Program& program, const Declarations* declarations) {
  Checker(program, declarations).infer(program.root, false);
}

}  // namespace haoban::expr
