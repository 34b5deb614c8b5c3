// output.cpp -- aligned tables and a small JSON writer for authgate-admin's listings.
#include "admin/output.h"

#include <algorithm>
#include <ctime>
#include <ostream>

namespace authgate::admin {

void Table::print(std::ostream& out) const {
    std::vector<std::size_t> widths(header_.size(), 0);
    auto measure = [&](const std::vector<std::string>& row) {
        for (std::size_t i = 0; i < row.size() && i < widths.size(); ++i) widths[i] = std::max(widths[i], row[i].size());
    };
    measure(header_);
    for (const auto& row : rows_) measure(row);
    auto print_row = [&](const std::vector<std::string>& row) {
        std::string line;
        for (std::size_t i = 0; i < row.size() && i < widths.size(); ++i) {
            line += row[i];
            if (i + 1 < row.size()) line += std::string(widths[i] - row[i].size() + 2, ' ');
        }
        out << line << '\n';
    };
    print_row(header_);
    for (const auto& row : rows_) print_row(row);
}

std::string json_string(const std::string& text) {
    static const char hex[] = "0123456789abcdef";
    std::string quoted = "\"";
    for (unsigned char c : text) {
        switch (c) {
            case '"': quoted += "\\\""; break;
            case '\\': quoted += "\\\\"; break;
            case '\n': quoted += "\\n"; break;
            case '\r': quoted += "\\r"; break;
            case '\t': quoted += "\\t"; break;
            default:
                if (c < 0x20 || c == 0x7f) {
                    quoted += "\\u00";
                    quoted += hex[c >> 4];
                    quoted += hex[c & 15];
                } else {
                    quoted += static_cast<char>(c);
                }
        }
    }
    return quoted + "\"";
}

void JsonObject::key(const std::string& name) {
    if (!body_.empty()) body_ += ", ";
    body_ += json_string(name) + ": ";
}

JsonObject& JsonObject::add(const std::string& name, const std::string& value) {
    key(name);
    body_ += json_string(value);
    return *this;
}

JsonObject& JsonObject::add(const std::string& name, std::int64_t value) {
    key(name);
    body_ += std::to_string(value);
    return *this;
}

JsonObject& JsonObject::add(const std::string& name, bool value) {
    key(name);
    body_ += value ? "true" : "false";
    return *this;
}

JsonObject& JsonObject::add(const std::string& name, const std::optional<std::int64_t>& value) {
    key(name);
    body_ += value ? std::to_string(*value) : "null";
    return *this;
}

JsonObject& JsonObject::add_raw(const std::string& name, const std::string& json) {
    key(name);
    body_ += json;
    return *this;
}

std::string json_array(const std::vector<std::string>& values) {
    std::string text = "[";
    for (std::size_t i = 0; i < values.size(); ++i) text += (i ? ", " : "") + values[i];
    return text + "]";
}

std::string json_strings(const std::vector<std::string>& values) {
    std::vector<std::string> quoted;
    for (const auto& value : values) quoted.push_back(json_string(value));
    return json_array(quoted);
}

std::string format_time(const std::optional<std::int64_t>& unix_seconds) {
    if (!unix_seconds) return "-";
    std::time_t time = static_cast<std::time_t>(*unix_seconds);
    std::tm utc{};
    if (!::gmtime_r(&time, &utc)) return std::to_string(*unix_seconds);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%d %H:%M:%S", &utc);
    return text;
}

const char* yes_no(bool value) {
    return value ? "yes" : "no";
}

}  // namespace authgate::admin
