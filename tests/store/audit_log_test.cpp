#include "store/audit_log.h"

#include "store_fixture.h"

namespace cadence::store {
namespace {

using test::StoreTest;

TEST_P(StoreTest, AuditEntriesComeBackPerEntityOldestFirst) {
  AuditLog log(db);
  AuditEntry first{0, db.now(), "a@example.org", "insert", "unit", "town", std::nullopt, R"({"id":"town"})"};
  AuditEntry other{0, db.now(), "a@example.org", "insert", "unit", "county", std::nullopt, "{}"};
  AuditEntry second{0,
                    db.now() + std::chrono::seconds{5},
                    "b@example.org",
                    "update",
                    "unit",
                    "town",
                    R"({"id":"town"})",
                    R"({"id":"town","name":"x"})"};
  first.id = log.append(first);
  other.id = log.append(other);
  second.id = log.append(second);
  EXPECT_LT(first.id, second.id);
  EXPECT_EQ(log.for_entity("unit", "town"), (std::vector<AuditEntry>{first, second}));
  EXPECT_TRUE(log.for_entity("record", "town").empty());
}

TEST_P(StoreTest, AuditEntriesComeBackFromATimeOnOldestFirst) {
  AuditLog log(db);
  AuditEntry early{0, db.now(), "a", "insert", "unit", "town", std::nullopt, "{}"};
  AuditEntry late{0, db.now() + std::chrono::hours{1}, "b", "revoke", "api_token", "3", R"({"x":"1"})", std::nullopt};
  early.id = log.append(early);
  late.id = log.append(late);
  EXPECT_EQ(log.since(std::nullopt), (std::vector<AuditEntry>{early, late}));
  EXPECT_EQ(log.since(db.now() + std::chrono::minutes{1}), (std::vector<AuditEntry>{late}));
  EXPECT_TRUE(log.since(db.now() + std::chrono::hours{2}).empty());
}

}  // namespace
}  // namespace cadence::store
