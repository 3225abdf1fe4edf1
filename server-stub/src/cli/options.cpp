#include "cli/options.h"

namespace haoban::cli {

std::string ParsedOptions::get(const std::string& name, const std::string& fallback) const {
  const auto found = flags.find(name);
  return found == flags.end() ? fallback : found->second;
}

std::optional<ParsedOptions> parse_options(const std::vector<std::string>& args,
                                           const std::set<std::string>& known_flags,
                                           std::string* error) {
  ParsedOptions parsed;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    // "-" alone and anything not starting with "--" is a positional (a value may begin with '-').
    if (arg.size() < 3 || arg.compare(0, 2, "--") != 0) {
      parsed.positional.push_back(arg);
      continue;
    }
    std::string name = arg.substr(2);
    std::string value;
    const auto equals = name.find('=');
    const bool inline_value = equals != std::string::npos;
    if (inline_value) {
      value = name.substr(equals + 1);
      name.resize(equals);
    }
    if (!known_flags.count(name)) {
      if (error) *error = "unknown option --" + name;
      return std::nullopt;
    }
    if (!inline_value) {
      if (i + 1 >= args.size()) {
        if (error) *error = "option --" + name + " needs a value";
        return std::nullopt;
      }
      value = args[++i];
    }
    if (!parsed.flags.emplace(name, value).second) {
      if (error) *error = "option --" + name + " given twice";
      return std::nullopt;
    }
  }
  return parsed;
}

}  // namespace haoban::cli
