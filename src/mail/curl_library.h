// curl_library.h -- libcurl, loaded with dlopen when the first mail is sent rather than at every start.
#pragma once

#include <curl/curl.h>

namespace authgate::mail {

// The libcurl entry points SMTP delivery uses. libcurl pulls in OpenSSL, Kerberos, LDAP and more:
// relocating them costs a process several milliseconds, which every CGI request and every start
// would pay although only the mail sender needs them.
struct CurlLibrary {
    CURLcode (*global_init)(long flags);
    CURL* (*easy_init)();
    CURLcode (*easy_setopt)(CURL* curl, CURLoption option, ...);
    CURLcode (*easy_perform)(CURL* curl);
    CURLcode (*easy_getinfo)(CURL* curl, CURLINFO info, ...);
    void (*easy_cleanup)(CURL* curl);
    const char* (*easy_strerror)(CURLcode code);
    curl_slist* (*slist_append)(curl_slist* list, const char* text);
    void (*slist_free_all)(curl_slist* list);
};

// The process's libcurl, loaded and initialised (curl_global_init) once, thread-safely, on the first
// call. Throws std::runtime_error naming the library when it cannot be loaded (the runtime package,
// libcurl4 on Debian, is missing).
const CurlLibrary& curl_library();

}  // namespace authgate::mail
