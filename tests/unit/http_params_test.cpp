// http_params_test.cpp -- CGI/FastCGI parameters: environment parsing, first-wins lookups, set().
#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "http/params.h"

namespace http = authgate::http;

BOOST_AUTO_TEST_SUITE(http_params)

BOOST_AUTO_TEST_CASE(an_environment_array_splits_at_the_first_equals_sign) {
    const char* environment[] = {"REQUEST_METHOD=GET", "QUERY_STRING=a=b&c=d", "NO_EQUALS", "EMPTY=", nullptr};
    auto params = http::Params::from_environment(environment);
    BOOST_TEST(params.size() == 3u);
    BOOST_TEST(params.value("REQUEST_METHOD") == "GET");
    BOOST_TEST(params.value("QUERY_STRING") == "a=b&c=d");
    BOOST_TEST(params.contains("EMPTY"));
    BOOST_TEST(params.value("EMPTY") == "");
    BOOST_TEST(!params.contains("NO_EQUALS"));
    BOOST_TEST(params[1].name == "QUERY_STRING");
    BOOST_TEST(http::Params::from_environment(nullptr).empty());
}

BOOST_AUTO_TEST_CASE(the_first_of_a_repeated_name_wins) {
    const char* environment[] = {"HTTP_PROXY=", "HTTP_PROXY=http://evil.example", "HTTPS=on", "HTTPS=off", nullptr};
    auto params = http::Params::from_environment(environment);
    bool found = false;
    BOOST_TEST(params.find("HTTP_PROXY", &found) == "");
    BOOST_TEST(found);
    BOOST_TEST(params.value("HTTPS") == "on");
    BOOST_TEST(params.size() == 4u);
}

BOOST_AUTO_TEST_CASE(names_match_exactly_and_absent_names_are_told_from_empty_values) {
    http::Params params{{"HTTP_HOST", "example.org"}, {"HTTP_HOS", "x"}, {"", "nameless"}};
    bool found = true;
    BOOST_TEST(params.find("HTTP_HOST_", &found) == "");
    BOOST_TEST(!found);
    BOOST_TEST(params.value("http_host") == "");
    BOOST_TEST(params.value("HTTP_HOS") == "x");
    BOOST_TEST(params.value("") == "nameless");
}

BOOST_AUTO_TEST_CASE(names_of_one_length_differing_in_any_byte_are_told_apart) {
    // The lookup turns candidates away by their last byte before comparing the rest.
    http::Params params{{"HTTP_COOKIF", "last"}, {"XTTP_COOKIE", "first"}, {"HTTP_CQOKIE", "middle"},
                        {"HTTP_COOKIE", "right"}};
    BOOST_TEST(params.value("HTTP_COOKIE") == "right");
    BOOST_TEST(params.value("HTTP_COOKIF") == "last");
    BOOST_TEST(params.value("XTTP_COOKIE") == "first");
    BOOST_TEST(!params.contains("HTTP_COOKIG"));
    http::Params one_byte{{"A", "1"}, {"B", "2"}};
    BOOST_TEST(one_byte.value("B") == "2");
    BOOST_TEST(!one_byte.contains("C"));
}

BOOST_AUTO_TEST_CASE(set_replaces_what_lookups_see_or_appends) {
    http::Params params{{"CONTENT_TYPE", "text/plain"}, {"CONTENT_TYPE", "second"}};
    params.set("CONTENT_TYPE", "application/x-www-form-urlencoded");
    params.set("CONTENT_LENGTH", "12");
    BOOST_TEST(params.value("CONTENT_TYPE") == "application/x-www-form-urlencoded");
    BOOST_TEST(params.value("CONTENT_LENGTH") == "12");
    BOOST_TEST(params.size() == 3u);
}

BOOST_AUTO_TEST_CASE(values_taken_from_the_same_params_survive_growth) {
    http::Params params{{"A", std::string(100, 'a')}};
    for (int i = 0; i < 50; ++i) params.add("COPY" + std::to_string(i), params.find("A"));
    params.set("A", params.find("COPY49"));
    BOOST_TEST(params.value("COPY49") == std::string(100, 'a'));
    BOOST_TEST(params.value("A") == std::string(100, 'a'));
}

BOOST_AUTO_TEST_CASE(copies_are_independent) {
    http::Params original{{"REMOTE_ADDR", "10.0.0.1"}};
    http::Params copy = original;
    copy.set("REMOTE_ADDR", "10.0.0.2");
    BOOST_TEST(original.value("REMOTE_ADDR") == "10.0.0.1");
    BOOST_TEST(copy.value("REMOTE_ADDR") == "10.0.0.2");
}

BOOST_AUTO_TEST_SUITE_END()
