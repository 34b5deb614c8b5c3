// auth_signed_value_test.cpp -- values signed for one purpose under the site key: round trip,
// and refusal of forged, altered, other-purpose and other-key values.
#include <boost/test/unit_test.hpp>

#include <vector>

#include "auth/signed_value.h"

namespace auth = authgate::auth;

BOOST_AUTO_TEST_SUITE(auth_signed_value)

BOOST_AUTO_TEST_CASE(a_signed_value_opens_to_itself) {
    auth::ValueSigner signer("site-key");
    for (const std::string& value : std::vector<std::string>{"", "plain", "with.dots.inside", std::string("bin\0ary\x1f", 8)}) {
        std::string signed_value = signer.sign("flash", value);
        BOOST_TEST(signed_value.size() == value.size() + 1 + 64);
        auto opened = signer.open("flash", signed_value);
        BOOST_REQUIRE(opened);
        BOOST_TEST(*opened == value);
    }
}

BOOST_AUTO_TEST_CASE(a_forged_or_altered_value_is_refused) {
    auth::ValueSigner signer("site-key");
    std::string good = signer.sign("flash", "message");
    std::string altered_value = good;
    altered_value[0] = 'M';
    std::string altered_signature = good;
    altered_signature.back() = altered_signature.back() == '0' ? '1' : '0';
    for (const std::string& bad : {altered_value, altered_signature, std::string("message"), std::string("message."),
                                   "message." + std::string(64, '0'), std::string(""), good.substr(0, good.size() - 1)})
        BOOST_TEST(!signer.open("flash", bad), bad);
}

BOOST_AUTO_TEST_CASE(a_value_signed_for_another_purpose_or_key_is_refused) {
    auth::ValueSigner signer("site-key");
    BOOST_TEST(!signer.open("flash", signer.sign("csrf", "message")));
    BOOST_TEST(!signer.open("flash", auth::ValueSigner("other-key").sign("flash", "message")));
    // The purpose is not just glued to the value: "a|b" for "x" is not "b" for "x|a".
    BOOST_TEST(!signer.open("x|a", signer.sign("x", "a|b")));
}

BOOST_AUTO_TEST_SUITE_END()
