// summary_observer.h -- a Boost.Test global fixture that ends the run with "N passed, N failed".
#pragma once

#include <boost/test/tree/observer.hpp>
#include <boost/test/tree/test_unit.hpp>

namespace authgate::test {

// Counts test cases: one that had a failed assertion, an exception, a timeout or an abort failed.
class SummaryObserver : public boost::unit_test::test_observer {
public:
    void test_unit_start(const boost::unit_test::test_unit& unit) override;
    void test_unit_finish(const boost::unit_test::test_unit& unit, unsigned long elapsed) override;
    void test_unit_skipped(const boost::unit_test::test_unit& unit, boost::unit_test::const_string reason) override;
    void test_unit_aborted(const boost::unit_test::test_unit& unit) override;
    void test_unit_timed_out(const boost::unit_test::test_unit& unit) override;
    void assertion_result(boost::unit_test::assertion_result result) override;
    void exception_caught(const boost::execution_exception& error) override;

    int passed = 0;
    int failed = 0;
    int skipped = 0;

private:
    bool current_failed_ = false;
};

// Registers a SummaryObserver for the whole run and prints its closing line at teardown.
class SummaryFixture {
public:
    SummaryFixture();
    ~SummaryFixture();

private:
    SummaryObserver observer_;
};

}  // namespace authgate::test
