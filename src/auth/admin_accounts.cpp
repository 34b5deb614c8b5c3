// admin_accounts.cpp -- the operator's use cases: each looks up and changes in one write transaction.
#include "auth/admin_accounts.h"

namespace authgate::auth {

namespace {

using store::Access;
using store::Repositories;

std::optional<store::UserRecord> find_record(Repositories& repositories, const std::string& who) {
    if (who.find('@') != std::string::npos) return repositories.users.find_by_email(who);
    return repositories.admin.find_by_username(who);
}

AdminResult no_user() {
    return {AdminStatus::no_user, FieldProblem::none, std::nullopt, {}};
}

AdminResult with_user(AdminStatus status, const store::UserRecord& user, store::UserFootprint ended = {}) {
    return {status, FieldProblem::none, view_of(user), std::move(ended)};
}

const char* outcome_name(AdminStatus status) {
    switch (status) {
        case AdminStatus::done: return "done";
        case AdminStatus::unchanged: return "unchanged";
        case AdminStatus::no_user: return "no_user";
        case AdminStatus::no_session: return "no_session";
        case AdminStatus::not_member: return "not_member";
        case AdminStatus::bad_group_name: return "bad_group_name";
        case AdminStatus::invalid: return "invalid";
        case AdminStatus::duplicate_email: return "duplicate_email";
        case AdminStatus::duplicate_username: return "duplicate_username";
        case AdminStatus::busy: break;
    }
    return "busy";
}

// Records the operator's `event` with `result`'s outcome and account; returns `result`.
AdminResult audited(AuthServices& services, const std::string& event, AdminResult result,
                    const std::string& detail = "") {
    std::string outcome = outcome_name(result.status);
    if (!detail.empty()) outcome += " " + detail;
    services.audit.record({event, outcome, "", result.user ? result.user->email : "",
                           result.user ? std::optional<std::int64_t>(result.user->id) : std::nullopt});
    return result;
}

std::string ended_detail(const store::UserFootprint& ended) {
    return "sessions_ended=" + std::to_string(ended.sessions) + " chains_ended=" + std::to_string(ended.remember_chains);
}

}  // namespace

std::optional<UserView> find_account(store::Store& store, const std::string& who) {
    auto user = store.transaction(Access::read, [&](Repositories& repositories) { return find_record(repositories, who); });
    if (!user) return std::nullopt;
    return view_of(*user);
}

AdminResult add_account(AuthServices& services, const NewAccount& account) {
    RegisterResult created = create_account(services, account);
    AdminResult result;
    switch (created.status) {
        case RegisterStatus::created: result.status = AdminStatus::done; break;
        case RegisterStatus::duplicate_email: result.status = AdminStatus::duplicate_email; break;
        case RegisterStatus::duplicate_username: result.status = AdminStatus::duplicate_username; break;
        case RegisterStatus::busy: result.status = AdminStatus::busy; break;
        // Only with a mailer and verification on (the admin tool has no mailer): an account made
        // waiting for its address, or none because the address was taken.
        case RegisterStatus::pending_verification:
            result.status = created.user_id ? AdminStatus::done : AdminStatus::duplicate_email;
            break;
        case RegisterStatus::invalid:
        case RegisterStatus::throttled: result.status = AdminStatus::invalid; break;
    }
    result.problem = created.problem;
    if (created.user_id) {
        auto user = services.store.transaction(
            Access::read, [&](Repositories& repositories) { return repositories.users.find_by_id(created.user_id); });
        if (user) result.user = view_of(*user);
    }
    return audited(services, "admin_user_add", result);
}

AdminResult set_password(AuthServices& services, const std::string& who, const std::string& password) {
    auto before = find_account(services.store, who);
    if (!before) return audited(services, "admin_set_password", no_user());
    FieldProblem problem = new_password_problem(
        password, password, {before->username, before->email, before->email.substr(0, before->email.find('@'))},
        services.settings.min_password_score);
    if (problem != FieldProblem::none)
        return audited(services, "admin_set_password", {AdminStatus::invalid, problem, before, {}});
    auto hash = services.passwords.hash(password);
    if (!hash) return audited(services, "admin_set_password", {AdminStatus::busy, FieldProblem::none, before, {}});
    AdminResult result = services.store.transaction(Access::write, [&](Repositories& repositories) {
        auto user = repositories.users.find_by_id(before->id);
        if (!user) return no_user();
        repositories.users.replace_password_hash(user->id, user->password_hash, *hash);
        return with_user(AdminStatus::done, *user, repositories.admin.end_sessions_of(user->id));
    });
    return audited(services, "admin_set_password", result, ended_detail(result.ended));
}

AdminResult set_active(AuthServices& services, const std::string& who, bool active) {
    AdminResult result = services.store.transaction(Access::write, [&](Repositories& repositories) {
        auto user = find_record(repositories, who);
        if (!user) return no_user();
        store::UserFootprint ended;
        if (!active) ended = repositories.admin.end_sessions_of(user->id);
        if (user->active == active) return with_user(AdminStatus::unchanged, *user, ended);
        repositories.admin.set_active(user->id, active);
        user->active = active;
        return with_user(AdminStatus::done, *user, ended);
    });
    return audited(services, active ? "admin_enable" : "admin_disable", result,
                   active ? "" : ended_detail(result.ended));
}

AdminResult delete_account(AuthServices& services, const std::string& who) {
    AdminResult result = services.store.transaction(Access::write, [&](Repositories& repositories) {
        auto user = find_record(repositories, who);
        if (!user) return no_user();
        store::UserFootprint ended = repositories.admin.footprint(user->id);
        repositories.admin.delete_user(user->id);
        return with_user(AdminStatus::done, *user, ended);
    });
    return audited(services, "admin_user_delete", result,
                   result.user ? ended_detail(result.ended) + " groups_left=" + std::to_string(result.ended.groups.size())
                               : "");
}

AdminResult verify_email(AuthServices& services, const std::string& who) {
    AdminResult result = services.store.transaction(Access::write, [&](Repositories& repositories) {
        auto user = find_record(repositories, who);
        if (!user) return no_user();
        if (user->email_verified) return with_user(AdminStatus::unchanged, *user);
        repositories.admin.set_email_verified(user->id, true);
        user->email_verified = true;
        return with_user(AdminStatus::done, *user);
    });
    return audited(services, "admin_verify_email", result);
}

AdminResult add_to_group(AuthServices& services, const std::string& who, const std::string& group) {
    if (!is_group_name(group)) return {AdminStatus::bad_group_name, FieldProblem::none, std::nullopt, {}};
    AdminResult result = services.store.transaction(Access::write, [&](Repositories& repositories) {
        auto user = find_record(repositories, who);
        if (!user) return no_user();
        return with_user(repositories.groups.add(user->id, group) ? AdminStatus::done : AdminStatus::unchanged, *user);
    });
    return audited(services, "admin_group_add", result, "group=" + group);
}

AdminResult remove_from_group(AuthServices& services, const std::string& who, const std::string& group) {
    if (!is_group_name(group)) return {AdminStatus::bad_group_name, FieldProblem::none, std::nullopt, {}};
    AdminResult result = services.store.transaction(Access::write, [&](Repositories& repositories) {
        auto user = find_record(repositories, who);
        if (!user) return no_user();
        return with_user(repositories.groups.remove(user->id, group) ? AdminStatus::done : AdminStatus::not_member,
                         *user);
    });
    return audited(services, "admin_group_remove", result, "group=" + group);
}

AdminResult revoke_session(AuthServices& services, std::int64_t session_id) {
    AdminResult result = services.store.transaction(Access::write, [&](Repositories& repositories) {
        auto session = repositories.admin.find_session(session_id);
        if (!session) return AdminResult{AdminStatus::no_session, FieldProblem::none, std::nullopt, {}};
        repositories.sessions.remove(session_id);
        AdminResult ended{AdminStatus::done, FieldProblem::none, std::nullopt, {}};
        ended.ended.sessions = 1;
        if (session->user_id) {
            if (auto user = repositories.users.find_by_id(*session->user_id)) ended.user = view_of(*user);
        }
        return ended;
    });
    return audited(services, "admin_session_revoke", result, "session=" + std::to_string(session_id));
}

AdminResult revoke_sessions_of(AuthServices& services, const std::string& who) {
    AdminResult result = services.store.transaction(Access::write, [&](Repositories& repositories) {
        auto user = find_record(repositories, who);
        if (!user) return no_user();
        return with_user(AdminStatus::done, *user, repositories.admin.end_sessions_of(user->id));
    });
    return audited(services, "admin_session_revoke", result, ended_detail(result.ended));
}

std::optional<AccountDetails> show_account(store::Store& store, const std::string& who) {
    return store.transaction(Access::read, [&](Repositories& repositories) -> std::optional<AccountDetails> {
        auto user = find_record(repositories, who);
        if (!user) return std::nullopt;
        return AccountDetails{view_of(*user), repositories.admin.footprint(user->id)};
    });
}

std::vector<UserView> list_accounts(store::Store& store) {
    return store.transaction(Access::read, [&](Repositories& repositories) {
        std::vector<UserView> views;
        for (const auto& user : repositories.admin.list_users()) views.push_back(view_of(user));
        return views;
    });
}

GroupListing list_groups(store::Store& store, const std::optional<std::string>& group) {
    if (group && !is_group_name(*group)) return {AdminStatus::bad_group_name, {}};
    return {AdminStatus::done, store.transaction(Access::read, [&](Repositories& repositories) {
                return repositories.groups.members(group);
            })};
}

SessionListing list_sessions(store::Store& store, const std::optional<std::string>& who) {
    return store.transaction(Access::read, [&](Repositories& repositories) -> SessionListing {
        std::optional<std::int64_t> user_id;
        if (who) {
            auto user = find_record(repositories, *who);
            if (!user) return {AdminStatus::no_user, {}};
            user_id = user->id;
        }
        return {AdminStatus::done, repositories.admin.list_sessions(user_id)};
    });
}

PurgeResult purge(AuthServices& services, std::int64_t now) {
    const SessionSettings& session = services.settings.session;
    PurgeResult result = services.store.transaction(Access::write, [&](Repositories& repositories) {
        PurgeResult removed;
        removed.sessions =
            repositories.sessions.remove_expired(now - session.idle_seconds, now - session.absolute_seconds);
        removed.remember_chains = repositories.remember.remove_expired(now);
        removed.attempts = repositories.attempts.prune(now - services.settings.throttle.window_seconds);
        return removed;
    });
    services.audit.record({"admin_purge",
                           "sessions=" + std::to_string(result.sessions) + " chains=" +
                               std::to_string(result.remember_chains) + " attempts=" + std::to_string(result.attempts),
                           "", "", std::nullopt});
    return result;
}

store::StoreCounts store_stats(AuthServices& services, std::int64_t now) {
    return services.store.transaction(Access::read, [&](Repositories& repositories) {
        return repositories.admin.counts(now - services.settings.throttle.window_seconds);
    });
}

store::StoreHealth check_store(store::Store& store) {
    return store.transaction(Access::read, [&](Repositories& repositories) { return repositories.admin.health(); });
}

bool healthy(const store::StoreHealth& health) {
    return health.integrity.size() == 1 && health.integrity.front() == "ok" &&
           health.schema_version == health.build_schema_version && health.orphans.sessions == 0 &&
           health.orphans.remember_chains == 0 && health.orphans.group_members == 0;
}

}  // namespace authgate::auth
