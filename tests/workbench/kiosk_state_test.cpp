// The kiosk's idle timer on an injected clock: the UI never reads a clock itself.
#include "ui/kiosk_state.h"

#include <gtest/gtest.h>

namespace haoban::workbench {
namespace {

TEST(KioskState, ResetsOnceAfterTheTimeoutWithoutInput) {
  KioskState kiosk;
  kiosk.enabled = true;
  kiosk.idle_timeout_seconds = 120;
  EXPECT_FALSE(kiosk.tick(1000.0, false));  // the first tick starts the clock
  EXPECT_FALSE(kiosk.tick(1119.9, false));
  EXPECT_NEAR(kiosk.seconds_left(1119.9), 0.1, 1e-9);
  EXPECT_TRUE(kiosk.tick(1120.0, false));
  EXPECT_FALSE(kiosk.tick(1121.0, false));  // one reset per idle period
  EXPECT_TRUE(kiosk.tick(1240.0, false));   // and another after the next full period
}

TEST(KioskState, InputRestartsTheTimer) {
  KioskState kiosk;
  kiosk.enabled = true;
  kiosk.idle_timeout_seconds = 60;
  kiosk.tick(0, false);
  EXPECT_FALSE(kiosk.tick(50, true));
  EXPECT_FALSE(kiosk.tick(109, false));
  EXPECT_DOUBLE_EQ(kiosk.seconds_left(109), 1);
  EXPECT_TRUE(kiosk.tick(110, false));
}

TEST(KioskState, NeverResetsWhenDisabledOrWithoutTimeout) {
  KioskState off;
  off.idle_timeout_seconds = 1;
  off.tick(0, false);
  EXPECT_FALSE(off.tick(1e9, false));

  KioskState no_timeout;
  no_timeout.enabled = true;
  no_timeout.idle_timeout_seconds = 0;
  no_timeout.tick(0, false);
  EXPECT_FALSE(no_timeout.tick(1e9, false));
}

TEST(KioskState, AClockGoingBackwardsCountsAsActivity) {
  KioskState kiosk;
  kiosk.enabled = true;
  kiosk.idle_timeout_seconds = 10;
  kiosk.tick(100, false);
  EXPECT_FALSE(kiosk.tick(5, false));  // a restarted host timer
  EXPECT_FALSE(kiosk.tick(14, false));
  EXPECT_TRUE(kiosk.tick(15, false));
}

}  // namespace
}  // namespace haoban::workbench
