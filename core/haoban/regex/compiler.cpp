// Syntax tree → program. Counted repeats are expanded into copies, so the program size is
// computed first (saturating) and a pattern such as (a{1000}){1000} is rejected before any
// memory is spent on it.
#include <algorithm>
#include <memory>
#include <string>

#include "haoban/regex/parser.h"
#include "haoban/regex/program.h"
#include "haoban/regex/regex.h"

namespace haoban::regex {
namespace {

using Kind = SyntaxNode::Kind;

// Instructions the node will emit, saturating at `cap` + 1 so that nothing overflows.
uint64_t program_size(const SyntaxNode& n, uint64_t cap) {
  const auto sat = [cap](uint64_t v) { return std::min(v, cap + 1); };
  switch (n.kind) {
    case Kind::empty:
      return 0;
    case Kind::set:
    case Kind::assert_begin:
    case Kind::assert_end:
      return 1;
    case Kind::concat: {
      uint64_t total = 0;
      for (const auto& c : n.children) total = sat(total + program_size(c, cap));
      return total;
    }
    case Kind::alternate: {
      uint64_t total = 2 * (n.children.size() - 1);
      for (const auto& c : n.children) total = sat(total + program_size(c, cap));
      return sat(total);
    }
    case Kind::repeat: {
      const uint64_t body = program_size(n.children.front(), cap);
      const uint64_t mandatory = sat(body * static_cast<uint64_t>(n.min));
      if (n.max < 0) return sat(mandatory + (n.min == 0 ? body + 2 : 1));
      return sat(mandatory + sat((body + 1) * static_cast<uint64_t>(n.max - n.min)));
    }
  }
  return 0;
}

class Emitter {
 public:
  explicit Emitter(Program& p) : p_(p) {}

  void emit(const SyntaxNode& n) {
    switch (n.kind) {
      case Kind::empty:
        return;
      case Kind::set:
        emit_set(n.set);
        return;
      case Kind::assert_begin:
        push({Instruction::Op::assert_begin});
        return;
      case Kind::assert_end:
        push({Instruction::Op::assert_end});
        return;
      case Kind::concat:
        for (const auto& c : n.children) emit(c);
        return;
      case Kind::alternate:
        emit_alternate(n);
        return;
      case Kind::repeat:
        emit_repeat(n);
        return;
    }
  }

 private:
  uint32_t here() const { return static_cast<uint32_t>(p_.code.size()); }
  uint32_t push(Instruction i) {
    p_.code.push_back(i);
    return here() - 1;
  }

  void emit_set(const CodePointSet& set) {
    const auto& r = set.ranges();
    if (r.size() == 1 && r[0].lo == r[0].hi) {
      push({Instruction::Op::code_point, r[0].lo});
      return;
    }
    p_.sets.push_back(set);
    push({Instruction::Op::set, 0, static_cast<uint32_t>(p_.sets.size() - 1)});
  }

  // split L1, next; L1: a; jump end; next: split L2, next2; … last alternative; end:
  void emit_alternate(const SyntaxNode& n) {
    std::vector<uint32_t> jumps;
    for (size_t i = 0; i + 1 < n.children.size(); ++i) {
      const uint32_t split = push({Instruction::Op::split});
      p_.code[split].x = here();
      emit(n.children[i]);
      jumps.push_back(push({Instruction::Op::jump}));
      p_.code[split].y = here();
    }
    emit(n.children.back());
    for (uint32_t j : jumps) p_.code[j].x = here();
  }

  void emit_repeat(const SyntaxNode& n) {
    const SyntaxNode& body = n.children.front();
    if (n.max < 0) {
      if (n.min == 0) {  // L: split body, end; body; jump L; end:
        const uint32_t split = push({Instruction::Op::split});
        p_.code[split].x = here();
        emit(body);
        push({Instruction::Op::jump, 0, split});
        p_.code[split].y = here();
        return;
      }
      for (int i = 0; i + 1 < n.min; ++i) emit(body);
      const uint32_t loop = here();  // L: body; split L, end
      emit(body);
      push({Instruction::Op::split, 0, loop, here() + 1});
      return;
    }
    for (int i = 0; i < n.min; ++i) emit(body);
    // Optional copies: split body, end; body; split body, end; body; … end:
    std::vector<uint32_t> splits;
    for (int i = n.min; i < n.max; ++i) {
      const uint32_t split = push({Instruction::Op::split});
      p_.code[split].x = here();
      splits.push_back(split);
      emit(body);
    }
    for (uint32_t s : splits) p_.code[s].y = here();
  }

  Program& p_;
};

}  // namespace

std::string_view error_code_name(ErrorCode code) {
  switch (code) {
    case ErrorCode::syntax:
      return "syntax";
    case ErrorCode::pattern_too_long:
      return "pattern_too_long";
    case ErrorCode::program_too_large:
      return "program_too_large";
    case ErrorCode::nesting_too_deep:
      return "nesting_too_deep";
  }
  return "syntax";
}

CompileResult compile(std::string_view pattern, const Limits& limits) {
  std::variant<SyntaxNode, Error> parsed = parse(pattern, limits);
  if (auto* e = std::get_if<Error>(&parsed)) return *e;
  const SyntaxNode& tree = std::get<SyntaxNode>(parsed);

  const uint64_t size = program_size(tree, limits.max_program_size) + 1;  // + match
  if (size > limits.max_program_size) {
    return Error{
        ErrorCode::program_too_large,
        "pattern expands to more than " + std::to_string(limits.max_program_size) + " instructions",
        0};
  }
  auto program = std::make_shared<Program>();
  program->pattern = std::string(pattern);
  program->limits = limits;
  program->code.reserve(static_cast<size_t>(size));
  Emitter(*program).emit(tree);
  program->code.push_back({Instruction::Op::match});
  return Regex(std::move(program));
}

}  // namespace haoban::regex
