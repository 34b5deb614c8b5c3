// user_view.cpp -- copying the public fields of an account.
#include "auth/user_view.h"

namespace authgate::auth {

UserView view_of(const store::UserRecord& user) {
    return {user.id, user.email, user.username, user.active, user.email_verified, user.created_at, user.last_login_at};
}

}  // namespace authgate::auth
