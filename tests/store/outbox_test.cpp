#include "store/outbox.h"

#include "store_fixture.h"

#include <gtest/gtest.h>

namespace cadence::store {
namespace {

using namespace std::chrono_literals;

class OutboxTest : public test::StoreTest {
 protected:
  std::chrono::sys_seconds at(int minutes) const { return t0 + std::chrono::minutes{minutes}; }

  OutboxMessage message(const std::string& key, std::vector<std::string> to = {"sec@t.example"}) const {
    OutboxMessage m;
    m.key = key;
    m.unit = "t";
    m.kind = "upcoming";
    m.to = std::move(to);
    m.subject = "【提醒】主题";
    m.text = "正文";
    m.html = "<p>正文</p>";
    m.date = t0;
    m.zone = "Asia/Shanghai";
    m.next_attempt = t0;
    m.created = t0;
    return m;
  }

  std::chrono::sys_seconds t0 = date::sys_days{date::year{2026} / 5 / 7} + 1h;
  Outbox outbox{db};
};

TEST_P(OutboxTest, OneRowPerKeyHoweverOftenAPassAddsIt) {
  const std::vector<OutboxMessage> batch{message("k1"), message("k2")};
  EXPECT_EQ(outbox.add(batch), 2);
  EXPECT_EQ(outbox.add(batch), 0);
  const std::vector<std::string> keys{"k1", "k3"};
  EXPECT_EQ(outbox.existing_keys(keys), (std::unordered_set<std::string>{"k1"}));
  const auto rows = outbox.list(std::nullopt);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].subject, "【提醒】主题");
  EXPECT_EQ(rows[0].to, std::vector<std::string>{"sec@t.example"});
  EXPECT_EQ(rows[0].date, t0);
}

TEST_P(OutboxTest, AUnitsEmailsComeNewestFirstAndOnlyItsOwn) {
  std::vector<OutboxMessage> batch;
  for (int i = 0; i < 5; ++i) batch.push_back(message("t-" + std::to_string(i)));
  auto other = message("other-1");
  other.unit = "t2";  // a unit whose id begins with the first's
  batch.insert(batch.begin() + 2, other);
  outbox.add(batch);
  std::vector<std::string> keys;
  for (const auto& m : outbox.of_unit("t", 3)) keys.push_back(m.key);
  EXPECT_EQ(keys, (std::vector<std::string>{"t-4", "t-3", "t-2"}));
  EXPECT_EQ(outbox.of_unit("t", 10).size(), 5u);
  ASSERT_EQ(outbox.of_unit("t2", 10).size(), 1u);
  EXPECT_EQ(outbox.of_unit("t2", 10).front().subject, "【提醒】主题");
  EXPECT_TRUE(outbox.of_unit("nobody", 10).empty());
}

TEST_P(OutboxTest, AUnitWithoutAnAddressIsListedAsSuch) {
  const std::vector<OutboxMessage> batch{message("k1", {})};
  outbox.add(batch);
  EXPECT_EQ(outbox.list(std::string("no_address")).size(), 1u);
  EXPECT_TRUE(outbox.claim("w1", 10, at(0), 60s).empty());
}

TEST_P(OutboxTest, AClaimedRowIsNobodyElsesUntilItsLeaseExpires) {
  const std::vector<OutboxMessage> batch{message("k1"), message("k2")};
  outbox.add(batch);
  auto other = reopen();
  Outbox second(*other);
  EXPECT_EQ(outbox.claim("w1", 1, at(0), 60s).size(), 1u);
  const auto rest = second.claim("w2", 10, at(0), 60s);
  ASSERT_EQ(rest.size(), 1u);
  EXPECT_EQ(rest[0].key, "k2");
  EXPECT_TRUE(second.claim("w2", 10, at(0), 60s).empty());
  // w1 died: after its lease, its row is taken over, and counted as another try.
  const auto taken = second.claim("w2", 10, at(2), 60s);
  ASSERT_EQ(taken.size(), 2u);
  EXPECT_EQ(taken[0].key, "k1");
  EXPECT_EQ(taken[0].tries, 2);
  // A mark by the holder that lost the row changes nothing.
  outbox.mark_sent(taken[0].id, "w1", "250 ok", at(2), false);
  EXPECT_EQ(outbox.find(taken[0].id)->status, "sending");
  second.mark_sent(taken[0].id, "w2", "250 ok", at(2), false);
  EXPECT_EQ(outbox.find(taken[0].id)->status, "sent");
  EXPECT_EQ(outbox.find(taken[0].id)->sent_at, at(2));
}

TEST_P(OutboxTest, RetriesWaitForTheirTimeAndFailuresCanBeRetried) {
  const std::vector<OutboxMessage> batch{message("k1")};
  outbox.add(batch);
  auto row = outbox.claim("w1", 10, at(0), 60s).at(0);
  outbox.mark_retry(row.id, "w1", "451 try later", at(5), false);
  EXPECT_TRUE(outbox.claim("w1", 10, at(4), 60s).empty());
  row = outbox.claim("w1", 10, at(5), 60s).at(0);
  EXPECT_EQ(row.last_reply, "451 try later");
  outbox.mark_failed(row.id, "w1", "550 no such user", false);
  EXPECT_EQ(outbox.find(row.id)->status, "failed");
  EXPECT_EQ(outbox.find(row.id)->last_reply, "550 no such user");
  EXPECT_TRUE(outbox.retry(row.id, at(10)));
  EXPECT_FALSE(outbox.retry(row.id, at(10)));
  EXPECT_EQ(outbox.claim("w1", 10, at(10), 60s).at(0).tries, 1);
}

TEST_P(OutboxTest, WhatIsDueCanBeJudgedAsOfAnEarlierMomentThanTheLease) {
  const std::vector<OutboxMessage> batch{message("k1")};
  outbox.add(batch);
  auto row = outbox.claim("w1", 10, at(0), 60s).at(0);
  outbox.mark_retry(row.id, "w1", "451 later", at(1), false);
  // A pass that started at 0 and is still running at 2 leaves the retry for a later pass.
  EXPECT_TRUE(outbox.claim("w1", 10, at(2), 60s, at(0)).empty());
  EXPECT_EQ(outbox.claim("w1", 10, at(2), 60s, at(2)).size(), 1u);
}

TEST_P(OutboxTest, AHandoverIsCountedUntilTheServerAnswersAndOnlyByTheHolder) {
  const std::vector<OutboxMessage> batch{message("k1")};
  outbox.add(batch);
  auto row = outbox.claim("w1", 10, at(0), 60s).at(0);
  EXPECT_TRUE(outbox.note_handover(row.id, "w1"));
  EXPECT_FALSE(outbox.note_handover(row.id, "w2"));
  // The holder died after the handover: whoever takes the row over sees it counted.
  row = outbox.claim("w2", 10, at(2), 60s).at(0);
  EXPECT_EQ(row.unconfirmed_sends, 1);
  EXPECT_TRUE(outbox.note_handover(row.id, "w2"));
  outbox.mark_sent(row.id, "w2", "250 ok", at(2), true);
  EXPECT_EQ(outbox.find(row.id)->unconfirmed_sends, 1);
  EXPECT_EQ(outbox.find(row.id)->status, "sent");
}

TEST_P(OutboxTest, AnUnconfirmedRowIsListedAndCanBeRetried) {
  const std::vector<OutboxMessage> batch{message("k1")};
  outbox.add(batch);
  const auto row = outbox.claim("w1", 10, at(0), 60s).at(0);
  outbox.note_handover(row.id, "w1");
  outbox.mark_unconfirmed(row.id, "w1", "no answer");
  EXPECT_EQ(outbox.list(std::string("unconfirmed")).size(), 1u);
  EXPECT_TRUE(outbox.claim("w1", 10, at(5), 60s).empty());
  EXPECT_TRUE(outbox.retry(row.id, at(10)));
  const auto again = outbox.claim("w1", 10, at(10), 60s).at(0);
  EXPECT_EQ(again.unconfirmed_sends, 0);
}

TEST_P(OutboxTest, AFailureNoticeListsEachFailureOnceAndThereIsOneANoticePerKey) {
  const std::vector<OutboxMessage> batch{message("k1"), message("k2"), message("k3")};
  outbox.add(batch);
  for (const auto& row : outbox.claim("w1", 2, at(0), 60s)) outbox.mark_failed(row.id, "w1", "550 no", false);
  auto failed = outbox.unreported_failures();
  ASSERT_EQ(failed.size(), 2u);
  auto notice = message("failures:t:-:2026-05-07:-:-", {"admin@t.example"});
  notice.kind = "failures";
  const std::vector<std::int64_t> ids{failed[0].id, failed[1].id};
  EXPECT_TRUE(outbox.add_failure_notice(notice, ids));
  EXPECT_TRUE(outbox.unreported_failures().empty());
  EXPECT_EQ(outbox.find(failed[0].id)->reported_in, notice.key);
  // A later failure the same day: the day's notice exists, so it waits, unmarked, for the next.
  const auto third = outbox.claim("w1", 10, at(1), 60s);
  ASSERT_EQ(third.size(), 2u);  // k3, and the notice itself
  for (const auto& row : third) outbox.mark_failed(row.id, "w1", "550 no", false);
  failed = outbox.unreported_failures();
  ASSERT_EQ(failed.size(), 1u);  // a failed notice is not itself reported
  EXPECT_EQ(failed[0].key, "k3");
  const std::vector<std::int64_t> k3{failed[0].id};
  EXPECT_FALSE(outbox.add_failure_notice(notice, k3));
  EXPECT_EQ(outbox.unreported_failures().size(), 1u);
  notice.key = "failures:t:-:2026-05-08:-:-";
  EXPECT_TRUE(outbox.add_failure_notice(notice, k3));
  // Retried, a message that fails again is reported again.
  EXPECT_TRUE(outbox.retry(failed[0].id, at(2)));
  EXPECT_EQ(outbox.find(failed[0].id)->reported_in, "");
}

TEST_P(OutboxTest, ABulkAddSpanningSeveralStatementsCountsOnlyTheNewRows) {
  std::vector<OutboxMessage> batch;
  for (int i = 0; i < 450; ++i) batch.push_back(message("k" + std::to_string(i)));
  EXPECT_EQ(outbox.add(batch), 450);
  for (int i = 450; i < 500; ++i) batch.push_back(message("k" + std::to_string(i)));
  EXPECT_EQ(outbox.add(batch), 50);
  const auto rows = outbox.list(std::nullopt);
  ASSERT_EQ(rows.size(), 500u);
  EXPECT_EQ(rows[499].key, "k499");
  EXPECT_EQ(rows[499].subject, "【提醒】主题");
  EXPECT_EQ(rows[499].created, t0);
}

INSTANTIATE_TEST_SUITE_P(Backends, OutboxTest, CADENCE_BOTH_BACKENDS);

}  // namespace
}  // namespace cadence::store
