// Drives the workbench windowless, the way a user would: a real ImGui context with no display
// and no GL, each frame NewFrame → draw_workbench → Render, clicks on widgets found by name
// (ItemLocator), text typed as UTF-8 characters, a clock the test moves by hand.
#pragma once

#include "ui/workbench_app.h"

#include <gtest/gtest.h>
#include <imgui.h>
#include <imgui_internal.h>  // GetActiveID

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>

namespace haoban::workbench::testing {

inline std::string read_repo_file(const std::string& relative) {
  std::ifstream in(std::string(HAOBAN_SOURCE_DIR) + "/" + relative, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + relative);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

class UiDriver {
 public:
  // A tall display, so that every field of a page is on screen without scrolling.
  explicit UiDriver(ImVec2 display = ImVec2(1280, 2400)) {
    context_ = ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.LogFilename = nullptr;
    io.DisplaySize = display;
    io.DeltaTime = 1.0f / 60.0f;
    io.KeyMap[ImGuiKey_A] = 'A';      // for Ctrl+A (select all); 1.86 leaves the map at -1
    unsigned char* pixels = nullptr;  // NewFrame requires a built atlas; the pixels go nowhere
    int width = 0, height = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);
  }
  ~UiDriver() { ImGui::DestroyContext(context_); }
  UiDriver(const UiDriver&) = delete;
  UiDriver& operator=(const UiDriver&) = delete;

  WorkbenchApp app;

  void frame() {
    ImGui::NewFrame();
    draw_workbench(app);
    ImGui::Render();
  }

  bool has(const std::string& item) const { return app.locator.find(item).has_value(); }

  // Move, press, release: one frame each, as a mouse backend reports them.
  void click(const std::string& item) {
    const auto rect = app.locator.find(item);
    if (!rect) throw std::runtime_error("not drawn: " + item);
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = rect->center();
    frame();
    // The layout may have settled in that frame (an error line appearing or going above):
    // aim again, as an eye would, before pressing.
    if (const auto settled = app.locator.find(item)) io.MousePos = settled->center();
    frame();
    io.MouseDown[0] = true;
    frame();
    io.MouseDown[0] = false;
    frame();
    frame();  // what the click changed (a row added, a field shown) is drawn on the next frame
  }

  bool editing(const std::string& item) const {
    const auto rect = app.locator.find(item);
    return rect && rect->id != 0 && ImGui::GetActiveID() == rect->id;
  }

  // Clicks a text field, selects what it holds (Ctrl+A) and types `text` over it.
  void type_into(const std::string& item, std::string_view text) {
    click(item);
    for (int i = 0; i < 5 && !editing(item); ++i) frame();
    if (!editing(item)) throw std::runtime_error("no keyboard focus: " + item);
    ImGuiIO& io = ImGui::GetIO();
    io.KeyCtrl = true;
    io.KeysDown[io.KeyMap[ImGuiKey_A]] = true;
    frame();
    io.KeysDown[io.KeyMap[ImGuiKey_A]] = false;
    io.KeyCtrl = false;
    frame();
    io.AddInputCharactersUTF8(std::string(text).c_str());
    frame();
    frame();  // errors drawn from the new value
  }

  // Opens a combo box and picks an option.
  void choose(const std::string& path, const std::string& code) {
    click("field:" + path);
    // A popup is laid out on its second frame (the first one only measures it): only then
    // are the option rectangles where the user sees them.
    frame();
    click("option:" + path + ":" + code);
  }

  // Advances the host's clock without any input.
  void idle(double seconds, int frames = 2) {
    for (int i = 0; i < frames; ++i) {
      app.now_seconds += seconds / frames;
      frame();
    }
  }

 private:
  ImGuiContext* context_ = nullptr;
};

}  // namespace haoban::workbench::testing
