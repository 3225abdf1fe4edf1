// The catalogue for JS: load once (compiled, checked, with its search index), then search and
// open form sessions against it by handle (form_bindings.cpp). JSON strings out.
//   catalogLoad(text, optionsJson)        →
//   {"handle":n,"summary":{ok,items,bundles,policies,skipped,errors}}
//       options: {"strict":bool,"lazy":bool,"lazyIndex":bool}; a catalogue that does not load →
//       {"error":{…}}. lazyIndex: the search index is built by the first catalogSearch (or by
//       catalogPrepareSearch), not by the load: a page can draw its first screen sooner
//   catalogSearch(handle, query, optionsJson) → {"hits":[{id,kind,name,field,match,method,score}]}
//       options: {"audience":"自然人"|"法人"|…,"department":…,"limit":n}
//   catalogPrepareSearch(handle)          → {"built":bool}: builds the search index now if it is
//       not built yet (built: whether this call built it)
//   catalogItem(handle, id)               → the item's metadata (codes, time limits, conditions …)
//   catalogList(handle)                   →
//   {"catalogVersion","items":[…],"bundles":[…],"policies":[…]}
//       one summary per entry, enough to draw a home page without a call per item
//   catalogFree(handle)                   → {"freed":bool}
//   _haoban_catalog_text_buffer(size)     → a pointer to `size` bytes for the catalogue's UTF-8
//       text (0 if over the loader's size bound); catalogLoadBuffered(optionsJson) then loads it
//       as catalogLoad would. For a host that has the bytes (lib/catalog.mjs copies them with
//       HEAPU8.set): embind converts a JS string character by character in JS (lengthBytesUTF8,
//       then stringToUTF8: ~0.3 s of a 41 MB catalogue's load in Node). The bytes may also be a
//       packed catalogue (`haoban catalog pack`, recognised by its HBPACK1 header): its items'
//       metadata is read without a JSON document, the fast load for large catalogues.
#include <emscripten/bind.h>
#include <emscripten/emscripten.h>

#include <algorithm>
#include <map>
#include <memory>
#include <string>
#include <utility>

#include "boundary.h"
#include "haoban/catalog/loader.h"
#include "haoban/catalog/pack_format.h"
#include "haoban/expr/engine.h"
#include "haoban/search/search_index.h"

namespace haoban::wasm {

namespace {

// A page works with one catalogue (two during an update); the cap stops a leaking caller.
constexpr size_t kMaxCatalogs = 4;

struct LoadedCatalog {
  std::shared_ptr<const catalog::Catalog> catalog;
  std::unique_ptr<search::SearchIndex> index;  // null until built (lazyIndex)
};

std::map<int, LoadedCatalog>& catalogs() {
  static std::map<int, LoadedCatalog> loaded;
  return loaded;
}

LoadedCatalog& find(int handle) {
  auto it = catalogs().find(handle);
  if (it == catalogs().end())
    throw BoundaryError("bad_handle", "no catalogue with handle " + std::to_string(handle));
  return it->second;
}

nlohmann::json parse_options(const std::string& text) {
  if (text.empty()) return nlohmann::json::object();
  expr::Error error;
  auto parsed = expr::parse_bounded_json(text, 64, 1 << 20, &error);
  if (!parsed || !parsed->is_object())
    throw BoundaryError("bad_options", "options must be a JSON object");
  return *parsed;
}

nlohmann::json text_json(const catalog::Text& t) { return {{"zh", t.zh}, {"en", t.en}}; }

// The catalogue text the host writes into (haoban_catalog_text_buffer), until the next load
// takes it.
std::string& pending_text() {
  static std::string text;
  return text;
}

// The size asked for when it was over the bound (nothing allocated), so that the load that
// follows can say so rather than load an empty text.
size_t& refused_size() {
  static size_t size = 0;
  return size;
}

// The text by value: a lazy load keeps it (for the forms it parses on first use) instead of
// copying it.
std::string load_catalog_text(std::string text, const std::string& options_json) {
  return guarded([&] {
    static int next_handle = 1;
    if (catalogs().size() >= kMaxCatalogs)
      throw BoundaryError("too_many_catalogs",
                          "at most " + std::to_string(kMaxCatalogs) + " catalogues may be loaded");
    const auto options = parse_options(options_json);
    catalog::LoadOptions load_options;
    load_options.strict = options.value("strict", false);
    load_options.lazy_forms = options.value("lazy", false);
    const bool lazy_index = options.value("lazyIndex", false);
    // A packed catalogue (haoban catalog pack) is recognised by its header: the same call
    // loads both, a pack always with its forms compiled on first use.
    catalog::LoadResult result = catalog::pack::looks_packed(text)
                                     ? catalog::load_catalog_pack(std::move(text), load_options)
                                     : catalog::load_catalog_keeping(std::move(text), load_options);
    nlohmann::json summary = catalog::summary_json(result);
    if (!result.ok())
      return to_json_string(
          {{"error", {{"type", "catalog_error"}, {"message", "the catalogue does not load"}}},
           {"summary", std::move(summary)}});
    LoadedCatalog loaded;
    if (!lazy_index) loaded.index = search::SearchIndex::build(result.catalog);
    loaded.catalog = std::move(result.catalog);
    const int handle = next_handle++;
    catalogs().emplace(handle, std::move(loaded));
    return to_json_string({{"handle", handle}, {"summary", std::move(summary)}});
  });
}

// embind converts the JS string into `text`.
std::string catalog_load(std::string text, const std::string& options_json) {
  return load_catalog_text(std::move(text), options_json);
}

std::string catalog_load_buffered(const std::string& options_json) {
  if (const size_t refused = std::exchange(refused_size(), 0))
    return guarded([&]() -> std::string {
      throw BoundaryError("catalog_too_large",
                          "the catalogue is " + std::to_string(refused) + " bytes; at most " +
                              std::to_string(catalog::LoadOptions{}.max_bytes) + " are accepted");
    });
  return load_catalog_text(std::exchange(pending_text(), std::string()), options_json);
}

const search::SearchIndex& search_index(LoadedCatalog& loaded) {
  if (!loaded.index) loaded.index = search::SearchIndex::build(loaded.catalog);
  return *loaded.index;
}

std::string catalog_prepare_search(int handle) {
  return guarded([&] {
    LoadedCatalog& loaded = find(handle);
    const bool built = !loaded.index;
    search_index(loaded);
    return to_json_string({{"built", built}});
  });
}

std::string catalog_search(int handle, const std::string& query, const std::string& options_json) {
  return guarded([&] {
    const auto options = parse_options(options_json);
    search::SearchOptions search_options;
    search_options.audience = options.value("audience", "");
    search_options.department = options.value("department", "");
    const int limit = options.value("limit", 20);
    search_options.limit = static_cast<size_t>(std::clamp(limit, 1, 1000));
    return to_json_string(
        {{"hits", search::to_json(search_index(find(handle)).search(query, search_options))}});
  });
}

std::string catalog_item(int handle, const std::string& id) {
  return guarded([&] {
    const catalog::Item* item = find(handle).catalog->item(id);
    if (!item) throw BoundaryError("unknown_item", "no item " + id);
    nlohmann::json conditions = nlohmann::json::array();
    for (const auto& c : item->acceptance_conditions)
      conditions.push_back(
          {{"id", c.id}, {"zh", c.text.zh}, {"en", c.text.en}, {"informational", c.informational}});
    auto limit = [](const catalog::TimeLimit& t) {
      return nlohmann::json{{"value", t.value}, {"unit", t.unit}};
    };
    return to_json_string(
        {{"id", item->id},
         {"revision", item->revision},
         {"basicCode", item->basic_code},
         {"implCode", item->impl_code},
         {"name", text_json(item->name)},
         {"type", item->type},
         {"audience", item->audience},
         {"department",
          {{"name", text_json(item->department.name)}, {"division", item->department.division}}},
         {"timeLimits",
          {{"statutory", limit(item->statutory)}, {"promised", limit(item->promised)}}},
         {"handlingType", item->handling_type},
         {"visits", item->visits},
         {"onlineDepth", item->online_depth},
         {"scope", {{"range", item->scope_range}, {"modes", item->scope_modes}}},
         {"acceptanceConditions", std::move(conditions)},
         {"legalBasis", item->legal_basis},
         {"keywords", item->keywords}});
  });
}

std::string catalog_list(int handle) {
  return guarded([&] {
    const catalog::Catalog& c = *find(handle).catalog;
    nlohmann::json items = nlohmann::json::array();
    for (const auto& item : c.items)
      items.push_back({{"id", item.id},
                       {"revision", item.revision},
                       {"name", text_json(item.name)},
                       {"type", item.type},
                       {"audience", item.audience},
                       {"department", text_json(item.department.name)},
                       {"onlineDepth", item.online_depth},
                       {"visits", item.visits},
                       {"handlingType", item.handling_type},
                       {"themes", item.themes},
                       {"keywords", item.keywords}});
    nlohmann::json bundles = nlohmann::json::array();
    for (const auto& bundle : c.bundles) {
      nlohmann::json members = nlohmann::json::array();
      for (const auto& entry : bundle.items)
        members.push_back({{"item", entry.item}, {"optional", entry.optional}});
      bundles.push_back({{"id", bundle.id},
                         {"revision", bundle.revision},
                         {"name", text_json(bundle.name)},
                         {"audience", bundle.audience},
                         {"items", std::move(members)},
                         {"themes", bundle.themes},
                         {"description", bundle.description}});
    }
    nlohmann::json policies = nlohmann::json::array();
    for (const auto& policy : c.policies)
      policies.push_back({{"id", policy.id},
                          {"revision", policy.revision},
                          {"name", text_json(policy.name)},
                          {"mode", policy.mode},
                          {"audience", policy.audience},
                          {"department", text_json(policy.department.name)}});
    return to_json_string({{"catalogVersion", c.catalog_version},
                           {"items", std::move(items)},
                           {"bundles", std::move(bundles)},
                           {"policies", std::move(policies)}});
  });
}

std::string catalog_free(int handle) {
  return guarded([&] { return to_json_string({{"freed", catalogs().erase(handle) == 1}}); });
}

}  // namespace

// For form_bindings.cpp: the catalogue behind a handle (sessions keep it alive after a free).
std::shared_ptr<const catalog::Catalog> catalog_for_handle(int handle) {
  return find(handle).catalog;
}

}  // namespace haoban::wasm

extern "C" {

// Room for the next catalogue's text (see the top of this file). 0 when `size` is over the
// loader's bound: the load would refuse the text anyway, and growing memory for it could fail.
EMSCRIPTEN_KEEPALIVE char* haoban_catalog_text_buffer(uint32_t size) noexcept {
  std::string& text = haoban::wasm::pending_text();
  text.clear();
  text.shrink_to_fit();
  haoban::wasm::refused_size() = 0;
  if (size > haoban::catalog::LoadOptions{}.max_bytes) {
    haoban::wasm::refused_size() = size;
    return nullptr;
  }
  // Not zero-filled: the host writes every byte next (HEAPU8.set). Zeroing a 36-41 MB catalogue
  // first took ~30 ms of each load. __resize_default_init is libc++'s resize without
  // initialisation; this file is built only by Emscripten, always with its libc++.
  text.__resize_default_init(size);
  return text.data();
}

}  // extern "C"

EMSCRIPTEN_BINDINGS(haoban_catalog) {
  emscripten::function("catalogLoad", &haoban::wasm::catalog_load);
  emscripten::function("catalogLoadBuffered", &haoban::wasm::catalog_load_buffered);
  emscripten::function("catalogSearch", &haoban::wasm::catalog_search);
  emscripten::function("catalogPrepareSearch", &haoban::wasm::catalog_prepare_search);
  emscripten::function("catalogItem", &haoban::wasm::catalog_item);
  emscripten::function("catalogList", &haoban::wasm::catalog_list);
  emscripten::function("catalogFree", &haoban::wasm::catalog_free);
}
