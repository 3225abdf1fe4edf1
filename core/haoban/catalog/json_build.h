// Builds a nlohmann::json value straight from the validating scanner, in the one pass that
// validates it: a lazy load reads each item's metadata this way instead of scanning a member and
// then handing its text to nlohmann's parser (whose lexer copies every byte into a token buffer;
// the two passes were a third of the load's instructions).
//
// The result equals what nlohmann::json::parse gives for the same text: the scanner accepts
// exactly nlohmann's grammar, strings with escapes and numbers are converted by nlohmann itself,
// and of duplicate keys the last one is kept, as nlohmann's parser does.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "haoban/catalog/json_scan.h"

namespace haoban::catalog::json_scan {

// The members of the object at the scanner's position (at `depth`), each handed to `member`
// (which must consume its value); false if the text fails or the value is too deep.
template <class Member>
bool walk_object(Scanner& s, int depth, Member&& member) {
  if (depth + 1 > s.max_depth()) {
    s.value(depth);  // fails on depth, as a scan would
    return false;
  }
  bool first = true;
  s.begin_object(first);
  std::string key;
  while (s.next_member(first, &key)) {
    if (!member(key)) return false;
  }
  return !s.failed();
}

// The elements of the array at the scanner's position, each handed to `element`.
template <class Element>
bool walk_array(Scanner& s, int depth, Element&& element) {
  if (depth + 1 > s.max_depth()) {
    s.value(depth);
    return false;
  }
  bool first = true;
  s.begin_array(first);
  while (s.next_element(first)) {
    if (!element()) return false;
  }
  return !s.failed();
}

// Reads the value at the scanner's position (at `depth` levels of nesting, bounded like
// Scanner::value) into *out. Returns false if the text is not valid JSON there (s.failed() is
// then set). A number the grammar allows but nlohmann refuses (out of range) sets *bad and the
// scan goes on, so that the load fails as an eager one would.
bool build_value(Scanner& s, int depth, nlohmann::json* out, bool* bad);

}  // namespace haoban::catalog::json_scan
