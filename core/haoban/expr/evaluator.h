// Evaluates a compiled Program against JSON data. One Evaluator per thread; reuse it across
// runs so that its stacks and arena keep their capacity (no allocation in the common case).
#pragma once

#include <cstdint>
#include <vector>

#include "haoban/expr/document.h"
#include "haoban/expr/functions.h"
#include "haoban/expr/ir.h"
#include "haoban/expr/value.h"

namespace haoban::expr {

class Evaluator {
 public:
  explicit Evaluator(const Program& program) : program_(&program) {}
  // Points a reused evaluator (its stacks and arena keep their capacity) at another program.
  void rebind(const Program& program) { program_ = &program; }

  // Evaluates the program's root. The result views into data, the program's constants or
  // this evaluator's arena: it is valid until the next call. Throws EvalFailure.
  Value run(const json& data, const EvalEnv& env);
  // The same on a Document (data indexed once for many evaluations: faster lookups). The
  // result may view into the document, which must outlive it.
  Value run(const Document& data, const EvalEnv& env);

  // For explain: set up a run, then evaluate individual nodes.
  void begin(const json& data, const EvalEnv& env);
  void begin(const Document& data, const EvalEnv& env);
  Value eval(uint32_t node);

  uint64_t steps() const { return steps_; }
  const Program& program() const { return *program_; }
  Arena& arena() { return arena_; }

 private:
  // One level of the scope stack: the root data, an iteration item, a reduce pair or a
  // caught error. val's [[n], …] walks up it (odd levels are the iteration's metadata).
  struct Frame {
    Value value;
    int64_t index = -1;  // position of the item in an iteration, -1 for none
    bool reduce = false;
    Value accumulator;  // for reduce frames, value holds "current"
  };

  void begin_with(const Value& root, const EvalEnv& env);
  // Pushes a scope frame written in place, the values taken by value (two registers each): a
  // Frame or a Value built on the stack and read back whole was a store-forwarding stall
  // (narrow stores, then a wide load) on every run and iteration item.
  void push_frame(Value value, int64_t index, bool reduce, Value accumulator) {
    Frame& frame = frames_.emplace_back();
    frame.value = value;
    frame.index = index;
    frame.reduce = reduce;
    frame.accumulator = accumulator;
  }
  bool step_into(const Value& v, const PathStep& step, Value& out) const;
  Value lookup_dynamic(const Node& n, const Value& spec, bool var_style, bool* found);
  bool resolve_steps(const Frame& frame, bool meta, const PathStep* steps, size_t count,
                     Value& out) const;
  Value eval_var(const Node& n);
  Value eval_val(const Node& n, bool exists);

  // Eager arguments, evaluated onto args_ (with kSpread handled). Returns the base index.
  size_t gather(const Node& n);
  Value eval_eager(const Node& n);
  Value eval_compare(const Node& n);
  Value eval_iteration(const Node& n);
  Value eval_reduce(const Node& n);
  Value eval_try(const Node& n);
  [[noreturn]] void eval_throw(const Node& n);
  Value eval_missing(const Node& n, size_t base, size_t count, bool some);

  Value frame_value(const Frame& f);
  Value make_array(std::vector<Value>& items);
  // Counts n toward the evaluation's total too (Limits::max_total_array_elements).
  void check_array_size(size_t n);

  const Program* program_;
  const Document* doc_ = nullptr;  // set by run/begin on a Document
  EvalEnv env_;
  uint64_t max_steps_ = 0;
  uint64_t steps_ = 0;
  size_t built_elements_ = 0;
  Arena arena_;
  std::vector<Frame> frames_;
  std::vector<Value> args_;
};

}  // namespace haoban::expr
