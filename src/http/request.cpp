// request.cpp -- small lookups on the Request value type.
#include "http/request.h"

namespace authgate::http {

std::optional<std::string> find_field(const Fields& fields, const std::string& name) {
    for (const auto& [key, value] : fields)
        if (key == name) return value;
    return std::nullopt;
}

std::string Request::form_value(const std::string& name) const {
    return find_field(form, name).value_or("");
}

std::string Request::query_value(const std::string& name) const {
    return find_field(query, name).value_or("");
}

std::string Request::cookie(const std::string& name) const {
    auto it = cookies.find(name);
    return it == cookies.end() ? std::string() : it->second;
}

}  // namespace authgate::http
