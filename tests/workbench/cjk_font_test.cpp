// The CJK font loader: every character the workbench draws has a glyph, and a missing font
// file falls back to ImGui's default font instead of asserting.
#include "ui/cjk_font.h"
#include "ui/ui_text.h"

#include <gtest/gtest.h>
#include <imgui.h>
#include <imgui_internal.h>  // ImTextCharFromUtf8

#include <fstream>
#include <string>

namespace haoban::workbench {
namespace {

// Decodes UTF-8 with ImGui's own decoder, the one that text rendering uses.
std::u32string codepoints(const std::string& text) {
  std::u32string out;
  const char* p = text.c_str();
  const char* end = p + text.size();
  while (p < end) {
    unsigned int c = 0;
    p += ImTextCharFromUtf8(&c, p, end);
    out.push_back(c);
  }
  return out;
}

class CjkFontTest : public ::testing::Test {
 protected:
  void SetUp() override { context_ = ImGui::CreateContext(); }
  void TearDown() override { ImGui::DestroyContext(context_); }
  ImGuiContext* context_ = nullptr;
};

TEST_F(CjkFontTest, MissingFileFallsBackToTheDefaultFont) {
  ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
  CjkFontLoader loader;
  EXPECT_EQ(loader.load(atlas, "/nonexistent/font.ttc", 18.0f), nullptr);
  EXPECT_EQ(atlas.Fonts.Size, 1);
  EXPECT_TRUE(atlas.Build());
  EXPECT_NE(atlas.Fonts[0]->FindGlyphNoFallback('A'), nullptr);
}

TEST_F(CjkFontTest, WqyMicroHeiCoversEveryCharacterTheWorkbenchDraws) {
  if (!std::ifstream(kDefaultCjkFontPath)) {
    GTEST_SKIP() << "fonts-wqy-microhei not installed";
  }
  ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
  CjkFontLoader loader;
  ImFont* font = loader.load(atlas, kDefaultCjkFontPath, 18.0f);
  ASSERT_NE(font, nullptr);
  ASSERT_TRUE(atlas.Build());
  std::string missing;
  for (char32_t c : codepoints(ui_text::all_text() + "校验码错误身份证号码天河区番禺")) {
    if (font->FindGlyphNoFallback(static_cast<ImWchar>(c)) == nullptr) {
      missing += "U+" + std::to_string(static_cast<unsigned>(c)) + " ";
    }
  }
  EXPECT_EQ(missing, "");
  EXPECT_NE(font->FindGlyphNoFallback('X'), nullptr);
}

}  // namespace
}  // namespace haoban::workbench
