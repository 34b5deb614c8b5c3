// gate.cpp -- one auth::authorize call per gate request, worded for nginx or for Apache.
#include "web/gate.h"

#include <iostream>
#include <optional>
#include <string_view>

#include "auth/authorize.h"
#include "http/text.h"
#include "http/url.h"
#include "web/pages.h"

namespace authgate::web {

namespace {

std::vector<std::string> split_names(const std::string& list) {
    std::vector<std::string> names;
    std::string::size_type start = 0;
    while (start <= list.size()) {
        auto comma = list.find(',', start);
        if (comma == std::string::npos) comma = list.size();
        if (comma > start) names.push_back(list.substr(start, comma - start));
        start = comma + 1;
    }
    return names;
}

// The rules in `query` ("require=fresh&verified=1&users=a,b&groups=x"), or nullopt when a
// parameter or value is not one of those.
std::optional<auth::GateRules> parse_rules(const std::string& query) {
    auth::GateRules rules;
    std::string::size_type start = 0;
    while (start < query.size()) {
        auto amp = query.find('&', start);
        if (amp == std::string::npos) amp = query.size();
        std::string pair = query.substr(start, amp - start);
        start = amp + 1;
        if (pair.empty()) continue;
        auto equals = pair.find('=');
        auto name = http::percent_decode(pair.substr(0, equals), true);
        auto value = http::percent_decode(equals == std::string::npos ? "" : pair.substr(equals + 1), true);
        if (!name || !value) return std::nullopt;
        if (*name == "require" && *value == "fresh") rules.require_fresh = true;
        else if (*name == "require" && value->empty()) {}
        else if (*name == "verified" && (*value == "1" || *value == "0")) rules.require_verified = *value == "1";
        else if (*name == "users") rules.users = split_names(*value);
        else if (*name == "groups") rules.groups = split_names(*value);
        else return std::nullopt;
    }
    return rules;
}

// A header value without control characters (a name stored by another program could hold any).
std::string header_safe(const std::string& value) {
    std::string out;
    for (char c : value)
        if (static_cast<unsigned char>(c) >= 0x20 && c != 0x7f) out += c;
    return out;
}

std::string joined(const std::vector<std::string>& names) {
    std::string out;
    for (const auto& name : names) out += (out.empty() ? "" : ",") + name;
    return out;
}

std::string param(const http::Request& request, std::string_view name) {
    return request.params.value(name);
}

auth::GateResult decide(const http::Request& request, Services& services, const auth::GateRules& rules) {
    bool secure = request.https || services.cookie_settings.always_secure;
    return auth::authorize(services.auth, presented_by(request, services, secure), rules);
}

http::Response refuse_rules(View& view, const std::string& rules) {
    std::cerr << "authgate: gate rules not understood: " << http::escape_for_log(rules) << std::endl;
    return render_error(view, 400);
}

}  // namespace

http::Response check_gate(const http::Request& request, Services& services) {
    auto rules = parse_rules(request.query_string);
    if (!rules) return refuse_rules(services.view, request.query_string);
    auth::GateResult result = decide(request, services, *rules);
    http::Response response;
    response.personal = true;
    switch (result.status) {
        case auth::GateStatus::allow:
            response.add_header("X-Authgate-User", header_safe(result.user->username));
            response.add_header("X-Authgate-Email", header_safe(result.user->email));
            response.add_header("X-Authgate-User-Id", std::to_string(result.user->id));
            response.add_header("X-Authgate-Groups", header_safe(joined(result.groups)));
            break;
        case auth::GateStatus::unauthenticated: {
            response.status = 401;
            std::string original = param(request, "HTTP_X_ORIGINAL_URI");
            std::string login = http::is_safe_local_path(original) ? "/login?next=" + http::percent_encode(original)
                                                                    : "/login";
            if (rules->require_fresh) login += login.find('?') == std::string::npos ? "?fresh=1" : "&fresh=1";
            response.add_header("X-Authgate-Login", login);
            break;
        }
        case auth::GateStatus::forbidden:
            response.status = 403;
            break;
    }
    return response;
}

http::Response check_authorizer(const http::Request& request, Services& services) {
    std::string text = param(request, "AUTHGATE_RULES");
    auto rules = parse_rules(text);
    if (!rules) return refuse_rules(services.view, text);
    auth::GateResult result = decide(request, services, *rules);
    if (result.status != auth::GateStatus::allow) {
        http::Response response = render_error(services.view, result.status == auth::GateStatus::forbidden ? 403 : 401);
        response.personal = true;
        return response;
    }
    http::Response response;
    response.only_own_headers = true;
    response.add_header("Variable-AUTHGATE_USER", header_safe(result.user->username));
    response.add_header("Variable-AUTHGATE_EMAIL", header_safe(result.user->email));
    response.add_header("Variable-AUTHGATE_USER_ID", std::to_string(result.user->id));
    response.add_header("Variable-AUTHGATE_GROUPS", header_safe(joined(result.groups)));
    return response;
}

}  // namespace authgate::web
