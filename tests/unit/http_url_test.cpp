// http_url_test.cpp -- percent-encoding and the local-redirect check.
#include <boost/test/unit_test.hpp>

#include "http/url.h"

using authgate::http::is_safe_local_path;
using authgate::http::percent_decode;
using authgate::http::percent_encode;

BOOST_AUTO_TEST_SUITE(http_url)

BOOST_AUTO_TEST_CASE(percent_encode_escapes_slashes_like_flask_login) {
    BOOST_TEST(percent_encode("/dashboard") == "%2Fdashboard");
    BOOST_TEST(percent_encode("/a?b=c d") == "%2Fa%3Fb%3Dc%20d");
    BOOST_TEST(percent_encode("AZaz09-._~") == "AZaz09-._~");
}

BOOST_AUTO_TEST_CASE(percent_decode_round_trips_and_refuses_bad_escapes) {
    BOOST_TEST(percent_decode("%2Fdashboard%3Fx%3D1").value() == "/dashboard?x=1");
    BOOST_TEST(percent_decode("a+b", true).value() == "a b");
    BOOST_TEST(percent_decode("a+b", false).value() == "a+b");
    BOOST_TEST(!percent_decode("%zz"));
    BOOST_TEST(!percent_decode("%2"));
    BOOST_TEST(!percent_decode("%00"));
}

BOOST_AUTO_TEST_CASE(local_paths_are_safe) {
    for (const char* path : {"/", "/dashboard", "/profile?tab=1", "/a/b/c#x", "/search?q=a%20b", "/caf%C3%A9"})
        BOOST_TEST(is_safe_local_path(path), path);
}

BOOST_AUTO_TEST_CASE(foreign_and_tricky_targets_are_refused) {
    for (const char* target :
         {"", "dashboard", "//evil.com", "///evil.com", "/\\evil.com", "\\\\evil.com", "http://evil.com",
          "https://evil.com/", "javascript:alert(1)", "%2F%2Fevil.com", "/%2F/evil.com", "/%5Cevil.com",
          "/%252F%252Fevil.com", " /dashboard", "/\t/evil.com", "\x01/dashboard", "/dash\nboard", "/\x7f",
          "/%0d%0aSet-Cookie:x=1", "data:text/html,x", "/\xff\xfe"})
        BOOST_TEST(!is_safe_local_path(target), target);
}

BOOST_AUTO_TEST_SUITE_END()
