// data_files.h -- who may read authgate's files: 0600 by default, 0640 for a --data-group.
#pragma once

#include <stdexcept>
#include <string>
#include <sys/types.h>

namespace authgate::server {

// A group that does not exist or files that cannot be given to it; the message names both.
class DataFilesError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// The numeric id of group `name`; throws DataFilesError when there is no such group.
gid_t group_id(const std::string& name);

// Creates `database` (a SQLite file; "" for none, as for a PostgreSQL store) when missing, then makes
// it and its -wal and -shm files (those that exist) and `audit_log` (when not empty and present)
// mode 0640 and owned by group `gid`. Throws DataFilesError.
void share_data_files(const std::string& database, const std::string& audit_log, gid_t gid);

}  // namespace authgate::server
