// connection.cpp -- libpq connection, named prepared statements, results and error mapping.
#include "store/postgresql/connection.h"

#include <cstdlib>
#include <libpq-fe.h>
#include <vector>

namespace authgate::store::postgresql {

namespace {

// libpq's message on one line: its line breaks (and the tabs after them) become "; ".
std::string message_of(const char* text) {
    std::string message;
    for (const char* c = text ? text : ""; *c; ++c) {
        if (*c == '\n') {
            while (c[1] == '\t' || c[1] == ' ') ++c;
            if (c[1]) message += "; ";
        } else {
            message += *c;
        }
    }
    while (!message.empty() && message.back() == ' ') message.pop_back();
    return message.empty() ? "unknown error" : message;
}

// SQLSTATEs that mean the server is going away or cannot serve us now: class 08 (connection
// exception), 57P01-57P03 (administrator/crash shutdown, cannot connect now), 55P03 (a lock not
// granted within lock_timeout).
bool means_unavailable(const std::string& sqlstate) {
    return sqlstate.compare(0, 2, "08") == 0 || sqlstate == "57P01" || sqlstate == "57P02" || sqlstate == "57P03" ||
           sqlstate == "55P03";
}

// `text` where PostgreSQL would refuse it (a NUL byte, bytes that are not UTF-8) has those bytes
// replaced by U+FFFD, so hostile input (a user agent, a submitted email) is stored or looked up
// instead of failing the request. Valid text is returned unchanged.
std::optional<std::string> storable(const std::string& text) {
    std::string out;
    bool changed = false;
    std::size_t i = 0;
    while (i < text.size()) {
        unsigned char c = static_cast<unsigned char>(text[i]);
        std::size_t length = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
        bool ok = length != 0 && c != 0 && i + length <= text.size() && !(c == 0xC0 || c == 0xC1 || c > 0xF4);
        for (std::size_t k = 1; ok && k < length; ++k)
            ok = (static_cast<unsigned char>(text[i + k]) & 0xC0) == 0x80;
        if (ok && length == 3) {
            unsigned char d = static_cast<unsigned char>(text[i + 1]);
            ok = !(c == 0xE0 && d < 0xA0) && !(c == 0xED && d >= 0xA0);  // overlong, surrogate
        }
        if (ok && length == 4) {
            unsigned char d = static_cast<unsigned char>(text[i + 1]);
            ok = !(c == 0xF0 && d < 0x90) && !(c == 0xF4 && d >= 0x90);  // overlong, above U+10FFFF
        }
        if (ok) {
            out.append(text, i, length);
            i += length;
        } else {
            out += "\xEF\xBF\xBD";
            changed = true;
            ++i;
        }
    }
    if (!changed) return std::nullopt;
    return out;
}

}  // namespace

bool DatabaseError::is_unique_violation() const {
    return sqlstate == "23505";
}

Result::Result(pg_result* result) : result_(result) {}

Result::~Result() = default;

void Result::Free::operator()(pg_result* result) const {
    PQclear(result);
}

int Result::rows() const {
    return PQntuples(result_.get());
}

std::int64_t Result::int64(int row, int column) const {
    if (PQgetisnull(result_.get(), row, column)) return 0;
    return std::strtoll(PQgetvalue(result_.get(), row, column), nullptr, 10);
}

std::string Result::text(int row, int column) const {
    if (PQgetisnull(result_.get(), row, column)) return {};
    return std::string(PQgetvalue(result_.get(), row, column),
                       static_cast<std::size_t>(PQgetlength(result_.get(), row, column)));
}

bool Result::is_null(int row, int column) const {
    return PQgetisnull(result_.get(), row, column) != 0;
}

std::int64_t Result::affected() const {
    return std::strtoll(PQcmdTuples(result_.get()), nullptr, 10);
}

Connection::Connection(std::string uri, std::string password)
    : uri_(std::move(uri)), password_(std::move(password)), name_(redacted(uri_)) {
    connect();
}

Connection::~Connection() {
    if (conn_) PQfinish(conn_);
}

void Connection::connect() {
    // Defaults first: the URI (expanded in place of "dbname") overrides them; the password file's
    // password comes last and wins.
    std::vector<const char*> keys = {"connect_timeout", "keepalives", "keepalives_idle", "keepalives_interval",
                                     "keepalives_count", "tcp_user_timeout", "application_name", "dbname"};
    std::vector<const char*> values = {"5", "1", "10", "3", "3", "10000", "authgate", uri_.c_str()};
    if (!password_.empty()) {
        keys.push_back("password");
        values.push_back(password_.c_str());
    }
    keys.push_back(nullptr);
    values.push_back(nullptr);
    conn_ = PQconnectdbParams(keys.data(), values.data(), 1);
    if (!conn_) throw StoreUnavailable("cannot connect to " + name_ + ": out of memory");
    if (PQstatus(conn_) != CONNECTION_OK) {
        std::string message = message_of(PQerrorMessage(conn_));
        PQfinish(conn_);
        conn_ = nullptr;
        throw StoreUnavailable("cannot connect to " + name_ + ": " + message);
    }
    // Timestamps are integers and text is compared as bytes; nothing here depends on the server's
    // time zone or locale, but notices (e.g. "relation already exists, skipping") stay off stderr.
    PQsetNoticeProcessor(conn_, [](void*, const char*) {}, nullptr);
}

bool Connection::usable() const {
    return conn_ && PQstatus(conn_) == CONNECTION_OK;
}

void Connection::reconnect() {
    statements_.clear();
    if (conn_) {
        PQfinish(conn_);
        conn_ = nullptr;
    }
    connect();
}

void Connection::fail(pg_result* result, const std::string& context) {
    const char* state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
    std::string sqlstate = state ? state : "";
    // The primary message only: a DETAIL line may quote the values of a row.
    std::string message = message_of(result ? PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY) : nullptr);
    if (message == "unknown error" && conn_) message = message_of(PQerrorMessage(conn_));
    PQclear(result);
    if (!usable()) throw StoreUnavailable("lost the connection to " + name_ + " (" + context + "): " + message);
    if (means_unavailable(sqlstate))
        throw StoreUnavailable("database " + name_ + " cannot serve now (" + context + "): " + message);
    throw DatabaseError(context + ": " + message, sqlstate);
}

Result Connection::run(const std::string& sql, std::initializer_list<Param> params) {
    if (!conn_) throw StoreUnavailable("not connected to " + name_);
    auto found = statements_.find(sql);
    if (found == statements_.end()) {
        std::string name = "authgate_" + std::to_string(statements_.size() + 1);
        pg_result* prepared = PQprepare(conn_, name.c_str(), sql.c_str(), 0, nullptr);
        if (!prepared || PQresultStatus(prepared) != PGRES_COMMAND_OK) fail(prepared, "prepare");
        PQclear(prepared);
        found = statements_.emplace(sql, name).first;
    }
    std::vector<std::string> replaced(params.size());
    std::vector<const char*> values;
    values.reserve(params.size());
    for (const Param& param : params) {
        const char* value = nullptr;
        if (param.text()) {
            value = param.text()->c_str();
            if (auto fixed = storable(*param.text())) {
                replaced[values.size()] = std::move(*fixed);
                value = replaced[values.size()].c_str();
            }
        }
        values.push_back(value);
    }
    pg_result* result = PQexecPrepared(conn_, found->second.c_str(), static_cast<int>(values.size()), values.data(),
                                       nullptr, nullptr, 0);
    ExecStatusType status = result ? PQresultStatus(result) : PGRES_FATAL_ERROR;
    if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) fail(result, "statement");
    return Result(result);
}

void Connection::exec(const std::string& sql) {
    if (!conn_) throw StoreUnavailable("not connected to " + name_);
    pg_result* result = PQexec(conn_, sql.c_str());
    ExecStatusType status = result ? PQresultStatus(result) : PGRES_FATAL_ERROR;
    if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) fail(result, "statement");
    PQclear(result);
}

}  // namespace authgate::store::postgresql
