// static_files.cpp -- a minimal, path-safe static file responder.
#include "web/static_files.h"

#include <cctype>
#include <fstream>
#include <sstream>

namespace authgate::web {

namespace {

bool is_plain_name(const std::string& name) {
    if (name.empty() || name.size() > 100 || name[0] == '.') return false;
    for (unsigned char c : name)
        if (!(std::isalnum(c) || c == '.' || c == '_' || c == '-')) return false;
    return true;
}

std::string content_type(const std::string& name) {
    auto dot = name.rfind('.');
    std::string extension = dot == std::string::npos ? "" : name.substr(dot + 1);
    if (extension == "css") return "text/css; charset=utf-8";
    if (extension == "js") return "text/javascript; charset=utf-8";
    if (extension == "svg") return "image/svg+xml";
    if (extension == "png") return "image/png";
    if (extension == "ico") return "image/x-icon";
    if (extension == "txt") return "text/plain; charset=utf-8";
    return "application/octet-stream";
}

}  // namespace

std::optional<http::Response> StaticFiles::serve(const std::string& name) const {
    if (!is_plain_name(name)) return std::nullopt;
    std::ifstream file(directory_ + "/" + name, std::ios::binary);
    if (!file) return std::nullopt;
    http::Response response;
    std::ostringstream bytes;
    bytes << file.rdbuf();
    response.body = bytes.str();
    response.add_header("Content-Type", content_type(name));
    response.add_header("Cache-Control", "public, max-age=3600");
    return response;
}

}  // namespace authgate::web
