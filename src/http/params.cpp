// params.cpp -- one-buffer storage and first-wins lookups for CGI/FastCGI parameters.
#include "http/params.h"

#include <cstring>
#include <stdexcept>

namespace authgate::http {

namespace {

// True when `part` lies in `whole`'s bytes (appending to `whole` could then move them).
bool views_into(const std::string& whole, std::string_view part) {
    return !part.empty() && part.data() >= whole.data() && part.data() < whole.data() + whole.size();
}

}  // namespace

Params::Params(std::initializer_list<std::pair<std::string_view, std::string_view>> entries) {
    for (const auto& [name, value] : entries) add(name, value);
}

Params Params::from_environment(const char* const* environment) {
    Params params;
    std::size_t bytes = 0;
    std::size_t count = 0;
    for (const char* const* entry = environment; entry && *entry; ++entry) {
        bytes += std::strlen(*entry);
        ++count;
    }
    if (bytes > UINT32_MAX) throw std::length_error("parameters too large");
    // Each line is copied whole ("NAME=VALUE"); the spans skip the '='.
    params.text_.resize(bytes);
    params.spans_.reserve(count);
    char* out = params.text_.data();
    std::uint32_t at = 0;
    for (const char* const* entry = environment; entry && *entry; ++entry) {
        std::size_t size = std::strlen(*entry);
        const void* equals = std::memchr(*entry, '=', size);
        if (!equals) continue;
        auto name_size = static_cast<std::uint32_t>(static_cast<const char*>(equals) - *entry);
        std::memcpy(out + at, *entry, size);
        params.spans_.push_back({at, name_size, at + name_size + 1, static_cast<std::uint32_t>(size - name_size - 1)});
        at += static_cast<std::uint32_t>(size);
    }
    params.text_.resize(at);
    return params;
}

void Params::append(std::string_view name, std::string_view value) {
    if (views_into(text_, name) || views_into(text_, value)) {
        std::string name_copy(name), value_copy(value);
        append(name_copy, value_copy);
        return;
    }
    if (text_.size() + name.size() + value.size() > UINT32_MAX) throw std::length_error("parameters too large");
    Span span{static_cast<std::uint32_t>(text_.size()), static_cast<std::uint32_t>(name.size()), 0,
              static_cast<std::uint32_t>(value.size())};
    text_.append(name);
    span.value_at = static_cast<std::uint32_t>(text_.size());
    text_.append(value);
    spans_.push_back(span);
}

void Params::add(std::string_view name, std::string_view value) {
    append(name, value);
}

void Params::set(std::string_view name, std::string_view value) {
    for (auto& span : spans_) {
        if (name_of(span) != name) continue;
        // The new value goes at the end; the old bytes stay unused until the Params is gone.
        std::string copy(value);  // `value` may view text_ itself
        if (text_.size() + copy.size() > UINT32_MAX) throw std::length_error("parameters too large");
        span.value_at = static_cast<std::uint32_t>(text_.size());
        span.value_size = static_cast<std::uint32_t>(copy.size());
        text_.append(copy);
        return;
    }
    append(name, value);
}

std::string_view Params::find(std::string_view name, bool* found) const {
    const std::size_t size = name.size();
    for (const auto& span : spans_) {
        if (span.name_size != size) continue;
        // Most names share a prefix ("HTTP_"): the last byte turns most candidates away before
        // the call to memcmp, which otherwise dominates a request's dozen lookups.
        const char* candidate = text_.data() + span.name_at;
        if (size != 0 && (candidate[size - 1] != name[size - 1] || std::memcmp(candidate, name.data(), size) != 0))
            continue;
        if (found) *found = true;
        return value_of(span);
    }
    if (found) *found = false;
    return {};
}

bool Params::contains(std::string_view name) const {
    bool found = false;
    find(name, &found);
    return found;
}

Params::Entry Params::operator[](std::size_t i) const {
    return {name_of(spans_.at(i)), value_of(spans_.at(i))};
}

}  // namespace authgate::http
