// 好差评 rules (Guangdong): one rating per applicant per case, five levels from 非常满意 (5)
// to 非常不满意 (1), the online-service indicators, tags and free text. A rating of 不满意 or
// 非常不满意 opens a follow-up due within kFollowUpWorkingDays working days. A case not rated
// within kRatingWindowDays natural days of its receipt counts as 基本满意 — computed when read,
// never written, so the default needs no background job and changes nothing if the rules do.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "haoban/time/civil_date.h"

namespace haoban::http {

inline constexpr int kRatingWindowDays = 7;
inline constexpr int kFollowUpWorkingDays = 5;
inline constexpr int kDefaultRatingLevel = 3;  // 基本满意
inline constexpr size_t kMaxRatingTags = 10;
inline constexpr size_t kMaxTagBytes = 64;
inline constexpr size_t kMaxCommentBytes = 2000;

// "非常满意" … "非常不满意" for 5 … 1; "" otherwise.
std::string_view rating_label(int level);
// The level of a Chinese label, or nullopt.
std::optional<int> rating_level_of(std::string_view label);

// The online-service indicators one may score 1–5 (GB/T 39735 style): id and Chinese name.
struct RatingIndicator {
  std::string_view id;
  std::string_view zh;
};
const RatingIndicator* find_rating_indicator(std::string_view id);
nlohmann::json rating_indicators_json();

// Validates a rating request {"level" or "label", "indicators"?, "tags"?, "comment"?} and
// returns the normalised rating {"level","label","indicators","tags","comment"}; on failure
// nullopt with *problem_en / *problem_zh set.
std::optional<nlohmann::json> normalise_rating(const nlohmann::json& request,
                                               std::string* problem_en, std::string* problem_zh);

// The last day a rating is accepted: received_on + kRatingWindowDays - 1.
time::CivilDate rating_open_until(const time::CivilDate& received_on);

}  // namespace haoban::http
