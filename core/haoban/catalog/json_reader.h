// Typed reads from the catalogue's JSON with the JSON path of every value, so that each
// structural problem becomes a LoadError naming exactly where it is.
#pragma once

#include <cmath>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

#include "haoban/catalog/load_error.h"
#include "haoban/catalog/model.h"

namespace haoban::catalog {

// Longest string the loader accepts anywhere (names, notes, expressions): a bound on hostile
// files, generous for real legal texts.
inline constexpr size_t kMaxStringBytes = 64 * 1024;

class JsonReader {
 public:
  explicit JsonReader(std::vector<LoadError>* errors) : errors_(errors) {}

  void error(const std::string& path, const std::string& code, const std::string& zh,
             const std::string& en) {
    errors_->push_back({path, code, zh, en, item_});
  }
  size_t error_count() const { return errors_->size(); }
  std::vector<LoadError>* errors() { return errors_; }
  void set_item(std::string id) { item_ = std::move(id); }

  static std::string key_path(const std::string& base, const std::string& key) {
    return base + "." + key;
  }
  static std::string index_path(const std::string& base, size_t i) {
    return base + "[" + std::to_string(i) + "]";
  }

  // The member, or nullptr when obj is not an object or lacks it. Never nlohmann's value(),
  // which throws on a non-object (a hostile catalogue's "fees": ["x"] took the loader down;
  // found by the catalogue fuzzer).
  static const nlohmann::json* find(const nlohmann::json& obj, const std::string& key) {
    if (!obj.is_object()) return nullptr;
    auto it = obj.find(key);
    return it != obj.end() ? &*it : nullptr;
  }

  // For members kept as opaque JSON: the member as written (any type), or null. A reference,
  // so that reading an expression to compile copies nothing.
  static const nlohmann::json& optional(const nlohmann::json& obj, const std::string& key) {
    static const nlohmann::json kNull;
    const nlohmann::json* member = find(obj, key);
    return member ? *member : kNull;
  }

  // The same with another value for "absent" (an empty array, an empty object).
  static nlohmann::json optional(const nlohmann::json& obj, const std::string& key,
                                 nlohmann::json fallback) {
    const nlohmann::json* member = find(obj, key);
    return member ? *member : std::move(fallback);
  }

  // The member, or null (reporting `missing` when required).
  const nlohmann::json* member(const nlohmann::json& obj, const std::string& key,
                               const std::string& base, bool required) {
    if (const nlohmann::json* found = find(obj, key)) return found;
    if (required) missing(base, key);
    return nullptr;
  }

  void missing(const std::string& base, const std::string& key) {
    error(key_path(base, key), "missing", "缺少必填项 " + key,
          "required key " + key + " is missing");
  }

  // The paths of reports are built only for a report: a 11,449-item catalogue reads ~20 values
  // per item, and building "$.items[i].key" for each was a good part of the load.
  std::string string(const nlohmann::json& obj, const std::string& key, const std::string& base,
                     bool required) {
    const auto* v = member(obj, key, base, required);
    if (!v) return {};
    if (const std::string* s = fitting_string(*v)) return *s;
    return as_string(*v, key_path(base, key));
  }

  // The string value if it is one within kMaxStringBytes (what as_string accepts), else null.
  static const std::string* fitting_string(const nlohmann::json& v) {
    if (!v.is_string()) return nullptr;
    const auto& s = v.get_ref<const std::string&>();
    return s.size() <= kMaxStringBytes ? &s : nullptr;
  }

  std::string as_string(const nlohmann::json& v, const std::string& path) {
    if (!v.is_string()) {
      error(path, "wrong_type", "应为字符串", "expected a string");
      return {};
    }
    const auto& s = v.get_ref<const std::string&>();
    if (s.size() > kMaxStringBytes) {
      error(path, "too_long", "字符串过长", "the string is too long");
      return {};
    }
    return s;
  }

  std::optional<int64_t> integer(const nlohmann::json& obj, const std::string& key,
                                 const std::string& base, bool required, int64_t lo, int64_t hi) {
    const auto* v = member(obj, key, base, required);
    if (!v) return std::nullopt;
    // Range before the cast: converting a double beyond int64 (1.8e19) is undefined.
    if (!v->is_number_integer() && !(v->is_number_float() && std::abs(v->get<double>()) < 9e18 &&
                                     v->get<double>() == static_cast<int64_t>(v->get<double>()))) {
      error(key_path(base, key), "wrong_type", "应为整数", "expected an integer");
      return std::nullopt;
    }
    const int64_t n =
        v->is_number_float() ? static_cast<int64_t>(v->get<double>()) : v->get<int64_t>();
    if (n < lo || n > hi) {
      error(key_path(base, key), "out_of_range",
            "数值超出允许范围 " + std::to_string(lo) + "–" + std::to_string(hi),
            "the value is outside " + std::to_string(lo) + "–" + std::to_string(hi));
      return std::nullopt;
    }
    return n;
  }

  std::optional<double> number(const nlohmann::json& obj, const std::string& key,
                               const std::string& base) {
    const auto* v = member(obj, key, base, false);
    if (!v) return std::nullopt;
    if (!v->is_number()) {
      error(key_path(base, key), "wrong_type", "应为数值", "expected a number");
      return std::nullopt;
    }
    return v->get<double>();
  }

  bool boolean(const nlohmann::json& obj, const std::string& key, const std::string& base,
               bool fallback) {
    const auto* v = member(obj, key, base, false);
    if (!v) return fallback;
    if (!v->is_boolean()) {
      error(key_path(base, key), "wrong_type", "应为布尔值", "expected true or false");
      return fallback;
    }
    return v->get<bool>();
  }

  // {zh, en}: zh always required; en required when `need_en` (names, labels, error messages).
  Text text(const nlohmann::json& obj, const std::string& key, const std::string& base,
            bool required, bool need_en = true) {
    const auto* v = member(obj, key, base, required);
    if (!v) return {};
    // The common shape, {zh, en} strings, without building the path its reports would need.
    if (v->is_object()) {
      const auto* zh = find(*v, "zh");
      const auto* en = find(*v, "en");
      const std::string* zh_text = zh ? fitting_string(*zh) : nullptr;
      const std::string* en_text = en ? fitting_string(*en) : nullptr;
      if (zh_text && (en_text || (!en && !need_en))) return {*zh_text, en_text ? *en_text : ""};
    }
    return as_text(*v, key_path(base, key), need_en);
  }

  Text as_text(const nlohmann::json& v, const std::string& path, bool need_en = true) {
    if (!v.is_object()) {
      error(path, "wrong_type", "应为 {zh, en} 文本", "expected a {zh, en} text");
      return {};
    }
    Text t;
    t.zh = string(v, "zh", path, true);
    t.en = string(v, "en", path, need_en);
    return t;
  }

  std::vector<std::string> strings(const nlohmann::json& obj, const std::string& key,
                                   const std::string& base, bool required, size_t max = 1000) {
    std::vector<std::string> out;
    const auto* v = member(obj, key, base, required);
    if (!v) return out;
    if (!v->is_array()) {
      error(key_path(base, key), "wrong_type", "应为数组", "expected an array");
      return out;
    }
    if (v->size() > max) {
      error(key_path(base, key), "too_many", "元素过多", "too many elements");
      return out;
    }
    out.reserve(v->size());
    for (size_t i = 0; i < v->size(); ++i) {
      const auto& element = (*v)[i];
      if (const std::string* s = fitting_string(element))
        out.push_back(*s);
      else
        out.push_back(as_string(element, index_path(key_path(base, key), i)));
    }
    return out;
  }

  // The array at key (empty when absent and optional); reports non-arrays and oversize ones.
  const nlohmann::json& array(const nlohmann::json& obj, const std::string& key,
                              const std::string& base, bool required, size_t max) {
    static const nlohmann::json empty = nlohmann::json::array();
    const auto* v = member(obj, key, base, required);
    if (!v) return empty;
    if (!v->is_array()) {
      error(key_path(base, key), "wrong_type", "应为数组", "expected an array");
      return empty;
    }
    if (v->size() > max) {
      error(key_path(base, key), "too_many", "元素过多（上限 " + std::to_string(max) + "）",
            "too many elements (at most " + std::to_string(max) + ")");
      return empty;
    }
    return *v;
  }

  // Ids of things expressions refer to: ASCII, a lower-case letter first, then letters,
  // digits and _, at most 64 characters.
  bool check_id(const std::string& id, const std::string& path) {
    bool ok = !id.empty() && id.size() <= 64 && id[0] >= 'a' && id[0] <= 'z';
    for (char c : id)
      if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'))
        ok = false;
    if (!ok)
      error(path, "bad_id",
            "标识 \"" + id + "\" 不合规：须以小写字母开头，仅含字母、数字和下划线，最多64个字符",
            "id \"" + id +
                "\" must start with a lower-case letter and hold only letters, digits and _ (at "
                "most 64)");
    return ok;
  }

  // Slugs of items, bundles and policies: lower-case words and '-'.
  bool check_slug(const std::string& id, const std::string& path) {
    bool ok = !id.empty() && id.size() <= 100 && id.front() != '-' && id.back() != '-';
    for (char c : id)
      if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) ok = false;
    if (!ok)
      error(path, "bad_slug", "标识 \"" + id + "\" 应由小写字母、数字和连字符组成",
            "slug \"" + id + "\" must be lower-case words joined by -");
    return ok;
  }

  // The same with the path made only for a report (a callable returning it).
  template <typename MakePath>
  requires std::is_invocable_r_v<std::string, MakePath>
  bool one_of(const std::string& value, std::initializer_list<const char*> allowed,
              MakePath&& make_path) {
    for (const char* a : allowed)
      if (value == a) return true;
    return one_of(value, allowed, std::string(make_path()));
  }

  bool one_of(const std::string& value, std::initializer_list<const char*> allowed,
              const std::string& path) {
    for (const char* a : allowed)
      if (value == a) return true;
    if (!value.empty() || true) {
      std::string list;
      for (const char* a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
      error(path, "bad_value", "取值 \"" + value + "\" 无效，应为：" + list,
            "value \"" + value + "\" is not one of: " + list);
    }
    return false;
  }

 private:
  std::vector<LoadError>* errors_;
  std::string item_;
};

}  // namespace haoban::catalog
