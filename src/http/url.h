// url.h -- percent-encoding and the check that keeps redirects on this site.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace authgate::http {

// Decodes %XX escapes (and '+' as space when `plus_is_space`). Returns nullopt for a malformed
// escape or a decoded NUL byte.
std::optional<std::string> percent_decode(std::string_view text, bool plus_is_space = false);

// Encodes every byte outside [A-Za-z0-9-._~] as %XX (so '/' becomes %2F, like Flask-Login's next=).
std::string percent_encode(std::string_view text);

// True when `target` is a local path that is safe to redirect to: it starts with exactly one '/',
// has no backslash, no control character or whitespace, no scheme or host (also after decoding
// percent-escapes), and is valid UTF-8.
bool is_safe_local_path(std::string_view target);

}  // namespace authgate::http
