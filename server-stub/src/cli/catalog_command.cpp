// `haoban catalog check FILE [--strict]`: loads the catalogue exactly as the hosts do (bounded
// parse, every expression compiled, every reference checked) and prints a JSON summary.
// Exit 0 when it loads without errors, 2 with the errors (each with its JSON path) otherwise
// or on a usage error. Without --strict, broken items are reported as skipped; the exit
// status is still 2 so that CI notices them. A packed catalogue (HBPACK1) is checked as one.
//
// `haoban catalog pack FILE OUT [--strict]`: the same check with every form compiled, then what
// loaded written to OUT as a packed catalogue (pack_format.h), the fast form for large
// catalogues in wasm. Same summary and exit status; OUT is written unless nothing loaded.
#include "cli/catalog_command.h"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "haoban/catalog/loader.h"
#include "haoban/catalog/pack_format.h"
#include "haoban/catalog/pack_writer.h"

namespace haoban::cli {

namespace {

int catalog_usage(const std::string& message) {
  std::fprintf(stderr,
               "haoban catalog: %s\n"
               "usage: haoban catalog check FILE [--strict] [--lazy]\n"
               "       haoban catalog pack FILE OUT [--strict]\n",
               message.c_str());
  return 2;
}

}  // namespace

bool read_text_file(const std::string& path, size_t max_bytes, std::string* out,
                    std::string* error) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) {
    *error = "cannot open " + path;
    return false;
  }
  const auto size = static_cast<size_t>(in.tellg());
  if (size > max_bytes) {
    *error = path + " is larger than " + std::to_string(max_bytes) + " bytes";
    return false;
  }
  in.seekg(0);
  out->resize(size);
  in.read(out->data(), static_cast<std::streamsize>(size));
  if (!in) {
    *error = "cannot read " + path;
    return false;
  }
  return true;
}

int run_catalog(const std::vector<std::string>& args) {
  const bool packing = !args.empty() && args[0] == "pack";
  if (args.empty() || (args[0] != "check" && !packing))
    return catalog_usage("expected the subcommand check or pack");
  catalog::LoadOptions options;
  std::vector<std::string> files;
  for (size_t i = 1; i < args.size(); ++i) {
    if (args[i] == "--strict")
      options.strict = true;
    else if (args[i] == "--lazy" && !packing)
      options.lazy_forms = true;
    else if (args[i].rfind("--", 0) == 0)
      return catalog_usage("unknown option " + args[i]);
    else
      files.push_back(args[i]);
  }
  if (files.size() != (packing ? 2u : 1u))
    return catalog_usage(packing ? "expected FILE and OUT" : "expected one FILE");
  const std::string& file = files[0];

  std::string text, error;
  if (!read_text_file(file, options.max_bytes, &text, &error)) return catalog_usage(error);
  const auto start = std::chrono::steady_clock::now();
  catalog::PackResult packed;
  if (packing)
    packed = catalog::pack_catalog(text, options);
  else if (catalog::pack::looks_packed(text))
    packed.load = catalog::load_catalog_pack(std::move(text), options);
  else
    packed.load = catalog::load_catalog(text, options);
  const catalog::LoadResult& result = packed.load;
  const auto elapsed =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start);

  nlohmann::json summary = catalog::summary_json(result);
  const bool unpacked = packing && packed.bytes.empty();  // nothing loaded, so nothing written
  if (packing && !unpacked) {
    std::ofstream out(files[1], std::ios::binary | std::ios::trunc);
    out.write(packed.bytes.data(), static_cast<std::streamsize>(packed.bytes.size()));
    out.close();
    if (!out) return catalog_usage("cannot write " + files[1]);
    summary["pack"] = files[1];
    summary["packBytes"] = packed.bytes.size();
  }
  summary["file"] = file;
  summary["strict"] = options.strict;
  summary["loadMs"] = std::round(elapsed.count() * 10) / 10;
  std::printf("%s\n",
              summary.dump(2, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
  for (const auto& e : result.errors)
    std::fprintf(stderr, "%s: %s: %s\n", e.path.c_str(), e.code.c_str(), e.en.c_str());
  return result.ok() && result.errors.empty() && !unpacked ? 0 : 2;
}

}  // namespace haoban::cli
