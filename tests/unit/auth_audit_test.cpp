// auth_audit_test.cpp -- audit lines: fields, UTC time, and escaping that keeps one event on one line.
#include <boost/test/unit_test.hpp>

#include "auth/audit.h"

namespace auth = authgate::auth;

BOOST_AUTO_TEST_SUITE(auth_audit)

BOOST_AUTO_TEST_CASE(a_line_has_utc_time_event_outcome_address_and_account) {
    auth::AuditEvent event{"login_failure", "bad_credentials", "203.0.113.9", "alice@example.com", 7};
    BOOST_TEST(auth::format_audit_line(event, 0) ==
               "time=1970-01-01T00:00:00Z event=login_failure outcome=bad_credentials ip=203.0.113.9 "
               "account=alice@example.com user_id=7");
}

BOOST_AUTO_TEST_CASE(control_characters_and_quotes_cannot_forge_a_line_or_a_field) {
    auth::AuditEvent event{"login_failure", "bad_credentials", "1.2.3.4",
                           "x\ntime=1970 event=login_success account=\"admin\"", std::nullopt};
    std::string line = auth::format_audit_line(event, 0);
    BOOST_TEST(line.find('\n') == std::string::npos);
    BOOST_TEST(line.find("account=\"x\\x0atime=1970 event=login_success account=\\x22admin\\x22\"") != std::string::npos);
    BOOST_TEST(line.rfind("time=1970-01-01T00:00:00Z event=login_failure outcome=bad_credentials ip=1.2.3.4 account=\"", 0) == 0);
}

BOOST_AUTO_TEST_SUITE_END()
