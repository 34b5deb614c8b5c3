// request.h -- the HTTP request as the rest of authgate sees it: plain values copied out of the front end.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "http/params.h"

namespace authgate::http {

// Ordered name/value pairs as they arrived; names are compared exactly.
using Fields = std::vector<std::pair<std::string, std::string>>;

// The first value of `name` in `fields`, or nullopt when absent.
std::optional<std::string> find_field(const Fields& fields, const std::string& name);

struct Request {
    std::string method;        // upper-case, e.g. "GET"
    std::string path;          // percent-decoded path, always starting with '/'
    std::string raw_target;    // path and query as the client sent them (for ?next=)
    std::string query_string;  // raw, without '?'
    Fields query;              // fields of the query string
    Fields form;               // fields of an urlencoded or multipart body (never the query string)
    std::map<std::string, std::string> cookies;  // first value wins for a repeated name
    std::string remote_addr;
    std::string user_agent;
    std::string host;
    bool https = false;
    bool authorizer = false;   // a FastCGI AUTHORIZER request (FCGI_ROLE): the client's request, to allow or refuse
    Params params;             // every CGI/FastCGI parameter, for the few who need more

    // The first form (body) field called `name`, or "" when absent.
    std::string form_value(const std::string& name) const;
    // The first query-string field called `name`, or "" when absent.
    std::string query_value(const std::string& name) const;
    // The cookie called `name`, or "" when absent.
    std::string cookie(const std::string& name) const;
};

}  // namespace authgate::http
