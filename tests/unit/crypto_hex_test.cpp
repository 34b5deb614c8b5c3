// crypto_hex_test.cpp -- lowercase hex encoding and the strict check used on stored hashes.
#include <boost/test/unit_test.hpp>

#include <string>

#include "crypto/hex.h"

using namespace authgate::crypto;

BOOST_AUTO_TEST_SUITE(crypto_hex)

BOOST_AUTO_TEST_CASE(to_hex_writes_two_lowercase_digits_per_byte) {
    BOOST_TEST(to_hex("") == "");
    BOOST_TEST(to_hex(std::string("\x00\x01\x7f\x80\xab\xff", 6)) == "00017f80abff");
    std::string all;
    for (int i = 0; i < 256; ++i) all.push_back(static_cast<char>(i));
    const std::string hex = to_hex(all);
    BOOST_TEST(hex.size() == 512u);
    BOOST_TEST(hex.substr(0, 6) == "000102");
    BOOST_TEST(hex.substr(506) == "fdfeff");
    BOOST_TEST(is_lower_hex(hex));
}

BOOST_AUTO_TEST_CASE(is_lower_hex_accepts_only_even_length_lowercase_digits) {
    BOOST_TEST(is_lower_hex("0123456789abcdef"));
    BOOST_TEST(!is_lower_hex(""));
    BOOST_TEST(!is_lower_hex("abc"));
    BOOST_TEST(!is_lower_hex("ABCD"));
    BOOST_TEST(!is_lower_hex("abcG"));
    BOOST_TEST(!is_lower_hex("ab d"));
    BOOST_TEST(!is_lower_hex("abcd\n"));
    BOOST_TEST(!is_lower_hex(std::string("ab\0d", 4)));
}

BOOST_AUTO_TEST_SUITE_END()
