// web_time_text_test.cpp -- account-page times match strftime's text over many dates, and odd years say "unknown".
#include <boost/test/unit_test.hpp>

#include <ctime>
#include <string>

#include "web/time_text.h"

namespace web = authgate::web;

namespace {

std::string by_strftime(std::int64_t seconds, const char* format) {
    std::time_t time = static_cast<std::time_t>(seconds);
    std::tm utc{};
    gmtime_r(&time, &utc);
    char buffer[64];
    std::strftime(buffer, sizeof buffer, format, &utc);
    return buffer;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(web_time_text)

BOOST_AUTO_TEST_CASE(the_text_is_strftimes_over_four_centuries) {
    // Steps of a prime number of seconds walk through every minute, hour, day and month.
    for (std::int64_t seconds = -2208988800LL; seconds < 253402300799LL; seconds += 99991ll * 97) {
        BOOST_TEST(web::utc_time_text(seconds, web::TimePrecision::minute) == by_strftime(seconds, "%Y-%m-%d %H:%M UTC"));
        BOOST_TEST(web::utc_time_text(seconds, web::TimePrecision::hour) == by_strftime(seconds, "%Y-%m-%d %H:00 UTC"));
    }
    BOOST_TEST(web::utc_time_text(0, web::TimePrecision::minute) == "1970-01-01 00:00 UTC");
    BOOST_TEST(web::utc_time_text(1796256000 + 6 * 3600 + 5 * 60 + 59, web::TimePrecision::minute) ==
               "2026-12-03 06:05 UTC");
    BOOST_TEST(web::utc_time_text(253402300799LL, web::TimePrecision::hour) == "9999-12-31 23:00 UTC");
}

BOOST_AUTO_TEST_CASE(years_past_9999_or_before_0_are_unknown) {
    BOOST_TEST(web::utc_time_text(253402300800LL, web::TimePrecision::minute) == "unknown");
    BOOST_TEST(web::utc_time_text(-62167219201LL, web::TimePrecision::minute) == "unknown");
    BOOST_TEST(web::utc_time_text(-62167219200LL, web::TimePrecision::minute) == "0000-01-01 00:00 UTC");
}

BOOST_AUTO_TEST_SUITE_END()
