#include "haoban/form/row_graph.h"

#include <algorithm>
#include <functional>

namespace haoban::form {

using catalog::Expression;
using catalog::Field;
using catalog::Flag;

namespace {

// The expressions that decide a row field's state: its flags, its value, its options.
std::vector<const Expression*> state_expressions(const Field& f) {
  std::vector<const Expression*> out;
  for (const Flag* flg : {&f.visible, &f.required, &f.enabled, &f.readonly})
    out.push_back(&flg->expr);
  out.push_back(&f.computed);
  for (const auto& o : f.options) out.push_back(&o.visible.expr);
  return out;
}

// The expressions that decide row field k's errors besides its own state: its rules, its
// date bounds, and the group's row rules aimed at it (a rule naming no field is the first's).
std::vector<const Expression*> error_expressions(const Field& g, size_t k) {
  const Field& f = g.row_fields[k];
  std::vector<const Expression*> out;
  for (const auto& rule : f.rules) out.push_back(&rule.assertion);
  out.push_back(&f.min_date.expr);
  out.push_back(&f.max_date.expr);
  for (const auto& rule : g.row_rules) {
    const bool aimed =
        std::find(rule.fields.begin(), rule.fields.end(), f.id) != rule.fields.end() ||
        (rule.fields.empty() && k == 0);
    if (aimed) out.push_back(&rule.assertion);
  }
  return out;
}

int row_field_index(const Field& g, const std::string& id) {
  for (size_t j = 0; j < g.row_fields.size(); ++j)
    if (g.row_fields[j].id == id) return static_cast<int>(j);
  return -1;
}

}  // namespace

RowGraph build_row_graph(const Field& g) {
  const int n = static_cast<int>(g.row_fields.size());
  RowGraph graph;
  graph.by_cell = true;
  graph.value_readers.assign(n, {});
  graph.error_readers.assign(n, {});
  std::vector<std::vector<int>> reads(n);  // per field: the row fields its state reads
  auto link = [&](const Expression* e, int k, std::vector<std::vector<int>>& readers, bool state) {
    if (!*e) return;
    if (e->reads_everything) graph.by_cell = false;
    for (const auto& id : e->row_reads) {
      const int j = row_field_index(g, id);
      if (j < 0) continue;
      if (j == k && state) graph.by_cell = false;  // read of its own cell: raw or effective?
      if (j == k) continue;
      readers[j].push_back(k);
      if (state) reads[k].push_back(j);
    }
  };
  for (int k = 0; k < n; ++k) {
    for (const Expression* e : state_expressions(g.row_fields[k]))
      link(e, k, graph.value_readers, true);
    for (const Expression* e : error_expressions(g, static_cast<size_t>(k)))
      link(e, k, graph.error_readers, false);
  }
  for (auto* readers : {&graph.value_readers, &graph.error_readers})
    for (auto& list : *readers) {
      std::sort(list.begin(), list.end());
      list.erase(std::unique(list.begin(), list.end()), list.end());
    }
  // Depth first: a field after those it reads. A row cycle (a field met again while still
  // open) is cut here, so that each field is evaluated once; such a group is not by_cell.
  std::vector<char> state(n, 0);
  std::function<void(int)> visit = [&](int v) {
    state[v] = 1;
    for (int d : reads[v]) {
      if (state[d] == 1) graph.by_cell = false;
      if (state[d] == 0) visit(d);
    }
    state[v] = 2;
    graph.order.push_back(v);
  };
  for (int k = 0; k < n; ++k)
    if (state[k] == 0) visit(k);
  return graph;
}

}  // namespace haoban::form
