// The loaded service catalogue (事项目录, docs/catalog-format.md): plain structs, immutable after
// load, with every expression compiled once. Descriptive parts the engine never evaluates
// (legal basis, sources, notes) stay as the catalogue's JSON; everything the engine decides on
// is typed.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "haoban/catalog/expression.h"
#include "haoban/catalog/load_error.h"
#include "haoban/regex/regex.h"

namespace haoban::catalog {

using json = nlohmann::json;

struct Text {
  std::string zh;
  std::string en;
};

// 法定/承诺办结时限: value 0 means on the spot.
struct TimeLimit {
  int value = 0;
  std::string unit;  // 工作日 / 自然日
  json note;         // null or {zh, en?}
};

struct Fee {
  std::string id;
  Text name;
  Expression amount_fen;  // a literal integer or an expression over applicant.*
  json per;
  json basis;
  bool waivable = false;
};

struct Department {
  Text name;
  std::string division;
  json handled_by;  // null or {zh, en?}
};

// A 受理条件 / bundle condition / policy eligibility rule: `when` must hold. Informational
// conditions have no `when` and are shown, not evaluated.
struct Condition {
  std::string id;
  Text text;
  bool informational = false;
  Expression when;
  json basis;
};

struct Rule {
  std::string id;
  Expression assertion;
  Text message;
  std::vector<std::string> fields;  // targets (field ids; for row rules, row field ids)
  bool warning = false;             // severity "warning": reported, does not block
  std::string json_path;
};

struct Option {
  std::string code;
  Text label;
  Flag visible;
};

enum class FieldType : uint8_t {
  text,
  textarea,
  number,
  money,
  date,
  select,
  radio,
  multiselect,
  agreement,
  id_number,
  uscc,
  mobile,
  email,
  division,
  address,
  material,
  signature,
  group,
};
std::optional<FieldType> field_type_from_name(std::string_view name);
const char* field_type_name(FieldType type);

enum class NormalizeStep : uint8_t { fullwidth, trim, collapse_spaces, upper, lower };

struct Prefill {
  std::string from;  // "applicant.x" or "licences.t.f"
  bool editable = true;
};

// A date bound: a literal date or an expression such as "today()".
struct DateBound {
  std::string literal;
  Expression expr;
  bool present() const { return !literal.empty() || expr.program; }
};

struct Field {
  std::string id;
  FieldType type = FieldType::text;
  Text label;
  json hint;
  Flag required{false};
  Flag visible{true};
  Flag enabled{true};
  Flag readonly{false};
  Expression computed;  // program null when not computed
  json default_value;   // null when absent
  std::optional<Prefill> prefill;
  std::vector<Rule> rules;
  std::vector<Option> options;
  std::optional<int64_t> min_length, max_length;
  std::optional<regex::Regex> pattern;
  bool integer = false;
  std::optional<double> min_number, max_number;
  DateBound min_date, max_date;
  std::optional<int64_t> min_items, max_items;
  std::string levels;  // division: province / city / district
  std::string within;  // division the cascade starts in
  std::string material;
  json agreement_text;
  std::vector<NormalizeStep> normalize;  // resolved (the type's defaults when absent)
  std::string share_key;
  std::vector<std::string> former_ids;
  std::string json_path;
  int page = 0;
  // Groups only.
  Text row_label;
  int min_rows = 0;
  int max_rows = 0;
  std::vector<Field> row_fields;
  std::vector<Rule> row_rules;

  bool is_group() const { return type == FieldType::group; }
  const Option* option(std::string_view code) const {
    for (const auto& o : options)
      if (o.code == code) return &o;
    return nullptr;
  }
};

struct Page {
  std::string id;
  Text title;
  Flag visible{true};
  std::vector<int> fields;  // indexes into Form::fields
};

struct Material {
  std::string id;
  Text name;
  int kind = 1;
  std::string form;  // 纸质 / 电子 / 纸质+电子
  int originals = 0;
  int copies = 0;
  std::string necessity;  // 必要 / 非必要 / 容缺后补
  int deferral_working_days = 0;
  std::string source;  // 申请人自备 / 政府部门核发 / 其他
  json issuer;
  Expression when;  // 情形; program null: always
  std::string replace_by_licence;
  std::string replace_by_commitment;
  std::string share_key;
  json acceptance;
  json notes;
};

// An item's compiled form: fields in document order (groups hold their row fields), pages,
// cross-field rules, and the dependency facts the form session needs.
struct Form {
  std::vector<Page> pages;
  std::vector<Field> fields;  // top-level fields and groups, in document order
  std::vector<Rule> rules;
  std::vector<Material> materials;  // with the form: a material's 情形 reads the answers
  std::unordered_map<std::string, int> field_index;  // top-level id → index
  bool uses_form_prefix = false;  // some expression says form.x (the session mirrors values)

  const Field* field(std::string_view id) const {
    auto it = field_index.find(std::string(id));
    return it == field_index.end() ? nullptr : &fields[it->second];
  }
};

struct Item {
  std::string id;
  int revision = 1;
  std::string basic_code;
  std::string impl_code;
  Text name;
  std::string type;
  std::string level;
  std::vector<std::string> audience;
  Department department;
  json legal_basis;
  std::vector<Condition> acceptance_conditions;
  TimeLimit statutory, promised;
  std::string handling_type;
  int visits = 0;
  int online_depth = 1;
  std::string scope_range;
  std::vector<std::string> scope_modes;
  std::vector<Fee> fees;
  json result;
  std::string result_licence;
  std::vector<std::string> domains;
  std::vector<std::string> keywords;
  std::vector<std::string> themes;
  json sources;
  json notes;
  std::string json_path;             // $.items[i]
  std::shared_ptr<const Form> form;  // null until compiled (lazy loading)
};

struct BundleEntry {
  std::string item;
  Expression when;
  bool optional = false;
};

struct Bundle {
  std::string id;
  int revision = 1;
  Text name;
  std::vector<std::string> audience;
  std::vector<BundleEntry> items;
  std::vector<Condition> conditions;
  std::vector<std::string> keywords;
  std::vector<std::string> themes;
  json description;
};

struct Policy {
  std::string id;
  int revision = 1;
  Text name;
  std::string mode;  // 免申即享 / 即申即享
  std::vector<std::string> audience;
  Department department;
  json legal_basis;
  json benefit_description;
  Expression benefit_amount_fen;
  std::vector<Condition> eligibility;
  std::string valid_from, valid_to;
  std::vector<std::string> keywords;
};

struct LicenceField {
  std::string id;
  std::string type;
  Text label;
};

struct LicenceType {
  std::string id;
  Text name;
  json issuer;
  std::string holder;
  std::vector<LicenceField> fields;
};

struct CommitmentTemplate {
  std::string id;
  Text name;
  json text;
  json liability;
  json basis;
  Expression excluded_when;
  std::vector<std::string> restricted_domains;
};

struct ProfileField {
  std::string path;  // "applicant.x"
  std::string type;
  Text label;
  std::vector<std::string> audience;
  std::vector<std::string> codes;
};

class Catalog {
 public:
  int format_version = 1;
  std::string catalog_version;
  std::string generated;
  std::string region_division;
  Text region_name;
  std::vector<ProfileField> profile_fields;
  std::vector<LicenceType> licence_types;
  std::vector<CommitmentTemplate> commitment_templates;
  std::vector<Item> items;
  std::vector<Bundle> bundles;
  std::vector<Policy> policies;

  const Item* item(std::string_view id) const;
  const LicenceType* licence_type(std::string_view id) const;
  const CommitmentTemplate* commitment_template(std::string_view id) const;
  const ProfileField* profile_field(std::string_view path) const;

  // The item's compiled form: already there after an eager load; compiled on first use (and
  // kept) after a lazy load. Null if the form fails to compile (errors appended when given).
  std::shared_ptr<const Form> form(const Item& item,
                                   std::vector<LoadError>* errors = nullptr) const;

  // Lazy loading keeps each item's form and materials until first use: as JSON text (the
  // scanned load of lazy_document.h: never parsed until then), where they are in lazy_text_,
  // or, for an item the scanner left whole, as parsed JSON.
  struct LazySource {
    json form;
    json materials;
    bool from_text = false;
    size_t form_begin = 0, form_end = 0;  // byte offsets in lazy_text_
    size_t materials_begin = 0, materials_end = 0;
  };

 private:
  friend class CatalogBuilder;
  std::unordered_map<std::string, size_t> item_index_;
  std::unordered_map<std::string, size_t> licence_index_;
  std::unordered_map<std::string, size_t> template_index_;
  std::unordered_map<std::string, size_t> profile_index_;
  std::vector<LazySource> lazy_;  // per item, empty when loaded eagerly
  // The catalogue text of a scanned lazy load: one copy, rather than one per form and material
  // list (~23,000 allocations for 11,449 items, a fifth of the load's time in the allocator).
  std::shared_ptr<const std::string> lazy_text_;
  mutable std::mutex lazy_mutex_;
  mutable std::vector<std::shared_ptr<const Form>> lazy_forms_;
  mutable std::vector<char> lazy_failed_;
};

}  // namespace haoban::catalog
