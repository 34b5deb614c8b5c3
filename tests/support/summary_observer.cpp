// summary_observer.cpp -- per-test-case pass/fail counting and the closing summary line.
#include "support/summary_observer.h"

#include <boost/test/framework.hpp>
#include <iostream>

namespace authgate::test {

namespace ut = boost::unit_test;

void SummaryObserver::test_unit_start(const ut::test_unit& unit) {
    if (unit.p_type == ut::TUT_CASE) current_failed_ = false;
}

void SummaryObserver::test_unit_finish(const ut::test_unit& unit, unsigned long) {
    if (unit.p_type != ut::TUT_CASE) return;
    (current_failed_ ? failed : passed) += 1;
}

void SummaryObserver::test_unit_skipped(const ut::test_unit& unit, ut::const_string) {
    if (unit.p_type == ut::TUT_CASE) ++skipped;
}

void SummaryObserver::test_unit_aborted(const ut::test_unit&) {
    current_failed_ = true;
}

void SummaryObserver::test_unit_timed_out(const ut::test_unit&) {
    current_failed_ = true;
}

void SummaryObserver::assertion_result(ut::assertion_result result) {
    if (result != ut::AR_PASSED) current_failed_ = true;
}

void SummaryObserver::exception_caught(const boost::execution_exception&) {
    current_failed_ = true;
}

SummaryFixture::SummaryFixture() {
    ut::framework::register_observer(observer_);
}

SummaryFixture::~SummaryFixture() {
    ut::framework::deregister_observer(observer_);
    std::cout << observer_.passed << " passed, " << observer_.failed << " failed";
    if (observer_.skipped) std::cout << ", " << observer_.skipped << " skipped";
    std::cout << std::endl;
}

}  // namespace authgate::test
