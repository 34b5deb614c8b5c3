// auth_flow.cpp -- shared steps and checks for the account-flow end-to-end tests.
#include "support/text_util.h"
#include "support/auth_flow.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <cctype>
#include <cstdint>
#include <stdexcept>

namespace authgate::test {

namespace {

// SHA-256 (FIPS 180-4), written out here so the tests do not share code with the server.
class Sha256 {
public:
    void update(const std::string& data) {
        for (unsigned char byte : data) {
            block_[used_++] = byte;
            if (used_ == 64) {
                compress();
                used_ = 0;
            }
        }
        length_ += data.size();
    }
    std::string hex_digest() {
        std::uint64_t bits = length_ * 8;
        block_[used_++] = 0x80;
        if (used_ > 56) {
            while (used_ < 64) block_[used_++] = 0;
            compress();
            used_ = 0;
        }
        while (used_ < 56) block_[used_++] = 0;
        for (int i = 7; i >= 0; --i) block_[used_++] = static_cast<unsigned char>(bits >> (i * 8));
        compress();
        static const char digits[] = "0123456789abcdef";
        std::string out;
        for (std::uint32_t word : state_)
            for (int shift = 28; shift >= 0; shift -= 4) out.push_back(digits[(word >> shift) & 15]);
        return out;
    }

private:
    static std::uint32_t rotr(std::uint32_t x, int n) { return (x >> n) | (x << (32 - n)); }
    void compress() {
        static const std::uint32_t k[64] = {
            0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
            0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
            0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
            0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
            0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
            0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
            0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
            0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};
        std::uint32_t w[64];
        for (int i = 0; i < 16; ++i)
            w[i] = (std::uint32_t(block_[i * 4]) << 24) | (std::uint32_t(block_[i * 4 + 1]) << 16) |
                   (std::uint32_t(block_[i * 4 + 2]) << 8) | std::uint32_t(block_[i * 4 + 3]);
        for (int i = 16; i < 64; ++i) {
            std::uint32_t s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >> 3);
            std::uint32_t s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >> 10);
            w[i] = w[i - 16] + s0 + w[i - 7] + s1;
        }
        std::uint32_t a = state_[0], b = state_[1], c = state_[2], d = state_[3], e = state_[4], f = state_[5],
                      g = state_[6], h = state_[7];
        for (int i = 0; i < 64; ++i) {
            std::uint32_t t1 = h + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + k[i] + w[i];
            std::uint32_t t2 = (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
            h = g;
            g = f;
            f = e;
            e = d + t1;
            d = c;
            c = b;
            b = a;
            a = t1 + t2;
        }
        state_[0] += a; state_[1] += b; state_[2] += c; state_[3] += d;
        state_[4] += e; state_[5] += f; state_[6] += g; state_[7] += h;
    }

    std::array<std::uint32_t, 8> state_{0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                        0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
    std::array<unsigned char, 64> block_{};
    std::size_t used_ = 0;
    std::uint64_t length_ = 0;
};

}  // namespace

Account unique_account(const std::string& tag) {
    static std::atomic<int> counter{0};
    std::string id = tag + std::to_string(++counter);
    return Account{id + "@example.com", id, "correct horse battery " + id};
}

std::string csrf_token_of(HttpClient& client, const std::string& path, const std::vector<std::string>& headers) {
    return input_value(client.get(path, headers).body, "csrf_token");
}

HttpResponse post_form(HttpClient& client, const std::string& form_path, const std::string& path, FormFields fields) {
    fields.emplace_back("csrf_token", csrf_token_of(client, form_path));
    return client.post(path, fields);
}

HttpResponse register_account(HttpClient& client, const Account& account, const std::vector<std::string>& headers) {
    std::string token = csrf_token_of(client, "/register", headers);
    return client.post("/register",
                       {{"email", account.email}, {"username", account.username}, {"password", account.password},
                        {"password_confirm", account.password}, {"csrf_token", token}},
                       headers);
}

HttpResponse log_in(HttpClient& client, const std::string& email, const std::string& password, bool remember,
                    const std::string& query, const std::vector<std::string>& headers) {
    std::string token = csrf_token_of(client, "/login" + query, headers);
    FormFields fields = {{"email", email}, {"password", password}, {"csrf_token", token}};
    if (remember) fields.emplace_back("remember", "on");
    return client.post("/login" + query, fields, headers);
}

void register_and_log_in(HttpClient& client, const Account& account, bool remember,
                         const std::vector<std::string>& headers) {
    auto registered = register_account(client, account, headers);
    if (registered.status != 302 || registered.header("Location") != "/login")
        throw std::runtime_error("registration of " + account.email + " answered " +
                                 std::to_string(registered.status) + " " + registered.header("Location"));
    auto logged_in = log_in(client, account.email, account.password, remember, "", headers);
    if (logged_in.status != 302 || logged_in.header("Location") != "/dashboard")
        throw std::runtime_error("login of " + account.email + " answered " + std::to_string(logged_in.status) +
                                 " " + logged_in.header("Location"));
}

HttpResponse log_out(HttpClient& client, const std::vector<std::string>& headers) {
    std::string token = csrf_token_of(client, "/logout", headers);
    return client.post("/logout", {{"csrf_token", token}}, headers);
}

ServerOptions with_args(std::vector<std::string> arguments) {
    ServerOptions options;
    options.authgate_args = std::move(arguments);
    return options;
}

std::string flash_html(const std::string& category, const std::string& message) {
    return "<div class=\"flash " + category + "\" role=\"status\">" + html_escape(message) + "</div>";
}

std::string html_escape(const std::string& text) {
    std::string out;
    for (char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out.push_back(c);
        }
    }
    return out;
}

std::size_t count_of(const std::string& text, const std::string& part) {
    std::size_t count = 0;
    for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + part.size())) ++count;
    return count;
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

std::string sha256_hex(const std::string& data) {
    Sha256 hash;
    hash.update(data);
    return hash.hex_digest();
}

bool is_base64url(const std::string& text) {
    return !text.empty() && std::all_of(text.begin(), text.end(), [](unsigned char c) {
        return std::isalnum(c) || c == '-' || c == '_';
    });
}

std::string SetCookie::attribute(const std::string& name) const {
    auto found = attributes.find(name);
    return found == attributes.end() ? "" : found->second;
}

SetCookie parse_set_cookie(const std::string& line) {
    SetCookie cookie;
    std::vector<std::string> parts;
    std::size_t start = 0;
    for (;;) {
        auto semicolon = line.find(';', start);
        parts.push_back(trim(line.substr(start, semicolon == std::string::npos ? std::string::npos : semicolon - start)));
        if (semicolon == std::string::npos) break;
        start = semicolon + 1;
    }
    auto equals = parts.front().find('=');
    cookie.name = parts.front().substr(0, equals);
    cookie.value = equals == std::string::npos ? "" : parts.front().substr(equals + 1);
    for (std::size_t i = 1; i < parts.size(); ++i) {
        if (parts[i].empty()) continue;
        auto at = parts[i].find('=');
        if (at == std::string::npos) cookie.attributes[lower(parts[i])] = "";
        else cookie.attributes[lower(trim(parts[i].substr(0, at)))] = trim(parts[i].substr(at + 1));
    }
    return cookie;
}

CookieNames cookie_names(bool https) {
    if (https) return {"__Host-session", "__Host-remember_token", "__Host-csrf_nonce"};
    return {"session", "remember_token", "csrf_nonce"};
}

std::string replace_all_of(std::string text, const std::string& from, const std::string& to) {
    if (from.empty()) return text;
    for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
        text.replace(at, from.size(), to);
    return text;
}

std::string percent_encode(const std::string& text) {
    static const char digits[] = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : text) {
        if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
            out.push_back(static_cast<char>(c));
        } else {
            out.push_back('%');
            out.push_back(digits[c >> 4]);
            out.push_back(digits[c & 15]);
        }
    }
    return out;
}

}  // namespace authgate::test
