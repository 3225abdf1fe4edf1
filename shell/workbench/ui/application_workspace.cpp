#include "application_workspace.h"

#include "haoban/check/submission_check.h"

namespace haoban::workbench {

bool ApplicationWorkspace::open(std::shared_ptr<const catalog::Catalog> catalog,
                                std::string_view item_id, nlohmann::json profile,
                                const time::CivilDate& today) {
  close();
  if (!catalog) {
    error_zh = "尚未加载事项目录";
    error_en = "no catalogue loaded";
    return false;
  }
  form::SessionOptions options;
  options.profile = profile;
  options.today = today;
  options.calendar = calendar;
  form::SessionError error;
  auto session = form::FormSession::create(catalog, item_id, options, &error);
  if (!session) {
    error_zh = error.zh;
    error_en = error.en;
    return false;
  }
  form_ = catalog->form(session->item());
  if (!form_) {
    error_zh = "事项表单无法编译";
    error_en = "the item's form does not compile";
    return false;
  }
  catalog_ = std::move(catalog);
  session_ = std::move(session);
  profile_ = std::move(profile);
  today_ = today;
  current_page = 0;
  error_zh.clear();
  error_en.clear();
  notice_dirty_ = true;
  return true;
}

void ApplicationWorkspace::close() {
  session_.reset();
  form_.reset();
  catalog_.reset();
  provided_.clear();
  last_error_.clear();
  notice_ = nullptr;
  package_canonical_.clear();
  notice_dirty_ = true;
}

bool ApplicationWorkspace::set(std::string_view path, const nlohmann::json& value) {
  const auto result = session_->set(path, value);
  last_error_ = result.ok ? "" : result.error.zh + " · " + result.error.en;
  notice_dirty_ = notice_dirty_ || result.ok;
  return result.ok;
}

bool ApplicationWorkspace::add_row(std::string_view group) {
  const auto result = session_->add_row(group);
  last_error_ = result.ok ? "" : result.error.zh + " · " + result.error.en;
  notice_dirty_ = notice_dirty_ || result.ok;
  return result.ok;
}

bool ApplicationWorkspace::remove_row(std::string_view group, size_t index) {
  const auto result = session_->remove_row(group, index);
  last_error_ = result.ok ? "" : result.error.zh + " · " + result.error.en;
  notice_dirty_ = notice_dirty_ || result.ok;
  return result.ok;
}

std::optional<form::FieldState> ApplicationWorkspace::state(std::string_view path) const {
  return session_ ? session_->state(path) : std::nullopt;
}

void ApplicationWorkspace::set_material_provided(const std::string& id, bool provided) {
  if (provided == material_provided(id)) return;
  if (provided)
    provided_[id] = true;
  else
    provided_.erase(id);
  notice_dirty_ = true;
}

void ApplicationWorkspace::set_today(const time::CivilDate& today) {
  if (today == today_) return;
  today_ = today;
  notice_dirty_ = true;
}

nlohmann::json ApplicationWorkspace::application() const {
  nlohmann::json materials = nlohmann::json::object();
  // A stand-in upload reference: the workbench has no file store, only the author's word.
  for (const auto& [id, provided] : provided_)
    materials[id] = {{"via", "upload"}, {"refs", {"workbench-" + id}}};
  return {{"item", session_->item().id},
          {"revision", session_->item().revision},
          {"answers", session_->answers()},
          {"materials", materials}};
}

const nlohmann::json& ApplicationWorkspace::notice() {
  if (!session_) {
    notice_ = nullptr;
    return notice_;
  }
  if (notice_dirty_) {
    check::CheckInput input;
    input.catalog = catalog_;
    input.item_id = session_->item().id;
    input.profile = profile_;
    input.application = application();
    input.today = today_;
    input.calendar = calendar;
    const auto notice = check::check_item(input);
    notice_ = check::to_json(notice);
    package_canonical_ = notice.package.ok ? notice.package.canonical : "";
    notice_dirty_ = false;
  }
  return notice_;
}

nlohmann::json ApplicationWorkspace::rule_data() const {
  nlohmann::json data = session_ ? session_->answers() : nlohmann::json::object();
  if (!data.is_object()) data = nlohmann::json::object();
  data["applicant"] = profile_.value("applicant", nlohmann::json::object());
  data["licences"] = profile_.value("licences", nlohmann::json::object());
  return data;
}

}  // namespace haoban::workbench
