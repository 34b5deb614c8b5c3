// curl_library.cpp -- dlopen and dlsym of libcurl's entry points, once per process.
#include "mail/curl_library.h"

#include <dlfcn.h>

#include <stdexcept>
#include <string>

namespace authgate::mail {

namespace {

// The soname of the libcurl this program was built against (CURL_VERSION_MAJOR 7 and 8 share it).
constexpr const char* kSoname = "libcurl.so.4";

template <class Function>
void bind(void* handle, const char* name, Function& slot) {
    void* symbol = dlsym(handle, name);
    if (!symbol) throw std::runtime_error(std::string(kSoname) + " has no " + name);
    slot = reinterpret_cast<Function>(symbol);
}

CurlLibrary load() {
    // RTLD_LOCAL keeps its symbols out of the process's namespace; the handle is never closed.
    void* handle = dlopen(kSoname, RTLD_NOW | RTLD_LOCAL);
    if (!handle) {
        const char* why = dlerror();
        throw std::runtime_error(std::string("cannot load ") + kSoname + " (install libcurl4): " +
                                 (why ? why : "unknown error"));
    }
    CurlLibrary library{};
    bind(handle, "curl_global_init", library.global_init);
    bind(handle, "curl_easy_init", library.easy_init);
    bind(handle, "curl_easy_setopt", library.easy_setopt);
    bind(handle, "curl_easy_perform", library.easy_perform);
    bind(handle, "curl_easy_getinfo", library.easy_getinfo);
    bind(handle, "curl_easy_cleanup", library.easy_cleanup);
    bind(handle, "curl_easy_strerror", library.easy_strerror);
    bind(handle, "curl_slist_append", library.slist_append);
    bind(handle, "curl_slist_free_all", library.slist_free_all);
    CURLcode code = library.global_init(CURL_GLOBAL_DEFAULT);
    if (code != CURLE_OK)
        throw std::runtime_error(std::string("curl_global_init failed: ") + library.easy_strerror(code));
    return library;
}

}  // namespace

const CurlLibrary& curl_library() {
    // A function-local static: initialised once, thread-safely; a failed load throws and is retried
    // by the next call.
    static const CurlLibrary library = load();
    return library;
}

}  // namespace authgate::mail
