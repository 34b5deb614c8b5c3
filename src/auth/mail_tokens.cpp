// mail_tokens.cpp -- issuing and checking mailed tokens.
#include "auth/mail_tokens.h"

#include "auth/session_tokens.h"
#include "crypto/digest.h"
#include "crypto/random.h"

namespace authgate::auth {

std::string issue_token(store::Repositories& repositories, const std::string& purpose, const store::UserRecord& user,
                        std::int64_t seconds, std::int64_t now, const std::string& new_email) {
    std::string raw = crypto::random_token(32);
    repositories.tokens.remove_expired(now);
    repositories.tokens.remove_for_user(user.id, purpose);
    repositories.tokens.create({crypto::sha256_hex(raw), purpose, user.id, user.email, user.password_hash, new_email,
                                now, now + seconds});
    return raw;
}

std::optional<LiveToken> find_live_token(store::Repositories& repositories, const std::string& purpose,
                                         const std::string& raw, std::int64_t now) {
    if (!looks_like_token(raw, 128)) return std::nullopt;
    auto token = repositories.tokens.find(crypto::sha256_hex(raw));
    if (!token || token->purpose != purpose || token->expires_at < now) return std::nullopt;
    auto user = repositories.users.find_by_id(token->user_id);
    if (!user || !user->active || user->email != token->email || user->password_hash != token->password_hash)
        return std::nullopt;
    return LiveToken{*token, *user};
}

}  // namespace authgate::auth
