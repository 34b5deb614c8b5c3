// http_client.cpp -- libcurl easy interface, header capture and a minimal cookie jar.
#include "support/text_util.h"
#include "support/http_client.h"

#include <algorithm>
#include <cctype>
#include <curl/curl.h>
#include <stdexcept>

namespace authgate::test {

namespace {

size_t write_body(char* data, size_t size, size_t count, void* user) {
    static_cast<std::string*>(user)->append(data, size * count);
    return size * count;
}

size_t write_header(char* data, size_t size, size_t count, void* user) {
    std::string line(data, size * count);
    auto colon = line.find(':');
    if (colon != std::string::npos)
        static_cast<HttpResponse*>(user)->headers.emplace_back(lower(trim(line.substr(0, colon))),
                                                               trim(line.substr(colon + 1)));
    return size * count;
}

std::string escape(const std::string& text) {
    std::string out;
    static const char digits[] = "0123456789ABCDEF";
    for (unsigned char c : text) {
        if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') out.push_back(static_cast<char>(c));
        else if (c == ' ') out.push_back('+');
        else { out.push_back('%'); out.push_back(digits[c >> 4]); out.push_back(digits[c & 15]); }
    }
    return out;
}

}  // namespace

std::string HttpResponse::header(const std::string& name) const {
    auto all = headers_named(name);
    return all.empty() ? "" : all.front();
}

std::vector<std::string> HttpResponse::headers_named(const std::string& name) const {
    std::vector<std::string> values;
    std::string key = lower(name);
    for (const auto& [header_name, value] : headers)
        if (header_name == key) values.push_back(value);
    return values;
}

std::string HttpResponse::set_cookie(const std::string& cookie_name) const {
    for (const auto& line : headers_named("set-cookie"))
        if (line.rfind(cookie_name + "=", 0) == 0) return line;
    return "";
}

HttpClient::HttpClient(std::string base) : base_(std::move(base)) {}

std::string HttpClient::encode_form(const FormFields& fields) {
    std::string body;
    for (const auto& [name, value] : fields) body += (body.empty() ? "" : "&") + escape(name) + "=" + escape(value);
    return body;
}

HttpResponse HttpClient::get(const std::string& path, const std::vector<std::string>& headers) {
    return request("GET", path, "", headers);
}

HttpResponse HttpClient::post(const std::string& path, const FormFields& fields, const std::vector<std::string>& headers) {
    auto all = headers;
    all.push_back("Content-Type: application/x-www-form-urlencoded");
    return request("POST", path, encode_form(fields), all);
}

HttpResponse HttpClient::request(const std::string& method, const std::string& path, const std::string& body,
                                 const std::vector<std::string>& headers) {
    CURL* curl = curl_easy_init();
    if (!curl) throw std::runtime_error("curl_easy_init failed");
    HttpResponse response;
    std::string url = base_ + path;
    curl_slist* header_list = nullptr;
    for (const auto& line : headers) header_list = curl_slist_append(header_list, line.c_str());
    std::string cookie_line;
    for (const auto& [name, value] : cookies) cookie_line += (cookie_line.empty() ? "" : "; ") + name + "=" + value;
    if (!cookie_line.empty()) header_list = curl_slist_append(header_list, ("Cookie: " + cookie_line).c_str());
    header_list = curl_slist_append(header_list, "Expect:");
    curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, method.c_str());
    if (method == "HEAD") curl_easy_setopt(curl, CURLOPT_NOBODY, 1L);
    if (!body.empty() || method == "POST" || method == "PUT") {
        curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body.data());
        curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
    }
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, header_list);
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, write_body);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &response.body);
    curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, write_header);
    curl_easy_setopt(curl, CURLOPT_HEADERDATA, &response);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT, timeout_seconds);
    curl_easy_setopt(curl, CURLOPT_PATH_AS_IS, 1L);
    CURLcode rc = curl_easy_perform(curl);
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &response.status);
    curl_slist_free_all(header_list);
    curl_easy_cleanup(curl);
    if (rc != CURLE_OK) throw std::runtime_error(std::string("HTTP request failed: ") + curl_easy_strerror(rc));

    for (const auto& line : response.headers_named("set-cookie")) {
        auto equals = line.find('=');
        auto semicolon = line.find(';');
        std::string name = line.substr(0, equals);
        std::string value = line.substr(equals + 1, semicolon == std::string::npos ? std::string::npos : semicolon - equals - 1);
        std::string attributes = lower(line);
        if (attributes.find("max-age=0") != std::string::npos || attributes.find("max-age=-") != std::string::npos)
            cookies.erase(name);
        else
            cookies[name] = value;
    }
    return response;
}

std::string input_value(const std::string& html, const std::string& name) {
    std::string needle = "name=\"" + name + "\"";
    auto at = html.find(needle);
    if (at == std::string::npos) return "";
    auto tag_start = html.rfind('<', at);
    auto tag_end = html.find('>', at);
    std::string tag = html.substr(tag_start, tag_end - tag_start);
    auto value_at = tag.find("value=\"");
    if (value_at == std::string::npos) return "";
    value_at += 7;
    return tag.substr(value_at, tag.find('"', value_at) - value_at);
}

}  // namespace authgate::test
