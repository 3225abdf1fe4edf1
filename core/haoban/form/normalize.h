// Input normalisation per field type (docs/catalog-format.md, "Field types"): what a phone's
// IME types becomes the stored value. Full-width digits and letters become ASCII, blanks are
// trimmed, ID numbers are upper-cased (x → X), money text becomes integer fen, "" becomes null.
// A value that cannot be converted is kept as given, so the built-in check can say why.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string_view>

#include "haoban/catalog/model.h"

namespace haoban::form {

nlohmann::json normalize_value(const catalog::Field& field, const nlohmann::json& input);

// Money text → fen: "12.5" → 1250, "¥1,200" → 120000, "１２" → 1200 (after full-width folding),
// "3元" → 300. At most two decimals; nullopt for anything else or amounts over 10^13 fen.
std::optional<int64_t> parse_fen(std::string_view text);

}  // namespace haoban::form
