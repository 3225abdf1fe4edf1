#include "haoban/package/canonical_json.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

namespace haoban::package {

namespace {

using json = nlohmann::json;

// Largest magnitude below which every integer is exactly a double: such values print as
// integers whatever their JSON type (1.0 and 1 give the same bytes).
constexpr double kExactIntegerLimit = 9007199254740992.0;  // 2^53

bool valid_utf8(const std::string& s) {
  size_t i = 0;
  const size_t n = s.size();
  while (i < n) {
    const auto c = static_cast<unsigned char>(s[i]);
    int len = 0;
    uint32_t cp = 0;
    if (c < 0x80) {
      ++i;
      continue;
    } else if ((c & 0xE0) == 0xC0) {
      len = 2;
      cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      len = 3;
      cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      len = 4;
      cp = c & 0x07;
    } else {
      return false;
    }
    if (i + len > n) return false;
    for (int k = 1; k < len; ++k) {
      const auto cc = static_cast<unsigned char>(s[i + k]);
      if ((cc & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (cc & 0x3F);
    }
    // Overlong forms, surrogates and values beyond U+10FFFF are not UTF-8.
    if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
        cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
      return false;
    i += len;
  }
  return true;
}

class Writer {
 public:
  explicit Writer(const CanonicalLimits& limits) : limits_(limits) {}

  bool write(const json& v, int depth) {
    if (depth > limits_.max_depth) return fail("too_deep");
    if (out_.size() > limits_.max_bytes) return fail("too_large");
    switch (v.type()) {
      case json::value_t::null:
        out_ += "null";
        return true;
      case json::value_t::boolean:
        out_ += v.get<bool>() ? "true" : "false";
        return true;
      case json::value_t::number_integer:
        out_ += std::to_string(v.get<int64_t>());
        return true;
      case json::value_t::number_unsigned:
        out_ += std::to_string(v.get<uint64_t>());
        return true;
      case json::value_t::number_float:
        return write_double(v.get<double>());
      case json::value_t::string:
        return write_string(v.get_ref<const std::string&>());
      case json::value_t::array: {
        out_ += '[';
        bool first = true;
        for (const auto& e : v) {
          if (!first) out_ += ',';
          first = false;
          if (!write(e, depth + 1)) return false;
        }
        out_ += ']';
        return true;
      }
      case json::value_t::object: {
        // nlohmann's object is a std::map<std::string, …>, whose std::less compares with
        // char_traits<char>, i.e. as unsigned bytes; sort explicitly anyway so that the order
        // does not depend on the container the library is configured with.
        std::vector<const std::string*> keys;
        keys.reserve(v.size());
        for (auto it = v.begin(); it != v.end(); ++it) keys.push_back(&it.key());
        std::sort(keys.begin(), keys.end(), [](const std::string* a, const std::string* b) {
          return std::lexicographical_compare(
              a->begin(), a->end(), b->begin(), b->end(), [](char x, char y) {
                return static_cast<unsigned char>(x) < static_cast<unsigned char>(y);
              });
        });
        out_ += '{';
        bool first = true;
        for (const std::string* k : keys) {
          if (!first) out_ += ',';
          first = false;
          if (!write_string(*k)) return false;
          out_ += ':';
          if (!write(v.at(*k), depth + 1)) return false;
        }
        out_ += '}';
        return true;
      }
      case json::value_t::binary:
      case json::value_t::discarded:
        return fail("not_json");
    }
    return fail("not_json");
  }

  std::string take() { return std::move(out_); }
  const std::string& error() const { return error_; }

 private:
  bool fail(const char* code) {
    error_ = code;
    return false;
  }

  bool write_double(double d) {
    if (!std::isfinite(d)) return fail("not_finite");
    if (d == std::floor(d) && std::fabs(d) < kExactIntegerLimit) {
      out_ += std::to_string(static_cast<int64_t>(d));  // -0.0 → "0"
      return true;
    }
    out_ += json(d).dump();
    return true;
  }

  bool write_string(const std::string& s) {
    if (!valid_utf8(s)) return fail("invalid_utf8");
    static constexpr char kHex[] = "0123456789abcdef";
    out_ += '"';
    for (char ch : s) {
      const auto c = static_cast<unsigned char>(ch);
      switch (c) {
        case '"':
          out_ += "\\\"";
          break;
        case '\\':
          out_ += "\\\\";
          break;
        case '\b':
          out_ += "\\b";
          break;
        case '\f':
          out_ += "\\f";
          break;
        case '\n':
          out_ += "\\n";
          break;
        case '\r':
          out_ += "\\r";
          break;
        case '\t':
          out_ += "\\t";
          break;
        default:
          if (c < 0x20) {
            out_ += "\\u00";
            out_ += kHex[c >> 4];
            out_ += kHex[c & 15];
          } else {
            out_ += ch;
          }
      }
    }
    out_ += '"';
    return true;
  }

  const CanonicalLimits& limits_;
  std::string out_;
  std::string error_;
};

}  // namespace

CanonicalResult canonical_json(const nlohmann::json& value, const CanonicalLimits& limits) {
  Writer w(limits);
  CanonicalResult r;
  if (!w.write(value, 0)) {
    r.error = w.error();
    return r;
  }
  r.text = w.take();
  if (r.text.size() > limits.max_bytes) {
    r.text.clear();
    r.error = "too_large";
    return r;
  }
  r.ok = true;
  return r;
}

}  // namespace haoban::package
