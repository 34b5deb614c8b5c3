// group_repository.cpp -- group membership of users (authgate_group_member).
#include "store/sqlite/sqlite_store.h"

namespace authgate::store::sqlite {

std::vector<std::string> SqliteGroupRepository::groups_of(std::int64_t user_id) {
    auto row = db_.prepare("SELECT group_name FROM authgate_group_member WHERE user_id = ? ORDER BY group_name");
    row.bind(1, user_id);
    std::vector<std::string> names;
    while (row.step()) names.push_back(row.column_text(0));
    return names;
}

}  // namespace authgate::store::sqlite
