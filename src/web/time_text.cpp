// time_text.cpp -- UTC date and time written digit by digit.
#include "web/time_text.h"

#include <ctime>

namespace authgate::web {

std::string utc_time_text(std::int64_t seconds, TimePrecision precision) {
    std::time_t time = static_cast<std::time_t>(seconds);
    std::tm utc{};
    if (!gmtime_r(&time, &utc) || utc.tm_year < -1900 || utc.tm_year > 9999 - 1900) return "unknown";
    char buffer[] = "0000-00-00 00:00 UTC";
    auto put = [&buffer](int at, int value, int digits) {
        for (int i = digits - 1; i >= 0; --i, value /= 10) buffer[at + i] = static_cast<char>('0' + value % 10);
    };
    put(0, utc.tm_year + 1900, 4);
    put(5, utc.tm_mon + 1, 2);
    put(8, utc.tm_mday, 2);
    put(11, utc.tm_hour, 2);
    put(14, precision == TimePrecision::minute ? utc.tm_min : 0, 2);
    return buffer;
}

}  // namespace authgate::web
