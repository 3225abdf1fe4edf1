// append_json writes the text of the per-keystroke result directly: it must be byte for byte
// what to_json(…).dump() wrote before, since hosts and stored fixtures may compare text.
#include "haoban/form/state_json.h"
#include "form_test_support.h"

namespace haoban::form {
namespace {

std::string dumped(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

std::string written(const SetResult& r) {
  std::string out = "prefix:";  // appends, never overwrites
  append_json(r, out);
  return out.substr(7);
}

FieldState awkward_state() {
  FieldState s;
  s.path = "g[3].x";
  s.value = json::parse(R"({"b":[1,2.5,-3,"q\"uote"],"a":null,"c":true})");
  s.visible = false;
  s.required = true;
  s.enabled = false;
  s.readonly = true;
  s.options = {"a", "乙", "tab\there"};
  s.errors.push_back({"p1", s.path, "required", "此项为必填项", "This field is required", false});
  // Control characters, a backslash, DEL, and invalid UTF-8 (replaced with U+FFFD).
  s.errors.push_back({"p1", s.path, "rule\\1", "bad \xff\xfe byte", "line\nbreak\x01\x7f", true});
  return s;
}

TEST(StateJson, MatchesDumpOfTheTree) {
  SetResult r;
  r.ok = true;
  r.changed.push_back(awkward_state());
  FieldState plain;
  plain.path = "mobile";
  plain.value = "13900139000";
  r.changed.push_back(plain);
  FieldState number;
  number.path = "n1";
  number.value = 1e21;
  r.changed.push_back(number);
  EXPECT_EQ(written(r), dumped(to_json(r)));

  std::string one;
  append_json(r.changed[0], one);
  EXPECT_EQ(one, dumped(to_json(r.changed[0])));
}

TEST(StateJson, EmptyAndFailedResults) {
  SetResult empty;
  empty.ok = true;
  EXPECT_EQ(written(empty), dumped(to_json(empty)));
  SetResult failed;
  failed.error = {"unknown_field", "表单中没有字段 \"x\"", "the form has no field \"x\""};
  EXPECT_EQ(written(failed), dumped(to_json(failed)));
}

TEST(StateJson, MatchesOnRealKeystrokes) {
  auto s = testing::open("gz-residence-permit");
  ASSERT_NE(s, nullptr);
  for (const auto& [path, value] :
       std::vector<std::pair<std::string, json>>{{"housingType", "rented"},
                                                 {"mobile", "12345"},
                                                 {"mobile", "１３９００１３９０００ "},
                                                 {"housingType", "owned"},
                                                 {"nope", 1}}) {
    const SetResult r = s->set(path, value);
    EXPECT_EQ(written(r), dumped(to_json(r))) << path;
  }
}

}  // namespace
}  // namespace haoban::form
