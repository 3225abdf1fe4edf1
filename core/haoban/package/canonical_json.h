// Canonical JSON: one byte sequence per JSON value, so that the same application gives the
// same bytes, and therefore the same SHA-256 idempotency key, natively and in wasm.
//
// The form (docs/check-format.md, "Canonical JSON"):
// - objects: keys sorted by their UTF-8 bytes (unsigned byte order), no duplicate keys;
// - no whitespace at all: `{"a":[1,2],"b":null}`;
// - integers (any number that is a whole value of magnitude < 2^53, and every int64/uint64)
//   as plain decimal, no exponent, no ".0", no "+", "-0" written as "0";
// - other finite numbers in the shortest form that reads back to the same double, produced by
//   nlohmann::json's own Grisu2 printer (header-only, the same code natively and in wasm):
//   `0.5`, `1.25e-07`; NaN and infinities are refused (JSON cannot carry them);
// - strings with minimal escaping: only `"` → `\"`, `\` → `\\`, and the control characters
//   U+0000–U+001F (as `\b \f \n \r \t`, otherwise `\u00XX` with lower-case hex); every other
//   character, non-ASCII included, is written as its UTF-8 bytes. Invalid UTF-8 is refused.
// This is RFC 8785 (JCS) except for the key order (JCS sorts by UTF-16 code units; byte order
// differs only for characters above U+FFFF versus U+E000–U+FFFF) and the number form of
// non-integers.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace haoban::package {

struct CanonicalLimits {
  int max_depth = 64;
  size_t max_bytes = size_t{16} << 20;
};

struct CanonicalResult {
  bool ok = false;
  std::string text;   // when ok
  std::string error;  // not_finite, invalid_utf8, too_deep, too_large
};

CanonicalResult canonical_json(const nlohmann::json& value, const CanonicalLimits& limits = {});

}  // namespace haoban::package
