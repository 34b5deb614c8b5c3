// data_files.cpp -- giving the database and the audit log to the --data-group.
#include "server/data_files.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <grp.h>
#include <sys/stat.h>
#include <unistd.h>

namespace authgate::server {

namespace {

const mode_t shared_mode = 0640;

[[noreturn]] void fail(const std::string& path, const std::string& what) {
    throw DataFilesError("cannot share " + path + " with --data-group: " + what);
}

// Gives an existing file to the group; a missing one is left alone (SQLite makes -wal and -shm
// with the database file's mode, and as root also its owner and group).
void share(const std::string& path, gid_t gid) {
    struct stat info {};
    if (stat(path.c_str(), &info) != 0) {
        if (errno == ENOENT) return;
        fail(path, std::strerror(errno));
    }
    if (info.st_gid != gid && chown(path.c_str(), static_cast<uid_t>(-1), gid) != 0) fail(path, std::strerror(errno));
    if ((info.st_mode & 07777) != shared_mode && chmod(path.c_str(), shared_mode) != 0) fail(path, std::strerror(errno));
}

}  // namespace

gid_t group_id(const std::string& name) {
    struct group* entry = getgrnam(name.c_str());
    if (!entry) throw DataFilesError("--data-group: no group named " + name);
    return entry->gr_gid;
}

void share_data_files(const std::string& database, const std::string& audit_log, gid_t gid) {
    if (!database.empty()) {
        int fd = open(database.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, shared_mode);
        if (fd < 0) fail(database, std::strerror(errno));
        close(fd);
        for (const std::string& path : {database, database + "-wal", database + "-shm"}) share(path, gid);
    }
    if (!audit_log.empty()) share(audit_log, gid);
}

}  // namespace authgate::server
