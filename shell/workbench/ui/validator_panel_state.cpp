#include "validator_panel_state.h"

#include "haoban/ids/validators.h"
#include "validator_kinds.h"

#include <algorithm>
#include <cstring>
#include <exception>

namespace haoban::workbench {

std::string_view ValidatorPanelState::kind() const { return validator_kinds()[kind_index_].id; }

void ValidatorPanelState::select_kind(std::size_t index) {
  if (index < validator_kinds().size()) kind_index_ = index;
}

void ValidatorPanelState::set_input(std::string_view text) {
  const std::size_t n = std::min(text.size(), input_.size() - 1);
  std::memcpy(input_.data(), text.data(), n);
  input_[n] = '\0';
}

void ValidatorPanelState::refresh(const time::CivilDate& today) {
  const std::string_view text = input();
  if (validated_kind_ == kind_index_ && validated_input_ == text && validated_today_ == today) {
    return;
  }
  validated_kind_ = kind_index_;
  validated_input_.assign(text);
  validated_today_ = today;

  if (text.empty()) {
    result_.reset();
    return;
  }
  try {
    result_ = ids::validate(kind(), text, today);
  } catch (const std::exception& e) {
    // The validators report errors as values; this only guards a kiosk against a bug
    // (or memory exhaustion) taking the whole program down.
    ids::ValidationResult failed;
    failed.kind = std::string(kind());
    failed.error_code = "internal_error";
    failed.message = {"内部错误，请重试", std::string("internal error: ") + e.what()};
    result_ = std::move(failed);
  }
}

}  // namespace haoban::workbench
