// `cadence db copy` and `cadence db check`, and the demo county loaded into SQLite and into
// PostgreSQL giving the same compliance and feeds; on the real binary and a real cluster.
#include "cli_runner.h"
#include "store/migrations.h"
#include "support/test_database.h"

#include <gtest/gtest.h>

#include <regex>

namespace cadence::testing {
namespace {

const std::string kDemo = CADENCE_SOURCE_DIR "/demo/";

CliResult cadence(const CliRunner& cli, const std::string& db, std::vector<std::string> args) {
  args.insert(args.begin(), "--db=" + db);
  return cli.run(with_repo_data(std::move(args)));
}

void load_demo(const CliRunner& cli, const std::string& db) {
  ASSERT_EQ(cadence(cli, db, {"units", "import", kDemo + "units.csv"}).code, 0);
  ASSERT_EQ(cadence(cli, db, {"records", "import", kDemo + "records.csv"}).code, 0);
}

// A feed without the instants at which this database first saw each item.
std::string without_stamps(const std::string& feed) {
  return std::regex_replace(feed, std::regex("(DTSTAMP|LAST-MODIFIED):[0-9TZ]+\r\n"), "");
}

TEST(DbCommand, TheDemoCountyGivesTheSameCheckAndFeedsOnSqliteAndPostgresql) {
  CliRunner cli;
  SqliteFile sqlite;
  PgDatabase pg;
  load_demo(cli, sqlite.path());
  load_demo(cli, pg.uri());
  for (const auto& args : std::vector<std::vector<std::string>>{
           {"check", "--as-of", "2026-06-30", "--format", "json"},
           {"check", "--period", "2026-Q1", "--as-of", "2026-06-30", "--format", "json"},
           {"units", "list"},
           {"records", "list", "--unit", "town-07"}}) {
    const auto a = cadence(cli, sqlite.path(), args), b = cadence(cli, pg.uri(), args);
    EXPECT_EQ(a.code, 0) << a.err;
    EXPECT_GT(a.out.size(), 1000u) << args[0];
    EXPECT_EQ(a.out, b.out) << args[0];
  }
  for (const auto& unit : {"county", "town-07", "town-01-v01"}) {
    const std::vector<std::string> args{"feed", "--unit", unit, "--scope", "subtree", "--as-of", "2026-06-30"};
    const auto a = cadence(cli, sqlite.path(), args), b = cadence(cli, pg.uri(), args);
    EXPECT_EQ(a.code, 0) << a.err;
    EXPECT_NE(a.out.find("BEGIN:VTODO"), std::string::npos) << unit;
    EXPECT_EQ(without_stamps(a.out), without_stamps(b.out)) << unit;
  }
}

TEST(DbCommand, CopyTakesEveryTableToPostgresqlAndBackInOneGo) {
  CliRunner cli;
  SqliteFile sqlite, back;
  PgDatabase pg;
  load_demo(cli, sqlite.path());
  ASSERT_EQ(cadence(cli, sqlite.path(), {"token", "issue", "--unit", "town-07"}).code, 0);
  const auto copied = cli.run({"db", "copy", "--from", sqlite.path(), "--to", pg.uri()});
  ASSERT_EQ(copied.code, 0) << copied.err;
  EXPECT_NE(copied.out.find("  units             220\n"), std::string::npos) << copied.out;
  EXPECT_NE(copied.out.find("  records           10393\n"), std::string::npos) << copied.out;
  EXPECT_NE(copied.out.find("  feed_tokens       1\n"), std::string::npos) << copied.out;
  // Ids generated after the copy do not collide with copied ones.
  const auto issued = cadence(cli, pg.uri(), {"token", "issue", "--unit", "town-07"});
  EXPECT_EQ(issued.code, 0) << issued.err;
  EXPECT_TRUE(issued.out.starts_with("token 2 for town-07")) << issued.out;

  const auto check = cadence(cli, pg.uri(), {"db", "check"});
  EXPECT_EQ(check.code, 0) << check.err;
  EXPECT_NE(check.out.find("(PostgreSQL): schema version " + std::to_string(cadence::store::latest_schema_version())), std::string::npos) << check.out;
  EXPECT_NE(check.out.find("ok: no orphan rows"), std::string::npos) << check.out;

  ASSERT_EQ(cli.run({"db", "copy", "--from", pg.uri(), "--to", back.path()}).code, 0);
  const std::vector<std::string> json{"check", "--as-of", "2026-06-30", "--format", "json"};
  EXPECT_EQ(cadence(cli, back.path(), json).out, cadence(cli, sqlite.path(), json).out);
  const auto back_check = cadence(cli, back.path(), {"db", "check"});
  EXPECT_NE(back_check.out.find("  feed_tokens       2\n"), std::string::npos) << back_check.out;
  EXPECT_NE(back_check.out.find("integrity_check and foreign_key_check clean"), std::string::npos) << back_check.out;
}

TEST(DbCommand, CopyRefusesATargetWithDataUnlessToldToReplaceIt) {
  CliRunner cli;
  SqliteFile sqlite;
  PgDatabase pg;
  ASSERT_EQ(cadence(cli, sqlite.path(), {"units", "import", kDemo + "units.csv"}).code, 0);
  ASSERT_EQ(cadence(cli, pg.uri(), {"units", "import", kDemo + "units.csv"}).code, 0);
  ASSERT_EQ(cadence(cli, pg.uri(), {"records", "import", kDemo + "records.csv"}).code, 0);
  const auto refused = cli.run({"db", "copy", "--from", sqlite.path(), "--to", pg.uri()});
  EXPECT_EQ(refused.code, 1);
  EXPECT_EQ(refused.err, "cadence: database '" + pg.uri() +
                             "' already holds data: copy into an empty one, or give --replace to empty it first\n");
  const auto replaced = cli.run({"db", "copy", "--from", sqlite.path(), "--to", pg.uri(), "--replace"});
  EXPECT_EQ(replaced.code, 0) << replaced.err;
  EXPECT_NE(replaced.out.find("  records           0\n"), std::string::npos) << replaced.out;
  EXPECT_NE(cadence(cli, pg.uri(), {"db", "check"}).out.find("  records           0\n"), std::string::npos);
}

TEST(DbCommand, CheckIsARead) {
  CliRunner cli;
  const auto missing = cli.dir().file("missing.db");
  const auto r = cli.run({"--db", missing, "db", "check"});
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("does not exist"), std::string::npos) << r.err;
  EXPECT_FALSE(std::filesystem::exists(missing));
  PgDatabase empty;
  const auto none = cli.run({"--db", empty.uri(), "db", "check"});
  EXPECT_EQ(none.code, 1);
  EXPECT_NE(none.err.find("holds no Cadence schema"), std::string::npos) << none.err;
  SqliteFile sqlite;
  ASSERT_EQ(cadence(cli, sqlite.path(), {"units", "import", kDemo + "units.csv"}).code, 0);
  const auto before = CliRunner::slurp(sqlite.path());
  EXPECT_EQ(cli.run({"--db", sqlite.path(), "db", "check"}).code, 0);
  EXPECT_EQ(CliRunner::slurp(sqlite.path()), before);
}

TEST(DbPassword, NeverShowsInOutput) {
  CliRunner cli;
  const std::string secret = "pw-s3cret-4711";
  const auto in_uri = cli.run({"--db", "postgresql://postgres:" + secret + "@/x?host=" + pg_host(), "units", "list"});
  EXPECT_EQ(in_uri.code, 1);
  EXPECT_NE(in_uri.err.find("carries a password"), std::string::npos) << in_uri.err;
  EXPECT_NE(in_uri.err.find("postgres:***@"), std::string::npos) << in_uri.err;
  const auto in_query = cli.run({"--db", "postgresql://postgres@/x?password=" + secret, "units", "list"});
  EXPECT_NE(in_query.err.find("?password=***"), std::string::npos) << in_query.err;
  const auto file = cli.dir().write("pw", secret + "\n");
  // A database that is not there: libpq's error is shown, and the password is not in it.
  const auto from_file =
      cli.run({"--db", pg_uri("no_such_database"), "--db-password-file", file, "units", "list"});
  EXPECT_EQ(from_file.code, 1);
  EXPECT_NE(from_file.err.find("no_such_database"), std::string::npos) << from_file.err;
  for (const auto* r : {&in_uri, &in_query, &from_file}) {
    EXPECT_EQ(r->out.find(secret), std::string::npos) << r->out;
    EXPECT_EQ(r->err.find(secret), std::string::npos) << r->err;
  }
  const auto unreadable = cli.run({"--db", pg_uri("x"), "--db-password-file", cli.dir().file("nope"), "units", "list"});
  EXPECT_EQ(unreadable.code, 2);
  EXPECT_NE(unreadable.err.find("--db-password-file: cannot read"), std::string::npos) << unreadable.err;
}

// A role that must give its password (pg_cluster.sh asks one of every member of cadence_pw).
TEST(DbPassword, AuthenticatesFromTheFileOrPgpasswordAndFailsWithout) {
  CliRunner cli;
  PgDatabase pg;
  const std::string role = "cadence_pw" + std::to_string(::getpid()), secret = "pw-s3cret-0815";
  pg_admin("DROP ROLE IF EXISTS " + role);
  pg_admin("DO $$ BEGIN CREATE ROLE cadence_pw NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$");
  pg_admin("CREATE ROLE " + role + " LOGIN PASSWORD '" + secret + "' IN ROLE cadence_pw");
  pg_admin("ALTER DATABASE " + pg.name() + " OWNER TO " + role);
  const std::string uri = "postgresql://" + role + "@/" + pg.name() + "?host=" + pg_host();
  const auto units = cli.dir().write("units.csv", "id,parent,name,type,secretary_email,admin_emails,timezone\n"
                                                  "county,,县委,committee,,,Asia/Shanghai\n");
  const auto without = cli.run({"--db", uri, "units", "import", units});
  EXPECT_EQ(without.code, 1);
  EXPECT_NE(without.err.find("password"), std::string::npos) << without.err;
  const auto file = cli.dir().write("pw", secret + "\n");
  const auto with_file = cli.run({"--db", uri, "--db-password-file", file, "units", "import", units});
  EXPECT_EQ(with_file.code, 0) << with_file.err;
  const auto with_env = cli.run({"--db", uri, "units", "list"}, "PGPASSWORD=" + secret);
  EXPECT_EQ(with_env.code, 0) << with_env.err;
  EXPECT_NE(with_env.out.find("county"), std::string::npos) << with_env.out;
  const auto wrong = cli.run({"--db", uri, "--db-password-file", cli.dir().write("bad", "nope\n"), "units", "list"});
  EXPECT_EQ(wrong.code, 1);
  for (const auto* r : {&without, &with_file, &with_env, &wrong}) {
    EXPECT_EQ(r->out.find(secret), std::string::npos) << r->out;
    EXPECT_EQ(r->err.find(secret), std::string::npos) << r->err;
  }
  pg_admin("ALTER DATABASE " + pg.name() + " OWNER TO postgres");
  pg_admin("DROP DATABASE " + pg.name() + " WITH (FORCE)");
  pg_admin("DROP ROLE " + role);
}

}  // namespace
}  // namespace cadence::testing
