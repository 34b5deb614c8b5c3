// crypto_scrypt_test.cpp -- scrypt against RFC 7914 and hashlib.scrypt.
#include <boost/test/unit_test.hpp>

#include <stdexcept>
#include <string>

#include "crypto/hex.h"
#include "crypto/scrypt.h"

using namespace authgate::crypto;

BOOST_AUTO_TEST_SUITE(crypto_scrypt)

BOOST_AUTO_TEST_CASE(scrypt_matches_rfc_7914_vectors) {
    BOOST_TEST(to_hex(scrypt("", "", 16, 1, 1, 64)) ==
               "77d6576238657b203b19ca42c18a0497f16b4844e3074ae8dfdffa3fede21442fcd0069ded0948f8326a753a0fc81f17e8d"
               "3e0fb2e0d3628cf35e20c38d18906");
    BOOST_TEST(to_hex(scrypt("password", "NaCl", 1024, 8, 16, 64)) ==
               "fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b3731622eaf30d92e22a3886ff109279d9830dac727"
               "afb94a83ee6d8360cbdfa2cc0640");
}

BOOST_AUTO_TEST_CASE(scrypt_with_werkzeug_defaults_matches_hashlib) {
    BOOST_TEST(to_hex(scrypt("hunter2", "Qw3rTy5aLt0123ab", 32768, 8, 1, 64)) ==
               "0e2aed273366cff86da60a64581b86739b1f4e6d0b7dd9a2695fc5aadc5befa130e1fe3ecfc7bd003a651ced9506d80d7720"
               "911aeac53ce9cde09ea2f75cbe20");
}

BOOST_AUTO_TEST_CASE(scrypt_of_a_non_ascii_password_with_odd_length_matches_hashlib) {
    BOOST_TEST(to_hex(scrypt("pässwörd ✓ 日本語", "x", 256, 2, 3, 33)) ==
               "4dbc2ceade66e645481f0b53786e1015369fc3d9b2fb15896c7056cc1488719290");
}

BOOST_AUTO_TEST_CASE(scrypt_refuses_parameters_outside_its_definition) {
    BOOST_CHECK_THROW(scrypt("p", "s", 0, 8, 1, 64), std::invalid_argument);
    BOOST_CHECK_THROW(scrypt("p", "s", 1, 8, 1, 64), std::invalid_argument);
    BOOST_CHECK_THROW(scrypt("p", "s", 1000, 8, 1, 64), std::invalid_argument);
    BOOST_CHECK_THROW(scrypt("p", "s", 16, 0, 1, 64), std::invalid_argument);
    BOOST_CHECK_THROW(scrypt("p", "s", 16, 1, 0, 64), std::invalid_argument);
    BOOST_CHECK_THROW(scrypt("p", "s", 16, 1 << 15, 1 << 15, 64), std::invalid_argument);
    BOOST_CHECK_THROW(scrypt("p", "s", 16, 1, 1, 0), std::invalid_argument);
}

BOOST_AUTO_TEST_SUITE_END()
