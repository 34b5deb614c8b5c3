// static_files.h -- serves /static/NAME from the static directory when the web server does not.
#pragma once

#include <optional>
#include <string>

#include "http/request.h"
#include "http/response.h"

namespace authgate::web {

class StaticFiles {
public:
    explicit StaticFiles(std::string directory) : directory_(std::move(directory)) {}

    // The file NAME's bytes with its content type; nullopt (a 404) for anything but a plain file
    // name ([A-Za-z0-9._-], no leading dot) that exists in the directory.
    std::optional<http::Response> serve(const std::string& name) const;

private:
    std::string directory_;
};

}  // namespace authgate::web
