#include "haoban/expr/explain.h"

#include "haoban/expr/error.h"
#include "haoban/expr/evaluator.h"
#include "haoban/expr/printer.h"

namespace haoban::expr {

namespace {

std::string show(const Value& v) {
  const json j = to_json(v);
  std::string s = j.dump();
  if (s.size() > 80) s = s.substr(0, 77) + "...";  // reasons stay readable with huge values
  return s;
}

const char* zh_op(const std::string& op) {
  if (op == "==" || op == "===") return "等于";
  if (op == "!=" || op == "!==") return "不等于";
  if (op == "<") return "小于";
  if (op == "<=") return "不大于";
  if (op == ">") return "大于";
  if (op == ">=") return "不小于";
  if (op == "in") return "属于";
  return op.c_str();
}

std::string infix_op(const std::string& op) {
  if (op == "===") return "==";
  if (op == "!==") return "!=";
  return op;
}

class Explainer {
 public:
  Explainer(const Program& p, Evaluator& ev) : p_(p), ev_(ev) {}

  json reason(uint32_t index, int depth) {
    const Node& n = p_.nodes[index];
    json r;
    r["expr"] = to_infix(p_, index);
    const std::string op = n.op == Op::Const ? "value" : op_name(p_, n);
    r["op"] = op;
    if (depth > 32) return leaf(r, index);  // explanations stop deep inside big rules
    switch (n.op) {
      case Op::And:
      case Op::Or: {
        const bool is_and = n.op == Op::And;
        json because = json::array();
        Value last = Value::of(false);
        for (uint32_t k = 0; k < n.count; ++k) {
          const uint32_t child = p_.child(n, k);
          last = ev_.eval(child);
          const bool t = truthy(last);
          if (is_and != t) {  // the deciding part: a false one in "and", a true one in "or"
            because = json::array({reason(child, depth + 1)});
            break;
          }
          because.push_back(reason(child, depth + 1));
        }
        r["value"] = to_json(last);
        r["passed"] = truthy(last);
        r["because"] = std::move(because);
        const bool passed = truthy(last);
        r["en"] = std::string(is_and ? (passed ? "all of these hold" : "this does not hold")
                                     : (passed ? "this holds" : "none of these holds"));
        r["zh"] = std::string(is_and ? (passed ? "以下条件均满足" : "以下条件不满足")
                                     : (passed ? "以下条件满足" : "以下条件均不满足"));
        return r;
      }
      case Op::Not: {
        const uint32_t child = p_.child(n, 0);
        json inner = reason(child, depth + 1);
        const bool passed = !inner.value("passed", false);
        r["value"] = passed;
        r["passed"] = passed;
        r["because"] = json::array({std::move(inner)});
        r["en"] = passed ? "the condition below does not hold, as required"
                         : "the condition below holds, but must not";
        r["zh"] = passed ? "下列条件不成立（符合要求）" : "下列条件成立，但要求其不成立";
        return r;
      }
      case Op::If: {
        json because = json::array();
        uint32_t k = 0;
        for (; k + 1 < n.count; k += 2) {
          const uint32_t cond = p_.child(n, k);
          const bool t = truthy(ev_.eval(cond));
          because.push_back(reason(cond, depth + 1));
          if (t) break;
        }
        const uint32_t chosen =
            k + 1 < n.count ? p_.child(n, k + 1) : (k < n.count ? p_.child(n, k) : UINT32_MAX);
        if (chosen != UINT32_MAX) because.push_back(reason(chosen, depth + 1));
        const Value v = ev_.eval(index);
        r["value"] = to_json(v);
        r["passed"] = truthy(v);
        r["because"] = std::move(because);
        r["en"] = "the branch chosen by the condition";
        r["zh"] = "按条件选择的分支";
        return r;
      }
      case Op::Eq:
      case Op::Ne:
      case Op::StrictEq:
      case Op::StrictNe:
      case Op::Lt:
      case Op::Le:
      case Op::Gt:
      case Op::Ge:
      case Op::In:
        if (n.count == 2 && !(n.flags & kSpread)) return comparison(r, n, index, op);
        return leaf(r, index);
      default:
        return leaf(r, index);
    }
  }

 private:
  json leaf(json& r, uint32_t index) {
    const Value v = ev_.eval(index);
    r["value"] = to_json(v);
    r["passed"] = truthy(v);
    r["en"] = r["expr"].get<std::string>() + " = " + show(v);
    r["zh"] = r["expr"].get<std::string>() + " 为 " + show(v);
    return r;
  }

  // "age(birthDate) = 17, needs >= 18" / "age(birthDate) 为 17，要求不小于 18".
  json comparison(json& r, const Node& n, uint32_t index, const std::string& op) {
    const uint32_t li = p_.child(n, 0), ri = p_.child(n, 1);
    const Value left = ev_.eval(li);
    const Value right = ev_.eval(ri);
    const Value result = ev_.eval(index);
    const std::string le = to_infix(p_, li), re = to_infix(p_, ri);
    r["value"] = to_json(result);
    r["passed"] = truthy(result);
    r["operands"] = json::array(
        {{{"expr", le}, {"value", to_json(left)}}, {{"expr", re}, {"value", to_json(right)}}});
    const bool right_literal = p_.nodes[ri].op == Op::Const;
    const std::string sym = infix_op(op);
    std::string en = le + " = " + show(left);
    std::string zh = le + " 为 " + show(left);
    if (!right_literal) {
      en += ", " + re + " = " + show(right);
      zh += "，" + re + " 为 " + show(right);
    }
    const bool passed = truthy(result);
    en += passed ? ", so " : ", needs ";
    zh += passed ? "，满足" : "，要求";
    en += sym + " " + (right_literal ? show(right) : re);
    zh += std::string(zh_op(op)) + " " + (right_literal ? show(right) : re);
    r["en"] = en;
    r["zh"] = zh;
    return r;
  }

  const Program& p_;
  Evaluator& ev_;
};

}  // namespace

json explain(const Program& program, const json& data, const EvalEnv& env,
             std::string_view rule_id) {
  json out;
  out["id"] = std::string(rule_id);
  try {
    Evaluator ev(program);
    ev.begin(data, env);
    Explainer explainer(program, ev);
    json r = explainer.reason(program.root, 0);
    out["ok"] = true;
    out["value"] = r["value"];
    out["reason"] = std::move(r);
  } catch (const EvalFailure& failure) {
    out["ok"] = false;
    out["error"] = to_json(failure.error());
  } catch (const std::bad_alloc&) {
    out["ok"] = false;
    out["error"] = {{"type", error_type::kArrayTooLong}, {"message", "out of memory"}};
  }
  return out;
}

}  // namespace haoban::expr
