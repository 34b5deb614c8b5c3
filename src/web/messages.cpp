// messages.cpp -- wording of form problems and error pages.
#include "web/messages.h"

namespace authgate::web::text {

std::string field_problem(auth::FieldProblem problem) {
    using auth::FieldProblem;
    switch (problem) {
        case FieldProblem::none: return "";
        case FieldProblem::email_invalid: return "Please enter a valid email address.";
        case FieldProblem::username_invalid:
            return "Username must be 3 to 80 characters: letters, digits, dots, underscores or hyphens.";
        case FieldProblem::password_too_short: return "Password must be at least 8 characters.";
        case FieldProblem::password_too_long: return "Password must be at most 128 characters.";
        case FieldProblem::password_not_text: return "Password must be valid text.";
        case FieldProblem::passwords_differ: return "Passwords do not match.";
        case FieldProblem::password_uses_user_words:
            return "Password is too easy to guess: it is built on your username or email.";
        case FieldProblem::password_guessable:
            return "Password is too easy to guess: avoid common words, names, dates and keyboard patterns, "
                   "or use a longer phrase of uncommon words.";
    }
    return "Please check the form.";
}

std::string error_explanation(int status) {
    switch (status) {
        case 400: return "The request could not be understood.";
        case 401: return "Please log in to access this page.";
        case 403: return "The request was refused.";
        case 404: return "There is no page at this address.";
        case 405: return "This page does not accept that kind of request.";
        case 413: return "The request is too large.";
        case 429: return "Too many attempts. Please wait a moment and try again.";
        case 503: return "The server is busy. Please try again in a moment.";
        default: return "Something went wrong on our side. Please try again later.";
    }
}

}  // namespace authgate::web::text
