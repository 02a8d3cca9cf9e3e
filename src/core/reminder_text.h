#pragma once
// What a reminder email says: subject, plain text and HTML, in Chinese (the default) or English.
// Dates are absolute ("5月14日（周四）14:30"), never "tomorrow": a message may be read days later.
#include "core/reminder_schedule.h"

#include <string>

namespace cadence {

enum class Language { zh, en };

struct ReminderText {
  std::string subject;
  std::string text;
  std::string html;
};

struct TextContext {
  const std::vector<Rule>& rules;
  const UnitTree& tree;
  Language language = Language::zh;
  Day today;                // the day of the pass: a reminder meant for an earlier day says so
  std::string public_url;   // [feeds] public_url; empty: no links
};

// "5月14日（周四）", "5月14日（周四）14:30"; English "Thu 14 May", "Thu 14 May 14:30".
std::string absolute_date(Day day, std::optional<std::chrono::minutes> time, Language language);

ReminderText reminder_text(const Reminder& reminder, const TextContext& context);

// A message from its subject and body lines: lines starting "· " are list items in the HTML.
ReminderText text_of(std::string subject, const std::vector<std::string>& lines);

}  // namespace cadence
