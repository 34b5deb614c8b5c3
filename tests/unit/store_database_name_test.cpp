// store_database_name_test.cpp -- which backend a --database value selects, and how it appears in messages.
#include <boost/test/unit_test.hpp>

#include "store/store.h"

namespace store = authgate::store;

BOOST_AUTO_TEST_SUITE(store_database_name)

BOOST_AUTO_TEST_CASE(only_postgresql_uris_select_postgresql) {
    BOOST_TEST(store::is_postgresql("postgresql://authgate@db.example:5432/site"));
    BOOST_TEST(store::is_postgresql("postgres://authgate@localhost/site"));
    BOOST_TEST(!store::is_postgresql("/var/lib/authgate/authgate.db"));
    BOOST_TEST(!store::is_postgresql("users.db"));
    BOOST_TEST(!store::is_postgresql("./postgresql://not-a-uri"));
    BOOST_TEST(!store::is_postgresql("host=db dbname=site"));  // key=value conninfo is not recognised
}

BOOST_AUTO_TEST_CASE(a_password_in_a_uri_never_reaches_a_message) {
    BOOST_TEST(store::redacted("postgresql://authgate:s3cret@db:5432/site") == "postgresql://authgate:***@db:5432/site");
    BOOST_TEST(store::redacted("postgresql://db/site?user=a&password=s3cret&sslmode=require") ==
               "postgresql://db/site?user=a&password=***&sslmode=require");
    BOOST_TEST(store::redacted("postgres://db/site?password=s3cret") == "postgres://db/site?password=***");
    // A '@' or ':' after the host is not a password.
    BOOST_TEST(store::redacted("postgresql://authgate@db:5432/site") == "postgresql://authgate@db:5432/site");
    BOOST_TEST(store::redacted("postgresql://u:pw1@db/site?password=pw2&x=1") ==
               "postgresql://u:***@db/site?password=***&x=1");
    BOOST_TEST(store::redacted("postgresql://u:p%40ss@db/site").find("p%40ss") == std::string::npos);
    // A file path stays as it is.
    BOOST_TEST(store::redacted("/srv/site:data/users.db") == "/srv/site:data/users.db");
}

BOOST_AUTO_TEST_SUITE_END()
