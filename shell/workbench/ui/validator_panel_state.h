// What the identity-validation panel remembers between frames: the chosen kind, the text
// typed so far, and the result of validating exactly that text against "today".
// Holds no ImGui state, so the validation logic can be tested without a UI.
#pragma once

#include "haoban/ids/validation_result.h"
#include "haoban/time/civil_date.h"

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace haoban::workbench {

class ValidatorPanelState {
 public:
  // The input box is a fixed buffer: hostile paste is cut off here, long before the core's
  // own bounds. Generous for every real identity number (the longest is 18 characters, or
  // 54 bytes when typed in full-width form).
  static constexpr std::size_t kInputCapacity = 256;

  std::size_t kind_index() const { return kind_index_; }
  std::string_view kind() const;
  // Out-of-range indices are ignored.
  void select_kind(std::size_t index);

  std::string_view input() const { return input_.data(); }
  void set_input(std::string_view text);  // truncated to kInputCapacity - 1 bytes
  void clear_input() { set_input({}); }
  // The raw buffer ImGui::InputText edits in place.
  char* input_buffer() { return input_.data(); }
  std::size_t input_buffer_size() const { return input_.size(); }

  // Revalidates if the kind, the text or "today" changed since the last call; cheap otherwise.
  void refresh(const time::CivilDate& today);

  // nullopt while the input is empty (the panel then shows a prompt, not an error).
  const std::optional<ids::ValidationResult>& result() const { return result_; }

  // Set when the input box should take keyboard focus on the next frame.
  bool focus_input_requested = true;

 private:
  std::size_t kind_index_ = 0;
  std::array<char, kInputCapacity> input_{};

  // What result_ was computed from.
  std::optional<std::size_t> validated_kind_;
  std::string validated_input_;
  time::CivilDate validated_today_;
  std::optional<ids::ValidationResult> result_;
};

}  // namespace haoban::workbench
