// resolve_visit.cpp -- session lookup, session protection, remember-chain rotation and theft detection.
#include "auth/resolve_visit.h"

#include "auth/session_check.h"
#include "auth/session_tokens.h"
#include "crypto/digest.h"
#include "crypto/random.h"

namespace authgate::auth {

namespace {

// The outcome of looking at the cookies: a visit, or "this needs the write lock".
struct Attempt {
    std::optional<Visit> visit;
    bool needs_write() const { return !visit; }
};

class Resolver {
public:
    Resolver(AuthServices& services, const Presented& presented)
        : services_(services), settings_(services.settings.session), presented_(presented) {}

    // Resolves with `repositories`; when `may_write` is false and a write would be needed, gives up.
    Attempt resolve(store::Repositories& repositories, bool may_write) {
        Visit visit;
        if (!presented_.session_token.empty()) {
            auto outcome = resolve_session(repositories, may_write, visit);
            if (outcome == Step::needs_write) return {};
            if (outcome == Step::done) return {visit};
        }
        if (presented_.remember_cookie.empty()) return {visit};
        if (resolve_remember(repositories, may_write, visit) == Step::needs_write) return {};
        return {visit};
    }

private:
    enum class Step { done, go_on, needs_write };

    Step resolve_session(store::Repositories& repositories, bool may_write, Visit& visit) {
        const std::string& token = presented_.session_token;
        if (!looks_like_token(token, 128)) {
            visit.cookies.clear_session = true;
            return Step::go_on;
        }
        auto found = repositories.sessions.find_with_user(crypto::sha256_hex(token));
        SessionCheck check = check_session(settings_, found, presented_);
        if (check.state == SessionCheck::State::invalid) {
            visit.cookies.clear_session = true;
            return Step::go_on;
        }
        auto& session = found->session;
        if (check.state == SessionCheck::State::foreign) {
            if (!may_write) return Step::needs_write;
            repositories.sessions.remove(session.id);
            repositories.remember.remove_all_for_user(session.user_id);
            services_.audit.record({"session_protection", "session_ended", presented_.client.remote_addr, "",
                                    session.user_id});
            visit.cookies.clear_session = true;
            visit.cookies.clear_remember = !presented_.remember_cookie.empty();
            return Step::done;
        }
        if ((check.demote || check.touch) && !may_write) return Step::needs_write;
        if (check.demote) repositories.sessions.mark_not_fresh(session.id);
        if (check.touch) repositories.sessions.touch(session.id, presented_.now);
        visit.user = view_of(found->user);
        visit.fresh = check.fresh;
        visit.session_id = session.id;
        return Step::done;
    }

    Step resolve_remember(store::Repositories& repositories, bool may_write, Visit& visit) {
        auto cookie = parse_remember_cookie(presented_.remember_cookie);
        if (!cookie) {
            visit.cookies.clear_remember = true;
            return Step::done;
        }
        auto record = repositories.remember.find(cookie->selector);
        if (!record) {
            visit.cookies.clear_remember = true;
            return Step::done;
        }
        if (!may_write) return Step::needs_write;
        std::int64_t now = presented_.now;
        std::string hash = crypto::sha256_hex(cookie->validator);
        bool current = crypto::constant_time_equal(hash, record->validator_hash);
        bool just_replaced = !current && record->previous_validator_hash && record->rotated_at &&
                             now - *record->rotated_at <= settings_.remember_grace_seconds &&
                             crypto::constant_time_equal(hash, *record->previous_validator_hash);
        if (!current && !just_replaced) {
            repositories.remember.remove(record->selector);
            std::int64_t ended = repositories.sessions.remove_for_chain(record->selector);
            services_.audit.record({"remember_token_theft",
                                    "chain_revoked sessions_ended=" + std::to_string(ended),
                                    presented_.client.remote_addr, "", record->user_id});
            visit.cookies.clear_remember = true;
            return Step::done;
        }
        auto user = repositories.users.find_by_id(record->user_id);
        if (record->expires_at <= now || !user || !user->active) {
            repositories.remember.remove(record->selector);
            visit.cookies.clear_remember = true;
            return Step::done;
        }
        if (current) {
            std::string validator = crypto::random_token(32);
            if (repositories.remember.rotate(record->selector, record->validator_hash, crypto::sha256_hex(validator),
                                             now)) {
                visit.cookies.remember_token = record->selector + ":" + validator;
                visit.cookies.remember_max_age = record->expires_at - now;
            }
        }
        // A tab that presented the validator replaced a moment ago keeps its cookie: the browser
        // already holds the new one from the other tab's answer.
        visit.session_id = open_session(repositories.sessions, user->id, false, record->selector, presented_,
                                        visit.cookies);
        visit.user = view_of(*user);
        visit.fresh = false;
        visit.restored = true;
        services_.audit.record({"login_success", just_replaced ? "remember_cookie_grace" : "remember_cookie",
                                presented_.client.remote_addr, user->email, user->id});
        return Step::done;
    }

    AuthServices& services_;
    const SessionSettings& settings_;
    const Presented& presented_;
};

}  // namespace

Visit resolve_visit(AuthServices& services, const Presented& presented) {
    if (presented.session_token.empty() && presented.remember_cookie.empty()) return {};
    Resolver resolver(services, presented);
    Attempt attempt = services.store.transaction(
        store::Access::read, [&](store::Repositories& repositories) { return resolver.resolve(repositories, false); });
    if (!attempt.needs_write()) return *attempt.visit;
    attempt = services.store.transaction(
        store::Access::write, [&](store::Repositories& repositories) { return resolver.resolve(repositories, true); });
    return *attempt.visit;
}

}  // namespace authgate::auth
