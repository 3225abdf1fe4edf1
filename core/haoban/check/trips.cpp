#include "haoban/check/trips.h"

namespace haoban::check {

void add_trip_reasons(const catalog::Item& item, const std::vector<MaterialStatus>& materials,
                      Trips* trips) {
  if (item.visits > 0)
    trips->reasons.push_back(
        {{"code", "on_site"},
         {"item", item.id},
         {"zh", "《" + item.name.zh + "》须到办事现场办理（到现场" + std::to_string(item.visits) +
                    "次）"},
         {"en", item.name.en + " must be completed on site (" + std::to_string(item.visits) +
                    " visit" + (item.visits > 1 ? "s" : "") + ")"}});
  // Paper-only materials with originals: uploaded or supplied later, the original is seen.
  nlohmann::json ids = nlohmann::json::array();
  std::string names;
  for (const auto& s : materials) {
    const auto& m = *s.material;
    if ((s.state == "attached" || s.state == "deferred") && m.form == "纸质" && m.originals > 0) {
      ids.push_back(m.id);
      if (!names.empty()) names += "、";
      names += m.name.zh;
    }
  }
  if (!ids.empty())
    trips->reasons.push_back({{"code", "originals"},
                              {"item", item.id},
                              {"materials", ids},
                              {"zh", "须到现场核验纸质原件：" + names},
                              {"en", "paper originals must be shown on site"}});
  trips->count = trips->reasons.empty() ? 0 : 1;
}

nlohmann::json to_json(const Trips& t) { return {{"count", t.count}, {"reasons", t.reasons}}; }

}  // namespace haoban::check
