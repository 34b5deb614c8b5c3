// libpq_library.h -- libpq, loaded with dlopen when a PostgreSQL database is first opened.
#pragma once

#include <libpq-fe.h>

namespace authgate::store::postgresql {

// The libpq entry points the PostgreSQL store uses. libpq brings OpenSSL, Kerberos and LDAP:
// relocating them at every start would cost each CGI request on SQLite several milliseconds.
struct LibpqLibrary {
    PGconn* (*connectdb_params)(const char* const* keywords, const char* const* values, int expand_dbname);
    ConnStatusType (*status)(const PGconn* conn);
    char* (*error_message)(const PGconn* conn);
    void (*finish)(PGconn* conn);
    PQnoticeProcessor (*set_notice_processor)(PGconn* conn, PQnoticeProcessor processor, void* arg);
    PGresult* (*prepare)(PGconn* conn, const char* name, const char* query, int n_params, const Oid* types);
    PGresult* (*exec_prepared)(PGconn* conn, const char* name, int n_params, const char* const* values,
                               const int* lengths, const int* formats, int result_format);
    PGresult* (*exec)(PGconn* conn, const char* query);
    ExecStatusType (*result_status)(const PGresult* result);
    char* (*result_error_field)(const PGresult* result, int field);
    int (*ntuples)(const PGresult* result);
    char* (*getvalue)(const PGresult* result, int row, int column);
    int (*getlength)(const PGresult* result, int row, int column);
    int (*getisnull)(const PGresult* result, int row, int column);
    char* (*cmd_tuples)(PGresult* result);
    void (*clear)(PGresult* result);
};

// The process's libpq, loaded once, thread-safely, on the first call. Throws StoreError naming
// the library when it cannot be loaded (the runtime package, libpq5 on Debian, is missing).
const LibpqLibrary& libpq();

}  // namespace authgate::store::postgresql
