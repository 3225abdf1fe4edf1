#include "workload.h"

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace haoban::bench {

json read_json_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return json::parse(buffer.str());
}

Workload load_conformance(const std::string& suite_dir, const std::set<std::string>* selection) {
  Workload workload;
  workload.name = selection ? "conformance-common" : "conformance";
  const json index = read_json_file(suite_dir + "/index.json");
  for (const auto& file : index) {
    const std::string name = file.get<std::string>();
    const json suite = read_json_file(suite_dir + "/" + name);
    int number = 0;
    for (const auto& c : suite) {
      if (!c.is_object()) continue;  // a string is a section heading
      ++number;
      if (c.contains("error")) {
        ++workload.skipped_error_cases;
        continue;
      }
      std::string key = name + "#" + std::to_string(number);
      if (selection && !selection->count(key)) {
        ++workload.skipped_not_selected;
        continue;
      }
      workload.items.push_back(
          {std::move(key), c["rule"], c.contains("data") ? c["data"] : json(), c["result"]});
    }
  }
  return workload;
}

Workload load_eligibility(const std::string& path) {
  const json file = read_json_file(path);
  Workload workload;
  workload.name = "eligibility";
  const json& expected = file.at("expected");
  const json& rules = file.at("rules");
  if (!expected.is_object()) throw std::runtime_error(path + ": \"expected\" is not filled in");
  for (const auto& r : rules) {
    const std::string id = r.at("id").get<std::string>();
    workload.items.push_back({id, r.at("rule"), file.at("data"), expected.at(id)});
  }
  return workload;
}

std::optional<std::set<std::string>> load_selection(const std::string& path, std::string* error) {
  try {
    std::set<std::string> keys;
    for (const auto& k : read_json_file(path)) keys.insert(k.get<std::string>());
    return keys;
  } catch (const std::exception& e) {
    *error = e.what();
    return std::nullopt;
  }
}

}  // namespace haoban::bench
