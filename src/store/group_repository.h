// group_repository.h -- named groups of accounts (authgate_group_member).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/admin_records.h"

namespace authgate::store {

class GroupRepository {
public:
    virtual ~GroupRepository() = default;
    // Puts the account in `group`; false when it already was.
    virtual bool add(std::int64_t user_id, const std::string& group) = 0;
    // Takes the account out of `group`; false when it was not in it.
    virtual bool remove(std::int64_t user_id, const std::string& group) = 0;
    // The groups of one account, by name.
    virtual std::vector<std::string> groups_of(std::int64_t user_id) = 0;
    // Every membership by group name then user id; of one group when `group` is given.
    virtual std::vector<GroupMember> members(const std::optional<std::string>& group) = 0;
};

}  // namespace authgate::store
