// Normalisation of values typed on phones with Chinese IMEs: full-width forms, ideographic
// and no-break spaces, stray blanks, lower-case letters in codes.
#include <gtest/gtest.h>

#include <string>

#include "haoban/text/normalize.h"

namespace haoban::text {
namespace {

TEST(Normalize, FullWidthAsciiBecomesHalfWidth) {
  EXPECT_EQ(fullwidth_to_halfwidth("\uFF11\uFF12\uFF13"), "123");
  EXPECT_EQ(fullwidth_to_halfwidth("\uFF21\uFF3A\uFF41\uFF5A"), "AZaz");
  EXPECT_EQ(fullwidth_to_halfwidth("\uFF01\uFF5E"), "!~");  // both ends of the block
  EXPECT_EQ(fullwidth_to_halfwidth("\uFF0B\uFF18\uFF16"), "+86");
}

TEST(Normalize, SpacesOfEveryKindBecomeAsciiSpace) {
  EXPECT_EQ(fullwidth_to_halfwidth("a\u3000b"), "a b");
  EXPECT_EQ(fullwidth_to_halfwidth("a\u00A0b"), "a b");
  EXPECT_EQ(fullwidth_to_halfwidth("a\u202Fb"), "a b");
}

TEST(Normalize, OtherCharactersAreKept) {
  EXPECT_EQ(fullwidth_to_halfwidth("广州市天河区"), "广州市天河区");
  EXPECT_EQ(fullwidth_to_halfwidth("\uFF5F"), "\uFF5F");  // just past the block
  EXPECT_EQ(fullwidth_to_halfwidth("\uFF00"), "\uFF00");  // just before it
  EXPECT_EQ(fullwidth_to_halfwidth("\U0001F600"), "\U0001F600");
  EXPECT_EQ(fullwidth_to_halfwidth(""), "");
}

TEST(Normalize, InvalidBytesBecomeReplacementCharacters) {
  EXPECT_EQ(fullwidth_to_halfwidth("a\xFF"
                                   "b"),
            "a\uFFFDb");
}

TEST(Normalize, TrimRemovesSurroundingWhiteSpaceOnly) {
  EXPECT_EQ(trim("  a b  "), "a b");
  EXPECT_EQ(trim("\u3000\u00A0\uFEFF\t\r\nabc\u3000"), "abc");
  EXPECT_EQ(trim("abc"), "abc");
  EXPECT_EQ(trim(" \u3000 "), "");
  EXPECT_EQ(trim(""), "");
  EXPECT_EQ(trim("  广州  "), "广州");
}

TEST(Normalize, StripSpacesRemovesInnerSpacesToo) {
  EXPECT_EQ(strip_spaces("4401 0619 9001"), "440106199001");
  EXPECT_EQ(strip_spaces("\u3000a\u200Bb\u00A0c\t"), "abc");
  EXPECT_EQ(strip_spaces("   "), "");
  EXPECT_EQ(strip_spaces("广 州"), "广州");
}

TEST(Normalize, StripSpacesKeepsInvalidBytesUntouched) {
  const std::string in = "a \xFF b";
  EXPECT_EQ(strip_spaces(in),
            "a\xFF"
            "b");
}

TEST(Normalize, NormalizeCodeCombinesAllSteps) {
  EXPECT_EQ(normalize_code(" 11010519491231002x "), "11010519491231002X");
  EXPECT_EQ(normalize_code("\uFF11\uFF10\uFF58"), "10X");
  EXPECT_EQ(normalize_code("9135\u30000100 m000"), "91350100M000");
  EXPECT_EQ(normalize_code("\u3000"), "");
  // Only ASCII letters are upper-cased; Chinese characters pass through.
  EXPECT_EQ(normalize_code("粤b12345"), "粤B12345");
}

TEST(Normalize, LargeInputIsLinear) {
  const std::string big(1 << 20, ' ');
  EXPECT_EQ(normalize_code(big), "");
  EXPECT_EQ(trim(big + "x" + big), "x");
}

}  // namespace
}  // namespace haoban::text
