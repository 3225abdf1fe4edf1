// The panel's state without any UI: buffer bounds, kind selection and when it revalidates.
#include "ui/validator_panel_state.h"
#include "ui/validator_kinds.h"

#include <gtest/gtest.h>

#include <string>

namespace haoban::workbench {
namespace {

const time::CivilDate kToday{2026, 11, 27};

TEST(ValidatorPanelState, StartsOnResidentIdWithNoResult) {
  ValidatorPanelState state;
  EXPECT_EQ(state.kind(), "resident_id");
  EXPECT_EQ(state.input(), "");
  state.refresh(kToday);
  EXPECT_FALSE(state.result().has_value());
  EXPECT_TRUE(state.focus_input_requested);
}

TEST(ValidatorPanelState, SetInputTruncatesToTheBuffer) {
  ValidatorPanelState state;
  state.set_input(std::string(10000, 'A'));
  EXPECT_EQ(state.input().size(), ValidatorPanelState::kInputCapacity - 1);
  state.set_input("abc");
  EXPECT_EQ(state.input(), "abc");
  state.clear_input();
  EXPECT_EQ(state.input(), "");
}

TEST(ValidatorPanelState, SelectKindIgnoresIndicesOutOfRange) {
  ValidatorPanelState state;
  state.select_kind(1);
  EXPECT_EQ(state.kind(), validator_kinds()[1].id);
  state.select_kind(validator_kinds().size());
  EXPECT_EQ(state.kind_index(), 1u);
  state.select_kind(static_cast<std::size_t>(-1));
  EXPECT_EQ(state.kind_index(), 1u);
}

TEST(ValidatorPanelState, RefreshValidatesTheCurrentTextKindAndDay) {
  ValidatorPanelState state;
  state.set_input("11010519491231002X");
  state.refresh(kToday);
  ASSERT_TRUE(state.result().has_value());
  EXPECT_TRUE(state.result()->valid);

  state.set_input("110105194912310021");
  state.refresh(kToday);
  EXPECT_EQ(state.result()->error_code, "checksum");

  state.set_input("11010519491231002X");
  state.refresh({1949, 12, 1});
  EXPECT_EQ(state.result()->error_code, "future_date");

  state.select_kind(5);  // passport
  state.refresh({1949, 12, 1});
  EXPECT_EQ(state.result()->kind, "passport");
  EXPECT_FALSE(state.result()->valid);

  state.clear_input();
  state.refresh(kToday);
  EXPECT_FALSE(state.result().has_value());
}

TEST(ValidatorKinds, AreTheSixKindsOfTheContractWithLabelsAndValidExamples) {
  const auto kinds = validator_kinds();
  ASSERT_EQ(kinds.size(), 6u);
  const char* expected[] = {
      "resident_id", "uscc", "mobile", "hk_macau_permit", "mainland_travel_permit", "passport"};
  for (std::size_t i = 0; i < kinds.size(); ++i) {
    EXPECT_EQ(kinds[i].id, expected[i]);
    EXPECT_FALSE(kinds[i].zh.empty());
    EXPECT_FALSE(kinds[i].en.empty());
    ValidatorPanelState state;
    state.select_kind(i);
    state.set_input(kinds[i].example);
    state.refresh(kToday);
    ASSERT_TRUE(state.result().has_value());
    EXPECT_TRUE(state.result()->valid) << kinds[i].id << ": " << state.result()->message.en;
  }
}

}  // namespace
}  // namespace haoban::workbench
