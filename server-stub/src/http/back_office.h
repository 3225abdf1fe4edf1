// What the back-office routes share: the session key and clock, the test identities, the
// catalogue as loaded by the core, the holiday calendar, the store and the rate limiter.
// One per Server; the routes only read it (the store and limiter lock internally).
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "auth/rate_limiter.h"
#include "fixtures/identity_fixtures.h"
#include "haoban/calendar/holiday_calendar.h"
#include "haoban/catalog/loader.h"
#include "haoban/store/office_store.h"
#include "haoban/time/civil_date.h"
#include "http/catalog_file.h"

namespace haoban::http {

// The catalogue file parsed twice over: as JSON (item detail is served as written) and by
// the core's loader (forms, materials, time limits for the re-check). Rebuilt when the
// file's ETag changes.
struct LoadedCatalog {
  std::string etag;
  nlohmann::json document;
  catalog::LoadResult loaded;
};

struct BackOffice {
  std::string session_key;
  int64_t token_ttl_seconds = 8 * 3600;
  std::function<int64_t()> now_seconds;  // wall clock, seconds since the epoch
  std::function<double()> monotonic_seconds;
  std::function<time::CivilDate()> today;
  fixtures::IdentityFixtures identities;
  calendar::HolidayCalendar calendar = calendar::HolidayCalendar::weekends_only();
  std::unique_ptr<store::OfficeStore> office;  // null when the server runs without a store
  std::unique_ptr<auth::RateLimiter> limiter;
  CatalogFile* catalog_file = nullptr;

  // The current catalogue, or null (with *error) when the file is missing or unusable.
  std::shared_ptr<const LoadedCatalog> catalog(std::string* error);

 private:
  std::mutex catalog_mutex_;
  std::shared_ptr<const LoadedCatalog> catalog_;
};

}  // namespace haoban::http
