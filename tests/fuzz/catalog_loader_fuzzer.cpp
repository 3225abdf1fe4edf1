// Fuzzes the catalogue loader (haoban::catalog::load_catalog) with arbitrary text: the
// bounded JSON parse, the structure checks, every expression compiled, every reference
// resolved. Whatever loads is then used as a host would: summary, each item's form compiled
// (lazy loads too), the search index built and queried, policies matched.
//
// The first byte picks the options (strict, lazy_forms) and two more modes: bit 4 reads the rest
// as a packed catalogue's body (after its header, pack_format.h), hostile bytes for the pack
// reader; bit 8 packs what loads and checks the pack loads the same. The rest is the text.
// Seeds: corpus/catalog_loader (the sample catalogue and documented fragments).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_set>

#include "fuzz_support.h"
#include "haoban/catalog/lazy_document.h"
#include "haoban/catalog/loader.h"
#include "haoban/catalog/pack_format.h"
#include "haoban/catalog/pack_writer.h"
#include "haoban/expr/engine.h"
#include "haoban/policy/policy_match.h"
#include "haoban/search/search_index.h"
#include "haoban/time/civil_date.h"

using namespace haoban;

namespace {

// The lazy load's scan (lazy_document.h) must accept exactly what the bounded parse accepts and
// give the same document: the same members, its kept form and material texts parsing to the
// parsed ones, and the same top-level field ids.
void check_lazy_scan_matches_parse(std::string_view text, const catalog::LoadOptions& options) {
  catalog::LazyDocument lazy;
  const catalog::LazyScan scan = catalog::scan_lazy_document(text, options.max_depth, &lazy);
  if (scan == catalog::LazyScan::NotApplicable) return;
  expr::Error error;
  auto parsed = expr::parse_bounded_json(text, options.max_depth, options.max_bytes, &error);
  if ((scan == catalog::LazyScan::Ok) != parsed.has_value())
    fuzz::property_failed("the lazy scan and the parse disagree on validity",
                          parsed ? "the parse accepts" : "the parse refuses: " + error.message);
  if (!parsed) return;
  nlohmann::json expected = std::move(*parsed);
  if (expected.contains("items") && expected["items"].is_array()) {
    auto& items = expected["items"];
    if (items.size() != lazy.items.size())
      fuzz::property_failed("the lazy scan saw another number of items", "");
    for (size_t i = 0; i < items.size(); ++i) {
      const catalog::LazyItemText& kept = lazy.items[i];
      if (!kept.scanned) continue;
      if (kept.has_form != items[i].contains("form") ||
          kept.has_materials != items[i].contains("materials"))
        fuzz::property_failed("the lazy scan missed a form or materials", std::to_string(i));
      if (kept.has_form) {
        if (nlohmann::json::parse(kept.form.of(text)) != items[i]["form"])
          fuzz::property_failed("a kept form differs from the parsed one", std::to_string(i));
        std::unordered_set<std::string> eager_ids;
        catalog::collect_top_ids(items[i]["form"], &eager_ids);
        if (kept.top_ids != eager_ids)
          fuzz::property_failed("the lazy scan found other top-level ids", std::to_string(i));
      }
      if (kept.has_materials &&
          nlohmann::json::parse(kept.materials.of(text)) != items[i]["materials"])
        fuzz::property_failed("kept materials differ from the parsed ones", std::to_string(i));
      items[i].erase("form");
      items[i].erase("materials");
    }
  }
  if (lazy.doc != expected) fuzz::property_failed("the lazy scan built another document", "");
}

// What loads from JSON packs into a pack that loads clean, with the same entries, every form
// compiling (pack_catalog packs only what loaded, forms checked).
void check_pack_round_trip(std::string_view text, const catalog::LoadOptions& options) {
  const catalog::PackResult packed = catalog::pack_catalog(text, options);
  if (!packed.load.ok()) return;
  const catalog::LoadResult loaded = catalog::load_catalog_pack(packed.bytes, options);
  if (!loaded.ok() || !loaded.errors.empty())
    fuzz::property_failed("a pack of what loaded does not load clean",
                          loaded.errors.empty() ? "" : loaded.errors[0].en);
  const catalog::Catalog& a = *packed.load.catalog;
  const catalog::Catalog& b = *loaded.catalog;
  if (a.items.size() != b.items.size() || a.bundles.size() != b.bundles.size() ||
      a.policies.size() != b.policies.size())
    fuzz::property_failed("the pack lost or gained entries", "");
  for (size_t i = 0; i < a.items.size(); ++i) {
    if (a.items[i].id != b.items[i].id || a.items[i].name.zh != b.items[i].name.zh ||
        a.items[i].acceptance_conditions.size() != b.items[i].acceptance_conditions.size())
      fuzz::property_failed("a packed item differs", a.items[i].id);
    if (!b.form(b.items[i])) fuzz::property_failed("a packed form does not compile", a.items[i].id);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  catalog::LoadOptions options;
  options.strict = (data[0] & 1) != 0;
  options.lazy_forms = (data[0] & 2) != 0;
  // Keep single inputs small enough that the fuzzer explores rather than chews: the loader's
  // own size bound is tested in tests/hardening.
  options.max_bytes = 1 << 20;
  const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);

  if (data[0] & 4) {
    std::string bytes(catalog::pack::kMagic);
    bytes.append(text);
    const catalog::LoadResult result = catalog::load_catalog_pack(std::move(bytes), options);
    (void)catalog::summary_json(result);
    if (result.ok())
      for (const catalog::Item& item : result.catalog->items) (void)result.catalog->form(item);
    return 0;
  }
  if (options.lazy_forms) check_lazy_scan_matches_parse(text, options);
  if (data[0] & 8) check_pack_round_trip(text, options);

  const catalog::LoadResult result = catalog::load_catalog(text, options);
  (void)catalog::summary_json(result);
  if (!result.ok()) return 0;

  const catalog::Catalog& loaded = *result.catalog;
  for (const catalog::Item& item : loaded.items) {
    std::vector<catalog::LoadError> errors;
    (void)loaded.form(item, &errors);
  }
  auto index = search::SearchIndex::build(result.catalog);
  if (index) {
    (void)search::to_json(index->search("居住证"));
    (void)search::to_json(index->search("jzz"));
    (void)search::to_json(index->search(loaded.catalog_version));
  }
  const nlohmann::json profile = {
      {"applicant", {{"birthDate", "1990-01-01"}, {"hukou", "440106"}}}};
  policy::MatchOptions match;
  match.today = time::CivilDate{2026, 11, 28};
  match.explain_all = true;
  (void)policy::to_json(policy::evaluate_policies(loaded, profile, match));
  return 0;
}
