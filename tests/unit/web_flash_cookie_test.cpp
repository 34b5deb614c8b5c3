// web_flash_cookie_test.cpp -- flash messages carried in a signed cookie: shown as sent, at most
// five, and nothing from a forged, foreign or oversize value.
#include <boost/test/unit_test.hpp>

#include "auth/signed_value.h"
#include "web/flash_cookie.h"

namespace auth = authgate::auth;
namespace web = authgate::web;

BOOST_AUTO_TEST_SUITE(web_flash_cookie)

BOOST_AUTO_TEST_CASE(flashes_come_back_as_they_were_sent) {
    auth::ValueSigner signer("site-key");
    std::vector<web::Flash> sent = {{"info", "Please log in to access this page."},
                                    {"error", "Odd text: <b>&\"'; = % \xc3\xa9 \r\n"}};
    std::string value = web::encode_flashes(signer, sent);
    for (char c : value) BOOST_TEST((c > 0x20 && c < 0x7f && c != ';' && c != ',' && c != '"'), "cookie-safe " << c);
    auto received = web::decode_flashes(signer, value);
    BOOST_REQUIRE(received.size() == 2u);
    for (std::size_t i = 0; i < 2; ++i) {
        BOOST_TEST(received[i].category == sent[i].category);
        BOOST_TEST(received[i].message == sent[i].message);
    }
}

BOOST_AUTO_TEST_CASE(at_most_the_last_five_flashes_are_kept_and_messages_are_capped) {
    auth::ValueSigner signer("site-key");
    std::vector<web::Flash> sent;
    for (int i = 0; i < 7; ++i) sent.push_back({"info", "message " + std::to_string(i)});
    auto received = web::decode_flashes(signer, web::encode_flashes(signer, sent));
    BOOST_REQUIRE(received.size() == 5u);
    BOOST_TEST(received.front().message == "message 2");
    BOOST_TEST(received.back().message == "message 6");
    auto long_one = web::decode_flashes(signer, web::encode_flashes(signer, {{"info", std::string(1000, 'x')}}));
    BOOST_REQUIRE(long_one.size() == 1u);
    BOOST_TEST(long_one[0].message.size() == 300u);
}

BOOST_AUTO_TEST_CASE(a_missing_forged_or_foreign_cookie_gives_no_flashes) {
    auth::ValueSigner signer("site-key");
    std::string good = web::encode_flashes(signer, {{"info", "hello"}});
    std::string tampered = good;
    tampered[0] = tampered[0] == 'a' ? 'b' : 'a';
    BOOST_TEST(web::decode_flashes(signer, "").empty());
    BOOST_TEST(web::decode_flashes(signer, "info%1Fhello").empty());
    BOOST_TEST(web::decode_flashes(signer, tampered).empty());
    BOOST_TEST(web::decode_flashes(auth::ValueSigner("other-key"), good).empty());
    BOOST_TEST(web::decode_flashes(signer, signer.sign("csrf", "info%1Fhello")).empty(), "signed for another use");
    BOOST_TEST(web::decode_flashes(signer, signer.sign("flash", "%zz")).empty(), "bad percent-encoding");
}

BOOST_AUTO_TEST_CASE(an_oversize_cookie_gives_no_flashes_even_when_signed) {
    auth::ValueSigner signer("site-key");
    std::string payload = "info%1F" + std::string(3000, 'x');
    BOOST_TEST(web::decode_flashes(signer, signer.sign("flash", payload)).empty());
    BOOST_TEST(web::decode_flashes(signer, signer.sign("flash", "info%1F" + std::string(2000, 'x'))).size() == 1u);
}

BOOST_AUTO_TEST_SUITE_END()
