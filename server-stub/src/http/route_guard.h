// What every back-office handler does before its own work, written once: answer any exception
// with a JSON 500 (never a dropped connection), require a logged-in caller within their rate,
// require the store, and find the caller's own case named by the path. Each require_* sends
// the refusal itself and returns nullopt, so a handler just returns.
#pragma once

#include <httplib.h>

#include <exception>
#include <optional>

#include "haoban/store/office_store.h"
#include "http/auth_guard.h"
#include "http/back_office.h"
#include "http/json_response.h"

namespace haoban::http {

template <class Handler>
void guarded(httplib::Response& res, Handler&& handler) noexcept {
  try {
    handler();
  } catch (const std::exception& error) {
    send_error(res, 500, "internal", error.what(), "服务器内部错误。");
  } catch (...) {
    send_error(res, 500, "internal", "unexpected error", "服务器内部错误。");
  }
}

// The caller, when the token is good, the rate allows and the store is there.
std::optional<Caller> require_office_caller(BackOffice& office, const httplib::Request& req,
                                            httplib::Response& res);

struct OwnCase {
  Caller caller;
  store::SubmissionRecord record;
};

// The caller and their own case, named by the route's first capture. Someone else's case is
// answered exactly like one that does not exist (404): ids are printed on receipts and are
// not secret, but whose they are is.
std::optional<OwnCase> require_own_case(BackOffice& office, const httplib::Request& req,
                                        httplib::Response& res);

}  // namespace haoban::http
