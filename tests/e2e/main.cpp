// main.cpp -- the end-to-end test runner (nginx + authgate over real HTTP): Boost.Test's main plus the closing "N passed, N failed" line.
#define BOOST_TEST_MODULE authgate end-to-end tests
#include <boost/test/unit_test.hpp>

#include "support/summary_observer.h"

using authgate::test::SummaryFixture;
BOOST_TEST_GLOBAL_FIXTURE(SummaryFixture);
