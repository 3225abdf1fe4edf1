// Windowless tests of the workbench UI: a real ImGui context with no display and no GL.
// Each frame runs NewFrame → draw_workbench → Render; input is injected the way a backend
// would (mouse position and button, UTF-8 characters), and results are read back from the
// app state that the drawn widgets edit.
#include "ui/validator_kinds.h"
#include "ui/validator_panel.h"
#include "ui/workbench_app.h"

#include <gtest/gtest.h>
#include <imgui.h>
#include <imgui_internal.h>  // GetActiveID

#include <string>
#include <string_view>

namespace haoban::workbench {
namespace {

class WorkbenchUiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    IMGUI_CHECKVERSION();
    context_ = ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.LogFilename = nullptr;
    io.DisplaySize = ImVec2(1024, 768);
    io.DeltaTime = 1.0f / 60.0f;
    // NewFrame requires a built atlas; the pixels go nowhere.
    unsigned char* pixels = nullptr;
    int width = 0, height = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);
    app_.today = {2026, 11, 27};
    app_.select_tab = WorkbenchTab::ids;  // the validator is the 证件校验 tab
    frame();
    frame();  // a tab asked for opens on the next frame
  }

  void TearDown() override { ImGui::DestroyContext(context_); }

  void frame() {
    ImGui::NewFrame();
    draw_workbench(app_);
    ImGui::Render();
  }

  // A click the way a mouse backend reports it: move, press, release, one frame each.
  void click(const std::string& item) {
    const auto rect = app_.locator.find(item);
    ASSERT_TRUE(rect.has_value()) << "item not drawn: " << item;
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = rect->center();
    frame();
    io.MouseDown[0] = true;
    frame();
    io.MouseDown[0] = false;
    frame();
  }

  bool input_has_keyboard() {
    const auto rect = app_.locator.find(kItemNumberInput);
    return rect && rect->id != 0 && ImGui::GetActiveID() == rect->id;
  }

  // A focus request lands a frame or two later, and ImGui drops characters that arrive while
  // no text field is active (as a real keyboard backend would): wait, as a user's eye would.
  void wait_for_text_focus() {
    for (int i = 0; i < 5 && !input_has_keyboard(); ++i) frame();
    ASSERT_TRUE(input_has_keyboard()) << "the number input does not have the keyboard";
  }

  // Types one character (one UTF-8 sequence) per frame, as a keyboard would.
  void type(std::string_view text) {
    size_t i = 0;
    while (i < text.size()) {
      size_t n = 1;
      while (i + n < text.size() && (static_cast<unsigned char>(text[i + n]) & 0xC0) == 0x80) ++n;
      ImGui::GetIO().AddInputCharactersUTF8(std::string(text.substr(i, n)).c_str());
      frame();
      i += n;
    }
  }

  const ids::ValidationResult& result() {
    const auto& result = app_.validator.result();
    EXPECT_TRUE(result.has_value());
    static const ids::ValidationResult kNone;
    return result ? *result : kNone;
  }

  ImGuiContext* context_ = nullptr;
  WorkbenchApp app_;
};

TEST_F(WorkbenchUiTest, DrawsTheNamedWidgetsInsideTheDisplay) {
  for (const std::string item :
       {kItemNumberInput, kItemClearButton, "kind:resident_id", "kind:uscc", "kind:passport"}) {
    const auto rect = app_.locator.find(item);
    ASSERT_TRUE(rect.has_value()) << item;
    EXPECT_LT(rect->min.x, rect->max.x) << item;
    EXPECT_LT(rect->min.y, rect->max.y) << item;
    EXPECT_GE(rect->min.x, 0.0f) << item;
    EXPECT_LE(rect->max.y, 768.0f) << item;
  }
  EXPECT_FALSE(app_.locator.find("no_such_item").has_value());
}

TEST_F(WorkbenchUiTest, EmptyInputShowsAPromptNotAnError) {
  EXPECT_EQ(app_.validator.input(), "");
  EXPECT_FALSE(app_.validator.result().has_value());
  EXPECT_EQ(app_.validator.kind(), "resident_id");
}

TEST_F(WorkbenchUiTest, ClickTypeValidThenClearAndTypeChecksumErrorInChinese) {
  // Take the focus away first, so that it is the click that gives the input the keyboard.
  wait_for_text_focus();
  ImGui::GetIO().MousePos = ImVec2(1000, 700);
  ImGui::GetIO().MouseDown[0] = true;
  frame();
  ImGui::GetIO().MouseDown[0] = false;
  frame();
  ASSERT_FALSE(input_has_keyboard());
  click(kItemNumberInput);
  ASSERT_TRUE(input_has_keyboard()) << "clicking the input should give it the keyboard";

  type("11010519491231002");
  // Validated as the user types: one character short is a length error, not yet valid.
  EXPECT_FALSE(result().valid);
  EXPECT_EQ(result().error_code, "length");

  type("X");
  EXPECT_EQ(app_.validator.input(), "11010519491231002X");
  EXPECT_TRUE(result().valid) << result().message.en;
  EXPECT_EQ(result().kind, "resident_id");
  EXPECT_EQ(result().normalized, "11010519491231002X");
  EXPECT_TRUE(result().error_code.empty());
  EXPECT_EQ(result().facts.value("birthDate", ""), "1949-12-31");
  EXPECT_EQ(result().facts.value("sex", ""), "female");  // sequence 002 is even
  EXPECT_EQ(result().facts.value("division", ""), "110105");

  click(kItemClearButton);
  EXPECT_EQ(app_.validator.input(), "");
  EXPECT_FALSE(app_.validator.result().has_value());

  // The clear button hands the keyboard back to the input: no second click needed.
  wait_for_text_focus();
  type("110105194912310021");
  EXPECT_EQ(app_.validator.input(), "110105194912310021");
  EXPECT_FALSE(result().valid);
  EXPECT_EQ(result().error_code, "checksum");
  EXPECT_NE(result().message.zh.find("校验码错误"), std::string::npos) << result().message.zh;
  EXPECT_FALSE(result().message.en.empty());
}

TEST_F(WorkbenchUiTest, FocusesTheInputOnStartSoTypingWorksWithoutAClick) {
  wait_for_text_focus();
  type("11010519491231002x");
  EXPECT_TRUE(result().valid) << result().message.en;
  EXPECT_EQ(result().normalized, "11010519491231002X");  // lower-case x normalised
}

TEST_F(WorkbenchUiTest, FullWidthTypingIsNormalised) {
  wait_for_text_focus();
  type("１１０１０５１９４９１２３１００２Ｘ");
  EXPECT_TRUE(result().valid) << result().message.en;
  EXPECT_EQ(result().normalized, "11010519491231002X");
}

TEST_F(WorkbenchUiTest, KindSelectorSwitchesTheValidatorAndRevalidates) {
  wait_for_text_focus();
  type("91350100M000100Y43");
  EXPECT_FALSE(result().valid);  // not a resident ID
  EXPECT_EQ(result().kind, "resident_id");

  click("kind:uscc");
  EXPECT_EQ(app_.validator.kind(), "uscc");
  EXPECT_TRUE(result().valid) << result().message.en;
  EXPECT_EQ(result().kind, "uscc");
  EXPECT_EQ(result().normalized, "91350100M000100Y43");

  // The radio button returns the keyboard to the input: typing goes on at the end.
  wait_for_text_focus();
  type("9");
  EXPECT_EQ(app_.validator.input(), "91350100M000100Y439");
  EXPECT_FALSE(result().valid);
}

TEST_F(WorkbenchUiTest, EveryKindCanBeSelectedAndItsExampleIsValid) {
  for (const auto& kind : validator_kinds()) {
    click("kind:" + std::string(kind.id));
    EXPECT_EQ(app_.validator.kind(), kind.id);
    click(kItemClearButton);
    wait_for_text_focus();
    type(kind.example);
    EXPECT_EQ(result().kind, kind.id);
    EXPECT_TRUE(result().valid) << kind.id << ": " << result().message.en;
  }
}

TEST_F(WorkbenchUiTest, TodayComesFromTheHostAndChangingItRevalidates) {
  app_.today = {1949, 12, 30};
  wait_for_text_focus();
  type("11010519491231002X");
  EXPECT_FALSE(result().valid);
  EXPECT_EQ(result().error_code, "future_date");

  app_.today = {1950, 1, 1};
  frame();
  EXPECT_TRUE(result().valid) << result().message.en;
}

TEST_F(WorkbenchUiTest, AHugePasteIsCutAtTheBufferAndDoesNotCrash) {
  wait_for_text_focus();
  const std::string megabyte(1 << 20, '1');
  ImGui::GetIO().AddInputCharactersUTF8(megabyte.c_str());
  frame();
  frame();
  EXPECT_EQ(app_.validator.input().size(), ValidatorPanelState::kInputCapacity - 1);
  EXPECT_FALSE(result().valid);
  EXPECT_FALSE(result().error_code.empty());
}

}  // namespace
}  // namespace haoban::workbench
