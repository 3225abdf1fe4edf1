#include <string>

#include "http/office_routes.h"
#include "http/rating_rules.h"
#include "http/request_body.h"
#include "http/route_guard.h"
#include "http/submission_json.h"

namespace haoban::http {

namespace {

nlohmann::json follow_up_json(const store::FollowUpRecord& follow_up) {
  return {{"level", follow_up.level},
          {"openedOn", follow_up.opened_on},
          {"dueDate", follow_up.due_date},
          {"status", follow_up.status}};
}

// The rating of a case as seen today: the stored one, or 基本满意 by default once the window
// has closed, or none yet.
nlohmann::json rating_state(BackOffice& office, const store::SubmissionRecord& record,
                            const std::string& owner) {
  const auto received = time::parse_iso(record.received_on).value_or(office.today());
  const auto open_until = rating_open_until(received);
  nlohmann::json state = {{"submissionId", record.receipt_number},
                          {"openUntil", time::to_iso(open_until)},
                          {"rating", nullptr},
                          {"default", false},
                          {"followUp", nullptr}};
  if (const auto stored = office.office->find_rating(record.receipt_number, owner)) {
    auto rating = nlohmann::json::parse(stored->body, nullptr, false);
    if (rating.is_object()) rating["ratedOn"] = stored->rated_on;
    state["rating"] = std::move(rating);
    if (const auto follow_up = office.office->find_follow_up(record.receipt_number, owner)) {
      state["followUp"] = follow_up_json(*follow_up);
    }
  } else if (office.today() > open_until) {
    state["rating"] = {{"level", kDefaultRatingLevel},
                       {"label", rating_label(kDefaultRatingLevel)},
                       {"indicators", nlohmann::json::object()},
                       {"tags", nlohmann::json::array()},
                       {"comment", ""},
                       {"ratedOn", time::to_iso(time::add_days(open_until, 1))}};
    state["default"] = true;
  }
  return state;
}

void create_rating(BackOffice& office, const httplib::Request& req, httplib::Response& res) {
  const auto own = require_own_case(office, req, res);
  if (!own) return;
  const auto body = read_json_object(req, res);
  if (!body) return;
  std::string problem_en, problem_zh;
  const auto rating = normalise_rating(*body, &problem_en, &problem_zh);
  if (!rating) return send_error(res, 400, "bad_rating", problem_en, problem_zh);

  const store::SubmissionRecord& record = own->record;
  const time::CivilDate today = office.today();
  const auto received = time::parse_iso(record.received_on).value_or(today);
  if (today > rating_open_until(received)) {
    return send_error(res, 409, "rating_closed",
                      "The rating period has ended; the case counts as 基本满意.",
                      "评价期已过，系统已默认“基本满意”。");
  }
  const std::string owner = own->caller.identity->id;
  std::optional<store::FollowUpRecord> follow_up;
  const int level = (*rating)["level"].get<int>();
  if (level <= 2) {
    const auto due = office.calendar.add_working_days(today, kFollowUpWorkingDays);
    follow_up = store::FollowUpRecord{
        record.receipt_number,
        owner,
        level,
        time::to_iso(today),
        time::to_iso(due ? due->date : time::add_days(today, kFollowUpWorkingDays)),
        "open"};
  }
  std::string error;
  const auto outcome = office.office->put_rating(
      {record.receipt_number, owner, level, rating->dump(), time::to_iso(today)}, follow_up,
      &error);
  if (outcome == store::RateOutcome::already_rated) {
    return send_error(res, 409, "already_rated", "This case has already been rated.",
                      "该办件已评价，每件只能评价一次。");
  }
  if (outcome != store::RateOutcome::rated) {
    return send_error(res, 503, "store_failed", error, "评价保存失败，请稍后重试。");
  }
  send_json(res, 201, rating_state(office, record, owner));
}

}  // namespace

void handle_create_rating(BackOffice& office, const httplib::Request& req, httplib::Response& res) {
  guarded(res, [&] { create_rating(office, req, res); });
}

void handle_get_rating(BackOffice& office, const httplib::Request& req, httplib::Response& res) {
  guarded(res, [&] {
    const auto own = require_own_case(office, req, res);
    if (!own) return;
    nlohmann::json state = rating_state(office, own->record, own->caller.identity->id);
    state["indicators"] = rating_indicators_json();
    send_json(res, 200, state);
  });
}

}  // namespace haoban::http
