#include "haoban/form/normalize.h"

#include <cctype>
#include <cmath>
#include <cstdlib>

#include "haoban/text/normalize.h"
#include "haoban/text/utf8.h"

namespace haoban::form {

namespace {

using catalog::FieldType;
using catalog::NormalizeStep;
using nlohmann::json;

std::string apply_steps(const std::vector<NormalizeStep>& steps, std::string s) {
  for (NormalizeStep step : steps) {
    switch (step) {
      case NormalizeStep::fullwidth:
        s = text::fullwidth_to_halfwidth(s);
        break;
      case NormalizeStep::trim:
        s = text::trim(s);
        break;
      case NormalizeStep::collapse_spaces: {
        std::string out;
        bool space = false;
        for (char c : s) {
          if (c == ' ' || c == '\t') {
            if (!space) out += ' ';
            space = true;
          } else {
            out += c;
            space = false;
          }
        }
        s = std::move(out);
        break;
      }
      case NormalizeStep::upper:
        for (char& c : s)
          if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
        break;
      case NormalizeStep::lower:
        for (char& c : s)
          if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        break;
    }
  }
  return s;
}

std::optional<double> parse_number(const std::string& s) {
  if (s.empty() || s.size() > 64) return std::nullopt;
  for (char c : s)
    if (!(std::isdigit(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == '+' ||
          c == 'e' || c == 'E'))
      return std::nullopt;
  char* end = nullptr;
  const double v = std::strtod(s.c_str(), &end);
  if (end != s.c_str() + s.size()) return std::nullopt;
  return v;
}

// Mobile numbers are often typed with the country code or grouped with blanks and dashes.
std::string strip_mobile(std::string s) {
  std::string out;
  for (char c : s)
    if (c != ' ' && c != '-') out += c;
  if (out.rfind("+86", 0) == 0)
    out.erase(0, 3);
  else if (out.rfind("0086", 0) == 0)
    out.erase(0, 4);
  return out;
}

std::string lower_domain(std::string s) {
  const auto at = s.rfind('@');
  if (at == std::string::npos) return s;
  for (size_t i = at + 1; i < s.size(); ++i)
    if (s[i] >= 'A' && s[i] <= 'Z') s[i] = static_cast<char>(s[i] - 'A' + 'a');
  return s;
}

}  // namespace

std::optional<int64_t> parse_fen(std::string_view input) {
  std::string s;
  for (size_t i = 0; i < input.size(); ++i) {
    const char c = input[i];
    if (c == ',' || c == ' ') continue;
    s += c;
  }
  // Currency marks: ¥ (U+00A5), ￥ (U+FFE5), 元 (U+5143) at either end.
  for (const char* mark : {"\xC2\xA5", "\xEF\xBF\xA5", "\xE5\x85\x83"}) {
    const std::string m(mark);
    if (s.rfind(m, 0) == 0) s.erase(0, m.size());
    if (s.size() >= m.size() && s.compare(s.size() - m.size(), m.size(), m) == 0)
      s.erase(s.size() - m.size());
  }
  if (s.empty() || s.size() > 20) return std::nullopt;
  int64_t yuan = 0, cents = 0;
  size_t i = 0, digits = 0;
  for (; i < s.size() && std::isdigit(static_cast<unsigned char>(s[i])); ++i, ++digits) {
    if (digits >= 11) return std::nullopt;
    yuan = yuan * 10 + (s[i] - '0');
  }
  if (digits == 0) return std::nullopt;
  if (i < s.size()) {
    if (s[i] != '.') return std::nullopt;
    ++i;
    int decimals = 0;
    for (; i < s.size(); ++i, ++decimals) {
      if (!std::isdigit(static_cast<unsigned char>(s[i])) || decimals >= 2) return std::nullopt;
      cents = cents * 10 + (s[i] - '0');
    }
    if (decimals == 1) cents *= 10;
  }
  return yuan * 100 + cents;
}

namespace {

// Invalid UTF-8 anywhere in an answer (a string, an array element, an object key) becomes
// U+FFFD, so that answers(), draft() and the submitted package always serialise: nlohmann's
// dump() throws on invalid UTF-8 (found by fuzz_form_session). Depth is bounded by the host's
// parse of the value.
std::string replace_invalid_utf8(std::string_view s) {
  if (text::is_valid_utf8(s)) return std::string(s);
  std::string out;
  out.reserve(s.size());
  size_t pos = 0;
  while (pos < s.size()) {
    const size_t start = pos;
    if (text::decode_next(s, pos)) {
      out.append(s.substr(start, pos - start));
    } else {
      text::append_utf8(out, U'\uFFFD');
    }
  }
  return out;
}

json with_valid_utf8(const json& value) {
  if (value.is_string()) return replace_invalid_utf8(value.get_ref<const std::string&>());
  if (value.is_array()) {
    json out = json::array();
    for (const auto& element : value) out.push_back(with_valid_utf8(element));
    return out;
  }
  if (value.is_object()) {
    json out = json::object();
    for (auto it = value.begin(); it != value.end(); ++it)
      out[replace_invalid_utf8(it.key())] = with_valid_utf8(it.value());
    return out;
  }
  return value;
}

}  // namespace

json normalize_value(const catalog::Field& field, const json& raw) {
  const json input = with_valid_utf8(raw);
  // NaN and ±Infinity are no JSON numbers: they would be dumped as null after passing every
  // min/max check (NaN compares false), so the phone would call a form complete that the back
  // office reads as empty. They count as nothing entered.
  if (input.is_number_float() && !std::isfinite(input.get<double>())) return nullptr;
  if (input.is_string()) {
    std::string s = apply_steps(field.normalize, input.get<std::string>());
    switch (field.type) {
      case FieldType::number:
        if (s.empty()) return nullptr;
        if (auto v = parse_number(s)) return *v;
        return s;
      case FieldType::money:
        if (s.empty()) return nullptr;
        if (auto v = parse_fen(s)) return *v;
        return s;
      case FieldType::mobile:
        s = strip_mobile(std::move(s));
        break;
      case FieldType::email:
        s = lower_domain(std::move(s));
        break;
      default:
        break;
    }
    if (s.empty()) return nullptr;
    return s;
  }
  // Range first: casting a double outside int64's range (1e308) to int64 is undefined.
  if (field.type == FieldType::money && input.is_number_float() &&
      std::abs(input.get<double>()) < 9e15 &&
      input.get<double>() == static_cast<double>(static_cast<int64_t>(input.get<double>())))
    return static_cast<int64_t>(input.get<double>());  // JSON numbers are fen already
  if (field.type == FieldType::address && input.is_object()) {
    json out = input;
    if (out.contains("detail") && out["detail"].is_string()) {
      out["detail"] = apply_steps(field.normalize, out["detail"].get<std::string>());
    }
    if (out.contains("division") && out["division"].is_string())
      out["division"] =
          text::trim(text::fullwidth_to_halfwidth(out["division"].get<std::string>()));
    return out;
  }
  if (input.is_array() && input.empty() && field.type != FieldType::group) return nullptr;
  return input;
}

}  // namespace haoban::form
