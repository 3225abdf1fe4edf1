// The handlers of the JSON API under /api/v1 and /healthz. Each answers with JSON, errors
// included ({"error":{"type","message","zh"}}), and never lets an exception escape.
#pragma once

#include <httplib.h>

#include <functional>
#include <mutex>

#include "haoban/time/civil_date.h"
#include "http/catalog_file.h"

namespace haoban::store {
class Database;
}

namespace haoban::http {

// Request bodies nested deeper than this are refused before parsing.
inline constexpr int kMaxRequestJsonDepth = 32;

// GET /healthz → {"status":"ok","service":"haoban","version":…,"schemaVersion":N|null}
void handle_healthz(store::Database* database, std::mutex& database_mutex, httplib::Response& res);

// POST /api/v1/validate {"kind":…,"value":…,"today"?:"YYYY-MM-DD"} → the validator's JSON.
// A missing "today" means the host's date, from `today`.
void handle_validate(const httplib::Request& req, httplib::Response& res,
                     const std::function<time::CivilDate()>& today);

// GET /api/v1/catalog → the catalogue file, with ETag / If-None-Match (304).
void handle_catalog(CatalogFile& catalog, const httplib::Request& req, httplib::Response& res);

}  // namespace haoban::http
