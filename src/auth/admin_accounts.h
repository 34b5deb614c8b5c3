// admin_accounts.h -- use cases of the operator's commands: accounts, groups, sessions, upkeep.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "auth/register.h"
#include "auth/services.h"
#include "auth/user_view.h"
#include "auth/validation.h"
#include "store/admin_records.h"

namespace authgate::auth {

enum class AdminStatus {
    done,
    unchanged,           // already so (enabled, verified, in the group)
    no_user,
    no_session,
    not_member,          // group remove: the account is not in the group
    bad_group_name,
    invalid,             // the password (or email, username) breaks a rule: see `problem`
    duplicate_email,
    duplicate_username,
    busy,                // the hash pool refused
};

struct AdminResult {
    AdminStatus status = AdminStatus::done;
    FieldProblem problem = FieldProblem::none;  // invalid
    std::optional<UserView> user;               // the account acted on
    store::UserFootprint ended;                 // sessions and remember chains ended, groups left
};

// An account named by email (when `who` holds '@') or username, ignoring ASCII case.
std::optional<UserView> find_account(store::Store& store, const std::string& who);

// Creates an account as registration does (same rules and hashing; no throttle). Audited
// (admin_user_add).
AdminResult add_account(AuthServices& services, const NewAccount& account);

// Replaces the password (same rules as a new one; hashed with the policy), and ends every session
// and remember chain of the account in the same transaction. Audited.
AdminResult set_password(AuthServices& services, const std::string& who, const std::string& password);

// Sets `active`. Disabling also ends the account's sessions and remember chains (resolve_visit
// refuses an inactive account's session anyway). unchanged when it already was so. Audited.
AdminResult set_active(AuthServices& services, const std::string& who, bool active);

// Deletes the account with its sessions, remember chains and group memberships. Audited.
AdminResult delete_account(AuthServices& services, const std::string& who);

// Marks the email as verified (unchanged when it was). Audited.
AdminResult verify_email(AuthServices& services, const std::string& who);

// Group membership (bad_group_name unless is_group_name). add: unchanged when already in;
// remove: not_member when not in. Audited.
AdminResult add_to_group(AuthServices& services, const std::string& who, const std::string& group);
AdminResult remove_from_group(AuthServices& services, const std::string& who, const std::string& group);

// Ends one session (no_session when there is none; `user` is its account when it has one), or
// every session and remember chain of an account. Audited.
AdminResult revoke_session(AuthServices& services, std::int64_t session_id);
AdminResult revoke_sessions_of(AuthServices& services, const std::string& who);

// An account with what belongs to it.
struct AccountDetails {
    UserView user;
    store::UserFootprint footprint;  // its sessions, remember chains and groups
};
std::optional<AccountDetails> show_account(store::Store& store, const std::string& who);

// Every account, by id.
std::vector<UserView> list_accounts(store::Store& store);

// Memberships of every group or of `group`. status: done, or bad_group_name.
struct GroupListing {
    AdminStatus status = AdminStatus::done;
    std::vector<store::GroupMember> members;
};
GroupListing list_groups(store::Store& store, const std::optional<std::string>& group);

// Sessions of everyone or of the account `who`. status: done, or no_user.
struct SessionListing {
    AdminStatus status = AdminStatus::done;
    std::vector<store::SessionInfo> sessions;
};
SessionListing list_sessions(store::Store& store, const std::optional<std::string>& who);

// Removes, in one transaction, the sessions past their idle or absolute lifetime, the expired
// remember chains and the attempts older than the throttle window. Audited.
struct PurgeResult {
    std::int64_t sessions = 0;
    std::int64_t remember_chains = 0;
    std::int64_t attempts = 0;
};
PurgeResult purge(AuthServices& services, std::int64_t now);

// Counts; recent_attempts covers the throttle window (an hour by default) before `now`.
store::StoreCounts store_stats(AuthServices& services, std::int64_t now);

// SQLite's integrity check, the schema level and orphan rows; healthy() says whether all is well.
store::StoreHealth check_store(store::Store& store);
bool healthy(const store::StoreHealth& health);

}  // namespace authgate::auth
