// logout.cpp -- server-side logout.
#include "auth/logout.h"

#include "auth/session_tokens.h"
#include "crypto/digest.h"

namespace authgate::auth {

LogoutResult log_out(AuthServices& services, const Presented& presented) {
    LogoutResult result;
    result.cookies.clear_session = true;
    result.cookies.clear_remember = !presented.remember_cookie.empty();
    bool has_session = looks_like_token(presented.session_token, 128);
    if (!has_session && presented.remember_cookie.empty()) return result;
    auto ended = services.store.transaction(store::Access::write, [&](store::Repositories& repositories) {
        std::optional<store::UserRecord> user;
        if (has_session) {
            std::string token_hash = crypto::sha256_hex(presented.session_token);
            if (auto found = repositories.sessions.find_with_user(token_hash)) user = found->user;
            repositories.sessions.remove_by_token_hash(token_hash);
        }
        retire_presented_chain(repositories, presented.remember_cookie);
        return user;
    });
    if (ended)
        services.audit.record({"logout", "session_ended", presented.client.remote_addr, ended->email, ended->id});
    return result;
}

}  // namespace authgate::auth
