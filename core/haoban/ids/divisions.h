// The project's one table of administrative divisions (行政区划代码, GB/T 2260), compiled in.
//
// Codes are six ASCII digits: 2 for the province, 2 for the prefecture-level city, 2 for the
// county-level district; "440000" is 广东省, "440100" 广州市, "440106" 天河区.
// The table holds all 34 province-level divisions, Guangdong's 21 prefecture-level cities,
// the districts and counties of Guangdong's cities, a few others (Beijing's districts, for the
// worked examples of GB 11643), and historic codes that remain valid inside old ID numbers.
//
// Rule for codes the table does not hold: a code is *structurally valid* when it is six digits
// and its province (first two digits + "0000") is in the table. Parent and containment then
// follow the 2/4/6-digit prefixes: parent_division("440199") is "440100" because 广州市 is known,
// parent_division("110105") is "110000" because Beijing's 市辖区 "110100" is not in the table.
// Codes whose province is unknown ("990101") are not divisions at all: every function answers
// nullopt / false / empty for them.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace haoban::ids {

enum class DivisionLevel { province, prefecture, county };

struct DivisionInfo {
  std::string_view code;  // six digits
  std::string_view name;  // own name only: "天河区"
  bool historic;          // abolished or renumbered; still valid inside old ID numbers
};

// The table entry for a code, if the table holds it.
std::optional<DivisionInfo> find_division(std::string_view code);

// The division's own name ("天河区"), if the table holds the code.
std::optional<std::string_view> division_name(std::string_view code);

// Every known level joined, province first: "广东省广州市天河区". For a structurally valid code
// that the table does not hold, only the known ancestors ("广东省广州市"); nullopt otherwise.
std::optional<std::string> division_full_name(std::string_view code);

// True when the code is six digits and its province is a known province-level division.
bool is_structurally_valid_division(std::string_view code);

// True only for codes the table holds and marks as historic (e.g. 440102 东山区).
bool is_historic_division(std::string_view code);

// Level by trailing zeros: "xx0000" province, "xxxx00" prefecture, otherwise county.
// nullopt for codes that are not structurally valid.
std::optional<DivisionLevel> division_level(std::string_view code);

// The nearest known enclosing division: "440106" → "440100", "440100" → "440000",
// "440000" → nullopt, "110105" → "110000". nullopt for codes that are not structurally valid.
std::optional<std::string> parent_division(std::string_view code);

// Whether `code` lies inside `ancestor` by the 2/4/6-digit prefix rule: 440106 is inside
// 440100 and 440000. Reflexive (a division contains itself). False when either code is not
// structurally valid, or when `ancestor` is a county (a county contains only itself).
bool division_contains(std::string_view ancestor, std::string_view code);

// The known divisions whose parent_division() is `code`, in code order; "" gives the provinces.
// Historic divisions are left out unless asked for (a selector offers current ones only).
std::vector<std::string> child_divisions(std::string_view code, bool include_historic = false);

}  // namespace haoban::ids
