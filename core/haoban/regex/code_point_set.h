// A set of Unicode code points stored as sorted, disjoint, non-adjacent ranges: the form every
// character class of a pattern ([a-z], \d, ., 。) takes after parsing.
#pragma once

#include <cstddef>
#include <vector>

namespace haoban::regex {

inline constexpr char32_t kMaxCodePoint = 0x10FFFF;

struct CodePointRange {
  char32_t lo;
  char32_t hi;  // inclusive
};

class CodePointSet {
 public:
  CodePointSet() = default;
  static CodePointSet single(char32_t c) { return range(c, c); }
  static CodePointSet range(char32_t lo, char32_t hi);
  static CodePointSet any();           // U+0000..U+10FFFF
  static CodePointSet any_but_line();  // what `.` matches: all but \n \r U+2028 U+2029
  static CodePointSet digits();        // \d
  static CodePointSet word();          // \w
  static CodePointSet space();         // \s (JavaScript's white space and line terminators)

  void add(char32_t lo, char32_t hi);
  void add(const CodePointSet& other);
  CodePointSet complement() const;

  bool contains(char32_t c) const;
  bool empty() const { return ranges_.empty(); }
  const std::vector<CodePointRange>& ranges() const { return ranges_; }

 private:
  void normalize();  // sort and merge overlapping or touching ranges
  std::vector<CodePointRange> ranges_;
};

}  // namespace haoban::regex
