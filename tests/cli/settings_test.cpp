// Settings as resolve_settings() reads them from a config file.
#include "cli/settings.h"

#include "core/diagnostic.h"
#include "support/temp_dir.h"

#include <gtest/gtest.h>

namespace cadence::cli {
namespace {

using testing::TempDir;

class SettingsTest : public ::testing::Test {
 protected:
  Settings with_config(const std::string& toml) const {
    const auto path = dir.write("cadence.toml", toml);
    return resolve_settings(Arguments({"serve", "--config", path}, {}), [](const char*) -> const char* { return nullptr; });
  }
  std::string error_of(const std::string& toml) const {
    try {
      with_config(toml);
    } catch (const InputError& e) {
      return e.what();
    }
    return "no error";
  }

  TempDir dir;
};

TEST_F(SettingsTest, ServeCacheSizeIsReadAndBounded) {
  EXPECT_EQ(with_config("").cache_mb, 256);
  EXPECT_EQ(with_config("[serve]\ncache_mb = 1024\n").cache_mb, 1024);
  EXPECT_EQ(with_config("").kept_records_max, 20'000'000);
  EXPECT_EQ(with_config("[serve]\nkept_records_max = 0\n").kept_records_max, 0);
  EXPECT_EQ(with_config("[serve]\ncompliance_cache_mb = 64\nreport_cache_mb = 32\n").report_cache_mb, 32);
  EXPECT_NE(error_of("[serve]\nreport_cache_mb = 7\n").find("report_cache_mb must be between 8 and 65536"),
            std::string::npos);
  EXPECT_EQ(with_config("[serve]\ncache_mb = 8\n").cache_mb, 8);
  EXPECT_NE(error_of("[serve]\ncache_mb = 7\n").find("cache_mb must be between 8 and 65536"), std::string::npos);
  EXPECT_NE(error_of("[serve]\ncache_mb = 65537\n").find("cache_mb must be between 8 and 65536"), std::string::npos);
  EXPECT_NE(error_of("[serve]\ncache_mb = \"big\"\n").find("cache_mb"), std::string::npos);
}

TEST_F(SettingsTest, AccountsSessionsAndTrustedProxiesAreReadAndBounded) {
  const auto defaults = with_config("");
  EXPECT_EQ(defaults.session_idle_minutes, 30);
  EXPECT_EQ(defaults.session_absolute_hours, 12);
  EXPECT_TRUE(defaults.trusted_proxies.empty());
  const auto set = with_config(
      "[accounts]\nsession_idle_minutes = 5\nsession_absolute_hours = 2\ntrusted_proxies = [\"127.0.0.1\", \"::1\"]\n");
  EXPECT_EQ(set.session_idle_minutes, 5);
  EXPECT_EQ(set.session_absolute_hours, 2);
  EXPECT_EQ(set.trusted_proxies, (std::vector<std::string>{"127.0.0.1", "::1"}));
  EXPECT_NE(error_of("[accounts]\nsession_idle_minutes = 0\n").find("session_idle_minutes must be between 1 and 1440"),
            std::string::npos);
  EXPECT_NE(error_of("[accounts]\ntrusted_proxies = \"127.0.0.1\"\n").find("trusted_proxies"), std::string::npos);
  EXPECT_NE(error_of("[accounts]\nsession_idle = 5\n").find("session_idle"), std::string::npos);
}

TEST_F(SettingsTest, DatabasePoolAndChangePollAreReadAndBounded) {
  EXPECT_EQ(with_config("").db_pool_size, 0);  // workers + 1
  EXPECT_EQ(with_config("[serve]\ndb_pool_size = 12\n").db_pool_size, 12);
  EXPECT_NE(error_of("[serve]\ndb_pool_size = 0\n").find("db_pool_size must be between 1 and 1024"), std::string::npos);
  EXPECT_EQ(with_config("").change_poll_ms, 250);
  EXPECT_EQ(with_config("[serve]\nchange_poll_ms = 1000\n").change_poll_ms, 1000);
  EXPECT_NE(error_of("[serve]\nchange_poll_ms = 5\n").find("change_poll_ms must be between 10 and 60000"),
            std::string::npos);
}

TEST_F(SettingsTest, EventLoopsAreReadAndBounded) {
  EXPECT_EQ(with_config("").event_loops, 0);  // one per core, at most 2
  EXPECT_EQ(with_config("[serve]\nevent_loops = 3\n").event_loops, 3);
  EXPECT_NE(error_of("[serve]\nevent_loops = -1\n").find("event_loops must be between 0 and 64"), std::string::npos);
  EXPECT_NE(error_of("[serve]\nevent_loops = 65\n").find("event_loops must be between 0 and 64"), std::string::npos);
}

TEST_F(SettingsTest, MailIsReadWithEveryProblemAtItsLine) {
  const auto s = with_config("[mail]\nsmtp = \"smtps://mail.example.org:465\"\nfrom = \"cadence@example.org\"\n"
                             "max_per_minute = 0\nlanguage = \"en\"\n");
  EXPECT_EQ(s.smtp_url, "smtps://mail.example.org:465");
  EXPECT_EQ(s.smtp_from, "cadence@example.org");
  EXPECT_EQ(s.smtp_max_per_minute, 0);
  EXPECT_EQ(s.mail_language, "en");
  const auto all = error_of("[mail]\nfrom = \"not an address\"\nauth = \"cram\"\npassword = \"secret\"\n");
  EXPECT_NE(all.find("cadence.toml:2:8: error: [mail] from: "), std::string::npos) << all;
  EXPECT_NE(all.find("cadence.toml:3:8: error: [mail] auth must be \"plain\" or \"login\""), std::string::npos) << all;
  EXPECT_NE(all.find("[mail] unknown key 'password'"), std::string::npos) << all;
  EXPECT_EQ(all.find("secret"), std::string::npos) << all;
}

TEST_F(SettingsTest, KeepAliveIsReadAndBounded) {
  EXPECT_EQ(with_config("").keep_alive_seconds, 5);
  EXPECT_EQ(with_config("[serve]\nkeep_alive_seconds = 75\n").keep_alive_seconds, 75);
  EXPECT_NE(error_of("[serve]\nkeep_alive_seconds = 0\n").find("keep_alive_seconds must be between 1 and 3600"),
            std::string::npos);
}

TEST_F(SettingsTest, DbWaitIsReadFromConfigEnvironmentAndCommandLine) {
  EXPECT_EQ(with_config("").db_wait_seconds, 60);
  EXPECT_EQ(with_config("db_wait_seconds = 300\n").db_wait_seconds, 300);
  EXPECT_NE(error_of("db_wait_seconds = -1\n").find("db_wait_seconds must be between 0 and 86400"), std::string::npos);
  const auto env = [](const char* name) -> const char* { return std::string(name) == "CADENCE_DB_WAIT" ? "7" : nullptr; };
  EXPECT_EQ(resolve_settings(Arguments({"check"}, {}), env).db_wait_seconds, 7);
  EXPECT_EQ(resolve_settings(Arguments({"check", "--db-wait", "0"}, {}), env).db_wait_seconds, 0);
  EXPECT_THROW(resolve_settings(Arguments({"check", "--db-wait", "soon"}, {}), env), UsageError);
}

TEST_F(SettingsTest, SubtreeMaxUnitsIsReadAndBounded) {
  EXPECT_EQ(with_config("").subtree_max_units, 2000);
  EXPECT_EQ(with_config("[feeds]\nsubtree_max_units = 50\n").subtree_max_units, 50);
  EXPECT_NE(error_of("[feeds]\nsubtree_max_units = 0\n").find("subtree_max_units must be between 1 and 10000000"),
            std::string::npos);
}

}  // namespace
}  // namespace cadence::cli
