// ImGui::InputText over a std::string, bounded: the string grows as the user types, up to
// `capacity` bytes (a hostile paste is cut there, long before the core's own bounds).
#pragma once

#include <imgui.h>

#include <cstddef>
#include <string>

namespace haoban::workbench {

inline constexpr std::size_t kFieldTextCapacity = 2048;

// Returns true when the text changed this frame.
bool input_string(const char* label, std::string& text, const char* hint = nullptr,
                  std::size_t capacity = kFieldTextCapacity, ImGuiInputTextFlags flags = 0);
// The same, several lines high (a textarea).
bool input_string_multiline(const char* label, std::string& text, const ImVec2& size,
                            std::size_t capacity = kFieldTextCapacity);

}  // namespace haoban::workbench
