// crypto_random_test.cpp -- OS random bytes, base64url tokens and alphanumeric salts.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <array>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include <cryptopp/base64.h>
#include <cryptopp/filters.h>

#include "crypto/random.h"
#include "crypto/secure_clear.h"

using namespace authgate::crypto;

namespace {

bool all_of_charset(const std::string& s, const std::string& charset) {
    return s.find_first_not_of(charset) == std::string::npos;
}

const std::string kAlnum = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
const std::string kBase64Url = kAlnum + "-_";

}  // namespace

BOOST_AUTO_TEST_SUITE(crypto_random)

BOOST_AUTO_TEST_CASE(random_bytes_returns_the_requested_number_of_bytes) {
    for (std::size_t n : {0u, 1u, 16u, 32u, 1000u}) BOOST_TEST(random_bytes(n).size() == n);
}

BOOST_AUTO_TEST_CASE(random_bytes_differ_between_calls) {
    BOOST_TEST(random_bytes(32) != random_bytes(32));
}

BOOST_AUTO_TEST_CASE(random_bytes_use_every_byte_value) {
    const std::string bytes = random_bytes(1 << 16);
    std::array<bool, 256> seen{};
    for (unsigned char c : bytes) seen[c] = true;
    for (bool s : seen) BOOST_TEST(s);
}

BOOST_AUTO_TEST_CASE(base64url_encode_matches_rfc_4648_and_crypto_plus_plus) {
    // RFC 4648 section 10, in the URL alphabet and without padding.
    BOOST_TEST(base64url_encode("") == "");
    BOOST_TEST(base64url_encode("f") == "Zg");
    BOOST_TEST(base64url_encode("fo") == "Zm8");
    BOOST_TEST(base64url_encode("foo") == "Zm9v");
    BOOST_TEST(base64url_encode("foob") == "Zm9vYg");
    BOOST_TEST(base64url_encode("fooba") == "Zm9vYmE");
    BOOST_TEST(base64url_encode("foobar") == "Zm9vYmFy");
    // Every byte value, in each position of a group, against Crypto++'s encoder.
    std::string bytes;
    for (int i = 0; i < 256; ++i) bytes.push_back(static_cast<char>(255 - i));
    for (std::size_t n = 0; n <= bytes.size(); n += 1) {
        std::string part = bytes.substr(0, n), expected;
        CryptoPP::StringSource source(part, true, new CryptoPP::Base64URLEncoder(new CryptoPP::StringSink(expected), false));
        BOOST_TEST(base64url_encode(part) == expected, "length " << n);
    }
}

BOOST_AUTO_TEST_CASE(random_token_is_unpadded_base64url_of_the_right_length) {
    for (std::size_t n = 0; n <= 40; ++n) {
        const std::string token = random_token(n);
        BOOST_TEST_CONTEXT("n_bytes = " << n) {
            BOOST_TEST(token.size() == (4 * n + 2) / 3);
            BOOST_TEST(all_of_charset(token, kBase64Url));
        }
    }
}

BOOST_AUTO_TEST_CASE(a_32_byte_token_has_43_cookie_safe_characters) {
    const std::string token = random_token(32);
    BOOST_TEST(token.size() == 43u);
    BOOST_TEST(token.find_first_of("=+/;, \"\\") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(random_token_uses_both_url_safe_symbols) {
    const std::string many = random_token(3000);
    BOOST_TEST(many.find('-') != std::string::npos);
    BOOST_TEST(many.find('_') != std::string::npos);
}

BOOST_AUTO_TEST_CASE(random_alnum_draws_from_the_62_symbols_only) {
    for (std::size_t n : {0u, 1u, 16u, 100u}) {
        const std::string s = random_alnum(n);
        BOOST_TEST(s.size() == n);
        BOOST_TEST(all_of_charset(s, kAlnum));
    }
}

BOOST_AUTO_TEST_CASE(random_alnum_is_close_to_uniform) {
    // 62,000 draws: each symbol is expected 1000 times (standard deviation about 31).
    const std::string s = random_alnum(62'000);
    for (char c : kAlnum) {
        const auto count = std::count(s.begin(), s.end(), c);
        BOOST_TEST_CONTEXT("symbol " << c) {
            BOOST_TEST(count > 800);
            BOOST_TEST(count < 1200);
        }
    }
}

BOOST_AUTO_TEST_CASE(tokens_from_many_threads_are_all_distinct) {
    std::mutex mutex;
    std::set<std::string> tokens;
    std::vector<std::thread> threads;
    for (int t = 0; t < 8; ++t) {
        threads.emplace_back([&] {
            std::vector<std::string> mine;
            for (int i = 0; i < 500; ++i) mine.push_back(random_token(16));
            std::lock_guard<std::mutex> lock(mutex);
            tokens.insert(mine.begin(), mine.end());
        });
    }
    for (auto& thread : threads) thread.join();
    BOOST_TEST(tokens.size() == 4000u);
}

BOOST_AUTO_TEST_CASE(secure_clear_empties_short_and_long_strings) {
    std::string short_secret = "hunter2";
    std::string long_secret(1000, 's');
    secure_clear(short_secret);
    secure_clear(long_secret);
    BOOST_TEST(short_secret.empty());
    BOOST_TEST(long_secret.empty());
    std::string empty;
    secure_clear(empty);
    BOOST_TEST(empty.empty());
}

BOOST_AUTO_TEST_SUITE_END()
