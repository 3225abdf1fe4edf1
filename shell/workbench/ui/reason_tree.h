// Draws an explanation tree (expr/explain.h: {expr, op, value, passed, operands?, because?,
// zh, en}) as nested tree nodes, green where a part held and red where it did not, so an
// author sees which condition decided and with which values.
#pragma once

#include <nlohmann/json.hpp>

namespace haoban::workbench {

void draw_reason_tree(const nlohmann::json& reason, int depth = 0);

}  // namespace haoban::workbench
