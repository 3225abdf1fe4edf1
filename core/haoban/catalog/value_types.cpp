#include "haoban/catalog/value_types.h"

#include <cmath>

#include "haoban/time/civil_date.h"

namespace haoban::catalog {

namespace {

struct TypeName {
  const char* name;
  FieldType type;
};
constexpr TypeName kTypeNames[] = {
    {"text", FieldType::text},           {"textarea", FieldType::textarea},
    {"number", FieldType::number},       {"money", FieldType::money},
    {"date", FieldType::date},           {"select", FieldType::select},
    {"radio", FieldType::radio},         {"multiselect", FieldType::multiselect},
    {"agreement", FieldType::agreement}, {"id_number", FieldType::id_number},
    {"uscc", FieldType::uscc},           {"mobile", FieldType::mobile},
    {"email", FieldType::email},         {"division", FieldType::division},
    {"address", FieldType::address},     {"material", FieldType::material},
    {"signature", FieldType::signature}, {"group", FieldType::group},
};

}  // namespace

std::optional<FieldType> field_type_from_name(std::string_view name) {
  for (const auto& t : kTypeNames)
    if (name == t.name) return t.type;
  return std::nullopt;
}

const char* field_type_name(FieldType type) {
  for (const auto& t : kTypeNames)
    if (t.type == type) return t.name;
  return "?";
}

std::vector<NormalizeStep> default_normalization(FieldType type) {
  using S = NormalizeStep;
  switch (type) {
    case FieldType::text:
    case FieldType::number:
    case FieldType::money:
    case FieldType::date:
    case FieldType::mobile:
    case FieldType::email:
    case FieldType::address:
      return {S::fullwidth, S::trim};
    case FieldType::textarea:
      return {S::trim};
    case FieldType::id_number:
    case FieldType::uscc:
      return {S::fullwidth, S::trim, S::upper};
    default:
      return {};
  }
}

bool value_fits_type(const Field& field, const nlohmann::json& v) {
  if (v.is_null()) return true;
  switch (field.type) {
    case FieldType::text:
    case FieldType::textarea:
    case FieldType::id_number:
    case FieldType::uscc:
    case FieldType::mobile:
    case FieldType::email:
    case FieldType::signature:
      return v.is_string();
    case FieldType::division:
      return v.is_string() && v.get_ref<const std::string&>().size() == 6;
    case FieldType::number:
      return v.is_number();
    case FieldType::money:
      return v.is_number_integer() ||
             (v.is_number_float() && std::floor(v.get<double>()) == v.get<double>());
    case FieldType::date:
      return v.is_string() && time::parse_iso(v.get_ref<const std::string&>()).has_value();
    case FieldType::select:
    case FieldType::radio:
      return v.is_string() && field.option(v.get_ref<const std::string&>()) != nullptr;
    case FieldType::multiselect:
      if (!v.is_array()) return false;
      for (const auto& e : v)
        if (!e.is_string() || !field.option(e.get_ref<const std::string&>())) return false;
      return true;
    case FieldType::agreement:
      return v.is_boolean();
    case FieldType::address:
      return v.is_object();
    case FieldType::material:
      return v.is_object() && v.contains("via");
    case FieldType::group:
      if (!v.is_array()) return false;
      for (const auto& row : v)
        if (!row.is_object()) return false;
      return true;
  }
  return false;
}

}  // namespace haoban::catalog
