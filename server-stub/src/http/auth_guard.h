// The gate in front of every private endpoint: a valid `Authorization: Bearer <token>` for an
// identity that still exists, within that identity's rate. Anything else is answered here
// (401 with WWW-Authenticate, or 429 with Retry-After) and the route does nothing.
#pragma once

#include <httplib.h>

#include <optional>

#include "auth/session_token.h"
#include "fixtures/identity_fixtures.h"
#include "http/back_office.h"

namespace haoban::http {

struct Caller {
  auth::SessionClaims claims;
  const fixtures::Identity* identity = nullptr;
};

std::optional<Caller> require_caller(BackOffice& office, const httplib::Request& req,
                                     httplib::Response& res);

}  // namespace haoban::http
