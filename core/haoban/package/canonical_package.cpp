#include "haoban/package/canonical_package.h"

#include <algorithm>

#include "haoban/package/canonical_json.h"
#include "haoban/package/sha256.h"

namespace haoban::package {

using json = nlohmann::json;

json identity_facts(const json& applicant) {
  static const char* const kIdentity[] = {"kind",    "name",         "idNumber",        "uscc",
                                          "orgName", "legalRepName", "legalRepIdNumber"};
  json out = json::object();
  if (!applicant.is_object()) return out;
  for (const char* key : kIdentity) {
    auto it = applicant.find(key);
    if (it != applicant.end() && !it->is_null()) out[key] = *it;
  }
  return out;
}

Package build_package(const PackageInput& in) {
  json materials = in.materials.is_array() ? in.materials : json::array();
  // Sorted by id so that the order of the catalogue's material list, which carries no meaning
  // for the case, cannot change the key. Stable: a bundle may list ids of different items.
  // A material without a string id (hostile input) sorts as "": value() would throw on it.
  const auto id_of = [](const json& m) -> std::string {
    const auto it = m.is_object() ? m.find("id") : m.end();
    return it != m.end() && it->is_string() ? it->get<std::string>() : std::string();
  };
  std::stable_sort(materials.begin(), materials.end(),
                   [&](const json& a, const json& b) { return id_of(a) < id_of(b); });
  Package p;
  p.body = {{"catalogVersion", in.catalog_version},
            {in.bundle ? "bundleId" : "itemId", in.item_id},
            {in.bundle ? "bundleRevision" : "itemRevision", in.item_revision},
            {"applicant", identity_facts(in.applicant)},
            {"answers", in.answers.is_object() ? in.answers : json::object()},
            {"materials", std::move(materials)},
            {"submittedOn", in.submitted_on}};
  auto canon = canonical_json(p.body);
  if (!canon.ok) {
    p.error = canon.error;
    return p;
  }
  p.canonical = std::move(canon.text);
  p.digest = sha256_hex(p.canonical);
  p.ok = true;
  return p;
}

std::string canonical_digest(const json& value) {
  auto canon = canonical_json(value);
  return canon.ok ? sha256_hex(canon.text) : std::string();
}

}  // namespace haoban::package
