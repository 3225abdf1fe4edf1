// Input normalisation for form values: citizens type on phones with Chinese IMEs, which
// produce full-width digits and letters (１２３ＡＢＣ), ideographic spaces and stray blanks.
#pragma once

#include <string>
#include <string_view>

namespace haoban::text {

// Full-width ASCII variants (U+FF01..U+FF5E) become ASCII; the ideographic space U+3000
// and no-break spaces become an ASCII space. Everything else is kept as is.
std::string fullwidth_to_halfwidth(std::string_view s);

// Removes leading and trailing white space (ASCII, U+3000, U+00A0, U+FEFF BOM, tabs, newlines).
std::string trim(std::string_view s);

// Removes every white space character, inside the value as well (for codes and numbers,
// where "4401 0619 9001" is the same as "440106199001").
std::string strip_spaces(std::string_view s);

// The normalisation for identifier-like values: half-width, no spaces, ASCII letters upper-cased.
std::string normalize_code(std::string_view s);

}  // namespace haoban::text
