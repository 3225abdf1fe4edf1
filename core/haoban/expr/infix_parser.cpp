#include "haoban/expr/infix_parser.h"

#include <algorithm>
#include <cmath>
#include <utility>
#include <vector>

#include "haoban/expr/infix_lexer.h"
#include "haoban/expr/printer.h"

namespace haoban::expr {

namespace {

// A parsed subexpression: its JsonLogic and the positions inside it, by relative pointer.
struct Expr {
  json rule;
  std::vector<std::pair<std::string, SourceLocation>> positions;
  // A variable reference still being built by member access: its path parts.
  bool is_path = false;
  std::vector<json> path;  // strings and integers, or expressions for computed parts
  bool path_dynamic = false;
  int height = 1;  // nesting of the JsonLogic built so far, bounded by Limits::max_depth
};

std::string escape_token(std::string_view token) {
  std::string out;
  for (char c : token) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out += c;
    }
  }
  return out;
}

SourceLocation loc_of(const Token& t) { return SourceLocation{"", t.line, t.column}; }

class Parser {
 public:
  Parser(std::vector<Token> tokens, const Limits& limits)
      : t_(std::move(tokens)), limits_(limits) {}

  InfixParse run() {
    Expr e = parse(0);
    if (peek().kind != Tok::End)
      error(peek(), "unexpected '" + peek().text + "' after the expression");
    finish(e);
    InfixParse out;
    out.rule = std::move(e.rule);
    for (auto& [ptr, where] : e.positions) out.positions.emplace(ptr, where);
    return out;
  }

 private:
  const Token& peek() const { return t_[i_]; }
  const Token& next() { return t_[i_ == t_.size() - 1 ? i_ : i_++]; }
  bool is_punct(std::string_view p) const { return peek().kind == Tok::Punct && peek().text == p; }
  bool is_name(std::string_view n) const { return peek().kind == Tok::Name && peek().text == n; }

  [[noreturn]] void error(const Token& at, std::string message) {
    Error e{error_type::kSyntaxError, std::move(message), {}, nullptr};
    e.where.line = at.line;
    e.where.column = at.column;
    if (at.kind == Tok::End) e.message += " (at the end of the expression)";
    throw EvalFailure(std::move(e));
  }

  void expect(std::string_view p, const char* what) {
    if (!is_punct(p)) error(peek(), std::string("expected '") + std::string(p) + "' " + what);
    next();
  }

  // Turns a pending member chain into a variable read.
  void finish(Expr& e) {
    if (!e.is_path) return;
    e.is_path = false;
    if (!e.path_dynamic) {
      std::string dotted;
      for (size_t k = 0; k < e.path.size(); ++k) {
        if (k) dotted += '.';
        dotted += e.path[k].is_string() ? e.path[k].get<std::string>() : e.path[k].dump();
      }
      e.rule = {{"var", dotted}};
    } else {
      e.rule = {{"val", e.path}};
    }
    e.path.clear();
  }

  // Builds {op: [children…]} and moves the children's positions under it.
  Expr make(const std::string& op, std::vector<Expr> kids, const SourceLocation& where) {
    Expr out;
    json args = json::array();
    out.positions.emplace_back("", where);
    out.positions.emplace_back("/" + escape_token(op), where);
    for (size_t k = 0; k < kids.size(); ++k) {
      finish(kids[k]);
      const std::string prefix = "/" + escape_token(op) + "/" + std::to_string(k);
      for (auto& [ptr, loc] : kids[k].positions) out.positions.emplace_back(prefix + ptr, loc);
      args.push_back(std::move(kids[k].rule));
    }
    out.rule = {{op, std::move(args)}};
    for (const Expr& k : kids) out.height = std::max(out.height, k.height + 2);
    if (out.height > limits_.max_depth) {
      Error e{
          error_type::kNestingTooDeep,
          "the expression is nested deeper than " + std::to_string(limits_.max_depth) + " levels",
          {"", where.line, where.column},
          nullptr};
      throw EvalFailure(std::move(e));
    }
    return out;
  }

  static int infix_power(const Token& t) {
    if (t.kind == Tok::Name) return t.text == "in" ? 60 : -1;
    if (t.kind != Tok::Punct) return -1;
    const std::string& p = t.text;
    if (p == "?") return 10;
    if (p == "??") return 20;
    if (p == "||") return 30;
    if (p == "&&") return 40;
    if (p == "==" || p == "!=" || p == "===" || p == "!==") return 50;
    if (p == "<" || p == "<=" || p == ">" || p == ">=") return 60;
    if (p == "+" || p == "-") return 70;
    if (p == "*" || p == "/" || p == "%") return 80;
    if (p == "." || p == "[" || p == "(") return 100;
    return -1;
  }

  static std::string jsonlogic_op(const std::string& p) {
    if (p == "==") return "===";  // infix equality is strict: no type coercion
    if (p == "!=") return "!==";
    if (p == "&&") return "and";
    if (p == "||") return "or";
    return p;
  }

  Expr parse(int min_power) {
    if (++depth_ > limits_.max_depth) {
      Error e{
          error_type::kNestingTooDeep,
          "the expression is nested deeper than " + std::to_string(limits_.max_depth) + " levels",
          {"", peek().line, peek().column},
          nullptr};
      throw EvalFailure(std::move(e));
    }
    Expr left = parse_prefix();
    while (true) {
      const Token& op = peek();
      const int power = infix_power(op);
      if (power < 0 || power <= min_power) break;
      const Token tok = next();
      const SourceLocation where = loc_of(tok);
      if (tok.text == ".") {
        if (!left.is_path)
          error(tok, "member access (.name) only applies to names, as in applicant.birthDate");
        if (peek().kind != Tok::Name) error(peek(), "expected a name after '.'");
        left.path.push_back(next().text);
      } else if (tok.text == "[") {
        if (!left.is_path) error(tok, "indexing ([…]) only applies to names, as in family[0].name");
        Expr index = parse(0);
        expect("]", "to close the index");
        finish(index);
        if (index.rule.is_number_unsigned() || index.rule.is_number_integer()) {
          left.path.push_back(index.rule);
        } else if (index.rule.is_string() &&
                   index.rule.get<std::string>().find('.') == std::string::npos) {
          left.path.push_back(index.rule);
        } else {
          left.path_dynamic = true;
          left.path.push_back(index.rule);
          for (auto& [ptr, loc] : index.positions) {
            left.positions.emplace_back("/val/" + std::to_string(left.path.size() - 1) + ptr, loc);
          }
        }
      } else if (tok.text == "(") {
        error(tok, "only names can be called, as in age(birthDate)");
      } else if (tok.text == "?") {
        Expr then = parse(0);
        expect(":", "in a ? b : c");
        Expr otherwise = parse(power - 1);  // right-associative: a ? b : c ? d : e
        std::vector<Expr> kids;
        kids.push_back(std::move(left));
        kids.push_back(std::move(then));
        kids.push_back(std::move(otherwise));
        left = make("if", std::move(kids), where);
      } else {
        Expr right = parse(power);
        const std::string name = jsonlogic_op(tok.text);
        // a && b && c is one "and" with three arguments (likewise ||, +, *, ??): each of
        // these is associative, so this changes nothing but the rule's readability.
        finish(left);
        if ((name == "and" || name == "or" || name == "+" || name == "*" || name == "??") &&
            left.rule.is_object() && left.rule.size() == 1 && left.rule.begin().key() == name &&
            left.rule.begin().value().is_array()) {
          finish(right);
          json& args = left.rule.begin().value();
          const std::string prefix = "/" + escape_token(name) + "/" + std::to_string(args.size());
          for (auto& [ptr, loc] : right.positions) left.positions.emplace_back(prefix + ptr, loc);
          left.height = std::max(left.height, right.height + 2);
          args.push_back(std::move(right.rule));
          continue;
        }
        std::vector<Expr> kids;
        kids.push_back(std::move(left));
        kids.push_back(std::move(right));
        left = make(name, std::move(kids), where);
      }
    }
    --depth_;
    return left;
  }

  Expr parse_prefix() {
    const Token tok = next();
    const SourceLocation where = loc_of(tok);
    Expr e;
    e.positions.emplace_back("", where);
    switch (tok.kind) {
      case Tok::Number: {
        const double n = tok.number;
        // Range first: converting a double outside int64's range (1e308) is undefined.
        if (std::abs(n) < 9e15 && n == static_cast<double>(static_cast<int64_t>(n))) {
          e.rule = static_cast<int64_t>(n);
        } else {
          e.rule = n;
        }
        return e;
      }
      case Tok::String:
        e.rule = tok.text;
        return e;
      case Tok::Name:
        return parse_name(tok, where);
      case Tok::End:
        error(tok, "expected an expression");
      case Tok::Punct:
        break;
    }
    if (tok.text == "(") {
      Expr inner = parse(0);
      expect(")", "to close '('");
      finish(inner);
      return inner;
    }
    if (tok.text == "[") {
      std::vector<Expr> items;
      if (!is_punct("]")) {
        while (true) {
          items.push_back(parse(0));
          if (is_punct(",")) {
            next();
            if (is_punct("]")) break;  // a trailing comma
            continue;
          }
          break;
        }
      }
      expect("]", "to close the array");
      json arr = json::array();
      for (size_t k = 0; k < items.size(); ++k) {
        finish(items[k]);
        for (auto& [ptr, loc] : items[k].positions) {
          e.positions.emplace_back("/" + std::to_string(k) + ptr, loc);
        }
        arr.push_back(std::move(items[k].rule));
      }
      e.rule = std::move(arr);
      for (const Expr& k : items) e.height = std::max(e.height, k.height + 1);
      return e;
    }
    if (tok.text == "!" || tok.text == "-") {
      Expr operand = parse(90);
      finish(operand);
      if (tok.text == "-" && operand.rule.is_number()) {
        operand.rule = operand.rule.is_number_float() ? json(-operand.rule.get<double>())
                                                      : json(-operand.rule.get<int64_t>());
        operand.positions = {{"", where}};
        return operand;
      }
      std::vector<Expr> kids;
      kids.push_back(std::move(operand));
      return make(tok.text, std::move(kids), where);
    }
    error(tok, "unexpected '" + tok.text + "'");
  }

  Expr parse_name(const Token& tok, const SourceLocation& where) {
    Expr e;
    e.positions.emplace_back("", where);
    if (tok.text == "true" || tok.text == "false") {
      e.rule = tok.text == "true";
      return e;
    }
    if (tok.text == "null") {
      e.rule = nullptr;
      return e;
    }
    if (tok.text == "in") error(tok, "'in' needs a value on its left");
    if (is_punct("(")) {
      next();
      std::vector<Expr> args;
      if (!is_punct(")")) {
        while (true) {
          args.push_back(parse(0));
          if (!is_punct(",")) break;
          next();
        }
      }
      expect(")", "to close the call");
      if (tok.text == "preserve") {
        // preserve() keeps its arguments as data. An operator or a name inside would be kept
        // as JsonLogic objects, which no infix literal can write back (a fuzz finding: the
        // printed rule did not compile): in infix it takes literals only.
        for (Expr& arg : args) {
          finish(arg);
          if (has_object(arg.rule)) {
            error(tok, "preserve() takes literal values (numbers, strings, arrays of them)");
          }
        }
      }
      return make(tok.text, std::move(args), where);
    }
    e.is_path = true;
    e.path.push_back(tok.text);
    e.positions.emplace_back("/var", where);
    e.positions.emplace_back("/val", where);
    return e;
  }

  std::vector<Token> t_;
  size_t i_ = 0;
  const Limits& limits_;
  int depth_ = 0;
};

}  // namespace

InfixParse parse_infix(std::string_view source, const Limits& limits) {
  if (source.size() > limits.max_source_bytes) {
    throw EvalFailure(Error{error_type::kStringTooLong, "the expression is too long", {}, nullptr});
  }
  return Parser(tokenize(source), limits).run();
}

}  // namespace haoban::expr
