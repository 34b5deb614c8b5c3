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

// What the visitor should fix, for a problem found in a submitted form.
std::string field_problem(auth::FieldProblem problem);

// The explanation on an error page for `status`.
std::string error_explanation(int status);

}  // namespace authgate::web::text
