#include "haoban/catalog/form_compiler.h"

#include <algorithm>
#include <functional>
#include <unordered_set>

#include "haoban/catalog/expression_compiler.h"
#include "haoban/catalog/json_reader.h"
#include "haoban/catalog/value_types.h"
#include "haoban/ids/divisions.h"
#include "haoban/time/civil_date.h"

namespace haoban::catalog {

namespace {

using nlohmann::json;

const std::unordered_set<std::string> kReservedIds = {
    "applicant", "licences", "row", "form", "today", "true", "false", "null", "in"};

class FormCompiler {
 public:
  FormCompiler(const Catalog& catalog, const Item& item, std::vector<LoadError>* errors)
      : catalog_(catalog), item_(item), r_(errors) {
    r_.set_item(item.id);
  }

  std::shared_ptr<const Form> run(const json& form_json, const json& materials_json) {
    const size_t errors_before = r_.error_count();
    auto form = std::make_shared<Form>();
    const std::string base = item_.json_path + ".form";
    if (!form_json.is_object()) {
      r_.error(base, "wrong_type", "form 应为对象", "form must be an object");
      return nullptr;
    }
    const json& pages = r_.array(form_json, "pages", base, true, kMaxPages);
    if (pages.empty() && form_json.contains("pages"))
      r_.error(base + ".pages", "empty", "表单至少要有一页", "a form needs at least one page");

    collect_ids(pages, base + ".pages");
    collect_materials(materials_json);

    NameScope scope{&catalog_, &top_ids_, nullptr, nullptr};
    std::unordered_set<std::string> page_ids;
    for (size_t p = 0; p < pages.size(); ++p) {
      const std::string ppath = JsonReader::index_path(base + ".pages", p);
      const json& pj = pages[p];
      Page page;
      page.id = r_.string(pj, "id", ppath, true);
      if (!page.id.empty() && r_.check_id(page.id, ppath + ".id") &&
          !page_ids.insert(page.id).second)
        r_.error(ppath + ".id", "duplicate_page", "页面标识重复：" + page.id,
                 "duplicate page id " + page.id);
      page.title = r_.text(pj, "title", ppath, true);
      if (const auto* v = r_.member(pj, "visible", ppath, false))
        compile_flag(*v, ppath + ".visible", scope, true, &page.visible, r_.errors());
      const json& fields = r_.array(pj, "fields", ppath, true, kMaxFieldsPerPage);
      for (size_t f = 0; f < fields.size(); ++f) {
        const std::string fpath = JsonReader::index_path(ppath + ".fields", f);
        Field field;
        if (!read_field(fields[f], fpath, scope, nullptr, &field)) continue;
        field.page = static_cast<int>(p);
        if (form->field_index.count(field.id)) continue;  // duplicate already reported
        page.fields.push_back(static_cast<int>(form->fields.size()));
        form->field_index.emplace(field.id, static_cast<int>(form->fields.size()));
        form->fields.push_back(std::move(field));
      }
      form->pages.push_back(std::move(page));
    }

    const json& rules = r_.array(form_json, "rules", base, false, kMaxRules);
    read_rules(rules, base + ".rules", scope, top_ids_, &form->rules);

    form->materials = std::move(materials_);
    compile_material_whens(materials_json, scope, form.get());
    check_cycles(*form, base);

    form->uses_form_prefix = uses_form_prefix_;
    if (r_.error_count() != errors_before) return nullptr;
    return form;
  }

 private:
  // Field ids first: expressions may name fields that appear later in the document.
  void collect_ids(const json& pages, const std::string& base) {
    std::unordered_set<std::string> all;
    size_t count = 0;
    auto note = [&](const json& f, const std::string& path, std::unordered_set<std::string>* into) {
      if (!f.is_object() || !f.contains("id") || !f["id"].is_string()) return;
      const std::string id = f["id"].get<std::string>();
      if (++count > kMaxFieldsPerForm) {
        if (count == kMaxFieldsPerForm + 1)
          r_.error(path, "too_many", "表单字段过多", "too many fields in one form");
        return;
      }
      if (!r_.check_id(id, path + ".id")) return;
      if (kReservedIds.count(id)) {
        r_.error(path + ".id", "reserved_id", "字段标识 " + id + " 是保留字",
                 "field id " + id + " is reserved");
        return;
      }
      if (!all.insert(id).second) {
        r_.error(
            path + ".id", "duplicate_field", "字段标识重复：" + id,
            "duplicate field id " + id + " (ids are unique in the whole form, groups included)");
        return;
      }
      into->insert(id);
    };
    if (!pages.is_array()) return;
    for (size_t p = 0; p < pages.size(); ++p) {
      if (!pages[p].is_object() || !pages[p].contains("fields") || !pages[p]["fields"].is_array())
        continue;
      const json& fields = pages[p]["fields"];
      const std::string fbase = JsonReader::index_path(base, p) + ".fields";
      for (size_t f = 0; f < fields.size(); ++f) {
        const std::string path = JsonReader::index_path(fbase, f);
        note(fields[f], path, &top_ids_);
        if (fields[f].is_object() && JsonReader::optional(fields[f], "type") == "group" &&
            fields[f].contains("fields") && fields[f]["fields"].is_array()) {
          const json& id = JsonReader::optional(fields[f], "id");
          auto& rows = row_ids_[id.is_string() ? id.get<std::string>() : std::string()];
          const json& children = fields[f]["fields"];
          for (size_t c = 0; c < children.size(); ++c)
            note(children[c], JsonReader::index_path(path + ".fields", c), &rows);
        }
      }
    }
  }

  void collect_materials(const json& materials) {
    const std::string base = item_.json_path + ".materials";
    if (!materials.is_array()) {
      r_.error(base, materials.is_null() ? "missing" : "wrong_type", "materials 应为数组",
               "materials must be an array");
      return;
    }
    if (materials.size() > kMaxMaterials) {
      r_.error(base, "too_many", "材料过多", "too many materials");
      return;
    }
    for (size_t i = 0; i < materials.size(); ++i) {
      const std::string path = JsonReader::index_path(base, i);
      const json& mj = materials[i];
      Material m;
      m.id = r_.string(mj, "id", path, true);
      if (!m.id.empty() && r_.check_id(m.id, path + ".id") && !material_ids_.insert(m.id).second)
        r_.error(path + ".id", "duplicate_material", "材料标识重复：" + m.id,
                 "duplicate material id " + m.id);
      m.name = r_.text(mj, "name", path, true);
      m.kind = static_cast<int>(r_.integer(mj, "kind", path, true, 1, 3).value_or(1));
      m.form = r_.string(mj, "form", path, true);
      if (!m.form.empty()) r_.one_of(m.form, {"纸质", "电子", "纸质+电子"}, path + ".form");
      m.originals = static_cast<int>(r_.integer(mj, "originals", path, true, 0, 100).value_or(0));
      m.copies = static_cast<int>(r_.integer(mj, "copies", path, true, 0, 100).value_or(0));
      m.necessity = r_.string(mj, "necessity", path, true);
      if (!m.necessity.empty())
        r_.one_of(m.necessity, {"必要", "非必要", "容缺后补"}, path + ".necessity");
      const auto deferral = r_.integer(mj, "deferralWorkingDays", path, false, 1, 365);
      if (m.necessity == "容缺后补" && !deferral)
        r_.error(path + ".deferralWorkingDays", "missing", "容缺后补材料须写明补交期限（工作日）",
                 "a 容缺后补 material needs deferralWorkingDays");
      if (m.necessity != "容缺后补" && mj.contains("deferralWorkingDays"))
        r_.error(path + ".deferralWorkingDays", "not_allowed", "只有容缺后补材料才有补交期限",
                 "only 容缺后补 materials have deferralWorkingDays");
      m.deferral_working_days = static_cast<int>(deferral.value_or(0));
      m.source = r_.string(mj, "source", path, true);
      if (!m.source.empty())
        r_.one_of(m.source, {"申请人自备", "政府部门核发", "其他"}, path + ".source");
      m.issuer = JsonReader::optional(mj, "issuer");
      m.share_key = r_.string(mj, "shareKey", path, false);
      m.acceptance = JsonReader::optional(mj, "acceptance");
      m.notes = JsonReader::optional(mj, "notes");
      if (const auto* rb = r_.member(mj, "replaceBy", path, false)) {
        const std::string rpath = path + ".replaceBy";
        m.replace_by_licence = r_.string(*rb, "licence", rpath, false);
        m.replace_by_commitment = r_.string(*rb, "commitment", rpath, false);
        if (!m.replace_by_licence.empty() && !catalog_.licence_type(m.replace_by_licence))
          r_.error(rpath + ".licence", "unknown_licence_type",
                   "未知的电子证照类型 " + m.replace_by_licence,
                   "unknown licence type " + m.replace_by_licence);
        if (!m.replace_by_commitment.empty())
          check_commitment(m.replace_by_commitment, rpath + ".commitment");
      }
      materials_.push_back(std::move(m));
    }
  }

  void check_commitment(const std::string& id, const std::string& path) {
    const CommitmentTemplate* t = catalog_.commitment_template(id);
    if (!t) {
      r_.error(path, "unknown_commitment", "未知的告知承诺模板 " + id,
               "unknown commitment template " + id);
      return;
    }
    for (const auto& d : item_.domains)
      if (std::find(t->restricted_domains.begin(), t->restricted_domains.end(), d) !=
          t->restricted_domains.end())
        r_.error(path, "commitment_restricted",
                 "告知承诺模板 " + id + " 不适用于涉及“" + d + "”领域的事项",
                 "commitment template " + id + " is not allowed in an item of the domain " + d);
  }

  void compile_material_whens(const json& materials, const NameScope& scope, Form* form) {
    if (!materials.is_array() || materials.size() > kMaxMaterials) return;
    for (size_t i = 0; i < materials.size() && i < form->materials.size(); ++i) {
      if (!materials[i].is_object() || !materials[i].contains("when")) continue;
      compile_expression(materials[i]["when"],
                         JsonReader::index_path(item_.json_path + ".materials", i) + ".when", scope,
                         &form->materials[i].when, r_.errors());
      note_form_prefix(form->materials[i].when);
    }
  }

  void note_form_prefix(const Expression& e) {
    // The session mirrors values under "form" only when some expression says form.x.
    if (e.form_prefix || e.reads_everything) uses_form_prefix_ = true;
  }

  bool read_field(const json& fj, const std::string& path, const NameScope& scope,
                  const std::unordered_set<std::string>* row_ids, Field* out) {
    if (!fj.is_object()) {
      r_.error(path, "wrong_type", "字段应为对象", "a field must be an object");
      return false;
    }
    Field& f = *out;
    f.json_path = path;
    f.id = r_.string(fj, "id", path, true);
    const std::string type_name = r_.string(fj, "type", path, true);
    if (f.id.empty() || type_name.empty()) return false;
    const auto type = field_type_from_name(type_name);
    if (!type) {
      r_.error(path + ".type", "unknown_field_type", "未知的字段类型 " + type_name,
               "unknown field type " + type_name);
      return false;
    }
    f.type = *type;
    if (f.is_group() && row_ids) {
      r_.error(path + ".type", "nested_group", "重复组不能嵌套",
               "repeating groups cannot be nested");
      return false;
    }
    f.label = r_.text(fj, "label", path, true);
    f.hint = JsonReader::optional(fj, "hint");
    compile_flag(JsonReader::optional(fj, "required"), path + ".required", scope, false,
                 &f.required, r_.errors());
    compile_flag(JsonReader::optional(fj, "visible"), path + ".visible", scope, true, &f.visible,
                 r_.errors());
    compile_flag(JsonReader::optional(fj, "enabled"), path + ".enabled", scope, true, &f.enabled,
                 r_.errors());
    compile_flag(JsonReader::optional(fj, "readonly"), path + ".readonly", scope, false,
                 &f.readonly, r_.errors());
    for (const Flag* flag : {&f.required, &f.visible, &f.enabled, &f.readonly})
      note_form_prefix(flag->expr);
    if (fj.contains("computed")) {
      compile_expression(fj["computed"], path + ".computed", scope, &f.computed, r_.errors());
      note_form_prefix(f.computed);
    }
    f.share_key = r_.string(fj, "shareKey", path, false);
    f.former_ids = r_.strings(fj, "formerIds", path, false, 50);

    if (f.is_group()) return read_group(fj, path, scope, out);

    // Options.
    const json& options = r_.array(fj, "options", path,
                                   f.type == FieldType::select || f.type == FieldType::radio ||
                                       f.type == FieldType::multiselect,
                                   kMaxOptions);
    std::unordered_set<std::string> codes;
    for (size_t i = 0; i < options.size(); ++i) {
      const std::string opath = JsonReader::index_path(path + ".options", i);
      Option o;
      o.code = r_.string(options[i], "code", opath, true);
      if (!o.code.empty() && !codes.insert(o.code).second)
        r_.error(opath + ".code", "duplicate_option", "选项代码重复：" + o.code,
                 "duplicate option code " + o.code);
      o.label.zh = r_.string(options[i], "zh", opath, true);
      o.label.en = r_.string(options[i], "en", opath, true);
      compile_flag(JsonReader::optional(options[i], "visible"), opath + ".visible", scope, true,
                   &o.visible, r_.errors());
      note_form_prefix(o.visible.expr);
      f.options.push_back(std::move(o));
    }

    // Text bounds and pattern.
    if (auto v = r_.integer(fj, "minLength", path, false, 0, 1 << 20)) f.min_length = *v;
    if (auto v = r_.integer(fj, "maxLength", path, false, 0, 1 << 20)) f.max_length = *v;
    if (fj.contains("pattern")) {
      const std::string pattern = r_.string(fj, "pattern", path, false);
      auto compiled = regex::compile(pattern);
      if (!compiled)
        r_.error(path + ".pattern", "bad_pattern", "正则表达式无效：" + compiled.error().message,
                 "bad pattern: " + compiled.error().message);
      else
        f.pattern = *compiled;
    }
    // Numeric and date bounds.
    f.integer = r_.boolean(fj, "integer", path, false);
    if (f.type == FieldType::date) {
      read_date_bound(fj, "min", path, scope, &f.min_date);
      read_date_bound(fj, "max", path, scope, &f.max_date);
    } else {
      f.min_number = r_.number(fj, "min", path);
      f.max_number = r_.number(fj, "max", path);
    }
    if (auto v = r_.integer(fj, "minItems", path, false, 0, kMaxOptions)) f.min_items = *v;
    if (auto v = r_.integer(fj, "maxItems", path, false, 0, kMaxOptions)) f.max_items = *v;

    // Division cascade.
    f.levels = r_.string(fj, "levels", path, false);
    if (!f.levels.empty()) r_.one_of(f.levels, {"province", "city", "district"}, path + ".levels");
    f.within = r_.string(fj, "within", path, false);
    if (!f.within.empty() && !ids::find_division(f.within))
      r_.error(path + ".within", "unknown_division", "行政区划代码 " + f.within + " 不在区划表中",
               "division " + f.within + " is not in the GB/T 2260 table");

    // Material slot.
    f.material = r_.string(fj, "material", path, f.type == FieldType::material);
    if (!f.material.empty() && !material_ids_.count(f.material))
      r_.error(path + ".material", "unknown_material", "事项没有材料 " + f.material,
               "the item has no material " + f.material);
    f.agreement_text = JsonReader::optional(fj, "agreementText");

    // Normalisation.
    f.normalize = default_normalization(f.type);
    if (fj.contains("normalize")) {
      f.normalize.clear();
      const auto steps = r_.strings(fj, "normalize", path, false, 10);
      for (size_t i = 0; i < steps.size(); ++i) {
        static const std::pair<const char*, NormalizeStep> kSteps[] = {
            {"fullwidth", NormalizeStep::fullwidth},
            {"trim", NormalizeStep::trim},
            {"collapse_spaces", NormalizeStep::collapse_spaces},
            {"upper", NormalizeStep::upper},
            {"lower", NormalizeStep::lower}};
        bool found = false;
        for (const auto& [name, step] : kSteps)
          if (steps[i] == name) {
            f.normalize.push_back(step);
            found = true;
          }
        if (!found)
          r_.error(JsonReader::index_path(path + ".normalize", i), "unknown_normalization",
                   "未知的规范化步骤 " + steps[i], "unknown normalisation step " + steps[i]);
      }
    }

    // Prefill.
    if (const auto* pf = r_.member(fj, "prefill", path, false)) {
      Prefill prefill;
      prefill.from = r_.string(*pf, "from", path + ".prefill", true);
      prefill.editable = r_.boolean(*pf, "editable", path + ".prefill", true);
      check_prefill_source(prefill.from, path + ".prefill.from");
      f.prefill = prefill;
    }

    // Rules on this field.
    const json& rules = r_.array(fj, "rules", path, false, kMaxRules);
    const auto& ids = row_ids ? *row_ids : top_ids_;
    read_rules(rules, path + ".rules", scope, ids, &f.rules);
    for (auto& rule : f.rules)
      if (rule.fields.empty()) rule.fields.push_back(f.id);

    // Default.
    if (fj.contains("default")) {
      f.default_value = fj["default"];
      if (!value_fits_type(f, f.default_value))
        r_.error(path + ".default", "bad_default", "默认值不符合字段类型 " + type_name,
                 "the default is not a valid " + type_name + " value");
    }
    return true;
  }

  bool read_group(const json& fj, const std::string& path, const NameScope& scope, Field* out) {
    Field& g = *out;
    g.row_label = r_.text(fj, "rowLabel", path, false);
    g.min_rows = static_cast<int>(r_.integer(fj, "min", path, false, 0, kMaxGroupRows).value_or(0));
    g.max_rows = static_cast<int>(
        r_.integer(fj, "max", path, true, 0, kMaxGroupRows).value_or(kMaxGroupRows));
    if (g.min_rows > g.max_rows)
      r_.error(path + ".min", "min_above_max", "重复组的最少行数大于最多行数",
               "the group's min is above its max");
    const auto& row_ids = row_ids_[g.id];
    NameScope row_scope{&catalog_, &top_ids_, &row_ids, nullptr};
    const json& fields = r_.array(fj, "fields", path, true, kMaxFieldsPerPage);
    std::unordered_set<std::string> seen;
    for (size_t i = 0; i < fields.size(); ++i) {
      Field child;
      if (!read_field(fields[i], JsonReader::index_path(path + ".fields", i), row_scope, &row_ids,
                      &child))
        continue;
      if (!seen.insert(child.id).second) continue;
      g.row_fields.push_back(std::move(child));
    }
    const json& rules = r_.array(fj, "rowRules", path, false, kMaxRules);
    read_rules(rules, path + ".rowRules", row_scope, row_ids, &g.row_rules);
    (void)scope;
    return true;
  }

  void read_date_bound(const json& fj, const char* key, const std::string& path,
                       const NameScope& scope, DateBound* out) {
    if (!fj.contains(key)) return;
    const json& v = fj[key];
    const std::string bpath = path + "." + key;
    if (v.is_string() && time::parse_iso(v.get_ref<const std::string&>())) {
      out->literal = v.get<std::string>();
      return;
    }
    compile_expression(v, bpath, scope, &out->expr, r_.errors());
    note_form_prefix(out->expr);
  }

  void check_prefill_source(const std::string& from, const std::string& path) {
    if (from.rfind("applicant.", 0) == 0) {
      if (!catalog_.profile_field(from))
        r_.error(path, "unknown_profile_field", "预填来源 " + from + " 未在 profileFields 中声明",
                 "prefill source " + from + " is not declared in profileFields");
      return;
    }
    if (from.rfind("licences.", 0) == 0) {
      const std::string rest = from.substr(9);
      const auto dot = rest.find('.');
      const std::string type = rest.substr(0, dot);
      const LicenceType* t = catalog_.licence_type(type);
      bool ok = t && dot != std::string::npos;
      if (ok) {
        const std::string field = rest.substr(dot + 1);
        ok = std::any_of(t->fields.begin(), t->fields.end(),
                         [&](const LicenceField& lf) { return lf.id == field; });
      }
      if (!ok)
        r_.error(path, "unknown_licence_field", "预填来源 " + from + " 不是已声明的电子证照字段",
                 "prefill source " + from + " is not a declared licence field");
      return;
    }
    r_.error(path, "bad_prefill", "预填来源应为 applicant.* 或 licences.<类型>.<字段>",
             "prefill must come from applicant.* or licences.<type>.<field>");
  }

  void read_rules(const json& rules, const std::string& base, const NameScope& scope,
                  const std::unordered_set<std::string>& target_ids, std::vector<Rule>* out) {
    std::unordered_set<std::string> seen;
    for (size_t i = 0; i < rules.size(); ++i) {
      const std::string path = JsonReader::index_path(base, i);
      const json& rj = rules[i];
      Rule rule;
      rule.json_path = path;
      rule.id = r_.string(rj, "id", path, true);
      if (!rule.id.empty() && r_.check_id(rule.id, path + ".id") && !seen.insert(rule.id).second)
        r_.error(path + ".id", "duplicate_rule", "规则标识重复：" + rule.id,
                 "duplicate rule id " + rule.id);
      rule.message = r_.text(rj, "message", path, true);
      const std::string severity = r_.string(rj, "severity", path, false);
      if (!severity.empty() && r_.one_of(severity, {"error", "warning"}, path + ".severity"))
        rule.warning = severity == "warning";
      rule.fields = r_.strings(rj, "fields", path, false, 100);
      for (size_t k = 0; k < rule.fields.size(); ++k)
        if (!target_ids.count(rule.fields[k]))
          r_.error(JsonReader::index_path(path + ".fields", k), "unknown_field",
                   "规则指向的字段不存在：" + rule.fields[k],
                   "the rule names no field " + rule.fields[k]);
      if (const auto* a = r_.member(rj, "assert", path, true)) {
        compile_expression(*a, path + ".assert", scope, &rule.assertion, r_.errors());
        note_form_prefix(rule.assertion);
      }
      out->push_back(std::move(rule));
    }
  }

  // A field whose visibility or value depends (through other fields) on itself can never
  // settle: reported at load so no session ever loops.
  void check_cycles(const Form& form, const std::string& base) {
    const size_t n = form.fields.size();
    std::vector<std::vector<int>> deps(n);  // field → fields its value depends on
    auto add = [&](int to, const Expression& e) {
      for (const auto& id : e.reads) {
        auto it = form.field_index.find(id);
        if (it != form.field_index.end()) deps[to].push_back(it->second);
      }
    };
    for (size_t i = 0; i < n; ++i) {
      const Field& f = form.fields[i];
      add(static_cast<int>(i), f.visible.expr);
      add(static_cast<int>(i), f.computed);
      add(static_cast<int>(i), form.pages[f.page].visible.expr);
      for (const auto& c : f.row_fields) {
        add(static_cast<int>(i), c.visible.expr);
        add(static_cast<int>(i), c.computed);
      }
    }
    std::vector<int> state(n, 0);
    std::function<bool(int)> dfs = [&](int v) {
      state[v] = 1;
      for (int d : deps[v]) {
        if (d == v && form.fields[v].is_group()) continue;  // rows reading their own group
        if (state[d] == 1) return true;
        if (state[d] == 0 && dfs(d)) return true;
      }
      state[v] = 2;
      return false;
    };
    for (size_t i = 0; i < n; ++i)
      if (state[i] == 0 && dfs(static_cast<int>(i))) {
        r_.error(form.fields[i].json_path, "dependency_cycle",
                 "字段 " + form.fields[i].id + " 的可见性或计算值循环依赖自身",
                 "field " + form.fields[i].id + "'s visibility or value depends on itself");
        return;
      }
    (void)base;
  }

  const Catalog& catalog_;
  const Item& item_;
  JsonReader r_;
  std::unordered_set<std::string> top_ids_;
  std::unordered_map<std::string, std::unordered_set<std::string>> row_ids_;
  std::unordered_set<std::string> material_ids_;
  std::vector<Material> materials_;
  bool uses_form_prefix_ = false;
};

}  // namespace

std::shared_ptr<const Form> compile_form(const Catalog& catalog, const Item& item, const json& form,
                                         const json& materials, std::vector<LoadError>* errors) {
  FormCompiler compiler(catalog, item, errors);
  return compiler.run(form, materials);
}

}  // namespace haoban::catalog
