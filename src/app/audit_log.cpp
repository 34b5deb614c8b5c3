// audit_log.cpp -- serialised, flushed audit lines.
#include "app/audit_log.h"

#include <cerrno>
#include <cstring>
#include <stdexcept>

#include "store/unix_time.h"

namespace authgate::app {

AuditLog::AuditLog(const std::string& path) : file_(stderr), owned_(false) {
    if (path.empty()) return;
    file_ = std::fopen(path.c_str(), "a");
    if (!file_) throw std::runtime_error("cannot open audit log " + path + ": " + std::strerror(errno));
    owned_ = true;
}

AuditLog::~AuditLog() {
    if (owned_) std::fclose(file_);
}

void AuditLog::record(const auth::AuditEvent& event) {
    std::string line = "authgate-audit: " + auth::format_audit_line(event, store::unix_now()) + "\n";
    std::lock_guard<std::mutex> lock(mutex_);
    std::fwrite(line.data(), 1, line.size(), file_);
    std::fflush(file_);
}

}  // namespace authgate::app
