// Fuzzes the catalogue loader (haoban::catalog::load_catalog) with arbitrary text: the
// bounded JSON parse, the structure checks, every expression compiled, every reference
// resolved. Whatever loads is then used as a host would: summary, each item's form compiled
// (lazy loads too), the search index built and queried, policies matched.
//
// The first byte picks the options (strict, lazy_forms); the rest is the catalogue text.
// Seeds: corpus/catalog_loader (the sample catalogue and documented fragments).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "haoban/catalog/loader.h"
#include "haoban/policy/policy_match.h"
#include "haoban/search/search_index.h"
#include "haoban/time/civil_date.h"

using namespace haoban;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  catalog::LoadOptions options;
  options.strict = (data[0] & 1) != 0;
  options.lazy_forms = (data[0] & 2) != 0;
  // Keep single inputs small enough that the fuzzer explores rather than chews: the loader's
  // own size bound is tested in tests/hardening.
  options.max_bytes = 1 << 20;
  const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);

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
