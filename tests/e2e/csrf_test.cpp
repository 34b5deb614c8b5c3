// csrf_test.cpp -- every POST form needs its csrf_token; a refused request changes nothing; an
// anonymous look at the forms stores nothing.
#include <boost/test/unit_test.hpp>

#include "support/auth_flow.h"
#include "support/http_client.h"
#include "support/sqlite_peek.h"
#include "support/test_server.h"

using namespace authgate::test;

namespace {

const std::string kRefused = "The request was refused.";

// The bad tokens tried on every form: none, empty, garbage, and a valid token of another visitor.
std::vector<std::pair<std::string, std::optional<std::string>>> bad_tokens(const TestServer& server) {
    HttpClient stranger(server.base_url());
    std::string foreign = csrf_token_of(stranger, "/login");
    BOOST_TEST_REQUIRE(!foreign.empty());
    return {{"missing", std::nullopt},
            {"empty", std::string()},
            {"garbage", std::string("not-a-real-token")},
            {"another visitor's", foreign}};
}

FormFields with_token(FormFields fields, const std::optional<std::string>& token) {
    if (token) fields.emplace_back("csrf_token", *token);
    return fields;
}

void check_refused(const HttpResponse& response) {
    BOOST_TEST(response.status == 403);
    BOOST_TEST(contains(response.body, kRefused));
    BOOST_TEST(response.header("Location").empty());
}

}  // namespace

BOOST_AUTO_TEST_SUITE(csrf)

BOOST_AUTO_TEST_CASE(register_without_a_valid_token_is_refused_and_creates_no_user) {
    TestServer server;
    int n = 0;
    for (const auto& [label, token] : bad_tokens(server)) {
        BOOST_TEST_CONTEXT(label << " token") {
            HttpClient client(server.base_url());
            BOOST_TEST_REQUIRE(!csrf_token_of(client, "/register").empty());  // the visitor has a nonce
            std::string id = "csrf" + std::to_string(++n);
            auto response = client.post("/register", with_token({{"email", id + "@example.com"},
                                                                  {"username", id},
                                                                  {"password", "plum-kettle-orbit-93"},
                                                                  {"password_confirm", "plum-kettle-orbit-93"}},
                                                                 token));
            check_refused(response);
        }
    }
    SqlitePeek db(server.database());
    BOOST_TEST(db.integer("SELECT count(*) FROM user") == 0);
}

BOOST_AUTO_TEST_CASE(login_without_a_valid_token_is_refused_and_does_not_log_in) {
    TestServer server;
    Account account = unique_account("csrflogin");
    {
        HttpClient setup(server.base_url());
        BOOST_TEST_REQUIRE(register_account(setup, account).status == 302);
    }
    for (const auto& [label, token] : bad_tokens(server)) {
        BOOST_TEST_CONTEXT(label << " token") {
            HttpClient client(server.base_url());
            BOOST_TEST_REQUIRE(!csrf_token_of(client, "/login").empty());
            auto response = client.post("/login", with_token({{"email", account.email},
                                                              {"password", account.password},
                                                              {"remember", "on"}},
                                                             token));
            check_refused(response);
            BOOST_TEST(response.set_cookie("session").empty());
            BOOST_TEST(response.set_cookie("remember_token").empty());
            BOOST_TEST(client.get("/dashboard").status == 302);
        }
    }
    SqlitePeek db(server.database());
    BOOST_TEST(db.integer("SELECT count(*) FROM authgate_remember") == 0);
}

BOOST_AUTO_TEST_CASE(logout_without_a_valid_token_is_refused_and_keeps_the_session) {
    TestServer server;
    HttpClient client(server.base_url());
    register_and_log_in(client, unique_account("csrfout"), true);
    std::string remember = client.cookies["remember_token"];
    for (const auto& [label, token] : bad_tokens(server)) {
        BOOST_TEST_CONTEXT(label << " token") {
            auto response = client.post("/logout", with_token({}, token));
            check_refused(response);
            BOOST_TEST(client.get("/dashboard").status == 200);
            BOOST_TEST(client.cookies["remember_token"] == remember);
        }
    }
    SqlitePeek db(server.database());
    BOOST_TEST(db.integer("SELECT count(*) FROM authgate_remember") == 1);
}

BOOST_AUTO_TEST_CASE(a_token_sent_in_the_query_string_does_not_count) {
    TestServer server;
    HttpClient client(server.base_url());
    std::string token = csrf_token_of(client, "/register");
    BOOST_TEST_REQUIRE(!token.empty());
    auto response = client.post("/register?csrf_token=" + percent_encode(token),
                                {{"email", "query@example.com"}, {"username", "querytoken"},
                                 {"password", "plum-kettle-orbit-93"}, {"password_confirm", "plum-kettle-orbit-93"}});
    check_refused(response);
    SqlitePeek db(server.database());
    BOOST_TEST(db.integer("SELECT count(*) FROM user") == 0);
}

BOOST_AUTO_TEST_CASE(anonymous_get_of_login_and_register_creates_no_database_row) {
    TestServer server;
    HttpClient warm_up(server.base_url());
    warm_up.get("/login");  // whatever start-up work happens lazily happens here
    std::map<std::string, long long> before;
    {
        SqlitePeek db(server.database());
        before = db.row_counts();
    }
    BOOST_TEST_REQUIRE(!before.empty());
    for (int i = 0; i < 3; ++i) {
        HttpClient visitor(server.base_url());
        BOOST_TEST(visitor.get("/login").status == 200);
        BOOST_TEST(visitor.get("/register").status == 200);
        BOOST_TEST(visitor.get("/login?next=%2Fprofile").status == 200);
        BOOST_TEST(visitor.get("/register").status == 200);
    }
    SqlitePeek db(server.database());
    auto after = db.row_counts();
    BOOST_TEST(before.size() == after.size());
    for (const auto& [table, count] : after) BOOST_TEST(before[table] == count, "table " << table);
}

BOOST_AUTO_TEST_CASE(the_nonce_cookie_is_set_once_httponly_and_samesite_lax) {
    TestServer server;
    HttpClient client(server.base_url());
    auto first = client.get("/login");
    SetCookie nonce = parse_set_cookie(first.set_cookie("csrf_nonce"));
    BOOST_TEST(nonce.name == "csrf_nonce");
    BOOST_TEST(!nonce.value.empty());
    BOOST_TEST(nonce.has("httponly"));
    BOOST_TEST(nonce.attribute("samesite") == "Lax");
    BOOST_TEST(nonce.attribute("path") == "/");
    BOOST_TEST(!nonce.has("domain"));
    BOOST_TEST(!nonce.has("secure"));
    BOOST_TEST(!contains(first.body, nonce.value), "the nonce itself is not the form token");
    auto second = client.get("/register");
    BOOST_TEST(second.set_cookie("csrf_nonce").empty(), "set only when absent");
    BOOST_TEST(!input_value(second.body, "csrf_token").empty());
}

BOOST_AUTO_TEST_CASE(login_rotates_the_nonce_so_the_token_from_before_stops_working) {
    TestServer server;
    HttpClient client(server.base_url());
    Account account = unique_account("rot");
    BOOST_TEST_REQUIRE(register_account(client, account).status == 302);
    std::string nonce_before = client.cookies["csrf_nonce"];
    std::string token_before = csrf_token_of(client, "/login");
    auto login = client.post("/login", {{"email", account.email}, {"password", account.password},
                                        {"csrf_token", token_before}});
    BOOST_TEST_REQUIRE(login.status == 302);
    std::string token_after = input_value(client.get("/dashboard").body, "csrf_token");
    BOOST_TEST(!token_after.empty());
    BOOST_TEST(token_after != token_before);
    BOOST_TEST(client.cookies["csrf_nonce"] != nonce_before);
    check_refused(client.post("/logout", {{"csrf_token", token_before}}));
    BOOST_TEST(client.get("/dashboard").status == 200);
    BOOST_TEST(client.post("/logout", {{"csrf_token", token_after}}).status == 302);
    BOOST_TEST(client.get("/dashboard").status == 302);
}

BOOST_AUTO_TEST_SUITE_END()
