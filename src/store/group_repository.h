// group_repository.h -- the storage interface for group membership (authgate_group_member).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace authgate::store {

class GroupRepository {
public:
    virtual ~GroupRepository() = default;
    // The names of the groups `user_id` belongs to, sorted, as stored (no case folding).
    virtual std::vector<std::string> groups_of(std::int64_t user_id) = 0;
};

}  // namespace authgate::store
