// `haoban eligibility`: the 受理条件 verdict of an item or a bundle, with reasons.
#include "cli/eligibility_command.h"

#include <cstdio>
#include <sstream>

#include "cli/check_command.h"
#include "haoban/bundle/bundle_check.h"
#include "haoban/check/submission_check.h"

namespace haoban::cli {

namespace {

int eligibility_usage(const std::string& message) {
  std::fprintf(stderr,
               "haoban eligibility: %s\n"
               "usage: haoban eligibility --catalog F (--item ID | --bundle ID) "
               "[--application F] [--profile F [--profile-id ID]] [--today YYYY-MM-DD] "
               "[--calendar F] [--format json|text]\n",
               message.c_str());
  return 2;
}

std::string text_of(const nlohmann::json& e, const std::string& title) {
  std::ostringstream s;
  const std::string v = e.value("verdict", "");
  s << title << "："
    << (v == "eligible"       ? "符合受理条件"
        : v == "not_eligible" ? "不符合受理条件"
                              : "尚不能确定")
    << "\n";
  for (const auto& c : e["conditions"]) {
    const std::string st = c.value("status", "");
    s << "  "
      << (st == "passed"          ? "✓"
          : st == "failed"        ? "✗"
          : st == "informational" ? "ⓘ"
                                  : "?")
      << " " << c.value("zh", "");
    if (st == "failed" && c.contains("reason")) s << "——" << c["reason"].value("zh", "");
    if (st == "undetermined") {
      s << "——尚需：";
      for (size_t i = 0; i < c["missing"].size(); ++i)
        s << (i ? "、" : "") << c["missing"][i].get<std::string>();
    }
    s << "\n";
  }
  return s.str();
}

}  // namespace

int run_eligibility(const std::vector<std::string>& args) {
  std::string error;
  const auto request = parse_check_request(args, {"json", "text"}, &error);
  if (!request) return eligibility_usage(error);
  const std::string &item = request->item, &bundle_id = request->bundle, &format = request->format;
  // Without answers, eligibility is judged on the profile alone (conditions on answers are
  // then undetermined, listing what must be asked).
  auto in = load_check_inputs("eligibility", request->options,
                              request->options.flags.count("application") > 0);
  if (!in) return 2;
  if (!in->application.contains("answers")) in->application["answers"] = nlohmann::json::object();
  const calendar::HolidayCalendar* cal = in->calendar ? &*in->calendar : nullptr;

  nlohmann::json out;
  std::string title;
  if (!bundle_id.empty()) {
    const auto n = bundle::check_bundle(
        {in->catalog, bundle_id, in->profile, in->application, in->today, cal});
    if (!n.ok) {
      std::printf("%s\n", bundle::to_json(n).dump(2).c_str());
      return 2;
    }
    out = check::to_json(n.eligibility);
    out["bundle"] = n.bundle->id;
    title = n.bundle->name.zh;
  } else {
    const auto n = check::check_item(item_check_input(*in, item));
    if (!n.ok) {
      std::printf("%s\n", check::to_json(n).dump(2).c_str());
      return 2;
    }
    out = check::to_json(n.eligibility);
    out["item"] = n.item->id;
    title = n.item->name.zh;
  }
  out["today"] = time::to_iso(in->today);
  if (format == "text")
    std::fputs(text_of(out, title).c_str(), stdout);
  else
    std::printf("%s\n", out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
  return out["verdict"] == "eligible" ? 0 : 1;
}

}  // namespace haoban::cli
