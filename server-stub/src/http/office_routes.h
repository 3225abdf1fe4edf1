// The back-office handlers under /api/v1 (issue 7): session, identity and e-licences, item
// detail, submissions with receipts and 容缺 materials, and 好差评. Each answers with JSON,
// errors included, and never lets an exception escape.
#pragma once

#include <httplib.h>

#include "http/back_office.h"

namespace haoban::http {

// POST /api/v1/session {"identityId"} → {"token","tokenType","expiresAt","identity"}
void handle_create_session(BackOffice& office, const httplib::Request& req, httplib::Response& res);
// GET /api/v1/session/identities → the fixture identities one may log in as (public: test stub)
void handle_list_identities(BackOffice& office, httplib::Response& res);
// GET /api/v1/me → the caller's identity and profile
void handle_me(BackOffice& office, const httplib::Request& req, httplib::Response& res);
// GET /api/v1/me/licences → the caller's e-licences, with their types from the catalogue
void handle_my_licences(BackOffice& office, const httplib::Request& req, httplib::Response& res);
// GET /api/v1/catalog/items/{id} → the item as written in the catalogue (public)
void handle_catalog_item(BackOffice& office, const httplib::Request& req, httplib::Response& res);

// POST /api/v1/submissions, GET /api/v1/submissions, GET /api/v1/submissions/{id},
// POST /api/v1/submissions/{id}/materials
void handle_create_submission(BackOffice& office, const httplib::Request& req,
                              httplib::Response& res);
void handle_list_submissions(BackOffice& office, const httplib::Request& req,
                             httplib::Response& res);
void handle_get_submission(BackOffice& office, const httplib::Request& req, httplib::Response& res);
void handle_supply_material(BackOffice& office, const httplib::Request& req,
                            httplib::Response& res);

// POST/GET /api/v1/submissions/{id}/rating
void handle_create_rating(BackOffice& office, const httplib::Request& req, httplib::Response& res);
void handle_get_rating(BackOffice& office, const httplib::Request& req, httplib::Response& res);

}  // namespace haoban::http
