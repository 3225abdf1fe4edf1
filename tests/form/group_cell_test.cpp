// A keystroke in one cell of a repeating group recomputes that cell, the cells that read it
// (row.<id>) and the errors that read any of them, and nothing else of the row; what it leaves
// is what a session computed from scratch on the same answers holds.
#include <memory>

#include "form_test_support.h"
#include "haoban/form/row_graph.h"

namespace haoban::form {
namespace {

using testing::find_state;
using testing::open;
using testing::sample_profile;

const catalog::Field& group_of(const std::string& item, const std::string& group) {
  const auto catalog = testing::sample_catalog();
  static std::vector<std::shared_ptr<const catalog::Form>> kept;  // the Field lives in its Form
  kept.push_back(catalog->form(*catalog->item(item)));
  const auto& form = *kept.back();
  return form.fields[form.field_index.at(group)];
}

// Row field k of a hand-made group whose computed value reads `reads` (row.<id>).
catalog::Field hand_group(const std::vector<std::vector<std::string>>& reads) {
  catalog::Field g;
  g.id = "g";
  g.type = catalog::FieldType::group;
  for (size_t k = 0; k < reads.size(); ++k) {
    catalog::Field cell;
    cell.id = "c" + std::to_string(k);
    if (!reads[k].empty()) {
      cell.computed.program = std::make_shared<expr::Program>();
      cell.computed.row_reads = reads[k];
    }
    g.row_fields.push_back(std::move(cell));
  }
  return g;
}

TEST(RowGraph, NamesTheReadersOfEachCell) {
  // familyMembers: memberName, relation, memberIdNumber, memberBirthDate, memberSex.
  const RowGraph graph = build_row_graph(group_of("gz-residence-permit", "familyMembers"));
  EXPECT_TRUE(graph.by_cell);
  EXPECT_TRUE(graph.value_readers[0].empty());
  EXPECT_EQ(graph.value_readers[2], (std::vector<int>{3, 4}));  // birth date and sex from the ID
  // childYounger / parentOlder read row.relation and row.memberBirthDate, aimed at relation and
  // memberIdNumber: a new birth date re-checks both.
  EXPECT_EQ(graph.error_readers[3], (std::vector<int>{1, 2}));
  EXPECT_EQ(graph.error_readers[1], (std::vector<int>{2}));
  auto at = [&](int k) { return std::find(graph.order.begin(), graph.order.end(), k); };
  EXPECT_LT(at(2), at(3));
  EXPECT_LT(at(2), at(4));
}

TEST(RowGraph, ACycleOrAWholeRowReadIsRecomputedWhole) {
  EXPECT_TRUE(build_row_graph(hand_group({{}, {"c0"}, {"c1"}})).by_cell);
  EXPECT_FALSE(build_row_graph(hand_group({{"c1"}, {"c0"}})).by_cell);  // a row cycle
  EXPECT_FALSE(build_row_graph(hand_group({{"c0"}})).by_cell);          // reads its own cell
  catalog::Field g = hand_group({{}, {"c0"}});
  g.row_fields[1].computed.reads_everything = true;  // row, or a computed path
  EXPECT_FALSE(build_row_graph(g).by_cell);
}

TEST(GroupCell, ANameReportsThatCellOnly) {
  auto s = open("gz-residence-permit", sample_profile("li-ming-migrant"));
  ASSERT_TRUE(s->add_row("familyMembers").ok);
  ASSERT_TRUE(s->add_row("familyMembers").ok);
  ASSERT_TRUE(s->set("familyMembers[1].memberIdNumber", "440106201503010021").ok);
  SetResult r = s->set("familyMembers[1].memberName", "李小明");
  ASSERT_TRUE(r.ok) << r.error.en;
  ASSERT_EQ(r.changed.size(), 1u);
  EXPECT_EQ(r.changed[0].path, "familyMembers[1].memberName");
  EXPECT_EQ(r.changed[0].value, "李小明");
  EXPECT_TRUE(r.changed[0].errors.empty());
  r = s->set("familyMembers[1].memberName", "");
  ASSERT_EQ(r.changed.size(), 1u);
  ASSERT_EQ(r.changed[0].errors.size(), 1u);
  EXPECT_EQ(r.changed[0].errors[0].code, "required");
  EXPECT_TRUE(s->set("familyMembers[1].memberName", "").changed.empty());  // nothing new
}

TEST(GroupCell, AnIdUpdatesItsReadersAndTheRulesOnThem) {
  auto s = open("gz-residence-permit", sample_profile("li-ming-migrant"));  // born 1995-06-12
  ASSERT_TRUE(s->add_row("familyMembers").ok);
  ASSERT_TRUE(s->set("familyMembers[0].memberName", "李小明").ok);
  ASSERT_TRUE(s->set("familyMembers[0].relation", "child").ok);
  // A "child" born in 1960: childYounger fails on both cells it is aimed at.
  SetResult r = s->set("familyMembers[0].memberIdNumber", "440106196001010036");
  ASSERT_TRUE(r.ok) << r.error.en;
  const FieldState* relation = find_state(r.changed, "familyMembers[0].relation");
  ASSERT_NE(relation, nullptr);
  ASSERT_EQ(relation->errors.size(), 1u);
  EXPECT_EQ(relation->errors[0].code, "childYounger");
  ASSERT_NE(find_state(r.changed, "familyMembers[0].memberBirthDate"), nullptr);
  EXPECT_EQ(find_state(r.changed, "familyMembers[0].memberBirthDate")->value, "1960-01-01");
  // Born in 2015, a girl: the birth date, the sex and the rule's verdict follow; the name stays.
  r = s->set("familyMembers[0].memberIdNumber", "440106201503010021");
  relation = find_state(r.changed, "familyMembers[0].relation");
  ASSERT_NE(relation, nullptr);
  EXPECT_TRUE(relation->errors.empty());
  EXPECT_EQ(find_state(r.changed, "familyMembers[0].memberBirthDate")->value, "2015-03-01");
  EXPECT_EQ(find_state(r.changed, "familyMembers[0].memberName"), nullptr);
  ASSERT_NE(find_state(r.changed, "familyMembers[0].memberSex"), nullptr);
  EXPECT_EQ(find_state(r.changed, "familyMembers[0].memberSex")->value, "female");
}

// After keystrokes in single cells, every state equals that of a session opened on the same
// answers (a draft), which computes every row whole.
TEST(GroupCell, KeystrokesLeaveWhatAWholeRecomputeGives) {
  struct Case {
    std::string item, profile, relation;
  };
  for (const Case& c : {Case{"gz-residence-permit", "li-ming-migrant", "relation"},
                        Case{"gz-individual-business", "wang-qiang-operator", "memberRelation"}}) {
    auto s = open(c.item, sample_profile(c.profile));
    for (int r = 0; r < 3; ++r) ASSERT_TRUE(s->add_row("familyMembers").ok);
    const std::string m0 = "familyMembers[0].", m1 = "familyMembers[1].", m2 = "familyMembers[2].";
    const std::vector<std::pair<std::string, json>> edits = {
        {m0 + c.relation, "child"},
        {m0 + "memberIdNumber", "440106201503010021"},
        {m0 + "memberName", "李小明"},
        {m1 + c.relation, "child"},
        {m1 + "memberIdNumber", "440106196001010036"},
        {m1 + "memberIdNumber", "11010519491231002X"},
        {m2 + "memberIdNumber", "not an id"},
        {m0 + "memberIdNumber", "440106196001010036"},
        {m1 + "memberName", ""},
        {m2 + c.relation, "parent"},
    };
    for (const auto& [path, value] : edits) ASSERT_TRUE(s->set(path, value).ok) << path;
    auto fresh = open(c.item, sample_profile(c.profile), s->draft());
    EXPECT_EQ(s->states(), fresh->states()) << c.item;
    EXPECT_EQ(s->validate_all(), fresh->validate_all()) << c.item;
  }
}

}  // namespace
}  // namespace haoban::form
