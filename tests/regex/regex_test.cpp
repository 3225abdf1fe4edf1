#include "haoban/regex/regex.h"

#include <gtest/gtest.h>

#include <random>
#include <regex>
#include <string>

namespace {

using haoban::regex::compile;
using haoban::regex::ErrorCode;
using haoban::regex::Limits;
using haoban::regex::MatchStatus;

bool full(const std::string& pattern, const std::string& input) {
  auto r = compile(pattern);
  EXPECT_TRUE(r.ok()) << pattern << ": " << (r.ok() ? "" : r.error().message);
  return r.ok() && r->full_match(input);
}

bool search(const std::string& pattern, const std::string& input) {
  auto r = compile(pattern);
  EXPECT_TRUE(r.ok()) << pattern << ": " << (r.ok() ? "" : r.error().message);
  return r.ok() && r->search(input);
}

struct ErrorCase {
  const char* pattern;
  ErrorCode code;
  size_t position;
};

haoban::regex::Error error_of(const std::string& pattern, const Limits& limits = {}) {
  auto r = compile(pattern, limits);
  EXPECT_FALSE(r.ok()) << pattern;
  return r.ok() ? haoban::regex::Error{} : r.error();
}

TEST(RegexBasics, LiteralsAndDot) {
  EXPECT_TRUE(full("abc", "abc"));
  EXPECT_FALSE(full("abc", "abcd"));
  EXPECT_FALSE(full("abc", "ab"));
  EXPECT_TRUE(full("a.c", "a-c"));
  EXPECT_FALSE(full("a.c", "a\nc"));  // . does not match line terminators, as in JavaScript
  EXPECT_TRUE(full("", ""));
  EXPECT_FALSE(full("", "x"));
  EXPECT_TRUE(search("", "anything"));
}

TEST(RegexBasics, ClassesRangesAndNegation) {
  EXPECT_TRUE(full("[abc]+", "cabba"));
  EXPECT_FALSE(full("[abc]+", "cabbad"));
  EXPECT_TRUE(full("[a-fA-F0-9]{4}", "0fA9"));
  EXPECT_TRUE(full("[^0-9]+", "abc"));
  EXPECT_FALSE(full("[^0-9]+", "ab1"));
  EXPECT_TRUE(full("[-a]+", "-a-"));  // '-' first is literal
  EXPECT_TRUE(full("[a-]+", "a--"));  // '-' last is literal
  EXPECT_TRUE(full("[\\]\\[]+", "[]"));
  EXPECT_TRUE(full("[\\d.]+", "3.14"));
  EXPECT_FALSE(full("[]", "a"));   // the empty class matches nothing
  EXPECT_TRUE(full("[^]", "\n"));  // …and its negation anything
}

TEST(RegexBasics, ShorthandClasses) {
  EXPECT_TRUE(full("\\d+", "0123456789"));
  EXPECT_FALSE(full("\\d", "\xEF\xBC\x91"));  // full-width １ is not an ASCII digit
  EXPECT_TRUE(full("\\w+", "abc_XYZ_09"));
  EXPECT_FALSE(full("\\w", "-"));
  EXPECT_TRUE(full("\\s+", " \t\n\xE3\x80\x80"));  // includes the ideographic space U+3000
  EXPECT_TRUE(full("\\D\\W\\S", "a-x"));
  EXPECT_FALSE(full("\\D", "5"));
}

TEST(RegexBasics, Escapes) {
  EXPECT_TRUE(full("\\.\\*\\+\\?\\(\\)\\{\\}\\|\\^\\$\\\\\\/", ".*+?(){}|^$\\/"));
  EXPECT_TRUE(full("a\\tb", "a\tb"));
  EXPECT_TRUE(full("\\x41\\u0042\\u{43}", "ABC"));
  EXPECT_TRUE(full("\\u4e2d\\u6587", "中文"));
  EXPECT_TRUE(full("\\uD83D\\uDE00", "\xF0\x9F\x98\x80"));  // surrogate pair → U+1F600
  EXPECT_TRUE(full("\\u{1F600}", "\xF0\x9F\x98\x80"));
}

TEST(RegexBasics, AnchorsGroupsAlternation) {
  EXPECT_TRUE(search("^ab", "abc"));
  EXPECT_FALSE(search("^bc", "abc"));
  EXPECT_TRUE(search("bc$", "abc"));
  EXPECT_TRUE(search("^a|b", "xb"));  // ^ binds to the first alternative only
  EXPECT_FALSE(search("^a|^b", "xb"));
  EXPECT_TRUE(search("^(a|b)c", "bc"));
  EXPECT_FALSE(search("^(a|b)c", "abc"));
  EXPECT_FALSE(search("ab$", "abc"));
  EXPECT_TRUE(full("(ab|cd)+", "abcdab"));
  EXPECT_FALSE(full("(ab|cd)+", "abc"));
  EXPECT_TRUE(full("(?:x|y)z", "yz"));
  EXPECT_TRUE(full("(?<year>\\d{4})-(?<month>\\d{2})", "2026-02"));
  EXPECT_TRUE(full("a|b|", ""));
  EXPECT_TRUE(full("gray|grey", "grey"));
  EXPECT_TRUE(search("cat|dog", "hotdog"));
}

TEST(RegexBasics, Quantifiers) {
  EXPECT_TRUE(full("a*", ""));
  EXPECT_TRUE(full("a+", "aaa"));
  EXPECT_FALSE(full("a+", ""));
  EXPECT_TRUE(full("colou?r", "color"));
  EXPECT_TRUE(full("colou?r", "colour"));
  EXPECT_TRUE(full("a{3}", "aaa"));
  EXPECT_FALSE(full("a{3}", "aa"));
  EXPECT_TRUE(full("a{2,}", "aaaaa"));
  EXPECT_FALSE(full("a{2,}", "a"));
  EXPECT_TRUE(full("a{2,4}", "aaaa"));
  EXPECT_FALSE(full("a{2,4}", "aaaaa"));
  EXPECT_TRUE(full("a{0}b", "b"));
  EXPECT_TRUE(full("a+?b*?c??", "aab"));  // lazy forms give the same yes/no answer
  EXPECT_TRUE(full("(a*)*", "aaa"));      // empty loops terminate
  EXPECT_TRUE(full("(|a)+b", "aab"));
}

TEST(RegexChinese, MatchesCodePointsNotBytes) {
  EXPECT_TRUE(full("[\\u4e00-\\u9fa5]{2,}", "张三"));
  EXPECT_FALSE(full("[\\u4e00-\\u9fa5]{2,}", "张"));
  EXPECT_FALSE(full("[\\u4e00-\\u9fa5]{2,}", "Zhang"));
  EXPECT_TRUE(full("[\\u4e00-\\u9fa5·]{2,15}", "阿依古丽·买买提"));
  EXPECT_TRUE(full(".{2}", "广州"));  // two characters, six bytes
  EXPECT_FALSE(full(".{6}", "广州"));
  EXPECT_TRUE(search("。$", "材料齐全。"));
  EXPECT_FALSE(search("。$", "材料齐全。 "));
  EXPECT_TRUE(full("广州市(天河|越秀|海珠)区.*", "广州市天河区体育西路"));
  EXPECT_TRUE(full("[^，。]+", "没有标点"));
  EXPECT_FALSE(full("[^，。]+", "有，标点"));
  EXPECT_TRUE(full("[张王李]", "王"));
}

TEST(RegexChinese, InvalidInputBytesAreReplacementCharacters) {
  EXPECT_TRUE(full("a.b",
                   "a\xFF"
                   "b"));
  EXPECT_TRUE(full("\\uFFFD", "\xC0"));
  EXPECT_FALSE(full("[a-z]", "\xFF"));
}

// The patterns of DESIGN.md's identity formats.
TEST(RegexIdentity, ResidentIdAndUscc) {
  const std::string id =
      "[1-9]\\d{5}(18|19|20)\\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\\d|3[01])\\d{3}[\\dXx]";
  EXPECT_TRUE(full(id, "11010519491231002X"));
  EXPECT_TRUE(full(id, "440106199001011234"));
  EXPECT_FALSE(full(id, "11010519491331002X"));  // month 13
  EXPECT_FALSE(full(id, "1101051949123100"));    // too short
  EXPECT_FALSE(full(id, "01010519491231002X"));  // division cannot start with 0
  const std::string uscc = "[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}";
  EXPECT_TRUE(full(uscc, "91350100M000100Y43"));
  EXPECT_FALSE(full(uscc, "91350100M000100Y4O"));  // O is not in the alphabet
}

TEST(RegexIdentity, MobileAndTravelDocuments) {
  EXPECT_TRUE(full("1[3-9]\\d{9}", "13800138000"));
  EXPECT_FALSE(full("1[3-9]\\d{9}", "12800138000"));
  EXPECT_FALSE(full("1[3-9]\\d{9}", "1380013800"));
  EXPECT_TRUE(full("C\\d{8}", "C12345678"));
  EXPECT_FALSE(full("C\\d{8}", "C1234567"));
  EXPECT_TRUE(full("[HM]\\d{8}(\\d{2})?", "H12345678"));
  EXPECT_TRUE(full("[HM]\\d{8}(\\d{2})?", "M1234567890"));
  EXPECT_FALSE(full("[HM]\\d{8}(\\d{2})?", "M123456789"));
  const std::string passport = "E\\d{8}|E[A-HJ-NP-Z]\\d{7}";
  EXPECT_TRUE(full(passport, "E12345678"));
  EXPECT_TRUE(full(passport, "EA1234567"));
  EXPECT_FALSE(full(passport, "EI1234567"));  // I is excluded
  EXPECT_FALSE(full(passport, "XE12345678"));
}

// Patterns that take exponential time in a backtracking engine. Only the answers are
// asserted: the point is that they come back at all (a backtracking engine never would).
TEST(RegexLinearTime, CatastrophicPatternsOnLongInput) {
  const std::string as(100'000, 'a');
  auto nested = compile("(a+)+$");
  ASSERT_TRUE(nested.ok());
  EXPECT_TRUE(nested->full_match(as));
  EXPECT_FALSE(nested->full_match(as + "b"));
  EXPECT_FALSE(nested->search(as + "b"));  // $ needs the end of the input, and a b is there
  EXPECT_TRUE(nested->search("b" + as));
  auto anchored = compile("^(a+)+$");
  ASSERT_TRUE(anchored.ok());
  EXPECT_FALSE(anchored->search(as + "b"));

  auto alt = compile("(a|aa)*c");
  ASSERT_TRUE(alt.ok());
  EXPECT_FALSE(alt->search(as));
  EXPECT_TRUE(alt->search(as + "c"));

  auto star_star = compile("(a*)*b");
  ASSERT_TRUE(star_star.ok());
  EXPECT_FALSE(star_star->full_match(as));

  auto email_like = compile(
      "^([a-zA-Z0-9])(([\\-.]|[_]+)?([a-zA-Z0-9]+))*(@){1}[a-z0-9]+[.]{1}"
      "(([a-z]{2,3})|([a-z]{2,3}[.]{1}[a-z]{2,3}))$");
  ASSERT_TRUE(email_like.ok());
  EXPECT_FALSE(email_like->full_match(std::string(50'000, 'a') + "!"));
  EXPECT_TRUE(email_like->full_match("zhang.san@gz.gov.cn"));
}

TEST(RegexBounds, PatternTooLong) {
  auto e = error_of(std::string(1001, 'a'));
  EXPECT_EQ(e.code, ErrorCode::pattern_too_long);
  EXPECT_TRUE(compile(std::string(1000, 'a')).ok());
}

TEST(RegexBounds, ProgramTooLarge) {
  EXPECT_EQ(error_of("(a{1000}){1000}").code, ErrorCode::program_too_large);
  EXPECT_EQ(error_of("((a{100}){100}){100}").code, ErrorCode::program_too_large);
  EXPECT_EQ(error_of("a{1001}").code, ErrorCode::program_too_large);
  EXPECT_EQ(error_of("a{99999999999999999999}").code, ErrorCode::program_too_large);
  EXPECT_EQ(error_of("[a-z]{1,1000}[0-9]{1,1000}").code, ErrorCode::program_too_large);
  auto ok = compile("a{1000}");
  ASSERT_TRUE(ok.ok());
  EXPECT_TRUE(ok->full_match(std::string(1000, 'a')));
  EXPECT_FALSE(ok->full_match(std::string(999, 'a')));
}

TEST(RegexBounds, NestingTooDeep) {
  const std::string deep = std::string(101, '(') + "a" + std::string(101, ')');
  EXPECT_EQ(error_of(deep).code, ErrorCode::nesting_too_deep);
  const std::string fine = std::string(100, '(') + "a" + std::string(100, ')');
  EXPECT_TRUE(full(fine, "a"));
}

TEST(RegexBounds, InputTooLongAndStepLimit) {
  Limits small;
  small.max_input_bytes = 10;
  auto r = compile("a*", small);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->full_match_status(std::string(10, 'a')), MatchStatus::match);
  EXPECT_EQ(r->full_match_status(std::string(11, 'a')), MatchStatus::input_too_long);
  EXPECT_FALSE(r->full_match(std::string(11, 'a')));

  Limits few_steps;
  few_steps.max_steps = 1000;
  auto s = compile("(a|a)*b", few_steps);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->search_status(std::string(10'000, 'a')), MatchStatus::step_limit);
  EXPECT_EQ(s->search_status("aab"), MatchStatus::match);
}

TEST(RegexErrors, SyntaxErrorsCarryPositions) {
  const ErrorCase cases[] = {
      {"a(b", ErrorCode::syntax, 1},     {"ab)", ErrorCode::syntax, 2},
      {"*a", ErrorCode::syntax, 0},      {"a**", ErrorCode::syntax, 2},
      {"[a-", ErrorCode::syntax, 0},     {"[z-a]", ErrorCode::syntax, 1},
      {"a{2,1}", ErrorCode::syntax, 1},  {"a{", ErrorCode::syntax, 1},
      {"a{x}", ErrorCode::syntax, 1},    {"(a)\\1", ErrorCode::syntax, 3},
      {"(?=a)", ErrorCode::syntax, 0},   {"(?<!a)b", ErrorCode::syntax, 0},
      {"\\bword", ErrorCode::syntax, 0}, {"abc\\", ErrorCode::syntax, 3},
      {"\\q", ErrorCode::syntax, 0},     {"^*", ErrorCode::syntax, 1},
      {"[\\d-z]", ErrorCode::syntax, 1}, {"\\u12", ErrorCode::syntax, 0},
      {"中文(", ErrorCode::syntax, 2},   {"a]", ErrorCode::syntax, 1},
  };
  for (const auto& c : cases) {
    auto e = error_of(c.pattern);
    EXPECT_EQ(e.code, c.code) << c.pattern;
    EXPECT_EQ(e.position, c.position) << c.pattern << ": " << e.message;
    EXPECT_FALSE(e.message.empty());
  }
  EXPECT_EQ(error_of("a\xFF").code, ErrorCode::syntax);
  EXPECT_EQ(haoban::regex::error_code_name(ErrorCode::program_too_large), "program_too_large");
}

TEST(RegexDifferential, AgreesWithStdRegexOnSmallAsciiCases) {
  // std::regex (ECMAScript) is a fine oracle on tiny inputs, where backtracking is cheap.
  std::mt19937 rng(20261127);
  const char* atoms[] = {"a", "b", ".", "[ab]", "[^a]", "(a|b)", "(ab|a)", "(a*)", "\\w"};
  const char* quants[] = {"", "", "*", "+", "?", "{2}", "{1,2}", "{0,}"};
  int checked = 0;
  for (int i = 0; i < 400; ++i) {
    std::string pattern;
    const int parts = 1 + static_cast<int>(rng() % 4);
    for (int p = 0; p < parts; ++p) {
      pattern += atoms[rng() % std::size(atoms)];
      pattern += quants[rng() % std::size(quants)];
      if (rng() % 6 == 0) pattern += "|";
    }
    auto ours = compile(pattern);
    ASSERT_TRUE(ours.ok()) << pattern;
    const std::regex oracle(pattern, std::regex::ECMAScript);
    for (int k = 0; k < 8; ++k) {
      std::string input;
      const int len = static_cast<int>(rng() % 7);
      for (int j = 0; j < len; ++j) input += "abc"[rng() % 3];
      EXPECT_EQ(ours->full_match(input), std::regex_match(input, oracle))
          << "/" << pattern << "/ full on '" << input << "'";
      EXPECT_EQ(ours->search(input), std::regex_search(input, oracle))
          << "/" << pattern << "/ search on '" << input << "'";
      ++checked;
    }
  }
  EXPECT_EQ(checked, 3200);
}

TEST(RegexValue, CopiesShareTheProgram) {
  auto r = compile("\\d{3}");
  ASSERT_TRUE(r.ok());
  haoban::regex::Regex copy = r.value();
  EXPECT_TRUE(copy.full_match("123"));
  EXPECT_EQ(copy.pattern(), "\\d{3}");
  EXPECT_GT(copy.program_size(), 3u);
}

}  // namespace
