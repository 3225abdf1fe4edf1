// The host's calendar. The core never reads a clock; the stub, as a host, decides what
// "today" is (the machine's local date) and passes it in.
#pragma once

#include "haoban/time/civil_date.h"

namespace haoban::http {

time::CivilDate local_today();

}  // namespace haoban::http
