// Kiosk mode (24-hour self-service halls): the host says whether the workbench runs as a
// kiosk and how long an idle screen may keep a citizen's answers; each frame it passes its
// clock reading and whether there was any input. The UI never reads a clock itself, so the
// idle reset is tested with an injected clock.
#pragma once

namespace haoban::workbench {

class KioskState {
 public:
  bool enabled = false;
  double idle_timeout_seconds = 120.0;  // <= 0: never reset

  // Returns true exactly once when the screen has been idle for the timeout: the caller
  // then clears the application. The first call only starts the clock.
  bool tick(double now_seconds, bool had_input);
  // Seconds left before the reset (for the on-screen warning); the timeout before any tick.
  double seconds_left(double now_seconds) const;

 private:
  bool started_ = false;
  double last_activity_ = 0.0;
};

}  // namespace haoban::workbench
