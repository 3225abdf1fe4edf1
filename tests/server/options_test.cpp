// The strict argument parser shared by the subcommands.
#include <gtest/gtest.h>

#include "cli/options.h"

namespace haoban::cli {
namespace {

const std::set<std::string> kFlags = {"port", "host"};

TEST(ParseOptions, SeparatesPositionalsAndFlagsInBothSpellings) {
  std::string error;
  const auto parsed =
      parse_options({"resident_id", "--port", "0", "--host=::1", "-x", "-"}, kFlags, &error);
  ASSERT_TRUE(parsed) << error;
  EXPECT_EQ(parsed->positional, (std::vector<std::string>{"resident_id", "-x", "-"}));
  EXPECT_EQ(parsed->get("port", "8080"), "0");
  EXPECT_EQ(parsed->get("host", ""), "::1");
  EXPECT_EQ(parsed->get("missing", "fallback"), "fallback");
}

TEST(ParseOptions, AnEmptyInlineValueIsAValue) {
  std::string error;
  const auto parsed = parse_options({"--host="}, kFlags, &error);
  ASSERT_TRUE(parsed) << error;
  EXPECT_EQ(parsed->get("host", "x"), "");
}

TEST(ParseOptions, RefusesUnknownRepeatedAndValuelessFlags) {
  std::string error;
  EXPECT_FALSE(parse_options({"--colour", "red"}, kFlags, &error));
  EXPECT_NE(error.find("unknown option --colour"), std::string::npos);
  EXPECT_FALSE(parse_options({"--colour"}, kFlags, &error));
  EXPECT_NE(error.find("unknown option --colour"), std::string::npos);
  EXPECT_FALSE(parse_options({"--port", "1", "--port=2"}, kFlags, &error));
  EXPECT_NE(error.find("twice"), std::string::npos);
  EXPECT_FALSE(parse_options({"--port"}, kFlags, &error));
  EXPECT_NE(error.find("needs a value"), std::string::npos);
}

}  // namespace
}  // namespace haoban::cli
