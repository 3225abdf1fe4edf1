// Remembers where named widgets were drawn in the last frame, so that a windowless test (or a
// kiosk script) can click them by name instead of by hard-coded coordinates.
#pragma once

#include <imgui.h>

#include <map>
#include <optional>
#include <string>

namespace haoban::workbench {

struct ItemRect {
  ImGuiID id = 0;  // ImGui's id of the item: compare with the active id to see who has focus
  ImVec2 min;
  ImVec2 max;
  ImVec2 center() const { return {(min.x + max.x) * 0.5f, (min.y + max.y) * 0.5f}; }
};

class ItemLocator {
 public:
  // Records the rectangle of the item ImGui submitted last (call right after the widget).
  void remember_last_item(const std::string& name);
  std::optional<ItemRect> find(const std::string& name) const;
  // Items vanish when they are not drawn: call once at the start of every frame.
  void clear() { items_.clear(); }
  const std::map<std::string, ItemRect, std::less<>>& items() const { return items_; }

 private:
  std::map<std::string, ItemRect, std::less<>> items_;
};

}  // namespace haoban::workbench
