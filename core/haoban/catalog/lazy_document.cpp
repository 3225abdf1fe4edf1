#include "haoban/catalog/lazy_document.h"

#include "haoban/catalog/json_build.h"
#include "haoban/catalog/json_scan.h"

namespace haoban::catalog {

namespace {

using json_scan::Scanner;
using json_scan::Span;
using json_scan::walk_array;
using json_scan::walk_object;
using nlohmann::json;

// Validates and skips the value at the scanner's position; false if the text fails there.
bool skip(Scanner& s, int depth) {
  s.value(depth);
  return !s.failed();
}

// Validates a form (at `depth`) exactly as Scanner::value does and, in the same pass, collects
// its top-level field ids: pages[*].fields[*].id for the shapes that are objects, arrays and
// strings where expected, taking the last of duplicate keys as nlohmann does (what
// collect_top_ids reads from the parsed form). One pass instead of a scan and then a second walk.
bool scan_form(Scanner& s, int depth, std::unordered_set<std::string>* ids) {
  if (s.peek() != '{') return skip(s, depth);
  return walk_object(s, depth, [&](const std::string& key) {
    if (key != "pages") return skip(s, depth + 1);
    ids->clear();  // a later "pages" replaces an earlier one
    if (s.peek() != '[') return skip(s, depth + 1);
    return walk_array(s, depth + 1, [&] {
      if (s.peek() != '{') return skip(s, depth + 2);
      std::unordered_set<std::string> page_ids;  // of this page's last "fields"
      const bool ok = walk_object(s, depth + 2, [&](const std::string& page_key) {
        if (page_key != "fields") return skip(s, depth + 3);
        page_ids.clear();
        if (s.peek() != '[') return skip(s, depth + 3);
        return walk_array(s, depth + 3, [&] {
          if (s.peek() != '{') return skip(s, depth + 4);
          std::optional<std::string> id;  // the field's last "id", if a string
          const bool field_ok = walk_object(s, depth + 4, [&](const std::string& field_key) {
            if (field_key != "id") return skip(s, depth + 5);
            if (s.peek() != '"') {
              id.reset();
              return skip(s, depth + 5);
            }
            std::string value;
            if (!s.read_string(&value)) return false;
            id = std::move(value);
            return true;
          });
          if (field_ok && id) page_ids.insert(std::move(*id));
          return field_ok;
        });
      });
      ids->insert(page_ids.begin(), page_ids.end());
      return ok;
    });
  });
}

// One element of "items" at depth 2 (inside the document and the array).
LazyItemText scan_item(Scanner& s, int max_depth, json* item, bool* bad) {
  LazyItemText lazy;
  if (s.peek() != '{') {
    json_scan::build_value(s, 2, item, bad);
    return lazy;
  }
  if (3 > max_depth) {
    s.value(2);  // fails on depth, as the eager parse would
    return lazy;
  }
  lazy.scanned = true;
  *item = json::object();
  bool first = true;
  s.begin_object(first);
  std::string key;
  std::optional<Span> form, materials;
  while (s.next_member(first, &key)) {
    if (key == "form") {
      std::unordered_set<std::string> ids;
      s.skip_ws();
      const size_t begin = s.pos();
      if (!scan_form(s, 3, &ids)) return lazy;
      form = Span{begin, s.pos()};
      lazy.top_ids = std::move(ids);  // of the last "form", as the eager load reads it
    } else if (key == "materials") {
      materials = s.value(3);
    } else {
      json value;
      if (!json_scan::build_value(s, 3, &value, bad)) return lazy;
      (*item)[key] = std::move(value);
    }
    if (s.failed()) return lazy;
  }
  if (form) {
    lazy.has_form = true;
    lazy.form = *form;
  }
  if (materials) {
    lazy.has_materials = true;
    lazy.materials = *materials;
  }
  return lazy;
}

}  // namespace

void collect_top_ids(const json& form, std::unordered_set<std::string>* out) {
  if (!form.is_object() || !form.contains("pages") || !form["pages"].is_array()) return;
  for (const auto& page : form["pages"])
    if (page.is_object() && page.contains("fields") && page["fields"].is_array())
      for (const auto& f : page["fields"])
        if (f.is_object() && f.contains("id") && f["id"].is_string())
          out->insert(f["id"].get<std::string>());
}

LazyScan scan_lazy_document(std::string_view text, int max_depth, LazyDocument* out) {
  if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") return LazyScan::NotApplicable;
  Scanner s(text, max_depth);
  if (s.peek() != '{') return LazyScan::NotApplicable;
  if (max_depth < 1) return LazyScan::BadJson;
  out->doc = json::object();
  out->items.clear();
  bool bad = false;
  bool first = true;
  s.begin_object(first);
  std::string key;
  while (s.next_member(first, &key)) {
    if (key == "items" && s.peek() == '[' && max_depth >= 2) {
      json items = json::array();
      std::vector<LazyItemText> lazy;
      bool first_item = true;
      s.begin_array(first_item);
      while (s.next_element(first_item)) {
        json item;
        lazy.push_back(scan_item(s, max_depth, &item, &bad));
        if (s.failed()) return LazyScan::BadJson;
        items.push_back(std::move(item));
      }
      if (s.failed()) return LazyScan::BadJson;
      out->doc[key] = std::move(items);  // a later duplicate "items" replaces this one
      out->items = std::move(lazy);
      continue;
    }
    json value;
    if (!json_scan::build_value(s, 1, &value, &bad)) return LazyScan::BadJson;
    if (key == "items") out->items.clear();
    out->doc[key] = std::move(value);
  }
  if (s.failed() || !s.at_end() || bad) return LazyScan::BadJson;
  return LazyScan::Ok;
}

}  // namespace haoban::catalog
