// main.cpp -- the store test runner (every repository on SQLite and on PostgreSQL): Boost.Test's main plus the closing "N passed, N failed" line.
#define BOOST_TEST_MODULE authgate store tests
#include <boost/test/unit_test.hpp>

#include "support/summary_observer.h"

using authgate::test::SummaryFixture;
BOOST_TEST_GLOBAL_FIXTURE(SummaryFixture);
