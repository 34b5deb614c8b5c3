// auth_csrf_test.cpp -- HMAC-derived CSRF tokens.
#include <boost/test/unit_test.hpp>

#include "auth/csrf.h"

namespace auth = authgate::auth;

BOOST_AUTO_TEST_SUITE(auth_csrf)

BOOST_AUTO_TEST_CASE(a_token_verifies_against_its_own_nonce_only) {
    auth::CsrfGuard guard("key-one");
    std::string nonce = auth::CsrfGuard::new_nonce();
    std::string other = auth::CsrfGuard::new_nonce();
    BOOST_TEST(nonce != other);
    BOOST_TEST(guard.verify(nonce, guard.token_for(nonce)));
    BOOST_TEST(!guard.verify(other, guard.token_for(nonce)));
    BOOST_TEST(!guard.verify(nonce, ""));
    BOOST_TEST(!guard.verify(nonce, guard.token_for(nonce) + "0"));
}

BOOST_AUTO_TEST_CASE(another_key_gives_other_tokens) {
    std::string nonce = auth::CsrfGuard::new_nonce();
    BOOST_TEST(auth::CsrfGuard("key-one").token_for(nonce) != auth::CsrfGuard("key-two").token_for(nonce));
}

BOOST_AUTO_TEST_CASE(malformed_nonces_never_verify) {
    auth::CsrfGuard guard("key");
    for (const std::string& nonce : {std::string(), std::string("short"), std::string(32, '!'), std::string(33, 'a')})
        BOOST_TEST(!guard.verify(nonce, guard.token_for(nonce)));
}

BOOST_AUTO_TEST_SUITE_END()
