// The compiled form of a pattern: a flat list of instructions for the Pike VM
// (see pike_vm.cpp). Internal to the regex module.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "haoban/regex/code_point_set.h"
#include "haoban/regex/regex.h"

namespace haoban::regex {

struct Instruction {
  enum class Op : uint8_t {
    code_point,    // consume `c`
    set,           // consume a code point in sets[x]
    split,         // continue at both x and y
    jump,          // continue at x
    assert_begin,  // continue only at the start of the input
    assert_end,    // continue only at the end of the input
    match,
  };
  Op op = Op::match;
  char32_t c = 0;
  uint32_t x = 0;
  uint32_t y = 0;
};

struct Program {
  std::string pattern;
  std::vector<Instruction> code;  // starts at 0
  std::vector<CodePointSet> sets;
  Limits limits;
};

}  // namespace haoban::regex
