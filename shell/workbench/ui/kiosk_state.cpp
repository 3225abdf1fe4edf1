#include "kiosk_state.h"

namespace haoban::workbench {

bool KioskState::tick(double now_seconds, bool had_input) {
  // A clock that goes backwards (a host restarting its timer) counts as activity.
  if (!started_ || had_input || now_seconds < last_activity_) {
    started_ = true;
    last_activity_ = now_seconds;
    return false;
  }
  if (!enabled || idle_timeout_seconds <= 0) return false;
  if (now_seconds - last_activity_ < idle_timeout_seconds) return false;
  last_activity_ = now_seconds;  // one reset per idle period
  return true;
}

double KioskState::seconds_left(double now_seconds) const {
  if (!started_) return idle_timeout_seconds;
  const double left = idle_timeout_seconds - (now_seconds - last_activity_);
  return left > 0 ? left : 0;
}

}  // namespace haoban::workbench
