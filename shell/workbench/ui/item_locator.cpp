#include "item_locator.h"

#include <imgui_internal.h>  // GetItemID (public only from 1.88)

namespace haoban::workbench {

void ItemLocator::remember_last_item(const std::string& name) {
  items_[name] = ItemRect{ImGui::GetItemID(), ImGui::GetItemRectMin(), ImGui::GetItemRectMax()};
}

std::optional<ItemRect> ItemLocator::find(const std::string& name) const {
  auto it = items_.find(name);
  if (it == items_.end()) return std::nullopt;
  return it->second;
}

}  // namespace haoban::workbench
