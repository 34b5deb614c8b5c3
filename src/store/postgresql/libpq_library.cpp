// libpq_library.cpp -- dlopen and dlsym of libpq's entry points, once per process.
#include "store/postgresql/libpq_library.h"

#include <dlfcn.h>

#include <string>

#include "store/store.h"

namespace authgate::store::postgresql {

namespace {

constexpr const char* kSoname = "libpq.so.5";

template <class Function>
void bind(void* handle, const char* name, Function& slot) {
    void* symbol = dlsym(handle, name);
    if (!symbol) throw StoreError(std::string(kSoname) + " has no " + name);
    slot = reinterpret_cast<Function>(symbol);
}

LibpqLibrary load() {
    // RTLD_LOCAL keeps its symbols out of the process's namespace; the handle is never closed.
    void* handle = dlopen(kSoname, RTLD_NOW | RTLD_LOCAL);
    if (!handle) {
        const char* why = dlerror();
        throw StoreError(std::string("cannot load ") + kSoname + " (install libpq5): " + (why ? why : "unknown error"));
    }
    LibpqLibrary library{};
    bind(handle, "PQconnectdbParams", library.connectdb_params);
    bind(handle, "PQstatus", library.status);
    bind(handle, "PQerrorMessage", library.error_message);
    bind(handle, "PQfinish", library.finish);
    bind(handle, "PQsetNoticeProcessor", library.set_notice_processor);
    bind(handle, "PQprepare", library.prepare);
    bind(handle, "PQexecPrepared", library.exec_prepared);
    bind(handle, "PQexec", library.exec);
    bind(handle, "PQresultStatus", library.result_status);
    bind(handle, "PQresultErrorField", library.result_error_field);
    bind(handle, "PQntuples", library.ntuples);
    bind(handle, "PQgetvalue", library.getvalue);
    bind(handle, "PQgetlength", library.getlength);
    bind(handle, "PQgetisnull", library.getisnull);
    bind(handle, "PQcmdTuples", library.cmd_tuples);
    bind(handle, "PQclear", library.clear);
    return library;
}

}  // namespace

const LibpqLibrary& libpq() {
    // A function-local static: initialised once, thread-safely; a failed load throws and the
    // next call tries again.
    static const LibpqLibrary library = load();
    return library;
}

}  // namespace authgate::store::postgresql
