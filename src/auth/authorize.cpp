// authorize.cpp -- the gate's decision from a session cookie and a location's rules.
#include "auth/authorize.h"

#include <algorithm>

#include "auth/session_check.h"
#include "auth/session_tokens.h"
#include "crypto/digest.h"

namespace authgate::auth {

namespace {

bool any_of_in(const std::vector<std::string>& wanted, const std::vector<std::string>& held) {
    return std::any_of(wanted.begin(), wanted.end(), [&](const std::string& name) {
        return std::find(held.begin(), held.end(), name) != held.end();
    });
}

}  // namespace

GateResult authorize(AuthServices& services, const Presented& presented, const GateRules& rules) {
    if (!looks_like_token(presented.session_token, 128)) return {};
    std::string token_hash = crypto::sha256_hex(presented.session_token);
    return services.store.transaction(store::Access::read, [&](store::Repositories& repositories) {
        GateResult result;
        auto found = repositories.sessions.find_with_user(token_hash);
        SessionCheck check = check_session(services.settings.session, found, presented);
        if (check.state != SessionCheck::State::valid) return result;
        if (rules.require_fresh && !check.fresh) return result;
        result.user = view_of(found->user);
        result.status = GateStatus::forbidden;
        if (rules.require_verified && !result.user->email_verified) return result;
        if (!rules.users.empty() &&
            std::find(rules.users.begin(), rules.users.end(), result.user->username) == rules.users.end())
            return result;
        std::vector<std::string> groups = repositories.groups.groups_of(result.user->id);
        if (!rules.groups.empty() && !any_of_in(rules.groups, groups)) return result;
        result.groups = std::move(groups);
        result.status = GateStatus::allow;
        return result;
    });
}

}  // namespace authgate::auth
