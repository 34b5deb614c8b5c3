// audit_log.h -- the audit sink: one line per event to stderr or an append-only file.
#pragma once

#include <cstdio>
#include <mutex>
#include <string>

#include "auth/audit.h"

namespace authgate::app {

class AuditLog : public auth::AuditSink {
public:
    // Appends to `path`, or writes to stderr when `path` is empty. Throws std::runtime_error naming
    // the file when it cannot be opened.
    explicit AuditLog(const std::string& path);
    ~AuditLog() override;
    AuditLog(const AuditLog&) = delete;
    AuditLog& operator=(const AuditLog&) = delete;

    // Writes one line with the current UTC time and flushes it.
    void record(const auth::AuditEvent& event) override;

private:
    std::mutex mutex_;
    std::FILE* file_;
    bool owned_;
};

}  // namespace authgate::app
