// The dependency graph inside one repeating group's row: which row fields read which (through
// row.<id>). With it a keystroke in one cell of a 50-row group recomputes that cell, the cells
// that read it and their errors, instead of every cell of the row (each ID number checked
// again, the row's computed dates redone) while only a name changed.
#pragma once

#include <vector>

#include "haoban/catalog/model.h"

namespace haoban::form {

struct RowGraph {
  std::vector<int> order;  // row fields in dependency order: a field after those it reads
  // Whether a change can be followed cell by cell. False when `order` had to cut a row cycle,
  // when an expression reads its own cell or the whole row (row, a computed path): then the
  // edited row is recomputed whole, as before, since a cell's inputs are not all known.
  bool by_cell = false;
  std::vector<std::vector<int>> value_readers;  // per row field: fields whose state reads it
  std::vector<std::vector<int>> error_readers;  // per row field: fields whose errors read it
};

RowGraph build_row_graph(const catalog::Field& group);

}  // namespace haoban::form
