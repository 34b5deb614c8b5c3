// time_text.h -- the UTC times shown on account pages ("2026-12-03 06:05 UTC").
#pragma once

#include <cstdint>
#include <string>

namespace authgate::web {

enum class TimePrecision { minute, hour };

// `seconds` since the epoch as "YYYY-MM-DD HH:MM UTC" (hour: the minutes shown as "00", for
// coarse stamps). Years outside 0..9999 give "unknown". Same text as strftime, a tenth of its cost.
std::string utc_time_text(std::int64_t seconds, TimePrecision precision);

}  // namespace authgate::web
