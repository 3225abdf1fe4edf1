// `haoban search --catalog FILE QUERY [--audience A] [--department D] [--limit N]`: the core's
// catalogue search from the shell; prints the ranked hits as JSON. Exit 0 (also with no hits),
// 2 on a usage error or an unloadable catalogue.
#include "cli/search_command.h"

#include <cstdio>

#include "cli/catalog_command.h"
#include "cli/options.h"
#include "haoban/catalog/loader.h"
#include "haoban/search/search_index.h"

namespace haoban::cli {

namespace {

int search_usage(const std::string& message) {
  std::fprintf(stderr,
               "haoban search: %s\n"
               "usage: haoban search --catalog FILE QUERY [--audience 自然人|法人|其他组织] "
               "[--department NAME|DIVISION] [--limit N]\n",
               message.c_str());
  return 2;
}

}  // namespace

int run_search(const std::vector<std::string>& args) {
  std::string error;
  const auto options = parse_options(args, {"catalog", "audience", "department", "limit"}, &error);
  if (!options) return search_usage(error);
  if (options->positional.size() != 1) return search_usage("expected one QUERY");
  const std::string file = options->get("catalog", "");
  if (file.empty()) return search_usage("--catalog FILE is required");

  search::SearchOptions search_options;
  search_options.audience = options->get("audience", "");
  search_options.department = options->get("department", "");
  const std::string limit = options->get("limit", "20");
  try {
    const long n = std::stol(limit);
    if (n < 1 || n > 1000) return search_usage("--limit must be 1–1000");
    search_options.limit = static_cast<size_t>(n);
  } catch (...) {
    return search_usage("--limit must be a number");
  }

  catalog::LoadOptions load_options;
  load_options.lazy_forms = true;  // search needs names and keywords, not compiled forms
  std::string text;
  if (!read_text_file(file, load_options.max_bytes, &text, &error)) return search_usage(error);
  const auto loaded = catalog::load_catalog(text, load_options);
  if (!loaded.ok()) {
    for (const auto& e : loaded.errors)
      std::fprintf(stderr, "%s: %s: %s\n", e.path.c_str(), e.code.c_str(), e.en.c_str());
    return search_usage("the catalogue does not load");
  }
  const auto index = search::SearchIndex::build(loaded.catalog);
  const auto hits = index->search(options->positional[0], search_options);
  const nlohmann::json out = {
      {"query", options->positional[0]}, {"count", hits.size()}, {"hits", search::to_json(hits)}};
  std::printf("%s\n", out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
  return 0;
}

}  // namespace haoban::cli
