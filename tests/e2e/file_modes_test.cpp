// file_modes_test.cpp -- the database, its -wal/-shm files and the audit log: 0600, or 0640 for --data-group.
#include <boost/test/unit_test.hpp>
#include <grp.h>
#include <sys/stat.h>
#include <unistd.h>

#include "support/auth_flow.h"
#include "support/http_client.h"
#include "support/test_server.h"

using namespace authgate::test;

namespace {

struct FileInfo {
    bool exists = false;
    unsigned mode = 0;
    gid_t group = 0;
};

FileInfo info_of(const std::string& path) {
    struct stat status {};
    FileInfo info;
    if (stat(path.c_str(), &status) != 0) return info;
    info.exists = true;
    info.mode = status.st_mode & 07777;
    info.group = status.st_gid;
    return info;
}

// A group other than the process's own, so that a changed owner shows; "" when there is none.
std::string other_group() {
    for (const char* name : {"www-data", "nogroup", "daemon", "users"}) {
        struct group* entry = getgrnam(name);
        if (entry && entry->gr_gid != getegid()) return name;
    }
    return "";
}

// Registers an account (a write, so SQLite has its -wal and -shm files and an audit line is written).
void write_something(TestServer& server) {
    HttpClient client(server.base_url());
    BOOST_TEST_REQUIRE(register_account(client, unique_account("modes")).status == 302);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(file_modes)

BOOST_AUTO_TEST_CASE(database_files_and_audit_log_are_private_by_default) {
    TempDir logs;
    std::string audit = logs.path() + "/audit.log";
    TestServer server(with_args({"--audit-log", audit}));
    write_something(server);
    for (const std::string& path : {server.database(), server.database() + "-wal", server.database() + "-shm", audit}) {
        FileInfo info = info_of(path);
        BOOST_TEST(info.exists, path);
        BOOST_TEST(info.mode == 0600u, path << " has mode " << std::oct << info.mode);
    }
}

BOOST_AUTO_TEST_CASE(data_group_makes_them_0640_and_owned_by_the_group) {
    std::string group = other_group();
    if (group.empty() || geteuid() != 0) {
        // Giving a file to a group one is not a member of needs root; check the group's own.
        group = getgrgid(getegid())->gr_name;
    }
    gid_t gid = getgrnam(group.c_str())->gr_gid;
    TempDir logs;
    std::string audit = logs.path() + "/audit.log";
    TestServer server(with_args({"--audit-log", audit, "--data-group", group}));
    write_something(server);
    for (const std::string& path : {server.database(), server.database() + "-wal", server.database() + "-shm", audit}) {
        FileInfo info = info_of(path);
        BOOST_TEST(info.exists, path);
        BOOST_TEST(info.mode == 0640u, path << " has mode " << std::oct << info.mode);
        BOOST_TEST(info.group == gid, path << " has group " << info.group << ", not " << group);
    }
}

BOOST_AUTO_TEST_CASE(an_unknown_data_group_is_a_bad_option) {
    TempDir dir;
    auto result = run_command({required_env("AUTHGATE_BIN"), "--database", dir.path() + "/x.db", "--data-group",
                               "no-such-group-here", "--cgi"},
                              "", {"GATEWAY_INTERFACE=CGI/1.1", "REQUEST_METHOD=GET", "PATH_INFO=/login"});
    BOOST_TEST(result.status == 2);
    BOOST_TEST(result.err.find("no-such-group-here") != std::string::npos);
    BOOST_TEST(!info_of(dir.path() + "/x.db").exists);
}

BOOST_AUTO_TEST_CASE(the_socket_gets_its_socket_mode) {
    TestServer server(with_args({"--socket-mode", "0666"}));
    BOOST_TEST(info_of(server.socket_path()).mode == 0666u);
}

BOOST_AUTO_TEST_SUITE_END()
