// messages.h -- every text a visitor reads that does not come from a template.
#pragma once

#include <string>

#include "auth/validation.h"

namespace authgate::web::text {

inline const char* const login_required = "Please log in to access this page.";
inline const char* const reauthenticate = "Please reauthenticate to access this page.";
inline const char* const invalid_login = "Invalid email or password";
inline const char* const registered = "Registration successful! Please log in.";
inline const char* const email_taken = "Email already registered";
inline const char* const username_taken = "Username already taken";
inline const char* const logged_out = "You have been logged out.";
inline const char* const check_email_registered =
    "Almost done: we sent a link to the address you gave. Open it to confirm your address, then log in.";
inline const char* const unverified_login =
    "Your email address needs verifying before you can log in. Use the link we sent, or ask for a new one below.";
inline const char* const forgot_sent =
    "If an account uses that address, we sent it a link to choose a new password. It is valid for a short time.";
inline const char* const resend_sent = "If that address belongs to an account waiting for confirmation, a new link is on its way.";
inline const char* const link_invalid = "This link is not valid: it has expired, was already used, or the account changed since.";
inline const char* const password_reset_done = "Your password has been changed. Please log in with the new one.";
inline const char* const email_verified = "Thank you: your email address is confirmed.";
inline const char* const wrong_password = "Your current password is not correct.";
inline const char* const password_changed = "Your password has been changed. Your other sessions have been signed out.";
inline const char* const email_change_sent =
    "We sent a confirmation link to the new address. Your address changes when you open it.";
inline const char* const email_changed = "Your email address has been changed.";
inline const char* const email_change_taken = "That address is now used by another account; nothing was changed.";
inline const char* const session_ended = "The session has been signed out.";
inline const char* const sessions_ended = "Your other sessions have been signed out.";
inline const char* const session_not_found = "There is no such session (it may have ended already).";
inline const char* const account_deleted = "Your account has been deleted.";
inline const char* const mail_unavailable = "Mail is not set up on this site.";

// What the visitor should fix, for a problem found in a submitted form.
std::string field_problem(auth::FieldProblem problem);

// The explanation on an error page for `status`.
std::string error_explanation(int status);

}  // namespace authgate::web::text
