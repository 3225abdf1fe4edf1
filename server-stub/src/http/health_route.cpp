#include <nlohmann/json.hpp>

#include "haoban/store/database.h"
#include "http/api_routes.h"
#include "http/json_response.h"

#ifndef HAOBAN_VERSION
#define HAOBAN_VERSION "0.0.0"
#endif

namespace haoban::http {

void handle_healthz(store::Database* database, std::mutex& database_mutex, httplib::Response& res) {
  nlohmann::json body = {{"status", "ok"}, {"service", "haoban"}, {"version", HAOBAN_VERSION}};
  if (database) {
    std::lock_guard lock(database_mutex);
    body["schemaVersion"] = database->schema_version();
  } else {
    body["schemaVersion"] = nullptr;
  }
  send_json(res, 200, body);
}

}  // namespace haoban::http
