// output.h -- how authgate-admin prints: aligned tables for people, JSON for scripts.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace authgate::admin {

// Rows under a header, printed with each column as wide as its widest cell.
class Table {
public:
    explicit Table(std::vector<std::string> header) : header_(std::move(header)) {}
    void add(std::vector<std::string> row) { rows_.push_back(std::move(row)); }
    // Prints the header and rows, two spaces between columns, no trailing spaces.
    void print(std::ostream& out) const;

private:
    std::vector<std::string> header_;
    std::vector<std::vector<std::string>> rows_;
};

// A JSON string literal of `text` (quotes, backslashes and control characters escaped; bytes
// above 0x7f passed through as they are).
std::string json_string(const std::string& text);

// A JSON object built member by member, in order.
class JsonObject {
public:
    JsonObject& add(const std::string& key, const std::string& value);  // a string
    JsonObject& add(const std::string& key, const char* value) { return add(key, std::string(value)); }
    JsonObject& add(const std::string& key, std::int64_t value);
    JsonObject& add(const std::string& key, int value) { return add(key, static_cast<std::int64_t>(value)); }
    JsonObject& add(const std::string& key, bool value);
    JsonObject& add(const std::string& key, const std::optional<std::int64_t>& value);  // null when absent
    JsonObject& add_raw(const std::string& key, const std::string& json);             // already JSON
    std::string text() const { return "{" + body_ + "}"; }

private:
    void key(const std::string& name);
    std::string body_;
};

// A JSON array of already-encoded values.
std::string json_array(const std::vector<std::string>& values);
// A JSON array of strings.
std::string json_strings(const std::vector<std::string>& values);

// Unix seconds as "2026-12-02 10:09:42" (UTC); "-" when absent.
std::string format_time(const std::optional<std::int64_t>& unix_seconds);

// "yes" or "no".
const char* yes_no(bool value);

}  // namespace authgate::admin
