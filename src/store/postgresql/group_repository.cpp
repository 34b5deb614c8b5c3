// group_repository.cpp -- group memberships in authgate_group_member.
#include "store/postgresql/repositories.h"

namespace authgate::store::postgresql {

bool PgGroupRepository::add(std::int64_t user_id, const std::string& group) {
    return db_.run("INSERT INTO authgate_group_member (user_id, group_name) VALUES ($1, $2) "
                   "ON CONFLICT (user_id, group_name) DO NOTHING",
                   {user_id, group})
               .affected() == 1;
}

bool PgGroupRepository::remove(std::int64_t user_id, const std::string& group) {
    return db_.run("DELETE FROM authgate_group_member WHERE user_id = $1 AND group_name = $2", {user_id, group})
               .affected() == 1;
}

std::vector<std::string> PgGroupRepository::groups_of(std::int64_t user_id) {
    std::vector<std::string> groups;
    auto rows = db_.run("SELECT group_name FROM authgate_group_member WHERE user_id = $1 ORDER BY group_name", {user_id});
    for (int i = 0; i < rows.rows(); ++i) groups.push_back(rows.text(i, 0));
    return groups;
}

std::vector<GroupMember> PgGroupRepository::members(const std::optional<std::string>& group) {
    std::vector<GroupMember> members;
    auto rows = db_.run("SELECT g.group_name, g.user_id, coalesce(u.email, ''), coalesce(u.username, '') "
                        "FROM authgate_group_member g LEFT JOIN \"user\" u ON u.id = g.user_id "
                        "WHERE $1::text IS NULL OR g.group_name = $1 ORDER BY g.group_name, g.user_id",
                        {group});
    for (int i = 0; i < rows.rows(); ++i)
        members.push_back({rows.text(i, 0), rows.int64(i, 1), rows.text(i, 2), rows.text(i, 3)});
    return members;
}

}  // namespace authgate::store::postgresql
