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

#include "haoban/catalog/json_scan.h"

namespace haoban::catalog::json_scan {

// Reads the value at the scanner's position (at `depth` levels of nesting, bounded like
// Scanner::value) into *out. Returns false if the text is not valid JSON there (s.failed() is
// then set) or if nlohmann refuses a number the grammar allows (out of range: *bad is set, the
// scan goes on, and the load fails as an eager one would).
bool build_value(Scanner& s, int depth, nlohmann::json* out, bool* bad);

}  // namespace haoban::catalog::json_scan
