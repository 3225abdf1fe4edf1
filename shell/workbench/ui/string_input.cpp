#include "string_input.h"

#include <algorithm>

namespace haoban::workbench {

namespace {

struct ResizeContext {
  std::string* text;
  std::size_t capacity;
};

int on_resize(ImGuiInputTextCallbackData* data) {
  if (data->EventFlag != ImGuiInputTextFlags_CallbackResize) return 0;
  auto* context = static_cast<ResizeContext*>(data->UserData);
  // Not growing past the capacity makes ImGui cut the text to the buffer it has.
  const std::size_t wanted =
      std::min<std::size_t>(static_cast<std::size_t>(data->BufTextLen), context->capacity);
  context->text->resize(wanted);
  data->Buf = context->text->data();
  data->BufSize = static_cast<int>(wanted + 1);  // ImGui copies at most BufSize - 1 bytes
  return 0;
}

}  // namespace

bool input_string(const char* label, std::string& text, const char* hint, std::size_t capacity,
                  ImGuiInputTextFlags flags) {
  if (text.size() > capacity) text.resize(capacity);
  ResizeContext context{&text, capacity};
  flags |= ImGuiInputTextFlags_CallbackResize;
  // The buffer ImGui sees is exactly size() + 1 (std::string's NUL): growing goes through
  // on_resize.
  const bool changed =
      hint != nullptr
          ? ImGui::InputTextWithHint(label, hint, text.data(), text.size() + 1, flags, on_resize,
                                     &context)
          : ImGui::InputText(label, text.data(), text.size() + 1, flags, on_resize, &context);
  text.resize(std::char_traits<char>::length(text.c_str()));
  return changed;
}

bool input_string_multiline(const char* label, std::string& text, const ImVec2& size,
                            std::size_t capacity) {
  if (text.size() > capacity) text.resize(capacity);
  ResizeContext context{&text, capacity};
  const bool changed =
      ImGui::InputTextMultiline(label, text.data(), text.size() + 1, size,
                                ImGuiInputTextFlags_CallbackResize, on_resize, &context);
  text.resize(std::char_traits<char>::length(text.c_str()));
  return changed;
}

}  // namespace haoban::workbench
