#include "haoban/catalog/loader.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "haoban/catalog/expression_compiler.h"
#include "haoban/catalog/form_compiler.h"
#include "haoban/catalog/json_build.h"
#include "haoban/catalog/json_reader.h"
#include "haoban/catalog/lazy_document.h"
#include "haoban/catalog/pack_format.h"
#include "haoban/expr/engine.h"
#include "haoban/ids/divisions.h"
#include "haoban/time/civil_date.h"

namespace haoban::catalog {

using nlohmann::json;

// Fills a Catalog, including its private indexes; the only writer a Catalog ever has.
class CatalogBuilder {
 public:
  CatalogBuilder(const LoadOptions& options, LoadResult* result)
      : options_(options), result_(result), r_(&result->errors) {}

  // lazy_items: per element of doc["items"], where the form and materials are in `text`, the
  // scanned catalogue (null for an eager load or a lazy load of a parsed document).
  std::shared_ptr<Catalog> run(const json& doc, std::vector<LazyItemText>* lazy_items = nullptr,
                               std::shared_ptr<const std::string> text = nullptr) {
    lazy_items_ = lazy_items;
    auto catalog = read_header(doc, std::move(text));
    if (!catalog) return nullptr;
    // File-level problems (profile, licences, templates) make every item suspect.
    const bool file_ok = result_->errors.empty();
    read_items(doc);
    read_bundles(doc);
    read_policies(doc);
    if (!file_ok) return nullptr;
    return catalog;
  }

  // A packed catalogue (pack_format.h): `header` is its JSON without items, `in` is at the item
  // count, `bytes` is the whole pack, kept for the forms and materials parsed on first use.
  std::shared_ptr<Catalog> run_packed(const json& header, pack::Reader* in,
                                      std::shared_ptr<const std::string> bytes) {
    auto catalog = read_header(header, std::move(bytes));
    if (!catalog) return nullptr;
    const bool file_ok = result_->errors.empty();
    if (header.contains("items"))
      r_.error("$.items", "not_allowed", "打包目录的头部不应含 items",
               "a packed catalogue's header has no items");
    read_packed_items(in, bundle_members(header));
    if (in->failed()) {
      r_.error("$", "bad_pack", "打包目录已损坏：" + in->error(),
               "the packed catalogue is damaged: " + in->error());
      return nullptr;
    }
    read_bundles(header);
    read_policies(header);
    if (!file_ok) return nullptr;
    return catalog;
  }

 private:
  // What comes before the items: format version, region, profile fields, licence types,
  // commitment templates. Null if the catalogue cannot be read at all.
  std::shared_ptr<Catalog> read_header(const json& doc, std::shared_ptr<const std::string> text) {
    auto catalog = std::make_shared<Catalog>();
    c_ = catalog.get();
    c_->lazy_text_ = std::move(text);
    if (!doc.is_object()) {
      r_.error("$", "wrong_type", "目录应为 JSON 对象", "the catalogue must be a JSON object");
      return nullptr;
    }
    const auto version = r_.integer(doc, "formatVersion", "$", true, 0, 1000);
    if (!version) return nullptr;
    if (*version != 1) {
      r_.error("$.formatVersion", "unknown_format",
               "不支持的目录格式版本 " + std::to_string(*version),
               "unsupported catalogue format version " + std::to_string(*version));
      return nullptr;
    }
    c_->catalog_version = r_.string(doc, "catalogVersion", "$", true);
    c_->generated = r_.string(doc, "generated", "$", false);
    if (const auto* region = r_.member(doc, "region", "$", true)) {
      c_->region_division = r_.string(*region, "division", "$.region", true);
      check_division(c_->region_division, "$.region.division");
      c_->region_name = r_.text(*region, "name", "$.region", true);
    }
    read_profile_fields(doc);
    read_licence_types(doc);
    read_commitment_templates(doc);
    return catalog;
  }

  void check_division(const std::string& code, const std::string& path) {
    if (!code.empty() && !ids::find_division(code))
      r_.error(path, "unknown_division", "行政区划代码 " + code + " 不在 GB/T 2260 区划表中",
               "division code " + code + " is not in the GB/T 2260 table");
  }

  void read_profile_fields(const json& doc) {
    const json& list = r_.array(doc, "profileFields", "$", true, 2000);
    for (size_t i = 0; i < list.size(); ++i) {
      const std::string path = JsonReader::index_path("$.profileFields", i);
      ProfileField f;
      f.path = r_.string(list[i], "path", path, true);
      if (f.path.rfind("applicant.", 0) != 0) {
        r_.error(path + ".path", "bad_profile_path", "申请人信息路径应以 applicant. 开头",
                 "a profile path must start with applicant.");
        continue;
      }
      f.type = r_.string(list[i], "type", path, true);
      f.label = r_.text(list[i], "label", path, true);
      f.audience = r_.strings(list[i], "audience", path, false);
      f.codes = r_.strings(list[i], "codes", path, false);
      if (!c_->profile_index_.emplace(f.path, c_->profile_fields.size()).second) {
        r_.error(path + ".path", "duplicate_profile_field", "重复声明 " + f.path,
                 "duplicate " + f.path);
        continue;
      }
      c_->profile_fields.push_back(std::move(f));
    }
  }

  void read_licence_types(const json& doc) {
    const json& list = r_.array(doc, "licenceTypes", "$", true, 2000);
    for (size_t i = 0; i < list.size(); ++i) {
      const std::string path = JsonReader::index_path("$.licenceTypes", i);
      LicenceType t;
      t.id = r_.string(list[i], "id", path, true);
      if (!r_.check_id(t.id, path + ".id")) continue;
      t.name = r_.text(list[i], "name", path, true);
      t.issuer = JsonReader::optional(list[i], "issuer");
      t.holder = r_.string(list[i], "holder", path, false);
      const json& fields = r_.array(list[i], "fields", path, true, 500);
      for (size_t k = 0; k < fields.size(); ++k) {
        const std::string fpath = JsonReader::index_path(path + ".fields", k);
        LicenceField lf;
        lf.id = r_.string(fields[k], "id", fpath, true);
        r_.check_id(lf.id, fpath + ".id");
        lf.type = r_.string(fields[k], "type", fpath, true);
        lf.label = r_.text(fields[k], "label", fpath, true);
        t.fields.push_back(std::move(lf));
      }
      if (!c_->licence_index_.emplace(t.id, c_->licence_types.size()).second) {
        r_.error(path + ".id", "duplicate_licence_type", "电子证照类型重复：" + t.id,
                 "duplicate licence type " + t.id);
        continue;
      }
      c_->licence_types.push_back(std::move(t));
    }
  }

  void read_commitment_templates(const json& doc) {
    const json& list = r_.array(doc, "commitmentTemplates", "$", false, 2000);
    NameScope scope{c_, nullptr, nullptr, &programs_};
    for (size_t i = 0; i < list.size(); ++i) {
      const std::string path = JsonReader::index_path("$.commitmentTemplates", i);
      CommitmentTemplate t;
      t.id = r_.string(list[i], "id", path, true);
      if (!r_.check_id(t.id, path + ".id")) continue;
      t.name = r_.text(list[i], "name", path, true);
      t.text = JsonReader::optional(list[i], "text");
      t.liability = JsonReader::optional(list[i], "liability");
      t.basis = JsonReader::optional(list[i], "basis");
      t.restricted_domains = r_.strings(list[i], "restrictedDomains", path, false);
      if (list[i].contains("excludedWhen"))
        compile_expression(list[i]["excludedWhen"], path + ".excludedWhen", scope, &t.excluded_when,
                           &result_->errors);
      if (!c_->template_index_.emplace(t.id, c_->commitment_templates.size()).second) {
        r_.error(path + ".id", "duplicate_commitment", "告知承诺模板重复：" + t.id,
                 "duplicate template " + t.id);
        continue;
      }
      c_->commitment_templates.push_back(std::move(t));
    }
  }

  // An opaque member (kept as written), moved out of the document rather than copied: the
  // parsed document is the load's own (load_catalog_unguarded's, never a caller's), and
  // nothing reads an item's members again after read_items. Copying them, then freeing the
  // document's copies, was a large part of a big catalogue's load.
  static json take(const json& obj, const char* key, json fallback = nullptr) {
    const json* member = JsonReader::find(obj, key);
    return member ? std::move(const_cast<json&>(*member)) : std::move(fallback);
  }

  // Conditions over applicant.*, licences.* and (for items and bundles) the form's fields.
  void read_conditions(const json& list, const std::string& base, const NameScope& scope,
                       std::vector<Condition>* out) {
    std::unordered_set<std::string> seen;
    for (size_t i = 0; i < list.size(); ++i) {
      const std::string path = JsonReader::index_path(base, i);
      Condition c;
      c.id = r_.string(list[i], "id", path, true);
      c.text.zh = r_.string(list[i], "zh", path, true);
      c.text.en = r_.string(list[i], "en", path, true);
      c.informational = r_.boolean(list[i], "informational", path, false);
      c.basis = take(list[i], "basis");
      add_condition(std::move(c), JsonReader::find(list[i], "when"), path, scope, &seen, out);
    }
  }

  // A condition whose members are read (from JSON or a pack): its id unique among `seen`, its
  // `when` compiled (informational ones have none).
  void add_condition(Condition c, const json* when, const std::string& path, const NameScope& scope,
                     std::unordered_set<std::string>* seen, std::vector<Condition>* out) {
    if (!c.id.empty() && r_.check_id(c.id, path + ".id") && !seen->insert(c.id).second)
      r_.error(path + ".id", "duplicate_condition", "条件标识重复：" + c.id,
               "duplicate condition id " + c.id);
    if (c.informational) {
      if (when)
        r_.error(path + ".when", "not_allowed", "说明性条件不能有 when",
                 "an informational condition has no when");
    } else if (!when) {
      r_.missing(path, "when");
    } else {
      compile_expression(*when, path + ".when", scope, &c.when, &result_->errors);
    }
    out->push_back(std::move(c));
  }

  Department read_department(const json& obj, const std::string& base) {
    Department d;
    const auto* dj = r_.member(obj, "department", base, true);
    if (!dj) return d;
    const std::string path = base + ".department";
    d.name = r_.text(*dj, "name", path, true);
    d.division = r_.string(*dj, "division", path, true);
    check_division(d.division, path + ".division");
    d.handled_by = take(*dj, "handledBy");
    return d;
  }

  TimeLimit read_time_limit(const json& obj, const char* key, const std::string& base) {
    TimeLimit t;
    const auto* tj = r_.member(obj, key, base, true);
    if (!tj) return t;
    const std::string path = base + "." + key;
    t.value = static_cast<int>(r_.integer(*tj, "value", path, true, 0, 3650).value_or(0));
    t.unit = r_.string(*tj, "unit", path, true);
    if (!t.unit.empty()) r_.one_of(t.unit, {"工作日", "自然日"}, [&] { return path + ".unit"; });
    t.note = take(*tj, "note");
    return t;
  }

  // The checks of an item's values, once its members are read (from JSON or from a pack).
  void check_item_values(Item* item, const std::string& path) {
    if (!item->id.empty() && r_.check_slug(item->id, path + ".id") && !ids_.insert(item->id).second)
      r_.error(path + ".id", "duplicate_id", "标识重复：" + item->id, "duplicate id " + item->id);
    if (!item->basic_code.empty() && item->basic_code.size() != 12)
      r_.error(path + ".basicCode", "bad_code", "基本编码应为12个字符",
               "basicCode must be exactly 12 characters");
    if (item->impl_code.size() > 36)
      r_.error(path + ".implCode", "bad_code", "实施编码最多36个字符",
               "implCode is at most 36 characters");
    else if (!item->impl_code.empty() && !impl_codes_.insert(item->impl_code).second)
      r_.error(path + ".implCode", "duplicate_impl_code", "实施编码重复：" + item->impl_code,
               "duplicate implCode " + item->impl_code);
    if (!item->level.empty())
      r_.one_of(item->level, {"1", "2", "3", "4", "5"}, [&] { return path + ".level"; });
    for (size_t k = 0; k < item->audience.size(); ++k)
      r_.one_of(item->audience[k], {"自然人", "法人", "其他组织"},
                [&] { return JsonReader::index_path(path + ".audience", k); });
    if (!item->handling_type.empty())
      r_.one_of(item->handling_type, {"即办件", "承诺件"}, [&] { return path + ".handlingType"; });
    if (!item->scope_range.empty())
      r_.one_of(item->scope_range, {"无", "全区", "全市", "全省", "跨省", "全国"},
                [&] { return path + ".scope.range"; });
    if (item->result.is_object() && item->result.contains("licence")) {
      item->result_licence = r_.as_string(item->result["licence"], path + ".result.licence");
      if (!item->result_licence.empty() && !c_->licence_type(item->result_licence))
        r_.error(path + ".result.licence", "unknown_licence_type",
                 "未知的电子证照类型 " + item->result_licence,
                 "unknown licence type " + item->result_licence);
    }
  }

  void read_items(const json& doc) {
    const json& list = r_.array(doc, "items", "$", true, 100000);
    c_->items.reserve(list.size());
    if (options_.lazy_forms) c_->lazy_.reserve(list.size());
    for (size_t i = 0; i < list.size(); ++i) {
      const size_t errors_before = result_->errors.size();
      const std::string path = JsonReader::index_path("$.items", i);
      const json& ij = list[i];
      Item item;
      item.json_path = path;
      item.id = r_.string(ij, "id", path, true);
      r_.set_item(item.id);
      item.revision =
          static_cast<int>(r_.integer(ij, "revision", path, true, 1, 1'000'000).value_or(1));
      item.basic_code = r_.string(ij, "basicCode", path, true);
      item.impl_code = r_.string(ij, "implCode", path, true);
      item.name = r_.text(ij, "name", path, true);
      item.type = r_.string(ij, "type", path, true);
      item.level = r_.string(ij, "level", path, false);
      item.audience = r_.strings(ij, "audience", path, true, 3);
      if (item.audience.empty() && ij.contains("audience"))
        r_.error(path + ".audience", "empty", "服务对象不能为空", "audience must not be empty");
      item.department = read_department(ij, path);
      item.legal_basis = take(ij, "legalBasis", json::array());
      const json& time_limits = JsonReader::optional(ij, "timeLimits");
      item.statutory = read_time_limit(time_limits, "statutory", path + ".timeLimits");
      item.promised = read_time_limit(time_limits, "promised", path + ".timeLimits");
      item.handling_type = r_.string(ij, "handlingType", path, true);
      item.visits = static_cast<int>(r_.integer(ij, "visits", path, true, 0, 5).value_or(0));
      item.online_depth =
          static_cast<int>(r_.integer(ij, "onlineDepth", path, true, 1, 4).value_or(1));
      if (const auto* scope = r_.member(ij, "scope", path, true)) {
        item.scope_range = r_.string(*scope, "range", path + ".scope", true);
        item.scope_modes = r_.strings(*scope, "modes", path + ".scope", false, 10);
      }
      item.domains = r_.strings(ij, "domains", path, false);
      item.keywords = r_.strings(ij, "keywords", path, false);
      item.themes = r_.strings(ij, "themes", path, false);
      item.sources = take(ij, "sources", json::array());
      item.notes = take(ij, "notes", json::array());
      item.result = take(ij, "result");
      check_item_values(&item, path);

      LazyItemText* scanned = lazy_items_ && i < lazy_items_->size() && (*lazy_items_)[i].scanned
                                  ? &(*lazy_items_)[i]
                                  : nullptr;
      std::unordered_set<std::string>& top_ids = item_top_ids_[item.id];
      if (scanned && top_ids.empty())
        top_ids = std::move(scanned->top_ids);  // read once, here
      else if (scanned)
        top_ids.insert(scanned->top_ids.begin(), scanned->top_ids.end());
      else if (const auto it = ij.find("form"); it != ij.end())
        collect_top_ids(*it, &top_ids);
      NameScope scope{c_, &top_ids, nullptr, &programs_};
      NameScope applicant_scope{c_, nullptr, nullptr, &programs_};
      read_conditions(r_.array(ij, "acceptanceConditions", path, true, 500),
                      path + ".acceptanceConditions", scope, &item.acceptance_conditions);
      const json& fees = r_.array(ij, "fees", path, true, 100);
      for (size_t k = 0; k < fees.size(); ++k) {
        const std::string fpath = JsonReader::index_path(path + ".fees", k);
        Fee fee;
        fee.id = r_.string(fees[k], "id", fpath, true);
        fee.name = r_.text(fees[k], "name", fpath, true);
        fee.per = take(fees[k], "per");
        fee.basis = take(fees[k], "basis");
        fee.waivable = r_.boolean(fees[k], "waivable", fpath, false);
        if (const auto* amount = r_.member(fees[k], "amountFen", fpath, true))
          compile_expression(*amount, fpath + ".amountFen", applicant_scope, &fee.amount_fen,
                             &result_->errors);
        item.fees.push_back(std::move(fee));
      }

      // A scanned item's form and materials are not in ij: member() then reports them missing
      // only when the scanner did not see them either.
      const json* form =
          scanned && scanned->has_form ? &kPresent : r_.member(ij, "form", path, true);
      const json* materials =
          scanned && scanned->has_materials ? &kPresent : r_.member(ij, "materials", path, true);
      const bool meta_ok = result_->errors.size() == errors_before;
      if (meta_ok && form && materials) {
        if (scanned) {
          Catalog::LazySource source;
          source.from_text = true;
          source.form_begin = scanned->form.begin;
          source.form_end = scanned->form.end;
          source.materials_begin = scanned->materials.begin;
          source.materials_end = scanned->materials.end;
          c_->lazy_.push_back(std::move(source));
        } else if (options_.lazy_forms) {
          // The parsed document is ours (load_catalog owns it): move the form out, no copy.
          Catalog::LazySource source;
          source.form = std::move(const_cast<json&>(*form));
          source.materials = std::move(const_cast<json&>(*materials));
          c_->lazy_.push_back(std::move(source));
        } else {
          item.form = compile_form(*c_, item, *form, *materials, &result_->errors);
        }
      }
      if (result_->errors.size() != errors_before) {
        result_->skipped.push_back(item.id.empty() ? path : item.id);
        if (options_.lazy_forms && meta_ok && form && materials) c_->lazy_.pop_back();
        continue;
      }
      c_->item_index_.emplace(item.id, c_->items.size());
      c_->items.push_back(std::move(item));
    }
    r_.set_item("");
    if (options_.lazy_forms) {
      c_->lazy_forms_.assign(c_->items.size(), nullptr);
      c_->lazy_failed_.assign(c_->items.size(), 0);
    }
  }

  // --- Packed items (pack_format.h): the same Item, read from length-prefixed fields --------

  std::string packed_string(pack::Reader* in) { return in->string(kMaxStringBytes); }
  std::vector<std::string> packed_strings(pack::Reader* in, size_t max_count) {
    return in->strings(max_count, kMaxStringBytes);
  }
  Text packed_text(pack::Reader* in) {
    Text t;
    t.zh = packed_string(in);
    t.en = packed_string(in);
    return t;
  }
  // A JSON value (pack::Writer::json): checked and bounded by the scanner a lazy load uses.
  json packed_json(pack::Reader* in) {
    const std::string_view text = in->view();
    if (in->failed() || text == "null") return nullptr;
    json_scan::Scanner scanner(text, options_.max_depth);
    json out;
    bool bad = false;
    if (!json_scan::build_value(scanner, 0, &out, &bad) || bad || !scanner.at_end()) {
      in->fail("a JSON value is not valid");
      return nullptr;
    }
    return out;
  }
  TimeLimit packed_time_limit(pack::Reader* in, const std::string& path, const char* key) {
    TimeLimit t;
    t.value = in->integer(3650);
    t.unit = packed_string(in);
    if (!t.unit.empty())
      r_.one_of(t.unit, {"工作日", "自然日"},
                [&] { return path + ".timeLimits." + key + ".unit"; });
    t.note = packed_json(in);
    return t;
  }

  // The item ids that bundles name: only their forms' top-level ids are needed after their own
  // item (bundle expressions read the merged forms). A pack's header is read before its items.
  static std::unordered_set<std::string> bundle_members(const json& header) {
    std::unordered_set<std::string> ids;
    const json* bundles = JsonReader::find(header, "bundles");
    if (!bundles || !bundles->is_array()) return ids;
    for (const json& bundle : *bundles) {
      const json* entries = JsonReader::find(bundle, "items");
      if (!entries || !entries->is_array()) continue;
      for (const json& entry : *entries)
        if (const json* id = JsonReader::find(entry, "item"); id && id->is_string())
          ids.insert(id->get<std::string>());
    }
    return ids;
  }

  // The fields in pack_writer.cpp's order. A damaged pack stops the load (in->failed()); an
  // item whose values fail the checks is reported and skipped, as in a JSON load.
  void read_packed_items(pack::Reader* in, const std::unordered_set<std::string>& bundled) {
    std::unordered_set<std::string> item_ids;  // an item's own, when no bundle needs them later
    const auto count = static_cast<size_t>(in->number(100000));
    // An item takes at least kMinItemBytes (one byte per field): a count that the bytes cannot
    // hold does not get its room reserved.
    constexpr size_t kMinItemBytes = 40;
    const size_t room = std::min(count, in->remaining() / kMinItemBytes);
    c_->items.reserve(room);
    c_->lazy_.reserve(room);
    const char* const base = c_->lazy_text_->data();
    for (size_t i = 0; i < count && !in->failed(); ++i) {
      const size_t errors_before = result_->errors.size();
      Item item;
      item.json_path = packed_string(in);
      if (item.json_path.empty()) item.json_path = JsonReader::index_path("$.items", i);
      const std::string& path = item.json_path;
      item.id = packed_string(in);
      r_.set_item(item.id);
      if (item.id.empty()) r_.missing(path, "id");
      item.revision = std::max(1, in->integer(1'000'000));
      item.basic_code = packed_string(in);
      item.impl_code = packed_string(in);
      item.name = packed_text(in);
      item.type = packed_string(in);
      item.level = packed_string(in);
      item.audience = packed_strings(in, 3);
      item.department.name = packed_text(in);
      item.department.division = packed_string(in);
      item.department.handled_by = packed_json(in);
      item.legal_basis = packed_json(in);
      item.statutory = packed_time_limit(in, path, "statutory");
      item.promised = packed_time_limit(in, path, "promised");
      item.handling_type = packed_string(in);
      item.visits = in->integer(5);
      item.online_depth = std::max(1, in->integer(4));
      item.scope_range = packed_string(in);
      item.scope_modes = packed_strings(in, 10);
      item.domains = packed_strings(in, 1000);
      item.keywords = packed_strings(in, 1000);
      item.themes = packed_strings(in, 1000);
      item.sources = packed_json(in);
      item.notes = packed_json(in);
      item.result = packed_json(in);

      item_ids.clear();
      std::unordered_set<std::string>& top_ids =
          bundled.count(item.id) ? item_top_ids_[item.id] : item_ids;
      for (auto& id : packed_strings(in, 100000)) top_ids.insert(std::move(id));
      NameScope scope{c_, &top_ids, nullptr, &programs_};
      NameScope applicant_scope{c_, nullptr, nullptr, &programs_};
      std::unordered_set<std::string> seen;
      const auto conditions = static_cast<size_t>(in->number(500));
      item.acceptance_conditions.reserve(conditions);
      for (size_t k = 0; k < conditions && !in->failed(); ++k) {
        Condition c;
        c.id = packed_string(in);
        c.text = packed_text(in);
        c.informational = in->number(1) != 0;
        c.basis = packed_json(in);
        const json when = packed_json(in);  // null: none
        if (in->failed()) break;
        add_condition(std::move(c), when.is_null() ? nullptr : &when,
                      JsonReader::index_path(path + ".acceptanceConditions", k), scope, &seen,
                      &item.acceptance_conditions);
      }
      const auto fees = static_cast<size_t>(in->number(100));
      item.fees.reserve(fees);
      for (size_t k = 0; k < fees && !in->failed(); ++k) {
        Fee fee;
        fee.id = packed_string(in);
        fee.name = packed_text(in);
        const json amount = packed_json(in);
        fee.per = packed_json(in);
        fee.basis = packed_json(in);
        fee.waivable = in->number(1) != 0;
        if (in->failed()) break;
        compile_expression(amount, JsonReader::index_path(path + ".fees", k) + ".amountFen",
                           applicant_scope, &fee.amount_fen, &result_->errors);
        item.fees.push_back(std::move(fee));
      }
      const std::string_view form = in->view();
      const std::string_view materials = in->view();
      if (in->failed()) break;
      check_division(item.department.division, path + ".department.division");
      check_item_values(&item, path);
      if (result_->errors.size() != errors_before) {
        result_->skipped.push_back(item.id.empty() ? path : item.id);
        continue;
      }
      // Checked when first opened (Catalog::form), as the forms of a lazy JSON load are.
      Catalog::LazySource source;
      source.from_text = true;
      source.form_begin = static_cast<size_t>(form.data() - base);
      source.form_end = source.form_begin + form.size();
      source.materials_begin = static_cast<size_t>(materials.data() - base);
      source.materials_end = source.materials_begin + materials.size();
      c_->lazy_.push_back(source);
      c_->item_index_.emplace(item.id, c_->items.size());
      c_->items.push_back(std::move(item));
    }
    r_.set_item("");
    if (!in->failed() && !in->at_end()) in->fail("bytes follow the last item");
    c_->lazy_forms_.assign(c_->items.size(), nullptr);
    c_->lazy_failed_.assign(c_->items.size(), 0);
  }

  void read_bundles(const json& doc) {
    const json& list = r_.array(doc, "bundles", "$", false, 10000);
    for (size_t i = 0; i < list.size(); ++i) {
      const size_t errors_before = result_->errors.size();
      const std::string path = JsonReader::index_path("$.bundles", i);
      const json& bj = list[i];
      Bundle b;
      b.id = r_.string(bj, "id", path, true);
      r_.set_item(b.id);
      if (!b.id.empty() && r_.check_slug(b.id, path + ".id") && !ids_.insert(b.id).second)
        r_.error(path + ".id", "duplicate_id", "标识重复：" + b.id, "duplicate id " + b.id);
      b.revision =
          static_cast<int>(r_.integer(bj, "revision", path, true, 1, 1'000'000).value_or(1));
      b.name = r_.text(bj, "name", path, true);
      b.audience = r_.strings(bj, "audience", path, true, 3);
      b.keywords = r_.strings(bj, "keywords", path, false);
      b.themes = r_.strings(bj, "themes", path, false);
      b.description = JsonReader::optional(bj, "description");
      // Entries' `when`s and the bundle's conditions read the merged answers: any member's fields.
      std::unordered_set<std::string> merged;
      const json& entries = r_.array(bj, "items", path, true, 100);
      for (size_t k = 0; k < entries.size(); ++k) {
        const std::string id =
            r_.string(entries[k], "item", JsonReader::index_path(path + ".items", k), true);
        if (auto it = item_top_ids_.find(id); it != item_top_ids_.end())
          merged.insert(it->second.begin(), it->second.end());
      }
      NameScope scope{c_, &merged, nullptr, &programs_};
      for (size_t k = 0; k < entries.size(); ++k) {
        const std::string epath = JsonReader::index_path(path + ".items", k);
        BundleEntry e;
        e.item = r_.string(entries[k], "item", epath, false);
        if (!e.item.empty() && !c_->item(e.item))
          r_.error(epath + ".item", "unknown_item",
                   "一件事引用了不存在（或未能加载）的事项 " + e.item,
                   "the bundle names an item that does not exist or failed to load: " + e.item);
        e.optional = r_.boolean(entries[k], "optional", epath, false);
        if (entries[k].contains("when"))
          compile_expression(entries[k]["when"], epath + ".when", scope, &e.when, &result_->errors);
        b.items.push_back(std::move(e));
      }
      read_conditions(r_.array(bj, "conditions", path, false, 500), path + ".conditions", scope,
                      &b.conditions);
      if (result_->errors.size() != errors_before) {
        result_->skipped.push_back(b.id.empty() ? path : b.id);
        continue;
      }
      c_->bundles.push_back(std::move(b));
    }
    r_.set_item("");
  }

  void read_policies(const json& doc) {
    const json& list = r_.array(doc, "policies", "$", false, 100000);
    NameScope scope{c_, nullptr, nullptr, &programs_};
    for (size_t i = 0; i < list.size(); ++i) {
      const size_t errors_before = result_->errors.size();
      const std::string path = JsonReader::index_path("$.policies", i);
      const json& pj = list[i];
      Policy p;
      p.id = r_.string(pj, "id", path, true);
      r_.set_item(p.id);
      if (!p.id.empty() && r_.check_slug(p.id, path + ".id") && !ids_.insert(p.id).second)
        r_.error(path + ".id", "duplicate_id", "标识重复：" + p.id, "duplicate id " + p.id);
      p.revision =
          static_cast<int>(r_.integer(pj, "revision", path, true, 1, 1'000'000).value_or(1));
      p.name = r_.text(pj, "name", path, true);
      p.mode = r_.string(pj, "mode", path, true);
      if (!p.mode.empty()) r_.one_of(p.mode, {"免申即享", "即申即享"}, path + ".mode");
      p.audience = r_.strings(pj, "audience", path, true, 3);
      p.department = read_department(pj, path);
      p.legal_basis = JsonReader::optional(pj, "legalBasis", json::array());
      p.keywords = r_.strings(pj, "keywords", path, false);
      p.valid_from = r_.string(pj, "validFrom", path, false);
      p.valid_to = r_.string(pj, "validTo", path, false);
      for (const auto& [key, value] :
           {std::pair{"validFrom", &p.valid_from}, std::pair{"validTo", &p.valid_to}})
        if (!value->empty() && !time::parse_iso(*value))
          r_.error(path + "." + key, "bad_date", "日期无效：" + *value, "not a date: " + *value);
      if (const auto* benefit = r_.member(pj, "benefit", path, true)) {
        p.benefit_description = JsonReader::optional(*benefit, "description");
        if (benefit->contains("amountFen"))
          compile_expression((*benefit)["amountFen"], path + ".benefit.amountFen", scope,
                             &p.benefit_amount_fen, &result_->errors);
      }
      read_conditions(r_.array(pj, "eligibility", path, true, 500), path + ".eligibility", scope,
                      &p.eligibility);
      if (result_->errors.size() != errors_before) {
        result_->skipped.push_back(p.id.empty() ? path : p.id);
        continue;
      }
      c_->policies.push_back(std::move(p));
    }
    r_.set_item("");
  }

  inline static const json kPresent = json::object();  // stands for a form kept as text

  const LoadOptions& options_;
  std::vector<LazyItemText>* lazy_items_ = nullptr;
  LoadResult* result_;
  JsonReader r_;
  Catalog* c_ = nullptr;
  std::unordered_set<std::string> ids_;
  std::unordered_set<std::string> impl_codes_;
  // Top-level field ids per item id: bundle expressions read the merged forms.
  std::unordered_map<std::string, std::unordered_set<std::string>> item_top_ids_;
  ProgramCache programs_;  // conditions, fees, bundles and policies (forms compile their own)
};

namespace {

void report_bad_json(LoadResult* result, const std::string& message) {
  result->errors.push_back(
      {"$",
       "bad_json",
       "目录不是有效的 JSON（或超出大小/嵌套上限）：" + message,
       "the catalogue is not valid JSON or exceeds the size/nesting bounds: " + message,
       {}});
}

// `kept`: the host's text, given up to the catalogue (load_catalog_keeping); else a lazy load
// copies `text` for the forms it parses later.
LoadResult load_catalog_unguarded(std::string_view text, std::shared_ptr<const std::string> kept,
                                  const LoadOptions& original_options) {
  LoadResult result;
  // Strict mode checks everything at load, forms included, so it never defers.
  LoadOptions options = original_options;
  if (options.strict) options.lazy_forms = false;

  // A lazy load scans the text and parses all but the items' forms and materials (kept as
  // text until first use): parsing them was most of the load time of a large catalogue.
  if (options.lazy_forms && text.size() <= options.max_bytes) {
    LazyDocument lazy;
    switch (scan_lazy_document(text, options.max_depth, &lazy)) {
      case LazyScan::BadJson:
        break;  // the bounded parse below reports it, with the same message as an eager load
      case LazyScan::Ok: {
        CatalogBuilder builder(options, &result);
        if (!kept) kept = std::make_shared<const std::string>(text);
        auto catalog = builder.run(lazy.doc, &lazy.items, std::move(kept));
        if (!catalog) return result;
        result.catalog = std::move(catalog);
        return result;
      }
      case LazyScan::NotApplicable:
        break;
    }
  }

  expr::Error parse_error;
  auto doc = expr::parse_bounded_json(text, options.max_depth, options.max_bytes, &parse_error);
  if (!doc) {
    report_bad_json(&result, parse_error.message);
    return result;
  }
  CatalogBuilder builder(options, &result);
  auto catalog = builder.run(*doc);
  if (!catalog) return result;
  if (options.strict && !result.errors.empty()) return result;
  result.catalog = std::move(catalog);
  return result;
}

void report_bad_pack(LoadResult* result, const std::string& message) {
  result->errors.push_back({"$",
                            "bad_pack",
                            "打包目录已损坏：" + message,
                            "the packed catalogue is damaged: " + message,
                            {}});
}

LoadResult load_pack_unguarded(std::string bytes, const LoadOptions& options) {
  LoadResult result;
  if (bytes.size() > options.max_bytes) {
    report_bad_pack(&result, "larger than " + std::to_string(options.max_bytes) + " bytes");
    return result;
  }
  auto kept = std::make_shared<const std::string>(std::move(bytes));
  pack::Reader in(*kept);
  const std::string_view header_text = in.view();
  if (in.failed()) {
    report_bad_pack(&result, in.error());
    return result;
  }
  expr::Error parse_error;
  auto header =
      expr::parse_bounded_json(header_text, options.max_depth, options.max_bytes, &parse_error);
  if (!header) {
    report_bad_json(&result, parse_error.message);
    return result;
  }
  CatalogBuilder builder(options, &result);
  auto catalog = builder.run_packed(*header, &in, kept);
  if (!catalog) return result;
  if (options.strict) {
    // Strict checks everything at load: every form too.
    for (const Item& item : catalog->items) (void)catalog->form(item, &result.errors);
    if (!result.errors.empty()) return result;
  }
  result.catalog = std::move(catalog);
  return result;
}

// The last line of defence: a JSON access that the reader's checks missed (a fuzz finding:
// "fees": ["x"]) must not take a host down. The catalogue is refused with a clear error.
template <class Load>
LoadResult guarded(Load&& load) {
  try {
    return load();
  } catch (const nlohmann::json::exception& e) {
    LoadResult result;
    result.errors.push_back(
        {"$",
         "malformed",
         std::string("目录结构异常，无法读取：") + e.what(),
         std::string("the catalogue has a structure the loader cannot read: ") + e.what(),
         {}});
    return result;
  }
}

}  // namespace

LoadResult load_catalog(std::string_view text, const LoadOptions& options) {
  return guarded([&] { return load_catalog_unguarded(text, nullptr, options); });
}

LoadResult load_catalog_keeping(std::string text, const LoadOptions& options) {
  auto kept = std::make_shared<const std::string>(std::move(text));
  return guarded([&] { return load_catalog_unguarded(*kept, kept, options); });
}

LoadResult load_catalog_pack(std::string bytes, const LoadOptions& options) {
  return guarded([&] { return load_pack_unguarded(std::move(bytes), options); });
}

nlohmann::json summary_json(const LoadResult& result) {
  json out = {{"ok", result.ok() && result.errors.empty()}};
  if (result.catalog) {
    out["catalogVersion"] = result.catalog->catalog_version;
    out["items"] = result.catalog->items.size();
    out["bundles"] = result.catalog->bundles.size();
    out["policies"] = result.catalog->policies.size();
  }
  out["skipped"] = result.skipped;
  json errors = json::array();
  for (const auto& e : result.errors) errors.push_back(to_json(e));
  out["errors"] = std::move(errors);
  return out;
}

// --- Catalog lookups ------------------------------------------------------------------------

const Item* Catalog::item(std::string_view id) const {
  auto it = item_index_.find(std::string(id));
  return it == item_index_.end() ? nullptr : &items[it->second];
}
const LicenceType* Catalog::licence_type(std::string_view id) const {
  auto it = licence_index_.find(std::string(id));
  return it == licence_index_.end() ? nullptr : &licence_types[it->second];
}
const CommitmentTemplate* Catalog::commitment_template(std::string_view id) const {
  auto it = template_index_.find(std::string(id));
  return it == template_index_.end() ? nullptr : &commitment_templates[it->second];
}
const ProfileField* Catalog::profile_field(std::string_view path) const {
  auto it = profile_index_.find(std::string(path));
  return it == profile_index_.end() ? nullptr : &profile_fields[it->second];
}

std::shared_ptr<const Form> Catalog::form(const Item& item, std::vector<LoadError>* errors) const {
  if (item.form || lazy_.empty()) return item.form;
  const size_t index = static_cast<size_t>(&item - items.data());
  if (index >= items.size()) return nullptr;
  std::lock_guard<std::mutex> lock(lazy_mutex_);
  if (lazy_forms_[index]) return lazy_forms_[index];
  std::vector<LoadError> local;
  std::shared_ptr<const Form> form;
  const LazySource& source = lazy_[index];
  if (source.from_text) {
    // Parsed only now, on first use: validated by the scanner at load (a lazy JSON load) or not
    // yet at all (a pack), hence the bounded parse.
    const std::string_view text = *lazy_text_;
    const LoadOptions bounds;
    expr::Error error;
    const auto form_json = expr::parse_bounded_json(
        text.substr(source.form_begin, source.form_end - source.form_begin), bounds.max_depth,
        bounds.max_bytes, &error);
    const auto materials_json = expr::parse_bounded_json(
        text.substr(source.materials_begin, source.materials_end - source.materials_begin),
        bounds.max_depth, bounds.max_bytes, &error);
    if (!form_json || !materials_json)
      local.push_back({item.json_path, "bad_json", "表单或材料不是有效的 JSON：" + error.message,
                       "the form or the materials are not valid JSON: " + error.message, item.id});
    else
      form = compile_form(*this, item, *form_json, *materials_json, &local);
  } else {
    form = compile_form(*this, item, source.form, source.materials, &local);
  }
  if (errors) errors->insert(errors->end(), local.begin(), local.end());
  if (!form) lazy_failed_[index] = 1;
  lazy_forms_[index] = form;
  return form;
}

}  // namespace haoban::catalog
