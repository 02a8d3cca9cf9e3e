// The JSON API of a real `cadence serve`, with users and tokens made by the real `cadence user`
// commands, on both backends: the authorisation matrix generated from the route table, and
// what a change through the API does to compliance, feeds and `cadence check`.
#include "api_client.h"
#include "calendars/local_date.h"
#include "cli/cli_runner.h"
#include "serve_process.h"
#include "support/test_database.h"
#include "two_townships.h"
#include "web/api_routes.h"

#include <Poco/JSON/Parser.h>
#include <Poco/Net/StreamSocket.h>

#include <gtest/gtest.h>

#include <date/date.h>

#include <algorithm>
#include <functional>
#include <thread>

namespace cadence::testing {
namespace {

using Poco::JSON::Object;

constexpr const char* kRule = "branch-committee-meeting";  // monthly, for branches
constexpr const char* kAsOf = "2026-05-20";

Object::Ptr parse(const std::string& text) {
  return Poco::JSON::Parser().parse(text).extract<Object::Ptr>();
}

std::string record_body(const std::string& date, const std::string& note = "") {
  return "{\"rule\":\"" + std::string(kRule) + "\",\"date\":\"" + date + "\",\"note\":\"" + note + "\"}";
}

// Who asks, as the matrix lists them; the unit asked about is v1 (a branch of town-a).
enum class Who { kNobody, kSecretary, kSiblingSecretary, kAdminAbove, kOtherAdmin, kViewer, kDisabled, kRevoked };
constexpr Who kEveryone[] = {Who::kNobody,     Who::kSecretary, Who::kSiblingSecretary, Who::kAdminAbove,
                             Who::kOtherAdmin, Who::kViewer,    Who::kDisabled,         Who::kRevoked};
const char* name_of(Who w) {
  switch (w) {
    case Who::kNobody: return "no credentials";
    case Who::kSecretary: return "secretary of the unit";
    case Who::kSiblingSecretary: return "secretary of a sibling";
    case Who::kAdminAbove: return "administrator above";
    case Who::kOtherAdmin: return "administrator of another township";
    case Who::kViewer: return "viewer";
    case Who::kDisabled: return "disabled user";
    case Who::kRevoked: return "revoked token";
  }
  return "";
}

// What a route needs of the caller.
enum class Need { kNothing, kSignedIn, kRead, kRecord, kReturn, kAudit };

bool may(Who w, Need need) {
  switch (need) {
    case Need::kNothing: return true;
    case Need::kSignedIn: return w == Who::kSecretary || w == Who::kSiblingSecretary || w == Who::kAdminAbove ||
                                 w == Who::kOtherAdmin || w == Who::kViewer;
    case Need::kRead: return w == Who::kSecretary || w == Who::kAdminAbove || w == Who::kViewer;
    case Need::kRecord: return w == Who::kSecretary || w == Who::kAdminAbove;
    case Need::kReturn:
    case Need::kAudit: return w == Who::kAdminAbove;
  }
  return false;
}

bool authenticated(Who w) { return w != Who::kNobody && w != Who::kDisabled && w != Who::kRevoked; }

class ApiTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    cli.dir().write("units.csv", kTwoTownshipsCsv);
    ASSERT_EQ(run({"units", "import", "units.csv"}).code, 0);
    tokens[Who::kSecretary] = user("sec-v1@example.org", "v1", "secretary");
    tokens[Who::kSiblingSecretary] = user("sec-v2@example.org", "v2", "secretary");
    tokens[Who::kAdminAbove] = user("admin-a@example.org", "town-a", "administrator");
    tokens[Who::kOtherAdmin] = user("admin-b@example.org", "town-b", "administrator");
    tokens[Who::kViewer] = user("viewer-a@example.org", "town-a", "viewer");
    tokens[Who::kDisabled] = user("gone@example.org", "county", "administrator");
    ASSERT_EQ(run({"user", "disable", "gone@example.org"}).code, 0);
    tokens[Who::kRevoked] = user("revoked@example.org", "county", "administrator");
    revoke_tokens_of("revoked@example.org");
    tokens[Who::kNobody] = "";
    start();
  }

  void TearDown() override {
    if (server.running() && server.stop(std::chrono::seconds(20)) == -2) server.kill();
  }

  CliResult run(const std::vector<std::string>& args) const {
    auto full = with_repo_data(args);
    full.push_back("--db=" + database.uri());
    return cli.run(full);
  }

  // A user with one grant and an API token for them, made by `cadence user add` and `user token`.
  std::string user(const std::string& email, const std::string& unit, const std::string& role) {
    const auto added = run({"user", "add", email, "--unit", unit, "--role", role});
    EXPECT_EQ(added.code, 0) << added.err;
    const auto issued = run({"user", "token", email, "--label", "api test"});
    EXPECT_EQ(issued.code, 0) << issued.err;
    // "API token N for EMAIL (shown once: …)", then the token on a line of its own.
    const auto id_at = issued.out.find("API token ") + 10;
    token_ids[email] = issued.out.substr(id_at, issued.out.find(' ', id_at) - id_at);
    auto token = issued.out.substr(issued.out.find('\n') + 1);
    return token.substr(0, token.find('\n'));
  }

  void revoke_tokens_of(const std::string& email) {
    const auto revoked = run({"user", "token", "revoke", token_ids.at(email)});
    ASSERT_EQ(revoked.code, 0) << revoked.err;
  }

  void start() {
    ASSERT_TRUE(server.start({"--db", database.uri(), "--rules", CADENCE_SOURCE_DIR "/rules", "--calendars",
                              CADENCE_SOURCE_DIR "/calendars"},
                             cli.dir().file("serve.log")))
        << server.log();
    port = server.port();
  }

  ApiReply call(const std::string& method, const std::string& path, Who who, const std::string& body = "",
                const std::map<std::string, std::string>& headers = {}) {
    return api_request(port, method, path, tokens.at(who), body, headers);
  }

  // A new record of v1, made by its township's administrator, on a day no other test record has.
  std::int64_t fresh_record() {
    const date::year_month_day day{date::sys_days{date::year{2026} / 1 / 1} + date::days{next_day++}};
    const auto r = call("POST", "/api/v1/units/v1/records", Who::kAdminAbove, record_body(date::format("%F", day)));
    EXPECT_EQ(r.status, 201) << r.body;
    return parse(r.body)->getValue<std::int64_t>("id");
  }
  std::string etag_of_record(std::int64_t id) {
    return call("GET", "/api/v1/records/" + std::to_string(id), Who::kAdminAbove).header("ETag");
  }
  // The status a POST gets for its head alone, announcing `length` bytes it never sends: what
  // the server answers before reading any content.
  int status_of_head_alone(const std::string& path, std::size_t length, const std::string& type) {
    Poco::Net::StreamSocket socket(Poco::Net::SocketAddress("127.0.0.1", port));
    socket.setReceiveTimeout(Poco::Timespan(10, 0));
    const std::string head = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " +
                             tokens.at(Who::kSecretary) + "\r\nContent-Type: " + type +
                             "\r\nContent-Length: " + std::to_string(length) + "\r\n\r\n";
    socket.sendBytes(head.data(), static_cast<int>(head.size()));
    char buffer[64] = {};
    const int n = socket.receiveBytes(buffer, sizeof buffer - 1);
    const std::string line(buffer, n > 0 ? static_cast<std::size_t>(n) : 0);
    return line.starts_with("HTTP/1.1 ") ? std::stoi(line.substr(9, 3)) : -1;
  }

  std::string next_date() {
    const date::year_month_day day{date::sys_days{date::year{2026} / 6 / 1} + date::days{next_day++}};
    return date::format("%F", day);
  }

  CliRunner cli;
  TestDatabase database{GetParam()};
  ServeProcess server;
  std::uint16_t port = 0;
  std::map<Who, std::string> tokens;
  std::map<std::string, std::string> token_ids;  // by email
  int next_day = 0;
};

// Every route of the API table × every kind of caller. A route the table gains without a case
// here fails the test: none can be forgotten.
TEST_P(ApiTest, AuthorisationMatrixOfEveryRoute) {
  const auto readable = fresh_record();
  const auto link = call("POST", "/api/v1/records/" + std::to_string(readable) + "/evidence", Who::kAdminAbove,
                         "{\"kind\":\"通知\",\"link\":\"https://example.org/n/1\"}");
  ASSERT_EQ(link.status, 201) << link.body;
  const auto evidence = parse(link.body)->getValue<std::int64_t>("id");
  const std::string rec = "/api/v1/records/" + std::to_string(readable);

  struct Case {
    Need need;
    int success;
    std::function<ApiReply(Who)> send;
  };
  std::map<std::string, Case> cases;
  const auto get = [&](const std::string& path) { return [&, path](Who w) { return call("GET", path, w); }; };
  cases["GET /api/v1/openapi.json"] = {Need::kNothing, 200, get("/api/v1/openapi.json")};
  cases["GET /api/v1/rules"] = {Need::kSignedIn, 200, get("/api/v1/rules")};
  cases["GET /api/v1/units/{id}"] = {Need::kRead, 200, get("/api/v1/units/v1")};
  cases["GET /api/v1/units/{id}/tree"] = {Need::kRead, 200, get("/api/v1/units/v1/tree")};
  cases["GET /api/v1/units/{id}/records"] = {Need::kRead, 200, get("/api/v1/units/v1/records")};
  cases["GET /api/v1/units/{id}/compliance"] = {Need::kRead, 200, get("/api/v1/units/v1/compliance?as_of=2026-05-20")};
  cases["GET /api/v1/units/{id}/plan"] = {Need::kRead, 200, get("/api/v1/units/v1/plan?year=2026")};
  cases["GET /api/v1/records/{rid}"] = {Need::kRead, 200, get(rec)};
  cases["GET /api/v1/records/{rid}/evidence/{eid}"] = {Need::kRead, 200, get(rec + "/evidence/" + std::to_string(evidence))};
  cases["GET /api/v1/audit"] = {Need::kAudit, 200, get("/api/v1/audit?unit=v1")};
  cases["POST /api/v1/units/{id}/records"] = {Need::kRecord, 201, [&](Who w) {
    return call("POST", "/api/v1/units/v1/records", w, record_body(next_date()));
  }};
  cases["PUT /api/v1/records/{rid}"] = {Need::kRecord, 200, [&](Who w) {
    const auto id = fresh_record();
    return call("PUT", "/api/v1/records/" + std::to_string(id), w, record_body(next_date(), "改"),
                {{"If-Match", etag_of_record(id)}});
  }};
  cases["DELETE /api/v1/records/{rid}"] = {Need::kRecord, 204, [&](Who w) {
    const auto id = fresh_record();
    return call("DELETE", "/api/v1/records/" + std::to_string(id), w, "", {{"If-Match", etag_of_record(id)}});
  }};
  cases["POST /api/v1/records/{rid}/return"] = {Need::kReturn, 200, [&](Who w) {
    return call("POST", "/api/v1/records/" + std::to_string(fresh_record()) + "/return", w, "{\"reason\":\"纪要不全\"}");
  }};
  cases["POST /api/v1/records/{rid}/evidence"] = {Need::kRecord, 201, [&](Who w) {
    return call("POST", rec + "/evidence", w, "{\"kind\":\"纪要\",\"link\":\"https://example.org/m/2\"}");
  }};

  for (const auto& route : web::api_route_table()) {
    const std::string key = route.method + " " + route.pattern;
    const auto found = cases.find(key);
    ASSERT_NE(found, cases.end()) << "no case in the authorisation matrix for " << key;
    const auto& c = found->second;
    for (const Who w : kEveryone) {
      const int expected = c.need == Need::kNothing ? c.success : !authenticated(w) ? 401 : may(w, c.need) ? c.success : 403;
      const auto reply = c.send(w);
      EXPECT_EQ(reply.status, expected) << key << " as " << name_of(w) << ": " << reply.body;
      if (reply.status == 401) {
        EXPECT_EQ(reply.header("WWW-Authenticate").rfind("Bearer", 0), 0u) << key;
      } else if (reply.status == 403) {
        EXPECT_NE(parse(reply.body)->getObject("error"), nullptr) << reply.body;
      }
    }
    cases.erase(found);
  }
  for (const auto& [key, c] : cases) ADD_FAILURE() << "a matrix case for a route the table no longer has: " << key;
}

TEST_P(ApiTest, NoExistenceOracleAnUnknownIdIsForbiddenLikeAnotherUnits) {
  const auto mine = call("POST", "/api/v1/units/v3/records", Who::kOtherAdmin, record_body("2026-05-06"));
  ASSERT_EQ(mine.status, 201) << mine.body;
  const auto elsewhere = call("GET", mine.header("Location"), Who::kAdminAbove);
  const auto nowhere = call("GET", "/api/v1/records/999999", Who::kAdminAbove);
  EXPECT_EQ(elsewhere.status, 403);
  EXPECT_EQ(nowhere.status, 403);
  EXPECT_EQ(elsewhere.body, nowhere.body);
  EXPECT_EQ(call("GET", "/api/v1/units/nowhere", Who::kAdminAbove).body, call("GET", "/api/v1/units/v3", Who::kAdminAbove).body);
  EXPECT_EQ(call("GET", "/api/v1/records/abc", Who::kAdminAbove).status, 403);
}

TEST_P(ApiTest, ASecretarysRecordChangesComplianceAtOnceAsCheckSeesIt) {
  const std::string path = "/api/v1/units/v1/compliance?as_of=" + std::string(kAsOf);
  const auto done = [&] {
    const auto results = parse(call("GET", path, Who::kAdminAbove).body)->getArray("results");
    for (std::size_t i = 0; i < results->size(); ++i) {
      const auto r = results->getObject(static_cast<unsigned>(i));
      if (r->getValue<std::string>("rule") == kRule) return r->getValue<int>("done");
    }
    return -1;
  };
  ASSERT_EQ(done(), 0);
  const auto before = call("GET", path, Who::kSecretary);
  const auto posted = call("POST", "/api/v1/units/v1/records", Who::kSecretary,
                           "{\"rule\":\"branch-committee-meeting\",\"date\":\"2026-05-08\",\"note\":\"五月支委会\","
                           "\"attendance\":{\"expected\":7,\"present\":6}}");
  ASSERT_EQ(posted.status, 201) << posted.body;
  EXPECT_EQ(done(), 1);
  const auto after = call("GET", path, Who::kSecretary, "", {{"If-None-Match", before.header("ETag")}});
  EXPECT_EQ(after.status, 200) << "the compliance changed, so its ETag did";
  // Exactly the JSON of `cadence check --unit`.
  const auto check = run({"check", "--unit", "v1", "--as-of", kAsOf, "--format", "json"});
  ASSERT_EQ(check.code, 0) << check.err;
  EXPECT_EQ(after.body, check.out);
  const auto plan = run({"plan", "--unit", "v1", "--year", "2026", "--format", "json"});
  EXPECT_EQ(call("GET", "/api/v1/units/v1/plan?year=2026", Who::kViewer).body, plan.out);
  // Unchanged: 304.
  EXPECT_EQ(call("GET", path, Who::kSecretary, "", {{"If-None-Match", after.header("ETag")}}).status, 304);
}

// The server keeps compliance answers; another process's write must still show at once, and a
// kept answer must not reach a caller outside the unit's scope.
TEST_P(ApiTest, AKeptComplianceAnswerGivesWayToAnotherProcesssWriteAndStaysInScope) {
  const std::string path = "/api/v1/units/town-a/compliance?as_of=" + std::string(kAsOf);
  const auto first = call("GET", path, Who::kAdminAbove);
  ASSERT_EQ(first.status, 200) << first.body;
  EXPECT_EQ(call("GET", path, Who::kViewer).body, first.body);
  EXPECT_EQ(call("GET", path, Who::kOtherAdmin).status, 403);
  EXPECT_EQ(call("GET", path, Who::kSecretary).status, 403) << "a village secretary reads only the village";
  cli.dir().write("r.csv", "unit,rule,date,tags,period,note\nv2," + std::string(kRule) + ",2026-05-07,,,\n");
  const auto imported = run({"records", "import", "r.csv"});
  ASSERT_EQ(imported.code, 0) << imported.err;
  const auto after = call("GET", path, Who::kAdminAbove, "", {{"If-None-Match", first.header("ETag")}});
  EXPECT_EQ(after.status, 200);
  EXPECT_NE(after.header("ETag"), first.header("ETag"));
  const auto check = run({"check", "--unit", "town-a", "--as-of", kAsOf, "--format", "json"});
  EXPECT_EQ(after.body, check.out);
  EXPECT_NE(after.body, first.body);
}

TEST_P(ApiTest, AReturnedRecordStopsCountingAndCountsAgainAfterResubmission) {
  const auto count = [&] {
    const auto check = run({"check", "--unit", "v1", "--as-of", kAsOf, "--format", "json"});
    const auto results = parse(check.out)->getArray("results");
    for (std::size_t i = 0; i < results->size(); ++i) {
      const auto r = results->getObject(static_cast<unsigned>(i));
      if (r->getValue<std::string>("rule") == kRule) return r->getValue<int>("done");
    }
    return -1;
  };
  const auto posted = call("POST", "/api/v1/units/v1/records", Who::kSecretary, record_body("2026-05-08"));
  ASSERT_EQ(posted.status, 201);
  const auto where = posted.header("Location");
  ASSERT_EQ(count(), 1);
  EXPECT_EQ(call("POST", where + "/return", Who::kSecretary, "{\"reason\":\"x\"}").status, 403);
  EXPECT_EQ(call("POST", where + "/return", Who::kAdminAbove, "{}").status, 422);
  const auto returned = call("POST", where + "/return", Who::kAdminAbove, "{\"reason\":\"缺签到表\"}");
  ASSERT_EQ(returned.status, 200) << returned.body;
  EXPECT_EQ(parse(returned.body)->getValue<std::string>("status"), "returned");
  EXPECT_EQ(count(), 0);
  EXPECT_EQ(call("POST", where + "/return", Who::kAdminAbove, "{\"reason\":\"again\"}").status, 409);

  const auto corrected = call("PUT", where, Who::kSecretary, record_body("2026-05-08", "补上签到表"),
                              {{"If-Match", returned.header("ETag")}});
  ASSERT_EQ(corrected.status, 200) << corrected.body;
  EXPECT_EQ(parse(corrected.body)->getValue<std::string>("status"), "submitted");
  EXPECT_EQ(count(), 1);
  const auto audit = parse(call("GET", "/api/v1/audit?unit=v1", Who::kAdminAbove).body)->getArray("entries");
  std::vector<std::string> actions;
  bool unit_insert = false, secretary_added = false;
  for (std::size_t i = 0; i < audit->size(); ++i) {
    const auto entry = audit->getObject(static_cast<unsigned>(i));
    const auto entity = entry->getValue<std::string>("entity"), action = entry->getValue<std::string>("action");
    if (entity == "record") actions.push_back(action + " " + entry->getValue<std::string>("actor"));
    unit_insert |= entity == "unit" && action == "insert" && entry->getValue<std::string>("entity_id") == "v1";
    secretary_added |= entry->has("after") && entry->getValue<std::string>("after").find("sec-v1@example.org") != std::string::npos;
  }
  // Newest first; with the unit's import and its secretary's account, as `cadence audit --unit` shows.
  EXPECT_EQ(actions, (std::vector<std::string>{"resubmit sec-v1@example.org", "return admin-a@example.org",
                                               "insert sec-v1@example.org"}));
  EXPECT_TRUE(unit_insert);
  EXPECT_TRUE(secretary_added);
  const auto other = parse(call("GET", "/api/v1/audit?unit=v3", Who::kOtherAdmin).body)->getArray("entries");
  for (std::size_t i = 0; i < other->size(); ++i)
    EXPECT_EQ(other->getObject(static_cast<unsigned>(i))->getValue<std::string>("entity") == "record", false);
}

TEST_P(ApiTest, LostUpdatesAreRefused) {
  const auto id = fresh_record();
  const std::string where = "/api/v1/records/" + std::to_string(id);
  const auto first = call("GET", where, Who::kSecretary);
  EXPECT_EQ(call("PUT", where, Who::kSecretary, record_body("2026-05-11")).status, 428);
  ASSERT_EQ(call("PUT", where, Who::kSecretary, record_body("2026-05-11", "一"), {{"If-Match", first.header("ETag")}}).status, 200);
  const auto stale = call("PUT", where, Who::kAdminAbove, record_body("2026-05-12", "二"), {{"If-Match", first.header("ETag")}});
  EXPECT_EQ(stale.status, 412);
  EXPECT_EQ(call("DELETE", where, Who::kAdminAbove, "", {{"If-Match", first.header("ETag")}}).status, 412);
  EXPECT_EQ(parse(call("GET", where, Who::kViewer).body)->getValue<std::string>("note"), "一");
}

// Racing writers that all saw the same version: one wins, every other gets 412 (on PostgreSQL the
// record is locked before the comparison; without it two could pass and one change be lost).
TEST_P(ApiTest, RacingUpdatesOfOneVersionLetExactlyOneThrough) {
  const auto id = fresh_record();
  const std::string where = "/api/v1/records/" + std::to_string(id);
  const auto seen = call("GET", where, Who::kSecretary).header("ETag");
  constexpr int kWriters = 6;
  std::vector<int> statuses(kWriters);
  std::vector<std::thread> writers;
  for (int i = 0; i < kWriters; ++i)
    writers.emplace_back([&, i] {
      statuses[i] = call("PUT", where, Who::kSecretary, record_body("2026-05-11", "写" + std::to_string(i)),
                         {{"If-Match", seen}}).status;
    });
  for (auto& w : writers) w.join();
  EXPECT_EQ(std::count(statuses.begin(), statuses.end(), 200), 1);
  EXPECT_EQ(std::count(statuses.begin(), statuses.end(), 412), kWriters - 1);
  const auto winner = std::find(statuses.begin(), statuses.end(), 200) - statuses.begin();
  EXPECT_EQ(parse(call("GET", where, Who::kViewer).body)->getValue<std::string>("note"), "写" + std::to_string(winner));
}

TEST_P(ApiTest, BadRecordsAreNamedByTheirField) {
  const auto bad = [&](const std::string& body) {
    const auto r = call("POST", "/api/v1/units/v1/records", Who::kSecretary, body);
    EXPECT_EQ(r.status, 422) << body << " → " << r.body;
    const auto field = parse(r.body)->getObject("error")->getValue<std::string>("field");
    EXPECT_EQ(parse(r.body)->getValue<std::string>("field"), field) << r.body;
    return field;
  };
  EXPECT_EQ(bad("{\"rule\":\"nope\",\"date\":\"2026-05-01\"}"), "rule");
  EXPECT_EQ(bad("{\"rule\":\"branch-committee-meeting\",\"date\":\"2026-13-01\"}"), "date");
  EXPECT_EQ(bad("{\"rule\":\"branch-committee-meeting\",\"date\":\"2026-05-01\",\"attendance\":{\"expected\":5,\"present\":6}}"),
            "attendance.present");
  EXPECT_EQ(bad("{\"rule\":\"branch-committee-meeting\",\"date\":\"2026-05-01\",\"tags\":[\"expandd\"]}"), "tags");
  EXPECT_EQ(bad("{\"date\":\"2026-05-01\"}"), "rule");
  EXPECT_EQ(call("POST", "/api/v1/units/v1/records", Who::kSecretary, "{not json").status, 400);
  EXPECT_EQ(call("POST", "/api/v1/units/v1/records", Who::kSecretary, "rule=x", {{"Content-Type", "text/plain"}}).status, 415);
  ASSERT_EQ(call("POST", "/api/v1/units/v1/records", Who::kSecretary, record_body("2026-05-01")).status, 201);
  EXPECT_EQ(call("POST", "/api/v1/units/v1/records", Who::kSecretary, record_body("2026-05-01")).status, 409);
  // Over the records route's 1 MiB: refused as soon as the head is read.
  EXPECT_EQ(status_of_head_alone("/api/v1/units/v1/records", 2 << 20, "application/json"), 413);
}

std::string multipart(const std::string& kind, const std::string& filename, const std::string& data) {
  return "--XyZ\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\n" + kind +
         "\r\n--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename +
         "\"\r\nContent-Type: application/octet-stream\r\n\r\n" + data + "\r\n--XyZ--\r\n";
}

TEST_P(ApiTest, EvidenceFilesAreCheckedByContentAndComeBackWhole) {
  const auto where = "/api/v1/records/" + std::to_string(fresh_record()) + "/evidence";
  const std::map<std::string, std::string> form{{"Content-Type", "multipart/form-data; boundary=XyZ"}};
  std::string png = "\x89PNG\r\n\x1A\n";
  for (int i = 0; i < 256 * 1024; ++i) png += static_cast<char>(i * 7);
  const auto stored = call("POST", where, Who::kSecretary, multipart("现场照片", "会场.png", png), form);
  ASSERT_EQ(stored.status, 201) << stored.body;
  const auto item = parse(stored.body);
  EXPECT_EQ(item->getValue<std::string>("media_type"), "image/png");
  const auto back = call("GET", stored.header("Location"), Who::kViewer);
  EXPECT_EQ(back.status, 200);
  EXPECT_EQ(back.header("Content-Type"), "image/png");
  EXPECT_EQ(back.header("X-Content-Type-Options"), "nosniff");
  EXPECT_EQ(back.body, png);

  EXPECT_EQ(call("POST", where, Who::kSecretary, multipart("纪要", "x.exe", "MZ\x90\x00 not a pdf"), form).status, 415);
  EXPECT_EQ(call("POST", where, Who::kSecretary, multipart("奖状", "a.pdf", "%PDF-1.4 x"), form).status, 422);
  // Just over 10 MB: within the route's limit (room for the form), refused by the file's size.
  EXPECT_EQ(call("POST", where, Who::kSecretary, multipart("纪要", "big.pdf", "%PDF-" + std::string(10 << 20, 'x')), form).status,
            413);
  // Far over: refused as soon as the head is read.
  EXPECT_EQ(status_of_head_alone(where, 12 << 20, form.at("Content-Type")), 413);
  const auto record = parse(call("GET", where.substr(0, where.rfind('/')), Who::kSecretary).body);
  EXPECT_EQ(record->getArray("evidence")->size(), 1u);
}

TEST_P(ApiTest, ChangesShowInTheFeedAtOnce) {
  const auto issued = run({"token", "issue", "--unit", "v1"});
  ASSERT_EQ(issued.code, 0) << issued.err;
  const auto start = issued.out.find("/feeds/");
  const auto feed = issued.out.substr(start, issued.out.find('\n', start) - start);
  const auto before = api_request(port, "GET", feed, "");
  ASSERT_EQ(before.status, 200);
  // The feed shows the current period, the server's own: a record of today changes it.
  const auto today = local_day(std::chrono::system_clock::now(), "Asia/Shanghai").day;
  ASSERT_EQ(call("POST", "/api/v1/units/v1/records", Who::kSecretary, record_body(format_day(today))).status, 201);
  // The write bumped the records counter: the next fetch after the change poll renders anew.
  bool changed = false;
  for (int i = 0; i < 100 && !changed; ++i) {
    changed = api_request(port, "GET", feed, "").header("ETag") != before.header("ETag");
    if (!changed) std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  EXPECT_TRUE(changed);
}

TEST_P(ApiTest, TheOpenApiDocumentDescribesEveryRouteAndAnIndependentClientReadsTheApi) {
  const auto doc = parse(call("GET", "/api/v1/openapi.json", Who::kNobody).body);
  EXPECT_EQ(doc->getValue<std::string>("openapi"), "3.0.3");
  const auto paths = doc->getObject("paths");
  for (const auto& route : web::api_route_table()) {
    std::string method;
    for (char c : route.method) method += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    ASSERT_TRUE(paths->has(route.pattern)) << route.pattern;
    EXPECT_TRUE(paths->getObject(route.pattern)->has(method)) << route.method << " " << route.pattern;
  }

  const std::string cmd = "/usr/bin/python3 " CADENCE_SOURCE_DIR "/tests/web/read_api.py http://127.0.0.1:" +
                          std::to_string(port) + " " + tokens.at(Who::kSecretary) + " v1 " + kAsOf + " " + kRule +
                          " 2026-05-13 > " + cli.dir().file("python.json");
  ASSERT_EQ(std::system(cmd.c_str()), 0);
  const auto seen = parse(CliRunner::slurp(cli.dir().file("python.json")));
  EXPECT_EQ(seen->getValue<int>("unit_status"), 200);
  EXPECT_EQ(seen->getValue<std::string>("unit_name"), "一村党支部");
  EXPECT_EQ(seen->getValue<int>("post_status"), 201);
  EXPECT_EQ(seen->getObject("posted_attendance")->getValue<int>("present"), 19);
  EXPECT_EQ(seen->getObject("done")->getValue<int>(kRule), 1);
  EXPECT_EQ(seen->getArray("notes")->getElement<std::string>(0), "由 Python 客户端记录");
  EXPECT_EQ(seen->getValue<int>("unknown_unit_status"), 403);
}

INSTANTIATE_TEST_SUITE_P(Backends, ApiTest, CADENCE_BOTH_BACKENDS);

}  // namespace
}  // namespace cadence::testing
