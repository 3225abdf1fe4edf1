// Thompson NFA simulation of a compiled program (a Pike VM without capture slots: a yes/no
// answer needs none). The set of live instructions is kept in a sparse set, so each
// instruction is entered at most once per input position, and epsilon moves are followed
// with an explicit stack, never recursion: time O(input × program), memory O(program).
#include <cstdint>
#include <string_view>
#include <vector>

#include "haoban/regex/program.h"
#include "haoban/regex/regex.h"
#include "haoban/text/utf8.h"

namespace haoban::regex {
namespace {

// Preston Briggs' sparse set: O(1) insert, membership and clear, no initialisation per step.
class SparseSet {
 public:
  explicit SparseSet(size_t capacity) : sparse_(capacity), dense_(capacity) {}
  bool contains(uint32_t v) const {
    const uint32_t i = sparse_[v];
    return i < size_ && dense_[i] == v;
  }
  void insert(uint32_t v) {
    sparse_[v] = static_cast<uint32_t>(size_);
    dense_[size_++] = v;
  }
  void clear() { size_ = 0; }
  size_t size() const { return size_; }
  uint32_t operator[](size_t i) const { return dense_[i]; }

 private:
  std::vector<uint32_t> sparse_;
  std::vector<uint32_t> dense_;
  size_t size_ = 0;
};

class Machine {
 public:
  Machine(const Program& p, std::string_view input)
      : p_(p), in_(input), current_(p.code.size()), next_(p.code.size()) {
    stack_.reserve(16);
  }

  MatchStatus run(bool whole_input) {
    if (in_.size() > p_.limits.max_input_bytes) return MatchStatus::input_too_long;
    const bool anchored = p_.code.front().op == Instruction::Op::assert_begin;
    size_t pos = 0;
    bool matched = add(current_, 0, 0);
    if (matched && (!whole_input || in_.empty())) return MatchStatus::match;
    while (pos < in_.size()) {
      size_t after = pos;
      const char32_t c = text::decode_next(in_, after).value_or(text::kReplacementChar);
      next_.clear();
      matched = false;
      for (size_t i = 0; i < current_.size(); ++i) {
        const Instruction& inst = p_.code[current_[i]];
        const bool consumes = (inst.op == Instruction::Op::code_point && inst.c == c) ||
                              (inst.op == Instruction::Op::set && p_.sets[inst.x].contains(c));
        if (consumes) matched = add(next_, current_[i] + 1, after) || matched;
      }
      steps_ += current_.size();
      if (steps_ > p_.limits.max_steps) return MatchStatus::step_limit;
      if (!whole_input) {
        if (matched) return MatchStatus::match;
        // Unanchored search: a match may also start here, unless the program begins with ^,
        // which can only succeed at offset 0.
        if (!anchored && add(next_, 0, after)) return MatchStatus::match;
        if (anchored && next_.size() == 0) return MatchStatus::no_match;
      } else if (next_.size() == 0) {
        return MatchStatus::no_match;
      }
      std::swap(current_, next_);
      pos = after;
    }
    // For a whole-input match, `matched` is whether the last step reached `match` at the end.
    return whole_input && matched ? MatchStatus::match : MatchStatus::no_match;
  }

 private:
  // Adds `pc` and everything reachable from it without consuming input; true if that
  // reaches `match`.
  bool add(SparseSet& list, uint32_t pc, size_t pos) {
    bool matched = false;
    stack_.clear();
    stack_.push_back(pc);
    while (!stack_.empty()) {
      const uint32_t at = stack_.back();
      stack_.pop_back();
      if (list.contains(at)) continue;
      list.insert(at);
      ++steps_;
      const Instruction& inst = p_.code[at];
      switch (inst.op) {
        case Instruction::Op::jump:
          stack_.push_back(inst.x);
          break;
        case Instruction::Op::split:
          stack_.push_back(inst.y);
          stack_.push_back(inst.x);
          break;
        case Instruction::Op::assert_begin:
          if (pos == 0) stack_.push_back(at + 1);
          break;
        case Instruction::Op::assert_end:
          if (pos == in_.size()) stack_.push_back(at + 1);
          break;
        case Instruction::Op::match:
          matched = true;
          break;
        case Instruction::Op::code_point:
        case Instruction::Op::set:
          break;  // waits in the list for the next code point
      }
    }
    return matched;
  }

  const Program& p_;
  std::string_view in_;
  SparseSet current_;
  SparseSet next_;
  std::vector<uint32_t> stack_;
  uint64_t steps_ = 0;
};

}  // namespace

MatchStatus Regex::full_match_status(std::string_view input) const {
  return Machine(*program_, input).run(/*whole_input=*/true);
}

MatchStatus Regex::search_status(std::string_view input) const {
  return Machine(*program_, input).run(/*whole_input=*/false);
}

bool Regex::full_match(std::string_view input) const {
  return full_match_status(input) == MatchStatus::match;
}

bool Regex::search(std::string_view input) const {
  return search_status(input) == MatchStatus::match;
}

const std::string& Regex::pattern() const { return program_->pattern; }

size_t Regex::program_size() const { return program_->code.size(); }

}  // namespace haoban::regex
