// The canonical package: the application as the back office will receive it, in canonical
// JSON (canonical_json.h), and its SHA-256, which is the idempotency key. Only what decides the
// case goes in — the catalogue version and item revision it was checked against, the
// applicant's identity facts, the visible normalised answers (hidden fields are already dropped
// by the form session), each material's state and the submission date — so that re-sending the
// same application, from a phone or from the workbench, gives the same key.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace haoban::package {

struct PackageInput {
  std::string catalog_version;
  std::string item_id;  // an item id, or a bundle id when bundle is true
  int item_revision = 0;
  bool bundle = false;
  nlohmann::json applicant;  // the profile's applicant object; only identity facts are kept
  nlohmann::json answers;    // object: visible, normalised answers (per item for a bundle)
  nlohmann::json materials;  // array of {id, state, via?, refs?}; sorted by id here
  std::string submitted_on;  // "YYYY-MM-DD"
};

struct Package {
  bool ok = false;
  nlohmann::json body;    // the package object
  std::string canonical;  // its canonical JSON bytes
  std::string digest;     // lower-case hex SHA-256 of `canonical` = the idempotency key
  std::string error;      // from canonical_json when !ok
};

// The applicant facts that identify who applies: kind, name, idNumber, uscc, orgName,
// legalRepName, legalRepIdNumber (those present and not null).
nlohmann::json identity_facts(const nlohmann::json& applicant);

Package build_package(const PackageInput& input);

// The digest of any JSON value's canonical form ("" when it has none).
std::string canonical_digest(const nlohmann::json& value);

}  // namespace haoban::package
