// browser_summary.cpp -- the first matching token wins; order matters (Edge and Chrome both say Safari).
#include "web/browser_summary.h"

namespace authgate::web {

namespace {

bool has(const std::string& text, const char* part) {
    return text.find(part) != std::string::npos;
}

}  // namespace

std::string browser_summary(const std::string& user_agent) {
    const std::string& ua = user_agent;
    std::string browser = has(ua, "Edg/")       ? "Edge"
                          : has(ua, "OPR/")     ? "Opera"
                          : has(ua, "Firefox/") ? "Firefox"
                          : has(ua, "Chrome/")  ? "Chrome"
                          : has(ua, "Safari/")  ? "Safari"
                          : has(ua, "curl/")    ? "curl"
                                                : "";
    std::string system = has(ua, "Android")                        ? "Android"
                         : has(ua, "iPhone") || has(ua, "iPad")     ? "iOS"
                         : has(ua, "Windows")                      ? "Windows"
                         : has(ua, "Mac OS X") || has(ua, "Macintosh") ? "macOS"
                         : has(ua, "CrOS")                         ? "ChromeOS"
                         : has(ua, "Linux")                        ? "Linux"
                                                                   : "";
    if (browser.empty() && system.empty()) return "Unknown browser";
    if (browser.empty()) return "A browser on " + system;
    return system.empty() ? browser : browser + " on " + system;
}

}  // namespace authgate::web
