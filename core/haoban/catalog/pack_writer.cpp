#include "haoban/catalog/pack_writer.h"

#include <algorithm>
#include <charconv>
#include <unordered_set>
#include <vector>

#include "haoban/catalog/json_reader.h"
#include "haoban/catalog/lazy_document.h"
#include "haoban/catalog/pack_format.h"
#include "haoban/expr/engine.h"

namespace haoban::catalog {

namespace {

using nlohmann::json;

// "$.items[12]" → 12: where the loader found the item in the JSON document.
std::optional<size_t> source_item_index(const std::string& json_path) {
  constexpr std::string_view prefix = "$.items[";
  if (json_path.rfind(prefix, 0) != 0 || json_path.back() != ']') return std::nullopt;
  size_t index = 0;
  const char* begin = json_path.data() + prefix.size();
  const char* end = json_path.data() + json_path.size() - 1;
  const auto [at, error] = std::from_chars(begin, end, index);
  if (error != std::errc() || at != end) return std::nullopt;
  return index;
}

// list[k] if there is one (the loader read the same list, so there always is), else null.
const json& source_element(const json& list, size_t k) {
  static const json null_value;
  return list.is_array() && k < list.size() ? list[k] : null_value;
}

// Keeps, of doc[key], the elements whose id loaded.
template <class Loaded>
void keep_loaded_entries(json& doc, const char* key, const std::vector<Loaded>& loaded) {
  if (!doc.contains(key) || !doc[key].is_array()) return;
  std::unordered_set<std::string> ids;
  for (const auto& x : loaded) ids.insert(x.id);
  json kept = json::array();
  for (auto& element : doc[key]) {
    const json& id = JsonReader::optional(element, "id");
    if (id.is_string() && ids.count(id.get<std::string>())) kept.push_back(std::move(element));
  }
  doc[key] = std::move(kept);
}

void write_packed_text(pack::Writer& w, const Text& text) {
  w.string(text.zh);
  w.string(text.en);
}

void write_packed_time_limit(pack::Writer& w, const TimeLimit& limit) {
  w.number(static_cast<uint64_t>(limit.value));
  w.string(limit.unit);
  w.json(limit.note);
}

// The loaded item's values, with what the Item does not keep as written taken from its JSON:
// the conditions' and fees' expressions, the form's top-level ids, the form and materials.
void write_packed_item(pack::Writer& w, const Item& item, const json& source) {
  w.string(item.json_path);
  w.string(item.id);
  w.number(static_cast<uint64_t>(item.revision));
  w.string(item.basic_code);
  w.string(item.impl_code);
  write_packed_text(w, item.name);
  w.string(item.type);
  w.string(item.level);
  w.strings(item.audience);
  write_packed_text(w, item.department.name);
  w.string(item.department.division);
  w.json(item.department.handled_by);
  w.json(item.legal_basis);
  write_packed_time_limit(w, item.statutory);
  write_packed_time_limit(w, item.promised);
  w.string(item.handling_type);
  w.number(static_cast<uint64_t>(item.visits));
  w.number(static_cast<uint64_t>(item.online_depth));
  w.string(item.scope_range);
  w.strings(item.scope_modes);
  w.strings(item.domains);
  w.strings(item.keywords);
  w.strings(item.themes);
  w.json(item.sources);
  w.json(item.notes);
  w.json(item.result);

  std::unordered_set<std::string> top_ids;
  collect_top_ids(JsonReader::optional(source, "form"), &top_ids);
  std::vector<std::string> sorted(top_ids.begin(), top_ids.end());
  std::sort(sorted.begin(), sorted.end());
  w.strings(sorted);

  const json& conditions = JsonReader::optional(source, "acceptanceConditions");
  w.number(item.acceptance_conditions.size());
  for (size_t k = 0; k < item.acceptance_conditions.size(); ++k) {
    const Condition& c = item.acceptance_conditions[k];
    w.string(c.id);
    write_packed_text(w, c.text);
    w.number(c.informational ? 1 : 0);
    w.json(c.basis);
    w.json(c.informational ? json() : JsonReader::optional(source_element(conditions, k), "when"));
  }
  const json& fees = JsonReader::optional(source, "fees");
  w.number(item.fees.size());
  for (size_t k = 0; k < item.fees.size(); ++k) {
    const Fee& fee = item.fees[k];
    w.string(fee.id);
    write_packed_text(w, fee.name);
    w.json(JsonReader::optional(source_element(fees, k), "amountFen"));
    w.json(fee.per);
    w.json(fee.basis);
    w.number(fee.waivable ? 1 : 0);
  }
  w.json(JsonReader::optional(source, "form"));
  w.json(JsonReader::optional(source, "materials"));
}

}  // namespace

PackResult pack_catalog(std::string_view json_text, const LoadOptions& original) {
  PackResult out;
  LoadOptions options = original;
  options.lazy_forms = false;  // every form compiled and checked before it is packed
  out.load = load_catalog(json_text, options);
  if (!out.load.ok()) return out;
  expr::Error error;
  auto doc = expr::parse_bounded_json(json_text, options.max_depth, options.max_bytes, &error);
  if (!doc || !doc->is_object()) return out;  // it loaded, so it parses to an object
  const Catalog& catalog = *out.load.catalog;
  // A catalogue whose items are missing or not a list loads (reported) with none: so packs.
  json items = json::array();
  if (const auto it = doc->find("items"); it != doc->end() && it->is_array())
    items = std::move(*it);
  doc->erase("items");
  keep_loaded_entries(*doc, "bundles", catalog.bundles);
  keep_loaded_entries(*doc, "policies", catalog.policies);

  pack::Writer w;
  w.json(*doc);
  w.number(catalog.items.size());
  for (const Item& item : catalog.items) {
    const auto index = source_item_index(item.json_path);
    if (!index || *index >= items.size()) return out;  // the loader names every item so
    write_packed_item(w, item, items[*index]);
  }
  out.bytes = w.take();
  return out;
}

}  // namespace haoban::catalog
