#include "haoban/form/builtin_checks.h"

#include <algorithm>
#include <cmath>
#include <set>

#include "haoban/ids/divisions.h"
#include "haoban/ids/validators.h"
#include "haoban/text/utf8.h"

namespace haoban::form {

namespace {

using catalog::FieldType;

struct Reporter {
  const std::string& page;
  const std::string& path;
  std::vector<FieldError>* out;
  void operator()(const std::string& code, const std::string& zh, const std::string& en) const {
    out->push_back({page, path, code, zh, en, false});
  }
};

std::string fmt(double v) {
  if (std::floor(v) == v && std::fabs(v) < 1e15) return std::to_string(static_cast<int64_t>(v));
  return std::to_string(v);
}

std::string yuan(double fen) {
  const int64_t f = static_cast<int64_t>(fen);
  std::string cents = std::to_string(std::llabs(f % 100));
  if (cents.size() < 2) cents = "0" + cents;
  return std::to_string(f / 100) + "." + cents;
}

void check_text(const catalog::Field& f, const std::string& s, const Reporter& report) {
  const auto n = static_cast<int64_t>(text::char_count(s));
  if (f.min_length && n < *f.min_length)
    report("too_short", "至少需要 " + std::to_string(*f.min_length) + " 个字",
           "at least " + std::to_string(*f.min_length) + " characters");
  if (f.max_length && n > *f.max_length)
    report("too_long", "最多 " + std::to_string(*f.max_length) + " 个字",
           "at most " + std::to_string(*f.max_length) + " characters");
  if (f.pattern && f.pattern->full_match_status(s) != regex::MatchStatus::match)
    report("pattern", "格式不正确", "the format is not valid");
}

void check_identifier(const ids::ValidationResult& result, const Reporter& report) {
  if (result.valid) return;
  report(result.error_code, result.message.zh, result.message.en);
}

bool valid_email(const std::string& s) {
  if (s.size() > 254) return false;
  const auto at = s.find('@');
  if (at == std::string::npos || at == 0 || s.find('@', at + 1) != std::string::npos) return false;
  const std::string domain = s.substr(at + 1);
  const auto dot = domain.rfind('.');
  if (dot == std::string::npos || dot == 0 || dot + 2 > domain.size()) return false;
  for (char c : s)
    if (static_cast<unsigned char>(c) <= ' ') return false;
  return true;
}

}  // namespace

bool is_empty_value(const catalog::Field* field, const json& v) {
  if (v.is_null()) return true;
  if (v.is_string()) return v.get_ref<const std::string&>().empty();
  if (v.is_array()) return v.empty();
  if (v.is_boolean() && field && field->type == FieldType::agreement) return !v.get<bool>();
  return false;
}

void builtin_errors(const catalog::Field& f, const json& v, const CheckContext& ctx,
                    const std::string& page, const std::string& path,
                    std::vector<FieldError>* out) {
  const Reporter report{page, path, out};
  auto wrong_type = [&] {
    report("wrong_type", "填写的内容类型不正确", "the value has the wrong type");
  };
  switch (f.type) {
    case FieldType::text:
    case FieldType::textarea:
      if (!v.is_string()) return wrong_type();
      check_text(f, v.get_ref<const std::string&>(), report);
      return;
    case FieldType::number: {
      if (!v.is_number()) return report("not_a_number", "请填写数字", "enter a number");
      const double n = v.get<double>();
      if (f.integer && std::floor(n) != n)
        report("not_integer", "请填写整数", "enter a whole number");
      if (f.min_number && n < *f.min_number)
        report("below_min", "不能小于 " + fmt(*f.min_number),
               "must be at least " + fmt(*f.min_number));
      if (f.max_number && n > *f.max_number)
        report("above_max", "不能大于 " + fmt(*f.max_number),
               "must be at most " + fmt(*f.max_number));
      return;
    }
    case FieldType::money: {
      if (!v.is_number_integer())
        return report("not_money", "请填写金额（元，最多两位小数）",
                      "enter an amount in yuan with at most two decimals");
      const double n = v.get<double>();
      if (f.min_number && n < *f.min_number)
        report("below_min", "金额不能小于 " + yuan(*f.min_number) + " 元",
               "must be at least ¥" + yuan(*f.min_number));
      if (f.max_number && n > *f.max_number)
        report("above_max", "金额不能大于 " + yuan(*f.max_number) + " 元",
               "must be at most ¥" + yuan(*f.max_number));
      return;
    }
    case FieldType::date: {
      if (!v.is_string() || !time::parse_iso(v.get_ref<const std::string&>()) ||
          v.get_ref<const std::string&>().size() != 10)
        return report("bad_date", "请填写有效日期（年-月-日）", "enter a real date as YYYY-MM-DD");
      const std::string& d = v.get_ref<const std::string&>();
      if (!ctx.min_date.empty() && d < ctx.min_date)
        report("date_too_early", "日期不能早于 " + ctx.min_date,
               "the date cannot be before " + ctx.min_date);
      if (!ctx.max_date.empty() && d > ctx.max_date)
        report("date_too_late", "日期不能晚于 " + ctx.max_date,
               "the date cannot be after " + ctx.max_date);
      return;
    }
    case FieldType::select:
    case FieldType::radio: {
      if (!v.is_string()) return wrong_type();
      const auto& options = *ctx.visible_options;
      if (std::find(options.begin(), options.end(), v.get_ref<const std::string&>()) ==
          options.end())
        report("bad_option", "请从列表中选择", "choose one of the options");
      return;
    }
    case FieldType::multiselect: {
      if (!v.is_array()) return wrong_type();
      std::set<std::string> seen;
      for (const auto& e : v) {
        if (!e.is_string() ||
            std::find(ctx.visible_options->begin(), ctx.visible_options->end(),
                      e.get_ref<const std::string&>()) == ctx.visible_options->end()) {
          report("bad_option", "请从列表中选择", "choose among the options");
          return;
        }
        if (!seen.insert(e.get<std::string>()).second) {
          report("duplicate_option", "选项重复", "an option is chosen twice");
          return;
        }
      }
      if (f.min_items && static_cast<int64_t>(v.size()) < *f.min_items)
        report("too_few_items", "至少选择 " + std::to_string(*f.min_items) + " 项",
               "choose at least " + std::to_string(*f.min_items));
      if (f.max_items && static_cast<int64_t>(v.size()) > *f.max_items)
        report("too_many_items", "最多选择 " + std::to_string(*f.max_items) + " 项",
               "choose at most " + std::to_string(*f.max_items));
      return;
    }
    case FieldType::agreement:
      if (!v.is_boolean()) wrong_type();
      return;
    case FieldType::id_number:
      if (!v.is_string()) return wrong_type();
      return check_identifier(ids::validate_resident_id(v.get_ref<const std::string&>(), ctx.today),
                              report);
    case FieldType::uscc:
      if (!v.is_string()) return wrong_type();
      return check_identifier(ids::validate_uscc(v.get_ref<const std::string&>()), report);
    case FieldType::mobile:
      if (!v.is_string()) return wrong_type();
      return check_identifier(ids::validate_mobile(v.get_ref<const std::string&>()), report);
    case FieldType::email:
      if (!v.is_string()) return wrong_type();
      if (!valid_email(v.get_ref<const std::string&>()))
        report("bad_email", "电子邮箱格式不正确", "not a valid email address");
      return;
    case FieldType::division: {
      if (!v.is_string()) return wrong_type();
      const std::string& code = v.get_ref<const std::string&>();
      if (!ids::is_structurally_valid_division(code))
        return report("bad_division", "行政区划代码无效", "not a valid division code");
      if (!f.within.empty() && !ids::division_contains(f.within, code)) {
        const std::string name(ids::division_name(f.within).value_or(f.within));
        report("outside_division", "应选择" + name + "范围内的地区",
               "choose a place within " + f.within);
      }
      return;
    }
    case FieldType::address: {
      if (!v.is_object()) return wrong_type();
      const json division = v.value("division", json());
      if (!division.is_string() ||
          !ids::is_structurally_valid_division(division.get<std::string>()))
        report("bad_division", "请选择地址所在地区", "choose the address's division");
      const json detail = v.value("detail", json());
      if (!detail.is_string() || detail.get<std::string>().empty())
        report("missing_detail", "请填写详细地址", "enter the street address");
      else
        check_text(f, detail.get<std::string>(), report);
      return;
    }
    case FieldType::material: {
      if (!v.is_object() || !v.contains("via") || !v["via"].is_string()) return wrong_type();
      const std::string via = v["via"].get<std::string>();
      const catalog::Material* m = ctx.material;
      bool allowed = via == "upload";
      if (m && via == "licence") allowed = !m->replace_by_licence.empty();
      if (m && via == "commitment")
        allowed = !m->replace_by_commitment.empty() && ctx.commitment_allowed;
      if (m && via == "deferred") allowed = m->necessity == "容缺后补";
      if (!allowed)
        return report("material_route", "该材料不能以此方式提供",
                      "this material cannot be provided that way");
      if (via == "upload" && (!v.contains("refs") || !v["refs"].is_array() || v["refs"].empty()))
        report("material_missing", "请上传材料", "upload the document");
      return;
    }
    case FieldType::signature:
      if (!v.is_string()) wrong_type();
      return;
    case FieldType::group:
      return;
  }
}

}  // namespace haoban::form
