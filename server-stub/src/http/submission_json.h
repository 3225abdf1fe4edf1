// The receipt a client sees for a submission: 受理编号, status, 承诺办结日期, the 容缺
// materials owed, and the 好差评 state computed on read.
#pragma once

#include <httplib.h>

#include <nlohmann/json.hpp>
#include <optional>
#include <vector>

#include "haoban/store/office_store.h"
#include "http/auth_guard.h"
#include "http/back_office.h"

namespace haoban::http {

nlohmann::json receipt_json(BackOffice& office, const store::SubmissionRecord& record);

// The same with the 容缺 materials given: a submission just created knows what it owes, so
// answering it takes no read of the store.
nlohmann::json receipt_json(const store::SubmissionRecord& record,
                            const std::vector<store::DeferredMaterial>& deferred);

}  // namespace haoban::http
