// The identity kinds the workbench offers, in display order, with the labels shown beside
// each choice. The "id" of each entry is the kind string of haoban::ids::validate.
#pragma once

#include <span>
#include <string_view>

namespace haoban::workbench {

struct ValidatorKind {
  std::string_view id;       // "resident_id", "uscc", ...
  std::string_view zh;       // 居民身份证 ...
  std::string_view en;       // Resident ID card ...
  std::string_view example;  // a valid sample, shown as the input hint
};

std::span<const ValidatorKind> validator_kinds();

}  // namespace haoban::workbench
