// 跑动次数: how many trips to the counter the applicant still needs, 0 or 1 — whatever must
// be seen on site is seen in one visit — and why: the item itself requires attendance (an
// on-site check, a signature before the registrar, collecting a card), or a paper-only
// material must be shown in the original. A material satisfied by an e-licence or a
// commitment never needs a trip.
#pragma once

#include <nlohmann/json.hpp>
#include <vector>

#include "haoban/catalog/model.h"
#include "haoban/check/materials.h"

namespace haoban::check {

struct Trips {
  int count = 0;
  nlohmann::json reasons = nlohmann::json::array();  // [{code, zh, en, item?, materials?}]
};

// Adds the reasons of one item (a bundle calls it for each member; the count stays 0 or 1).
void add_trip_reasons(const catalog::Item& item, const std::vector<MaterialStatus>& materials,
                      Trips* trips);

nlohmann::json to_json(const Trips& trips);

}  // namespace haoban::check
