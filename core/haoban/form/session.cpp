#include "haoban/form/session.h"

#include <algorithm>
#include <functional>
#include <unordered_map>

#include "haoban/catalog/form_compiler.h"
#include "haoban/catalog/value_types.h"
#include "haoban/expr/engine.h"
#include "haoban/form/builtin_checks.h"
#include "haoban/form/normalize.h"
#include "haoban/form/row_graph.h"

namespace haoban::form {

using catalog::Expression;
using catalog::Field;
using catalog::FieldType;
using catalog::Flag;
using catalog::Rule;

namespace {

bool json_truthy(const json& v) {
  if (v.is_null()) return false;
  if (v.is_boolean()) return v.get<bool>();
  if (v.is_number()) return v.get<double>() != 0;
  if (v.is_string()) return !v.get_ref<const std::string&>().empty();
  if (v.is_array()) return !v.empty();
  return true;
}

const char* kRequiredZh = "此项为必填项";
const char* kRequiredEn = "This field is required";

// One field's (or one group cell's) computed state.
struct Cell {
  json raw;        // the applicant's normalised answer (kept while hidden)
  json effective;  // what expressions see and what is submitted: null when hidden
  bool visible = true;
  bool required = false;
  bool enabled = true;
  bool readonly = false;
  std::vector<std::string> options;
  std::vector<FieldError> errors;
  uint32_t noted = 0;  // the set() (epoch) that last reported this cell as changed
};

struct Row {
  std::vector<Cell> cells;  // one per row field
};

struct Top {
  Cell cell;
  std::vector<Row> rows;  // groups only
  bool locked = false;    // prefilled with editable: false
};

// Splits "g[2].f" / "g" / "f".
struct ParsedPath {
  std::string top;
  bool has_row = false;
  size_t row = 0;
  std::string cell;
};

std::optional<ParsedPath> parse_path(std::string_view path) {
  ParsedPath p;
  if (path.size() > 200) return std::nullopt;
  const auto bracket = path.find('[');
  if (bracket == std::string_view::npos) {
    p.top = std::string(path);
    return p.top.empty() ? std::nullopt : std::optional(p);
  }
  p.top = std::string(path.substr(0, bracket));
  const auto close = path.find(']', bracket);
  if (close == std::string_view::npos || close + 2 > path.size() || path[close + 1] != '.')
    return std::nullopt;
  const auto digits = path.substr(bracket + 1, close - bracket - 1);
  if (digits.empty() || digits.size() > 6) return std::nullopt;
  for (char c : digits)
    if (c < '0' || c > '9') return std::nullopt;
  p.has_row = true;
  p.row = std::stoul(std::string(digits));
  p.cell = std::string(path.substr(close + 2));
  return p.cell.empty() ? std::nullopt : std::optional(p);
}

std::string cell_path(const std::string& group, size_t row, const std::string& field) {
  return group + "[" + std::to_string(row) + "]." + field;
}

}  // namespace

struct FormSession::Impl {
  std::shared_ptr<const catalog::Catalog> catalog;
  const catalog::Item* item = nullptr;
  std::shared_ptr<const catalog::Form> form;
  expr::EvalEnv env;
  json data = json::object();
  std::vector<Top> top;
  int prefilled = 0;
  DraftReport report;
  std::vector<char> commitment_allowed;  // per material

  // Dependency graph over top-level fields (groups are single nodes).
  std::unordered_map<std::string, std::vector<int>> value_deps;  // id → fields whose state reads it
  std::unordered_map<std::string, std::vector<int>> error_deps;  // id → fields whose errors read it
  std::vector<int> reads_all;                 // fields whose state reads everything (dynamic paths)
  std::vector<int> errors_read_all;           // fields whose errors read everything
  std::vector<int> topo;                      // evaluation order
  std::vector<RowGraph> row_graphs;           // per group: row field order and readers
  std::vector<std::vector<int>> cross_rules;  // per field: form rules aimed at it

  // The same graph by field index, for propagate() (no string hashing per keystroke).
  std::vector<const std::vector<int>*> value_deps_of;  // per field; null when none
  std::vector<const std::vector<int>*> error_deps_of;
  // Where each field's value lives in `data` (and in data["form"]), and data["row"]: found
  // once, since std::map nodes never move and no key is ever erased.
  std::vector<json*> slot;
  std::vector<json*> form_slot;  // null until first published (and without the form. prefix)
  json* form_root = nullptr;
  json* row_slot = nullptr;

  // Change tracking during one set(): which cells changed, in the order first noticed.
  // A cell is marked with the set()'s epoch, so noting it twice costs nothing.
  struct Changed {
    int top;
    int row;  // -1: the field itself (for a group, its own state)
    int cell;
  };
  std::vector<Changed> changed;
  uint32_t epoch = 0;
  bool tracking = false;
  // propagate()'s per-field marks, kept between calls for their capacity.
  std::vector<char> value_dirty, error_dirty, all_rows, error_all_rows;
  std::vector<const std::string*> visible_codes;  // compute_cell()'s scratch
  // compute_from_cell()'s marks over the edited row's cells; row_marks_of is the group they
  // belong to during this set() (-1: none, compute_errors() then checks the whole row).
  std::vector<char> cell_value_dirty, cell_error_dirty;
  int row_marks_of = -1;

  // --- evaluation -----------------------------------------------------------------------

  expr::Outcome run(const Expression& e) const { return expr::evaluate(*e.program, data, env); }
  json eval(const Expression& e) const {
    auto out = run(e);
    return out.ok ? std::move(out.value) : json();
  }
  bool flag(const Flag& f) const { return f.is_constant() ? f.value : json_truthy(eval(f.expr)); }

  // data["form"][id]: created on first publish, as before (a form. read of a field never
  // published finds no key, not a null).
  json& form_value(int i) {
    if (!form_slot[i]) form_slot[i] = &(*form_root)[form->fields[i].id];
    return *form_slot[i];
  }

  void publish(int i) {
    *slot[i] = top[i].cell.effective;
    if (form->uses_form_prefix) form_value(i) = top[i].cell.effective;
  }

  void note(Cell& c, int i, int row = -1, int k = -1) {
    if (!tracking || c.noted == epoch) return;
    c.noted = epoch;
    changed.push_back({i, row, k});
  }

  // Flags, options and value of one cell; returns whether anything changed. The options and
  // an answer that did not change are compared in place, not copied per keystroke.
  bool compute_cell(const Field& f, bool parent_visible, bool locked, Cell& c) {
    const bool visible = parent_visible && flag(f.visible);
    const bool required = flag(f.required);
    const bool enabled = flag(f.enabled);
    const bool readonly = locked || f.computed || flag(f.readonly);
    visible_codes.clear();
    for (const auto& o : f.options)
      if (flag(o.visible)) visible_codes.push_back(&o.code);
    bool changed = visible != c.visible || required != c.required || enabled != c.enabled ||
                   readonly != c.readonly;
    if (!same_codes(visible_codes, c.options)) {
      changed = true;
      c.options.clear();
      for (const std::string* code : visible_codes) c.options.push_back(*code);
    }
    c.visible = visible;
    c.required = required;
    c.enabled = enabled;
    c.readonly = readonly;
    if (f.computed || !visible) {
      json effective = visible ? eval(f.computed) : json();
      if (effective != c.effective) changed = true;
      c.effective = std::move(effective);
    } else {
      if (c.raw != c.effective) changed = true;
      // Equal is not identical (1 == 1.0, 0.0 == -0.0): copied unless it is the same text.
      if (!same_text(c.raw, c.effective)) c.effective = c.raw;
    }
    return changed;
  }

  static bool same_codes(const std::vector<const std::string*>& codes,
                         const std::vector<std::string>& options) {
    if (codes.size() != options.size()) return false;
    for (size_t k = 0; k < codes.size(); ++k)
      if (*codes[k] != options[k]) return false;
    return true;
  }

  // Whether two values are equal and would also print the same: scalars of one type other
  // than floating point (where equal values can print differently).
  static bool same_text(const json& a, const json& b) {
    if (a.type() != b.type()) return false;
    switch (a.type()) {
      case json::value_t::null:
      case json::value_t::boolean:
      case json::value_t::string:
      case json::value_t::number_integer:
      case json::value_t::number_unsigned:
        return a == b;
      default:
        return false;
    }
  }

  json row_object(const Field& g, const Row& row) const {
    json obj = json::object();
    for (size_t k = 0; k < g.row_fields.size(); ++k)
      obj[g.row_fields[k].id] = row.cells[k].effective;
    return obj;
  }

  // Recomputes one row of group i; data["row"] holds the row while its expressions run
  // (raw answers, each replaced by its effective value once computed), built in place.
  void compute_row(int i, size_t r, bool group_visible) {
    const Field& g = form->fields[i];
    Row& row = top[i].rows[r];
    json& current = *row_slot;
    current = json::object();
    for (size_t k = 0; k < g.row_fields.size(); ++k) current[g.row_fields[k].id] = row.cells[k].raw;
    for (int k : row_graphs[i].order) {
      if (compute_cell(g.row_fields[k], group_visible, false, row.cells[k]))
        note(row.cells[k], i, static_cast<int>(r), k);
      current[g.row_fields[k].id] = row.cells[k].effective;
    }
    current = nullptr;
  }

  // A keystroke in cell k of row r: recomputes that cell and, in row order, the cells that
  // read a cell whose value changed (RowGraph), and patches the group's value cell by cell.
  // Marks the cells whose errors must be checked again (cell_error_dirty); returns whether
  // the group's value changed. Cells left alone already hold what a whole-row pass would
  // give them: none of their inputs changed.
  bool compute_from_cell(int i, size_t r, int k0, bool group_visible) {
    const Field& g = form->fields[i];
    const RowGraph& graph = row_graphs[i];
    Top& t = top[i];
    Row& row = t.rows[r];
    const size_t n = g.row_fields.size();
    cell_value_dirty.assign(n, 0);
    cell_error_dirty.assign(n, 0);
    cell_value_dirty[k0] = 1;
    row_marks_of = i;
    json& current = *row_slot;
    current = json::object();
    for (size_t k = 0; k < n; ++k) current[g.row_fields[k].id] = row.cells[k].effective;
    bool effective_changed = false;
    for (int k : graph.order) {
      if (!cell_value_dirty[k]) continue;
      cell_error_dirty[k] = 1;
      Cell& c = row.cells[k];
      const std::string& id = g.row_fields[k].id;
      if (compute_cell(g.row_fields[k], group_visible, false, c))
        note(c, i, static_cast<int>(r), k);
      json& seen = current[id];
      if (seen == c.effective) continue;
      seen = c.effective;
      t.cell.effective[r][id] = c.effective;
      (*slot[i])[r][id] = c.effective;
      if (form->uses_form_prefix) form_value(i)[r][id] = c.effective;
      effective_changed = true;
      for (int d : graph.value_readers[k]) cell_value_dirty[d] = 1;
      for (int d : graph.error_readers[k]) cell_error_dirty[d] = 1;
    }
    current = nullptr;
    return effective_changed;
  }

  // Recomputes field i (for a group: all rows, or just `only_row`, or from cell `only_cell`
  // of it); returns whether the value other expressions see changed.
  bool compute_top(int i, std::optional<size_t> only_row = std::nullopt, int only_cell = -1) {
    const Field& f = form->fields[i];
    Top& t = top[i];
    const bool page_visible = flag(form->pages[f.page].visible);
    if (!f.is_group()) {
      if (compute_cell(f, page_visible, t.locked, t.cell)) note(t.cell, i);
      const bool effective_changed = *slot[i] != t.cell.effective;
      if (effective_changed) publish(i);
      return effective_changed;
    }
    Cell& c = t.cell;
    const bool was_visible = c.visible;
    const bool visible = page_visible && flag(f.visible);
    const bool required = flag(f.required);
    const bool enabled = flag(f.enabled);
    const bool readonly = flag(f.readonly);
    if (visible != c.visible || required != c.required || enabled != c.enabled ||
        readonly != c.readonly)
      note(c, i);
    c.visible = visible;
    c.required = required;
    c.enabled = enabled;
    c.readonly = readonly;
    const auto rows = static_cast<int64_t>(t.rows.size());
    if (!c.raw.is_number_integer() || c.raw.get<int64_t>() != rows) {
      c.raw = rows;  // a group's state value is its row count
      note(c, i);
    }
    // A keystroke in one row of a visible group: recompute that row and patch it in place,
    // instead of rebuilding the whole array (50 rows) per keystroke.
    if (only_row && was_visible && visible && *only_row < t.rows.size() && c.effective.is_array() &&
        c.effective.size() == t.rows.size()) {
      const size_t r = *only_row;
      if (only_cell >= 0 && row_graphs[i].by_cell)
        return compute_from_cell(i, r, only_cell, visible);
      compute_row(i, r, visible);
      json obj = row_object(f, t.rows[r]);
      if (c.effective[r] == obj) return false;
      c.effective[r] = obj;
      (*slot[i])[r] = obj;
      if (form->uses_form_prefix) form_value(i)[r] = std::move(obj);
      return true;
    }
    for (size_t r = 0; r < t.rows.size(); ++r) compute_row(i, r, visible);
    json effective;
    if (visible) {
      effective = json::array();
      for (const auto& row : t.rows) effective.push_back(row_object(f, row));
    }
    const bool effective_changed = *slot[i] != effective;
    c.effective = std::move(effective);
    if (effective_changed) publish(i);
    return effective_changed;
  }

  // --- errors ---------------------------------------------------------------------------

  bool mentioned_filled(const Expression& e, const json* row) const {
    for (const auto& id : e.reads) {
      auto it = data.find(id);
      if (it == data.end()) return false;
      const auto idx = form->field_index.find(id);
      const Field* f = idx == form->field_index.end() ? nullptr : &form->fields[idx->second];
      if (is_empty_value(f, *it)) return false;
    }
    if (row)
      for (const auto& id : e.row_reads) {
        auto it = row->find(id);
        if (it == row->end() || is_empty_value(nullptr, *it)) return false;
      }
    return true;
  }

  // A rule's verdict: nullopt when not checked (a mentioned field empty or hidden).
  std::optional<bool> check_rule(const Rule& rule, const json* row) const {
    if (!rule.assertion || !mentioned_filled(rule.assertion, row)) return std::nullopt;
    auto out = run(rule.assertion);
    if (!out.ok) return false;  // an evaluation error fails the rule: never waves data through
    return json_truthy(out.value);
  }

  void add_rule_error(const Rule& rule, const std::string& page, const std::string& path,
                      std::vector<FieldError>* out) const {
    out->push_back({page, path, rule.id, rule.message.zh, rule.message.en, rule.warning});
  }

  CheckContext context_for(const Field& f, const Cell& c) const {
    CheckContext ctx;
    ctx.today = *env.today;
    ctx.visible_options = &c.options;
    auto bound = [&](const catalog::DateBound& b) -> std::string {
      if (!b.literal.empty()) return b.literal;
      if (!b.expr) return {};
      json v = eval(b.expr);
      return v.is_string() ? v.get<std::string>() : std::string();
    };
    if (f.type == FieldType::date) {
      ctx.min_date = bound(f.min_date);
      ctx.max_date = bound(f.max_date);
    }
    if (f.type == FieldType::material)
      for (size_t m = 0; m < form->materials.size(); ++m)
        if (form->materials[m].id == f.material) {
          ctx.material = &form->materials[m];
          ctx.commitment_allowed = commitment_allowed[m];
        }
    return ctx;
  }

  // Errors of one visible cell: required, then (when filled) built-in checks and rules.
  std::vector<FieldError> cell_errors(const Field& f, const Cell& c, const std::string& page,
                                      const std::string& path, const json* row,
                                      const std::vector<const Rule*>& extra) const {
    std::vector<FieldError> out;
    if (!c.visible) return out;
    if (is_empty_value(&f, c.effective)) {
      if (c.required) out.push_back({page, path, "required", kRequiredZh, kRequiredEn, false});
      return out;
    }
    builtin_errors(f, c.effective, context_for(f, c), page, path, &out);
    for (const auto& rule : f.rules)
      if (check_rule(rule, row) == false) add_rule_error(rule, page, path, &out);
    for (const Rule* rule : extra)
      if (check_rule(*rule, row) == false) add_rule_error(*rule, page, path, &out);
    return out;
  }

  void set_errors(Cell& c, std::vector<FieldError> errors, int i, int row = -1, int k = -1) {
    if (errors != c.errors) {
      c.errors = std::move(errors);
      note(c, i, row, k);
    }
  }

  void compute_errors(int i, std::optional<size_t> only_row = std::nullopt) {
    const Field& f = form->fields[i];
    Top& t = top[i];
    const std::string& page = form->pages[f.page].id;
    if (!f.is_group()) {
      std::vector<const Rule*> extra;
      for (int r : cross_rules[i]) extra.push_back(&form->rules[r]);
      set_errors(t.cell, cell_errors(f, t.cell, page, f.id, nullptr, extra), i);
      return;
    }
    std::vector<FieldError> group_errors;
    if (t.cell.visible) {
      const auto n = static_cast<int>(t.rows.size());
      if (t.cell.required && n < f.min_rows)
        group_errors.push_back({page, f.id, n == 0 ? "required" : "too_few_rows",
                                "至少填写 " + std::to_string(f.min_rows) + " 行" + f.row_label.zh,
                                "at least " + std::to_string(f.min_rows) + " rows are needed",
                                false});
      if (n > f.max_rows)
        group_errors.push_back({page, f.id, "too_many_rows",
                                "最多填写 " + std::to_string(f.max_rows) + " 行",
                                "at most " + std::to_string(f.max_rows) + " rows", false});
    }
    set_errors(t.cell, std::move(group_errors), i);
    for (size_t r = 0; r < t.rows.size(); ++r) {
      if (only_row && r != *only_row) continue;
      // After compute_from_cell(), only the cells it marked can have new errors.
      const bool marked = only_row && row_marks_of == i;
      Row& row = t.rows[r];
      json& current = *row_slot;
      current = row_object(f, row);
      for (size_t k = 0; k < f.row_fields.size(); ++k) {
        if (marked && !cell_error_dirty[k]) continue;
        const Field& cf = f.row_fields[k];
        std::vector<const Rule*> extra;
        for (const auto& rule : f.row_rules) {
          const bool aimed =
              std::find(rule.fields.begin(), rule.fields.end(), cf.id) != rule.fields.end() ||
              (rule.fields.empty() && k == 0);
          if (aimed) extra.push_back(&rule);
        }
        const std::string path = cell_path(f.id, r, cf.id);
        set_errors(row.cells[k], cell_errors(cf, row.cells[k], page, path, &current, extra), i,
                   static_cast<int>(r), static_cast<int>(k));
      }
    }
    *row_slot = nullptr;
  }

  // --- graph ----------------------------------------------------------------------------

  void build_graph() {
    const auto& fields = form->fields;
    const int n = static_cast<int>(fields.size());
    std::vector<std::vector<int>> reads_of(n);  // value dependencies, for the order
    auto link = [&](std::unordered_map<std::string, std::vector<int>>& deps, int i,
                    const Expression& e, bool value) {
      if (!e) return;
      if (e.reads_everything) (value ? reads_all : errors_read_all).push_back(i);
      for (const auto& id : e.reads) {
        deps[id].push_back(i);
        if (value) {
          auto it = form->field_index.find(id);
          if (it != form->field_index.end() && it->second != i) reads_of[i].push_back(it->second);
        }
      }
    };
    auto link_field_values = [&](int i, const Field& f) {
      for (const Flag* flg : {&f.visible, &f.required, &f.enabled, &f.readonly})
        link(value_deps, i, flg->expr, true);
      link(value_deps, i, f.computed, true);
      for (const auto& o : f.options) link(value_deps, i, o.visible.expr, true);
    };
    auto link_field_errors = [&](int i, const Field& f) {
      for (const auto& rule : f.rules) link(error_deps, i, rule.assertion, false);
      link(error_deps, i, f.min_date.expr, false);
      link(error_deps, i, f.max_date.expr, false);
    };
    cross_rules.assign(n, {});
    row_graphs.assign(n, {});
    for (int i = 0; i < n; ++i) {
      const Field& f = fields[i];
      link_field_values(i, f);
      link(value_deps, i, form->pages[f.page].visible.expr, true);
      link_field_errors(i, f);
      for (const auto& cf : f.row_fields) {
        link_field_values(i, cf);
        link_field_errors(i, cf);
      }
      for (const auto& rule : f.row_rules) link(error_deps, i, rule.assertion, false);
      if (f.is_group()) row_graphs[i] = build_row_graph(f);
    }
    for (size_t r = 0; r < form->rules.size(); ++r) {
      const Rule& rule = form->rules[r];
      for (const auto& target : rule.fields) {
        auto it = form->field_index.find(target);
        if (it == form->field_index.end()) continue;
        cross_rules[it->second].push_back(static_cast<int>(r));
        link(error_deps, it->second, rule.assertion, false);
      }
    }
    for (auto* deps : {&value_deps, &error_deps})
      for (auto& [id, list] : *deps) {
        std::sort(list.begin(), list.end());
        list.erase(std::unique(list.begin(), list.end()), list.end());
      }
    value_deps_of.assign(n, nullptr);
    error_deps_of.assign(n, nullptr);
    for (int i = 0; i < n; ++i) {
      if (auto it = value_deps.find(fields[i].id); it != value_deps.end())
        value_deps_of[i] = &it->second;
      if (auto it = error_deps.find(fields[i].id); it != error_deps.end())
        error_deps_of[i] = &it->second;
    }
    // Topological order (the loader rejected cycles; a self-read by a group is ignored).
    std::vector<char> state(n, 0);
    std::function<void(int)> visit = [&](int v) {
      state[v] = 1;
      for (int d : reads_of[v])
        if (state[d] == 0) visit(d);
      state[v] = 2;
      topo.push_back(v);
    };
    for (int i = 0; i < n; ++i)
      if (state[i] == 0) visit(i);
  }

  // --- whole-form passes ---------------------------------------------------------------

  void compute_everything() {
    for (int i : topo) compute_top(i);
    for (size_t i = 0; i < top.size(); ++i) compute_errors(static_cast<int>(i));
  }

  // Recomputes what depends on field `start` (and, for a group edit, on row `row`, from its
  // cell `cell` when known).
  void propagate(int start, std::optional<size_t> row, int cell) {
    const size_t n = top.size();
    for (auto* marks : {&value_dirty, &error_dirty, &all_rows, &error_all_rows})
      marks->assign(n, 0);
    value_dirty[start] = 1;
    if (!row) all_rows[start] = 1;
    for (int i : topo) {
      if (!value_dirty[i]) continue;
      error_dirty[i] = 1;
      if (all_rows[i]) error_all_rows[i] = 1;
      const bool changed =
          all_rows[i] ? compute_top(i) : compute_top(i, row, i == start ? cell : -1);
      if (!changed) continue;
      if (const auto* deps = value_deps_of[i])
        for (int d : *deps) value_dirty[d] = all_rows[d] = 1;
      if (const auto* deps = error_deps_of[i])
        for (int d : *deps) error_dirty[d] = error_all_rows[d] = 1;
      for (int d : reads_all) value_dirty[d] = all_rows[d] = 1;
      for (int d : errors_read_all) error_dirty[d] = error_all_rows[d] = 1;
      // Anything recomputed later in the order reads the new value; anything earlier cannot
      // depend on it (topological order).
    }
    for (size_t i = 0; i < n; ++i)
      if (error_dirty[i])
        compute_errors(static_cast<int>(i), error_all_rows[i] ? std::nullopt : row);
  }

  FieldState state_of_cell(const std::string& path, const Field& f, const Cell& c) const {
    FieldState s;
    s.path = path;
    s.value = c.effective;
    s.visible = c.visible;
    s.required = c.required;
    s.enabled = c.enabled;
    s.readonly = c.readonly;
    s.options = c.options;
    s.errors = c.errors;
    if (f.is_group()) s.value = c.raw;  // a group's state carries its row count
    return s;
  }

  std::optional<FieldState> state_at(std::string_view path) const {
    auto p = parse_path(path);
    if (!p) return std::nullopt;
    auto it = form->field_index.find(p->top);
    if (it == form->field_index.end()) return std::nullopt;
    const Field& f = form->fields[it->second];
    const Top& t = top[it->second];
    if (!p->has_row) return state_of_cell(std::string(path), f, t.cell);
    if (!f.is_group() || p->row >= t.rows.size()) return std::nullopt;
    for (size_t k = 0; k < f.row_fields.size(); ++k)
      if (f.row_fields[k].id == p->cell)
        return state_of_cell(std::string(path), f.row_fields[k], t.rows[p->row].cells[k]);
    return std::nullopt;
  }

  Row new_row(const Field& g) const {
    Row row;
    row.cells.resize(g.row_fields.size());
    for (size_t k = 0; k < g.row_fields.size(); ++k)
      row.cells[k].raw = g.row_fields[k].default_value;
    return row;
  }

  Row row_from_json(const Field& g, const json& obj) const {
    Row row = new_row(g);
    if (!obj.is_object()) return row;
    for (size_t k = 0; k < g.row_fields.size(); ++k) {
      auto it = obj.find(g.row_fields[k].id);
      if (it != obj.end() && !g.row_fields[k].computed)
        row.cells[k].raw = normalize_value(g.row_fields[k], *it);
    }
    return row;
  }

  // A new epoch for one set(); after 2^32 of them every mark is cleared rather than let an
  // old mark read as current.
  void next_epoch() {
    if (++epoch != 0) return;
    for (auto& t : top) {
      t.cell.noted = 0;
      for (auto& row : t.rows)
        for (auto& c : row.cells) c.noted = 0;
    }
    epoch = 1;
  }

  SetResult finish(int i, std::optional<size_t> row, int cell = -1) {
    changed.clear();
    next_epoch();
    tracking = true;
    row_marks_of = -1;
    propagate(i, row, cell);
    row_marks_of = -1;
    tracking = false;
    SetResult result;
    result.ok = true;
    result.changed.reserve(changed.size());
    for (const auto& c : changed) {
      const Field& f = form->fields[c.top];
      const Top& t = top[c.top];
      if (c.row < 0) {
        result.changed.push_back(state_of_cell(f.id, f, t.cell));
      } else if (static_cast<size_t>(c.row) < t.rows.size()) {  // a removed row reports nothing
        const Field& cf = f.row_fields[c.cell];
        result.changed.push_back(
            state_of_cell(cell_path(f.id, c.row, cf.id), cf, t.rows[c.row].cells[c.cell]));
      }
    }
    return result;
  }

  static SetResult failure(std::string code, std::string zh, std::string en) {
    SetResult r;
    r.error = {std::move(code), std::move(zh), std::move(en)};
    return r;
  }

  // --- creation: defaults, prefill, draft -------------------------------------------------

  json profile_value(const std::string& from) const {
    const auto dot = from.find('.');
    if (dot == std::string::npos) return nullptr;
    const std::string head = from.substr(0, dot);
    const std::string rest = from.substr(dot + 1);
    const json& root = data.contains(head) ? data[head] : json();
    if (!root.is_object()) return nullptr;
    if (head == "applicant") return root.value(rest, json());
    const auto dot2 = rest.find('.');
    if (dot2 == std::string::npos) return nullptr;
    const json& licence = root.contains(rest.substr(0, dot2)) ? root[rest.substr(0, dot2)] : json();
    return licence.is_object() ? licence.value(rest.substr(dot2 + 1), json()) : json();
  }

  void apply_draft(const json& draft, const std::string& item_id) {
    report.loaded = true;
    // A draft comes from the applicant's device: a revision that is not a number is no
    // revision (nlohmann's value() would throw on "3").
    const auto revision = draft.find("revision");
    report.from_revision =
        revision != draft.end() && revision->is_number_integer() ? revision->get<int>() : 0;
    report.to_revision = item->revision;
    (void)item_id;
    const json answers = draft.value("answers", json::object());
    if (!answers.is_object()) return;
    const bool same = report.from_revision == item->revision;
    for (const auto& [key, value] : answers.items()) {
      int index = -1;
      for (size_t i = 0; i < form->fields.size() && index < 0; ++i) {
        const Field& f = form->fields[i];
        if (f.id == key ||
            std::find(f.former_ids.begin(), f.former_ids.end(), key) != f.former_ids.end())
          index = static_cast<int>(i);
      }
      if (index < 0) {
        report.dropped.push_back({key, "field_removed", value});
        continue;
      }
      const Field& f = form->fields[index];
      Top& t = top[index];
      if (f.computed) {
        report.dropped.push_back({key, "computed", value});
        continue;
      }
      if (t.locked) continue;  // an authoritative prefilled value wins over the draft
      if (!f.is_group()) {
        if (value.is_null()) {  // cleared on purpose (see draft())
          t.cell.raw = nullptr;
          continue;
        }
        json v = normalize_value(f, value);
        if (!same) {
          if (f.type == FieldType::multiselect && v.is_array()) {
            json kept = json::array();
            for (const auto& code : v)
              if (code.is_string() && f.option(code.get<std::string>())) kept.push_back(code);
            if (kept.size() != v.size()) report.dropped.push_back({key, "options_removed", value});
            v = kept.empty() ? json() : kept;
            if (v.is_null()) continue;
          } else if (!catalog::value_fits_type(f, v)) {
            const bool option_gone =
                (f.type == FieldType::select || f.type == FieldType::radio) && v.is_string();
            report.dropped.push_back({key, option_gone ? "option_removed" : "type_changed", value});
            continue;
          }
        }
        t.cell.raw = std::move(v);
        ++report.kept;
        continue;
      }
      if (!value.is_array()) {
        report.dropped.push_back({key, "type_changed", value});
        continue;
      }
      t.rows.clear();
      for (size_t r = 0; r < value.size(); ++r) {
        // A newer revision's max drops extra rows; the hard bound applies to any draft.
        if (static_cast<int>(r) >= (same ? catalog::kMaxGroupRows : f.max_rows)) {
          report.dropped.push_back(
              {key + "[" + std::to_string(r) + "]", "too_many_rows", value[r]});
          continue;
        }
        Row row = new_row(f);
        if (value[r].is_object())
          for (const auto& [ck, cv] : value[r].items()) {
            int k = -1;
            for (size_t j = 0; j < f.row_fields.size() && k < 0; ++j) {
              const Field& cf = f.row_fields[j];
              if (cf.id == ck ||
                  std::find(cf.former_ids.begin(), cf.former_ids.end(), ck) != cf.former_ids.end())
                k = static_cast<int>(j);
            }
            const std::string path = cell_path(key, r, ck);
            if (k < 0) {
              report.dropped.push_back({path, "field_removed", cv});
              continue;
            }
            const Field& cf = f.row_fields[k];
            if (cf.computed) continue;
            json v = normalize_value(cf, cv);
            if (!same && !catalog::value_fits_type(cf, v)) {
              report.dropped.push_back({path, "type_changed", cv});
              continue;
            }
            row.cells[k].raw = std::move(v);
          }
        t.rows.push_back(std::move(row));
      }
      ++report.kept;
    }
  }
};

// --- FormSession ------------------------------------------------------------------------

FormSession::FormSession(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
FormSession::~FormSession() = default;

std::unique_ptr<FormSession> FormSession::create(std::shared_ptr<const catalog::Catalog> catalog,
                                                 std::string_view item_id,
                                                 const SessionOptions& options,
                                                 SessionError* error) {
  auto fail = [&](std::string code, std::string zh,
                  std::string en) -> std::unique_ptr<FormSession> {
    if (error) *error = {std::move(code), std::move(zh), std::move(en)};
    return nullptr;
  };
  if (!catalog) return fail("no_catalog", "没有加载事项目录", "no catalogue is loaded");
  const catalog::Item* item = catalog->item(item_id);
  if (!item)
    return fail("unknown_item", "事项不存在：" + std::string(item_id),
                "no item " + std::string(item_id));
  auto form = catalog->form(*item);
  if (!form)
    return fail("form_unavailable", "该事项的表单无法加载", "the item's form failed to compile");
  // Compared as JSON: an item that is not a string is another item (value() would throw).
  if (options.draft.is_object() && options.draft.contains("item") &&
      options.draft["item"] != std::string(item_id))
    return fail("draft_wrong_item", "草稿不属于该事项", "the draft belongs to another item");
  if (!options.draft.is_null() && !options.draft.is_object())
    return fail("bad_draft", "草稿格式不正确", "the draft must be an object");

  auto impl = std::make_unique<Impl>();
  Impl& s = *impl;
  s.catalog = std::move(catalog);
  s.item = item;
  s.form = form;
  s.env.today = options.today;
  s.env.calendar = options.calendar;

  // Profile facts and e-licences, read-only for the whole session.
  json applicant = json::object(), licences = json::object();
  if (options.profile.is_object()) {
    if (options.profile.contains("applicant") || options.profile.contains("licences")) {
      applicant = options.profile.value("applicant", json::object());
      licences = options.profile.value("licences", json::object());
    } else {
      applicant = options.profile;
    }
  }
  if (options.licences.is_object()) licences = options.licences;
  s.data["applicant"] = applicant.is_object() ? applicant : json::object();
  s.data["licences"] = licences.is_object() ? licences : json::object();
  s.data["row"] = nullptr;
  if (form->uses_form_prefix) s.data["form"] = json::object();

  s.top.resize(form->fields.size());
  for (size_t i = 0; i < form->fields.size(); ++i) {
    const Field& f = form->fields[i];
    s.data[f.id] = nullptr;
    s.top[i].cell.visible = false;  // so the first pass reports a real state
    if (!f.is_group()) s.top[i].cell.raw = f.default_value;
  }
  // A commitment may replace a material unless the template excludes this applicant.
  for (const auto& m : form->materials) {
    bool allowed = !m.replace_by_commitment.empty();
    if (allowed)
      if (const auto* t = s.catalog->commitment_template(m.replace_by_commitment))
        if (t->excluded_when) allowed = !json_truthy(s.eval(t->excluded_when));
    s.commitment_allowed.push_back(allowed);
  }

  // 信息少填: prefill from the profile and e-licences.
  for (size_t i = 0; i < form->fields.size(); ++i) {
    const Field& f = form->fields[i];
    if (!f.prefill || f.is_group()) continue;
    json v = s.profile_value(f.prefill->from);
    if (v.is_null()) continue;
    s.top[i].cell.raw = normalize_value(f, v);
    s.top[i].locked = !f.prefill->editable;
    ++s.prefilled;
  }
  if (options.draft.is_object()) s.apply_draft(options.draft, std::string(item_id));

  s.slot.resize(form->fields.size());
  for (size_t i = 0; i < form->fields.size(); ++i) s.slot[i] = &s.data[form->fields[i].id];
  s.form_slot.assign(form->fields.size(), nullptr);
  if (form->uses_form_prefix) s.form_root = &s.data["form"];
  s.row_slot = &s.data["row"];
  s.build_graph();
  s.compute_everything();
  return std::unique_ptr<FormSession>(new FormSession(std::move(impl)));
}

SetResult FormSession::set(std::string_view path, const json& value) {
  Impl& s = *impl_;
  auto p = parse_path(path);
  if (!p) return Impl::failure("bad_path", "字段路径不正确", "bad field path");
  auto it = s.form->field_index.find(p->top);
  if (it == s.form->field_index.end())
    return Impl::failure("unknown_field", "表单中没有字段 " + p->top,
                         "the form has no field " + p->top);
  const int i = it->second;
  const Field& f = s.form->fields[i];
  Top& t = s.top[i];
  auto editable = [&](const Field& field, const Cell& c, bool locked) -> std::optional<SetResult> {
    if (field.computed)
      return Impl::failure("computed", "该项由系统计算，不能修改", "the value is computed");
    if (locked)
      return Impl::failure("locked", "该项来自权威数据，不能修改",
                           "the value comes from an authoritative source");
    if (c.readonly) return Impl::failure("readonly", "该项为只读", "the field is read-only");
    if (!c.enabled) return Impl::failure("disabled", "该项当前不可填写", "the field is disabled");
    return std::nullopt;
  };
  if (!p->has_row) {
    if (f.is_group()) {
      if (!value.is_array())
        return Impl::failure("wrong_type", "重复组的值应为行的数组",
                             "a group takes an array of rows");
      if (value.size() > static_cast<size_t>(catalog::kMaxGroupRows))
        return Impl::failure("too_many_rows", "行数过多", "too many rows");
      if (auto e = editable(f, t.cell, false)) return *e;
      t.rows.clear();
      for (const auto& row : value) t.rows.push_back(s.row_from_json(f, row));
      return s.finish(i, std::nullopt);
    }
    if (auto e = editable(f, t.cell, t.locked)) return *e;
    t.cell.raw = normalize_value(f, value);
    return s.finish(i, std::nullopt);
  }
  if (!f.is_group())
    return Impl::failure("bad_path", f.id + " 不是重复组", f.id + " is not a group");
  if (p->row >= t.rows.size()) return Impl::failure("bad_row", "没有这一行", "no such row");
  for (size_t k = 0; k < f.row_fields.size(); ++k) {
    if (f.row_fields[k].id != p->cell) continue;
    Cell& c = t.rows[p->row].cells[k];
    if (auto e = editable(f.row_fields[k], c, false)) return *e;
    c.raw = normalize_value(f.row_fields[k], value);
    return s.finish(i, p->row, static_cast<int>(k));
  }
  return Impl::failure("unknown_field", "重复组中没有字段 " + p->cell,
                       "the group has no field " + p->cell);
}

SetResult FormSession::add_row(std::string_view group) {
  Impl& s = *impl_;
  auto it = s.form->field_index.find(std::string(group));
  if (it == s.form->field_index.end() || !s.form->fields[it->second].is_group())
    return Impl::failure("unknown_field", "没有这个重复组", "no such group");
  const Field& g = s.form->fields[it->second];
  Top& t = s.top[it->second];
  if (t.rows.size() >= static_cast<size_t>(g.max_rows))
    return Impl::failure("too_many_rows", "最多 " + std::to_string(g.max_rows) + " 行",
                         "at most " + std::to_string(g.max_rows) + " rows");
  t.rows.push_back(s.new_row(g));
  return s.finish(it->second, std::nullopt);
}

SetResult FormSession::remove_row(std::string_view group, size_t index) {
  Impl& s = *impl_;
  auto it = s.form->field_index.find(std::string(group));
  if (it == s.form->field_index.end() || !s.form->fields[it->second].is_group())
    return Impl::failure("unknown_field", "没有这个重复组", "no such group");
  Top& t = s.top[it->second];
  if (index >= t.rows.size()) return Impl::failure("bad_row", "没有这一行", "no such row");
  t.rows.erase(t.rows.begin() + static_cast<std::ptrdiff_t>(index));
  return s.finish(it->second, std::nullopt);
}

std::vector<FieldError> FormSession::validate_all() {
  // Errors are kept current by create() and every set() (the dependency graph re-validates
  // whatever a change can affect), so this only collects them, in page and field order.
  Impl& s = *impl_;
  std::vector<FieldError> out;
  for (const auto& page : s.form->pages)
    for (int i : page.fields) {
      const Top& t = s.top[i];
      if (!t.cell.visible) continue;
      out.insert(out.end(), t.cell.errors.begin(), t.cell.errors.end());
      for (const auto& row : t.rows)
        for (const auto& c : row.cells) out.insert(out.end(), c.errors.begin(), c.errors.end());
    }
  return out;
}

bool FormSession::complete() {
  for (const auto& e : validate_all())
    if (!e.warning) return false;
  return true;
}

json FormSession::answers() const {
  const Impl& s = *impl_;
  json out = json::object();
  for (size_t i = 0; i < s.top.size(); ++i) {
    const Field& f = s.form->fields[i];
    const Top& t = s.top[i];
    if (!t.cell.visible) continue;
    if (!f.is_group()) {
      if (!is_empty_value(&f, t.cell.effective) || t.cell.effective.is_boolean())
        out[f.id] = t.cell.effective;
      continue;
    }
    json rows = json::array();
    for (const auto& row : t.rows) {
      json obj = json::object();
      for (size_t k = 0; k < f.row_fields.size(); ++k)
        if (row.cells[k].visible && !row.cells[k].effective.is_null())
          obj[f.row_fields[k].id] = row.cells[k].effective;
      rows.push_back(std::move(obj));
    }
    out[f.id] = std::move(rows);
  }
  return out;
}

json FormSession::draft() const {
  const Impl& s = *impl_;
  json answers = json::object();
  for (size_t i = 0; i < s.top.size(); ++i) {
    const Field& f = s.form->fields[i];
    const Top& t = s.top[i];
    if (f.computed) continue;
    if (!f.is_group()) {
      if (!t.cell.raw.is_null()) answers[f.id] = t.cell.raw;
      // A field filled from the profile that the applicant cleared is saved as null, so
      // that reopening the draft does not fill it again behind their back.
      else if (f.prefill && !t.locked)
        answers[f.id] = nullptr;
      continue;
    }
    json rows = json::array();
    for (const auto& row : t.rows) {
      json obj = json::object();
      for (size_t k = 0; k < f.row_fields.size(); ++k)
        if (!f.row_fields[k].computed && !row.cells[k].raw.is_null())
          obj[f.row_fields[k].id] = row.cells[k].raw;
      rows.push_back(std::move(obj));
    }
    if (!rows.empty()) answers[f.id] = std::move(rows);
  }
  return {{"item", s.item->id},
          {"revision", s.item->revision},
          {"catalogVersion", s.catalog->catalog_version},
          {"answers", std::move(answers)}};
}

std::vector<FieldState> FormSession::states() const {
  const Impl& s = *impl_;
  std::vector<FieldState> out;
  for (size_t i = 0; i < s.top.size(); ++i) {
    const Field& f = s.form->fields[i];
    out.push_back(s.state_of_cell(f.id, f, s.top[i].cell));
    for (size_t r = 0; r < s.top[i].rows.size(); ++r)
      for (size_t k = 0; k < f.row_fields.size(); ++k)
        out.push_back(s.state_of_cell(cell_path(f.id, r, f.row_fields[k].id), f.row_fields[k],
                                      s.top[i].rows[r].cells[k]));
  }
  return out;
}

std::optional<FieldState> FormSession::state(std::string_view path) const {
  return impl_->state_at(path);
}

json FormSession::materials() const {
  const Impl& s = *impl_;
  json out = json::array();
  for (size_t m = 0; m < s.form->materials.size(); ++m) {
    const auto& mat = s.form->materials[m];
    if (mat.when && !json_truthy(s.eval(mat.when))) continue;
    json via = json::array({"upload"});
    const bool licence_held = !mat.replace_by_licence.empty() &&
                              s.data["licences"].contains(mat.replace_by_licence) &&
                              !s.data["licences"][mat.replace_by_licence].is_null();
    if (licence_held) via = json::array({"licence"});  // 免提交: fetched, never uploaded
    if (s.commitment_allowed[m]) via.push_back("commitment");
    if (mat.necessity == "容缺后补") via.push_back("deferred");
    json entry = {{"id", mat.id},
                  {"name", {{"zh", mat.name.zh}, {"en", mat.name.en}}},
                  {"necessity", mat.necessity},
                  {"form", mat.form},
                  {"originals", mat.originals},
                  {"copies", mat.copies},
                  {"source", mat.source},
                  {"via", via}};
    if (mat.necessity == "容缺后补") entry["deferralWorkingDays"] = mat.deferral_working_days;
    out.push_back(std::move(entry));
  }
  return out;
}

int FormSession::prefilled_count() const { return impl_->prefilled; }
const DraftReport& FormSession::draft_report() const { return impl_->report; }
const catalog::Item& FormSession::item() const { return *impl_->item; }

// --- JSON -------------------------------------------------------------------------------

json to_json(const FieldError& e) {
  json out = {{"page", e.page}, {"path", e.path}, {"code", e.code}, {"zh", e.zh}, {"en", e.en}};
  if (e.warning) out["severity"] = "warning";
  return out;
}

json to_json(const FieldState& s) {
  json errors = json::array();
  for (const auto& e : s.errors) errors.push_back(to_json(e));
  json out = {{"path", s.path},
              {"value", s.value},
              {"visible", s.visible},
              {"required", s.required},
              {"enabled", s.enabled},
              {"readonly", s.readonly},
              {"errors", std::move(errors)}};
  if (!s.options.empty()) out["options"] = s.options;
  return out;
}

json to_json(const SetResult& r) {
  if (!r.ok)
    return {{"ok", false},
            {"error", {{"code", r.error.code}, {"zh", r.error.zh}, {"en", r.error.en}}}};
  json changed = json::array();
  for (const auto& s : r.changed) changed.push_back(to_json(s));
  return {{"ok", true}, {"changed", std::move(changed)}};
}

json to_json(const DraftReport& r) {
  json dropped = json::array();
  for (const auto& d : r.dropped)
    dropped.push_back({{"path", d.path}, {"reason", d.reason}, {"value", d.value}});
  return {{"loaded", r.loaded},
          {"fromRevision", r.from_revision},
          {"toRevision", r.to_revision},
          {"kept", r.kept},
          {"dropped", std::move(dropped)}};
}

json to_json(const std::vector<FieldError>& errors) {
  json out = json::array();
  for (const auto& e : errors) out.push_back(to_json(e));
  return out;
}

}  // namespace haoban::form
