// "Compiled once, evaluated many times without allocating in the common case": counts heap
// allocations made while a warmed-up evaluator runs typical eligibility conditions.
#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>
#include <new>

#include "haoban/expr/document.h"
#include "haoban/expr/engine.h"
#include "haoban/expr/evaluator.h"

namespace {
std::atomic<long> g_allocations{0};
}  // namespace

// Counting replacements of the global allocation functions (for this test executable only).
void* operator new(std::size_t size) {
  g_allocations.fetch_add(1, std::memory_order_relaxed);
  if (void* p = std::malloc(size ? size : 1)) return p;
  throw std::bad_alloc();
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }

namespace {

using haoban::expr::json;

TEST(Allocation, WarmEvaluationOfTypicalConditionsDoesNotAllocate) {
  const json data = json::parse(R"({"applicant":{"birthDate":"1990-05-01","hukou":"440106",
      "income":3200,"name":"张三"},"family":[{"age":40},{"age":12},{"age":70}],"married":true})");
  const char* rules[] = {
      "applicant.income < 5000 && applicant.hukou == \"440106\" || !married",
      "applicant.income * 60 / 100 >= 1000 ? applicant.name != \"\" : false",
      "some(family, age >= 60) && all(family, age > 0) && !none(family, age < 18)",
      "age(applicant.birthDate) >= 18 && applicant.hukou in [\"440106\", \"440104\"]",
      "division_contains(\"440100\", applicant.hukou)",
  };
  haoban::expr::EvalEnv env;
  env.today = haoban::time::CivilDate{2026, 11, 27};
  for (const char* source : rules) {
    auto compiled = haoban::expr::compile_infix(source);
    ASSERT_TRUE(compiled.ok()) << source;
    haoban::expr::Evaluator evaluator(*compiled.program);
    const auto first = evaluator.run(data, env);  // warm-up: stacks grow once
    ASSERT_EQ(first.kind, haoban::expr::Kind::Bool) << source;
    const long before = g_allocations.load();
    for (int i = 0; i < 1000; ++i) {
      const auto v = evaluator.run(data, env);
      ASSERT_EQ(v.boolean, first.boolean);
    }
    const long made = g_allocations.load() - before;
    // Strings built by functions (age's date parsing is allocation-free; division codes are
    // compared in place) would show here; the goal is zero for conditions like these.
    EXPECT_EQ(made, 0) << source << ": " << made << " allocations in 1000 evaluations";
  }
}

}  // namespace

namespace {

// The arena hands its arrays out again after a run, so map/filter/merge allocate only while
// warming up; a Document's lookups allocate nothing.
TEST(Allocation, WarmMapAndFilterOnADocumentDoNotAllocate) {
  json data = json::parse(R"({"family":[{"age":40,"income":5200},{"age":12,"income":0},
      {"age":70,"income":3100}],"codes":["440106","440104"]})");
  auto doc = haoban::expr::Document::make(std::move(data), 256, nullptr);
  ASSERT_TRUE(doc);
  const char* rules[] = {
      "len(filter(family, age >= 18)) >= 2",
      "reduce(map(family, income), current + accumulator, 0) < 10000",
      "\"440106\" in merge(codes, [\"440100\"])",
  };
  for (const char* source : rules) {
    auto compiled = haoban::expr::compile_infix(source);
    ASSERT_TRUE(compiled.ok()) << source;
    haoban::expr::Evaluator evaluator(*compiled.program);
    const auto first = evaluator.run(*doc, {});
    ASSERT_EQ(first.kind, haoban::expr::Kind::Bool) << source;
    ASSERT_TRUE(first.boolean) << source;
    const long before = g_allocations.load();
    for (int i = 0; i < 1000; ++i) ASSERT_TRUE(evaluator.run(*doc, {}).boolean) << source;
    const long made = g_allocations.load() - before;
    EXPECT_EQ(made, 0) << source << ": " << made << " allocations in 1000 evaluations";
  }
}

}  // namespace
