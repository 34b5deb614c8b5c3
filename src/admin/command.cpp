// command.cpp -- helpers shared by the authgate-admin commands.
#include "admin/command.h"

#include <ostream>

namespace authgate::admin {

int fail(CommandIo& io, const std::string& message) {
    io.err << "authgate-admin: " << message << '\n';
    return exit_usage;
}

}  // namespace authgate::admin
