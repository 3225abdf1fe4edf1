#include "haoban/regex/code_point_set.h"

#include <algorithm>

namespace haoban::regex {

CodePointSet CodePointSet::range(char32_t lo, char32_t hi) {
  CodePointSet s;
  s.add(lo, hi);
  return s;
}

CodePointSet CodePointSet::any() { return range(0, kMaxCodePoint); }

CodePointSet CodePointSet::any_but_line() {
  CodePointSet lines;
  lines.add(U'\n', U'\n');
  lines.add(U'\r', U'\r');
  lines.add(0x2028, 0x2029);
  return lines.complement();
}

CodePointSet CodePointSet::digits() { return range(U'0', U'9'); }

CodePointSet CodePointSet::word() {
  CodePointSet s;
  s.add(U'0', U'9');
  s.add(U'A', U'Z');
  s.add(U'_', U'_');
  s.add(U'a', U'z');
  return s;
}

CodePointSet CodePointSet::space() {
  // ECMAScript WhiteSpace and LineTerminator, so patterns behave as in the browser.
  CodePointSet s;
  s.add(0x09, 0x0D);  // \t \n \v \f \r
  s.add(0x20, 0x20);
  s.add(0xA0, 0xA0);
  s.add(0x1680, 0x1680);
  s.add(0x2000, 0x200A);
  s.add(0x2028, 0x2029);
  s.add(0x202F, 0x202F);
  s.add(0x205F, 0x205F);
  s.add(0x3000, 0x3000);  // the ideographic space Chinese IMEs type
  s.add(0xFEFF, 0xFEFF);
  return s;
}

void CodePointSet::add(char32_t lo, char32_t hi) {
  if (lo > hi) return;
  ranges_.push_back({lo, std::min(hi, kMaxCodePoint)});
  normalize();
}

void CodePointSet::add(const CodePointSet& other) {
  ranges_.insert(ranges_.end(), other.ranges_.begin(), other.ranges_.end());
  normalize();
}

CodePointSet CodePointSet::complement() const {
  CodePointSet out;
  char32_t next = 0;
  for (const auto& r : ranges_) {
    if (r.lo > next) out.ranges_.push_back({next, r.lo - 1});
    next = r.hi + 1;
  }
  if (next <= kMaxCodePoint) out.ranges_.push_back({next, kMaxCodePoint});
  return out;
}

bool CodePointSet::contains(char32_t c) const {
  // Binary search for the first range whose upper end is >= c.
  auto it = std::lower_bound(ranges_.begin(), ranges_.end(), c,
                             [](const CodePointRange& r, char32_t v) { return r.hi < v; });
  return it != ranges_.end() && it->lo <= c;
}

void CodePointSet::normalize() {
  std::sort(ranges_.begin(), ranges_.end(),
            [](const CodePointRange& a, const CodePointRange& b) { return a.lo < b.lo; });
  std::vector<CodePointRange> merged;
  for (const auto& r : ranges_) {
    if (!merged.empty() && r.lo <= merged.back().hi + 1) {
      merged.back().hi = std::max(merged.back().hi, r.hi);
    } else {
      merged.push_back(r);
    }
  }
  ranges_ = std::move(merged);
}

}  // namespace haoban::regex
