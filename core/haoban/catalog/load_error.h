// A problem found while loading a catalogue: where (a JSON path into the file such as
// $.items[3].form.pages[1].fields[4].visible), a stable code, and zh-CN / en messages.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace haoban::catalog {

struct LoadError {
  std::string path;
  std::string code;
  std::string zh;
  std::string en;
  std::string item;  // id of the item, bundle or policy it belongs to ("" for the file)
};

// {"path":…,"code":…,"zh":…,"en":…,"item"?:…}
nlohmann::json to_json(const LoadError& error);

}  // namespace haoban::catalog
