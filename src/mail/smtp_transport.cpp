// smtp_transport.cpp -- one libcurl SMTP session per message (curl/curl.h is included only in mail/).
#include "mail/smtp_transport.h"

#include "mail/curl_library.h"

namespace authgate::mail {

namespace {

struct Upload {
    const std::string& data;
    std::size_t offset = 0;
};

std::size_t read_upload(char* buffer, std::size_t size, std::size_t count, void* user) {
    auto* upload = static_cast<Upload*>(user);
    std::size_t room = size * count;
    std::size_t left = upload->data.size() - upload->offset;
    std::size_t n = left < room ? left : room;
    upload->data.copy(buffer, n, upload->offset);
    upload->offset += n;
    return n;
}

}  // namespace

SmtpTransport::SmtpTransport(const TransportSettings& settings, std::string password)
    : settings_(settings), password_(std::move(password)) {
}

void SmtpTransport::send(const std::string& from, const std::string& to, const std::string& message) {
    const CurlLibrary* loaded = nullptr;
    try {
        loaded = &curl_library();
    } catch (const std::exception& error) {
        throw TransportError(error.what());
    }
    const CurlLibrary& lib = *loaded;
    CURL* curl = lib.easy_init();
    if (!curl) throw TransportError("cannot start a libcurl session");
    std::string sender = "<" + from + ">";
    std::string recipient = "<" + to + ">";
    curl_slist* recipients = lib.slist_append(nullptr, recipient.c_str());
    Upload upload{message};
    char error[CURL_ERROR_SIZE] = "";
    lib.easy_setopt(curl, CURLOPT_URL, settings_.smtp_url.c_str());
    lib.easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
    lib.easy_setopt(curl, CURLOPT_MAIL_FROM, sender.c_str());
    lib.easy_setopt(curl, CURLOPT_MAIL_RCPT, recipients);
    lib.easy_setopt(curl, CURLOPT_READFUNCTION, read_upload);
    lib.easy_setopt(curl, CURLOPT_READDATA, &upload);
    lib.easy_setopt(curl, CURLOPT_UPLOAD, 1L);
    lib.easy_setopt(curl, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(message.size()));
    lib.easy_setopt(curl, CURLOPT_ERRORBUFFER, error);
    lib.easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    lib.easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, settings_.timeout_seconds);
    lib.easy_setopt(curl, CURLOPT_TIMEOUT, settings_.timeout_seconds * 2);
    if (settings_.smtp_starttls) lib.easy_setopt(curl, CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_ALL));
    // The server's certificate and name are always checked; a site with a private CA names it.
    lib.easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, 1L);
    lib.easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, 2L);
    if (!settings_.smtp_ca_file.empty()) lib.easy_setopt(curl, CURLOPT_CAINFO, settings_.smtp_ca_file.c_str());
    if (!settings_.smtp_user.empty()) lib.easy_setopt(curl, CURLOPT_USERNAME, settings_.smtp_user.c_str());
    if (!password_.empty()) lib.easy_setopt(curl, CURLOPT_PASSWORD, password_.c_str());
    CURLcode code = lib.easy_perform(curl);
    long response = 0;
    lib.easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &response);
    lib.slist_free_all(recipients);
    lib.easy_cleanup(curl);
    if (code != CURLE_OK)
        throw TransportError(std::string("smtp: ") + (error[0] ? error : lib.easy_strerror(code)) +
                             (response ? " (server said " + std::to_string(response) + ")" : ""));
}

}  // namespace authgate::mail
