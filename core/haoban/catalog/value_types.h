// The value type of each field type (docs/catalog-format.md, "Field types"): used to check a
// field's `default` at load and to decide which draft answers still fit a newer revision.
#pragma once

#include <nlohmann/json.hpp>
#include <vector>

#include "haoban/catalog/model.h"

namespace haoban::catalog {

// True when `value` has the shape of the field's stored value (null always fits: "empty").
// select/radio must name one of the options; multiselect only known codes; group rows are
// objects. Built-in checks (lengths, ranges, check digits) are the form session's job.
bool value_fits_type(const Field& field, const nlohmann::json& value);

// The normalisation steps a field type gets when the catalogue does not say.
std::vector<NormalizeStep> default_normalization(FieldType type);

}  // namespace haoban::catalog
