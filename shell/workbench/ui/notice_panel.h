// The 一次性告知单 as the applicant would see it before submitting: ready or not, every
// field problem with its page, eligibility with its tree of reasons, every material in its
// state (the author can mark materials as uploaded), trips, the 承诺办结日期, and the
// canonical package with its SHA-256 digest (the idempotency key).
#pragma once

#include "application_workspace.h"
#include "item_locator.h"

namespace haoban::workbench {

void draw_notice_panel(ApplicationWorkspace& application, ItemLocator& locator);

}  // namespace haoban::workbench
