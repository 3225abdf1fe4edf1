#include "auth/rate_limiter.h"

#include <algorithm>

namespace haoban::auth {

bool RateLimiter::allow(const std::string& identity, double now_seconds,
                        double* retry_after_seconds) {
  std::lock_guard lock(mutex_);
  if (buckets_.size() >= kMaxBuckets && !buckets_.count(identity)) {
    std::erase_if(buckets_, [&](const auto& entry) {
      return entry.second.tokens + (now_seconds - entry.second.updated) * per_second_ >= burst_;
    });
  }
  auto [it, fresh] = buckets_.try_emplace(identity, Bucket{burst_, now_seconds});
  Bucket& bucket = it->second;
  if (!fresh) {
    const double elapsed = std::max(0.0, now_seconds - bucket.updated);
    bucket.tokens = std::min(burst_, bucket.tokens + elapsed * per_second_);
    bucket.updated = now_seconds;
  }
  if (bucket.tokens >= 1.0) {
    bucket.tokens -= 1.0;
    return true;
  }
  if (retry_after_seconds) {
    *retry_after_seconds = per_second_ > 0 ? (1.0 - bucket.tokens) / per_second_ : 60.0;
  }
  return false;
}

}  // namespace haoban::auth
