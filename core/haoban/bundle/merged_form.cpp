#include "haoban/bundle/merged_form.h"

#include <map>
#include <set>

namespace haoban::bundle {

namespace {

std::set<std::string> option_codes(const catalog::Field& f) {
  std::set<std::string> out;
  for (const auto& o : f.options) out.insert(o.code);
  return out;
}

bool has_options(const catalog::Field& f) {
  return f.type == catalog::FieldType::select || f.type == catalog::FieldType::radio ||
         f.type == catalog::FieldType::multiselect;
}

}  // namespace

std::string MergedForm::share_key_of(const std::string& item, const std::string& field_id) const {
  for (const auto& mf : fields)
    for (const auto& m : mf.members)
      if (m.item == item && m.field->id == field_id) return mf.share_key;
  return {};
}

MergedForm merge_forms(const catalog::Catalog& catalog, const std::vector<std::string>& items) {
  MergedForm out;
  std::map<std::string, size_t> by_key;
  for (const auto& id : items) {
    const auto* item = catalog.item(id);
    if (!item) {
      out.errors.push_back({"unknown_item", id, "", "一件事引用的事项不存在：" + id,
                            "the bundle names an unknown item: " + id});
      continue;
    }
    const auto form = catalog.form(*item);
    if (!form) {
      out.errors.push_back({"form_unavailable", item->json_path, "", "事项表单无法使用：" + id,
                            "the item's form does not compile: " + id});
      continue;
    }
    out.items.push_back(id);
    for (const auto& f : form->fields) {
      ++out.fields_total;
      if (f.share_key.empty()) {
        out.fields.push_back({"", {{id, &f}}});
        continue;
      }
      auto it = by_key.find(f.share_key);
      if (it == by_key.end()) {
        by_key[f.share_key] = out.fields.size();
        out.fields.push_back({f.share_key, {{id, &f}}});
        continue;
      }
      MergedField& mf = out.fields[it->second];
      const catalog::Field& first = *mf.members.front().field;
      if (first.type != f.type) {
        out.errors.push_back({"share_type_conflict", f.json_path, first.json_path,
                              "共享信息“" + f.share_key + "”在不同事项中的类型不一致：" +
                                  catalog::field_type_name(first.type) + " 与 " +
                                  catalog::field_type_name(f.type),
                              "shared fact " + f.share_key +
                                  " has different types: " + catalog::field_type_name(first.type) +
                                  " and " + catalog::field_type_name(f.type)});
      } else if (has_options(f) && option_codes(f) != option_codes(first)) {
        out.errors.push_back({"share_options_conflict", f.json_path, first.json_path,
                              "共享信息“" + f.share_key + "”在不同事项中的选项不一致",
                              "shared fact " + f.share_key + " has different options"});
      }
      mf.members.push_back({id, &f});
    }
  }
  return out;
}

nlohmann::json to_json(const MergedForm& form) {
  nlohmann::json fields = nlohmann::json::array();
  for (const auto& mf : form.fields) {
    const auto& first = mf.members.front();
    nlohmann::json members = nlohmann::json::array();
    for (const auto& m : mf.members) members.push_back({{"item", m.item}, {"field", m.field->id}});
    nlohmann::json entry = {
        {"id", first.field->id},
        {"item", first.item},
        {"type", catalog::field_type_name(first.field->type)},
        {"label", {{"zh", first.field->label.zh}, {"en", first.field->label.en}}},
        {"members", std::move(members)}};
    if (!mf.share_key.empty()) entry["shareKey"] = mf.share_key;
    fields.push_back(std::move(entry));
  }
  nlohmann::json errors = nlohmann::json::array();
  for (const auto& e : form.errors)
    errors.push_back({{"code", e.code},
                      {"path", e.path},
                      {"otherPath", e.other_path},
                      {"zh", e.zh},
                      {"en", e.en}});
  return {{"items", form.items},
          {"fields", std::move(fields)},
          {"fieldsTotal", form.fields_total},
          {"fieldsAsked", form.fields.size()},
          {"fieldsSaved", form.fields_saved()},
          {"errors", std::move(errors)}};
}

}  // namespace haoban::bundle
