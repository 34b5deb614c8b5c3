// flash_cookie.cpp -- percent-encoded, signed flash lists.
#include "web/flash_cookie.h"

#include "http/url.h"

namespace authgate::web {

namespace {

const char* const purpose = "flash";
const std::size_t max_flashes = 5;
const std::size_t max_value = 3000;
const char field_separator = '\x1f';
const char flash_separator = '\x1e';

}  // namespace

std::string encode_flashes(const auth::ValueSigner& signer, const std::vector<Flash>& flashes) {
    std::string payload;
    std::size_t first = flashes.size() > max_flashes ? flashes.size() - max_flashes : 0;
    for (std::size_t i = first; i < flashes.size(); ++i) {
        if (!payload.empty()) payload += flash_separator;
        payload += flashes[i].category + field_separator + flashes[i].message.substr(0, 300);
    }
    return signer.sign(purpose, http::percent_encode(payload));
}

std::vector<Flash> decode_flashes(const auth::ValueSigner& signer, const std::string& value) {
    if (value.empty() || value.size() > max_value) return {};
    auto opened = signer.open(purpose, value);
    if (!opened) return {};
    auto payload = http::percent_decode(*opened);
    if (!payload) return {};
    std::vector<Flash> flashes;
    std::size_t start = 0;
    while (start <= payload->size() && flashes.size() < max_flashes) {
        auto end = payload->find(flash_separator, start);
        std::string item = payload->substr(start, end == std::string::npos ? std::string::npos : end - start);
        auto split = item.find(field_separator);
        if (split != std::string::npos) flashes.push_back({item.substr(0, split), item.substr(split + 1)});
        if (end == std::string::npos) break;
        start = end + 1;
    }
    return flashes;
}

}  // namespace authgate::web
