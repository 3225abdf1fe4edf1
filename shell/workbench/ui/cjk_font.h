// Loads a CJK font into an ImGui font atlas with a glyph range that covers common Chinese
// plus every character the workbench itself draws. Falls back to ImGui's default font.
#pragma once

#include <imgui.h>

namespace haoban::workbench {

// WQY Micro Hei from Debian's fonts-wqy-microhei.
inline constexpr const char* kDefaultCjkFontPath = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc";

class CjkFontLoader {
 public:
  // Adds the font at `path` (face 0 of a .ttc) to `atlas`. Returns nullptr, and adds ImGui's
  // default font instead, when the file is missing or unreadable. Call before the atlas is
  // built; this object must outlive the build (the atlas keeps a pointer to the ranges).
  // `extra_text` (UTF-8, may be null) adds its characters too: hosts pass the text of the
  // catalogue they load at start, so rare characters in item names render.
  ImFont* load(ImFontAtlas& atlas, const char* path, float pixel_size,
               const char* extra_text = nullptr);

 private:
  ImVector<ImWchar> ranges_;
};

}  // namespace haoban::workbench
