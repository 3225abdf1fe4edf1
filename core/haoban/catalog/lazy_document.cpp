#include "haoban/catalog/lazy_document.h"

#include "haoban/catalog/json_scan.h"

namespace haoban::catalog {

namespace {

using json_scan::Scanner;
using json_scan::Span;
using nlohmann::json;

// Parses one already-validated value; *bad is set if nlohmann still refuses it (a number
// out of range), so that the load fails as an eager one would.
json parse_span(std::string_view text, Span span, bool* bad) {
  json v = json::parse(span.of(text), nullptr, /*allow_exceptions=*/false);
  if (v.is_discarded()) *bad = true;
  return v;
}

// The last occurrence of `key` in the object at the scanner's position (nlohmann keeps the last
// of duplicate keys, and so does this). The scanner ends after the object.
std::optional<Span> last_member(Scanner& s, std::string_view key, int depth) {
  std::optional<Span> found;
  bool first = true;
  if (!s.begin_object(first)) return std::nullopt;
  std::string name;
  while (s.next_member(first, &name)) {
    const Span v = s.value(depth + 1);
    if (s.failed()) return std::nullopt;
    if (name == key) found = v;
  }
  return found;
}

// What collect_top_ids does on a parsed form: pages[*].fields[*].id, for the shapes that are
// objects, arrays and strings where expected.
void collect_top_ids(std::string_view form, int depth, std::unordered_set<std::string>* out) {
  Scanner s(form, 1 << 20);  // already validated against the real bound
  if (s.peek() != '{') return;
  const auto pages = last_member(s, "pages", depth);
  if (!pages) return;
  Scanner p(pages->of(form), 1 << 20);
  bool first_page = true;
  if (p.peek() != '[' || !p.begin_array(first_page)) return;
  while (p.next_element(first_page)) {
    if (p.peek() != '{') {
      p.value(0);
      continue;
    }
    const auto fields = last_member(p, "fields", 0);
    if (!fields) continue;
    Scanner f(fields->of(p.text()), 1 << 20);
    bool first_field = true;
    if (f.peek() != '[' || !f.begin_array(first_field)) continue;
    while (f.next_element(first_field)) {
      if (f.peek() != '{') {
        f.value(0);
        continue;
      }
      const auto id = last_member(f, "id", 0);
      if (!id) continue;
      Scanner i(id->of(f.text()), 1 << 20);
      std::string value;
      if (i.peek() == '"' && i.read_string(&value)) out->insert(std::move(value));
    }
  }
}

// One element of "items" at depth 2 (inside the document and the array).
LazyItemText scan_item(Scanner& s, std::string_view text, int max_depth, json* item, bool* bad) {
  LazyItemText lazy;
  if (s.peek() != '{') {
    const Span v = s.value(2);
    if (!s.failed()) *item = parse_span(text, v, bad);
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
    const Span v = s.value(3);
    if (s.failed()) return lazy;
    if (key == "form") {
      form = v;
    } else if (key == "materials") {
      materials = v;
    } else {
      (*item)[key] = parse_span(text, v, bad);
    }
  }
  if (form) {
    lazy.has_form = true;
    lazy.form.assign(form->of(text));
    collect_top_ids(lazy.form, 3, &lazy.top_ids);
  }
  if (materials) {
    lazy.has_materials = true;
    lazy.materials.assign(materials->of(text));
  }
  return lazy;
}

}  // namespace

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
        lazy.push_back(scan_item(s, text, max_depth, &item, &bad));
        if (s.failed()) return LazyScan::BadJson;
        items.push_back(std::move(item));
      }
      if (s.failed()) return LazyScan::BadJson;
      out->doc[key] = std::move(items);  // a later duplicate "items" replaces this one
      out->items = std::move(lazy);
      continue;
    }
    const Span v = s.value(1);
    if (s.failed()) return LazyScan::BadJson;
    if (key == "items") out->items.clear();
    out->doc[key] = parse_span(text, v, &bad);
  }
  if (s.failed() || !s.at_end() || bad) return LazyScan::BadJson;
  return LazyScan::Ok;
}

}  // namespace haoban::catalog
