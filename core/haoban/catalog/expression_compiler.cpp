#include "haoban/catalog/expression_compiler.h"

#include <algorithm>

#include "haoban/catalog/model.h"
#include "haoban/ids/divisions.h"

namespace haoban::catalog {

namespace {

using expr::Node;
using expr::Op;
using expr::Program;

// Walks a compiled program once, collecting the variables it reads and checking each name.
class NameChecker {
 public:
  NameChecker(const Program& program, const NameScope& scope, const std::string& path,
              Expression* out, std::vector<LoadError>* errors)
      : program_(program), scope_(scope), path_(path), out_(out), errors_(errors) {}

  bool run() {
    walk(program_.root, false);
    auto tidy = [](std::vector<std::string>& v) {
      std::sort(v.begin(), v.end());
      v.erase(std::unique(v.begin(), v.end()), v.end());
    };
    tidy(out_->reads);
    tidy(out_->row_reads);
    return ok_;
  }

 private:
  void error(const std::string& code, const std::string& zh, const std::string& en) {
    errors_->push_back({path_, code, zh, en, {}});
    ok_ = false;
  }

  static bool is_iterator(Op op) {
    return op == Op::Map || op == Op::Filter || op == Op::Reduce || op == Op::All ||
           op == Op::Some || op == Op::None;
  }

  // inner: inside an iterator's per-element expression, where names are the element's.
  void walk(uint32_t index, bool inner) {
    const Node& node = program_.node(index);
    if (node.op == Op::Var || node.op == Op::Val || node.op == Op::Exists) {
      if (node.flags & expr::kDynamic) {
        if (!inner) out_->reads_everything = true;
      } else if (!inner) {
        check_path(program_.paths[node.aux]);
      }
    } else if (node.op == Op::Call) {
      check_division_literals(node);
    }
    for (uint32_t k = 0; k < node.count; ++k) {
      // An iterator's first argument (and reduce's initial value) is in the outer scope.
      const bool element_scope = is_iterator(node.op) && k == 1;
      walk(program_.child(node, k), inner || element_scope);
    }
  }

  void check_path(const expr::Path& path) {
    if (path.scope_up > 0) return;  // val reaching outward from an iterator: not a form name
    if (path.steps.empty()) {
      out_->reads_everything = true;  // the whole data object
      return;
    }
    const std::string& head = path.steps[0].key;
    const auto* fields = scope_.form_fields;
    if (head == "applicant") {
      if (path.steps.size() < 2) return;
      const std::string name = "applicant." + path.steps[1].key;
      if (!scope_.catalog || !scope_.catalog->profile_field(name))
        error("unknown_profile_field", "表达式引用了未声明的申请人信息 " + name,
              "the expression reads " + name + ", which profileFields does not declare");
      return;
    }
    if (head == "licences") {
      if (path.steps.size() < 2) return;
      const std::string& type = path.steps[1].key;
      const LicenceType* licence = scope_.catalog ? scope_.catalog->licence_type(type) : nullptr;
      if (!licence) {
        error("unknown_licence_type", "表达式引用了未知的电子证照类型 " + type,
              "the expression reads licences." + type + ", an unknown licence type");
        return;
      }
      if (path.steps.size() >= 3) {
        const std::string& field = path.steps[2].key;
        const bool known = std::any_of(licence->fields.begin(), licence->fields.end(),
                                       [&](const LicenceField& f) { return f.id == field; });
        if (!known)
          error("unknown_licence_field", "电子证照 " + type + " 没有字段 " + field,
                "licence type " + type + " has no field " + field);
      }
      return;
    }
    if (head == "row") {
      if (!scope_.row_fields) {
        error("row_outside_group", "row.* 只能在重复组内使用",
              "row.* may only be used inside a repeating group");
        return;
      }
      if (path.steps.size() < 2) {
        out_->reads_everything = true;
        return;
      }
      const std::string& id = path.steps[1].key;
      if (!scope_.row_fields->count(id))
        error("unknown_row_field", "重复组中没有字段 " + id, "the group has no field " + id);
      else
        out_->row_reads.push_back(id);
      return;
    }
    std::string id = head;
    if (head == "form" && fields) {
      if (path.steps.size() < 2) {
        out_->reads_everything = true;
        return;
      }
      id = path.steps[1].key;
      out_->form_prefix = true;
    }
    if (fields && fields->count(id)) {
      out_->reads.push_back(id);
      return;
    }
    error("unknown_name", "表达式引用了未知的名称 " + id,
          fields ? "the expression reads " + id + ", which is not a field of this form"
                 : "the expression reads " + id +
                       "; only applicant.* and licences.* are in scope here");
  }

  // Literal codes given to division_contains / division_name must be in the division table.
  void check_division_literals(const Node& node) {
    const auto& def = expr::function_at(node.aux);
    if (def.name != "division_contains" && def.name != "division_name") return;
    for (uint32_t k = 0; k < node.count; ++k) {
      const Node& arg = program_.node(program_.child(node, k));
      if (arg.op != Op::Const) continue;
      const auto& value = program_.constants[arg.aux];
      if (!value.is_string()) continue;
      const std::string code = value.get<std::string>();
      if (!ids::find_division(code))
        error("unknown_division", "行政区划代码 " + code + " 不在 GB/T 2260 区划表中",
              "division code " + code + " is not in the GB/T 2260 table");
    }
  }

  const Program& program_;
  const NameScope& scope_;
  const std::string& path_;
  Expression* out_;
  std::vector<LoadError>* errors_;
  bool ok_ = true;
};

}  // namespace

bool compile_expression(const nlohmann::json& source, const std::string& path,
                        const NameScope& scope, Expression* out, std::vector<LoadError>* errors) {
  *out = Expression{};
  out->json_path = path;
  expr::Compiled compiled;
  if (source.is_string() && scope.cache) {
    const std::string& text = source.get_ref<const std::string&>();
    auto it = scope.cache->by_source.find(text);
    if (it == scope.cache->by_source.end())
      it = scope.cache->by_source.emplace(text, expr::compile_infix(text)).first;
    compiled = it->second;
  } else {
    compiled = source.is_string() ? expr::compile_infix(source.get_ref<const std::string&>())
                                  : expr::compile_jsonlogic(source);
  }
  if (!compiled.ok()) {
    std::string where = path;
    // A JsonLogic rule's error carries a JSON pointer inside the rule; an infix one a line/column.
    if (!source.is_string() && !compiled.error.where.json_path.empty() &&
        compiled.error.where.json_path != "/")
      where += compiled.error.where.json_path;  // a JSON pointer inside a JsonLogic rule
    std::string detail = compiled.error.type + ": " + compiled.error.message;
    if (compiled.error.where.line > 0)
      detail += " (line " + std::to_string(compiled.error.where.line) + ", column " +
                std::to_string(compiled.error.where.column) + ")";
    errors->push_back({where,
                       "bad_expression",
                       "表达式无法编译：" + detail,
                       "the expression does not compile: " + detail,
                       {}});
    return false;
  }
  NameChecker checker(*compiled.program, scope, path, out, errors);
  if (!checker.run()) return false;
  out->program = std::move(compiled.program);
  return true;
}

bool compile_flag(const nlohmann::json& source, const std::string& path, const NameScope& scope,
                  bool default_value, Flag* out, std::vector<LoadError>* errors) {
  *out = Flag(default_value);
  if (source.is_null()) return true;
  if (source.is_boolean()) {
    out->value = source.get<bool>();
    return true;
  }
  return compile_expression(source, path, scope, &out->expr, errors);
}

nlohmann::json to_json(const LoadError& error) {
  nlohmann::json out = {
      {"path", error.path}, {"code", error.code}, {"zh", error.zh}, {"en", error.en}};
  if (!error.item.empty()) out["item"] = error.item;
  return out;
}

}  // namespace haoban::catalog
