// UTF-8 decoding: valid sequences of every length, and every class of malformed input
// (overlong, surrogates, out of range, truncated, stray continuation bytes).
#include <gtest/gtest.h>

#include <string>

#include "haoban/text/utf8.h"

namespace haoban::text {
namespace {

TEST(Utf8, DecodesOneToFourByteSequences) {
  const std::string s = "A\u00E9\u597D\U0001F600";  // A é 好 😀
  size_t pos = 0;
  EXPECT_EQ(decode_next(s, pos), U'A');
  EXPECT_EQ(pos, 1u);
  EXPECT_EQ(decode_next(s, pos), U'\u00E9');
  EXPECT_EQ(pos, 3u);
  EXPECT_EQ(decode_next(s, pos), U'\u597D');
  EXPECT_EQ(pos, 6u);
  EXPECT_EQ(decode_next(s, pos), U'\U0001F600');
  EXPECT_EQ(pos, 10u);
}

TEST(Utf8, BoundaryCodePointsAreValid) {
  EXPECT_TRUE(is_valid_utf8(std::string("\x7F")));
  EXPECT_TRUE(is_valid_utf8("\u0080"));
  EXPECT_TRUE(is_valid_utf8("\u07FF"));
  EXPECT_TRUE(is_valid_utf8("\u0800"));
  EXPECT_TRUE(is_valid_utf8("\uD7FF"));
  EXPECT_TRUE(is_valid_utf8("\uE000"));
  EXPECT_TRUE(is_valid_utf8("\uFFFF"));
  EXPECT_TRUE(is_valid_utf8("\U00010000"));
  EXPECT_TRUE(is_valid_utf8("\U0010FFFF"));
  EXPECT_TRUE(is_valid_utf8(""));
  EXPECT_TRUE(is_valid_utf8(std::string("\0", 1)));  // NUL is a valid code point
}

TEST(Utf8, RejectsMalformedSequences) {
  EXPECT_FALSE(is_valid_utf8("\x80"));                  // lone continuation byte
  EXPECT_FALSE(is_valid_utf8("\xC0\xAF"));              // overlong '/'
  EXPECT_FALSE(is_valid_utf8("\xE0\x80\xAF"));          // overlong, 3 bytes
  EXPECT_FALSE(is_valid_utf8("\xF0\x80\x80\xAF"));      // overlong, 4 bytes
  EXPECT_FALSE(is_valid_utf8("\xED\xA0\x80"));          // surrogate U+D800
  EXPECT_FALSE(is_valid_utf8("\xED\xBF\xBF"));          // surrogate U+DFFF
  EXPECT_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));      // U+110000
  EXPECT_FALSE(is_valid_utf8("\xF8\x88\x80\x80\x80"));  // 5-byte form
  EXPECT_FALSE(is_valid_utf8("\xFF"));
  EXPECT_FALSE(is_valid_utf8("\xE5\xA5"));  // truncated 好
  EXPECT_FALSE(
      is_valid_utf8("\xE5"
                    "A"
                    "\xBD"));  // continuation replaced by ASCII
}

TEST(Utf8, InvalidBytesAdvanceByExactlyOne) {
  const std::string s =
      "\xE5\xA5"
      "A";  // truncated sequence, then 'A'
  size_t pos = 0;
  EXPECT_EQ(decode_next(s, pos), std::nullopt);
  EXPECT_EQ(pos, 1u);
  EXPECT_EQ(decode_next(s, pos), std::nullopt);  // the orphan continuation byte
  EXPECT_EQ(pos, 2u);
  EXPECT_EQ(decode_next(s, pos), U'A');
}

TEST(Utf8, CharCountCountsCodePointsAndInvalidBytes) {
  EXPECT_EQ(char_count(""), 0u);
  EXPECT_EQ(char_count("abc"), 3u);
  EXPECT_EQ(char_count("广州市天河区"), 6u);
  EXPECT_EQ(char_count("a\U0001F600b"), 3u);
  EXPECT_EQ(char_count("\xFF\xFE"), 2u);
  EXPECT_EQ(char_count("\xE5\xA5"), 2u);
}

TEST(Utf8, AppendEncodesAndReplacesImpossibleCodePoints) {
  std::string out;
  append_utf8(out, U'A');
  append_utf8(out, 0x597D);
  append_utf8(out, 0x1F600);
  EXPECT_EQ(out, "A\u597D\U0001F600");
  std::string bad;
  append_utf8(bad, 0xD800);
  append_utf8(bad, 0x110000);
  EXPECT_EQ(bad, "\uFFFD\uFFFD");
}

TEST(Utf8, RoundTripsEveryPlaneBoundary) {
  for (char32_t cp : {0x0u, 0x7Fu, 0x80u, 0x7FFu, 0x800u, 0xFFFFu, 0x10000u, 0x10FFFFu}) {
    std::string s;
    append_utf8(s, cp);
    size_t pos = 0;
    EXPECT_EQ(decode_next(s, pos), cp);
    EXPECT_EQ(pos, s.size());
  }
}

TEST(Utf8, SubstrByCharacters) {
  EXPECT_EQ(substr_chars("广州市天河区", 3, 2), "天河");
  EXPECT_EQ(substr_chars("广州市天河区", 0, 100), "广州市天河区");
  EXPECT_EQ(substr_chars("广州市天河区", 10, 2), "");
  EXPECT_EQ(substr_chars("ab\U0001F600cd", 2, 1), "\U0001F600");
  EXPECT_EQ(substr_chars("", 0, 5), "");
}

}  // namespace
}  // namespace haoban::text
