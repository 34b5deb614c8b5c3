// cookie_header.cpp -- the Cookie header split without building a whole cgicc environment.
#include "http/cookie_header.h"

#include <cctype>

namespace authgate::http {

std::vector<std::pair<std::string, std::string>> parse_cookie_header(std::string_view header) {
    std::vector<std::pair<std::string, std::string>> cookies;
    std::size_t start = 0;
    while (start <= header.size()) {
        std::size_t end = header.find(';', start);
        if (end == std::string_view::npos) end = header.size();
        std::string_view piece = header.substr(start, end - start);
        std::size_t equals = piece.find('=');
        if (equals != std::string_view::npos) {
            std::size_t name_start = 0;
            while (name_start < piece.size() && std::isspace(static_cast<unsigned char>(piece[name_start])))
                ++name_start;
            // Whitespace may run past the '=' (a piece of spaces then "=v"): the name is then empty.
            std::string_view name =
                name_start < equals ? piece.substr(name_start, equals - name_start) : std::string_view();
            cookies.emplace_back(std::string(name), std::string(piece.substr(equals + 1)));
        }
        if (end == header.size()) break;
        start = end + 1;
    }
    return cookies;
}

}  // namespace authgate::http
