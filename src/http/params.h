// params.h -- the CGI/FastCGI parameters of one request, kept in one buffer (first of a repeated name wins).
#pragma once

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace authgate::http {

// Name/value pairs in the order they arrived. Lookups see the first entry of a name, as libfcgi
// and getenv() do, so a web server's override written before its defaults wins. Adding never
// searches: a request with thousands of parameters costs time in proportion to their size.
class Params {
public:
    // One name and value, viewed in the owning Params (valid until it is changed or destroyed).
    struct Entry {
        std::string_view name;
        std::string_view value;
    };

    Params() = default;
    // The entries in the order given (tests, fixed parameter sets).
    Params(std::initializer_list<std::pair<std::string_view, std::string_view>> entries);

    // The parameters of a NULL-terminated array of "NAME=VALUE" strings (environ, FastCGI's
    // envp); entries without '=' are skipped. Two allocations in all.
    static Params from_environment(const char* const* environment);

    // Appends NAME=VALUE after the others (a later duplicate is kept but never found).
    void add(std::string_view name, std::string_view value);
    // Sets the value that lookups of `name` see: replaces the first entry, or appends one.
    void set(std::string_view name, std::string_view value);

    // The value of the first entry called `name`, or an empty view when absent; `found` (when
    // given) tells an absent name from an empty value.
    std::string_view find(std::string_view name, bool* found = nullptr) const;
    // The value of the first entry called `name` as a string, or "" when absent.
    std::string value(std::string_view name) const { return std::string(find(name)); }
    // True when some entry is called `name`.
    bool contains(std::string_view name) const;

    std::size_t size() const { return spans_.size(); }
    bool empty() const { return spans_.empty(); }
    // The i-th entry in arrival order (i < size()).
    Entry operator[](std::size_t i) const;

private:
    struct Span {
        std::uint32_t name_at, name_size, value_at, value_size;
    };
    void append(std::string_view name, std::string_view value);
    std::string_view name_of(const Span& span) const { return {text_.data() + span.name_at, span.name_size}; }
    std::string_view value_of(const Span& span) const { return {text_.data() + span.value_at, span.value_size}; }

    std::string text_;         // every name and value, back to back
    std::vector<Span> spans_;  // where each entry's name and value are in text_
};

}  // namespace authgate::http
