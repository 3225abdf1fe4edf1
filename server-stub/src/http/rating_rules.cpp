#include "http/rating_rules.h"

#include <array>

#include "haoban/text/utf8.h"

namespace haoban::http {

namespace {

constexpr std::array<std::string_view, 6> kLabels = {"",         "非常不满意", "不满意",
                                                     "基本满意", "满意",       "非常满意"};

constexpr std::array<RatingIndicator, 5> kIndicators = {{
    {"guideAccuracy", "办事指南准确"},
    {"channelUsability", "渠道易用"},
    {"processConvenience", "流程便捷"},
    {"timeliness", "办理时效"},
    {"serviceStandard", "服务规范"},
}};

bool fail(std::string* en, std::string* zh, std::string_view problem_en,
          std::string_view problem_zh) {
  *en = problem_en;
  *zh = problem_zh;
  return false;
}

}  // namespace

std::string_view rating_label(int level) {
  return level >= 1 && level <= 5 ? kLabels[static_cast<size_t>(level)] : std::string_view();
}

std::optional<int> rating_level_of(std::string_view label) {
  for (int level = 1; level <= 5; ++level) {
    if (kLabels[static_cast<size_t>(level)] == label) return level;
  }
  return std::nullopt;
}

const RatingIndicator* find_rating_indicator(std::string_view id) {
  for (const auto& indicator : kIndicators) {
    if (indicator.id == id) return &indicator;
  }
  return nullptr;
}

nlohmann::json rating_indicators_json() {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& indicator : kIndicators) {
    out.push_back({{"id", indicator.id}, {"zh", indicator.zh}});
  }
  return out;
}

std::optional<nlohmann::json> normalise_rating(const nlohmann::json& request,
                                               std::string* problem_en, std::string* problem_zh) {
  std::optional<int> level;
  if (const auto given = request.find("level"); given != request.end()) {
    if (given->is_number_integer() && given->get<int64_t>() >= 1 && given->get<int64_t>() <= 5) {
      level = given->get<int>();
    }
  } else if (const auto label = request.find("label");
             label != request.end() && label->is_string()) {
    level = rating_level_of(label->get<std::string>());
  }
  if (!level) {
    fail(problem_en, problem_zh, "\"level\" must be 1 to 5 (or \"label\" 非常满意…非常不满意).",
         "评价等级必须为 1–5（或“非常满意”至“非常不满意”）。");
    return std::nullopt;
  }
  nlohmann::json indicators = nlohmann::json::object();
  if (const auto given = request.find("indicators"); given != request.end()) {
    if (!given->is_object()) {
      fail(problem_en, problem_zh, "\"indicators\" must be an object of scores 1 to 5.",
           "评价指标必须是 1–5 分的对象。");
      return std::nullopt;
    }
    for (const auto& [id, score] : given->items()) {
      if (!find_rating_indicator(id) || !score.is_number_integer() || score.get<int64_t>() < 1 ||
          score.get<int64_t>() > 5) {
        fail(problem_en, problem_zh, "Unknown indicator or a score outside 1 to 5: " + id,
             "未知的评价指标或分值不在 1–5 之间：" + id);
        return std::nullopt;
      }
      indicators[id] = score;
    }
  }
  nlohmann::json tags = nlohmann::json::array();
  if (const auto given = request.find("tags"); given != request.end()) {
    if (!given->is_array() || given->size() > kMaxRatingTags) {
      fail(problem_en, problem_zh, "\"tags\" must be an array of at most 10 strings.",
           "评价标签最多 10 个字符串。");
      return std::nullopt;
    }
    for (const auto& tag : *given) {
      if (!tag.is_string() || tag.get<std::string>().empty() ||
          tag.get<std::string>().size() > kMaxTagBytes ||
          !text::is_valid_utf8(tag.get<std::string>())) {
        fail(problem_en, problem_zh, "Each tag must be a non-empty string of at most 64 bytes.",
             "每个评价标签必须是非空且不超过 64 字节的字符串。");
        return std::nullopt;
      }
      tags.push_back(tag);
    }
  }
  std::string comment;
  if (const auto given = request.find("comment"); given != request.end() && !given->is_null()) {
    if (!given->is_string() || given->get<std::string>().size() > kMaxCommentBytes ||
        !text::is_valid_utf8(given->get<std::string>())) {
      fail(problem_en, problem_zh, "\"comment\" must be a string of at most 2000 bytes.",
           "评价内容必须是不超过 2000 字节的字符串。");
      return std::nullopt;
    }
    comment = given->get<std::string>();
  }
  // A bad rating must say what went wrong, or nobody can follow it up.
  if (*level <= 2 && comment.empty() && tags.empty()) {
    fail(problem_en, problem_zh, "A rating of 不满意 or 非常不满意 needs a comment or tags.",
         "差评请填写评价内容或选择标签，以便整改。");
    return std::nullopt;
  }
  return nlohmann::json{{"level", *level},
                        {"label", rating_label(*level)},
                        {"indicators", std::move(indicators)},
                        {"tags", std::move(tags)},
                        {"comment", comment}};
}

time::CivilDate rating_open_until(const time::CivilDate& received_on) {
  return time::add_days(received_on, kRatingWindowDays - 1);
}

}  // namespace haoban::http
