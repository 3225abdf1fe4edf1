#include "http/host_clock.h"

#include <ctime>

namespace haoban::http {

time::CivilDate local_today() {
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);  // thread-safe, unlike localtime
  return {local.tm_year + 1900, local.tm_mon + 1, local.tm_mday};
}

}  // namespace haoban::http
