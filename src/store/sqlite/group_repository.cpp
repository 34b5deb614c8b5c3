// group_repository.cpp -- group memberships in authgate_group_member.
#include "store/sqlite/admin_repositories.h"

namespace authgate::store::sqlite {

bool SqliteGroupRepository::add(std::int64_t user_id, const std::string& group) {
    db_.prepare("INSERT OR IGNORE INTO authgate_group_member (user_id, group_name) VALUES (?, ?)")
        .bind(1, user_id).bind(2, group).run();
    return db_.changes() == 1;
}

bool SqliteGroupRepository::remove(std::int64_t user_id, const std::string& group) {
    db_.prepare("DELETE FROM authgate_group_member WHERE user_id = ? AND group_name = ?")
        .bind(1, user_id).bind(2, group).run();
    return db_.changes() == 1;
}

std::vector<std::string> SqliteGroupRepository::groups_of(std::int64_t user_id) {
    std::vector<std::string> groups;
    auto rows = db_.prepare("SELECT group_name FROM authgate_group_member WHERE user_id = ? ORDER BY group_name");
    rows.bind(1, user_id);
    while (rows.step()) groups.push_back(rows.column_text(0));
    return groups;
}

std::vector<GroupMember> SqliteGroupRepository::members(const std::optional<std::string>& group) {
    std::vector<GroupMember> members;
    auto rows = db_.prepare(
        "SELECT g.group_name, g.user_id, coalesce(u.email, ''), coalesce(u.username, '') "
        "FROM authgate_group_member g LEFT JOIN user u ON u.id = g.user_id "
        "WHERE ?1 IS NULL OR g.group_name = ?1 ORDER BY g.group_name, g.user_id");
    rows.bind(1, group);
    while (rows.step())
        members.push_back({rows.column_text(0), rows.column_int64(1), rows.column_text(2), rows.column_text(3)});
    return members;
}

}  // namespace authgate::store::sqlite
