#include "haoban/expr/jsonlogic_compiler.h"

#include <string_view>
#include <vector>

#include "haoban/expr/evaluator.h"
#include "haoban/expr/typecheck.h"

namespace haoban::expr {

namespace {

// How an operator takes its arguments.
enum class Shape : uint8_t {
  Eager,   // evaluated first; a non-array argument is one value, spread if it yields an array
  Lazy,    // must be a literal array (evaluated on demand): and, or, if, comparisons, iterations
  Single,  // "!" and "!!": the first element of an array, or the value itself
  Loose,   // "try", "??": an array of alternatives, or one
};

struct OperatorDef {
  std::string_view name;
  Op op;
  Shape shape;
};

constexpr OperatorDef kOperators[] = {
    {"and", Op::And, Shape::Lazy},
    {"or", Op::Or, Shape::Lazy},
    {"if", Op::If, Shape::Lazy},
    {"?:", Op::If, Shape::Lazy},
    {"==", Op::Eq, Shape::Lazy},
    {"!=", Op::Ne, Shape::Lazy},
    {"===", Op::StrictEq, Shape::Lazy},
    {"!==", Op::StrictNe, Shape::Lazy},
    {"<", Op::Lt, Shape::Lazy},
    {"<=", Op::Le, Shape::Lazy},
    {">", Op::Gt, Shape::Lazy},
    {">=", Op::Ge, Shape::Lazy},
    {"map", Op::Map, Shape::Lazy},
    {"filter", Op::Filter, Shape::Lazy},
    {"reduce", Op::Reduce, Shape::Lazy},
    {"all", Op::All, Shape::Lazy},
    {"some", Op::Some, Shape::Lazy},
    {"none", Op::None, Shape::Lazy},
    {"!", Op::Not, Shape::Single},
    {"!!", Op::NotNot, Shape::Single},
    {"try", Op::Try, Shape::Loose},
    {"??", Op::Coalesce, Shape::Loose},
    {"+", Op::Add, Shape::Eager},
    {"-", Op::Sub, Shape::Eager},
    {"*", Op::Mul, Shape::Eager},
    {"/", Op::Div, Shape::Eager},
    {"%", Op::Mod, Shape::Eager},
    {"max", Op::Max, Shape::Eager},
    {"min", Op::Min, Shape::Eager},
    {"cat", Op::Cat, Shape::Eager},
    {"substr", Op::Substr, Shape::Eager},
    {"in", Op::In, Shape::Eager},
    {"merge", Op::Merge, Shape::Eager},
    {"missing", Op::Missing, Shape::Eager},
    {"missing_some", Op::MissingSome, Shape::Eager},
};

const OperatorDef* find_operator(std::string_view name) {
  for (const auto& def : kOperators) {
    if (def.name == name) return &def;
  }
  return nullptr;
}

bool is_pure(const Node& n) {
  switch (n.op) {
    case Op::Var:
    case Op::Val:
    case Op::Exists:
    case Op::Throw:
    case Op::Try:
    case Op::Missing:
    case Op::MissingSome:
    case Op::Const:
      return false;
    case Op::Call:
      return function_at(n.aux).pure;
    default:
      return true;
  }
}

void append_pointer(std::string& pointer, std::string_view token) {
  pointer += '/';
  for (char c : token) {
    if (c == '~') {
      pointer += "~0";
    } else if (c == '/') {
      pointer += "~1";
    } else {
      pointer += c;
    }
  }
}

class Compiler {
 public:
  Compiler(Program& program, const CompileOptions& options) : p_(program), options_(options) {}

  uint32_t compile(const json& j, int depth) {
    if (depth > options_.limits.max_depth) {
      fail_here(error_type::kNestingTooDeep, "the rule is nested deeper than " +
                                                 std::to_string(options_.limits.max_depth) +
                                                 " levels");
    }
    if (j.is_array()) return compile_array(j, depth);
    if (!j.is_object() || j.empty()) return constant(j);
    if (j.size() != 1) {
      fail_here(
          error_type::kUnknownOperator,
          "an operator object must have exactly one key, this one has " + std::to_string(j.size()));
    }
    const auto it = j.begin();
    const std::string& name = it.key();
    const size_t mark = pointer_.size();
    append_pointer(pointer_, name);
    const uint32_t index = compile_operator(name, it.value(), depth);
    pointer_.resize(mark);
    return index;
  }

 private:
  [[noreturn]] void fail_here(const char* type, std::string message) {
    Error error{type, std::move(message), {pointer_.empty() ? "" : pointer_}, nullptr};
    if (options_.positions) {
      auto it = options_.positions->find(pointer_);
      if (it != options_.positions->end()) {
        error.where.line = it->second.line;
        error.where.column = it->second.column;
      }
    }
    throw EvalFailure(std::move(error));
  }

  uint32_t constant(json value) {
    p_.constants.push_back(std::move(value));
    p_.const_values.push_back(Value::view(p_.constants.back()));
    Node n;
    n.op = Op::Const;
    n.aux = static_cast<uint32_t>(p_.constants.size() - 1);
    return add(n, {});
  }

  uint32_t add(Node n, const std::vector<uint32_t>& children) {
    n.first = static_cast<uint32_t>(p_.kids.size());
    n.count = static_cast<uint32_t>(children.size());
    p_.kids.insert(p_.kids.end(), children.begin(), children.end());
    p_.nodes.push_back(n);
    if (options_.positions || options_.declarations) {
      SourceLocation where{pointer_};
      if (options_.positions) {
        auto it = options_.positions->find(pointer_);
        if (it != options_.positions->end()) where = it->second, where.json_path = pointer_;
      }
      p_.where.resize(p_.nodes.size());
      p_.where.back() = std::move(where);
    }
    return static_cast<uint32_t>(p_.nodes.size() - 1);
  }

  bool is_const(uint32_t index) const { return p_.nodes[index].op == Op::Const; }

  // Evaluates a pure node whose children are all constants, once, here. If that fails the
  // node stays, so the error still happens at run time (and only if it is reached).
  uint32_t fold(uint32_t index) {
    if (!options_.fold_constants) return index;
    const Node n = p_.nodes[index];
    if (!is_pure(n)) return index;
    for (uint32_t k = 0; k < n.count; ++k) {
      if (!is_const(p_.child(n, k))) return index;
    }
    try {
      Evaluator evaluator(p_);
      static const json kNull;
      evaluator.begin(kNull, EvalEnv{});
      json result = to_json(evaluator.eval(index));
      // Drop the folded node and its constant children when they are the newest nodes.
      const uint32_t folded = constant(std::move(result));
      return folded;
    } catch (const EvalFailure&) {
      return index;
    }
  }

  std::vector<uint32_t> compile_elements(const json& arr, int depth) {
    std::vector<uint32_t> children;
    children.reserve(arr.size());
    const size_t mark = pointer_.size();
    for (size_t i = 0; i < arr.size(); ++i) {
      append_pointer(pointer_, std::to_string(i));
      children.push_back(compile(arr[i], depth + 1));
      pointer_.resize(mark);
    }
    return children;
  }

  uint32_t compile_array(const json& arr, int depth) {
    const std::vector<uint32_t> children = compile_elements(arr, depth);
    bool all_const = true;
    for (uint32_t c : children) all_const = all_const && is_const(c);
    if (all_const) {
      // An array whose elements are all constants is one constant: the elements' values, which
      // for an element such as {"+": [1, 2]} or {"preserve": …} is what it evaluated or folded
      // to, not its JSON text (["a", 1 + 2] is ["a", 3]; found by the infix fuzzer).
      json values = json::array();
      for (uint32_t c : children) values.push_back(p_.constants[p_.nodes[c].aux]);
      return constant(std::move(values));
    }
    Node n;
    n.op = Op::Array;
    return add(n, children);
  }

  // The argument of a one-argument operator given as a single value or a one-element array.
  std::vector<uint32_t> loose_args(const json& args, int depth) {
    if (args.is_array()) return compile_elements(args, depth);
    return {compile(args, depth + 1)};
  }

  uint32_t compile_operator(const std::string& name, const json& args, int depth) {
    if (name == "preserve") return constant(args);
    if (name == "var") return compile_var(args, depth);
    if (name == "val") return compile_val(args, depth, Op::Val);
    if (name == "exists") return compile_val(args, depth, Op::Exists);
    if (name == "throw") {
      Node n;
      n.op = Op::Throw;
      std::vector<uint32_t> children = loose_args(args, depth);
      children.resize(std::min<size_t>(children.size(), 1));
      return add(n, children);
    }
    const OperatorDef* def = find_operator(name);
    Node n;
    Shape shape = Shape::Eager;
    if (def) {
      n.op = def->op;
      shape = def->shape;
    } else {
      uint32_t fn = 0;
      if (!find_function(name, &fn))
        fail_here(error_type::kUnknownOperator, "unknown operator \"" + name + "\"");
      n.op = Op::Call;
      n.aux = fn;
    }
    std::vector<uint32_t> children;
    switch (shape) {
      case Shape::Lazy:
        if (!args.is_array()) {
          fail_here(error_type::kInvalidArguments, "\"" + name + "\" takes an array of arguments");
        }
        check_lazy(n.op, name, args);
        children = compile_elements(args, depth);
        break;
      case Shape::Single:
        children = loose_args(args, depth);
        children.resize(std::min<size_t>(children.size(), 1));
        break;
      case Shape::Loose:
        children = loose_args(args, depth);
        break;
      case Shape::Eager:
        if (args.is_array()) {
          check_eager(n, name, args.size());
          children = compile_elements(args, depth);
        } else {
          n.flags |= kSpread;
          children = {compile(args, depth + 1)};
        }
        break;
    }
    if (n.op == Op::Call) prepare(n, children);
    return fold(add(n, children));
  }

  void prepare(Node& n, const std::vector<uint32_t>& children) {
    const FunctionDef& f = function_at(n.aux);
    if (!f.prepare || (n.flags & kSpread) || f.prepare_arg < 0 ||
        static_cast<size_t>(f.prepare_arg) >= children.size()) {
      return;
    }
    const uint32_t arg = children[f.prepare_arg];
    if (!is_const(arg)) return;
    try {
      p_.prepared.push_back(f.prepare(p_.const_values[p_.nodes[arg].aux], options_.limits));
    } catch (const EvalFailure& failure) {
      fail_here(failure.error().type.c_str(), failure.error().message);
    }
    n.prepared = static_cast<uint16_t>(p_.prepared.size());
    if (p_.prepared.size() >= 0xFFFF) fail_here(error_type::kInvalidArguments, "too many patterns");
  }

  void check_lazy(Op op, const std::string& name, const json& args) {
    switch (op) {
      case Op::Eq:
      case Op::Ne:
      case Op::StrictEq:
      case Op::StrictNe:
      case Op::Lt:
      case Op::Le:
      case Op::Gt:
      case Op::Ge:
        if (args.size() < 2)
          fail_here(error_type::kInvalidArguments, "\"" + name + "\" compares at least two values");
        break;
      case Op::Map:
      case Op::Filter:
      case Op::Reduce:
        if (args.size() < 2)
          fail_here(error_type::kInvalidArguments, "\"" + name + "\" needs [list, logic]");
        // A list given literally must be an array; logic given as null is a mistake.
        if (!args[0].is_array() && !args[0].is_object()) {
          fail_here(error_type::kInvalidArguments, "\"" + name + "\" needs an array to iterate");
        }
        if (args[1].is_null())
          fail_here(error_type::kInvalidArguments, "\"" + name + "\" needs logic to apply");
        break;
      case Op::All:
      case Op::Some:
      case Op::None:
        if (args.size() < 2)
          fail_here(error_type::kInvalidArguments, "\"" + name + "\" needs [list, logic]");
        break;
      default:
        break;
    }
  }

  void check_eager(const Node& n, const std::string& name, size_t count) {
    switch (n.op) {
      case Op::Sub:
      case Op::Div:
        if (count == 0)
          fail_here(error_type::kInvalidArguments, "\"" + name + "\" needs at least one value");
        break;
      case Op::Mod:
        if (count < 2) fail_here(error_type::kInvalidArguments, "\"%\" needs at least two values");
        break;
      case Op::Call: {
        const FunctionDef& f = function_at(n.aux);
        if (static_cast<int>(count) < f.min_args || static_cast<int>(count) > f.max_args) {
          fail_here(error_type::kInvalidArguments,
                    name + " takes " + std::to_string(f.min_args) +
                        (f.max_args != f.min_args ? " to " + std::to_string(f.max_args) : "") +
                        " arguments, got " + std::to_string(count));
        }
        break;
      }
      default:
        break;
    }
  }

  uint32_t add_path(Path path) {
    p_.paths.push_back(std::move(path));
    return static_cast<uint32_t>(p_.paths.size() - 1);
  }

  // "var": "a.b", ["a.b", default], 1, null, "" or a computed path.
  uint32_t compile_var(const json& args, int depth) {
    const json* spec = &args;
    const json* fallback = nullptr;
    static const json kNull;
    if (args.is_array()) {
      spec = args.empty() ? &kNull : &args[0];
      if (args.size() > 1) fallback = &args[1];
    }
    Node n;
    n.op = Op::Var;
    std::vector<uint32_t> children;
    if (spec->is_object() && !spec->empty()) {
      n.flags |= kDynamic;
      const size_t mark = pointer_.size();
      if (args.is_array()) append_pointer(pointer_, "0");
      children.push_back(compile(*spec, depth + 1));
      pointer_.resize(mark);
      Path path;
      path.var_style = true;
      path.source = *spec;
      n.aux = add_path(std::move(path));
    } else {
      Path path;
      path.var_style = true;
      path.source = *spec;
      if (spec->is_string()) {
        path.steps = split_var_path(spec->get<std::string>());
      } else if (spec->is_number()) {
        path.steps = split_var_path(format_number(spec->get<double>()));
      } else if (!spec->is_null()) {
        fail_here(error_type::kInvalidArguments, "\"var\" takes a path string or number");
      }
      n.aux = add_path(std::move(path));
    }
    if (fallback) {
      n.flags |= kDefault;
      const size_t mark = pointer_.size();
      append_pointer(pointer_, "1");
      children.push_back(compile(*fallback, depth + 1));
      pointer_.resize(mark);
    }
    return add(n, children);
  }

  // "val" and "exists": a key, or a list of keys (each key literal, no dot splitting), the
  // list optionally starting with [n] to climb n scope levels; or a computed path.
  uint32_t compile_val(const json& args, int depth, Op op) {
    Node n;
    n.op = op;
    Path path;
    path.source = args;
    bool literal = true;
    if (args.is_array()) {
      for (size_t i = 0; i < args.size(); ++i) {
        const json& part = args[i];
        if (i == 0 && part.is_array() && part.size() == 1 && part[0].is_number()) {
          const double up = part[0].get<double>();
          path.scope_up = static_cast<uint32_t>(std::min(1e6, up < 0 ? -up : up));
        } else if (part.is_string()) {
          path.steps.push_back(make_step(part.get<std::string>()));
        } else if (part.is_number()) {
          path.steps.push_back(make_step(format_number(part.get<double>())));
        } else {
          literal = false;
        }
      }
    } else if (args.is_string()) {
      path.steps.push_back(make_step(args.get<std::string>()));
    } else if (args.is_number()) {
      path.steps.push_back(make_step(format_number(args.get<double>())));
    } else if (!args.is_null()) {
      literal = false;
    }
    if (literal) {
      n.aux = add_path(std::move(path));
      return add(n, {});
    }
    n.flags |= kDynamic;
    n.aux = add_path(Path{{}, 0, false, args});
    return add(n, {compile(args, depth + 1)});
  }

  Program& p_;
  const CompileOptions& options_;
  std::string pointer_;
};

}  // namespace

void compile_jsonlogic_into(Program& program, const json& rule, const CompileOptions& options) {
  program.limits = options.limits;
  Compiler compiler(program, options);
  program.root = compiler.compile(rule, 1);
  typecheck(program, options.declarations);
}

}  // namespace haoban::expr
