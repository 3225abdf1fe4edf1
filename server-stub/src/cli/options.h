// A small, strict parser for subcommand arguments: positionals plus `--name value` or
// `--name=value` flags from a known list. Unknown flags and missing values are usage errors,
// reported as text so that each command can print it and exit 2.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace haoban::cli {

struct ParsedOptions {
  std::vector<std::string> positional;
  std::map<std::string, std::string> flags;  // name without the leading "--"

  std::string get(const std::string& name, const std::string& fallback) const;
};

// Every flag in `known_flags` takes exactly one value. Returns nullopt and sets *error on
// an unknown flag, a flag given twice, or a flag without a value.
std::optional<ParsedOptions> parse_options(const std::vector<std::string>& args,
                                           const std::set<std::string>& known_flags,
                                           std::string* error);

}  // namespace haoban::cli
