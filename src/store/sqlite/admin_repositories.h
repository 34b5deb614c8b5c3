// admin_repositories.h -- the SQLite implementations of the operator's repositories.
#pragma once

#include "store/admin_repository.h"
#include "store/group_repository.h"
#include "store/sqlite/connection.h"

namespace authgate::store::sqlite {

class SqliteAdminRepository : public AdminRepository {
public:
    explicit SqliteAdminRepository(Connection& connection) : db_(connection) {}
    std::optional<UserRecord> find_by_username(const std::string& username) override;
    std::vector<UserRecord> list_users() override;
    bool set_active(std::int64_t user_id, bool active) override;
    bool set_email_verified(std::int64_t user_id, bool verified) override;
    bool delete_user(std::int64_t user_id) override;
    UserFootprint footprint(std::int64_t user_id) override;
    UserFootprint end_sessions_of(std::int64_t user_id) override;
    std::vector<SessionInfo> list_sessions(const std::optional<std::int64_t>& user_id) override;
    std::optional<SessionInfo> find_session(std::int64_t session_id) override;
    StoreCounts counts(std::int64_t attempts_since) override;
    StoreHealth health() override;

private:
    // The first column of `sql`'s first row (0 without a row); `parameter` binds to its one '?', if any.
    std::int64_t count(const char* sql, std::int64_t parameter);
    bool has_table(const char* name);
    Connection& db_;
};

class SqliteGroupRepository : public GroupRepository {
public:
    explicit SqliteGroupRepository(Connection& connection) : db_(connection) {}
    bool add(std::int64_t user_id, const std::string& group) override;
    bool remove(std::int64_t user_id, const std::string& group) override;
    std::vector<std::string> groups_of(std::int64_t user_id) override;
    std::vector<GroupMember> members(const std::optional<std::string>& group) override;

private:
    Connection& db_;
};

}  // namespace authgate::store::sqlite
