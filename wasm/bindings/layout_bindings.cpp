// The static shape of an item's form for JS: pages, fields, labels, hints and option labels.
// Form sessions (form_bindings.cpp) report only what changes per keystroke (value, flags,
// errors, visible option codes); a page needs this once, to know what to draw.
//   formLayout(catalogHandle, itemId) →
//   {"item","revision","pages":[{"id","title":{zh,en},"fields":[field…]}]}
//   field: {"id","type","label":{zh,en},"hint"?,"options"?:[{"code","label"}],
//           "minLength"?,"maxLength"?,"integer"?,"min"?,"max"?,"minItems"?,"maxItems"?,
//           "levels"?,"within"?,"material"?,"agreementText"?,"computed"?,"prefill"?,
//           group only: "rowLabel","minRows","maxRows","rowFields":[field…]}
#include <emscripten/bind.h>

#include <memory>
#include <string>

#include "boundary.h"
#include "haoban/catalog/model.h"

namespace haoban::wasm {

std::shared_ptr<const catalog::Catalog> catalog_for_handle(int handle);  // catalog_bindings.cpp

namespace {

nlohmann::json text_json(const catalog::Text& t) { return {{"zh", t.zh}, {"en", t.en}}; }

nlohmann::json field_json(const catalog::Field& f) {
  nlohmann::json out = {
      {"id", f.id}, {"type", catalog::field_type_name(f.type)}, {"label", text_json(f.label)}};
  if (!f.hint.is_null()) out["hint"] = f.hint;
  if (!f.options.empty()) {
    nlohmann::json options = nlohmann::json::array();
    for (const auto& o : f.options)
      options.push_back({{"code", o.code}, {"label", text_json(o.label)}});
    out["options"] = std::move(options);
  }
  if (f.min_length) out["minLength"] = *f.min_length;
  if (f.max_length) out["maxLength"] = *f.max_length;
  if (f.integer) out["integer"] = true;
  if (f.min_number) out["min"] = *f.min_number;
  if (f.max_number) out["max"] = *f.max_number;
  if (f.min_items) out["minItems"] = *f.min_items;
  if (f.max_items) out["maxItems"] = *f.max_items;
  if (!f.levels.empty()) out["levels"] = f.levels;
  if (!f.within.empty()) out["within"] = f.within;
  if (!f.material.empty()) out["material"] = f.material;
  if (!f.agreement_text.is_null()) out["agreementText"] = f.agreement_text;
  if (f.computed.program) out["computed"] = true;
  if (f.prefill) out["prefill"] = {{"from", f.prefill->from}, {"editable", f.prefill->editable}};
  if (f.is_group()) {
    out["rowLabel"] = text_json(f.row_label);
    out["minRows"] = f.min_rows;
    out["maxRows"] = f.max_rows;
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& r : f.row_fields) rows.push_back(field_json(r));
    out["rowFields"] = std::move(rows);
  }
  return out;
}

std::string form_layout(int catalog_handle, const std::string& item_id) {
  return guarded([&] {
    const auto catalog = catalog_for_handle(catalog_handle);
    const catalog::Item* item = catalog->item(item_id);
    if (!item) throw BoundaryError("unknown_item", "no item " + item_id);
    std::vector<catalog::LoadError> errors;
    const auto form = catalog->form(*item, &errors);
    if (!form) throw BoundaryError("form_error", "the form of " + item_id + " does not compile");
    nlohmann::json pages = nlohmann::json::array();
    for (const auto& page : form->pages) {
      nlohmann::json fields = nlohmann::json::array();
      for (const int index : page.fields) fields.push_back(field_json(form->fields[index]));
      pages.push_back(
          {{"id", page.id}, {"title", text_json(page.title)}, {"fields", std::move(fields)}});
    }
    return to_json_string(
        {{"item", item->id}, {"revision", item->revision}, {"pages", std::move(pages)}});
  });
}

}  // namespace
}  // namespace haoban::wasm

EMSCRIPTEN_BINDINGS(haoban_layout) {
  emscripten::function("formLayout", &haoban::wasm::form_layout);
}
