// main.cpp -- the deployment test runner (Apache httpd, socket activation): Boost.Test's main plus "N passed, N failed".
#define BOOST_TEST_MODULE authgate deployment tests
#include <boost/test/unit_test.hpp>

#include "support/summary_observer.h"

using authgate::test::SummaryFixture;
BOOST_TEST_GLOBAL_FIXTURE(SummaryFixture);
