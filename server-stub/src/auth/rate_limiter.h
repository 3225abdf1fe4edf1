// A token bucket per identity: each request takes one token; tokens come back at a steady
// rate up to a burst size. One identity hammering the stub gets 429s; the others do not notice.
#pragma once

#include <cstddef>
#include <mutex>
#include <string>
#include <unordered_map>

namespace haoban::auth {

class RateLimiter {
 public:
  // burst: tokens a fresh identity starts with; per_second: refill rate.
  RateLimiter(double burst, double per_second) : burst_(burst), per_second_(per_second) {}

  // Takes a token for `identity` at time `now_seconds` (monotonic, fractional). False means
  // "too many requests"; *retry_after_seconds then says when one token will be back.
  bool allow(const std::string& identity, double now_seconds, double* retry_after_seconds);

 private:
  struct Bucket {
    double tokens = 0;
    double updated = 0;
  };
  // Buckets of identities idle long enough to be full again are dropped past this many,
  // so the map cannot grow without bound.
  static constexpr size_t kMaxBuckets = 100'000;

  double burst_;
  double per_second_;
  std::mutex mutex_;
  std::unordered_map<std::string, Bucket> buckets_;
};

}  // namespace haoban::auth
