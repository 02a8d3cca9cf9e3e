#include "ical/ics_scan.h"

#include "core/diagnostic.h"
#include "core/plain_text.h"
#include "ical/content_lines.h"

#include <date/date.h>

#include <algorithm>
#include <cctype>

namespace cadence::ical {

namespace {

bool digits(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

unsigned number(std::string_view s) {
  unsigned n = 0;
  for (char c : s) n = n * 10 + static_cast<unsigned>(c - '0');
  return n;
}

std::string upper(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

struct Open {
  std::string name;
  int line = 0;
  bool has_dtstart = false;
  int event = -1;  // index in the scan's events when this is one of them
};

class Scanner {
 public:
  explicit Scanner(std::string file) : file_(std::move(file)) {}

  std::vector<EventLines> run(const std::vector<ContentLine>& lines) {
    if (lines.empty() || !iequals(lines.front().text, "BEGIN:VCALENDAR")) {
      const int line = lines.empty() ? 1 : lines.front().line;
      throw InputError(Diagnostics{{file_, line, 0, "missing BEGIN:VCALENDAR: this is not an iCalendar (.ics) file"}});
    }
    for (const auto& l : lines) take(l);
    for (const auto& o : open_) error(o.line, "BEGIN:" + o.name + " is never closed by END:" + o.name);
    if (!diagnostics_.empty()) throw InputError(diagnostics_);
    return vevents_;
  }

 private:
  void take(const ContentLine& l) {
    PropertyParts p;
    if (!split_property(l.text, p)) return error(l.line, "no ':' in this line (expected NAME:VALUE): '" + l.text.substr(0, 60) + "'");
    const auto name = upper(p.name);
    // RFC 5545 allows no control character but tab in a content line; libical would keep one.
    if (const auto problem = text_problem(l.text, l.text.size()); !problem.empty()) error(l.line, name + " " + problem);
    if (name == "BEGIN") return begin(l.line, upper(p.value));
    if (name == "END") return end(l.line, upper(p.value));
    if (open_.empty()) return error(l.line, name + " outside BEGIN:VCALENDAR … END:VCALENDAR");
    if (name == "RRULE" && open_.back().event >= 0 && !vevents_[static_cast<std::size_t>(open_.back().event)].rrule)
      vevents_[static_cast<std::size_t>(open_.back().event)].rrule = l.line;
    if (name == "DTSTART" && open_.back().name == "VEVENT") {
      open_.back().has_dtstart = true;
      if (!is_ical_date_or_date_time(p.value))
        error(l.line, "DTSTART '" + std::string(p.value) + "' is not a date (YYYYMMDD) or date-time (YYYYMMDDTHHMMSS[Z])");
    }
  }

  void begin(int line, std::string name) {
    if (open_.empty() && name != "VCALENDAR") error(line, "BEGIN:" + name + " outside BEGIN:VCALENDAR … END:VCALENDAR");
    int event = -1;
    if (name == "VEVENT" && open_.size() == 1 && open_.front().name == "VCALENDAR") {
      event = static_cast<int>(vevents_.size());
      vevents_.push_back({line, 0});
    }
    open_.push_back({std::move(name), line, false, event});
  }

  void end(int line, const std::string& name) {
    const auto match = std::find_if(open_.rbegin(), open_.rend(), [&](const Open& o) { return o.name == name; });
    if (match == open_.rend()) return error(line, "END:" + name + " without a BEGIN:" + name);
    // Whatever was opened after the matching BEGIN is missing its END; say so once each and
    // carry on, so one missing line does not hide the rest of the file's problems.
    while (open_.back().name != name) {
      error(open_.back().line, "BEGIN:" + open_.back().name + " is never closed (END:" + name + " on line " +
                                   std::to_string(line) + " comes first)");
      open_.pop_back();
    }
    if (name == "VEVENT" && !open_.back().has_dtstart) error(open_.back().line, "VEVENT without DTSTART");
    open_.pop_back();
  }

  void error(int line, std::string message) { diagnostics_.push_back({file_, line, 0, std::move(message)}); }

  std::string file_;
  std::vector<Open> open_;
  std::vector<EventLines> vevents_;
  Diagnostics diagnostics_;
};

}  // namespace

bool is_ical_date_or_date_time(std::string_view v) {
  if (v.size() < 8 || !digits(v.substr(0, 8))) return false;
  const date::year_month_day ymd{date::year{static_cast<int>(number(v.substr(0, 4)))}, date::month{number(v.substr(4, 2))},
                                 date::day{number(v.substr(6, 2))}};
  if (!ymd.ok()) return false;
  if (v.size() == 8) return true;
  if (v.size() == 16 && v.back() == 'Z') v.remove_suffix(1);
  if (v.size() != 15 || v[8] != 'T' || !digits(v.substr(9))) return false;
  // Second 60 is a leap second, which RFC 5545 allows.
  return number(v.substr(9, 2)) < 24 && number(v.substr(11, 2)) < 60 && number(v.substr(13, 2)) <= 60;
}

std::vector<EventLines> scan_ics(const std::string& file, std::string_view text) { return Scanner(file).run(unfold(text)); }

}  // namespace cadence::ical
