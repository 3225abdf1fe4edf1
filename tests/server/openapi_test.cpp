// docs/openapi.json (generated from docs/openapi.yaml) against the running stub: every answer's
// status must be declared for its operation, and its JSON body must fit the declared schema
// (types, required properties, enums and consts, anyOf, recursively). Every operation of the
// document, the static routes included, must be exercised here at least once.
#include <set>
#include <string>
#include <vector>

#include "office_fixture.h"

namespace haoban::testing {
namespace {

using nlohmann::json;

class OpenApiTest : public OfficeTest {
 protected:
  void SetUp() override {
    OfficeTest::SetUp();
    document_ = read_json_file(std::filesystem::path(HAOBAN_SOURCE_DIR) / "docs/openapi.json");
    ASSERT_TRUE(document_.is_object());
    ASSERT_EQ(document_["openapi"], "3.1.0");
  }

  // Follows "$ref": "#/a/b" within the document (any depth of indirection).
  const json& resolve(const json& node) {
    const json* current = &node;
    for (int hops = 0; hops < 16 && current->is_object() && current->contains("$ref"); ++hops) {
      const std::string ref = (*current)["$ref"];
      EXPECT_EQ(ref.rfind("#/", 0), 0u) << ref;
      current = &document_.at(json::json_pointer(ref.substr(1)));
    }
    return *current;
  }

  static bool has_type(const json& value, const std::string& type) {
    if (type == "object") return value.is_object();
    if (type == "array") return value.is_array();
    if (type == "string") return value.is_string();
    if (type == "integer") return value.is_number_integer();
    if (type == "number") return value.is_number();
    if (type == "boolean") return value.is_boolean();
    if (type == "null") return value.is_null();
    return false;
  }

  // Appends to *problems every way `value` departs from the schema: types, consts, enums,
  // required properties, items, and anyOf (one branch must fit), recursively.
  void conforms(const json& schema_node, const json& value, const std::string& where,
                std::vector<std::string>* problems) {
    const json& schema = resolve(schema_node);
    if (!schema.is_object()) return;
    const std::string shown = value.dump().substr(0, 200);
    if (schema.contains("anyOf")) {
      std::vector<std::string> first;
      bool fits = false;
      for (const auto& branch : schema["anyOf"]) {
        std::vector<std::string> branch_problems;
        conforms(branch, value, where, &branch_problems);
        if (branch_problems.empty()) fits = true;
        if (first.empty()) first = branch_problems;
      }
      if (!fits) {
        problems->push_back(where + ": fits no branch of anyOf, e.g. " +
                            (first.empty() ? std::string() : first.front()));
      }
    }
    if (schema.contains("type")) {
      bool any = false;
      const json types = schema["type"].is_array() ? schema["type"] : json::array({schema["type"]});
      for (const auto& type : types) any = any || has_type(value, type.get<std::string>());
      if (!any) {
        problems->push_back(where + ": expected " + schema["type"].dump() + ", got " + shown);
        return;
      }
    }
    if (schema.contains("const") && value != schema["const"]) {
      problems->push_back(where + ": expected " + schema["const"].dump() + ", got " + shown);
    }
    if (schema.contains("enum")) {
      bool listed = false;
      for (const auto& option : schema["enum"]) listed = listed || option == value;
      if (!listed) problems->push_back(where + ": " + shown + " not in " + schema["enum"].dump());
    }
    if (value.is_object()) {
      for (const auto& name : schema.value("required", json::array())) {
        if (!value.contains(name.get<std::string>())) {
          problems->push_back(where + ": missing required " + name.dump() + " in " +
                              value.dump().substr(0, 300));
        }
      }
      const json properties = schema.value("properties", json::object());
      for (const auto& [name, property] : properties.items()) {
        if (value.contains(name)) conforms(property, value[name], where + "." + name, problems);
      }
    }
    if (value.is_array() && schema.contains("items")) {
      for (size_t i = 0; i < value.size(); ++i) {
        conforms(schema["items"], value[i], where + "[" + std::to_string(i) + "]", problems);
      }
    }
  }

  // Checks one exchange against the operation `method path` of the document.
  void check(const std::string& method, const std::string& path, const httplib::Result& result) {
    SCOPED_TRACE(method + " " + path);
    ASSERT_TRUE(result) << "no answer";
    exercised_.insert(method + " " + path);
    ASSERT_TRUE(document_["paths"].contains(path)) << "path not documented";
    const json& operation = document_["paths"][path][method];
    ASSERT_TRUE(operation.is_object()) << "operation not documented";
    const std::string status = std::to_string(result->status);
    ASSERT_TRUE(operation["responses"].contains(status))
        << "status " << status << " not declared; body " << result->body;
    statuses_.insert(method + " " + path + " " + status);
    const json& response = resolve(operation["responses"][status]);
    if (!response.contains("content")) return;
    EXPECT_EQ(result->get_header_value("Content-Type").rfind("application/json", 0), 0u);
    const json body = json::parse(result->body, nullptr, false);
    ASSERT_FALSE(body.is_discarded()) << result->body;
    std::vector<std::string> problems;
    conforms(response["content"]["application/json"]["schema"], body, "$", &problems);
    for (const auto& problem : problems) ADD_FAILURE() << problem;
  }

  json document_;
  std::set<std::string> exercised_;
  std::set<std::string> statuses_;
};

TEST_F(OpenApiTest, EveryAnswerFitsTheDocumentAndEveryOperationIsExercised) {
  rate_burst_ = 1000;
  rate_per_second_ = 0.001;
  start();
  auto c = client();
  const std::string items = "/api/v1/catalog/items/{id}";
  const std::string one = "/api/v1/submissions/{id}";

  check("get", "/healthz", c.Get("/healthz"));
  check("post", "/api/v1/validate",
        c.Post("/api/v1/validate", R"({"kind":"resident_id","value":"11010519491231002X"})",
               "application/json"));
  check("post", "/api/v1/validate", c.Post("/api/v1/validate", "{", "application/json"));
  const auto catalog = c.Get("/api/v1/catalog");
  check("get", "/api/v1/catalog", catalog);
  check("get", "/api/v1/catalog",
        c.Get("/api/v1/catalog", {{"If-None-Match", catalog->get_header_value("ETag")}}));
  check("get", items, c.Get("/api/v1/catalog/items/gz-residence-permit"));
  check("get", items, c.Get("/api/v1/catalog/items/nothing"));
  check("get", "/api/v1/session/identities", c.Get("/api/v1/session/identities"));
  check("post", "/api/v1/session",
        c.Post("/api/v1/session", R"({"identityId":"chen-fang-new-mother"})", "application/json"));
  check("post", "/api/v1/session",
        c.Post("/api/v1/session", R"({"identityId":"nobody"})", "application/json"));
  check("post", "/api/v1/session", c.Post("/api/v1/session", "[]", "application/json"));

  const std::string mother = login("chen-fang-new-mother");
  const std::string migrant = login("li-ming-migrant");
  check("get", "/api/v1/me", get("/api/v1/me", mother));
  check("get", "/api/v1/me", get("/api/v1/me", ""));
  check("get", "/api/v1/me/licences", get("/api/v1/me/licences", mother));

  const auto created = submit(mother, newborn_medical_insurance());
  check("post", "/api/v1/submissions", created);
  check("post", "/api/v1/submissions", submit(mother, newborn_medical_insurance()));
  json wrong = newborn_medical_insurance();
  wrong["answers"].erase("insuredName");
  check("post", "/api/v1/submissions", submit(mother, wrong));
  wrong["claimedReady"] = false;
  check("post", "/api/v1/submissions", submit(mother, wrong));
  check("post", "/api/v1/submissions", submit(mother, wrong, "not-a-digest"));
  check("post", "/api/v1/submissions", submit(mother, newborn_medical_insurance(), key_for(9)));
  json strangers = deferred_demo_package("x");
  check("post", "/api/v1/submissions", submit(login("huang-ji-noodles"), strangers));
  check("post", "/api/v1/submissions", post("/api/v1/submissions", "", "{}"));
  check("get", "/api/v1/submissions", get("/api/v1/submissions", mother));

  const std::string id = body_of(created)["id"];
  check("get", one, get("/api/v1/submissions/" + id, mother));
  check("get", one, get("/api/v1/submissions/" + id, migrant));

  const auto deferred = submit(migrant, deferred_demo_package("旺财"));
  check("post", "/api/v1/submissions", deferred);
  const std::string materials =
      "/api/v1/submissions/" + body_of(deferred)["id"].get<std::string>() + "/materials";
  check("post", one + "/materials", post(materials, migrant, R"({"materialId":"vaccination"})"));
  check("post", one + "/materials", post(materials, migrant, R"({"materialId":"vaccination"})"));
  check("post", one + "/materials", post(materials, migrant, R"({"materialId":"idCard"})"));
  check("post", one + "/materials", post(materials, migrant, R"({"materialId":7})"));

  const std::string rating = "/api/v1/submissions/" + id + "/rating";
  check("get", one + "/rating", get(rating, mother));
  check("post", one + "/rating", post(rating, mother, R"({"level":1})"));
  check("post", one + "/rating", post(rating, mother, R"({"level":2,"comment":"慢"})"));
  check("post", one + "/rating", post(rating, mother, R"({"level":5})"));
  check("get", one + "/rating", get(rating, mother));
  check("get", one + "/rating", get(rating, migrant));
  today_ = {2027, 1, 1};
  const std::string other_rating =
      "/api/v1/submissions/" + body_of(deferred)["id"].get<std::string>() + "/rating";
  check("get", one + "/rating", get(other_rating, migrant));  // the 基本满意 default

  // The static routes (their traversal cases are in static_files_test.cpp).
  check("get", "/core/{path}", c.Get("/core/index.mjs"));
  check("get", "/core/{path}", c.Get("/core/nothing-here.js"));
  check("get", "/{path}", c.Get("/app.js"));
  check("get", "/{path}", c.Get("/nothing-here.js"));

  for (const auto& [path, operations] : document_["paths"].items()) {
    for (const auto& [method, operation] : operations.items()) {
      EXPECT_TRUE(exercised_.count(method + " " + path))
          << "not exercised: " << method << " " << path;
    }
  }
  for (const char* expected :
       {"post /api/v1/submissions 201", "post /api/v1/submissions 200",
        "post /api/v1/submissions 409", "post /api/v1/submissions 422",
        "post /api/v1/submissions 400", "post /api/v1/submissions 401",
        "get /api/v1/submissions/{id} 404", "post /api/v1/submissions/{id}/rating 201",
        "post /api/v1/submissions/{id}/rating 409", "get /api/v1/catalog 304"}) {
    EXPECT_TRUE(statuses_.count(expected)) << expected;
  }
}

TEST_F(OpenApiTest, TheRateLimitAnswerFitsTheDocument) {
  rate_burst_ = 1;
  rate_per_second_ = 0.001;
  start();
  const std::string token = login("zhang-wei-flexible");
  check("get", "/api/v1/me", get("/api/v1/me", token));
  const auto limited = get("/api/v1/me", token);
  check("get", "/api/v1/me", limited);
  EXPECT_EQ(limited->status, 429);
}

}  // namespace
}  // namespace haoban::testing
