// main.cpp -- the unit test runner: Boost.Test's main plus the closing "N passed, N failed" line.
#define BOOST_TEST_MODULE authgate unit tests
#include <boost/test/unit_test.hpp>

#include "support/summary_observer.h"

using authgate::test::SummaryFixture;
BOOST_TEST_GLOBAL_FIXTURE(SummaryFixture);
