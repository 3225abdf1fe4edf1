#include <exception>

#include "auth/session_token.h"
#include "http/auth_guard.h"
#include "http/json_response.h"
#include "http/office_routes.h"
#include "http/request_body.h"

namespace haoban::http {

namespace {

nlohmann::json identity_summary(const fixtures::Identity& identity) {
  return {{"id", identity.id},
          {"kind", identity.kind},
          {"displayName", identity.display_name},
          {"number", identity.number}};
}

void send_internal(httplib::Response& res, const std::exception& error) {
  send_error(res, 500, "internal", error.what(), "服务器内部错误。");
}

}  // namespace

void handle_create_session(BackOffice& office, const httplib::Request& req,
                           httplib::Response& res) {
  try {
    const auto body = read_json_object(req, res);
    if (!body) return;
    const auto id = body->find("identityId");
    if (id == body->end() || !id->is_string()) {
      return send_error(res, 400, "bad_request", "\"identityId\" is required and must be a string.",
                        "缺少字段“identityId”，或其类型不是字符串。");
    }
    const auto* identity = office.identities.find(id->get<std::string>());
    if (!identity) {
      return send_error(res, 404, "unknown_identity", "No test identity has this id.",
                        "没有该测试身份。");
    }
    const int64_t now = office.now_seconds();
    const auth::SessionClaims claims{identity->id, identity->kind, now,
                                     now + office.token_ttl_seconds};
    send_json(res, 201,
              {{"token", auth::issue_token(office.session_key, claims)},
               {"tokenType", "Bearer"},
               {"issuedAt", claims.issued_at},
               {"expiresAt", claims.expires_at},
               {"identity", identity_summary(*identity)}});
  } catch (const std::exception& error) {
    send_internal(res, error);
  }
}

void handle_list_identities(BackOffice& office, httplib::Response& res) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& identity : office.identities.all()) list.push_back(identity_summary(identity));
  send_json(res, 200, {{"identities", std::move(list)}});
}

void handle_me(BackOffice& office, const httplib::Request& req, httplib::Response& res) {
  try {
    const auto caller = require_caller(office, req, res);
    if (!caller) return;
    nlohmann::json body = identity_summary(*caller->identity);
    body["applicant"] = caller->identity->applicant;
    body["sessionExpiresAt"] = caller->claims.expires_at;
    send_json(res, 200, body);
  } catch (const std::exception& error) {
    send_internal(res, error);
  }
}

void handle_my_licences(BackOffice& office, const httplib::Request& req, httplib::Response& res) {
  try {
    const auto caller = require_caller(office, req, res);
    if (!caller) return;
    std::string error;
    const auto catalog = office.catalog(&error);
    // The data in the profile format (`licences.<type>.<field>`, what a form session reads),
    // and beside it each held licence's type as the catalogue declares it, for display.
    nlohmann::json types = nlohmann::json::array();
    for (const auto& [type, data] : caller->identity->licences.items()) {
      nlohmann::json entry = {{"id", type}, {"declared", false}};
      if (catalog) {
        if (const auto* declared = catalog->loaded.catalog->licence_type(type)) {
          entry["declared"] = true;
          entry["name"] = {{"zh", declared->name.zh}, {"en", declared->name.en}};
          entry["issuer"] = declared->issuer;
          entry["holder"] = declared->holder;
          nlohmann::json fields = nlohmann::json::array();
          for (const auto& field : declared->fields) {
            fields.push_back({{"id", field.id},
                              {"type", field.type},
                              {"label", {{"zh", field.label.zh}, {"en", field.label.en}}}});
          }
          entry["fields"] = std::move(fields);
        }
      }
      types.push_back(std::move(entry));
    }
    send_json(res, 200,
              {{"identityId", caller->identity->id},
               {"licences", caller->identity->licences},
               {"types", std::move(types)}});
  } catch (const std::exception& error) {
    send_internal(res, error);
  }
}

void handle_catalog_item(BackOffice& office, const httplib::Request& req, httplib::Response& res) {
  try {
    std::string error;
    const auto catalog = office.catalog(&error);
    if (!catalog) {
      return send_error(res, 404, "catalog_not_found", error, "未找到可用的事项目录。");
    }
    const std::string id = req.matches.size() > 1 ? req.matches[1].str() : std::string();
    const auto items = catalog->document.find("items");
    if (items != catalog->document.end() && items->is_array()) {
      for (const auto& item : *items) {
        if (item.is_object() && item.contains("id") && item["id"] == id) {  // any id type
          res.set_header("ETag", catalog->etag);
          res.set_header("Cache-Control", "no-cache");
          return send_json(res, 200, item);
        }
      }
    }
    send_error(res, 404, "unknown_item", "No item with this id in the catalogue.",
               "目录中没有该事项。");
  } catch (const std::exception& error) {
    send_internal(res, error);
  }
}

}  // namespace haoban::http
