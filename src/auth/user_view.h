// user_view.h -- what the domain tells the pages about an account: never the password hash.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "store/records.h"

namespace authgate::auth {

struct UserView {
    std::int64_t id = 0;
    std::string email;
    std::string username;
    bool active = true;
    bool email_verified = false;
    std::optional<std::int64_t> created_at;
    std::optional<std::int64_t> last_login_at;
};

// The view of a stored account.
UserView view_of(const store::UserRecord& user);

}  // namespace authgate::auth
